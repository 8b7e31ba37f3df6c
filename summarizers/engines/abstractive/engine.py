"""The abstractive engine: transformers seq2seq generation in three explicit stages.

    preprocess   sentences -> token-bounded chunks (split at sentence boundaries; never truncated)
    generate     all chunks in batched `generate` calls, under the model's lock
    postprocess  decode, clean, reject empty or degenerate output

Documents longer than the window are summarised map-reduce: each chunk is summarised, the chunk summaries are
joined and summarised again until one summary within the requested token budget remains.

A caller that passes a `Live` (see `engines.streaming`) hears the summary word by word as it is written. A long
document's chunks are then written one after another, each streamed as it comes, and so are the rounds that combine
them: a chunk's summary is real text about the article, readable while the rest is written, whereas holding
everything back until the last round would leave the reader with nothing for most of the time. The listener hears
which part each text belongs to, so a page can show the parts as drafts and the last round as the summary.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from summarizers.engines.abstractive.backends import transformers as transformers_backend
from summarizers.engines.abstractive.loading import LoadedModel, load
from summarizers.engines.abstractive.specs import TokenBudget, language_start_token, spec_for
from summarizers.engines.base import EngineRequest, EngineSummary, Length, Progress, silent
from summarizers.engines.result_cache import key_for
from summarizers.engines.streaming import Live, Part, Words, WordStream
from summarizers.errors import DegenerateGeneration, GenerationStopped, ModelError, ModelUnavailable
from summarizers.messages import Message
from summarizers.text.language_names import name
from summarizers.text.spans import split_sentences, words

MAX_BATCH = 8  # chunks per generate call: bounds peak memory on long documents
MAX_REDUCE_ROUNDS = 6
MANY_BATCH = 16  # chunks per generate call when many documents are summarised together (`summarize_many`)


@dataclass(frozen=True)
class Rejected:
    """A request whose output was rejected as degenerate, as the result cache remembers it."""

    reason: str


@dataclass(frozen=True)
class Decoded:
    """One generated text and how many tokens the model wrote for it (special tokens excluded)."""

    text: str
    tokens: int


@dataclass(frozen=True)
class Generated:
    text: str
    sentences: tuple[str, ...]
    chunks: int
    input_tokens: int
    rounds: int
    output_tokens: int  # generated tokens of the final summary, special tokens excluded


def is_degenerate(text: str) -> bool:
    """No words at all, or one word making up most of the output ("the the the the")."""
    tokens = words(text)
    if not tokens:
        return True
    most_common = max(tokens.count(token) for token in set(tokens))
    return len(tokens) >= 6 and most_common > len(tokens) / 2


class AbstractiveEngine:
    """Summarises with one loaded seq2seq model: chunk -> generate -> reduce (see the module's docstring)."""

    method: Literal["abstractive"] = "abstractive"

    def __init__(self, loaded: LoadedModel) -> None:
        self.loaded = loaded
        self.spec = loaded.spec
        self.tokenizer = loaded.tokenizer
        config = loaded.config
        # Where decoding starts: the spec's token, or the summary language's token of a language map (CrossSum).
        self.start_token = language_start_token(self.spec, getattr(config, "task_specific_params", None))
        self.start_id = self._token_ids([self.start_token])[0] if self.start_token is not None else None
        # The spec's window, but never beyond the positions the weights have (a BART-style model fails late with
        # an IndexError past max_position_embeddings; T5-style relative positions have no such limit).
        positions = getattr(config, "max_position_embeddings", None) if config.model_type != "mt5" else None
        self.window = min(self.spec.max_input_tokens, positions or self.spec.max_input_tokens)
        overhead = len(self._encode_ids([""])[0])
        self.chunk_limit = max(8, self.window - overhead)

    # ---------------------------------------------------------------- preprocess

    def _encode_ids(self, texts: list[str]) -> list[list[int]]:
        suffixed = [text + self.spec.input_suffix for text in texts]
        with self.loaded.lock:  # a fast tokenizer keeps padding state: never share it between threads unlocked
            ids: list[list[int]] = self.tokenizer(suffixed, add_special_tokens=True, truncation=False)["input_ids"]
        return ids

    def _lengths(self, sentences: list[str]) -> list[int]:
        if not sentences:
            return []
        with self.loaded.lock:
            encoded = self.tokenizer(sentences, add_special_tokens=False, truncation=False, verbose=False)
        return [len(ids) for ids in encoded["input_ids"]]

    def _split_long_sentence(self, sentence: str) -> list[str]:
        """A sentence longer than a chunk is cut between words (a rare case: tables, run-on lists)."""
        pieces: list[str] = []
        current: list[str] = []
        for word in sentence.split():
            candidate = " ".join([*current, word])
            if current and self._lengths([candidate])[0] > self.chunk_limit:
                pieces.append(" ".join(current))
                current = [word]
            else:
                current.append(word)
        if current:
            pieces.append(" ".join(current))
        return pieces

    def chunk(self, sentences: list[str]) -> list[str]:
        """Pack whole sentences into chunks of at most `chunk_limit` tokens each."""
        chunks: list[str] = []
        current: list[str] = []
        used = 0
        separator_cost = 1
        for sentence, length in zip(sentences, self._lengths(sentences), strict=True):
            if length > self.chunk_limit:
                parts = self._split_long_sentence(sentence)
                pieces = list(zip(parts, self._lengths(parts), strict=True))
            else:
                pieces = [(sentence, length)]
            for piece, piece_length in pieces:
                if current and used + separator_cost + piece_length > self.chunk_limit:
                    chunks.append(" ".join(current))
                    current, used = [], 0
                current.append(piece)
                used += piece_length + separator_cost
        if current:
            chunks.append(" ".join(current))
        return chunks

    # ---------------------------------------------------------------- generate

    def _generation_kwargs(self, budget: TokenBudget) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "num_beams": self.spec.num_beams,
            "no_repeat_ngram_size": self.spec.no_repeat_ngram_size,
            "min_new_tokens": budget.min_new_tokens,
            "max_new_tokens": budget.max_new_tokens,
        }
        if self.spec.num_beams > 1:  # a beam search's settings (transformers warns of them without one)
            kwargs |= {"length_penalty": self.spec.length_penalty, "early_stopping": True}
        if self.start_id is not None:
            kwargs["decoder_start_token_id"] = self.start_id
        return kwargs

    @property
    def model(self) -> str:
        return self.spec.model_id

    def generate(self, chunks: list[str], budget: TokenBudget, batch_size: int = MAX_BATCH) -> list[Decoded]:
        outputs: list[Decoded] = []
        special = set(self.tokenizer.all_special_ids)
        for start in range(0, len(chunks), batch_size):
            batch_texts = [text + self.spec.input_suffix for text in chunks[start : start + batch_size]]
            with self.loaded.lock:
                rows = (
                    self._generate_fast(batch_texts, budget)
                    if self.loaded.fast
                    else self._generate(batch_texts, budget)
                )
                rows = [self._without_start(row) for row in rows]
                texts = self.tokenizer.batch_decode(rows, skip_special_tokens=True)
            for row, text in zip(rows, texts, strict=True):
                outputs.append(Decoded(self.postprocess(text), sum(1 for token in row if token not in special)))
        return outputs

    def _without_start(self, row: list[int]) -> list[int]:
        """transformers returns the decoder's start token first; a language token is not always a special token, so
        it is dropped here rather than left to `skip_special_tokens`."""
        return row[1:] if row and self.start_id is not None and row[0] == self.start_id else row

    def _check_window(self, longest: int) -> None:
        """Chunking keeps every chunk within the window; a longer one here is a bug, never silently truncated."""
        if longest > self.window:
            raise ModelError(f"internal: a chunk of {longest} tokens exceeds {self.window}")

    def _generate(self, batch_texts: list[str], budget: TokenBudget) -> list[list[int]]:
        return transformers_backend.generate(
            self.loaded.model, self.tokenizer, batch_texts, self._generation_kwargs(budget), self._check_window
        )

    def _generate_fast(self, batch_texts: list[str], budget: TokenBudget) -> list[list[int]]:
        encoded: list[list[int]] = self.tokenizer(batch_texts, add_special_tokens=True, truncation=False)["input_ids"]
        self._check_window(max(len(ids) for ids in encoded))
        sources = [list(self.tokenizer.convert_ids_to_tokens(ids)) for ids in encoded]
        assert self.loaded.fast is not None
        start = self.start_token if self.loaded.fast.start_from_prefix else None
        hypotheses = self.loaded.fast.generate(sources, self._generation_kwargs(budget), self.spec.lang, start)
        return [self._token_ids(tokens) for tokens in hypotheses]

    def _token_ids(self, tokens: list[str]) -> list[int]:
        ids = self.tokenizer.convert_tokens_to_ids(tokens)
        return ids if isinstance(ids, list) else [ids]

    # ---------------------------------------------------------------- postprocess

    @staticmethod
    def postprocess(text: str) -> str:
        return " ".join(text.replace("<n>", " ").split())

    # ---------------------------------------------------------------- the whole path

    def _cache_settings(self, budget: TokenBudget) -> tuple[object, ...]:
        fast = self.loaded.fast
        filtered = fast.filters(self.spec.lang) if fast else False
        return (self.spec.model_id, self.loaded.backend, self.spec.lang, filtered, self.spec.input_suffix,
                tuple(sorted(self._generation_kwargs(budget).items())))  # fmt: skip

    def _key(self, budget: TokenBudget, sentences: list[str], streamed: bool = False) -> str:
        """The result cache's key. A streamed summary is kept apart from one written at once: with a vocabulary map,
        CTranslate2's step-by-step decoding picks differently from its batch decoding (measured on the tiny test
        models), so the two are not interchangeable."""
        return key_for((*self._cache_settings(budget), streamed), sentences)

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
            return self._summarize_and_remember(key, sentences, budget, live)

    def _cached(self, key: str) -> Generated | None:
        cached = self.loaded.results.get(key)
        if isinstance(cached, Rejected):
            raise DegenerateGeneration(cached.reason)
        return cached if isinstance(cached, Generated) else None

    def _summarize_and_remember(
        self, key: str, sentences: list[str], budget: TokenBudget, live: Live | None = None
    ) -> Generated:
        try:
            generated = self._summarize(sentences, budget, live)
        except DegenerateGeneration as error:  # decoding is deterministic: the same request fails the same way
            # Only the message is kept: the exception's traceback would keep the whole generation's frames alive.
            self.loaded.results.put(key, Rejected(str(error)))
            raise
        self.loaded.results.put(key, generated)
        return generated

    def _summarize(self, sentences: list[str], budget: TokenBudget, live: Live | None = None) -> Generated:
        chunks = self.chunk(sentences)
        state = _Progress(chunks, len(chunks), sum(self._lengths(sentences)))
        while True:
            written = self.generate(state.chunks, budget) if live is None else self._stream_round(state, budget, live)
            outcome = state.advance(self, written)
            if isinstance(outcome, Rejected):
                raise DegenerateGeneration(outcome.reason)
            if outcome is not None:
                return outcome

    # ---------------------------------------------------------------- streaming

    def _stream_round(self, state: _Progress, budget: TokenBudget, live: Live) -> list[Decoded]:
        """One round's chunks, one at a time (a streamer follows one sequence), each heard as it is written."""
        outputs: list[Decoded] = []
        for index, chunk in enumerate(state.chunks, start=1):
            part = Part(self.model, index, len(state.chunks), state.rounds + 1)
            live.listen(part)
            outputs.append(self._stream_one(chunk + self.spec.input_suffix, budget, live, part))
        return outputs

    def _stream_one(self, text: str, budget: TokenBudget, live: Live, part: Part) -> Decoded:
        words = WordStream(self._decode)
        if live.stop.is_set():
            raise GenerationStopped(self.model, "", part)
        with self.loaded.lock:
            tokens = self._token_stream(text, budget, live)
            try:
                for token in tokens:
                    new = words.add(token)
                    if new:
                        live.listen(Words(new))
                    if live.stop.is_set():
                        break
            finally:
                tokens.close()  # stops the generation (and waits for it) when the loop ended early
            if live.stop.is_set():
                raise GenerationStopped(self.model, words.text(), part)
            ids = self._without_start(words.ids)
            final = self._decode(ids)
        rest = words.finish(final)
        if rest:
            live.listen(Words(rest))
        special = set(self.tokenizer.all_special_ids)
        return Decoded(final, sum(1 for token in ids if token not in special))

    def _token_stream(self, text: str, budget: TokenBudget, live: Live) -> Generator[int]:
        settings = self._generation_kwargs(budget)
        if self.loaded.fast is None:
            return transformers_backend.stream(
                self.loaded.model, self.tokenizer, text, settings, self._check_window, live.stop
            )
        encoded: list[int] = self.tokenizer([text], add_special_tokens=True, truncation=False)["input_ids"][0]
        self._check_window(len(encoded))
        source = list(self.tokenizer.convert_ids_to_tokens(encoded))
        start = self.start_token if self.loaded.fast.start_from_prefix else None
        return self._ids(self.loaded.fast.stream(source, settings, self.spec.lang, start))

    def _ids(self, pieces: Generator[str]) -> Generator[int]:
        try:
            for piece in pieces:
                yield self._token_ids([piece])[0]
        finally:
            pieces.close()

    def _decode(self, ids: list[int]) -> str:
        return self.postprocess(str(self.tokenizer.decode(self._without_start(ids), skip_special_tokens=True)))

    # ---------------------------------------------------------------- many documents at once

    def summarize_many(
        self, requests: list[list[str]], length: Length = "medium", batch_size: int = MANY_BATCH
    ) -> list[Generated | Rejected]:
        """The summaries of many documents' sentences, written together: each round gathers the chunks of every
        document still in progress, sorts them by length (so a batch pads little) and generates them in shared
        batches. Each outcome goes to the result cache under the key `summarize_sentences` looks up, so summarising
        a document afterwards costs nothing; it is the same rounds of map-reduce as `_summarize`, document by
        document, so the outcome is the same too (up to the rounding of a differently padded batch)."""
        budget = self.spec.budget(length)
        keys: list[str] = []
        outcomes: dict[str, Generated | Rejected] = {}
        work: dict[str, _Progress] = {}
        for sentences in requests:
            sentences = [s for s in sentences if s.strip()]
            key = self._key(budget, sentences)
            keys.append(key)
            cached = self.loaded.results.get(key)
            if isinstance(cached, Generated | Rejected):
                outcomes[key] = cached
            elif key not in work:  # the same document twice is written once
                chunks = self.chunk(sentences)
                work[key] = _Progress(chunks, len(chunks), sum(self._lengths(sentences)))
        with self.loaded.turns.turn(lambda _: None):
            self._generate_rounds(work, outcomes, budget, batch_size)
        return [outcomes[key] for key in keys]

    def _generate_rounds(
        self, work: dict[str, _Progress], outcomes: dict[str, Generated | Rejected], budget: TokenBudget, size: int
    ) -> None:
        while work:
            pending = [(key, text) for key, state in work.items() for text in state.chunks]
            lengths = self._lengths([text for _, text in pending])
            order = sorted(range(len(pending)), key=lambda position: lengths[position])
            written = self.generate([pending[position][1] for position in order], budget, size)
            by_key: dict[str, list[tuple[int, Decoded]]] = {}
            for position, decoded in zip(order, written, strict=True):
                by_key.setdefault(pending[position][0], []).append((position, decoded))
            for key in list(work):
                parts = sorted(by_key.get(key, []), key=lambda part: part[0])  # back in the document's order
                outcome = work[key].advance(self, [decoded for _, decoded in parts])
                if outcome is not None:
                    self.loaded.results.put(key, outcome)
                    outcomes[key] = outcome
                    del work[key]


