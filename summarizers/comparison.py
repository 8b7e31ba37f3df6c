"""Comparing two versions of one story: two documents, or the English and Hindi runs of one document.

Each side is summarised as usual; each summary sentence is then checked against the *other* version (within its
language where the other version has text in it, otherwise by the facts it states), and the facts of the two versions
are matched: those both state and those only one does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarizers.attribution import attribute
from summarizers.documents import Document
from summarizers.facts import Fact, compare_facts
from summarizers.language import Analysis, analyse
from summarizers.languages import name
from summarizers.models import load
from summarizers.pipeline import Loader, Method, Progress, Summary, silent, summarize_analysis, summarize_language
from summarizers.registry import Length
from summarizers.serialize import aligned_dict, summary_dict


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


def _summaries(
    side: Side, method: Method, length: Length, overrides: dict[str, str], progress: Progress, loader: Loader
) -> list[Summary]:
    if side.lang is not None:
        spans = [unit.span for unit in side.analysis.content_units(side.lang)]
        return [summarize_language(side.document.text, spans, side.lang, method, length, overrides, progress, loader)]
    result = summarize_analysis(side.document, side.analysis, method, length, overrides, progress, loader)
    return list(result.summaries)


def _positions(side: Side, summary: Summary) -> list[float | None] | None:
    """Where each extractive summary sentence sits in its side (0 first, 1 last); None for abstractive ones."""
    if summary.source_spans is None:
        return None
    starts = [unit.span.start for unit in side.analysis.content_units(side.lang)]
    if len(starts) < 2:
        return None
    index = {start: i for i, start in enumerate(starts)}
    return [index[span.start] / (len(starts) - 1) if span.start in index else None for span in summary.source_spans]


def compare_sides(
    a: Side,
    b: Side,
    method: Method = "auto",
    length: Length = "medium",
    overrides: dict[str, str] | None = None,
    progress: Progress = silent,
    loader: Loader = load,
) -> dict[str, Any]:
    """Both sides' summaries with each sentence checked against the other side, and their facts matched."""
    texts = (a.content_text(), b.content_text())
    sides = []
    labels = short_labels(a, b)
    for side, other_text, label in ((a, texts[1], labels[0]), (b, texts[0], labels[1])):
        summaries = []
        for summary in _summaries(side, method, length, overrides or {}, progress, loader):
            progress(f"Checking the {name(summary.lang)} summary of {side.title} against the other version")
            entry = summary_dict(summary)
            checks = attribute(other_text, list(summary.sentences), _positions(side, summary))
            entry["in_other"] = [aligned_dict(check) for check in checks]
            summaries.append(entry)
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
