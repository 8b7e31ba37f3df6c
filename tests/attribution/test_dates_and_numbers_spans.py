"""A figure inside a date is the date's, never also a number of its own, however many dates and figures a text has."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizers.attribution.facts import dates_and_numbers

pieces = st.lists(
    st.sampled_from(
        ["on 5 May 2024", "15 August", "in March", "1990", "45 leaders", "$65 billion", "12 %", "Monday", "३० जून",
         "जून 2019", "the", "and 7", "३४५", ",", "."]
    ),
    max_size=30,
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(pieces)
def test_no_number_lies_inside_a_date_and_every_figure_outside_one_is_found(parts: list[str]) -> None:
    text = " ".join(parts)
    facts = dates_and_numbers(text)
    dates = [(fact.start, fact.end) for fact in facts if fact.kind == "date"]
    numbers = [fact for fact in facts if fact.kind == "number"]
    for number in numbers:
        assert not any(start < number.end and number.start < end for start, end in dates)
    assert [fact.start for fact in facts] == sorted(fact.start for fact in facts)
    for part, position in zip(parts, _positions(parts), strict=True):
        if part in {"1990", "३४५"} and not any(start <= position < end for start, end in dates):
            assert any(number.start == position for number in numbers)


def _positions(parts: list[str]) -> list[int]:
    positions, offset = [], 0
    for part in parts:
        positions.append(offset)
        offset += len(part) + 1
    return positions
