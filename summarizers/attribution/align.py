"""Linking each summary sentence to the source sentences that support it.

Lexical alignment on stemmed content terms (Unicode tokens, so Hindi works like English), weighted by rarity.
A sentence is supported only when its terms are mostly covered by its sources *and* every number and name it states
appears in them: a changed figure is the commonest summarisation error, and it shares most of its words with the
truth.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Protocol

from summarizers.attribution.facts import (
    DEVANAGARI_DIGITS,
    Fact,
    all_keys,
    dates_and_numbers,
    facts_in,
    latin_name_vocabulary,
    latin_names,
    names_matching,
    naming_words,
)
from summarizers.language.segment import Analysis, analyse
from summarizers.language.transliteration import is_latin_word
from summarizers.messages import Message
from summarizers.text.lexicon import STOPWORDS, content_terms
from summarizers.text.sentences import looks_tokenised, split_tokenised
from summarizers.text.spans import NUMBER_RE, WORD_RE, Span, split_sentences

MAX_SOURCES = 3
MIN_SOURCE_SCORE = 0.2  # a source must cover at least this much of a sentence's weighted terms
SUPPORTED_COVERAGE = 0.5


@dataclass(frozen=True)
class Source:
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class AlignedSentence:
    text: str
    supported: bool
    sources: tuple[Source, ...]
    missing: tuple[str, ...] = ()  # numbers or names found in no aligned source
    # False when nothing in the sentence could be checked: across languages only numbers, dates and names can be.
    checked: bool = True
    # Set by a checker (`attribution.checkers`): how likely the sentence is consistent with the source, in [0, 1],
    # and what a reader can look for ("12 per cent is not in the source").
    score: float | None = None
    reasons: tuple[Message, ...] = ()  # why support was not found, coded


def numbers_in(text: str) -> set[str]:
    """Numbers as written, normalised: Devanagari digits to ASCII, thousands separators dropped."""
    found = set()
    for match in NUMBER_RE.finditer(text.translate(DEVANAGARI_DIGITS)):
        value = match.group().replace(",", "")
        found.add(value.rstrip("0").rstrip(".") if "." in value else value)
    return found


def names_in(text: str) -> set[str]:
    """Capitalised Latin words that are not at a sentence start and not stopwords: names, places, organisations."""
    names = set()
    for index, match in enumerate(WORD_RE.finditer(text)):
        word = match.group()
        if index == 0 or not word[0].isupper() or word.casefold() in STOPWORDS:
            continue
        names.add(word.casefold())
    return names


class Aligner(Protocol):
    """Links a summary sentence to the source sentences that support it. Built once per source and language, used for
    every sentence. `position`: where the sentence sits in its own version (0 first, 1 last), when known."""

    def align(self, sentence: str, position: float | None = None) -> AlignedSentence: ...


class LexicalAligner:
    """Within one language: stemmed content terms weighted by rarity, and every number and name checked."""

    def __init__(self, text: str, spans: list[Span] | None = None, terms: list[set[str]] | None = None) -> None:
        """`terms`: each span's content terms when already found (`features.SourceIndex.terms` holds the same)."""
        self.text = text
        self.spans = spans if spans is not None else split_sentences(text)
        self.terms = terms if terms is not None else [set(content_terms(span.text(text))) for span in self.spans]
        frequency: Counter[str] = Counter(term for terms in self.terms for term in terms)
        count = max(1, len(self.spans))
        self.idf = {term: math.log((1 + count) / (1 + n)) + 1 for term, n in frequency.items()}
        self.exact = {" ".join(span.text(text).split()): span for span in self.spans}

    def _weight(self, term: str) -> float:
        return self.idf.get(term, math.log(1 + max(1, len(self.spans))) + 1)

    def align(self, sentence: str, position: float | None = None) -> AlignedSentence:
        """`position` is not used: within a language the words decide."""
        exact = self.exact.get(" ".join(sentence.split()))
        if exact is not None:
            return AlignedSentence(sentence, True, (Source(exact.start, exact.end, 1.0),))
        wanted = set(content_terms(sentence))
        # Summed exactly, so a tie between two sentences does not hang on a set's order (`features._best_two`).
        total = math.fsum(self._weight(term) for term in wanted)
        if not wanted or total == 0:
            return AlignedSentence(sentence, False, ())
        chosen: list[Source] = []
        covered: set[str] = set()
        for _ in range(MAX_SOURCES):
            best, best_gain, best_score = None, 0.0, 0.0
            for index, terms in enumerate(self.terms):
                gain = math.fsum(self._weight(t) for t in (wanted & terms) - covered) / total
                if gain > best_gain:
                    best, best_gain = index, gain
                    best_score = math.fsum(self._weight(t) for t in wanted & terms) / total
            if best is None or best_gain < (MIN_SOURCE_SCORE if not chosen else 0.1):
                break
            covered |= wanted & self.terms[best]
            span = self.spans[best]
            chosen.append(Source(span.start, span.end, round(best_score, 4)))
        coverage = math.fsum(self._weight(t) for t in covered) / total
        evidence = " ".join(self.text[source.start : source.end] for source in chosen)
        missing = sorted(numbers_in(sentence) - numbers_in(evidence))
        evidence_words = {match.group().casefold() for match in WORD_RE.finditer(evidence)}
        missing += sorted(name for name in names_in(sentence) if name not in evidence_words)
        supported = bool(chosen) and coverage >= SUPPORTED_COVERAGE and not missing
        chosen.sort(key=lambda source: source.start)
        return AlignedSentence(sentence, supported, tuple(chosen), tuple(missing))


