"""Checkable facts (numbers, dates, names) and their matching across English and Hindi, offline.

Two versions of one story rarely share words, but they share figures, dates and names: "$65 billion in 2024" and
"2024 में ... 65 अरब डॉलर" state the same two facts. Each fact gets language-independent keys (a number's value, a
date's month and day, a name's transliteration skeleton, its Hindi names where Hindi translates it), and facts with a
key in common match. A Devanagari word that sounds like a Latin name word (by `phonetic`) gets that word's key.

Names are found from the Latin side: capitalised words in running text. Hindi has no capitals, so a Hindi word counts
as a name only when it matches a name the other text states; names that appear only in a Hindi text cannot be listed
without a name dictionary, and `FactComparison.note` says so. A capitalised English common word ("Army",
"University") is a name only where the other version matches it: unmatched, it is not listed as missing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

import regex

from summarizers.language.common_words import is_common_plural, is_common_word
from summarizers.language.exonyms import fold, hindi_names, hindi_stems
from summarizers.language.hindi_numbers import number_words
from summarizers.language.phonetic import PhoneticIndex
from summarizers.language.transliteration import COMBINING_FORMS, is_latin_word, name_keys, phonetic_key
from summarizers.messages import Message
from summarizers.text.calendar import MONTHS, WEEKDAYS, spellings, with_spellings
from summarizers.text.lexicon import STOPWORDS
from summarizers.text.spans import WORD_RE, split_sentences

FactKind = Literal["number", "date", "name"]


DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_HAS_DEVANAGARI_DIGIT = regex.compile("[०-९]")
_SCALES = {
    "thousand": 10**3, "हज़ार": 10**3, "हजार": 10**3,
    "lakh": 10**5, "lakhs": 10**5, "lac": 10**5, "लाख": 10**5,
    "million": 10**6, "millions": 10**6, "mn": 10**6, "मिलियन": 10**6,
    "crore": 10**7, "crores": 10**7, "cr": 10**7, "करोड़": 10**7, "करोड": 10**7,
    "billion": 10**9, "billions": 10**9, "bn": 10**9, "बिलियन": 10**9, "अरब": 10**9,
    "खरब": 10**11, "trillion": 10**12, "tn": 10**12, "ट्रिलियन": 10**12,
}  # fmt: skip
_SCALES = with_spellings(_SCALES)
_PERCENT = ("%", "per cent", "percent", "प्रतिशत", *spellings("फ़ीसदी"), "फीसदी")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(word) for word in sorted(words, key=len, reverse=True))


_BOUNDARY_AFTER = r"(?![\p{L}\p{M}])"
_NUMBER_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}.,])(?P<value>\d+(?:,\d{2,3})*(?:\.\d+)?)"
    rf"(?:\s?(?P<scale>{_alternation(_SCALES)}){_BOUNDARY_AFTER}|\s?(?P<percent>{_alternation(_PERCENT)}))?",
    regex.IGNORECASE,
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_MONTH = rf"(?P<month>{_alternation(MONTHS)})\.?{_BOUNDARY_AFTER}"


def _first_letters(words: Iterable[str]) -> str:
    """A character class of the words' first letters: a look-ahead on it turns most positions away before the slower
    look-behind and alternation are tried (the same matches, about three times faster)."""
    return "".join(regex.escape(letter) for letter in sorted({word[0] for word in words}))


_DATE_RE = regex.compile(
    rf"(?=[\d{_first_letters(MONTHS)}])(?<![\p{{L}}\p{{N}}])"
    rf"(?:{_DAY}\s+(?:of\s+)?{_MONTH}|{_MONTH}(?:\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))?)",
    regex.IGNORECASE,
)
_WEEKDAY_RE = regex.compile(
    rf"(?=[{_first_letters(WEEKDAYS)}])(?<![\p{{L}}])(?P<weekday>{_alternation(WEEKDAYS)}){_BOUNDARY_AFTER}",
    regex.IGNORECASE,
)
# A line whose words are mostly capitalised is a headline: its capitals say nothing about names.
_TITLE_CASE_SHARE = 0.6


@dataclass(frozen=True)
class Fact:
    kind: FactKind
    key: str  # the canonical key, used to group repeated mentions
    keys: frozenset[str]  # every key it may match under (a name has several)
    text: str  # as written
    start: int
    end: int
    # False for a name made of English common words ("the Army") or a number spelled in Hindi words: a fact only where
    # the other version matches it.
    certain: bool = True


def _number_key(value: str, scale: str | None, percent: str | None) -> str | None:
    try:
        number = Decimal(value.replace(",", ""))
    except InvalidOperation:
        return None
    if percent:
        return f"percent:{_plain(number)}"
    if scale:
        number *= _SCALES[scale.casefold()]
    return f"number:{_plain(number)}"


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _is_abbreviation(month: str) -> bool:
    return month.isascii() and len(month) <= 4 and month.casefold() not in {"may", "june", "july"}


def _is_month_word(match: regex.Match[str]) -> bool:
    """English month names double as words ("may", "march"): only a capitalised one is a month."""
    word = match.group("month")
    return not word.isascii() or word[0].isupper()


def dates_and_numbers(text: str) -> list[Fact]:
    # Same length: offsets stay valid. Translating is slow per character, so only text with such a digit is.
    digits = text.translate(DEVANAGARI_DIGITS) if _HAS_DEVANAGARI_DIGIT.search(text) else text
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for match in _DATE_RE.finditer(digits):
        if not _is_month_word(match):
            continue
        month = MONTHS[match.group("month").casefold()]
        day = match.group("day") or match.group("day2")
        if day and not 1 <= int(day) <= 31:
            continue
        key = f"date:{month:02d}-{int(day):02d}" if day else f"month:{month:02d}"
        end = match.end()
        if text[end - 1] == "." and not match.group("day2") and not _is_abbreviation(match.group("month")):
            end -= 1  # the full stop of a sentence ending in "1 September.", not an abbreviation's ("Sept.")
        facts.append(Fact("date", key, frozenset({key}), text[match.start() : end], match.start(), end))
        taken.append((match.start(), end))
    for match in _WEEKDAY_RE.finditer(digits):
        key = f"weekday:{WEEKDAYS[match.group('weekday').casefold()]}"
        facts.append(Fact("date", key, frozenset({key}), text[match.start() : match.end()], match.start(), match.end()))
    # The dates do not overlap and come in order, so the one a number may lie in is the last to start before its
    # end (a search, not a pass over every date of a long text for each of its numbers).
    starts = [start for start, _ in taken]
    for match in _NUMBER_RE.finditer(digits):
        before = bisect_left(starts, match.end()) - 1
        if before >= 0 and match.start() < taken[before][1]:
            continue
        number = _number_key(match.group("value"), match.group("scale"), match.group("percent"))
        if number is not None:
            facts.append(
                Fact(
                    "number", number, frozenset({number}), text[match.start() : match.end()], match.start(), match.end()
                )
            )
            taken.append((match.start(), match.end()))
    facts += _spelled_numbers(text, taken)
    return sorted(facts, key=lambda fact: fact.start)


def _spelled_numbers(text: str, taken: list[tuple[int, int]]) -> list[Fact]:
    """Numbers Hindi writes in words (पांचवी सदी, पचास): facts that match the figure across ("5th century", "50"),
    but not `certain` ones: a translation spells out figures at will ("दो" for "two"), and दो is also "give", so one
    the other version does not state is neither listed as missing nor a conflict."""
    facts = []
    for found in number_words(text):
        if any(start < found.end and found.start < end for start, end in taken):
            continue
        key = f"number:{found.value}"
        facts.append(
            Fact("number", key, frozenset({key}), text[found.start : found.end], found.start, found.end, False)
        )
    return facts


def _is_latin(word: str) -> bool:
    return is_latin_word(word)


def _headline_lines(text: str) -> list[tuple[int, int]]:
    lines = []
    offset = 0
    for line in text.split("\n"):
        latin = [word for word in WORD_RE.findall(line) if _is_latin(word) and word[0].isalpha()]
        capitalised = [word for word in latin if word[0].isupper()]
        if latin and len(capitalised) / len(latin) >= _TITLE_CASE_SHARE and len(latin) > 1:
            lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    return lines


# Capitalised inside sentences, but titles and institutions rather than names.
_TITLES = frozenset(
    "president prime minister chief secretary general summit government parliament court ministry committee "
    "council department minister's president's mr mrs ms dr".split()
)


# Common words that news capitalises inside the names of offices, bodies and agreements ("National Security Adviser",
# "Shanghai Cooperation Organisation", "Special and Privileged Strategic Partnership"): alone, they name nothing.
_INSTITUTION_WORDS = frozenset(
    "national special strategic privileged partnership cooperation organisation organization office affairs "
    "external foreign internal home security adviser advisor annual deputy senior former".split()
)
_DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
# Words of one name: "Indo-Pacific", "Vladimir Putin". A hyphen or one space joins them; a dash joins two names
# ("Putin–Modi talks").
_JOINERS = frozenset({"-", "‑", " "})


def latin_name_vocabulary(text: str) -> set[str]:
    """Capitalised words that stand inside running sentences: names, places, organisations.

    A word that also appears in lower case in the same text is a common noun given a capital in a title. Months and
    weekdays are dates, never names.
    """
    return set(_vocabulary(text))


@lru_cache(maxsize=16)
def _vocabulary(text: str) -> frozenset[str]:
    """Cached: comparing two versions asks for each whole version's vocabulary twice, for its facts and for checking
    the other version's summary against it (a third of a second each at 500,000 characters)."""
    headlines = _headline_lines(text)
    lowercase = {word for word in WORD_RE.findall(text) if word.islower()}
    vocabulary = set()
    for sentence in split_sentences(text):
        if any(start <= sentence.start < end for start, end in headlines):
            continue
        for index, match in enumerate(WORD_RE.finditer(sentence.text(text))):
            word = match.group()
            if not (word[0].isupper() and _is_latin(word)):
                continue
            if (
                word.casefold() in STOPWORDS | _TITLES | _INSTITUTION_WORDS | _DATE_WORDS
                or word.casefold() in lowercase
            ):
                continue
            if (index > 0 or word.isupper()) and len(word) > 1:  # a lone capital is an initial ("U.S.", "John F.")
                vocabulary.add(word)
    return frozenset(vocabulary)


