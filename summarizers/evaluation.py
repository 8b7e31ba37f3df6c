"""Measuring quality: letter-level language accuracy (and, for summaries, multilingual ROUGE)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from summarizers.language import analyse
from summarizers.text import is_letter


@dataclass(frozen=True)
class LabelledDocument:
    """A document written as pieces, each with its true language: [("en", "..."), ("hi", "...")]."""

    rule: str
    pieces: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.pieces)

    def gold(self) -> list[str]:
        return [lang for lang, text in self.pieces for _ in text]


def letter_accuracy(document: LabelledDocument) -> tuple[int, int]:
    """(letters whose segment language is right, letters) for one labelled document."""
    text = document.text
    gold = document.gold()
    predicted: list[str | None] = [None] * len(text)
    for segment in analyse(text).segments:
        predicted[segment.start : segment.end] = [segment.lang] * (segment.end - segment.start)
    letters = [index for index, char in enumerate(text) if is_letter(char)]
    right = sum(1 for index in letters if predicted[index] == gold[index])
    return right, len(letters)


def accuracy_by_rule(documents: Iterable[LabelledDocument]) -> dict[str, tuple[int, int]]:
    totals: dict[str, tuple[int, int]] = {}
    for document in documents:
        right, letters = letter_accuracy(document)
        old_right, old_letters = totals.get(document.rule, (0, 0))
        totals[document.rule] = (old_right + right, old_letters + letters)
    return totals


def labelled_documents(rows: Sequence[dict[str, object]]) -> list[LabelledDocument]:
    return [
        LabelledDocument(str(row["rule"]), tuple((str(lang), str(text)) for lang, text in row["pieces"]))  # type: ignore[attr-defined]
        for row in rows
    ]