@dataclass
class _Progress:
    """One document's place in `summarize_many`: the chunks of its next round."""

    chunks: list[str]
    first_chunks: int
    input_tokens: int
    rounds: int = 0

    def advance(self, engine: AbstractiveEngine, summaries: list[Decoded]) -> Generated | Rejected | None:
        """Take this round's summaries: the finished outcome, or None when another round of combining is due."""
        self.rounds += 1
        model = engine.spec.model_id
        if len(summaries) != 1 and self.rounds < MAX_REDUCE_ROUNDS:
            # Reduce: the chunk summaries, sentence by sentence, become the next round's input.
            previous = len(self.chunks)
            self.chunks = engine.chunk([s for summary in summaries for s in _sentences(summary.text)])
            if len(self.chunks) < previous:
                return None
            return Rejected(
                f"{model}: the part summaries are not shorter than the parts, so they cannot be combined into one "
                "summary"
            )
        if len(summaries) != 1:
            return Rejected(f"{model}: {len(summaries)} part summaries remain after {self.rounds} rounds of combining")
        text = summaries[0].text
        if is_degenerate(text):
            return Rejected(
                f"{model} produced no usable summary (output: {text[:80]!r}); "
                "the model may be damaged or unsuited to this text"
            )
        return Generated(
            text, tuple(_sentences(text)), self.first_chunks, self.input_tokens, self.rounds, summaries[0].tokens
        )


def _heard(model: str, generated: Generated, live: Live | None) -> Generated:
    """A finished summary told to a listener at once (it came from the result cache)."""
    if live is not None:
        live.listen(Part(model, 1, 1, 1))
        live.listen(Words(generated.text))
    return generated


def _sentences(text: str) -> list[str]:
    return [span.text(text) for span in split_sentences(text)]


def engine_for(lang: str, models: Mapping[str, str], progress: Progress = silent) -> AbstractiveEngine:
    """The engine of `lang`'s model (the caller's choice, else SAAR_MODEL_<LANG>, else the default), loaded once."""
    spec = spec_for(lang, models)
    if spec is None:
        raise ModelUnavailable(f"no abstractive model is registered for {name(lang)}")
    progress(Message("progress.loading", lang=lang, model=spec.model_id))
    return AbstractiveEngine(load(spec))
