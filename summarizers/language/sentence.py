"""The language of one sentence, from what the sentence is, and the runs inside it in another language.

Every word has a language (the script's, or for Latin letters English or romanised Hindi word by word). The words
vote for the sentence's language: function words ("ने", "है", "the", "hai") weigh more, because they carry the
grammar; quoted words and capitalised names weigh less, because a Hindi report quoting an English statement, or
naming an English brand, is still a Hindi sentence. Runs of the other language become inline spans of the sentence:

- a run in another script is one when it is a clause (`is_clause`), not a name, acronym or brand;
- a run in the same (Latin) script is one unless it is only capitalised names ("Delhi" in "kal Delhi mein ...").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import regex

from summarizers.language import detection, romanized
from summarizers.text.scripts import Script, script_of
from summarizers.text.spans import WORD_RE, Span

FUNCTION_WEIGHT = 3.0
QUOTED_WEIGHT = 0.25
NAME_WEIGHT = 0.5
# A Latin-script sentence is romanised Hindi only with this much Hindi in it (one function word, or three words):
# a lone "Modi." or "Ram Kumar" is a name, not a Hindi sentence.
MIN_ROMANISED_WEIGHT = 3.0
# A romanised Hindi run inside an English sentence needs this many words: single words look Hindi too often in English
# news ("par" in golf, names such as "Karo", loanwords such as "guru").
MIN_HINDI_RUN_WORDS = 2

_DEVANAGARI_DIGITS = frozenset("०१२३४५६७८९")
_OPENING_QUOTES = "“‘«„‹"
_CLOSING_QUOTES = "”’»›"
_QUOTE_RE = regex.compile("[" + regex.escape(_OPENING_QUOTES + _CLOSING_QUOTES) + '"]')
_DEVANAGARI_FUNCTION_WORDS = frozenset().union(*detection.MARKERS_DEVANAGARI.values())


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    script: Script | None
    lang: str | None  # None for a word with no letters (a number)
    weight: float


@dataclass(frozen=True)
class InlineSpan:
    """A run in another language inside a sentence: an English quote in a Hindi sentence, a Hindi one in English."""

    lang: str
    start: int
    end: int


@dataclass(frozen=True)
class Reading:
    lang: str | None  # None: no word with letters
    script: Script | None
    inline: tuple[InlineSpan, ...]


def word_script(word: str) -> Script | None:
    """The script of a word's first letter: words seldom mix scripts, and reading one letter is many times faster
    than counting them all (this runs for every word of a document)."""
    first = ord(word[0]) if word else 0
    if 0x0900 <= first <= 0x097F and word[0] not in _DEVANAGARI_DIGITS:
        return "Deva"
    if first < 0x80 and word[0].isalpha():
        return "Latn"
    for char in word:
        script = script_of(char)
        if script is not None:
            return script
    return None


def is_clause(script: Script, words: list[str]) -> bool:
    """A run of another script that is language (a quoted clause), not a name, an acronym or a brand."""
    if script == "Latn":
        # Latin inside Devanagari is usually a name or a brand ("Samsung Galaxy S21"); a clause has small words.
        lowercase = sum(1 for word in words if word[0].islower())
        return len(words) >= 8 or (len(words) >= 3 and lowercase >= 0.5 * len(words))
    return len(words) >= 3


def _quoted(text: str, span: Span, starts: list[int]) -> list[bool]:
    """Whether each word (by its start) lies inside quotation marks within the sentence."""
    if _QUOTE_RE.search(text, span.start, span.end) is None:
        return [False] * len(starts)  # most sentences quote nothing
    flags: list[bool] = []
    depth = 0
    straight = False
    position = span.start
    for start in starts:
        for char in text[position:start]:
            if char in _OPENING_QUOTES:
                depth += 1
            elif char in _CLOSING_QUOTES and depth:
                depth -= 1
            elif char == '"':
                straight = not straight
        position = start
        flags.append(depth > 0 or straight)
    return flags


def _is_function_word(word: str, lang: str | None) -> bool:
    if lang == "en":
        return word.lower() in detection.ENGLISH_STOPWORDS
    if lang == "hi" and word.isascii():
        return word.lower() in romanized.HINDI_FUNCTION_WORDS
    return word in _DEVANAGARI_FUNCTION_WORDS


def words_of(text: str, span: Span, languages: Mapping[Script, str]) -> list[Word]:
    """The words of a sentence with their languages; `languages` gives the paragraph's language of each script."""
    matches = list(WORD_RE.finditer(text, span.start, span.end))
    scripts = [word_script(match.group()) for match in matches]
    latin = [match.group() for match, script in zip(matches, scripts, strict=True) if script == "Latn"]
    tags: list[str] = []
    if latin:
        if languages.get("Latn", "en") in ("en", "hi"):
            tags = list(romanized.tag_words(latin))
        else:  # French, German ...: the paragraph's language
            tags = [languages["Latn"]] * len(latin)
    quoted = _quoted(text, span, [match.start() for match in matches])
    if all(quoted):
        quoted = [False] * len(quoted)
    mixed_scripts = len({script for script in scripts if script is not None}) > 1
    words: list[Word] = []
    latin_index = 0
    for index, (match, script) in enumerate(zip(matches, scripts, strict=True)):
        token = match.group()
        if script is None:
            lang: str | None = None
        elif script == "Latn":
            lang = tags[latin_index]
            latin_index += 1
        else:
            lang = languages.get(script, "und")
        weight = FUNCTION_WEIGHT if _is_function_word(token, lang) else 1.0
        if quoted[index]:
            weight *= QUOTED_WEIGHT
        if script == "Latn" and token[0].isupper() and (index > 0 or mixed_scripts):
            weight *= NAME_WEIGHT
        words.append(Word(match.start(), match.end(), script, lang, weight))
    return words


