"""The sound distance's floor: two sequences' floors never differ by more than their distance, so a pair turned away
by its floors is a pair the distance would turn away too."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizers.language.phonetic import _ALPHABET, _floor, alike, distance

sounds = st.lists(st.sampled_from([*sorted(_ALPHABET), "x"]), max_size=12).map(tuple)


@settings(max_examples=400, deadline=None)
@given(sounds, sounds)
def test_floors_differ_by_no_more_than_the_distance(a: tuple[str, ...], b: tuple[str, ...]) -> None:
    assert abs(_floor(a) - _floor(b)) <= distance(a, b) + 1e-9


def test_sounds_alike_are_still_alike_and_far_ones_are_not() -> None:
    assert alike(tuple("kris"), tuple("kriS"))
    assert not alike(tuple("kris"), tuple("aeiouaeiou"))
