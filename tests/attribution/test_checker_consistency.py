"""A sentence the checker calls supported never also carries reasons it could not find support."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizers.attribution.checkers import OfflineChecker
from summarizers.language.segment import analyse
from summarizers.text.spans import WORD_RE
from tests.conftest import BILINGUAL_SEED

TEXT = BILINGUAL_SEED.read_text(encoding="utf-8")
ANALYSIS = analyse(TEXT)
CHECKER = OfflineChecker()
LIFTED = "Bilateral trade crossed $65 billion in 2024, largely due to India’s import of discounted Russian crude."
SOURCE_WORDS = sorted({word for word in WORD_RE.findall(TEXT) if word.isascii()})
NEW_WORDS = ["spoke", "phone", "quietly", "afterwards", "colleagues"]


def test_a_lifted_sentence_with_two_new_words_is_supported_without_reasons() -> None:
    (result,) = CHECKER.check(ANALYSIS, [LIFTED.replace(", largely", ", they spoke by phone, largely")]).sentences
    assert result.supported  # the words are new, the statement is the source's
    assert result.reasons == ()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(SOURCE_WORDS), min_size=3, max_size=14),
    st.lists(st.sampled_from(NEW_WORDS), max_size=3),
)
def test_supported_and_reasons_never_come_together(source_words: list[str], new_words: list[str]) -> None:
    sentence = " ".join(source_words[:2] + new_words + source_words[2:]) + "."
    (result,) = CHECKER.check(ANALYSIS, [sentence]).sentences
    assert not (result.supported and result.reasons)
    assert result.supported or result.reasons  # an unsupported sentence says why
