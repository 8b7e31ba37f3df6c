from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from summarizers.evaluation import accuracy_by_rule, labelled_documents, letter_accuracy
from summarizers.language.detection import SeededDetector, is_hinglish
from summarizers.language.segment import MIXED, UNDETERMINED, analyse, segment

LABELLED = labelled_documents(
    json.loads((Path(__file__).parents[1] / "data" / "labelled_mixed.json").read_text("utf-8"))
)


def languages(text: str) -> list[str]:
    return [s.lang for s in segment(text) if not s.boilerplate]


# --- edge cases first


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_blank_text_has_no_segments(text: str) -> None:
    analysis = analyse(text)
    assert analysis.segments == ()
    assert analysis.language == UNDETERMINED


def test_letterless_text_is_undetermined() -> None:
    analysis = analyse("12345 — 67.8%")
    assert analysis.language == UNDETERMINED
    assert [s.lang for s in analysis.segments] == [UNDETERMINED]


def test_detector_never_raises_on_letterless_text() -> None:
    detector = SeededDetector()
    assert detector.probabilities("1234 !!!") == []
    assert detector.detect("") is None


def test_detector_is_deterministic_and_thread_safe() -> None:
    detector = SeededDetector()
    samples = ["Ceci est un texte en français, écrit pour tester.", "Dies ist ein deutscher Satz zum Testen."] * 16
    with ThreadPoolExecutor(max_workers=8) as pool:
        first = list(pool.map(detector.detect, samples))
        second = list(pool.map(detector.detect, samples))
    assert first == second
    assert first[:2] == ["fr", "de"]


# --- the labelled set


def test_labelled_set_covers_every_rule_in_both_directions() -> None:
    assert len(LABELLED) >= 20
    rules = {document.rule for document in LABELLED}
    assert {"quoted-clause", "inline-term", "dateline", "number-line", "marathi", "nepali", "urdu"} <= rules
    assert {"hinglish", "boilerplate", "paragraphs"} <= rules


def test_letter_level_accuracy_is_at_least_98_percent() -> None:
    totals = accuracy_by_rule(LABELLED)
    right = sum(r for r, _ in totals.values())
    letters = sum(n for _, n in totals.values())
    assert right / letters >= 0.98, {rule: r / n for rule, (r, n) in totals.items()}


@pytest.mark.parametrize("document", LABELLED, ids=lambda d: d.rule)
def test_each_labelled_document_is_mostly_right(document) -> None:  # type: ignore[no-untyped-def]
    right, letters = letter_accuracy(document)
    assert right / letters >= 0.9


# --- individual rules


def test_quoted_hindi_clause_stays_inside_its_english_sentence_as_an_inline_span() -> None:
    text = "The minister said “हम किसी भी कीमत पर शांति चाहते हैं” before leaving for Moscow."
    segments = segment(text)
    assert [(s.lang, s.script) for s in segments] == [("en", "Latn")]
    assert (segments[0].start, segments[0].end) == (0, len(text))
    [inline] = segments[0].inline
    assert inline.lang == "hi"
    assert text[inline.start : inline.end] == "हम किसी भी कीमत पर शांति चाहते हैं"


def test_quoted_english_clause_stays_inside_its_hindi_sentence_as_an_inline_span() -> None:
    text = "मंत्री ने कहा कि “we will not accept any pressure on this” और चले गए।"
    segments = segment(text)
    assert [(s.lang, s.script) for s in segments] == [("hi", "Deva")]
    [inline] = segments[0].inline
    assert (inline.lang, text[inline.start : inline.end]) == ("en", "we will not accept any pressure on this")
    assert analyse(text).language == "hi"  # the sentences are Hindi; the quote is counted in the shares


@pytest.mark.parametrize(
    "text",
    [
        "प्रधानमंत्री ने Netflix और Samsung Galaxy S21 Ultra के बारे में बात की।",
        "State Bank of India ने ब्याज दरों में बदलाव किया है।",
        "यह फैसला RBI और SEBI ने मिलकर लिया है।",
    ],
)
def test_short_latin_terms_stay_inside_hindi(text: str) -> None:
    assert languages(text) == ["hi"]


