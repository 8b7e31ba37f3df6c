"""Romanised Hindi and Hindi that quotes English: word tagger, sentence language, inline spans, summaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pages._views.highlight import language_label
from summarizers.documents.reading import Document
from summarizers.language import detection, romanized
from summarizers.language.data.build_latin_words import spellings
from summarizers.language.segment import analyse
from summarizers.pipeline import Options, summarize
from summarizers.schema import SCHEMA_VERSION, result_json
from tests.cli_runner import run_cli

DATA = Path(__file__).parents[1] / "data"
HINGLISH = (
    "Kal raat Modi ji ne Putin se phone par baat ki, aur dono ne trade aur energy ke baare mein discuss kiya. "
    "Sabse badi baat yeh hai ki India apni oil policy nahi badlega, chahe America kitna bhi pressure daale. "
    "Log keh rahe hain ki yeh relationship ab pehle se bhi zyada strong ho gaya hai.\n"
)
ENGLISH = (
    "Prime Minister Narendra Modi on Monday said he received a phone call from Russian President Vladimir Putin, "
    "who shared insights on his recent meeting with the US President in Alaska. The two leaders agreed to remain in "
    "close touch. Modi and Putin had spoken on 8 August, a day after the penalty on Indian goods was announced.\n\n"
)


def test_tagger_tells_english_words_inside_romanised_hindi() -> None:
    words = "kal meeting hai please confirm kar dena".split()
    assert romanized.tag_words(words) == ["hi", "en", "hi", "en", "en", "hi", "hi"]


def test_tagger_leaves_plain_english_english() -> None:
    words = "The government said the scheme will be launched in the next month to help farmers".split()
    assert set(romanized.tag_words(words)) == {"en"}


def test_casual_spellings_drop_silent_vowels_and_nasals() -> None:
    assert {"nahin", "nahi", "nhi"} <= set(spellings("नहीं"))
    assert {"karte", "krte"} <= set(spellings("करते"))
    assert {"samajh", "samjh", "smjh"} <= set(spellings("समझ"))
    assert spellings("hello") == {}


def test_romanised_hindi_is_hindi_in_latin_script_with_english_words_inline() -> None:
    analysis = analyse(HINGLISH)
    assert analysis.language == "hi"
    [segment] = analysis.segments
    assert (segment.lang, segment.script) == ("hi", "Latn")
    inline = {HINGLISH[span.start : span.end] for span in segment.inline}
    assert {"phone", "pressure", "relationship"} <= inline
    assert all(span.lang == "en" for span in segment.inline)
    assert not {"Modi", "India", "Putin"} & inline  # names belong to their sentence


def test_casual_sms_spelling_is_romanised_hindi_not_another_latin_language() -> None:
    text = "bhai kl shaam ko ghr aa jana, mummy ne khana bnaya h aur sb log intzaar krenge, der mt krna yrr"
    assert detection.latin_language(text) == "hi"  # langdetect alone calls it Indonesian
    assert [(s.lang, s.script) for s in analyse(text).segments] == [("hi", "Latn")]


def test_devanagari_and_roman_hindi_runs_are_told_apart() -> None:
    text = "प्रधानमंत्री ने रूस के राष्ट्रपति से फोन पर बात की।\n" + HINGLISH
    scripts = [(s.lang, s.script) for s in analyse(text).segments]
    assert scripts == [("hi", "Deva"), ("hi", "Latn")]


def test_hindi_sentences_quoting_english_are_kept_whole() -> None:
    rows = json.loads((DATA / "hindi_quoting_english.json").read_text("utf-8"))["sentences"]
    assert len(rows) >= 30
    whole = 0
    for row in rows:
        text = row["text"]
        segments = [s for s in analyse(text).segments if not s.boilerplate]
        if [(s.lang, s.start, s.end) for s in segments] == [("hi", 0, len(text))]:
            whole += 1
            marked = {text[i.start : i.end] for i in segments[0].inline}
            assert set(row["english"]) <= marked, text
    assert whole / len(rows) >= 0.95


def test_english_news_gets_no_hindi_inline_spans() -> None:
    segments = analyse(ENGLISH).segments
    assert [(s.lang, s.script, s.inline) for s in segments] == [("en", "Latn", ())]


def test_segment_json_carries_script_and_inline(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_text(ENGLISH + HINGLISH, encoding="utf-8")
    result = run_cli("segment", str(path), "--json")
    assert result.code == 0
    payload = result.json()
    assert payload["schema_version"] == SCHEMA_VERSION
    (document,) = payload["documents"]
    text = ENGLISH + HINGLISH
    assert [(s["lang"], s["script"]) for s in document["segments"]] == [("en", "Latn"), ("hi", "Latn")]
    hindi = document["segments"][1]
    for span in hindi["inline"]:
        assert set(span) == {"lang", "start", "end"}
        assert hindi["start"] <= span["start"] < span["end"] <= hindi["end"]
        assert text[span["start"] : span["end"]].strip() == text[span["start"] : span["end"]]


@pytest.mark.slow
def test_romanised_hindi_gets_its_own_summary_labelled_roman_script() -> None:
    text = ENGLISH + HINGLISH
    result = summarize(Document(name="mixed.txt", text=text), Options(method="extractive"))
    assert not result.notices
    by_lang = {summary.lang: summary for summary in result.summaries}
    assert set(by_lang) == {"en", "hi"}
    hindi_start = text.index("Kal raat")
    for sentence, aligned in zip(by_lang["hi"].sentences, by_lang["hi"].attribution, strict=True):
        assert sentence in text[hindi_start:]  # in the script of its source
        assert all(source.start >= hindi_start for source in aligned.sources)
    document = result_json(result)
    assert language_label(dict(document), "hi") == "Hindi (Roman script)"
    assert language_label(dict(document), "en") == "English"
