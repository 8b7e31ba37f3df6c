"""Comparing two versions of one story: two documents, or the English and Hindi runs of one document.

Each side is summarised as usual; each summary sentence is then checked against the *other* version (within its
language where the other version has text in it, otherwise by the facts it states), and the facts of the two versions
are matched: those both state and those only one does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarizers.attribution.align import attribute
from summarizers.attribution.facts import Fact, compare_facts
from summarizers.documents.reading import Document
from summarizers.language.segment import Analysis, analyse
from summarizers.pipeline import Options, Summary, summarize, summarize_language
from summarizers.schema import sentence_json, summary_json
from summarizers.text.languages import name


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


def compare_sides(a: Side, b: Side, options: Options | None = None) -> dict[str, Any]:
    """Both sides' summaries with each sentence checked against the other side, and their facts matched."""
    options = options or Options()
    progress = options.progress
    texts = (a.content_text(), b.content_text())
    others = (analyse(texts[1]), analyse(texts[0]))
    sides = []
    labels = short_labels(a, b)
    for side, other, label in ((a, others[0], labels[0]), (b, others[1], labels[1])):
        summaries = []
        for summary in _summaries(side, options):
            progress(f"Checking the {name(summary.lang)} summary of {side.title} against the other version")
            checks = attribute(other, list(summary.sentences), _positions(side, summary))
            summaries.append({**summary_json(summary), "in_other": [sentence_json(check) for check in checks]})
        language = side.lang or side.analysis.language
        sides.append({"title": side.title, "label": label, "language": language, "summaries": summaries})
    progress("Matching numbers, dates and names between the versions")
    facts = compare_facts(*texts)
    return {
        "sides": sides,
        "shared": [{"kind": x.kind, "a": x.text, "b": y.text} for x, y in facts.shared],
        "only_a": [_fact_dict(fact) for fact in facts.only_a],
        "only_b": [_fact_dict(fact) for fact in facts.only_b],
        "notes": list(facts.notes),
    }