# An acronym written with full stops ("U.S.", "B.C.E."): one name, matched as the letters it spells.
_DOTTED_ACRONYM_RE = regex.compile(r"(?<![\p{L}.])(?:\p{Lu}\.){2,}")


def _dotted_acronyms(text: str) -> list[Fact]:
    facts = []
    for match in _DOTTED_ACRONYM_RE.finditer(text):
        letters = match.group().replace(".", "")
        start, end = match.span()
        facts.append(
            Fact("name", f"name:{letters.casefold()}", frozenset(name_keys(letters)), text[start:end], start, end)
        )
    return facts


_HYPHENS = frozenset({"-", "‑"})


def standalone_names(text: str) -> set[str]:
    """Capitalised Latin words the text writes at least once on their own, not hyphened to another word: "India" and
    "Russia" of a text that also writes "India-Russia ties", but not the "Indo" of "Indo-Pacific"."""
    found = set()
    for match in WORD_RE.finditer(text):
        word = match.group()
        if word[0].isupper() and _is_latin(word):  # the cheap test first: most words of a Hindi text fail it
            before, after = text[max(0, match.start() - 1) : match.start()], text[match.end() : match.end() + 1]
            if before not in _HYPHENS and after not in _HYPHENS:
                found.add(word)
    return found


def _joined(
    text: str, words: list[regex.Match[str]], standalone: set[str] | frozenset[str] = frozenset()
) -> list[list[regex.Match[str]]]:
    """Runs of words separated only by a hyphen, dash or one space: the parts of one name. A hyphen between two
    names the text also writes on their own joins two names, not the parts of one ("India-Russia", "Putin-Trump")."""
    runs: list[list[regex.Match[str]]] = []
    for match in words:
        joiner = text[runs[-1][-1].end() : match.start()] if runs else None
        pair = joiner in _HYPHENS and runs[-1][-1].group() in standalone and match.group() in standalone
        if joiner in _JOINERS and not pair:
            runs[-1].append(match)
        else:
            runs.append([match])
    return runs


