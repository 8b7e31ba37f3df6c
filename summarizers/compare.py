"""Comparing two versions of one story: two documents, or the English and Hindi runs of one document.

Each side is summarised as usual; each summary sentence is then checked against the *other* version (its wording by
the checker where the other version has text in its language), and the facts of the two versions are matched: those
both state and those only one does. One matcher (`facts.FactMatcher`) decides both the facts table and every
sentence's numbers, dates and names, so a sentence is never flagged for a name the table lists as in both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from summarizers.attribution.align import AlignedSentence
from summarizers.attribution.checkers import Checker, about_other_version, default_checker
from summarizers.attribution.facts import Fact, FactComparison, FactMatcher
from summarizers.documents.reading import Document
from summarizers.language.segment import Analysis, analyse
from summarizers.messages import Message, Place
from summarizers.pipeline import Options, Summary, summarize, summarize_language
from summarizers.schema import messages_json, sentence_json, summary_json
from summarizers.text.language_names import name

OTHER: Place = "other_version"  # where Compare seeks a sentence's support


@dataclass(frozen=True)
class Side:
    title: str
    document: Document
    analysis: Analysis
    lang: str | None = None  # one language run of the document, or None for all of it

    def content_text(self) -> str:
        units = self.analysis.content_units(self.lang)
        return "\n\n".join(unit.span.text(self.document.text) for unit in units)


def language_sides(document: Document, analysis: Analysis | None = None) -> tuple[Side, Side] | None:
    """The English and Hindi runs of one document as two sides, or None if it lacks one of them."""
    analysis = analysis or analyse(document.text)
    if not (analysis.content_units("en") and analysis.content_units("hi")):
        return None
    return (
        Side(f"{document.name} · English", document, analysis, "en"),
        Side(f"{document.name} · Hindi", document, analysis, "hi"),
    )


def document_side(document: Document) -> Side:
    return Side(document.name, document, analyse(document.text))


def short_labels(a: Side, b: Side) -> tuple[str, str]:
    """Names for narrow columns: the language alone for two versions in one document (the file name is the same on
    both sides and would crowd the column), else the titles, numbered when they are the same."""
    if a.document is b.document and a.lang and b.lang and a.lang != b.lang:
        return name(a.lang), name(b.lang)
    if a.title == b.title:
        return f"{a.title} (1)", f"{b.title} (2)"
    return a.title, b.title


def _fact_dict(fact: Fact) -> dict[str, Any]:
    return {"kind": fact.kind, "text": fact.text}


def _summaries(side: Side, options: Options) -> list[Summary]:
    if side.lang is not None:
        spans = [unit.span for unit in side.analysis.content_units(side.lang)]
        return [summarize_language(side.document.text, spans, side.lang, options)]
    return list(summarize(side.document, options, side.analysis).summaries)


def _positions(side: Side, summary: Summary) -> list[float | None] | None:
    """Where each extractive summary sentence sits in its side (0 first, 1 last); None for abstractive ones."""
    if summary.source_spans is None:
        return None
    starts = [unit.span.start for unit in side.analysis.content_units(side.lang)]
    if len(starts) < 2:
        return None
    index = {start: i for i, start in enumerate(starts)}
    return [index[span.start] / (len(starts) - 1) if span.start in index else None for span in summary.source_spans]


def check_against_other(
    checker: Checker,
    matcher: FactMatcher,
    side: int,
    other: Analysis,
    sentences: Sequence[str],
    positions: Sequence[float | None] | None = None,
) -> list[AlignedSentence]:
    """Each sentence of version `side` (0 or 1) against the other version: its wording by the checker where the other
    version has text in the sentence's language, and its numbers, dates and names by the matcher alone."""
    worded = checker.check(other, sentences, positions, facts=False).sentences
    checked = []
    for sentence, aligned in zip(sentences, worded, strict=True):
        found, missing = matcher.missing(sentence, side)
        fact_reasons = tuple(Message("reason.fact_missing", fact=fact.text, place=OTHER) for fact in missing)
        if other.content_units(analyse(sentence).language):
            supported = aligned.supported and not missing
            reasons = fact_reasons + tuple(about_other_version(reason) for reason in aligned.reasons)
            score = aligned.score if not missing or aligned.score is None else min(aligned.score, 0.25)
            checked.append(replace(aligned, supported=supported, missing=_texts(missing), score=score, reasons=reasons))
        elif not (found or missing):
            note = (Message("reason.nothing_comparable", place=OTHER),)
            checked.append(replace(aligned, supported=False, checked=False, missing=(), score=None, reasons=note))
        else:
            # Across languages offline, the facts it states are all there is to compare.
            score = round(len(found) / (len(found) + len(missing)), 4)
            checked.append(
                replace(
                    aligned,
                    supported=not missing,
                    checked=True,
                    missing=_texts(missing),
                    score=score,
                    reasons=fact_reasons,
                )
            )
    return checked


def _texts(facts: list[Fact]) -> tuple[str, ...]:
    return tuple(fact.text for fact in facts)


def facts_json(comparison: FactComparison) -> list[dict[str, Any]]:
    """The facts table as rows: {"kind", "a", "b", "in": "both" | "a" | "b"} (the absent side's text is null)."""
    where: Literal["a", "b"]
    rows: list[dict[str, Any]] = [
        {"kind": a.kind, "a": a.text, "b": b.text, "in": "both"} for a, b in comparison.shared
    ]
    for where, facts in (("a", comparison.only_a), ("b", comparison.only_b)):
        rows += [
            {"kind": fact.kind, "a": fact.text if where == "a" else None, "b": fact.text if where == "b" else None,
             "in": where}
            for fact in facts
        ]  # fmt: skip
    return rows


def compare_sides(a: Side, b: Side, options: Options | None = None, checker: Checker | None = None) -> dict[str, Any]:
    """Both sides' summaries with each sentence checked against the other side, and their facts matched."""
    options = options or Options()
    progress = options.progress
    checker = checker or default_checker()
    texts = (a.content_text(), b.content_text())
    others = (analyse(texts[1]), analyse(texts[0]))
    progress(Message("progress.matching"))
    matcher = FactMatcher(*texts)
    sides = []
    labels = short_labels(a, b)
    for index, (side, other, label) in enumerate(((a, others[0], labels[0]), (b, others[1], labels[1]))):
        summaries = []
        for summary in _summaries(side, options):
            progress(Message("progress.checking_version", lang=summary.lang, title=side.title))
            checks = check_against_other(
                checker, matcher, index, other, list(summary.sentences), _positions(side, summary)
            )
            summaries.append({**summary_json(summary), "in_other": [sentence_json(check) for check in checks]})
        language = side.lang or side.analysis.language
        sides.append({"title": side.title, "label": label, "language": language, "summaries": summaries})
    facts = matcher.comparison
    return {
        "sides": sides,
        "checker": checker.name,
        "facts": facts_json(facts),
        "shared": [{"kind": x.kind, "a": x.text, "b": y.text} for x, y in facts.shared],
        "only_a": [_fact_dict(fact) for fact in facts.only_a],
        "only_b": [_fact_dict(fact) for fact in facts.only_b],
        "notes": list(facts.notes),
        "note_codes": messages_json(facts.notes),
    }
