"""Where two aligned versions differ: within each link, a figure or date the other side states with another value
(one conflict, not two facts each "only in" one version), a name in that place replaced by another name; and the
sentences only one version has.

A fact one side of a link states and the other side leaves out is not listed: translations drop and add figures
("two" for "2", a year the translator spelled out) far more often than stories change, and a list of such would bury
the real differences. Only a fact met by a fact of the same kind with another value is a conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import pairwise
from typing import Literal

import regex
from babel import Locale

from summarizers.attribution.facts import Fact, may_match
from summarizers.language.common_words import is_common_word
from summarizers.language.exonyms import fold, hindi_names, hindi_stems
from summarizers.language.hindi_names import NameSign, hindi_names_in, word_sign
from summarizers.language.phonetic import english_pronunciations, phones_of, similarity, sounds_alike
from summarizers.language.transliteration import acronym_in_devanagari, is_latin_word, skeleton, spelled_acronym
from summarizers.text.lexicon import STOPWORDS
from summarizers.text.spans import WORD_RE, Span
from summarizers.versions.alignment import Link

DifferenceKind = Literal["number", "date", "name", "sentence"]


@dataclass(frozen=True)
class Side:
    """One version as the differences see it: its text, its sentences and the facts each states (text offsets)."""

    text: str
    sentences: tuple[Span, ...]
    facts: tuple[tuple[Fact, ...], ...]  # per sentence


@dataclass(frozen=True)
class Difference:
    """One place where the versions differ. A side the difference has no part in is None (a sentence only the other
    version has); offsets are into each version's text."""

    kind: DifferenceKind
    link: int  # index of the alignment link it lies in
    a: Span | None
    b: Span | None

    def text(self, side: int, texts: tuple[str, str]) -> str | None:
        span = (self.a, self.b)[side]
        return span.text(texts[side]) if span is not None else None


