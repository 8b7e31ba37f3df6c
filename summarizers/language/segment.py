"""Language analysis: sentences -> per-sentence language -> merged language runs (segments).

Rules, in the order they apply:
1. Text is split into sentences; every line is a boundary.
2. Every word gets a language: the script decides where it is unambiguous; within a script the paragraph's words
   decide (Hindi/Marathi/Nepali, Urdu/Persian/Arabic - see `detection`), and Latin-script words are English or
   romanised Hindi word by word (see `romanized`).
3. A sentence has the language of what it is, not of its parts: its words vote, function words ("ने", "है", "the",
   "hai") weigh more and quoted words less. A Hindi sentence quoting English stays one Hindi unit; the English run
   inside is an inline span of it (never split off, never dropped), and the other way round. A short term of another
   script (a name in brackets, an acronym, a brand) is part of its sentence, not an inline span.
4. Datelines and number-only units carry no language of their own: they join their neighbours.
5. Lines of page chrome are marked (see `noise`). Chrome between two runs of one language stays inside that run as
   a noise span; chrome elsewhere becomes a boilerplate segment.
6. Consecutive units of one language merge into a segment.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import regex

from summarizers.language import detection
from summarizers.language.noise import noise_lines
from summarizers.language.sentence import InlineSpan, word_script
from summarizers.language.sentence import read as read_sentence
from summarizers.text.calendar import MONTH_PATTERN
from summarizers.text.scripts import Script, dominant_script
from summarizers.text.spans import WORD_RE, Span, line_spans, split_sentences

UNDETERMINED = "und"
MIXED = "mixed"
MIXED_SHARE = 0.20  # a language holding at least this share of the letters makes a document "mixed"

_AGENCIES = r"pti|ians|ani|uni|reuters|afp|ap|ist|updated|published"
_DATELINE_CUES = re.compile(rf"\b(?:{MONTH_PATTERN}|{_AGENCIES})\b", re.IGNORECASE)
DATELINE_MAX_WORDS = 8


@dataclass(frozen=True)
class NoiseSpan:
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Unit:
    """A sentence, with its language, its script and the runs inside it in another language."""

    span: Span
    lang: str
    noise: str | None = None  # the reason, when the unit lies on a line of page chrome
    script: Script | None = None  # of the sentence's own language: Latn for romanised Hindi, Deva for Devanagari
    inline: tuple[InlineSpan, ...] = ()


@dataclass(frozen=True)
class Segment:
    """A run of one language. `noise` lists chrome lines inside it (marked, never removed)."""

    lang: str
    start: int
    end: int
    boilerplate: bool = False
    reason: str | None = None
    noise: tuple[NoiseSpan, ...] = ()
    script: Script | None = None
    inline: tuple[InlineSpan, ...] = ()

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass(frozen=True)
class Analysis:
    text: str
    language: str
    segments: tuple[Segment, ...]
    units: tuple[Unit, ...] = field(repr=False)

    def shares(self) -> dict[str, float]:
        """Share of the content letters per language, largest first."""
        return letter_shares(self.text, self.units)

    def content_units(self, lang: str | None = None) -> list[Unit]:
        return [u for u in self.units if u.noise is None and (lang is None or u.lang == lang)]


# ---------------------------------------------------------------- scripts


def main_script(text: str, start: int = 0, end: int | None = None) -> Script | None:
    """The script of most words (ties go to the script of most letters).

    Words rather than letters: a Devanagari word spells in fewer code points than the Latin brand names around it.
    """
    per_word = Counter(
        dominant_script(m.group()) for m in WORD_RE.finditer(text, start, len(text) if end is None else end)
    )
    per_word.pop(None, None)
    if not per_word:
        return None
    ranked = per_word.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return dominant_script(text[start:end])
    return ranked[0][0]


# ---------------------------------------------------------------- rules 2 to 4: a language for every unit


def _paragraph_ids(text: str, spans: list[Span]) -> list[int]:
    """Paragraph number of each span: paragraphs are separated by blank lines."""
    breaks = [m.start() for m in re.finditer(r"\n[ \t]*\n", text)]
    ids = []
    paragraph = 0
    for span in spans:
        while paragraph < len(breaks) and breaks[paragraph] < span.start:
            paragraph += 1
        ids.append(paragraph)
    return ids


def _is_dateline(content: str) -> bool:
    return (
        len(WORD_RE.findall(content)) <= DATELINE_MAX_WORDS
        and bool(_DATELINE_CUES.search(content))
        and any(ch.isdigit() or ch == "(" for ch in content)
    )


def _paragraph_languages(text: str, pieces: list[Span], skip: list[bool]) -> list[dict[Script, str]]:
    """For each piece, its paragraph's language in each script (Hindi, Marathi or Nepali for Devanagari ...)."""
    paragraphs = _paragraph_ids(text, pieces)
    grouped: dict[tuple[int, Script], list[str]] = {}
    for piece, paragraph, skipped in zip(pieces, paragraphs, skip, strict=True):
        if skipped:
            continue
        for match in WORD_RE.finditer(text, piece.start, piece.end):
            script = word_script(match.group())
            if script is not None:
                grouped.setdefault((paragraph, script), []).append(match.group())
    # Detected once per paragraph and script: joining the paragraph again for each of its pieces made a paragraph of
    # many short pieces quadratic.
    languages: dict[int, dict[Script, str]] = {}
    for (paragraph, script), tokens in grouped.items():
        languages.setdefault(paragraph, {})[script] = detection.language_for(script, " ".join(tokens))
    return [languages.get(paragraph, {}) for paragraph in paragraphs]


