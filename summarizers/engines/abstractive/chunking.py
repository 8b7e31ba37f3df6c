"""Stage one, preprocess: a text's sentences packed into token-bounded chunks, each within the model's window.

Chunks are cut at sentence boundaries, and a sentence longer than a chunk between words: nothing is ever truncated.
"""

from __future__ import annotations

import threading
from typing import Any

from summarizers.engines.abstractive.specs import ModelSpec

SEPARATOR_TOKENS = 1  # what joining two sentences with a space may cost
MIN_CHUNK_TOKENS = 8


def window_of(spec: ModelSpec, config: Any) -> int:
    """The spec's window, but never beyond the positions the weights have (a BART-style model fails late with an
    IndexError past max_position_embeddings; T5-style relative positions have no such limit)."""
    positions = getattr(config, "max_position_embeddings", None) if config.model_type != "mt5" else None
    return min(spec.max_input_tokens, positions or spec.max_input_tokens)


class Chunker:
    """Counts tokens with the model's tokenizer and packs sentences into chunks of at most `limit` tokens, so that a
    chunk with the input's special tokens and suffix fits the `window`."""

    def __init__(self, tokenizer: Any, lock: threading.RLock, input_suffix: str, window: int) -> None:
        self.tokenizer = tokenizer
        self.lock = lock  # a fast tokenizer keeps padding state: never share it between threads unlocked
        self.input_suffix = input_suffix
        self.window = window
        overhead = len(self.encode_ids([""])[0])
        self.limit = max(MIN_CHUNK_TOKENS, window - overhead)

    def encode_ids(self, texts: list[str]) -> list[list[int]]:
        """Each text's input ids as the model reads it: suffixed, with its special tokens."""
        suffixed = [text + self.input_suffix for text in texts]
        with self.lock:
            ids: list[list[int]] = self.tokenizer(suffixed, add_special_tokens=True, truncation=False)["input_ids"]
        return ids

    def lengths(self, sentences: list[str]) -> list[int]:
        if not sentences:
            return []
        with self.lock:
            encoded = self.tokenizer(sentences, add_special_tokens=False, truncation=False, verbose=False)
        return [len(ids) for ids in encoded["input_ids"]]

    def chunk(self, sentences: list[str]) -> list[str]:
        """Pack whole sentences into chunks of at most `limit` tokens each."""
        chunks: list[str] = []
        current: list[str] = []
        used = 0
        for sentence, length in zip(sentences, self.lengths(sentences), strict=True):
            if length > self.limit:
                parts = self._split_long_sentence(sentence)
                pieces = list(zip(parts, self.lengths(parts), strict=True))
            else:
                pieces = [(sentence, length)]
            for piece, piece_length in pieces:
                if current and used + SEPARATOR_TOKENS + piece_length > self.limit:
                    chunks.append(" ".join(current))
                    current, used = [], 0
                current.append(piece)
                used += piece_length + SEPARATOR_TOKENS
        if current:
            chunks.append(" ".join(current))
        return chunks

    def _split_long_sentence(self, sentence: str) -> list[str]:
        """A sentence longer than a chunk is cut between words (a rare case: tables, run-on lists)."""
        pieces: list[str] = []
        current: list[str] = []
        for word in sentence.split():
            candidate = " ".join([*current, word])
            if current and self.lengths([candidate])[0] > self.limit:
                pieces.append(" ".join(current))
                current = [word]
            else:
                current.append(word)
        if current:
            pieces.append(" ".join(current))
        return pieces
