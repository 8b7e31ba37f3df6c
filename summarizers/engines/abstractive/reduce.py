"""Stage three: map-reduce past the model's window. Each round's summaries, sentence by sentence, are chunked again
and summarised again, until one summary remains; it is rejected when it is degenerate, and so is a document whose
part summaries stop getting shorter or outlast `MAX_REDUCE_ROUNDS` rounds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from summarizers.engines.abstractive.generation import Decoded
from summarizers.messages import Message
from summarizers.text.spans import split_sentences, words

MAX_REDUCE_ROUNDS = 6


@dataclass(frozen=True)
class Rejected:
    """A request whose output was rejected as degenerate, as the result cache remembers it."""

    reason: Message


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


def sentences_of(text: str) -> list[str]:
    return [span.text(text) for span in split_sentences(text)]


@dataclass
class Reduction:
    """One document's way to its summary: the chunks its next round summarises."""

    model: str
    rechunk: Callable[[list[str]], list[str]] = field(repr=False)  # sentences -> the next round's chunks
    chunks: list[str]
    input_tokens: int
    first_chunks: int = field(init=False)  # the text's own chunks, as the summary reports them
    rounds: int = 0

    def __post_init__(self) -> None:
        self.first_chunks = len(self.chunks)

    def advance(self, summaries: list[Decoded]) -> Generated | Rejected | None:
        """Take this round's summaries: the finished outcome, or None when another round of combining is due."""
        self.rounds += 1
        model = self.model
        if len(summaries) != 1 and self.rounds < MAX_REDUCE_ROUNDS:
            # Reduce: the chunk summaries, sentence by sentence, become the next round's input.
            previous = len(self.chunks)
            self.chunks = self.rechunk([s for summary in summaries for s in sentences_of(summary.text)])
            if len(self.chunks) < previous:
                return None
            return Rejected(Message("model.parts_not_shorter", model=model))
        if len(summaries) != 1:
            return Rejected(Message("model.parts_remain", model=model, parts=len(summaries), rounds=self.rounds))
        text = summaries[0].text
        if is_degenerate(text):
            return Rejected(Message("model.no_usable_summary", model=model, output=text[:80]))
        return Generated(
            text, tuple(sentences_of(text)), self.first_chunks, self.input_tokens, self.rounds, summaries[0].tokens
        )


def reduce(reduction: Reduction, write: Callable[[Reduction], list[Decoded]]) -> Generated | Rejected:
    """Rounds of `write` (the summaries of the reduction's chunks) until the outcome is known."""
    while True:
        outcome = reduction.advance(write(reduction))
        if outcome is not None:
            return outcome


def reduce_together(
    work: dict[str, Reduction],
    lengths: Callable[[list[str]], list[int]],
    write: Callable[[list[str]], list[Decoded]],
    done: Callable[[str, Generated | Rejected], None],
) -> None:
    """Many documents' rounds side by side: each round gathers the chunks of every document still in progress, sorts
    them by length (so a batch pads little) and writes them in one call; the summaries go back to their documents
    in order, and `done` hears each document's outcome as soon as it is known. The rounds of each document are those
    `reduce` would run for it alone."""
    while work:
        pending = [(key, text) for key, state in work.items() for text in state.chunks]
        sizes = lengths([text for _, text in pending])
        order = sorted(range(len(pending)), key=lambda position: sizes[position])
        written = write([pending[position][1] for position in order])
        by_key: dict[str, list[tuple[int, Decoded]]] = {}
        for position, decoded in zip(order, written, strict=True):
            by_key.setdefault(pending[position][0], []).append((position, decoded))
        for key in list(work):
            parts = sorted(by_key.get(key, []), key=lambda part: part[0])  # back in the document's order
            outcome = work[key].advance([decoded for _, decoded in parts])
            if outcome is not None:
                done(key, outcome)
                del work[key]
