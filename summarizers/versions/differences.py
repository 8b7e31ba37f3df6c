"""Where two aligned versions differ: within each link, a figure or date the other side states with another value
(one conflict, not two facts each "only in" one version), a name in that place replaced by another name; and the
sentences only one version has.

A fact one side of a link states and the other side leaves out is not listed: translations drop and add figures
("two" for "2", a year the translator spelled out) far more often than stories change, and a list of such would bury
the real differences. Only a fact met by a fact of the same kind with another value is a conflict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from summarizers.attribution.facts import Fact, may_match
from summarizers.text.spans import Span
from summarizers.versions.alignment import Link

DifferenceKind = Literal["number", "date", "name", "sentence"]
CONFLICT_KINDS: tuple[DifferenceKind, ...] = ("number", "date", "name")


@dataclass(frozen=True)
class Side:
    """One version as the differences see it: its text, its sentences and the facts each states (text offsets)."""

    text: str
    sentences: tuple[Span, ...]
    facts: tuple[tuple[Fact, ...], ...]  # per sentence


@dataclass(frozen=True)
class Difference:
    """One place where the versions differ. A side the difference has no part in is None (a sentence only the other
    version has); offsets are into each version's text."""

    kind: DifferenceKind
    link: int  # index of the alignment link it lies in
    a: Span | None
    b: Span | None

    def text(self, side: int, texts: tuple[str, str]) -> str | None:
        span = (self.a, self.b)[side]
        return span.text(texts[side]) if span is not None else None


def _unmatched(mine: list[Fact], theirs: list[Fact]) -> list[Fact]:
    """My facts no fact of theirs can be, each value once, in order."""
    seen: set[str] = set()
    left = []
    for fact in mine:
        if fact.key in seen or any(may_match(fact, other) for other in theirs):
            continue
        seen.add(fact.key)
        left.append(fact)
    return left


def _conflicts(facts_a: list[Fact], facts_b: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Facts of one kind each side states and the other does not, paired in the order the sentences state them."""
    only_a, only_b = _unmatched(facts_a, facts_b), _unmatched(facts_b, facts_a)
    pairs = []
    for kind in CONFLICT_KINDS:
        pairs += list(
            zip(
                [fact for fact in only_a if fact.kind == kind],
                [fact for fact in only_b if fact.kind == kind],
                strict=False,
            )
        )
    return sorted(pairs, key=lambda pair: pair[0].start)


def differences(a: Side, b: Side, links: Sequence[Link]) -> list[Difference]:
    """Every difference, in the order of the links."""
    found = []
    for index, link in enumerate(links):
        if not link.b:
            found += [Difference("sentence", index, a.sentences[i], None) for i in link.a]
            continue
        if not link.a:
            found += [Difference("sentence", index, None, b.sentences[j]) for j in link.b]
            continue
        facts_a = [fact for i in link.a for fact in a.facts[i]]
        facts_b = [fact for j in link.b for fact in b.facts[j]]
        for fact_a, fact_b in _conflicts(facts_a, facts_b):
            found.append(Difference(fact_a.kind, index, Span(fact_a.start, fact_a.end), Span(fact_b.start, fact_b.end)))
    return found