def _too_little_hindi(words: list[Word]) -> bool:
    """A Latin-script sentence with too little Hindi in it to be romanised Hindi (a lone "Modi.")."""
    hindi = [word for word in words if word.lang == "hi"]
    latin_only = all(word.script in ("Latn", None) for word in words)
    return bool(hindi) and latin_only and sum(word.weight for word in hindi) < MIN_ROMANISED_WEIGHT


def _frame(words: list[Word]) -> tuple[str | None, Script | None]:
    votes: dict[str, float] = {}
    for word in words:
        if word.lang is not None:
            votes[word.lang] = votes.get(word.lang, 0.0) + word.weight
    if not votes:
        return None, None
    lang = max(votes, key=lambda code: (votes[code], code == "en"))
    by_script: dict[Script, float] = {}
    for word in words:
        if word.script is not None and word.lang == lang:
            by_script[word.script] = by_script.get(word.script, 0.0) + word.weight
    ranked = sorted(by_script.items(), key=lambda item: item[1], reverse=True)
    return lang, ranked[0][0] if ranked else None


def _runs(words: list[Word], lang: str) -> list[list[Word]]:
    """Maximal runs of words in one language and script other than `lang`; numbers between two words of a run
    belong to it."""
    runs: list[list[Word]] = []
    current: list[Word] = []
    for word in words:
        if word.lang is None:
            if current:
                current.append(word)
            continue
        if current and word.lang == current[0].lang and word.script == current[0].script:
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = [word] if word.lang != lang else []
    if current:
        runs.append(current)
    return [run[: _last_lettered(run) + 1] for run in runs]


def _last_lettered(run: list[Word]) -> int:
    return max(index for index, word in enumerate(run) if word.lang is not None)


def _keeps(text: str, run: list[Word], script: Script | None, frame: str, first: int) -> bool:
    """Whether a run of another language is an inline span of its sentence (`first`: where the sentence's first word
    starts; a capital there says nothing about a name)."""
    lettered = [word for word in run if word.lang is not None]
    tokens = [text[word.start : word.end] for word in lettered]
    run_script = lettered[0].script
    if run_script != script:
        return run_script is not None and is_clause(run_script, tokens)
    if all(token[0].isupper() for token in tokens) and not (len(tokens) == 1 and lettered[0].start == first):
        return False  # capitalised names belong to the sentence, whatever language they come from
    if frame == "en" and run[0].lang == "hi":
        return len(lettered) >= MIN_HINDI_RUN_WORDS
    return True


def read(text: str, span: Span, languages: Mapping[Script, str]) -> Reading:
    """The language and script of the sentence at `span`, and its inline runs in another language."""
    words = words_of(text, span, languages)
    if _too_little_hindi(words):
        words = [replace(word, lang="en") if word.lang == "hi" else word for word in words]
    lang, script = _frame(words)
    if lang is None:
        return Reading(None, None, ())
    inline = tuple(
        InlineSpan(str(run[0].lang), run[0].start, run[-1].end)
        for run in _runs(words, lang)
        if _keeps(text, run, script, lang, words[0].start)
    )
    return Reading(lang, script, inline)
