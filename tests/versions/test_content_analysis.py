"""The analysis Compare checks each summary against: the other version's content text, analysed once, its sentences
where that text puts them and with the languages they had in their document."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizers.compare import Side, content_analysis, document_side, language_sides
from summarizers.documents.reading import Document, from_text
from summarizers.language.segment import analyse
from tests.versions.test_alignment import EN, HI


def _check_moved(side: Side) -> None:
    analysis = content_analysis(side)
    text = side.content_text()
    assert analysis.text == text
    own = side.analysis.content_units(side.lang)
    assert len(analysis.units) == len(own)
    for moved, unit in zip(analysis.units, own, strict=True):
        assert moved.span.text(text) == unit.span.text(side.document.text)
        assert (moved.lang, moved.script, moved.noise) == (unit.lang, unit.script, None)
        for inline, before in zip(moved.inline, unit.inline, strict=True):
            assert text[inline.start : inline.end] == side.document.text[before.start : before.end]
            assert moved.span.start <= inline.start <= inline.end <= moved.span.end
    for segment in analysis.segments:
        assert 0 <= segment.start <= segment.end <= len(text)


pieces = st.lists(
    st.one_of(st.sampled_from(EN + HI), st.text(max_size=60), st.just("\n\n"), st.just("Home | Login | Share")),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(pieces)
def test_any_document_side_keeps_its_sentences_and_their_languages_in_the_content_text(parts: list[str]) -> None:
    _check_moved(document_side(Document("any", " ".join(parts), "text")))


def test_the_two_language_runs_of_one_document_keep_their_sentences() -> None:
    sides = language_sides(from_text(" ".join(EN) + "\n\n" + " ".join(HI), "both"))
    assert sides is not None
    for side in sides:
        _check_moved(side)
        assert content_analysis(side).language == side.lang


def test_a_plain_version_is_analysed_as_its_content_text_would_be() -> None:
    side = document_side(Document("Hindi", " ".join(HI), "text"))
    moved, again = content_analysis(side), analyse(side.content_text())
    assert [(unit.span, unit.lang) for unit in moved.units] == [(unit.span, unit.lang) for unit in again.units]
    assert moved.language == again.language
