"""Bounded in-memory caches: least recently used entries go first.

`ResultCache` keeps finished summaries, so a repeated request is answered without generating again.

Keyed by everything the output depends on: the model and backend, the generation settings and length budget, the
language (it decides the vocabulary filter) and a SHA-256 of the input sentences. Lives beside the loaded model, so
every caller of that model (every app session, every CLI file) shares it; least recently used entries go first.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Generic, TypeVar

from summarizers import settings

Key = TypeVar("Key")
Value = TypeVar("Value")


def key_for(settings: tuple[object, ...], sentences: list[str]) -> str:
    digest = hashlib.sha256(repr(settings).encode("utf-8"))
    for sentence in sentences:
        digest.update(b"\x00" + sentence.encode("utf-8"))
    return digest.hexdigest()


class LruCache(Generic[Key, Value]):
    """At most `capacity` entries (0: keeps nothing), safe to share between threads."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._entries: OrderedDict[Key, Value] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key) -> Value | None:
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: Key, value: Value) -> None:
        if self.capacity <= 0:
            return
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.capacity:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


class ResultCache(LruCache[str, Value]):
    """Finished summaries by `key_for(settings, sentences)`; `SAAR_RESULT_CACHE` entries unless told otherwise."""

    def __init__(self, capacity: int | None = None) -> None:
        super().__init__(settings.result_cache_capacity() if capacity is None else capacity)