def _name_fact(text: str, run: list[regex.Match[str]], keys: set[str], key: str, certain: bool = True) -> Fact:
    start, end = run[0].start(), run[-1].end()
    return Fact("name", key, frozenset(keys), text[start:end], start, end, certain)


def _run_exonyms(written: str) -> set[str]:
    """Keys of a name of several words that Hindi translates whole ("United States", "New Delhi")."""
    return {f"exonym:{native}" for native in hindi_names(written)} if " " in written or "-" in written else set()


_JOINED_WORDS = 3
# Words around a capitalised common word that make it a common noun given a capital: "the Army", "its University",
# "Minister of Defense", "Republic of China", "Finance Minister".
_BEFORE_COMMON_NOUN = frozenset("the a an this that these those its their his her our your of".split())
_AFTER_COMMON_NOUN = _TITLES | {"of"}
# Punctuation that opens a sentence within a sentence: a quotation, a parenthesis, a clause after a colon or dash.
_OPENING = frozenset(".:;!?\"“‘'(—–")
_PREVIOUS_WORD_RE = regex.compile(r"([\p{L}]+)([^\p{L}\p{N}]*)$")
_NEXT_WORD_RE = regex.compile(r"^[^\p{L}\p{N}]*([\p{L}]+)")


def _common_noun(text: str, run: list[regex.Match[str]]) -> bool:
    """Whether a capitalised run is common words rather than a name: all its words are common, and it stands as
    common nouns do: after an article or "of" ("the Army", "Minister of Defense"), before an office or "of"
    ("Finance Minister", "Republic of China"), at the start of a quotation ("Every book ..."), in the plural
    ("Hospitals") or as several words ("Black Sea"). A lone common word without these ("Palmer", "Trump") stays a
    name. Only the text just before and after the run is read."""
    if not all(is_common_word(match.group()) for match in run):
        return False
    before = text[max(0, run[0].start() - 40) : run[0].start()]
    previous = _PREVIOUS_WORD_RE.search(before)
    following = _NEXT_WORD_RE.search(text[run[-1].end() : run[-1].end() + 40])
    opens = previous is None or bool(set(previous.group(2)) & _OPENING)
    return (
        len(run) > 1
        or opens
        or is_common_plural(run[0].group())
        or (previous is not None and previous.group(1).casefold() in _BEFORE_COMMON_NOUN)
        or (following is not None and following.group(1).casefold() in _AFTER_COMMON_NOUN)
    )