def _resolve_neutral(languages: list[str | None], datelines: list[bool]) -> list[str]:
    """Units with no language of their own take a neighbour's: datelines the next one's, numbers the previous."""
    resolved = list(languages)
    count = len(resolved)
    for index in range(count):
        if not datelines[index]:
            continue
        following = next((resolved[j] for j in range(index + 1, count) if resolved[j] and not datelines[j]), None)
        resolved[index] = following or resolved[index]
    for index in range(count):
        if resolved[index] is None:
            previous = next((resolved[j] for j in range(index - 1, -1, -1) if resolved[j]), None)
            following = next((resolved[j] for j in range(index + 1, count) if resolved[j]), None)
            resolved[index] = previous or following or UNDETERMINED
    return [lang or UNDETERMINED for lang in resolved]


def units_of(text: str) -> list[Unit]:
    chrome = noise_lines(text)
    line_reason = {line: chrome.get(line) for line in line_spans(text)}
    lines = sorted(line_reason)
    pieces: list[Span] = []
    reasons: list[str | None] = []
    line_index = 0
    for sentence in split_sentences(text):
        while line_index < len(lines) and lines[line_index].end < sentence.end:
            line_index += 1
        pieces.append(sentence)
        reasons.append(line_reason[lines[line_index]] if line_index < len(lines) else None)
    datelines = [
        reason is None and _is_dateline(piece.text(text)) for piece, reason in zip(pieces, reasons, strict=True)
    ]
    chrome_or_dateline = [reason is not None or dateline for reason, dateline in zip(reasons, datelines, strict=True)]
    paragraph_languages = _paragraph_languages(text, pieces, chrome_or_dateline)
    readings = [
        read_sentence(text, piece, languages) for piece, languages in zip(pieces, paragraph_languages, strict=True)
    ]
    languages = [None if dateline else reading.lang for reading, dateline in zip(readings, datelines, strict=True)]
    resolved = _resolve_neutral(languages, datelines)
    return [
        Unit(
            piece,
            lang,
            reason,
            script=reading.script if not dateline else None,
            inline=() if dateline else reading.inline,
        )
        for piece, lang, reason, reading, dateline in zip(pieces, resolved, reasons, readings, datelines, strict=True)
    ]


# ---------------------------------------------------------------- rules 5 and 6: segments


def _dominant_lang(text: str, units: list[Unit]) -> str:
    shares = letter_shares(text, units)
    return next(iter(shares), UNDETERMINED)


def _scripts(units: list[Unit]) -> list[Script | None]:
    """Each unit's script; a unit with none (a dateline, a number) takes its neighbour's of the same language."""
    scripts = [unit.script for unit in units]
    for order in (range(1, len(units)), range(len(units) - 2, -1, -1)):
        for index in order:
            neighbour = index - 1 if order.step == 1 else index + 1
            if scripts[index] is None and units[neighbour].lang == units[index].lang:
                scripts[index] = scripts[neighbour]
    return scripts


