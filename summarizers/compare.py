"""Comparing two versions of one story: two documents, or the English and Hindi runs of one document.

Each side is summarised as usual; each summary sentence is then checked against the *other* version (its wording by
the checker where the other version has text in its language), and the facts of the two versions are matched: those
both state and those only one does. One matcher (`facts.FactMatcher`) decides both the facts table and every
sentence's numbers, dates and names, so a sentence is never flagged for a name the table lists as in both.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from summarizers.attribution.align import AlignedSentence
from summarizers.attribution.checkers import Checker, about_other_version
from summarizers.attribution.facts import Fact, FactComparison, FactMatcher
from summarizers.attribution.registry import default_checker
from summarizers.documents.reading import Document
from summarizers.language.segment import Analysis, analyse, document_language, letter_shares, segments_of
from summarizers.messages import Message, Place
from summarizers.pipeline import Options, Summary, summarize, summarize_language
from summarizers.schema import (
    CautionJSON,
    ComparedSummaryJSON,
    ComparisonJSON,
    ComparisonSideJSON,
    DifferenceJSON,
    FactJSON,
    FactRowJSON,
    LinkJSON,
    messages_json,
    sentence_json,
    summary_json,
)
from summarizers.text.language_names import name
from summarizers.text.spans import Span
from summarizers.versions import alignment, anchors, differences

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


def content_analysis(side: Side) -> Analysis:
    """The analysis of `side.content_text()`, made from the side's own: its content units moved to where that text
    puts them. (Analysing the joined text again took a second at 500,000 characters, and would read each sentence
    as a paragraph of its own, out of the context its language was judged in.)"""
    units = []
    position = 0
    for unit in side.analysis.content_units(side.lang):
        shift = position - unit.span.start
        inline = tuple(replace(span, start=span.start + shift, end=span.end + shift) for span in unit.inline)
        units.append(replace(unit, span=Span(unit.span.start + shift, unit.span.end + shift), inline=inline))
        position += len(unit.span) + 2  # the blank line `content_text` joins units with
    text = side.content_text()
    return Analysis(
        text,
        document_language(letter_shares(text, units, inline=False)),
        tuple(segments_of(text, units)),
        tuple(units),
    )


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


def _fact_dict(fact: Fact) -> FactJSON:
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


def facts_json(comparison: FactComparison) -> list[FactRowJSON]:
    """The facts table as rows: {"kind", "a", "b", "in": "both" | "a" | "b"} (the absent side's text is null)."""
    where: Literal["a", "b"]
    rows: list[FactRowJSON] = [{"kind": a.kind, "a": a.text, "b": b.text, "in": "both"} for a, b in comparison.shared]
    for where, facts in (("a", comparison.only_a), ("b", comparison.only_b)):
        rows += [
            {"kind": fact.kind, "a": fact.text if where == "a" else None, "b": fact.text if where == "b" else None,
             "in": where}
            for fact in facts
        ]  # fmt: skip
    return rows


# Versions whose sentence counts differ more than this many times: one is likely a summary of the other.
LENGTHS_APART = 2.0
UNNAMED_LANGUAGES = frozenset({"mixed", "und"})  # two mixed versions are not "in one language"


def version_of(side: Side, mentions: Sequence[Fact]) -> differences.Side:
    """A side's sentences (its content units) and the facts each states, with offsets into the side's document text.

    `mentions` are a `FactMatcher`'s facts of `side.content_text()`, which joins the units with a blank line: each
    fact lies in one unit and moves by that unit's shift."""
    units = side.analysis.content_units(side.lang)
    starts, position = [], 0
    for unit in units:
        starts.append(position)
        position += len(unit.span) + 2
    per_sentence: list[list[Fact]] = [[] for _ in units]
    for fact in mentions:
        index = bisect_right(starts, fact.start) - 1
        if index < 0 or fact.end > starts[index] + len(units[index].span):
            continue  # not inside one sentence (cannot happen for facts of the joined text; kept safe)
        shift = units[index].span.start - starts[index]
        per_sentence[index].append(replace(fact, start=fact.start + shift, end=fact.end + shift))
    return differences.Side(
        side.document.text, tuple(unit.span for unit in units), tuple(tuple(facts) for facts in per_sentence)
    )


def align_versions(
    a: differences.Side, b: differences.Side, lang_a: str | None, lang_b: str | None
) -> list[alignment.Link]:
    return alignment.align(anchors.sentences_of(a), anchors.sentences_of(b), alignment.length_ratio(lang_a, lang_b))


def links_json(links: Sequence[alignment.Link]) -> list[LinkJSON]:
    return [{"a": list(link.a), "b": list(link.b)} for link in links]


def differences_json(found: Sequence[differences.Difference], texts: tuple[str, str]) -> list[DifferenceJSON]:
    return [
        {
            "kind": difference.kind,
            "a": difference.text(0, texts),
            "b": difference.text(1, texts),
            "a_start": difference.a.start if difference.a else None,
            "a_end": difference.a.end if difference.a else None,
            "b_start": difference.b.start if difference.b else None,
            "b_end": difference.b.end if difference.b else None,
            "link": difference.link,
        }
        for difference in found
    ]


def cautions(languages: tuple[str, str], counts: tuple[int, int]) -> list[CautionJSON]:
    """What a reader should know before trusting the comparison, as codes and values (worded by the interface)."""
    found: list[CautionJSON] = []
    if languages[0] == languages[1] and languages[0] not in UNNAMED_LANGUAGES:
        found.append({"code": "same_language", "values": {"language": languages[0]}})
    if min(counts) < 2:
        found.append({"code": "few_sentences", "values": {"a": counts[0], "b": counts[1]}})
    elif max(counts) > LENGTHS_APART * min(counts):
        found.append({"code": "lengths_apart", "values": {"a": counts[0], "b": counts[1]}})
    return found


def compare_sides(a: Side, b: Side, options: Options | None = None, checker: Checker | None = None) -> ComparisonJSON:
    """Both sides' summaries with each sentence checked against the other side, their facts matched, their
    sentences aligned, and where they differ."""
    options = options or Options()
    progress = options.progress
    checker = checker or default_checker()
    texts = (a.content_text(), b.content_text())
    others = (content_analysis(b), content_analysis(a))
    progress(Message("progress.matching"))
    matcher = FactMatcher(*texts)
    versions = (version_of(a, matcher.mentions[0]), version_of(b, matcher.mentions[1]))
    languages = (a.lang or a.analysis.language, b.lang or b.analysis.language)
    links = align_versions(*versions, *languages)
    found = differences.differences(*versions, links)
    sides: list[ComparisonSideJSON] = []
    labels = short_labels(a, b)
    for index, (side, other, label) in enumerate(((a, others[0], labels[0]), (b, others[1], labels[1]))):
        summaries: list[ComparedSummaryJSON] = []
        for summary in _summaries(side, options):
            progress(Message("progress.checking_version", lang=summary.lang, title=side.title))
            checks = check_against_other(
                checker, matcher, index, other, list(summary.sentences), _positions(side, summary)
            )
            summaries.append({**summary_json(summary), "in_other": [sentence_json(check) for check in checks]})
        sides.append(
            {
                "title": side.title,
                "label": label,
                "language": languages[index],
                "summaries": summaries,
                "sentences": [{"start": span.start, "end": span.end} for span in versions[index].sentences],
            }
        )
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
        "alignment": links_json(links),
        "differences": differences_json(found, (a.document.text, b.document.text)),
        "cautions": cautions(languages, (len(versions[0].sentences), len(versions[1].sentences))),
    }
