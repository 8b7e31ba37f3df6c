"""Summaries heard while they are written: on the tiny local models, with both backends, the streamed words joined
are the summary itself, equal to the same greedy summary written at once; setting the stop event ends the writing
early with the text so far; the pipeline tells each language's complete summary before checking it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from summarizers.documents.reading import from_text
from summarizers.engines.abstractive import loading as models
from summarizers.engines.abstractive.engine import AbstractiveEngine
from summarizers.engines.abstractive.specs import spec_for
from summarizers.engines.streaming import Event, Live, Part, Words, Written
from summarizers.errors import GenerationStopped
from summarizers.pipeline import Options, summarize
from summarizers.text.spans import split_sentences
from tests.conftest import BILINGUAL_SEED

pytestmark = pytest.mark.slow
TEXT = BILINGUAL_SEED.read_text(encoding="utf-8")
SENTENCES = [span.text(TEXT) for span in split_sentences(TEXT)]
BACKENDS = ["transformers", "ctranslate2"]


def _engine(lang: str, backend: str, tiny_models: dict[str, Path]) -> AbstractiveEngine:
    spec = spec_for(lang, {lang: str(tiny_models[lang])})
    assert spec is not None
    loaded = models.load(spec, backend=backend)
    loaded.results.clear()
    return AbstractiveEngine(loaded)


def _final_words(events: list[Event]) -> tuple[list[str], str]:
    """The words heard of the last part (the summary itself), and them joined."""
    last = max(index for index, event in enumerate(events) if isinstance(event, Part))
    words = [event.text for event in events[last:] if isinstance(event, Words)]
    return words, "".join(words)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("lang", ["en", "hi"])
def test_streamed_words_join_into_the_summary_written_at_once(
    lang: str, backend: str, tiny_models: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # CTranslate2 decodes step by step differently from its batch decoding with a vocabulary map (the engine keeps
    # the two apart in its cache); over the whole vocabulary they agree.
    monkeypatch.setenv("SAAR_VOCABULARY_FILTER", "off")
    engine = _engine(lang, backend, tiny_models)
    events: list[Event] = []
    streamed = engine.stream_sentences(SENTENCES[:4], Live(events.append), "short")
    words, joined = _final_words(events)
    assert len(words) > 3  # heard word by word, not at the end in one piece
    assert joined == streamed.text
    engine.loaded.results.clear()
    assert engine.greedy().summarize_sentences(SENTENCES[:4], "short").text == streamed.text


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_long_text_streams_each_part_then_the_combined_summary(
    backend: str, tiny_models: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAAR_VOCABULARY_FILTER", "off")
    engine = _engine("hi", backend, tiny_models)
    events: list[Event] = []
    streamed = engine.stream_sentences(SENTENCES, Live(events.append), "short")
    parts = [event for event in events if isinstance(event, Part)]
    assert parts[0].round == 1
    assert parts[0].total > 1
    assert [part.index for part in parts[: parts[0].total]] == list(range(1, parts[0].total + 1))
    assert parts[-1].final
    assert parts[-1].round > 1
    assert _final_words(events)[1] == streamed.text
    assert streamed.chunks == parts[0].total


@pytest.mark.parametrize("backend", BACKENDS)
def test_stop_ends_the_generation_early_with_the_text_so_far(backend: str, tiny_models: dict[str, Path]) -> None:
    engine = _engine("en", backend, tiny_models)
    full = engine.greedy().summarize_sentences(SENTENCES[:4], "long")
    engine.loaded.results.clear()
    stop = threading.Event()
    heard: list[str] = []

    def listen(event: Event) -> None:
        if isinstance(event, Words):
            heard.append(event.text)
            if len(heard) == 2:
                stop.set()

    with pytest.raises(GenerationStopped) as stopped:
        engine.stream_sentences(SENTENCES[:4], Live(listen, stop), "long")
    assert len(heard) == 2  # nothing more was heard once stopped
    assert stopped.value.text.startswith("".join(heard))
    assert len(stopped.value.text) < len(full.text)
    assert len(engine.loaded.results) == 0  # a stopped summary is never remembered as the summary
    assert not [thread for thread in threading.enumerate() if thread.name == "saar-generate"]  # generation ended


def test_the_pipeline_tells_each_language_its_words_then_the_complete_summary(tiny_models: dict[str, Path]) -> None:
    heard: list[tuple[str, Event]] = []
    document = from_text(TEXT, "bilingual")
    models_by_lang = {lang: str(path) for lang, path in tiny_models.items()}
    result = summarize(
        document, Options("abstractive", "short", models_by_lang, listen=lambda *pair: heard.append(pair))
    )
    for summary in result.summaries:
        events = [event for lang, event in heard if lang == summary.lang]
        written = [event for event in events if isinstance(event, Written)]
        assert written == [Written("abstractive", str(tiny_models[summary.lang]), summary.sentences)]
        assert any(isinstance(event, Words) for event in events)
        assert isinstance(events[-1], Written)


def test_an_extractive_summary_is_told_at_once(bilingual_text: str) -> None:
    heard: list[tuple[str, Event]] = []
    result = summarize(
        from_text(bilingual_text, "bilingual"), Options("extractive", listen=lambda *pair: heard.append(pair))
    )
    assert [lang for lang, _ in heard] == [summary.lang for summary in result.summaries]
    assert all(isinstance(event, Written) and event.method == "extractive" for _, event in heard)