def align(source_text: str, summary_sentences: list[str], spans: list[Span] | None = None) -> list[AlignedSentence]:
    aligner = LexicalAligner(source_text, spans)
    return [aligner.align(sentence) for sentence in summary_sentences]


class CrossAligner:
    """Aligns sentences to a source in the other language (a Hindi summary to the English version, or the reverse).

    Words cannot be compared offline, so the evidence is the facts a sentence states: a source sentence supports it
    as far as it states the same numbers, dates and names. A sentence stating none of them is left unchecked.
    The source's own facts are found once; only the capital-less names that a sentence asks about are looked up
    per sentence.
    """

    def __init__(self, text: str, spans: list[Span] | None = None) -> None:
        self.text = text
        self.spans = spans if spans is not None else split_sentences(text)
        self.names = latin_name_vocabulary(text)
        self.name_keys = all_keys(latin_names(text, self.names))
        self.span_texts = [span.text(text) for span in self.spans]
        self.span_facts = [dates_and_numbers(chunk) + latin_names(chunk, self.names) for chunk in self.span_texts]
        # Each span's capital-less words, so that a sentence's names are sought only in spans with a word that may be
        # one of them (every span of a long text, for every sentence, took seconds).
        self.span_words = [
            frozenset(word for word in WORD_RE.findall(chunk) if not is_latin_word(word)) for chunk in self.span_texts
        ]
        self.words = frozenset().union(*self.span_words)
        self.span_keys = [all_keys(facts) for facts in self.span_facts]
        self._text_words: frozenset[str] | None = None  # the whole text's capital-less words, once asked for

    def _stated(self, sentence: str) -> list[Fact]:
        stated = facts_in(sentence, self.name_keys)
        # A capitalised first word is a name only if the source knows it ("Putin said" yes, "Trade grew" no).
        first_word = WORD_RE.match(sentence.lstrip())
        if first_word and first_word.group()[0].isupper() and first_word.group().casefold() not in STOPWORDS:
            for fact in latin_names(sentence, {first_word.group()}):
                if fact.keys & (self.name_keys | self._named(set(fact.keys))):
                    stated.append(fact)
        return stated

    def _named(self, keys: set[str]) -> set[str]:
        """The keys of the names the whole text matches among `keys`: sought only where one of the text's words may
        be part of one (a pass over a long text for each summary sentence took most of its check)."""
        if self._text_words is None:
            self._text_words = frozenset(word for word in WORD_RE.findall(self.text) if not is_latin_word(word))
        if not naming_words(self._text_words, keys):
            return set()
        return all_keys(names_matching(self.text, keys))

    def align(self, sentence: str, position: float | None = None) -> AlignedSentence:
        """`position`: where the sentence sits in its own version (0 first, 1 last), when known. Versions of one story
        keep its order, so among sources that match equally well the one at the same relative place wins."""
        stated = self._stated(sentence)
        wanted = {fact.key: fact for fact in stated}
        if not wanted:
            return AlignedSentence(sentence, False, (), checked=False)
        name_keys = all_keys(fact for fact in stated if fact.kind == "name")
        naming = naming_words(self.words, name_keys) if name_keys else set()
        source_facts = {
            index: self.span_facts[index] + names_matching(self.span_texts[index], name_keys)
            for index, words in enumerate(self.span_words)
            if not words.isdisjoint(naming)
        }
        evidence = {index: self.span_keys[index] | all_keys(facts) for index, facts in source_facts.items()}
        wanted_keys = all_keys(wanted.values())
        # Only a source stating something the sentence states can be chosen: the others are never looked at again.
        candidates = [
            index for index in range(len(self.spans)) if evidence.get(index, self.span_keys[index]) & wanted_keys
        ]
        evidence = {index: evidence.get(index, self.span_keys[index]) for index in candidates}
        # Facts a source states that the sentence does not: among equal matches, the more specific sentence wins
        # (a headline naming everyone matches every sentence that names anyone).
        extra = {
            index: len(
                {fact.key for fact in source_facts.get(index, self.span_facts[index]) if not fact.keys & wanted_keys}
            )
            for index in candidates
        }
        chosen: list[Source] = []
        found: set[str] = set()
        for _ in range(MAX_SOURCES):
            gains = {
                index: {key for key, f in wanted.items() if key not in found and f.keys & evidence[index]}
                for index in candidates
            }
            best = max(
                candidates,
                key=lambda index: (len(gains[index]), -extra[index], -self._distance(index, position)),
                default=None,
            )
            if best is None or not gains[best]:
                break
            found |= gains[best]
            score = len({key for key, fact in wanted.items() if fact.keys & evidence[best]}) / len(wanted)
            chosen.append(Source(self.spans[best].start, self.spans[best].end, round(score, 4)))
        missing = tuple(fact.text for key, fact in wanted.items() if key not in found)
        chosen.sort(key=lambda source: source.start)
        return AlignedSentence(sentence, bool(chosen) and not missing, tuple(chosen), missing)

    def _distance(self, index: int, position: float | None) -> float:
        if position is None or len(self.spans) < 2:
            return 0.0
        return abs(index / (len(self.spans) - 1) - position)


