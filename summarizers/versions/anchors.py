"""What the aligner knows of each sentence of a version: its length and its anchors, the things a translation keeps.

- facts (`attribution.facts`): a figure or date is seldom shared by chance, a name more often (a story names its
  people again and again);
- other words whose consonants a word of the other version spells: a loanword Hindi writes in Devanagari ("digital",
  "डिजिटल"), or a chance likeness; weak alone, they tell neighbouring sentences of similar length apart;
- punctuation a translation keeps: commas, quotation marks, brackets, question marks, each occurrence an anchor (two
  commas match two commas better than one).
"""

from __future__ import annotations

from functools import lru_cache

from summarizers.language.transliteration import skeleton
from summarizers.text.lexicon import STOPWORDS
from summarizers.text.spans import WORD_RE
from summarizers.versions.alignment import Anchor, Sentence
from summarizers.versions.differences import Side

FACT_WEIGHTS = {"number": 1.0, "date": 1.0, "name": 0.6}
WORD_WEIGHT = 0.3
WORD_CONSONANTS = 3  # fewer consonants match too many words by chance
MARKS = {",": "comma", "?": "question", "(": "bracket", ":": "colon", ";": "semicolon", "“": "quote", '"': "quote"}
MARK_WEIGHT = 0.3


@lru_cache(maxsize=65536)
def word_anchor(word: str) -> Anchor | None:
    """A word's consonant skeleton as an anchor; None for a function word or one of too few consonants."""
    if word.casefold() in STOPWORDS:
        return None
    consonants = skeleton(word)
    return Anchor(frozenset({f"word:{consonants}"}), WORD_WEIGHT) if len(consonants) >= WORD_CONSONANTS else None


@lru_cache(maxsize=256)
def _mark_anchor(mark: str, number: int) -> Anchor:
    return Anchor(frozenset({f"mark:{mark}:{number}"}), MARK_WEIGHT)


def sentence_of(version: Side, index: int) -> Sentence:
    span = version.sentences[index]
    text = version.text[span.start : span.end]
    anchors: dict[str | frozenset[str], Anchor] = {}  # each fact once (by its value), each word or mark once
    for fact in version.facts[index]:
        # A figure spelled in Hindi words (चार) anchors where the other side states it, but one the other side lacks
        # says nothing of a sentence standing alone: translations spell out and add such figures at will.
        anchors.setdefault(fact.key, Anchor(fact.keys, FACT_WEIGHTS[fact.kind], fact.kind != "name" and fact.certain))
    for word in WORD_RE.findall(text):
        anchor = word_anchor(word)
        if anchor is not None:
            anchors.setdefault(anchor.keys, anchor)
    counts: dict[str, int] = {}
    for char, mark in MARKS.items():
        if char in text:
            counts[mark] = counts.get(mark, 0) + text.count(char)
    for mark, count in counts.items():
        for number in range(1, count + 1):
            anchor = _mark_anchor(mark, number)
            anchors[anchor.keys] = anchor
    return Sentence(len("".join(text.split())), tuple(anchors.values()))


def sentences_of(version: Side) -> list[Sentence]:
    return [sentence_of(version, index) for index in range(len(version.sentences))]
