"""Engines by name. Adding an engine is one module that builds it and one line in `ENGINES`; the pipeline, the CLI and
the pages find it here and nowhere else.

A method is a chain of engines tried in order: each engine is a method of its own, and `auto` tries the abstractive
engine first and falls back to the extractive one, which needs no weights.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from summarizers.engines import crosslingual, extractive
from summarizers.engines.abstractive import engine as abstractive
from summarizers.engines.base import Engine, Progress


class EngineFactory(Protocol):
    """Builds the engine for one language, with the models the caller chose ({lang: hub id or directory})."""

    def __call__(self, lang: str, models: Mapping[str, str], progress: Progress) -> Engine: ...


ENGINES: dict[str, EngineFactory] = {
    "abstractive": abstractive.engine_for,
    "extractive": extractive.engine_for,
}
METHODS: dict[str, tuple[str, ...]] = {"auto": ("abstractive", "extractive")} | {name: (name,) for name in ENGINES}
FALLBACK = "extractive"  # the engine that always works: auto ends with it
CROSS_LANGUAGE = crosslingual.engine_for  # (source, target, models, progress): a summary in another language


def chain(method: str) -> tuple[str, ...]:
    """The engines a method tries, in order; a KeyError for an unknown method."""
    return METHODS[method]
