"""Checking a summary against its source: one `Checker` interface, an offline checker (the default, no weights) and
an NLI checker (`attribution.nli`, used when its weights are here; `attribution.registry` chooses). Every result names
the checker that ran.

The offline checker scores each sentence by the calibrated overlap signals of `features` and says what it could not
find ("12 per cent is not in the source", "name Kovind not in the source"). Overlap cannot tell a paraphrase from an
invention, so its flag means "could not find support", not "false". A figure, date or name the source never states is
decisive for the sentence whatever the overlap: the sentence is not supported. The summary's verdict is calibrated
on its own: its score (the geometric mean of its sentences' scores, where such facts already weigh) against the
summary threshold: the score at which, on held-out data, consistent and inconsistent summaries are misjudged at the
same rate.

Across languages (a Hindi summary of an English article) words cannot be compared offline; there the facts the
sentence states decide (`align.CrossAligner`), and a sentence stating none is left unchecked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from summarizers.attribution.align import AlignedSentence, CrossAligner, LexicalAligner
from summarizers.attribution.calibration import Calibration, shipped, summary_score
from summarizers.attribution.features import Measured, SourceIndex, measure
from summarizers.language.segment import Analysis, analyse
from summarizers.messages import Message, MessageCode
from summarizers.text.scripts import Script
from summarizers.text.spans import Span

OFFLINE = "offline"
MAX_NEW_WORDS_SHOWN = 3
MAX_PAIRS_SHOWN = 2
WEAK_COPY = 0.35  # below this share of words in copied sequences, the wording is the sentence's own
FAR_APART = 0.5  # best two sources further apart than half the source
WRITTEN = frozenset({"en", "hi"})  # the languages summaries are written in


@dataclass(frozen=True)
class CheckedSummary:
    """A summary's sentences as a checker judged them.

    Where the checker has a calibrated summary verdict (`summary_threshold` set, the offline checker), `score` is
    `calibration.summary_score` of the checked sentences' scores and the summary is consistent when it reaches the
    threshold: a summary can be judged consistent overall while a sentence in it is shown as unsupported, and the
    reverse. Otherwise `score` is the worst checked sentence's score and the summary is consistent when every checked
    sentence is supported. 1.0 when no sentence could be checked."""

    checker: str
    sentences: tuple[AlignedSentence, ...]
    summary_threshold: float | None = None

    @property
    def consistent(self) -> bool:
        if self.summary_threshold is not None:
            return self.score >= self.summary_threshold
        return all(sentence.supported for sentence in self.sentences if sentence.checked)

    @property
    def score(self) -> float:
        scores = [s.score for s in self.sentences if s.checked and s.score is not None]
        if not scores:
            return 1.0
        return round(summary_score(scores) if self.summary_threshold is not None else min(scores), 4)


class Checker(Protocol):
    """Judges summary sentences against a source. `name` says which checker ran ("offline", "nli:<model>")."""

    name: str

    def check_spans(self, text: str, spans: Sequence[Span], sentences: Sequence[str]) -> list[AlignedSentence]:
        """Sentences in the language of `spans` (the source's sentences in `text`)."""
        ...

    def check(
        self,
        source: Analysis,
        sentences: Sequence[str],
        positions: Sequence[float | None] | None = None,
        facts: bool = True,
    ) -> CheckedSummary:
        """Sentences in any language against an analysed source: within a language where the source has text in it,
        otherwise across languages. `positions`: where each sentence sits in its own version, when known.
        `facts=False` leaves numbers, dates and names to the caller (Compare asks `facts.FactMatcher`)."""
        ...


def reasons_for(measured: Measured, weak: bool) -> tuple[Message, ...]:
    """What a reader can look for in the source: facts not there, words not there, negation, stitched wording, and
    (for a sentence not supported) names and figures the source states apart but the sentence puts together."""
    reasons = [Message("reason.number_missing", number=number, place="source") for number in measured.missing_numbers]
    reasons += [Message("reason.date_missing", date=date, place="source") for date in measured.missing_dates]
    reasons += [Message("reason.name_missing", name=name, place="source") for name in measured.missing_names]
    reasons += [Message("reason.substitution", new=new, old=old, place="source") for new, old in measured.substitutions]
    named = {name.casefold() for name in measured.missing_names} | {new for new, _ in measured.substitutions}
    new_words = [word for word in measured.new_words if word not in named][:MAX_NEW_WORDS_SHOWN]
    if new_words:
        code: MessageCode = "reason.new_word" if len(new_words) == 1 else "reason.new_words"
        reasons.append(Message(code, words=tuple(new_words), place="source"))
    if measured.negation:
        reasons.append(Message("reason.negation", place="source"))
    if weak:
        if measured.get("copied") < WEAK_COPY:
            reasons.append(Message("reason.little_copied", place="source"))
        if measured.get("spread") > FAR_APART:
            reasons.append(Message("reason.far_apart", place="source"))
        reasons += [
            Message("reason.never_together", first=a, second=b, place="source")
            for a, b in measured.apart[:MAX_PAIRS_SHOWN]
        ]
    return tuple(reasons)


def about_other_version(reason: Message) -> Message:
    """A checker's reason about the other version of a story, not the source: Compare checks a summary against the
    other version ("“17” and “Real Madrid” are never stated together in the other version")."""
    return reason.at("other_version")


def _has_missing_fact(measured: Measured) -> bool:
    """Decisive findings: a figure, date or name the source never states, or a word swapped into a copied passage."""
    return bool(measured.missing_numbers or measured.missing_dates or measured.missing_names or measured.substitutions)


class OfflineChecker:
    """Calibrated overlap signals (no weights): the default everywhere."""

    name = OFFLINE

    def __init__(self, calibration: Calibration | None = None) -> None:
        self.calibration = calibration or shipped()

    def judge(self, index: SourceIndex, aligned: AlignedSentence, facts: bool = True) -> AlignedSentence:
        measured = measure(index, aligned.text)
        score = self.calibration.score(measured.values)
        if not facts:
            # The caller judges numbers, dates and names: they are not listed again among the words not found.
            facts_words = {
                word.casefold()
                for fact in measured.missing_numbers + measured.missing_dates + measured.missing_names
                for word in fact.split()
            }
            new_words = tuple(word for word in measured.new_words if word not in facts_words)
            measured = replace(
                measured, missing_numbers=(), missing_dates=(), missing_names=(), substitutions=(), new_words=new_words
            )
            aligned = replace(aligned, missing=())
        # A figure, date or name the source never states, or a swapped word, is decisive for the sentence whatever
        # the overlap. Its score stays the calibrated one: capping it (as tried) flattened the scores of every such
        # sentence and cost ranking (ROC AUC, FRANK dev cross-validated, both sets 0.725 -> 0.759 without the cap).
        # A sentence no source sentence aligns with has no evidence to show: it is never called supported, however
        # its few words score (a short sentence of common words can score above the threshold).
        supported = score >= self.calibration.threshold and not _has_missing_fact(measured) and bool(aligned.sources)
        # A supported sentence carries no reasons: "could not find support" beside "supported" contradicts itself.
        reasons = () if supported else reasons_for(measured, weak=True)
        if not supported and not reasons:
            reasons = (Message("reason.scattered", place="source"),)
        missing = measured.missing_numbers + measured.missing_dates + measured.missing_names
        return replace(aligned, supported=supported, missing=missing, score=round(score, 4), reasons=reasons)

    def check_spans(self, text: str, spans: Sequence[Span], sentences: Sequence[str]) -> list[AlignedSentence]:
        index = SourceIndex(text, list(spans))
        aligner = LexicalAligner(text, index.spans, index.terms)
        return [self.judge(index, aligner.align(sentence)) for sentence in sentences]

    def check(
        self,
        source: Analysis,
        sentences: Sequence[str],
        positions: Sequence[float | None] | None = None,
        facts: bool = True,
    ) -> CheckedSummary:
        judged = route(
            source,
            sentences,
            positions,
            lambda index, aligned: self.judge(index, aligned, facts),
            lambda _cross, aligned: cross_judged(aligned),
        )
        return CheckedSummary(self.name, tuple(judged), self.calibration.summary_threshold)


Within = Callable[[SourceIndex, AlignedSentence], AlignedSentence]
Across = Callable[[CrossAligner, AlignedSentence], AlignedSentence]


def route(
    source: Analysis,
    sentences: Sequence[str],
    positions: Sequence[float | None] | None,
    within: Within,
    across: Across,
) -> list[AlignedSentence]:
    """Each sentence aligned within its language where the source has text in it (then judged by `within`), else
    across languages by the facts it states (then judged by `across`). Aligners are built once per language."""
    judged: list[AlignedSentence] = []
    same: dict[str, tuple[LexicalAligner, SourceIndex] | None] = {}
    cross: CrossAligner | None = None
    for sentence, position in zip(sentences, positions or [None] * len(sentences), strict=True):
        analysis = analyse(sentence)
        lang = analysis.language
        if lang not in same:
            spans = same_language_spans(source, lang, analysis.units[0].script if analysis.units else None)
            if spans:
                index = SourceIndex(source.text, spans)
                same[lang] = (LexicalAligner(source.text, spans, index.terms), index)
            else:
                same[lang] = None
        built = same[lang]
        if built is not None:
            aligner, index = built
            judged.append(within(index, aligner.align(sentence)))
            continue
        if cross is None:
            cross = CrossAligner(source.text, [unit.span for unit in source.content_units()])
        judged.append(across(cross, cross.align(sentence, position)))
    return judged


def same_language_spans(source: Analysis, lang: str, script: Script | None) -> list[Span]:
    """The source sentences a sentence in `lang` is compared with word for word: the source's content in that
    language; where all of its text in that language lies on lines taken for page chrome (a one-line article opening
    with "Share this with Email Facebook ..."), that text all the same; where it has none in that language and the
    language is neither of the two the product writes, its content in the same script (a short lower-cased English
    sentence taken for another Latin-script language)."""
    spans = [unit.span for unit in source.content_units(lang)]
    if not spans:
        spans = [unit.span for unit in source.units if unit.lang == lang]
    if not spans and script is not None and lang not in WRITTEN:
        spans = [unit.span for unit in source.content_units() if unit.script == script]
    return spans


def cross_judged(aligned: AlignedSentence) -> AlignedSentence:
    """Across languages only stated facts can be compared: all found is support, any missing is not."""
    if not aligned.checked:
        return replace(aligned, reasons=(Message("reason.nothing_comparable", place="source"),))
    reasons = tuple(
        Message("reason.fact_missing", fact=fact, place="other_language_source") for fact in aligned.missing
    )
    return replace(aligned, score=1.0 if aligned.supported else 0.0, reasons=reasons)