def align_across(
    source_text: str,
    summary_sentences: list[str],
    spans: list[Span] | None = None,
    positions: list[float | None] | None = None,
) -> list[AlignedSentence]:
    aligner = CrossAligner(source_text, spans)
    positions = positions or [None] * len(summary_sentences)
    return [aligner.align(sentence, position) for sentence, position in zip(summary_sentences, positions, strict=True)]


def aligner_for(analysis: Analysis, lang: str) -> Aligner:
    """Within `lang` where the analysed source has article text in it, otherwise across languages by facts."""
    same_language = [unit.span for unit in analysis.content_units(lang)]
    if same_language:
        return LexicalAligner(analysis.text, same_language)
    return CrossAligner(analysis.text, [unit.span for unit in analysis.content_units()])


def attribute(
    source: Analysis, summary_sentences: list[str], positions: list[float | None] | None = None
) -> list[AlignedSentence]:
    """Align each summary sentence to the analysed source's article text: within its language where the source has
    text in it, otherwise across languages by the facts it states (a Hindi summary against an English article).
    `positions`: where each sentence sits in its own version, when known (see `CrossAligner.align`)."""
    aligners: dict[str, Aligner] = {}  # built once per language, shared by its sentences
    aligned = []
    for sentence, position in zip(summary_sentences, positions or [None] * len(summary_sentences), strict=True):
        lang = analyse(sentence).language  # the summary sentence's language; the source's analysis is given
        if lang not in aligners:
            aligners[lang] = aligner_for(source, lang)
        aligned.append(aligners[lang].align(sentence, position))
    return aligned


def split_summary(summary_text: str) -> list[str]:
    """A summary's sentences, also where it is PTB-tokenised and lower-cased as older systems write them; such
    sentences come back with the spacing undone ("has n't" -> "hasn't"), as the checker reads words that way (it
    matches "hasn" and "t" in the source, never "n" and "t")."""
    sentences = [span.text(summary_text) for span in split_tokenised(summary_text)]
    return [clean_ptb(sentence) for sentence in sentences] if looks_tokenised(summary_text) else sentences


def clean_ptb(text: str) -> str:
    """Undo PTB-style spacing (" ." and " 's") in reference summaries."""
    return re.sub(r" ([.,;:!?'’]|n't|'s)", r"\1", text)
