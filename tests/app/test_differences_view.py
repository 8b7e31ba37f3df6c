"""The Compare page's view of where two versions differ, on a real comparison: each difference with both sentences,
the differing parts marked, links that reach marks in the versions' texts, and user text escaped."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pages._views.versions import (
    WORDS,
    difference_marks,
    differences_html,
    marked_text_html,
    not_in_differences,
    only_in_one,
)
from summarizers.attribution.checkers import OfflineChecker
from summarizers.compare import compare_sides, document_side
from summarizers.documents.reading import Document
from summarizers.pipeline import Options
from tests.versions.test_alignment import EN, HI


def _compare(english: list[str], hindi: list[str]) -> tuple[dict[str, Any], list[str]]:
    texts = [" ".join(english), " ".join(hindi)]
    sides = (document_side(Document("English", texts[0], "text")), document_side(Document("Hindi", texts[1], "text")))
    return dict(compare_sides(*sides, Options("extractive"), OfflineChecker())), texts


def test_a_changed_figure_shows_both_sentences_with_the_figures_marked_and_links_that_reach_them() -> None:
    comparison, texts = _compare([EN[0], EN[1].replace("45", "54"), *EN[2:]], HI)
    shown = differences_html(comparison, comparison["differences"], texts, ("English", "Hindi"), "en")
    assert shown.count('data-testid="saar-difference"') == 1
    assert re.findall(r'<mark class="saar-diff-part"[^>]*>([^<]*)</mark>', shown) == ["54", "45"]
    assert "He met <mark" in shown
    assert WORDS["en"]["kind_number"] in shown
    places = difference_marks(comparison)
    for side, text in enumerate(texts):
        marked = marked_text_html(text, [], (side,), "version", places)
        targets = re.findall(rf'href="#(saar-d{side}-\d+)"', shown)
        assert len(targets) == 1
        assert f'id="{targets[0]}"' in marked
    # The sentence with 54 is this difference, not also a fact only one version states.
    assert not [item for item in not_in_differences(only_in_one(comparison), comparison) if "54" in item.missing]


def test_a_missing_sentence_is_shown_once_under_its_version_with_no_marked_part() -> None:
    comparison, texts = _compare([EN[0], EN[1], EN[2], EN[4]], HI)
    (difference,) = comparison["differences"]
    shown = differences_html(comparison, [difference], texts, ("English", "Hindi"), "hi")
    assert WORDS["hi"]["kind_sentence"].format(label="Hindi") in shown
    assert shown.count("saar-diff-side") == 1
    assert HI[3] in shown
    assert "saar-diff-part" not in shown


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet="<>&\"'ab 54.", min_size=1, max_size=30))
def test_user_text_in_a_difference_is_escaped(noise: str) -> None:
    english = [EN[0], f"He met 54 business leaders at the summit {noise}.", *EN[2:]]
    comparison, texts = _compare(english, HI)
    shown = differences_html(comparison, comparison["differences"], texts, ("<i>English</i>", "Hindi"), "en")
    assert "<i>" not in shown
    assert "<script" not in shown
    for piece in ("<", ">"):
        assert piece not in re.sub(r"<[^<>]*>", "", shown)  # every tag is ours; the text is escaped
