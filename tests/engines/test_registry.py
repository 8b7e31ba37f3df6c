"""The engine registry: engines are found by name, methods are chains of them, and the pipeline has no other way in."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from summarizers.documents.reading import read_path
from summarizers.engines import registry
from summarizers.engines.base import EngineRequest, EngineSummary, Progress, silent
from summarizers.errors import ModelUnavailable, UsageError
from summarizers.messages import Message
from summarizers.pipeline import Options, summarize
from tests.conftest import BILINGUAL_SEED


class OpeningEngine:
    """A second extractive engine: the first sentence of each language. Registering it is one dictionary line."""

    method = "extractive"
    model = "opening-sentence"

    def summarize(self, request: EngineRequest, progress: Progress = silent) -> EngineSummary:
        first = request.spans[:1]
        return EngineSummary("extractive", self.model, tuple(s.text(request.text) for s in first), source_spans=first)


def opening(lang: str, models: Mapping[str, str], progress: Progress) -> OpeningEngine:
    return OpeningEngine()


def unavailable(lang: str, models: Mapping[str, str], progress: Progress) -> OpeningEngine:
    raise ModelUnavailable(Message("model.not_registered", lang=lang))


def test_a_registered_engine_is_a_method_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.ENGINES, "opening", opening)
    monkeypatch.setitem(registry.METHODS, "opening", ("opening",))
    result = summarize(read_path(BILINGUAL_SEED), Options(method="opening"))
    text = result.document.text
    assert [summary.model for summary in result.summaries] == ["opening-sentence", "opening-sentence"]
    for summary in result.summaries:
        (sentence,) = summary.attribution
        (source,) = sentence.sources
        assert text[source.start : source.end] == sentence.text  # exact attribution from the engine's spans


def test_a_chain_falls_back_to_the_next_engine_and_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.ENGINES, "missing", unavailable)
    monkeypatch.setitem(registry.METHODS, "careful", ("missing", "extractive"))
    heard: list[str] = []
    result = summarize(read_path(BILINGUAL_SEED), Options(method="careful", progress=heard.append))
    assert [summary.method for summary in result.summaries] == ["extractive", "extractive"]
    assert all(summary.notice and "extractive summary" in summary.notice for summary in result.summaries)
    assert any("no abstractive model is registered for Hindi" in line for line in heard)


def test_a_chain_with_no_working_engine_gives_no_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.ENGINES, "missing", unavailable)
    monkeypatch.setitem(registry.METHODS, "missing", ("missing",))
    result = summarize(read_path(BILINGUAL_SEED), Options(method="missing"))
    assert all(summary.sentences == () and summary.model is None for summary in result.summaries)
    assert all("no abstractive model is registered" in (summary.notice or "") for summary in result.summaries)


@pytest.mark.parametrize(("method", "length"), [("fastest", "short"), ("auto", "tiny")])
def test_options_refuse_what_no_engine_offers(method: str, length: str) -> None:
    with pytest.raises(UsageError, match="choose one of"):
        Options(method=method, length=length)  # type: ignore[arg-type]


def test_auto_tries_abstractive_then_the_engine_that_needs_no_weights() -> None:
    assert registry.chain("auto") == ("abstractive", registry.FALLBACK)
    assert all(registry.chain(name) == (name,) for name in registry.ENGINES)
