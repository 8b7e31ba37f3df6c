"""Summary length as a number of sentences or a share, bullet form, and datelines left out of extracts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizers.documents.reading import from_text, read_path
from summarizers.engines import extractive
from summarizers.errors import UsageError
from summarizers.pipeline import Options, summarize
from summarizers.text.spans import split_sentences
from tests.conftest import BILINGUAL_SEED

NEWS = "New Delhi, 12 August 2025.\n\n" + " ".join(
    f"The council met on day {n} to discuss the budget for schools, roads and water in district {n}."
    for n in range(1, 41)
)


@pytest.mark.parametrize(
    "line",
    ["New Delhi, 12 August 2025.", "नई दिल्ली, 12 अगस्त 2025।", "LONDON, Aug. 12 (Reuters) -", "Mumbai, March 3, 2024"],
)
def test_datelines_are_recognised(line: str) -> None:
    assert extractive.is_dateline(line)


@pytest.mark.parametrize(
    "sentence",
    ["The minister arrived in New Delhi on 12 August 2025.", "Prices rose, 12 August was the worst day of the year."],
)
def test_sentences_with_dates_are_not_datelines(sentence: str) -> None:
    assert not extractive.is_dateline(sentence)


def test_a_dateline_is_never_in_an_extract() -> None:
    spans = split_sentences(NEWS)
    assert spans[0].text(NEWS).startswith("New Delhi")
    extract = extractive.summarize_spans(NEWS, spans, "short")
    assert all(not span.text(NEWS).startswith("New Delhi") for span in extract.spans)


def test_medium_grows_with_the_article() -> None:
    short_text = " ".join(NEWS.split(". ")[:8]) + "."
    few = extractive.summarize_spans(short_text, split_sentences(short_text), "medium").spans
    many = extractive.summarize_spans(NEWS, split_sentences(NEWS), "medium").spans
    assert len(many) > len(few) >= 1


@given(st.integers(0, 400))
def test_each_length_gives_a_bounded_count_that_never_shrinks_with_length(available: int) -> None:
    counts = [extractive.sentences_for(length, available) for length in ("short", "medium", "long")]
    assert counts == sorted(counts)
    assert counts[0] >= 2
    assert counts[2] <= 10


def test_number_of_sentences_and_share() -> None:
    document = from_text(NEWS)
    exactly = summarize(document, Options("extractive", sentences=4)).summaries[0]
    assert len(exactly.sentences) == 4
    tenth = summarize(document, Options("extractive", share=0.1)).summaries[0]
    assert len(tenth.sentences) == 5  # ceil(0.1 * 41 sentences)


def test_bullets_form_writes_one_line_per_sentence() -> None:
    result = summarize(read_path(BILINGUAL_SEED), Options("extractive", form="bullets"))
    for summary in result.summaries:
        lines = summary.text.split("\n")
        assert len(lines) == len(summary.sentences)
        assert all(line == f"- {sentence}" for line, sentence in zip(lines, summary.sentences, strict=True))


@pytest.mark.parametrize(
    "options", [{"sentences": 0}, {"share": 0.0}, {"share": 1.5}, {"sentences": 2, "share": 0.2}, {"form": "table"}]
)
def test_bad_length_or_form_is_a_usage_error(options: dict[str, object]) -> None:
    with pytest.raises(UsageError):
        Options(**options)  # type: ignore[arg-type]
