"""Language analysis: sentences -> per-sentence language -> merged language runs (segments).

Rules, in the order they apply:
1. Text is split into sentences; every line is a boundary.
2. Inside a sentence, a long run of another script (a quoted Hindi clause in English prose) becomes a unit of its
   own; a short inline term (a name in brackets, an acronym, a brand) stays with its sentence.
3. The script decides the language where it is unambiguous; within a script the paragraph's words decide
   (Hindi/Marathi/Nepali, English/romanised Hindi, Urdu/Persian/Arabic) - see `detection`.
4. Datelines and number-only units carry no language of their own: they join their neighbours.
5. Lines of page chrome are marked (see `noise`). Chrome between two runs of one language stays inside that run as
   a noise span; chrome elsewhere becomes a boilerplate segment.
6. Consecutive units of one language merge into a segment.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from summarizers.language import detection
from summarizers.language.noise import noise_lines
from summarizers.text.scripts import Script, dominant_script
from summarizers.text.spans import WORD_RE, Span, count_letters, line_spans, split_sentences

UNDETERMINED = "und"
MIXED = "mixed"
MIXED_SHARE = 0.20  # a language holding at least this share of the letters makes a document "mixed"

_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september"
    "|october|november|december|जनवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर"
)
_AGENCIES = r"pti|ians|ani|uni|reuters|afp|ap|ist|updated|published"
_DATELINE_CUES = re.compile(rf"\b(?:{_MONTHS}|{_AGENCIES})\b", re.IGNORECASE)
DATELINE_MAX_WORDS = 8


@dataclass(frozen=True)
class NoiseSpan:
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Unit:
    """A sentence, or the part of one that is in another language."""

    span: Span
    lang: str
    noise: str | None = None  # the reason, when the unit lies on a line of page chrome


@dataclass(frozen=True)
class Segment:
    """A run of one language. `noise` lists chrome lines inside it (marked, never removed)."""

    lang: str
    start: int
    end: int
    boilerplate: bool = False
    reason: str | None = None
    noise: tuple[NoiseSpan, ...] = ()

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


# ---------------------------------------------------------------- rule 2: runs of another script inside a sentence


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


def _is_long_run(script: Script, words: list[str]) -> bool:
    if script == "Latn":
        # Latin inside Devanagari is usually a name or a brand ("Samsung Galaxy S21"); a clause has small words.
        lowercase = sum(1 for word in words if word[0].islower())
        return len(words) >= 8 or (len(words) >= 3 and lowercase >= 0.5 * len(words))
    return len(words) >= 3


def _split_by_script(text: str, sentence: Span) -> list[Span]:
    tokens = [
        (m.start(), m.end(), dominant_script(m.group())) for m in WORD_RE.finditer(text, sentence.start, sentence.end)
    ]
    base = main_script(text, sentence.start, sentence.end)
    if base is None or all(script in (base, None) for _, _, script in tokens):
        return [sentence]
    cuts: list[Span] = []
    index = 0
    while index < len(tokens):
        script = tokens[index][2]
        if script is None or script == base:
            index += 1
            continue
        end = index
        last_same = index
        while end < len(tokens) and tokens[end][2] in (script, None):
            if tokens[end][2] == script:
                last_same = end
            end += 1
        run_words = [text[s:e] for s, e, sc in tokens[index : last_same + 1] if sc == script]
        if _is_long_run(script, run_words):
            cuts.append(Span(tokens[index][0], tokens[last_same][1]))
        index = last_same + 1
    if not cuts:
        return [sentence]
    pieces: list[Span] = []
    position = sentence.start
    for cut in cuts:
        pieces.append(Span(position, cut.start))
        pieces.append(cut)
        position = cut.end
    pieces.append(Span(position, sentence.end))
    return [trimmed for piece in pieces if (trimmed := _trim(text, piece)) is not None]


def _trim(text: str, span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


# ---------------------------------------------------------------- rules 3 and 4: a language for every unit


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


def _unit_languages(
    text: str, pieces: list[Span], scripts: list[Script | None], noise: list[str | None]
) -> list[str | None]:
    paragraphs = _paragraph_ids(text, pieces)
    grouped: dict[tuple[int, Script], list[str]] = {}
    for piece, script, paragraph, reason in zip(pieces, scripts, paragraphs, noise, strict=True):
        if script is not None and reason is None:
            grouped.setdefault((paragraph, script), []).append(piece.text(text))
    # Detected once per paragraph and script: joining the paragraph again for each of its pieces made a paragraph of
    # many short pieces quadratic.
    group_languages = {
        (paragraph, script): detection.language_for(script, " ".join(contents))
        for (paragraph, script), contents in grouped.items()
    }
    languages: list[str | None] = []
    for piece, script, paragraph in zip(pieces, scripts, paragraphs, strict=True):
        if script is None:
            languages.append(None)
            continue
        content = piece.text(text)
        lang = group_languages.get((paragraph, script)) or detection.language_for(script, content)
        if script == "Latn":
            hinglish = detection.is_hinglish(content)
            if hinglish is True:
                lang = "hi"
            elif hinglish is False and lang == "hi":
                lang = "en"
        languages.append(lang)
    return languages


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
        reason = line_reason[lines[line_index]] if line_index < len(lines) else None
        for piece in _split_by_script(text, sentence):
            pieces.append(piece)
            reasons.append(reason)
    scripts = [main_script(text, piece.start, piece.end) for piece in pieces]
    datelines = [
        reason is None and _is_dateline(piece.text(text)) for piece, reason in zip(pieces, reasons, strict=True)
    ]
    languages = _unit_languages(
        text, pieces, [None if d else s for s, d in zip(scripts, datelines, strict=True)], reasons
    )
    resolved = _resolve_neutral(languages, datelines)
    return [Unit(piece, lang, reason) for piece, lang, reason in zip(pieces, resolved, reasons, strict=True)]


# ---------------------------------------------------------------- rules 5 and 6: segments


def _dominant_lang(text: str, units: list[Unit]) -> str:
    shares = letter_shares(text, units)
    return next(iter(shares), UNDETERMINED)


def segments_of(text: str, units: list[Unit]) -> list[Segment]:
    # Group consecutive units: content by language, chrome together.
    groups: list[tuple[str | None, list[Unit]]] = []  # (language, units); language None marks a chrome group
    for unit in units:
        key = None if unit.noise else unit.lang
        if groups and groups[-1][0] == key:
            groups[-1][1].append(unit)
        else:
            groups.append((key, [unit]))
    # Chrome between two runs of the same language stays inside that run.
    merged: list[tuple[str | None, list[Unit]]] = []
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
            segments.append(
                Segment(
                    _dominant_lang(text, members), start, end, boilerplate=True, reason=reasons.most_common(1)[0][0]
                )
            )
        else:
            noise = _noise_spans(members)
            segments.append(Segment(key, start, end, noise=noise))
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


def letter_shares(text: str, units: tuple[Unit, ...] | list[Unit]) -> dict[str, float]:
    content = [u for u in units if u.noise is None] or list(units)
    counts: Counter[str] = Counter()
    for unit in content:
        counts[unit.lang] += count_letters(unit.span.text(text))
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
        language=document_language(letter_shares(text, units)),
        segments=tuple(segments_of(text, units)),
        units=tuple(units),
    )


def segment(text: str) -> list[Segment]:
    return list(analyse(text).segments)
