"""Summaries shown while they are written: what a listener hears, and how its caller stops the writing.

An abstractive summary takes seconds to write; a reader who sees its first words at once can start reading, and can
stop a summary that is going nowhere. The library knows nothing of the page that shows it: a caller passes a `Live`
(a listener and a stop event) with its request and hears

    Part     a generation begins: part `index` of `total`, in combining round `round` (1: the text's own chunks)
    Words    the next words of that part, as the model writes them; a part's words joined are its final text
    Written  a language's summary is complete (it is checked against its sources after this, which takes longer)

Setting `stop` ends the generation within a token or two and raises `GenerationStopped` with the text so far.

Streaming decodes greedily (one beam): both backends hand out tokens one by one only then (transformers refuses a
streamer with beam search; CTranslate2's `generate_tokens` has no beam search), and a beam search's best sequence is
known only at its end. A streamed summary is therefore the same as a non-streamed one with `num_beams=1`, and the
result cache keeps them apart from beam-search summaries.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from summarizers.engines.kinds import SummaryMethod


@dataclass(frozen=True)
class Part:
    model: str
    index: int  # from 1
    total: int
    round: int  # 1: the text's own chunks; later rounds combine the previous round's summaries

    @property
    def final(self) -> bool:
        """A round of one part writes the summary itself (unless it is rejected as degenerate)."""
        return self.total == 1


@dataclass(frozen=True)
class Words:
    text: str  # appended to the part's text so far (it starts with the space that separates it, if any)


@dataclass(frozen=True)
class Written:
    method: SummaryMethod
    model: str
    sentences: tuple[str, ...]


Event = Part | Words | Written
Listener = Callable[[Event], None]


def _ignore(_: Event) -> None:
    return None


@dataclass(frozen=True)
class Live:
    """Who hears a summary being written, and the event that stops the writing."""

    listen: Listener = _ignore
    stop: threading.Event = field(default_factory=threading.Event)


class WordStream:
    """Token ids in, whole words out: the text decoded so far is given out up to its last space, so a word is never
    shown half-decoded (a multi-byte character split across tokens, a marker such as "<n>" not yet complete) and the
    pieces given out, joined with the rest given at `finish`, are exactly the final text."""

    def __init__(self, decode: Callable[[list[int]], str]) -> None:
        self.decode = decode
        self.ids: list[int] = []
        self.shown = ""

    def add(self, token_id: int) -> str:
        """The new whole words after this token ("" when none is complete yet)."""
        self.ids.append(token_id)
        text = self.decode(self.ids)
        stable = text[: max(0, text.rfind(" "))]
        if len(stable) > len(self.shown) and stable.startswith(self.shown):
            new, self.shown = stable[len(self.shown) :], stable
            return new
        return ""

    def text(self) -> str:
        return self.decode(self.ids)

    def finish(self, final: str) -> str:
        """What is still to be given out of `final` (the part's whole text)."""
        rest = final[len(self.shown) :] if final.startswith(self.shown) else ""
        self.shown = final
        return rest
