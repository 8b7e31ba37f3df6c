"""The abstractive engine: a seq2seq model's summary of one language's sentences, by stages.

    chunk      sentences -> token-bounded chunks, cut at sentence boundaries, never truncated   (`chunking`)
    generate   chunks -> cleaned summaries, in batched calls of either backend                   (`generation`)
    stream     the same, one chunk at a time, heard word by word by a listener                   (`stream`)
    reduce     chunk summaries -> one summary, in rounds, or a rejection of degenerate output     (`reduce`)

This module coordinates them: the result cache (a repeated request is answered without generating), turns at the
shared model (a waiting caller hears its place in the queue), streaming or not, and many documents at once.

A caller that passes a `Live` (see `engines.streaming`) hears the summary word by word as it is written. A long
document's chunks are then written one after another, each streamed as it comes, and so are the rounds that combine
them: a chunk's summary is real text about the article, readable while the rest is written, whereas holding
everything back until the last round would leave the reader with nothing for most of the time. The listener hears
which part each text belongs to, so a page can show the parts as drafts and the last round as the summary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Literal

from summarizers.engines.abstractive.chunking import Chunker, window_of
from summarizers.engines.abstractive.generation import MAX_BATCH, Decoded, Generator
from summarizers.engines.abstractive.loading import LoadedModel, load
from summarizers.engines.abstractive.reduce import Generated, Reduction, Rejected, reduce, reduce_together
from summarizers.engines.abstractive.specs import TokenBudget, spec_for
from summarizers.engines.abstractive.stream import Streamer
from summarizers.engines.base import EngineRequest, EngineSummary, Length, Progress, silent
from summarizers.engines.result_cache import key_for
from summarizers.engines.streaming import Live, Part, Words
from summarizers.errors import DegenerateGeneration, ModelUnavailable
from summarizers.messages import Message

MANY_BATCH = 16  # chunks per generate call when many documents are summarised together (`summarize_many`)


class AbstractiveEngine:
    """Summarises with one loaded seq2seq model: chunk -> generate (or stream) -> reduce."""

    method: Literal["abstractive"] = "abstractive"

    def __init__(self, loaded: LoadedModel) -> None:
        self.loaded = loaded
        self.spec = loaded.spec
        self.tokenizer = loaded.tokenizer
        self.window = window_of(self.spec, loaded.config)
        self.chunker = Chunker(self.tokenizer, loaded.lock, self.spec.input_suffix, self.window)
        self.generator = Generator(loaded, self.window)
        self.streamer = Streamer(self.generator)

    @property
    def model(self) -> str:
        return self.spec.model_id

    def chunk(self, sentences: list[str]) -> list[str]:
        return self.chunker.chunk(sentences)

    def generate(self, chunks: list[str], budget: TokenBudget, batch_size: int = MAX_BATCH) -> list[Decoded]:
        return self.generator.generate(chunks, budget, batch_size)

    def summarize(self, request: EngineRequest, progress: Progress = silent) -> EngineSummary:
        progress(Message("progress.writing", lang=request.lang, model=self.spec.model_id))
        if request.live is not None:
            generated = self.stream_sentences(request.sentences(), request.live, request.length, progress)
        else:
            generated = self.summarize_sentences(request.sentences(), request.length, progress)
        return EngineSummary("abstractive", self.spec.model_id, generated.sentences, chunks=generated.chunks)

    def greedy(self) -> AbstractiveEngine:
        """This engine decoding with one beam (what streaming needs: see `engines.streaming`)."""
        if self.spec.num_beams == 1:
            return self
        return AbstractiveEngine(replace(self.loaded, spec=replace(self.spec, num_beams=1)))

    def stream_sentences(
        self, sentences: list[str], live: Live, length: Length = "medium", progress: Progress = silent
    ) -> Generated:
        """The summary of `sentences`, decoded greedily, with `live.listen` hearing each part's words as they are
        written; `GenerationStopped` (with the text so far) once `live.stop` is set. A summary already in the result
        cache is heard whole, at once."""
        return self.greedy().summarize_sentences(sentences, length, progress, live)

    def summarize_sentences(
        self, sentences: list[str], length: Length = "medium", progress: Progress = silent, live: Live | None = None
    ) -> Generated:
        """The summary of `sentences`; the same request again is answered from the model's result cache (a rejected,
        degenerate output included). Callers take turns at the model; a waiting one hears its place in the queue.
        With `live`, generation is streamed (greedy decoding only: use `stream_sentences`)."""
        budget = self.spec.budget(length)
        sentences = [s for s in sentences if s.strip()]
        key = self._key(budget, sentences, streamed=live is not None)
        cached = self._cached(key)
        if cached is not None:
            return _heard(self.model, cached, live)

        def tell(ahead: int) -> None:
            progress(
                Message("progress.queued_many" if ahead > 1 else "progress.queued_one", model=self.model, ahead=ahead)
            )

        with self.loaded.turns.turn(tell):
            cached = self._cached(key)  # the request ahead may have been this very one
            if cached is not None:
                return _heard(self.model, cached, live)
            try:
                generated = self._summarize(sentences, budget, live)
            except DegenerateGeneration as error:  # decoding is deterministic: the same request fails the same way
                # Only the message is kept: the exception's traceback would keep the whole generation's frames alive.
                self.loaded.results.put(key, Rejected(error.reason))
                raise
            self.loaded.results.put(key, generated)
            return generated

    def summarize_many(
        self, requests: list[list[str]], length: Length = "medium", batch_size: int = MANY_BATCH
    ) -> list[Generated | Rejected]:
        """The summaries of many documents' sentences, written together (`reduce.reduce_together`: shared batches,
        sorted by length). Each outcome goes to the result cache under the key `summarize_sentences` looks up, so
        summarising a document afterwards costs nothing; the rounds are those of `summarize_sentences`, document by
        document, so the outcome is the same too (up to the rounding of a differently padded batch)."""
        budget = self.spec.budget(length)
        keys: list[str] = []
        outcomes: dict[str, Generated | Rejected] = {}
        work: dict[str, Reduction] = {}
        for sentences in requests:
            sentences = [s for s in sentences if s.strip()]
            key = self._key(budget, sentences)
            keys.append(key)
            cached = self.loaded.results.get(key)
            if isinstance(cached, Generated | Rejected):
                outcomes[key] = cached
            elif key not in work:  # the same document twice is written once
                work[key] = self._reduction(sentences)

        def done(key: str, outcome: Generated | Rejected) -> None:
            self.loaded.results.put(key, outcome)
            outcomes[key] = outcome

        with self.loaded.turns.turn(lambda _: None):
            reduce_together(work, self.chunker.lengths, lambda chunks: self.generate(chunks, budget, batch_size), done)
        return [outcomes[key] for key in keys]

    def _summarize(self, sentences: list[str], budget: TokenBudget, live: Live | None = None) -> Generated:
        if live is None:
            outcome = reduce(self._reduction(sentences), lambda state: self.generate(state.chunks, budget))
        else:
            outcome = reduce(
                self._reduction(sentences),
                lambda state: self.streamer.round(state.chunks, state.rounds + 1, budget, live),
            )
        if isinstance(outcome, Rejected):
            raise DegenerateGeneration(outcome.reason)
        return outcome

    def _reduction(self, sentences: list[str]) -> Reduction:
        return Reduction(self.model, self.chunk, self.chunk(sentences), sum(self.chunker.lengths(sentences)))

    def _cached(self, key: str) -> Generated | None:
        cached = self.loaded.results.get(key)
        if isinstance(cached, Rejected):
            raise DegenerateGeneration(cached.reason)
        return cached if isinstance(cached, Generated) else None

    def _key(self, budget: TokenBudget, sentences: list[str], streamed: bool = False) -> str:
        """The result cache's key: everything the output depends on. A streamed summary is kept apart from one
        written at once: with a vocabulary map, CTranslate2's step-by-step decoding picks differently from its batch
        decoding (measured on the tiny test models), so the two are not interchangeable."""
        fast = self.loaded.fast
        filtered = fast.filters(self.spec.lang) if fast else False
        settings = tuple(sorted(self.generator.settings(budget).items()))
        return key_for(
            (self.spec.model_id, self.loaded.backend, self.spec.lang, filtered, self.spec.input_suffix, settings,
             streamed),
            sentences,
        )  # fmt: skip


def _heard(model: str, generated: Generated, live: Live | None) -> Generated:
    """A finished summary told to a listener at once (it came from the result cache)."""
    if live is not None:
        live.listen(Part(model, 1, 1, 1))
        live.listen(Words(generated.text))
    return generated


def engine_for(lang: str, models: Mapping[str, str], progress: Progress = silent) -> AbstractiveEngine:
    """The engine of `lang`'s model (the caller's choice, else SAAR_MODEL_<LANG>, else the default), loaded once."""
    spec = spec_for(lang, models)
    if spec is None:
        raise ModelUnavailable(Message("model.not_registered", lang=lang))
    progress(Message("progress.loading", lang=lang, model=spec.model_id))
    return AbstractiveEngine(load(spec))