def latin_names(text: str, vocabulary: set[str] | None = None, standalone: set[str] | None = None) -> list[Fact]:
    """Every mention of a name in `vocabulary` (by default, the names the text itself shows in running sentences),
    as written: neighbouring name words are one name ("Indo-Pacific", "Vladimir Putin"), matched under any part.
    `standalone`: the names written on their own (by default, in `text`), which a hyphen does not make one name."""
    vocabulary = latin_name_vocabulary(text) if vocabulary is None else vocabulary
    found = [match for match in WORD_RE.finditer(text) if match.group() in vocabulary]
    if not found:  # no name to join: the words written on their own are not needed (most sentences of a long text)
        return sorted(_dotted_acronyms(text), key=lambda fact: fact.start)
    standalone = standalone_names(text) if standalone is None else standalone
    facts = []
    for run in _joined(text, found, standalone):
        keys = {key for match in run for key in name_keys(match.group())}
        if len(run) > 1:  # "New York", "Jeffrey Dean Morgan": the common words' sounds match too much Hindi
            keys -= {
                phonetic_key(match.group())
                for match in run
                if is_common_word(match.group()) and not hindi_names(match.group())  # "Pacific" is a place too
            }
        written = text[run[0].start() : run[-1].end()]
        country = COMBINING_FORMS.get(written.casefold()) if len(run) == 1 else None
        if country is not None:  # "Indo" of "Indo–Russian": a mention of India, listed as India
            keys |= name_keys(country)
            written = country
        keys |= _run_exonyms(written)
        certain = any(key.startswith("exonym:") for key in keys) or not _common_noun(text, run)
        if 1 < len(run) <= _JOINED_WORDS and " " in written:  # Hindi may write it as one word: "Cape Town", केपटाउन
            keys.add(phonetic_key(" ".join(match.group() for match in run)))
        if keys:
            facts.append(_name_fact(text, run, keys, f"name:{' '.join(written.split()).casefold()}", certain))
    return sorted(facts + _dotted_acronyms(text), key=lambda fact: fact.start)


@lru_cache(maxsize=32)
def _phonetic_index(words: frozenset[str]) -> PhoneticIndex:
    return PhoneticIndex(words)


def _wanted_phrases(wanted: set[str]) -> dict[int, set[str]]:
    """Hindi names of several words among the wanted keys ("संयुक्त राज्य", "नई दिल्ली"), by their number of words."""
    phrases: dict[int, set[str]] = {}
    for key in wanted:
        kind, _, value = key.partition(":")
        if kind == "exonym" and " " in value:
            phrases.setdefault(len(value.split()), set()).add(value)
    return phrases


