"""Stage two, forward and postprocess: chunks in, cleaned summaries out, through either backend.

The model's generation settings (its card's beams and n-gram rule, the length budget, where decoding starts) are made
here once for both backends; transformers runs them as `model.generate`, CTranslate2 as `translate_batch`. Output is
decoded without the decoder's start token and cleaned ("<n>" markers, runs of spaces).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarizers.engines.abstractive.backends import transformers as transformers_backend
from summarizers.engines.abstractive.loading import LoadedModel
from summarizers.engines.abstractive.specs import TokenBudget, language_start_token
from summarizers.errors import ModelError
from summarizers.messages import Message

MAX_BATCH = 8  # chunks per generate call: bounds peak memory on long documents


@dataclass(frozen=True)
class Decoded:
    """One generated text and how many tokens the model wrote for it (special tokens excluded)."""

    text: str
    tokens: int


def postprocess(text: str) -> str:
    return " ".join(text.replace("<n>", " ").split())


class Generator:
    """Writes the summaries of chunks with one loaded model, under its lock."""

    def __init__(self, loaded: LoadedModel, window: int) -> None:
        self.loaded = loaded
        self.spec = loaded.spec
        self.tokenizer = loaded.tokenizer
        self.window = window
        # Where decoding starts: the spec's token, or the summary language's token of a language map (CrossSum).
        self.start_token = language_start_token(self.spec, getattr(loaded.config, "task_specific_params", None))
        self.start_id = self.token_ids([self.start_token])[0] if self.start_token is not None else None
        self.special = set(self.tokenizer.all_special_ids)

    def settings(self, budget: TokenBudget) -> dict[str, Any]:
        """`generate`'s keyword arguments for this model and budget (CTranslate2 reads the same ones)."""
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

    def generate(self, chunks: list[str], budget: TokenBudget, batch_size: int = MAX_BATCH) -> list[Decoded]:
        outputs: list[Decoded] = []
        for start in range(0, len(chunks), batch_size):
            batch_texts = [text + self.spec.input_suffix for text in chunks[start : start + batch_size]]
            with self.loaded.lock:
                rows = [self.without_start(row) for row in self.token_rows(batch_texts, budget)]
                texts = self.tokenizer.batch_decode(rows, skip_special_tokens=True)
            outputs.extend(Decoded(postprocess(text), self.written(row)) for row, text in zip(rows, texts, strict=True))
        return outputs

    def token_rows(self, batch_texts: list[str], budget: TokenBudget) -> list[list[int]]:
        """Each text's output ids (the start token first, as transformers returns it), from the model's backend."""
        fast = self.loaded.fast
        if fast is None:
            return transformers_backend.generate(
                self.loaded.model, self.tokenizer, batch_texts, self.settings(budget), self.check_window
            )
        sources = self.source_tokens(batch_texts)
        start = self.start_token if fast.start_from_prefix else None
        hypotheses = fast.generate(sources, self.settings(budget), self.spec.lang, start)
        return [self.token_ids(tokens) for tokens in hypotheses]

    def source_tokens(self, texts: list[str]) -> list[list[str]]:
        """Texts as CTranslate2 reads them: token strings, special tokens included, checked against the window."""
        encoded: list[list[int]] = self.tokenizer(texts, add_special_tokens=True, truncation=False)["input_ids"]
        self.check_window(max(len(ids) for ids in encoded))
        return [list(self.tokenizer.convert_ids_to_tokens(ids)) for ids in encoded]

    def check_window(self, longest: int) -> None:
        """Chunking keeps every chunk within the window; a longer one here is a bug, never silently truncated."""
        if longest > self.window:
            raise ModelError(Message("model.chunk_too_long", tokens=longest, window=self.window))

    def without_start(self, row: list[int]) -> list[int]:
        """transformers returns the decoder's start token first; a language token is not always a special token, so
        it is dropped here rather than left to `skip_special_tokens`."""
        return row[1:] if row and self.start_id is not None and row[0] == self.start_id else row

    def decode(self, ids: list[int]) -> str:
        return postprocess(str(self.tokenizer.decode(self.without_start(ids), skip_special_tokens=True)))

    def written(self, ids: list[int]) -> int:
        """The tokens a summary's ids count, special tokens excluded."""
        return sum(1 for token in ids if token not in self.special)

    def token_ids(self, tokens: list[str]) -> list[int]:
        ids = self.tokenizer.convert_tokens_to_ids(tokens)
        return ids if isinstance(ids, list) else [ids]
