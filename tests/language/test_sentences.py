"""Sentence boundaries: the cases news text meets (our own wording of the phenomena a golden-rule suite covers)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizers.text.sentences import looks_tokenised, split_sentences, split_tokenised


def sentences(text: str) -> list[str]:
    return [span.text(text) for span in split_sentences(text)]


def tokenised(text: str) -> list[str]:
    return [span.text(text) for span in split_tokenised(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An initialism closing a sentence, and one inside a sentence.
        ("Talks resumed in the U.S. How long they last is unclear.",
         ["Talks resumed in the U.S.", "How long they last is unclear."]),
        ("Tariffs rose across the E.U. The ministers met on Friday.",
         ["Tariffs rose across the E.U.", "The ministers met on Friday."]),
        ("The U.S. Treasury said so.", ["The U.S. Treasury said so."]),
        ("She has worked in the U.K. for a decade.", ["She has worked in the U.K. for a decade."]),
        ("The city dates from 900 B.C.E. Its walls still stand.",
         ["The city dates from 900 B.C.E.", "Its walls still stand."]),
        # Company and name suffixes.
        ("The shares went to Tata Sons & Co. It was announced today.",
         ["The shares went to Tata Sons & Co.", "It was announced today."]),
        ("The deal with Larsen & Co. was signed at noon.", ["The deal with Larsen & Co. was signed at noon."]),
        ("Reliance Industries Ltd. Reported a profit.", ["Reliance Industries Ltd. Reported a profit."]),
        ("The avenue honours Martin Luther King, Jr. Since 1990 it has grown.",
         ["The avenue honours Martin Luther King, Jr.", "Since 1990 it has grown."]),
        # The pronoun I, an initial, a regnal number.
        ("It was decided by you and I. Did anyone object?", ["It was decided by you and I.", "Did anyone object?"]),
        ("We met Charles I. Watson at the gate.", ["We met Charles I. Watson at the gate."]),
        ("The author P. Sainath spoke.", ["The author P. Sainath spoke."]),
        ("It ended after World War I. The maps were redrawn.",
         ["It ended after World War I.", "The maps were redrawn."]),
        # Times.
        ("By 7 a.m. Ms. Rao had left home. She returned at 9 P.M. Mr. Rao was waiting.",
         ["By 7 a.m. Ms. Rao had left home.", "She returned at 9 P.M.", "Mr. Rao was waiting."]),
        ("The polls close at 6 p.m. on Sunday.", ["The polls close at 6 p.m. on Sunday."]),
        # A figure with its unit.
        ("Warming must stay below 1.5C. Several nations disagree.",
         ["Warming must stay below 1.5C.", "Several nations disagree."]),
        ("The phones use 5G. Most buyers want it.", ["The phones use 5G.", "Most buyers want it."]),
        # Abbreviations that are also words.
        ("The crowd sat. Then it rained.", ["The crowd sat.", "Then it rained."]),
        ("We saw the sun. It was hot.", ["We saw the sun.", "It was hot."]),
        ("The vote is on Wed. March 4 at noon.", ["The vote is on Wed. March 4 at noon."]),
        # Numbers after abbreviations.
        ("He lives at No. 7 Park Lane. It is old.", ["He lives at No. 7 Park Lane.", "It is old."]),
        ("The fort was built ca. 1650 by the ruler.", ["The fort was built ca. 1650 by the ruler."]),
        # Ellipses.
        ("Prices rose … While wages fell, rents held.", ["Prices rose … While wages fell, rents held."]),
        ("He paused ... and then went on.", ["He paused ... and then went on."]),
        ("We waited.... Nobody came.", ["We waited....", "Nobody came."]),
        ("The report was long. . . . Nobody read it.", ["The report was long.", ". . . Nobody read it."]),
        ('"Growth [...] was slow" (Finance Ministry, 2023).', ['"Growth [...] was slow" (Finance Ministry, 2023).']),
        # List markers on one line.
        ("1. Rates fell 2. Markets rose", ["1. Rates fell", "2. Markets rose"]),
        ("1) Rates fell. 2) Markets rose.", ["1) Rates fell.", "2) Markets rose."]),
        ("• 4. Rates fell • 5. Markets rose", ["• 4. Rates fell", "• 5. Markets rose"]),
        ("a. Rates fell b. Markets rose", ["a. Rates fell", "b. Markets rose"]),
        ("3. The budget is due on Friday.", ["3. The budget is due on Friday."]),
    ],
)  # fmt: skip
def test_english_news_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("डॉ. शर्मा ने कहा कि अस्पताल तैयार है। मरीज़ आ रहे हैं।", ["डॉ. शर्मा ने कहा कि अस्पताल तैयार है।", "मरीज़ आ रहे हैं।"]),
        ("बी.सी. में पुलिस ने जाँच शुरू की।", ["बी.सी. में पुलिस ने जाँच शुरू की।"]),
        ("बी. सी. में पुलिस ने जाँच शुरू की।", ["बी. सी. में पुलिस ने जाँच शुरू की।"]),
        ("देश की जी.डी.पी. में बढ़त हुई। निर्यात घटा।", ["देश की जी.डी.पी. में बढ़त हुई।", "निर्यात घटा।"]),
        ("उन्होंने 1990 में एम.ए. की डिग्री ली।", ["उन्होंने 1990 में एम.ए. की डिग्री ली।"]),
        ("एस. जयशंकर ने बैठक की। वार्ता सफल रही।", ["एस. जयशंकर ने बैठक की।", "वार्ता सफल रही।"]),
        ("छात्र आई.आई.टी. में पढ़ते हैं।", ["छात्र आई.आई.टी. में पढ़ते हैं।"]),
        # A Hindi sentence closed with a full stop still ends, also on a word that looks like a letter's name.
        ("वह कल दिल्ली आई. उसने किताब ली. फिर लौट गई.", ["वह कल दिल्ली आई.", "उसने किताब ली.", "फिर लौट गई."]),
        ("कर्ज़ बढ़ रहा है … जबकि आय घटी है।", ["कर्ज़ बढ़ रहा है … जबकि आय घटी है।"]),
        # Pages that join paragraphs with two spaces, and a period typed twice.
        ("ऑफर देखिए...  यह फोन सस्ता है।", ["ऑफर देखिए...", "यह फोन सस्ता है।"]),
        ("बिक्री शुरू हुई.. लोग कतार में थे।", ["बिक्री शुरू हुई..", "लोग कतार में थे।"]),
    ],
)  # fmt: skip
def test_hindi_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_ptb_tokenised_lower_cased_summary_splits_into_its_sentences() -> None:
    summary = "the u.s. says talks will resume . china 's envoy did n't comment . markets rose 2 % on monday ."
    assert looks_tokenised(summary)
    assert tokenised(summary) == [
        "the u.s. says talks will resume .",
        "china 's envoy did n't comment .",
        "markets rose 2 % on monday .",
    ]


def test_ordinary_text_is_split_as_any_text() -> None:
    text = "The minister spoke. He left at noon. Everyone agreed."
    assert not looks_tokenised(text)
    assert tokenised(text) == sentences(text)


PIECES = st.sampled_from(
    [
        "U.S. ", "E.U. ", "Co. ", "I. ", "a.m. ", "P.M. ", "2C. ", "... ", ". . . ", "…", "1. ", "2) ", "• 3. ",
        "a. ", "b. ", "N°. ", "No. ", "डॉ. ", "बी.सी. ", "। ", " . ", " 's ", "? ", "! ", "\n", "“", "”", "[...]",
        "He ", "The ", "it ", "वह ", "है",
    ]
)  # fmt: skip
TEXTS = st.one_of(st.text(), st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=40).map("".join))


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_spans_are_ordered_trimmed_and_lose_no_text(text: str) -> None:
    for split in (split_sentences, split_tokenised):
        spans = split(text)
        outside = list(text)
        previous_end = 0
        for span in spans:
            assert previous_end <= span.start < span.end <= len(text)
            piece = text[span.start : span.end]
            assert piece == piece.strip()
            outside[span.start : span.end] = " " * len(piece)
            previous_end = span.end
        assert "".join(outside).strip() == "", "a non-space character fell outside every sentence"


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_no_sentence_crosses_a_line(text: str) -> None:
    for span in split_sentences(text):
        assert "\n" not in text[span.start : span.end]