def _word_keys(word: str, wanted: set[str], index: PhoneticIndex) -> set[str]:
    """The wanted keys a Devanagari word matches: exonyms and acronyms as spelled, Latin names by sound. (Its exact
    consonant skeleton is not used across scripts: the sounds say more, "Paris" is not पुरुष "man".)"""
    if word in STOPWORDS:
        return set()
    keys = ({f"exonym:{stem}" for stem in hindi_stems(word)} | {f"acronym:{word}"}) & wanted
    return keys | {phonetic_key(latin) for latin in index.matches(word)}


def names_matching(text: str, wanted: set[str]) -> list[Fact]:
    """Words of a text without capitals (Hindi) that match one of the `wanted` name keys; neighbours joined."""
    index = _phonetic_index(frozenset(key[len("phonetic:") :] for key in wanted if key.startswith("phonetic:")))
    phrases = _wanted_phrases(wanted)
    first_words = {name.split()[0] for names in phrases.values() for name in names}
    words = [match for match in WORD_RE.finditer(text) if not _is_latin(match.group())]
    keys_at: dict[int, set[str]] = {}
    known: dict[str, set[str]] = {}  # a word's keys, once per distinct word: a long text repeats most of its words
    for position, match in enumerate(words):
        keys = known.get(match.group())
        if keys is None:
            keys = known[match.group()] = _word_keys(match.group(), wanted, index)
        if keys:
            keys_at.setdefault(position, set()).update(keys)
        if phrases and fold(match.group()) in first_words:
            for size, names in phrases.items():
                window = words[position : position + size]
                found = _phrase_in(window, names) if len(window) == size else set()
                for covered in range(position, position + size) if found else ():
                    keys_at.setdefault(covered, set()).update(f"exonym:{name}" for name in found)
    keys_from = {words[position].start(): keys for position, keys in keys_at.items()}
    facts = []
    for run in _joined(text, [words[position] for position in sorted(keys_at)]):
        keys = {key for match in run for key in keys_from[match.start()]}
        written = text[run[0].start() : run[-1].end()]
        facts.append(_name_fact(text, run, keys, f"name:{' '.join(written.split())}"))
    return facts


def naming_words(words: Iterable[str], wanted: set[str]) -> set[str]:
    """The words among `words` (capital-less: Hindi) that `names_matching` could take for a part of a wanted name:
    those matching a key, and any word of a wanted name of several words (a part of one can be taken for it where
    the other parts lie apart: नई … दिल्ली). A text none of whose words is among them has no such name, so a long
    text's sentences that lack them need not be searched."""
    index = _phonetic_index(frozenset(key[len("phonetic:") :] for key in wanted if key.startswith("phonetic:")))
    phrase_words = {part for names in _wanted_phrases(wanted).values() for name in names for part in name.split()}
    return {word for word in words if fold(word) in phrase_words or _word_keys(word, wanted, index)}


def _phrase_in(window: list[regex.Match[str]], names: set[str]) -> set[str]:
    """The wanted names a run of words spells, its last word maybe inflected (संयुक्त राज्य अमेरिकी)."""
    head = " ".join(fold(match.group()) for match in window[:-1])
    return {name for stem in hindi_stems(window[-1].group()) if (name := f"{head} {stem}".strip()) in names}


def has_capitals(text: str) -> bool:
    return any(word[0].isupper() for word in WORD_RE.findall(text) if _is_latin(word))


def facts_in(text: str, other_name_keys: set[str] | None = None, names: list[Fact] | None = None) -> list[Fact]:
    """Numbers, dates and names of a text; names without capitals (Hindi) only where they match `other_name_keys`.
    `names`: the text's `latin_names`, where the caller has them already."""
    facts = dates_and_numbers(text) + (latin_names(text) if names is None else names)
    if other_name_keys:
        facts += names_matching(text, other_name_keys)
    return sorted(facts, key=lambda fact: fact.start)


def all_keys(facts: Iterable[Fact]) -> set[str]:
    return {key for fact in facts for key in fact.keys}


@dataclass(frozen=True)
class FactComparison:
    shared: tuple[tuple[Fact, Fact], ...]  # first mention on each side
    only_a: tuple[Fact, ...]
    only_b: tuple[Fact, ...]
    notes: tuple[Message, ...] = field(default=())


