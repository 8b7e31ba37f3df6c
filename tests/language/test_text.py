from __future__ import annotations

import pytest

from summarizers.text.spans import split_sentences, word_spans, words


def sentences(text: str) -> list[str]:
    return [span.text(text) for span in split_sentences(text)]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Modi met Dr. Jaishankar. They talked.", ["Mr. Modi met Dr. Jaishankar.", "They talked."]),
        (
            "The U.S. President spoke. Growth was 6.5 per cent.",
            ["The U.S. President spoke.", "Growth was 6.5 per cent."],
        ),
        ("J. K. Rowling wrote it. It sold.", ["J. K. Rowling wrote it.", "It sold."]),
        ('He asked "why?" and left. Then rain!', ['He asked "why?" and left.', "Then rain!"]),
        ("He said “it is over.” Then he left.", ["He said “it is over.”", "Then he left."]),
        ("Room No. 10 was booked. It was cold.", ["Room No. 10 was booked.", "It was cold."]),
        ("Trade crossed $65 billion in 2024. Both agreed.", ["Trade crossed $65 billion in 2024.", "Both agreed."]),
    ],
)
def test_english_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("भारत ने कहा। यह सही है॥ क्या यह सच है? हाँ!", ["भारत ने कहा।", "यह सही है॥", "क्या यह सच है?", "हाँ!"]),
        ("नई दिल्ली, टेक डेस्क. भारत में मुफ्त सेवा", ["नई दिल्ली, टेक डेस्क.", "भारत में मुफ्त सेवा"]),
        ("बैठक 12.01 बजे शुरू हुई।अगली बैठक कल होगी।", ["बैठक 12.01 बजे शुरू हुई।", "अगली बैठक कल होगी।"]),
    ],
)
def test_hindi_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_every_line_is_a_boundary() -> None:
    assert sentences("Headline without a stop\nBody text follows.") == ["Headline without a stop", "Body text follows."]


def test_offsets_point_into_the_text() -> None:
    text = "  First one.   Second one.\n\nतीसरा वाक्य।  "
    for span in split_sentences(text):
        assert text[span.start : span.end] == span.text(text)
        assert not span.text(text)[0].isspace()
        assert not span.text(text)[-1].isspace()


def test_hindi_words_keep_their_vowel_signs() -> None:
    assert words("हिन्दी भाषा") == ["हिन्दी", "भाषा"]
    assert [span.end - span.start for span in word_spans("नरेंद्र मोदी")] == [7, 4]


def test_words_are_case_folded_and_split_on_punctuation() -> None:
    assert words("India's GDP, 6.5%") == ["india", "s", "gdp", "6", "5"]