def test_short_devanagari_name_stays_inside_english() -> None:
    assert languages("Prime Minister Narendra Modi (नरेंद्र मोदी) met President Putin in Moscow.") == ["en"]


def test_dateline_joins_the_article_below() -> None:
    text = "NEW DELHI, Aug 22 (PTI)\nप्रधानमंत्री मोदी ने रूस के राष्ट्रपति से फोन पर बात की।"
    assert languages(text) == ["hi"]
    assert segment(text)[0].start == 0


def test_number_only_lines_join_their_neighbours() -> None:
    text = "The tariff rose this year.\n50%\n2024\nअमेरिका ने भारत पर शुल्क लगाया है।\n१२.५"
    segments = segment(text)
    assert [s.lang for s in segments] == ["en", "hi"]
    assert segments[0].text(text).endswith("2024")
    assert segments[1].text(text).endswith("१२.५")


def test_marathi_and_nepali_paragraphs_are_told_from_hindi() -> None:
    marathi = "महाराष्ट्रात आज मुसळधार पाऊस झाला आणि अनेक ठिकाणी पाणी साचले आहे. प्रशासनाने सतर्क राहण्याचे आवाहन केले आहे."
    nepali = "काठमाडौंमा आज ठूलो वर्षा भएको छ र धेरै सडक बन्द भएका छन्। प्रहरीले सतर्क रहन आग्रह गरेको छ।"
    hindi = "महाराष्ट्र में आज भारी बारिश हुई और कई जगह पानी भर गया है। प्रशासन ने लोगों से सतर्क रहने की अपील की है।"
    assert languages(marathi) == ["mr"]
    assert languages(nepali) == ["ne"]
    assert languages(hindi) == ["hi"]


def test_urdu_is_told_from_arabic() -> None:
    assert languages("حکومت نے نئی پالیسی کا اعلان کیا ہے اور اس سے کسانوں کو فائدہ ہوگا۔") == ["ur"]
    assert languages("أعلنت الحكومة عن سياسة جديدة في هذا العام من أجل المزارعين.") == ["ar"]


def test_hinglish_is_marked_hindi_and_english_is_not() -> None:
    assert is_hinglish("Mujhe bahut accha laga ki aap sab yahan aaye, yeh film humare liye khaas hai.")
    assert not is_hinglish("The government said the scheme will be launched in the next month.")
    assert languages("Sarkar ne kaha hai ki yeh yojana sabhi kisanon ke liye hogi aur jaldi aayegi.") == ["hi"]


# --- the seeds


def test_bilingual_seed_is_one_english_and_one_hindi_segment_plus_noise(bilingual_text: str) -> None:
    analysis = analyse(bilingual_text)
    content = [s for s in analysis.segments if not s.boilerplate]
    assert [s.lang for s in content] == ["en", "hi"]
    assert analysis.language == MIXED
    english, hindi = content
    assert english.text(bilingual_text).startswith("Putin–Modi Talks: Strengthening")
    assert hindi.text(bilingual_text).startswith("पुतिन–मोदी वार्ता")
    marked = [bilingual_text[n.start : n.end] for n in english.noise]
    assert "Scroll down for hindi" in marked
    assert any(m.startswith("Putin and Modi Talks/Putin and Modi Talks") for m in marked)
    trailing = [" ".join(s.text(bilingual_text).split()) for s in analysis.segments if s.boilerplate]
    assert trailing
    assert "Leave a Comment" in trailing[-1]
    assert "for more news click here" in trailing[-1]
    # Marked, not deleted: the noise is still in the text the offsets point into.
    assert "Scroll down for hindi" in english.text(bilingual_text)


def test_menu_seed_menu_is_marked_noise(menu_text: str) -> None:
    analysis = analyse(menu_text)
    assert analysis.language == "en"
    last = analysis.segments[-1]
    assert last.boilerplate
    assert last.reason == "menu"
    assert last.text(menu_text).startswith("- Questions and Answers")
    assert last.text(menu_text).endswith("- War machines and policy")
    assert not any(s.boilerplate for s in analysis.segments[:-1])