def _first_mentions(facts: list[Fact]) -> list[Fact]:
    """Each fact once, at its first mention; a name as written in full where it is ("India" rather than the "Indo" of
    an earlier "Indo–Russian")."""
    seen: dict[str, Fact] = {}
    for fact in facts:
        first = seen.setdefault(fact.key, fact)
        if first.text.casefold() in COMBINING_FORMS and fact.text.casefold() not in COMBINING_FORMS:
            seen[fact.key] = fact  # keeps the place of the first mention in the order
    return list(seen.values())


def _other_names(facts: list[Fact]) -> set[str]:
    return all_keys(fact for fact in facts if fact.kind == "name")


# Names are read from capitalised words: one only in the text without capitals (Hindi) cannot be listed.
_NAMES_NOTE = Message("note.names_from_capitals")


class FactMatcher:
    """The one judge of which facts two versions share. The facts table and every sentence's flag ask it, so a name
    the table lists as in both can never be flagged missing from a sentence, nor the reverse.

    A fact is in the other version when a fact there shares a key with it (a value, a date, a transliteration). The
    table pairs each fact with its surest counterpart, one to one where it can; a fact whose counterparts all went
    to surer pairs is still in both, shown with its best one.
    """

    def __init__(self, text_a: str, text_b: str) -> None:
        self.texts = (text_a, text_b)
        self.vocabularies = (latin_name_vocabulary(text_a), latin_name_vocabulary(text_b))
        self.standalone = (standalone_names(text_a), standalone_names(text_b))
        names = (
            latin_names(text_a, self.vocabularies[0], self.standalone[0]),
            latin_names(text_b, self.vocabularies[1], self.standalone[1]),
        )
        self.name_keys = (_other_names(names[0]), _other_names(names[1]))
        self.mentions = (
            facts_in(text_a, self.name_keys[1], names[0]),
            facts_in(text_b, self.name_keys[0], names[1]),
        )
        self._mentions_by_key = (_by_key(self.mentions[0]), _by_key(self.mentions[1]))
        firsts = (_first_mentions(self.mentions[0]), _first_mentions(self.mentions[1]))
        pairs = _pair(*firsts)
        self._partner: tuple[dict[str, Fact], dict[str, Fact]] = ({}, {})
        for a, b in pairs:
            self._partner[0][a.key] = b
            self._partner[1][b.key] = a
        shared: list[tuple[Fact, Fact]] = []
        only_a: list[Fact] = []
        for fact in firsts[0]:
            other = self.counterpart(fact, 0)
            if other is not None:
                shared.append((fact, other))
            elif _discoverable(fact):
                only_a.append(fact)
        # A capital-less name is only a name because it matched one across: unmatched, it was a look-alike word.
        only_b = [fact for fact in firsts[1] if self.counterpart(fact, 1) is None and _discoverable(fact)]
        notes = []
        if any(not has_capitals(text) and has_capitals(other) for text, other in (self.texts, self.texts[::-1])):
            notes.append(_NAMES_NOTE)
        self.comparison = FactComparison(tuple(shared), tuple(only_a), tuple(only_b), tuple(notes))

    def counterpart(self, fact: Fact, side: int) -> Fact | None:
        """The fact of the other version that `fact` (stated on `side`: 0 for the first text, 1 for the second) is,
        or None when the other version does not state it."""
        paired = self._partner[side].get(fact.key)
        if paired is not None:
            return paired
        mentions = self.mentions[1 - side]
        candidates = [
            mentions[j] for j in _sharing_a_key(fact, self._mentions_by_key[1 - side]) if may_match(fact, mentions[j])
        ]
        return max(candidates, key=lambda other: match_strength(fact, other), default=None)

    def facts_of(self, sentence: str, side: int) -> list[Fact]:
        """The facts a sentence of one version states (a summary sentence, or one of the version's own), found the
        way the version's own facts are: its names as the version writes them, Hindi names through the other's."""
        vocabulary = self.vocabularies[side] | latin_name_vocabulary(sentence)
        standalone = self.standalone[side] | standalone_names(sentence)
        facts = dates_and_numbers(sentence) + latin_names(sentence, vocabulary, standalone)
        facts += names_matching(sentence, self.name_keys[1 - side])
        return _first_mentions(sorted(facts, key=lambda fact: fact.start))

    def missing(self, sentence: str, side: int) -> tuple[list[Fact], list[Fact]]:
        """A sentence's facts the other version states, and those it does not."""
        found: list[Fact] = []
        missing: list[Fact] = []
        for fact in self.facts_of(sentence, side):
            if self.counterpart(fact, side) is not None:
                found.append(fact)
            elif _discoverable(fact):
                missing.append(fact)
        return found, missing


