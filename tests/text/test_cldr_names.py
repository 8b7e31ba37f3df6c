"""Month, weekday and language names read from CLDR, with the spellings Hindi news adds."""

from __future__ import annotations

import pytest

from summarizers.text.calendar import MONTHS, WEEKDAYS
from summarizers.text.language_names import name


@pytest.mark.parametrize(
    ("word", "month"),
    [("january", 1), ("sept", 9), ("sep", 9), ("अप्रैल", 4), ("अप्रेल", 4), ("फ़रवरी", 2), ("फरवरी", 2),
     ("सितंबर", 9), ("सितम्बर", 9), ("अक्तूबर", 10), ("दिस॰", 12)],
)  # fmt: skip
def test_months_in_both_languages_and_their_other_spellings(word: str, month: int) -> None:
    assert MONTHS[word] == month


def test_every_month_and_weekday_has_a_name_in_both_languages() -> None:
    for table, count in ((MONTHS, 12), (WEEKDAYS, 7)):
        for script in (str.isascii, lambda word: not word.isascii()):
            assert {value for word, value in table.items() if script(word)} == set(range(1, count + 1))


def test_short_weekday_names_are_left_out_because_they_are_words_too() -> None:
    assert WEEKDAYS["monday"] == 1
    assert WEEKDAYS["बृहस्पतिवार"] == WEEKDAYS["गुरुवार"] == 4
    assert not {"sun", "wed", "sat", "शनि", "गुरु"} & set(WEEKDAYS)


@pytest.mark.parametrize(
    ("code", "display", "expected"),
    [("hi", "en", "Hindi"), ("or", "en", "Odia"), ("hi", "hi", "हिन्दी"), ("en", "hi", "अंग्रेज़ी"),
     ("und", "en", "undetermined"), ("mixed", "hi", "मिली-जुली"), ("qqq", "en", "qqq"), ("fr", "zz", "French")],
)  # fmt: skip
def test_language_names_come_from_cldr_in_the_display_language(code: str, display: str, expected: str) -> None:
    assert name(code, display) == expected
