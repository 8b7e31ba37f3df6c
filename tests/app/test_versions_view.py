"""The Compare page's view of what only one version says: which sentences, their links, and the marked text."""

from __future__ import annotations

from typing import Any

from pages._views.versions import marked_text_html, merged_rows, only_here_list_html, only_in_one
from summarizers.attribution.facts import compare_facts
from summarizers.compare import facts_json
from tests.conftest import ROOT

TEXT = "Trade rose to 65 billion. <b>Talks</b> went on. व्यापार 65 अरब तक पहुँचा।"


def _sentence(text: str, start: int | None, end: int | None) -> dict[str, Any]:
    sources = [{"start": start, "end": end, "score": 1.0}] if start is not None else []
    return {"text": text, "supported": True, "sources": sources}


def _comparison() -> dict[str, Any]:
    english = {
        "sentences": [_sentence("Trade rose to 65 billion.", 0, 25), _sentence("<b>Talks</b> went on.", 26, 47)],
        "in_other": [{"supported": False, "missing": ["65 billion"]}, {"supported": False, "checked": False}],
    }
    hindi = {"sentences": [_sentence("व्यापार बढ़ा।", None, None)], "in_other": [{"supported": False, "missing": []}]}
    return {"sides": [{"label": "English", "summaries": [english]}, {"label": "Hindi", "summaries": [hindi]}]}


def test_only_checked_unsupported_sentences_are_listed_with_their_first_source() -> None:
    items = only_in_one(_comparison())
    assert [(item.side, item.text, item.start) for item in items] == [
        (0, "Trade rose to 65 billion.", 0),
        (1, "व्यापार बढ़ा।", None),  # unchecked sentences are not listed; one without a source is, without a link
    ]


def test_each_link_leads_to_a_mark_in_the_text_and_text_is_escaped() -> None:
    items = only_in_one(_comparison())
    listed = only_here_list_html(items, ("English", "Hindi"))
    marked = marked_text_html(TEXT, items, (0, 1))
    assert listed.count('href="#') == 1
    anchor = listed.split('href="#', 1)[1].split('"', 1)[0]
    assert f'<mark id="{anchor}"' in marked
    assert "no source found" in listed
    assert "<b>" not in marked
    assert "&lt;b&gt;Talks&lt;/b&gt;" in marked
    assert marked.count("<mark") == 1


def test_every_listed_sentence_says_why_on_its_own_line() -> None:
    listed = only_here_list_html(only_in_one(_comparison()), ("English", "Hindi"))
    rows = listed.split("<li")[1:]
    assert "not in the other version: 65 billion" in rows[0]
    # No fact missing, but no support found either: the sentence still gets a reason, not a bare link.
    assert "could not find support in the other version" in rows[1]
    assert all(row.count('class="saar-flag"') == 1 and 'class="saar-place"' in row for row in rows)


def test_forms_of_one_fact_share_a_row_of_the_facts_table() -> None:
    seeds = ROOT / "seeds"
    alaska = (seeds / "en_modi_putin_call_after_alaska_summit.txt").read_text(encoding="utf-8")
    tariffs = (seeds / "en_modi_putin_call_us_tariffs.txt").read_text(encoding="utf-8")
    shared = [row for row in facts_json(compare_facts(alaska, tariffs)) if row["in"] == "both"]
    rows = merged_rows(shared)
    assert {"kind": "name", "a": "Donald Trump · Trump", "b": "Trump", "in": "both"} in rows
    assert {"kind": "name", "a": "Ukraine · Ukrainian", "b": "Ukraine", "in": "both"} in rows
    assert len(rows) == len({(row["kind"], row["b"]) for row in shared}) < len(shared)