def compare_facts(text_a: str, text_b: str) -> FactComparison:
    """The facts two texts share and those found in only one of them, in order of first mention."""
    return FactMatcher(text_a, text_b).comparison


def _discoverable(fact: Fact) -> bool:
    """Whether a fact the other version lacks is listed as missing: not a Hindi look-alike word, nor a common word,
    nor a number spelled in words."""
    return fact.certain and (fact.kind != "name" or _is_latin(fact.text))


def _latin_words(fact: Fact) -> list[str]:
    return [word.casefold() for word in WORD_RE.findall(fact.text)]


def may_match(a: Fact, b: Fact) -> bool:
    """Whether two facts can be the same: a key in common, and for two names both written in Latin letters, a word
    in common or surnames that match ("Zelensky", "Zelenskiy"). Across scripts a name can only be matched by its
    parts' sounds; within one, a first name alike is not the same person ("Volodymyr Zelenskiy", "Vladimir Putin")."""
    if not a.keys & b.keys:
        return False
    if a.kind != "name" or b.kind != "name" or not (_is_latin(a.text) and _is_latin(b.text)):
        return True
    words_a, words_b = _latin_words(a), _latin_words(b)
    if set(words_a) & set(words_b):
        return True
    return bool(words_a and words_b and name_keys(words_a[-1]) & name_keys(words_b[-1]))


# A word matched by sound is as sure as one matched by its Hindi name once it has a few letters; a short one
# ("Po", "Ur") counts for less.
_SURE_SOUND_LETTERS = 4
_NAME_PARTS_SPLIT = regex.compile(r"[\s\-‑–]+")


def _key_strength(key: str) -> float:
    kind, _, value = key.partition(":")
    if kind == "skeleton":
        return len(value)
    if kind == "phonetic":
        return 100.0 if len(value) >= _SURE_SOUND_LETTERS else 25.0 * len(value)
    return 100.0


def match_strength(a: Fact, b: Fact) -> float:
    """How surely two facts are the same: values, exonyms and names alike in sound are sure, a longer skeleton surer
    than a short one; each part of a name that matches adds ("Narendra Modi" pairs with "नरेंद्र मोदी" before
    "मोदी", "Indo-Pacific" with "इंडो-पैसिफिक" before the भारतीय its "Indo" may also mean)."""
    shared = a.keys & b.keys
    if not shared:
        return 0.0
    # A Hindi word matches under its own spelling and its stem (भारतीय, भारत): one match, not two.
    exonyms = {key.partition(":")[2] for key in shared if key.startswith("exonym:")}
    words = [name for name in exonyms if not any(name != other and name.startswith(other) for other in exonyms)]
    others = sum(_key_strength(key) for key in shared if not key.startswith("exonym:"))
    # ... and one spelled as the other text writes it is surer than one through a stem (India: भारत before भारतीय).
    written = {fold(word) for fact in (a, b) for word in _NAME_PARTS_SPLIT.split(fact.text)}
    return 100.0 * len(words) + len(exonyms & written) + others - 0.01 * abs(len(a.keys) - len(b.keys))


def _by_key(facts: Sequence[Fact]) -> dict[str, list[int]]:
    """Each key -> the indexes of the facts stating it, in order: the only facts another can match (`may_match` needs
    a key in common), found without trying every fact of a long text."""
    index: dict[str, list[int]] = {}
    for position, fact in enumerate(facts):
        for key in fact.keys:
            index.setdefault(key, []).append(position)
    return index


def _sharing_a_key(fact: Fact, index: dict[str, list[int]]) -> list[int]:
    return sorted({position for key in fact.keys for position in index.get(key, ())})


def _pair(facts_a: list[Fact], facts_b: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Each fact paired with at most one on the other side, the surest matches first."""
    index_b = _by_key(facts_b)
    candidates = [
        (match_strength(a, facts_b[j]), i, j)
        for i, a in enumerate(facts_a)
        for j in _sharing_a_key(a, index_b)
        if may_match(a, facts_b[j])
    ]
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates, key=lambda item: (-item[0], item[1], item[2])):
        if i not in used_a and j not in used_b:
            pairs.append((facts_a[i], facts_b[j]))
            used_a.add(i)
            used_b.add(j)
    return pairs