def _unmatched(facts_a: list[Fact], facts_b: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """Each side's facts no fact of the other side can be. Figures and dates are matched one to one ("£767 and
    £760" against "£760 ... £760" leaves 767 and one 760); a name is matched by any mention of it (a story names
    someone twice where its translation says "he" once). Each value once, in order."""
    used: set[int] = set()
    left_a = []
    for fact in facts_a:
        if fact.kind == "name":
            if not any(may_match(fact, other) for other in facts_b):
                left_a.append(fact)
            continue
        partner = next(
            (j for j, other in enumerate(facts_b) if j not in used and other.kind != "name" and may_match(fact, other)),
            None,
        )
        if partner is None:
            left_a.append(fact)
        else:
            used.add(partner)
    left_b = [
        fact
        for j, fact in enumerate(facts_b)
        if (fact.kind == "name" and not any(may_match(fact, other) for other in facts_a))
        or (fact.kind != "name" and j not in used)
    ]
    return _once(left_a), _once(left_b)


def _once(facts: list[Fact]) -> list[Fact]:
    kept: dict[str, Fact] = {}
    for fact in facts:
        kept.setdefault(fact.key, fact)
    return list(kept.values())


def _sort(fact: Fact) -> str:
    """What a fact's value is compared as: a number, a percentage, a day of a month, a month, a weekday, a name.
    Only facts of one sort can conflict: "October" and "12 October" do not, nor do "Monday" and "5 May"."""
    return fact.key.partition(":")[0] if fact.kind != "name" else "name"


def _month(fact: Fact) -> str | None:
    kind, _, value = fact.key.partition(":")
    return value[:2] if kind in {"date", "month"} else None


def _compatible(a: Fact, b: Fact) -> bool:
    """Two facts that need not be the same value to agree: a month and a day of that month."""
    return a.kind == b.kind == "date" and _month(a) is not None and _month(a) == _month(b) and _sort(a) != _sort(b)


_SURE_KEY_KINDS = ("exonym:", "acronym:", "phonetic:")
SURE_SKELETON = 4  # consonants: a shorter skeleton matches common Hindi words ("रविवार", "उनपर") by chance


def _surely_a_name(fact: Fact) -> bool:
    """A name in Latin letters (capitalised), or a Hindi word taken for a name by a sure key: an exonym, an acronym
    or a skeleton long enough not to be a chance likeness."""
    if fact.text[:1].isascii():
        return True
    for key in fact.keys:
        kind, _, value = key.partition(":")
        if key.startswith(_SURE_KEY_KINDS) or (kind == "skeleton" and "/" not in value and len(value) >= SURE_SKELETON):
            return True
    return False


def _common_words(fact: Fact) -> bool:
    """A capitalised run of English common words ("War", "First", "Stranger Things"): a title, a heading or an
    institution's name, which a translation renders in words of its own rather than by sound."""
    return all(is_common_word(word) for word in WORD_RE.findall(fact.text))


def _forms_of_one_name(a: Fact, b: Fact) -> bool:
    """Two spellings that start alike ("American" and "अमेरिका", "Germanic" and "जर्मन"): a demonym and its country,
    or an inflected form, rather than another name."""
    starts_a = {skeleton(word)[:3] for word in WORD_RE.findall(a.text) if len(skeleton(word)) >= 3}
    starts_b = {skeleton(word)[:3] for word in WORD_RE.findall(b.text) if len(skeleton(word)) >= 3}
    return bool(starts_a & starts_b)


def _may_conflict(fact: Fact) -> bool:
    if fact.kind == "name":
        return _surely_a_name(fact) and not _common_words(fact)
    return fact.certain


def _conflicts(
    facts_a: list[Fact], facts_b: list[Fact], place: Callable[[Fact, int], float] | None = None
) -> list[tuple[Fact, Fact]]:
    """Facts of one sort each side states and the other does not, paired in the order the sentences state them;
    names, where `place` tells where a fact stands in its side's sentences (0 or 1: which side), by place instead."""
    left_a, left_b = _unmatched(facts_a, facts_b)
    only_a = [fact for fact in left_a if not any(_compatible(fact, b) for b in facts_b)]
    only_b = [fact for fact in left_b if not any(_compatible(fact, a) for a in facts_a)]
    # Either side may be the Hindi one: a name stands when it is surely one and not a run of common words; a number
    # spelled in Hindi words only where it matches.
    only_a = [fact for fact in only_a if _may_conflict(fact)]
    only_b = [fact for fact in only_b if _may_conflict(fact)]
    pairs = []
    for sort in dict.fromkeys(_sort(fact) for fact in only_a):
        if sort == "name" and place is not None:
            pairs += _paired_by_place(
                [(fact, place(fact, 0)) for fact in only_a if fact.kind == "name"],
                [(fact, place(fact, 1)) for fact in only_b if fact.kind == "name"],
            )
            continue
        for a, b in zip(
            [fact for fact in only_a if _sort(fact) == sort],
            [fact for fact in only_b if _sort(fact) == sort],
            strict=False,
        ):
            if a.kind == "name" and _forms_of_one_name(a, b):
                continue
            pairs.append((a, b))
    return sorted(pairs, key=lambda pair: pair[0].start)


# How far apart, as shares of their sentences, a name and the name found in the other side's text alone may stand:
# translations keep a name near its place (Hindi moves the verb, rarely the subject or a place far).
NEAR_PLACE = 0.4
# As near for a capitalised common word taken for a name ("these Bass hearings"): a translation renders most such
# words in words of its own, which stand anywhere; a name put in their place stands where they did.
NEAR_PLACE_COMMON_WORD = 0.25


def _paired_by_place(
    names: list[tuple[Fact, float]],
    found: list[tuple[Fact, float]],
    near: float = NEAR_PLACE,
    alone_anywhere: bool = True,
) -> list[tuple[Fact, Fact]]:
    """Names a side states unmatched, each paired with a name the other side states unmatched at about the same place
    in its sentence: the nearest pairs first, each name once, none farther apart than `near` unless each side has one
    such name only and `alone_anywhere` (then nothing else can be meant: "He met X, officials said" puts X last in
    Hindi)."""
    if alone_anywhere and len(names) == len(found) == 1 and not _forms_of_one_name(names[0][0], found[0][0]):
        return [(names[0][0], found[0][0])]
    candidates = sorted(
        (abs(place - other_place), i, j)
        for i, (name, place) in enumerate(names)
        for j, (other, other_place) in enumerate(found)
        if abs(place - other_place) <= near and not _forms_of_one_name(name, other)
    )
    used_names: set[int] = set()
    used_found: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_names and j not in used_found:
            pairs.append((names[i][0], found[j][0]))
            used_names.add(i)
            used_found.add(j)
    return pairs


# The first letter of a sentence in either script: a sentence's script is that of its opening letters, and every
# link asks, so only a few letters are read.
_LETTER = regex.compile(r"[A-Za-z\u0900-\u097f]")
_SCRIPT_LETTERS = 3


def _is_devanagari(side: Side, indexes: Sequence[int]) -> bool:
    """Whether a link's sentences on one side are written in Devanagari rather than Latin letters, by the majority of
    the first letters of its first sentence."""
    span = side.sentences[indexes[0]]
    letters: list[bool] = []
    position = span.start
    while len(letters) < _SCRIPT_LETTERS:
        match = _LETTER.search(side.text, position, span.end)
        if match is None:
            break
        letters.append(match.group() >= "\u0900")
        position = match.end()
    return sum(letters) * 2 > len(letters)


def _latin_words(text: str) -> list[str]:
    return [word for word in WORD_RE.findall(text) if is_latin_word(word) and word.casefold() not in STOPWORDS]


_PHRASE_WORDS = 3  # the most words of a name Hindi translates whole ("Papua New Guinea")


def _hindi_for(words: list[str]) -> set[str]:
    """The Hindi words (folded) that names among `words` translate to, alone or a few in a row ("United States")."""
    found: set[str] = set()
    for size in range(1, _PHRASE_WORDS + 1):
        for start in range(len(words) - size + 1):
            for native in hindi_names(" ".join(words[start : start + size])):
                found.update(native.split())
    return found


def _english_forms(word: str) -> tuple[str, ...]:
    """A Latin word and its singular ("Athenians", "Athenian"): Hindi writes a plural name in its own plural."""
    return (word, word[:-1]) if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else (word,)


def _same_letters(acronym: str, word: str) -> bool:
    """Whether a Devanagari word spells an acronym's letters in any order (RSPB ~ आरएसबीपी, a slip of the pen)."""
    spelled = spelled_acronym(word)
    return spelled is not None and acronym.isupper() and sorted(spelled) == sorted(acronym.casefold())


def _matched_across(word: str, latin: list[str], translated: set[str]) -> bool:
    """Whether a Devanagari word says what a word of the other side says: it sounds like it, or its stem does (a name
    or a loanword, "Obama" ~ ओबामा, "digital" ~ डिजिटल, "Arab" ~ अरबी), is its Hindi name (China ~ चीन) or spells
    its letters (KFC ~ केएफसी)."""
    stems = hindi_stems(word)
    if stems & translated or fold(word) in translated:
        return True
    return any(_says_word(other, word) for other in latin)


@lru_cache(maxsize=65536)
def _says_word(latin: str, devanagari: str) -> bool:
    """Whether a Latin word and a Devanagari one are one word by their sounds (the Latin one or its singular, the
    Devanagari one or its stem) or by an acronym's letters. Cached: a long text asks of the same pairs again."""
    return _same_letters(latin, devanagari) or any(
        sounds_alike(form, stem) for form in _english_forms(latin) for stem in hindi_stems(devanagari) | {devanagari}
    )


# Nearer than chance but short of `phonetic.alike`: enough to doubt that a word opening an English sentence is a name
# the Hindi leaves out when a Hindi word there sounds this near it ("Eon" ~ इयॉन).
NEAR_SOUND = 0.6


@lru_cache(maxsize=65536)
def _sounds_near(latin: str, devanagari: str) -> bool:
    return any(similarity(a, b) >= NEAR_SOUND for a in english_pronunciations(latin) for b in phones_of(devanagari))


def _place(start: int, side: Side, indexes: Sequence[int]) -> float:
    """Where an offset lies in a link's sentences on one side, as a share of their extent (0 at the start)."""
    first, last = side.sentences[indexes[0]], side.sentences[indexes[-1]]
    return (start - first.start) / max(last.end - first.start, 1)


def _place_in(sides: tuple[tuple[Side, Sequence[int]], ...], fact: Fact, side: int) -> float:
    return _place(fact.start, *sides[side])


_GLOSS = regex.compile(r"\s*\(\s*([A-Za-z][^()]{0,60})\)")


def _gloss(text: str, end: int) -> str | None:
    """The Latin spelling in brackets that follows a Hindi name ("एऔन (Aoun)"), or None: the name's own spelling,
    which says whether the other version names the same one."""
    match = _GLOSS.match(text, end)
    return match.group(1).strip() if match is not None else None


def _gloss_said(gloss: str, words: list[str]) -> bool:
    """Whether the other version's words say each word of a name's Latin gloss (or its singular)."""
    theirs = {form.casefold() for word in words for form in _english_forms(word)}
    return all(part.casefold() in theirs for part in _latin_words(gloss))


def names_only_in(
    hindi: Side, indexes: Sequence[int], latin: Side, latin_indexes: Sequence[int]
) -> list[tuple[Fact, float]]:
    """The names of a link's Hindi sentences that none of its other-language sentences' words says, with where each
    stands (`_place`): a name found in the Hindi alone (`hindi_names_in`) none of whose words sounds like a word
    there, translates one or spells its letters, and which overlaps no fact already found."""
    latin_text = " ".join(latin.sentences[i].text(latin.text) for i in latin_indexes)
    words = _latin_words(latin_text)
    translated = _hindi_for(words)
    taken = [(fact.start, fact.end) for i in indexes for fact in hindi.facts[i]]
    found = []
    for index in indexes:
        span = hindi.sentences[index]
        for name in hindi_names_in(hindi.text, span.start, span.end):
            if any(start < name.end and name.start < end for start, end in taken):
                continue
            gloss = _gloss(hindi.text, name.end)
            if gloss is not None:
                # The name spelled in Latin letters: said across when its spelling is, another name when it is not
                # ("हरीरी (Hariri)" against "Gillard").
                if not _gloss_said(gloss, words):
                    written = hindi.text[name.start : name.end]
                    fact = Fact("name", f"name:{fold(written)}", frozenset(), written, name.start, name.end)
                    found.append((fact, _place(name.start, hindi, indexes)))
                continue
            parts = list(WORD_RE.finditer(hindi.text, name.start, name.end))
            unsaid = [part for part in parts if not _matched_across(part.group(), words, translated)]
            if len(unsaid) < len(parts):
                # Part of it is said on the other side ("Simon" of साइमन क्रैट्शेमर): the rest is a name of its own
                # only where a word shows it is one and none across sounds even near it (साउल of "Saul Bass").
                unsaid = [
                    part
                    for part in unsaid
                    if word_sign(part.group()) is not None and not any(_sounds_near(w, part.group()) for w in words)
                ]
                spans = [(part.start(), part.end()) for part in unsaid]
            else:
                spans = [(name.start, name.end)]
            for start, end in spans:
                written = hindi.text[start:end]
                fact = Fact("name", f"name:{fold(written)}", frozenset(), written, start, end)
                found.append((fact, _place(start, hindi, indexes)))
    return found


def _spelled_in(name: str, hindi: str) -> bool:
    """Whether an acronym ("B.C.", "CRTC") is spelled out by its letters' names in Hindi text, however the Hindi
    spaces or dots them ("बी. सी.")."""
    acronym = acronym_in_devanagari(name.replace(".", ""))
    return acronym is not None and acronym in hindi.replace(".", "").replace(" ", "")


def _names_unmatched(facts: list[Fact], others: list[Fact], other_text: str) -> list[Fact]:
    """A side's names in a link that no fact of the other side (whose text is `other_text`) can be and that stand as
    names (not "the Army")."""
    return [
        fact
        for fact in _unmatched(facts, others)[0]
        if fact.kind == "name"
        and fact.certain
        and fact.text[:1].isascii()
        and (not _common_words(fact) or hindi_names(fact.text))  # "War" is no name; "China" is a place
        and not _spelled_in(fact.text, other_text)
        and not _written_in(fact.text, other_text)
    ]


def _written_in(name: str, other_text: str) -> bool:
    """Whether the other version writes a name in Latin letters too, as a gloss ("एऔन (Aoun)") or as it stands."""
    theirs = {word.casefold() for word in _latin_words(other_text)}
    parts = _latin_words(name)
    return bool(parts) and all(part.casefold() in theirs for part in parts)


def _names_against_hindi(
    latin: Side, latin_indexes: Sequence[int], hindi: Side, indexes: Sequence[int]
) -> list[tuple[Fact, Fact]]:
    """Names the Latin side of a link states that the Hindi side does not, paired with the names found in the Hindi
    alone (Hindi has no capitals: a name there that matches no English name is not a fact) at about their place."""
    facts_latin = [fact for i in latin_indexes for fact in latin.facts[i]]
    facts_hindi = [fact for j in indexes for fact in hindi.facts[j]]
    hindi_text = " ".join(hindi.sentences[j].text(hindi.text) for j in indexes)
    hindi_words = [word for word in WORD_RE.findall(hindi_text) if not is_latin_word(word)]
    unmatched = [name for name in _names_unmatched(facts_latin, facts_hindi, hindi_text) if not _era(name, latin.text)]
    loosely_said = [name for name in unmatched if _said_loosely(name, hindi_words)]
    names = [name for name in unmatched if name not in loosely_said] + _opening_names(
        latin, latin_indexes, hindi, indexes
    )
    common = not names
    if common:
        # No name left unsaid: a capitalised common word mid-sentence that no Hindi word says may be a name
        # ("these Bass hearings"), trusted only against a Hindi name the English does not say.
        names = _capitalised_common_runs(latin, latin_indexes, facts_latin)
        if not names:
            return []
        # Only a run some Hindi name word stands near is asked of further (the checks of sounds cost most).
        hindi_places = [
            _place(name.start, hindi, indexes)
            for j in indexes
            for name in hindi_names_in(hindi.text, hindi.sentences[j].start, hindi.sentences[j].end)
        ] + [_place(fact.start, hindi, indexes) for fact in facts_hindi if fact.kind == "name"]
        names = [
            name
            for name in names
            if any(
                abs(_place(name.start, latin, latin_indexes) - place) <= NEAR_PLACE_COMMON_WORD
                for place in hindi_places
            )
            and not _said_or_near(name, hindi_words)
        ]
        if not names:
            return []
    found = names_only_in(hindi, indexes, latin, latin_indexes)
    # ... and the Hindi names that are facts (they match a name elsewhere in the English) but none here.
    words = _latin_words(" ".join(latin.sentences[i].text(latin.text) for i in latin_indexes))
    translated = _hindi_for(words)
    found += [
        (fact, _place(fact.start, hindi, indexes))
        for fact in _unmatched(facts_latin, facts_hindi)[1]
        if fact.kind == "name"
        and (not common or _shows_its_signs(fact.text))
        and _surely_a_name(fact)
        and not fact.text[:1].isascii()
        and not any(_matched_across(word, words, translated) for word in WORD_RE.findall(fact.text))
    ]
    # The Hindi spelling of a name said loosely is no name of its own (ओवरियरे of फोर्स ओवरियरे).
    loose_words = [word for name in loosely_said for word in _latin_words(name.text)]
    found = [
        (fact, place)
        for fact, place in found
        if not any(_sounds_near(word, part) for word in loose_words for part in WORD_RE.findall(fact.text))
    ]
    placed = [(name, _place(name.start, latin, latin_indexes)) for name in names]
    if common:
        # A common word is a weaker sign of a name: its Hindi name must stand nearer its place, even alone.
        return _paired_by_place(placed, found, near=NEAR_PLACE_COMMON_WORD, alone_anywhere=False)
    if not found:
        # No Hindi name: a name Hindi commonly writes (सलमान, बदरपुर) stands where the English one did, as the word a
        # case postposition follows.
        marked = _marked_words(hindi, indexes, words, translated, [])
        return _paired_by_place(placed, marked, near=NEAR_PLACE_MARKED_WORD, alone_anywhere=False)
    return _paired_by_place(placed, found)


# Hindi's case postpositions that follow a person or a place as often as any noun: the agent's (ने), the object's
# (को) and the place's (में). The genitive's (का, के, की) follow the words that describe another far more often.
_POSTPOSITIONS = frozenset("ने को में".split())
# The oblique plural: a name is seldom plural ("लोगों", "इलाकों").
_PLURAL_OBLIQUE = "ों"
# How near its place a word a postposition marks must stand to be taken for the name an English one replaced.
NEAR_PLACE_MARKED_WORD = 0.15


def _marked_words(
    hindi: Side, indexes: Sequence[int], words: list[str], translated: set[str], found: list[Fact]
) -> list[tuple[Fact, float]]:
    """The Hindi words of a link a case postposition follows, that no word across says or sounds near, no stop word
    and no fact, each with its place: where a name stands in a Hindi sentence, though a common word may stand there
    too, so only a word near an English name's place is taken for it."""
    taken = [(fact.start, fact.end) for j in indexes for fact in hindi.facts[j]] + [(f.start, f.end) for f in found]
    marked = []
    for j in indexes:
        span = hindi.sentences[j]
        tokens = list(WORD_RE.finditer(hindi.text, span.start, span.end))
        for token, following in pairwise(tokens):
            word = token.group()
            if following.group() not in _POSTPOSITIONS or word in STOPWORDS or is_latin_word(word) or len(word) < 3:
                continue
            if word.endswith(_PLURAL_OBLIQUE):
                continue
            if hindi.text[token.end() : following.start()] != " ":
                continue
            if any(start < token.end() and token.start() < end for start, end in taken):
                continue
            if _matched_across(word, words, translated) or any(_sounds_near(other, word) for other in words):
                continue
            fact = Fact("name", f"name:{fold(word)}", frozenset(), word, token.start(), token.end())
            marked.append((fact, _place(token.start(), hindi, indexes)))
    return marked


# What follows or comes before a run of capitalised words in an institution's title: its acronym in brackets
# ("Renewable Energies (IRENA)"), or another capitalised word joined by "of", "for" or "and" ("Organization for").
_INSTITUTION = regex.compile(r"\s*(?:\(\s*[A-Z]{2,}\s*\)|(?:of|for|and)\s+(?:the\s+)?[A-Z])")
_INSTITUTION_BEFORE = regex.compile(r"[A-Z][a-z]+\s+(?:of|for|and)\s+(?:the\s+)?$")
_CAPITALISED_RUN = regex.compile(r"(?<![.:!?\"“'‘(]\s{0,2})\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\b")


def _shows_its_signs(hindi_name: str) -> bool:
    """Whether a Hindi name is one by its own sure signs (a place CLDR names, a spelled acronym), not only by matching
    an English name elsewhere, which in a long text a common Hindi word may do by chance."""
    return any((word_sign(word) or 0) >= NameSign.ACRONYM for word in WORD_RE.findall(hindi_name))


def _capitalised_common_runs(latin: Side, latin_indexes: Sequence[int], facts: list[Fact]) -> list[Fact]:
    """Runs of capitalised English common words inside a link's Latin sentences (never a sentence's first word, nor
    after a colon or quote) that overlap no fact but one of common words: words the English may capitalise as a name
    ("these Bass hearings", "Wild West")."""
    found = []
    for i in latin_indexes:
        span = latin.sentences[i]
        first = WORD_RE.search(latin.text, span.start, span.end)
        for run in _CAPITALISED_RUN.finditer(latin.text, span.start, span.end):
            if first is not None and run.start() == first.start():
                continue
            if any(fact.start < run.end() and run.start() < fact.end and not _common_words(fact) for fact in facts):
                continue
            words = run.group().split()
            if any(word.casefold() in STOPWORDS or not is_common_word(word) for word in words):
                continue
            if _INSTITUTION.match(latin.text, run.end()) or _INSTITUTION_BEFORE.search(
                latin.text, span.start, run.start()
            ):
                continue  # part of an institution's title, which translations render word by word
            found.append(
                Fact("name", f"name:{run.group().casefold()}", frozenset(), run.group(), run.start(), run.end())
            )
    return found


def _said_or_near(run: Fact, hindi_words: list[str]) -> bool:
    """Whether a Hindi word says a run of English words or sounds near one of them: the Hindi transliterates it, so
    it stands for no other name."""
    words = run.text.split()
    translated = _hindi_for(words)
    return any(
        _matched_across(other, words, translated) or any(_sounds_near(word, other) for word in words)
        for other in hindi_words
    )


@lru_cache(maxsize=1)
def _era_abbreviations() -> frozenset[str]:
    """CLDR's abbreviated English eras (BC, AD), through Babel."""
    return frozenset(Locale("en").eras["abbreviated"].values())


_BEFORE_ERA = regex.compile(r"(?:\d|\b(?:century|centuries|millennium))\W{0,3}$", regex.IGNORECASE)


def _era(name: Fact, text: str) -> bool:
    """Whether a name is an era after a year or century ("the 6th century AD"): part of a date, which Hindi often
    leaves out, rather than a name another can replace."""
    return name.text.replace(".", "") in _era_abbreviations() and bool(
        _BEFORE_ERA.search(text, max(name.start - 16, 0), name.start)
    )


def _said_loosely(name: Fact, hindi_words: list[str]) -> bool:
    """Whether the Hindi words of a link say a Latin name in a spelling too loose to match as a whole: a word of it
    sounds like a Hindi word ("Force" ~ फोर्स) and each other word sounds at least near one ("Ouvrière" ~ ओवरियरे) or
    is a common word, which the Hindi translates (स्वेज संकट, "Suez Crisis").
    A surname replaced under the same first name ("Simon Bellingham", साइमन पनवलकर) is not said."""
    words = _latin_words(name.text)
    return any(_says_word(word, other) for word in words for other in hindi_words) and all(
        is_common_word(word) or any(_says_word(word, other) or _sounds_near(word, other) for other in hindi_words)
        for word in words
    )


def _both_stated_elsewhere(pair: tuple[Fact, Fact], a: Side, b: Side) -> bool:
    """Whether each name of a pair is one the other version states somewhere: then neither replaced the other here;
    the two sentences say different things (a rewrite, or sentences paired that are not each other's translation),
    as "Russia" against यूक्रेन where both versions name Russia and Ukraine elsewhere."""
    return bool(pair[0].keys & _stated(b)) and bool(pair[1].keys & _stated(a))


def _stated(side: Side) -> frozenset[str]:
    return frozenset(key for sentence_facts in side.facts for fact in sentence_facts for key in fact.keys)


def _opening_names(latin: Side, latin_indexes: Sequence[int], hindi: Side, indexes: Sequence[int]) -> list[Fact]:
    """Capitalised words that open a sentence, are no common word and no fact, and that no Hindi word of the link
    says: names the facts leave out (a capital at a sentence's start says nothing), such as "Alexander" of
    "Alexander cavalry troopers ..." in a text that names him nowhere else."""
    hindi_words: list[str] | None = None  # read only when a sentence opens with a capital that may be a name
    found = []
    for i in latin_indexes:
        span = latin.sentences[i]
        first = WORD_RE.search(latin.text, span.start, span.end)
        if first is None:
            continue
        word = first.group()
        if not (is_latin_word(word) and word[:1].isupper() and len(word) > 1) or word.casefold() in STOPWORDS:
            continue
        if is_common_word(word) or any(
            fact.start < first.end() and first.start() < fact.end for fact in latin.facts[i]
        ):
            continue
        if hindi_words is None:
            hindi_text = " ".join(hindi.sentences[j].text(hindi.text) for j in indexes)
            hindi_words = [other for other in WORD_RE.findall(hindi_text) if not is_latin_word(other)]
        translated = _hindi_for([word])
        if any(_matched_across(other, [word], translated) or _sounds_near(word, other) for other in hindi_words):
            continue
        found.append(Fact("name", f"name:{word.casefold()}", frozenset(), word, first.start(), first.end()))
    return found


def _said_across(pair: tuple[Fact, Fact], latin: tuple[Side, Sequence[int]], hindi: tuple[Side, Sequence[int]]) -> bool:
    """Whether a name pair is no difference after all: a word of the link's Latin sentences says the Hindi name ("John"
    opening "John of Gaunt died", so no fact, for जॉन), or a Hindi word there sounds near the Latin name (गाउंट)."""
    latin_text = " ".join(latin[0].sentences[i].text(latin[0].text) for i in latin[1])
    hindi_text = " ".join(hindi[0].sentences[j].text(hindi[0].text) for j in hindi[1])
    ours, theirs = pair if pair[0].text[:1].isascii() else pair[::-1]
    words = _latin_words(latin_text)
    translated = _hindi_for(words)
    if any(_matched_across(word, words, translated) for word in WORD_RE.findall(theirs.text)):
        return True
    hindi_words = [word for word in WORD_RE.findall(hindi_text) if not is_latin_word(word)]
    return any(_sounds_near(word, other) for word in _latin_words(ours.text) for other in hindi_words)


def differences(a: Side, b: Side, links: Sequence[Link]) -> list[Difference]:
    """Every difference, in the order of the links."""
    found = []
    for index, link in enumerate(links):
        if not link.b:
            found += [Difference("sentence", index, a.sentences[i], None) for i in link.a]
            continue
        if not link.a:
            found += [Difference("sentence", index, None, b.sentences[j]) for j in link.b]
            continue
        facts_a = [fact for i in link.a for fact in a.facts[i] if not _era(fact, a.text)]
        facts_b = [fact for j in link.b for fact in b.facts[j] if not _era(fact, b.text)]
        pairs = _conflicts(facts_a, facts_b, partial(_place_in, ((a, link.a), (b, link.b))))
        hindi_a, hindi_b = _is_devanagari(a, link.a), _is_devanagari(b, link.b)
        if hindi_a != hindi_b:
            latin, hindi = ((a, link.a), (b, link.b)) if hindi_b else ((b, link.b), (a, link.a))
            pairs = [pair for pair in pairs if pair[0].kind != "name" or not _said_across(pair, latin, hindi)]
        if not any(fact.kind == "name" for fact, _ in pairs):
            if hindi_b and not hindi_a:
                pairs += _names_against_hindi(a, link.a, b, link.b)
            elif hindi_a and not hindi_b:
                pairs += [(ours, theirs) for theirs, ours in _names_against_hindi(b, link.b, a, link.a)]
        if hindi_a != hindi_b:
            pairs = [pair for pair in pairs if pair[0].kind != "name" or not _both_stated_elsewhere(pair, a, b)]
        for fact_a, fact_b in sorted(pairs, key=lambda pair: pair[0].start):
            found.append(Difference(fact_a.kind, index, Span(fact_a.start, fact_a.end), Span(fact_b.start, fact_b.end)))
    return found
