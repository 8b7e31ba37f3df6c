"""Properties of the language layer that must hold for any string."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizers.language import romanized
from summarizers.language.segment import analyse
from summarizers.text.spans import WORD_RE, is_letter, split_sentences

# Text drawn from the alphabets the product meets, plus anything at all.
PIECES = st.sampled_from(
    [
        "Modi met Putin. ", "मोदी ने पुतिन से बात की। ", "U.S. ", "6.5 ", "“", "”", "\n", "\n\n", "। ", "? ",
        "Scroll down for hindi\n", "- Menu\n", "یہ ہے ", "हम शांति चाहते हैं ", "(PTI) ", "Aug 22 ", "१२ ",
        "kal meeting hai ", "please confirm kar dena. ", "Mujhe bahut accha laga ", "we will not accept this ",
        "\"", "'",
    ]
)  # fmt: skip
TEXTS = st.one_of(st.text(), st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_segments_are_ordered_disjoint_exact_and_cover_every_letter(text: str) -> None:
    analysis = analyse(text)
    previous_end = 0
    covered = [0] * len(text)
    for segment in analysis.segments:
        assert previous_end <= segment.start < segment.end <= len(text)
        assert segment.text(text) == text[segment.start : segment.end]
        for noise in segment.noise:
            assert segment.start <= noise.start < noise.end <= segment.end
        for index in range(segment.start, segment.end):
            covered[index] += 1
        previous_end = segment.end
    for index, char in enumerate(text):
        if is_letter(char):
            assert covered[index] == 1, (index, char)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sentences_lose_no_text(text: str) -> None:
    spans = split_sentences(text)
    outside = list(text)
    for span in spans:
        assert text[span.start : span.end].strip() == text[span.start : span.end]
        for index in range(span.start, span.end):
            outside[index] = " "
    assert "".join(outside).strip() == "", "a non-space character fell outside every sentence"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_shares_sum_to_one_or_nothing(text: str) -> None:
    shares = analyse(text).shares()
    assert not shares or abs(sum(shares.values()) - 1) < 1e-9


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_inline_spans_lie_inside_their_segment_in_order_in_another_language(text: str) -> None:
    for segment in analyse(text).segments:
        assert segment.script in (None, "Latn", "Deva", "Arab", "Other")
        previous_end = segment.start
        for inline in segment.inline:
            assert previous_end <= inline.start < inline.end <= segment.end
            assert inline.lang != segment.lang
            piece = text[inline.start : inline.end]
            assert WORD_RE.fullmatch(piece[0]), piece  # from a word to a word
            assert WORD_RE.fullmatch(piece[-1]), piece
            previous_end = inline.end


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=12), st.sampled_from(["hai", "the", "to", "nhi", "meeting", "ज़"]))))
def test_tagger_gives_every_word_a_language_and_never_raises(words: list[str]) -> None:
    tags = romanized.tag_words(words)
    assert len(tags) == len(words)
    assert set(tags) <= {"en", "hi"}
    for word in words:
        assert abs(romanized.word_score(word)) <= romanized.SCORE_LIMIT
