"""The contract every summarization engine keeps, and the values it is driven with.

An engine takes one language's sentences of a document (spans into its text) and returns summary sentences. It
says what it is (`method`, `model`), so a summary is never labelled with an engine that did not write it. An engine
that copies source sentences returns their spans, which makes attribution exact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from summarizers.engines.kinds import LENGTHS as LENGTHS
from summarizers.engines.kinds import Length as Length
from summarizers.engines.kinds import SummaryMethod as SummaryMethod
from summarizers.engines.streaming import Live
from summarizers.text.spans import Span

# Reports each slow stage ("Loading the Hindi model ...") to whoever shows progress; the app passes st.status.
Progress = Callable[[str], None]


def silent(_: str) -> None:
    return None


@dataclass(frozen=True)
class EngineRequest:
    """One language's sentences of a document: `spans` point into `text`, in order."""

    text: str
    spans: tuple[Span, ...]
    lang: str
    length: Length = "medium"
    count: int | None = None  # exactly this many summary sentences (at most), where the caller asked for a number
    # Who hears the summary while it is written, and how they stop it (see `engines.streaming`); engines that write
    # a summary at once (extractive) ignore it.
    live: Live | None = field(default=None, compare=False)

    def sentences(self) -> list[str]:
        return [span.text(self.text) for span in self.spans]


@dataclass(frozen=True)
class EngineSummary:
    method: SummaryMethod
    model: str
    sentences: tuple[str, ...]
    # Exactly which source sentence each summary sentence is, for engines that copy sentences; None otherwise.
    source_spans: tuple[Span, ...] | None = None
    chunks: int = 1  # parts the text was summarised in (map-reduce past the model's window)


class Engine(Protocol):
    """Writes the summary of one request. Raises `ModelError` when it cannot (the pipeline then falls back)."""

    @property
    def method(self) -> SummaryMethod: ...

    @property
    def model(self) -> str: ...

    def summarize(self, request: EngineRequest, progress: Progress = silent) -> EngineSummary: ...
