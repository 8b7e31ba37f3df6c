"""Measuring quality: letter-level language accuracy (and, for summaries, multilingual ROUGE)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from summarizers.language.segment import analyse
from summarizers.text.spans import is_letter


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
        for inline in segment.inline:  # letters inside an inline span count as that span's language
            predicted[inline.start : inline.end] = [inline.lang] * (inline.end - inline.start)
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


# ---------------------------------------------------------------- multilingual ROUGE


@dataclass(frozen=True)
class RougeScores:
    rouge1: float
    rouge2: float
    rougeL: float  # noqa: N815 - the metric's conventional name


def _ngrams(tokens: list[str], n: int) -> dict[tuple[str, ...], int]:
    counts: dict[tuple[str, ...], int] = {}
    for index in range(len(tokens) - n + 1):
        gram = tuple(tokens[index : index + n])
        counts[gram] = counts.get(gram, 0) + 1
    return counts


def _f1(overlap: int, candidate_total: int, reference_total: int) -> float:
    if overlap == 0 or candidate_total == 0 or reference_total == 0:
        return 0.0
    precision, recall = overlap / candidate_total, overlap / reference_total
    return 2 * precision * recall / (precision + recall)


def _lcs(a: list[str], b: list[str]) -> int:
    previous = [0] * (len(b) + 1)
    for token in a:
        current = [0]
        for index, other in enumerate(b):
            current.append(previous[index] + 1 if token == other else max(previous[index + 1], current[index]))
        previous = current
    return previous[-1]


def rouge(candidate: str, reference: str) -> RougeScores:
    """ROUGE-1/2/L F1 on Unicode word tokens with light stemming (Hindi scores like any other language)."""
    from summarizers.text.lexicon import all_terms

    cand, ref = all_terms(candidate), all_terms(reference)
    scores = []
    for n in (1, 2):
        c, r = _ngrams(cand, n), _ngrams(ref, n)
        overlap = sum(min(count, r.get(gram, 0)) for gram, count in c.items())
        scores.append(_f1(overlap, sum(c.values()), sum(r.values())))
    return RougeScores(scores[0], scores[1], _f1(_lcs(cand, ref), len(cand), len(ref)))
