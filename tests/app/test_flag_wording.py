"""How a flagged sentence reads on the pages: what could not be found, with its score, never "false"."""

from __future__ import annotations

import re
from dataclasses import replace

from pages._views.highlight import checker_label, colours, flag_text, summary_html
from pages._views.wording import reasons as reasons_read
from summarizers.attribution.align import AlignedSentence
from summarizers.attribution.checkers import about_other_version, cross_judged, reasons_for
from summarizers.attribution.features import SIGNALS, Measured
from summarizers.attribution.nli import NLIChecker
from summarizers.messages import CODES, Message
from summarizers.schema import SentenceJSON, messages_json

OTHER = "other_version"


def summary_json_sentence(reason: Message) -> SentenceJSON:
    """A flagged sentence as a result's JSON holds it: the reason's English and its code."""
    return {
        "text": "x",
        "supported": False,
        "sources": [],
        "reasons": [reason],
        "reason_codes": messages_json([reason]),
    }


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


def _every_reason_the_checkers_write() -> list[Message]:
    """Each kind of reason the offline checker, the NLI checker and the cross-language check write."""
    signals = [0.0] * len(SIGNALS)
    signals[SIGNALS.index("copied")] = 0.1  # little copied wording
    signals[SIGNALS.index("spread")] = 0.9  # far-apart sources
    measured = Measured(
        tuple(signals),
        (0, 1),
        missing_numbers=("12 per cent",),
        missing_dates=("3 March",),
        missing_names=("Kovind",),
        new_words=("bridge", "ocean"),
        negation=True,
        substitutions=(("rose", "fell"),),
        apart=(("17", "Real Madrid"),),
    )
    reasons = list(reasons_for(measured, weak=True))
    reasons.append(Message("reason.new_word", words=("bridge",), place="source"))
    aligned = AlignedSentence("Trade rose.", False, (), missing=("Modi",))
    reasons += cross_judged(aligned).reasons
    reasons += cross_judged(replace(aligned, checked=False)).reasons
    for pairs in ([(0.1, 0.8)], [(0.3, 0.4)], []):
        reasons += NLIChecker.judge(aligned, pairs, ()).reasons
    reasons.append(Message("reason.scattered", place="source"))
    return reasons


def test_every_reason_reads_in_hindi_with_only_its_quoted_words_left_in_english() -> None:
    reasons = _every_reason_the_checkers_write()
    assert len(reasons) == 16
    assert {reason.code for reason in reasons} == {code for code in CODES if code.startswith("reason.")}
    for reason in reasons + [about_other_version(reason) for reason in reasons]:
        sentence = summary_json_sentence(reason)
        hindi = reasons_read(sentence, "hi")[0]
        left = re.sub(r"12 per cent|3 March|Kovind|bridge|ocean|rose|fell|Real Madrid|Modi", "", hindi)
        assert not re.search(r"[A-Za-z]", left), (reason, hindi)
        assert reasons_read(sentence, "en") == [reason]  # the English on the page is the library's own text


def test_a_hindi_flag_names_where_the_sentence_was_sought() -> None:
    sentence = {
        "supported": False,
        "score": 0.2,
        **summary_json_sentence(
            Message("reason.never_together", first="17", second="Real Madrid", place="other_version")
        ),
    }
    text = flag_text(sentence, "दूसरे संस्करण", "hi")
    assert text == ("दूसरे संस्करण में समर्थन नहीं मिला: दूसरे संस्करण में “17” और “Real Madrid” कभी एक साथ नहीं कहे गए (स्कोर 0.20)")
    own = flag_text(
        summary_json_sentence(Message("reason.number_missing", number="12 per cent", place="source")), "स्रोत", "hi"
    )
    assert own == "स्रोत में समर्थन नहीं मिला: 12 per cent स्रोत में नहीं है"


def test_six_english_and_six_hindi_summary_sentences_share_no_colour() -> None:
    summaries = [{"lang": lang, "sentences": [{"text": f"{lang} {n}"} for n in range(6)]} for lang in ("en", "hi")]
    palette = colours({"summaries": summaries})
    assert len(palette) == 12
    assert len(set(palette.values())) == 12