_Key = tuple[str, Script | None] | None  # a content run's language and script; None marks a chrome group


def segments_of(text: str, units: list[Unit]) -> list[Segment]:
    # Group consecutive units: content by language and script, chrome together.
    groups: list[tuple[_Key, list[Unit]]] = []
    for unit, script in zip(units, _scripts(units), strict=True):
        key: _Key = None if unit.noise else (unit.lang, script)
        if groups and groups[-1][0] == key:
            groups[-1][1].append(unit)
        else:
            groups.append((key, [unit]))
    # Chrome between two runs of the same language stays inside that run.
    merged: list[tuple[_Key, list[Unit]]] = []
    for key, members in groups:
        if key is not None and len(merged) >= 2 and merged[-1][0] is None and merged[-2][0] == key:
            chrome = merged.pop()
            merged[-1][1].extend(chrome[1] + members)
        else:
            merged.append((key, list(members)))
    segments = []
    for key, members in merged:
        start, end = members[0].span.start, members[-1].span.end
        if key is None:
            reasons = Counter(unit.noise for unit in members)
            scripts = Counter(unit.script for unit in members if unit.script)
            segments.append(
                Segment(
                    _dominant_lang(text, members),
                    start,
                    end,
                    boilerplate=True,
                    reason=reasons.most_common(1)[0][0],
                    script=scripts.most_common(1)[0][0] if scripts else None,
                )
            )
        else:
            inline = tuple(span for unit in members if unit.noise is None for span in unit.inline)
            segments.append(Segment(key[0], start, end, noise=_noise_spans(members), script=key[1], inline=inline))
    return segments


def _noise_spans(members: list[Unit]) -> tuple[NoiseSpan, ...]:
    spans: list[NoiseSpan] = []
    for unit in members:
        if unit.noise is None:
            continue
        if spans and spans[-1].reason == unit.noise and spans[-1].end >= unit.span.start - 1:
            spans[-1] = NoiseSpan(spans[-1].start, unit.span.end, unit.noise)
        else:
            spans.append(NoiseSpan(unit.span.start, unit.span.end, unit.noise))
    return tuple(spans)


_LETTER_RE = regex.compile(r"[\p{L}\p{M}]+")  # what `is_letter` accepts, counted in runs rather than one by one


def _count_letters(text: str, start: int, end: int) -> int:
    return sum(match.end() - match.start() for match in _LETTER_RE.finditer(text, start, end))


def letter_shares(text: str, units: tuple[Unit, ...] | list[Unit], inline: bool = True) -> dict[str, float]:
    """Share of the content letters per language. With `inline`, letters inside an inline span count as that span's
    language; without, as their sentence's."""
    content = [u for u in units if u.noise is None] or list(units)
    counts: Counter[str] = Counter()
    for unit in content:
        letters = _count_letters(text, unit.span.start, unit.span.end)
        for span in unit.inline if inline else ():
            inside = _count_letters(text, span.start, span.end)
            counts[span.lang] += inside
            letters -= inside
        counts[unit.lang] += letters
    total = sum(counts.values())
    return {lang: n / total for lang, n in counts.most_common()} if total else {}


def document_language(shares: dict[str, float]) -> str:
    known = {lang: share for lang, share in shares.items() if lang != UNDETERMINED}
    if not known:
        return UNDETERMINED
    if sum(1 for share in known.values() if share >= MIXED_SHARE) >= 2:
        return MIXED
    return max(known, key=known.__getitem__)


def analyse(text: str) -> Analysis:
    """Language analysis of a document text (already decoded and newline-normalised)."""
    units = units_of(text)
    return Analysis(
        text=text,
        # By what the sentences are: a Hindi report quoting English, or Hinglish with English words in it, is Hindi.
        language=document_language(letter_shares(text, units, inline=False)),
        segments=tuple(segments_of(text, units)),
        units=tuple(units),
    )


def segment(text: str) -> list[Segment]:
    return list(analyse(text).segments)
