"""Stage two when a listener waits: chunks written one at a time, each heard word by word as the model writes it.

A streamer follows one sequence, so a round's chunks are written in turn rather than in a batch, each announced as a
`Part`; decoding is greedy (see `engines.streaming`). Setting the listener's stop event ends the writing within a
token or two and raises `GenerationStopped` with the text so far.
"""

from __future__ import annotations

from collections.abc import Generator

from summarizers.engines.abstractive import generation
from summarizers.engines.abstractive.backends import transformers as transformers_backend
from summarizers.engines.abstractive.generation import Decoded
from summarizers.engines.abstractive.specs import TokenBudget
from summarizers.engines.streaming import Live, Part, Words, WordStream
from summarizers.errors import GenerationStopped


class Streamer:
    def __init__(self, generator: generation.Generator) -> None:
        self.generator = generator
        self.loaded = generator.loaded
        self.model = generator.spec.model_id

    def round(self, chunks: list[str], round_number: int, budget: TokenBudget, live: Live) -> list[Decoded]:
        """One round's chunks, one at a time, each heard as it is written."""
        outputs: list[Decoded] = []
        for index, chunk in enumerate(chunks, start=1):
            part = Part(self.model, index, len(chunks), round_number)
            live.listen(part)
            outputs.append(self.one(chunk + self.generator.spec.input_suffix, budget, live, part))
        return outputs

    def one(self, text: str, budget: TokenBudget, live: Live, part: Part) -> Decoded:
        generator = self.generator
        words = WordStream(generator.decode)
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
            ids = generator.without_start(words.ids)
            final = generator.decode(ids)
        rest = words.finish(final)
        if rest:
            live.listen(Words(rest))
        return Decoded(final, generator.written(ids))

    def _token_stream(self, text: str, budget: TokenBudget, live: Live) -> Generator[int]:
        generator = self.generator
        settings = generator.settings(budget)
        fast = self.loaded.fast
        if fast is None:
            return transformers_backend.stream(
                self.loaded.model, generator.tokenizer, text, settings, generator.check_window, live.stop
            )
        (source,) = generator.source_tokens([text])
        start = generator.start_token if fast.start_from_prefix else None
        return self._ids(fast.stream(source, settings, generator.spec.lang, start))

    def _ids(self, pieces: Generator[str]) -> Generator[int]:
        try:
            for piece in pieces:
                yield self.generator.token_ids([piece])[0]
        finally:
            pieces.close()
