"""How a flagged sentence reads on the pages: what could not be found, with its score, never "false"."""

from __future__ import annotations

from pages._views.highlight import checker_label, flag_text, summary_html


def _document(sentence: dict[str, object], checker: str = "offline") -> tuple[dict[str, object], dict[str, object]]:
    summary = {"lang": "en", "sentences": [sentence], "checker": checker}
    return {"summaries": [summary]}, summary


def test_an_offline_flag_reads_as_support_not_found_with_its_reason_and_score() -> None:
    sentence = {
        "text": "Trade rose <b>12 per cent</b>.",
        "supported": False,
        "sources": [],
        "score": 0.0873,
        "reasons": ["12 per cent is not in the source"],
    }
    document, summary = _document(sentence)
    html = summary_html(document, summary)
    assert "Could not find support: 12 per cent is not in the source (score 0.09)" in html
    assert "false" not in html.lower()
    assert "<b>" not in html  # model text is escaped
    assert "Checked by: offline checker" in html


def test_older_results_without_reasons_still_say_what_was_missing() -> None:
    text = flag_text({"supported": False, "missing": ["Kovind"]}, "the other version")
    assert text == "Could not find support: Kovind not found in the other version"


def test_the_checker_label_names_the_nli_model() -> None:
    assert checker_label("nli:MoritzLaurer/x") == "Checked by: NLI model MoritzLaurer/x"
