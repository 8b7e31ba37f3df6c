"""Where a capital-less text can name something: a sentence with none of `naming_words` has no name `names_matching`
finds, so a long source's sentences without them are passed over (and the checks stay as they were)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizers.attribution.facts import all_keys, latin_names, names_matching, naming_words
from summarizers.text.spans import WORD_RE

WANTED = all_keys(
    latin_names("He met Narendra Modi in New Delhi, then flew to the United States and Egypt with Chris Palmer.")
)
WORDS = ["नरेंद्र", "मोदी", "नई", "दिल्ली", "संयुक्त", "राज्य", "अमेरिका", "मिस्र", "क्रिस", "पामेर", "ने", "में", "और",
         "गए", "बैठक", "सरकार", "Delhi", "राज्यों", "नई-दिल्ली", "।", ","]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sets(st.sampled_from(sorted(WANTED))))
def test_a_text_names_nothing_unless_one_of_its_words_is_a_naming_word(words: list[str], wanted: set[str]) -> None:
    text = " ".join(words)
    naming = naming_words(WORD_RE.findall(text), wanted)
    found = names_matching(text, wanted)
    if not naming:
        assert found == []
    for fact in found:
        assert any(word in naming for word in WORD_RE.findall(fact.text))


def test_the_words_of_a_translated_name_are_naming_words() -> None:
    assert {"दिल्ली", "मोदी", "संयुक्त"} <= naming_words(["दिल्ली", "मोदी", "संयुक्त", "बैठक"], WANTED)


def test_a_name_part_apart_from_its_first_word_is_a_naming_word() -> None:
    text = "नई Delhi दिल्ली"
    wanted = {"exonym:नई दिल्ली"}
    naming = naming_words(WORD_RE.findall(text), wanted)
    assert all(any(word in naming for word in WORD_RE.findall(fact.text)) for fact in names_matching(text, wanted))
