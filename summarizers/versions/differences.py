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
from summarizers.language.common_words import is_common_word
from summarizers.language.transliteration import skeleton
from summarizers.text.spans import WORD_RE, Span
from summarizers.versions.alignment import Link

DifferenceKind = Literal["number", "date", "name", "sentence"]


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


def _unmatched(facts_a: list[Fact], facts_b: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """Each side's facts no fact of the other side can be. Figures and dates are matched one to one ("£767 and
    £760" against "£760 ... £760" leaves 767 and one 760); a name is matched by any mention of it (a story names
    someone twice where its translation says "he" once). Each value once, in order."""
    used: set[int] = set()
    left_a = []
    for fact in facts_a:
        if fact.kind == "name":
            if not any(may_match(fact, other) for other in facts_b):
                left_a.append(fact)
            continue
        partner = next(
            (j for j, other in enumerate(facts_b) if j not in used and other.kind != "name" and may_match(fact, other)),
            None,
        )
        if partner is None:
            left_a.append(fact)
        else:
            used.add(partner)
    left_b = [
        fact
        for j, fact in enumerate(facts_b)
        if (fact.kind == "name" and not any(may_match(fact, other) for other in facts_a))
        or (fact.kind != "name" and j not in used)
    ]
    return _once(left_a), _once(left_b)


def _once(facts: list[Fact]) -> list[Fact]:
    kept: dict[str, Fact] = {}
    for fact in facts:
        kept.setdefault(fact.key, fact)
    return list(kept.values())


def _sort(fact: Fact) -> str:
    """What a fact's value is compared as: a number, a percentage, a day of a month, a month, a weekday, a name.
    Only facts of one sort can conflict: "October" and "12 October" do not, nor do "Monday" and "5 May"."""
    return fact.key.partition(":")[0] if fact.kind != "name" else "name"


def _month(fact: Fact) -> str | None:
    kind, _, value = fact.key.partition(":")
    return value[:2] if kind in {"date", "month"} else None


def _compatible(a: Fact, b: Fact) -> bool:
    """Two facts that need not be the same value to agree: a month and a day of that month."""
    return a.kind == b.kind == "date" and _month(a) is not None and _month(a) == _month(b) and _sort(a) != _sort(b)


_SURE_KEY_KINDS = ("exonym:", "acronym:", "phonetic:")
SURE_SKELETON = 4  # consonants: a shorter skeleton matches common Hindi words ("रविवार", "उनपर") by chance


def _surely_a_name(fact: Fact) -> bool:
    """A name in Latin letters (capitalised), or a Hindi word taken for a name by a sure key: an exonym, an acronym
    or a skeleton long enough not to be a chance likeness."""
    if fact.text[:1].isascii():
        return True
    for key in fact.keys:
        kind, _, value = key.partition(":")
        if key.startswith(_SURE_KEY_KINDS) or (kind == "skeleton" and "/" not in value and len(value) >= SURE_SKELETON):
            return True
    return False


def _common_words(fact: Fact) -> bool:
    """A capitalised run of English common words ("War", "First", "Stranger Things"): a title, a heading or an
    institution's name, which a translation renders in words of its own rather than by sound."""
    return all(is_common_word(word) for word in WORD_RE.findall(fact.text))


def _forms_of_one_name(a: Fact, b: Fact) -> bool:
    """Two spellings that start alike ("American" and "अमेरिका", "Germanic" and "जर्मन"): a demonym and its country,
    or an inflected form, rather than another name."""
    starts_a = {skeleton(word)[:3] for word in WORD_RE.findall(a.text) if len(skeleton(word)) >= 3}
    starts_b = {skeleton(word)[:3] for word in WORD_RE.findall(b.text) if len(skeleton(word)) >= 3}
    return bool(starts_a & starts_b)


def _conflicts(facts_a: list[Fact], facts_b: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Facts of one sort each side states and the other does not, paired in the order the sentences state them."""
    left_a, left_b = _unmatched(facts_a, facts_b)
    only_a = [fact for fact in left_a if not any(_compatible(fact, b) for b in facts_b)]
    only_b = [fact for fact in left_b if not any(_compatible(fact, a) for a in facts_a)]
    only_a = [fact for fact in only_a if fact.kind != "name" or not _common_words(fact)]
    only_b = [fact for fact in only_b if fact.kind != "name" or _surely_a_name(fact)]
    pairs = []
    for sort in dict.fromkeys(_sort(fact) for fact in only_a):
        for a, b in zip(
            [fact for fact in only_a if _sort(fact) == sort],
            [fact for fact in only_b if _sort(fact) == sort],
            strict=False,
        ):
            if a.kind == "name" and _forms_of_one_name(a, b):
                continue
            pairs.append((a, b))
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
