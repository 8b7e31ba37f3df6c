from __future__ import annotations

import pytest

from summarizers.attribution.align import align, numbers_in
from summarizers.documents.reading import read_path
from summarizers.language.segment import analyse
from summarizers.pipeline import Options, summarize
from tests.cli_runner import run_cli
from tests.conftest import BILINGUAL_SEED

TEXT = read_path(BILINGUAL_SEED).text
ANALYSIS = analyse(TEXT)
ENGLISH = [u.span for u in ANALYSIS.content_units("en")]
HINDI = [u.span for u in ANALYSIS.content_units("hi")]


def test_empty_summary_sentence_is_unsupported() -> None:
    (result,) = align(TEXT, ["!!!"], ENGLISH)
    assert not result.supported
    assert result.sources == ()


def test_numbers_are_normalised_across_digit_systems() -> None:
    assert numbers_in("वर्ष २०२४ में 65 अरब, 1,200 और 6.50") == {"2024", "65", "1200", "6.5"}


def test_lifted_sentence_links_to_where_it_stands() -> None:
    sentence = "Bilateral trade crossed $65 billion in 2024, largely due to India’s import of discounted Russian crude."
    (result,) = align(TEXT, [sentence], ENGLISH)
    assert result.supported
    (source,) = result.sources
    assert TEXT[source.start : source.end] == sentence
    assert source.score == 1.0


@pytest.mark.parametrize(
    ("sentence", "spans", "missing"),
    [
        ("Bilateral trade crossed $75 billion in 2024.", ENGLISH, "75"),
        ("Putin and Sharif discussed expanding cooperation in science and technology.", ENGLISH, "sharif"),
        ("वर्ष 2024 में भारत–रूस व्यापार 85 अरब डॉलर तक पहुंच गया।", HINDI, "85"),
        ("वर्ष २०२३ में भारत–रूस व्यापार 65 अरब डॉलर तक पहुंच गया।", HINDI, "2023"),
    ],
)
def test_fabricated_facts_are_flagged(sentence: str, spans: list, missing: str) -> None:  # type: ignore[type-arg]
    (result,) = align(TEXT, [sentence], spans)
    assert not result.supported
    assert missing in result.missing
    assert result.sources  # still linked to the sentence it distorts, so the reader can compare


def test_paraphrase_is_supported_and_linked() -> None:
    (result,) = align(TEXT, ["Putin and Modi discussed cooperation in science and space research."], ENGLISH)
    assert result.supported
    assert any("space research" in TEXT[s.start : s.end] for s in result.sources)


def test_unrelated_sentence_is_unsupported() -> None:
    (result,) = align(TEXT, ["The weather in Paris was sunny and warm all week."], ENGLISH)
    assert not result.supported


def test_extractive_summaries_carry_exact_attribution() -> None:
    for summary in summarize(read_path(BILINGUAL_SEED), Options(method="extractive")).summaries:
        for aligned, span in zip(summary.attribution, summary.source_spans or (), strict=True):
            assert aligned.supported
            assert [(s.start, s.end) for s in aligned.sources] == [(span.start, span.end)]
            assert TEXT[span.start : span.end] == aligned.text


def test_attribute_cli(tmp_path) -> None:  # type: ignore[no-untyped-def]
    summary = tmp_path / "summary.txt"
    summary.write_text("Bilateral trade crossed $75 billion in 2024. Putin and Modi discussed space research.")
    result = run_cli("attribute", str(BILINGUAL_SEED), str(summary), "--json")
    assert result.code == 0
    first, second = result.json()["sentences"]
    assert first["supported"] is False
    assert second["supported"] is True
    assert all(TEXT[s["start"] : s["end"]] for s in second["sources"])
    assert run_cli("attribute", str(BILINGUAL_SEED), str(tmp_path / "missing.txt")).code == 1
