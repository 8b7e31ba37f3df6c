"""English or romanised Hindi, word by word, for Latin-script text ("kal Delhi mein meeting hai, please confirm").

Each word is scored by how much more common it is as romanised Hindi than as English (`data/latin_words.tsv.gz`:
wordfreq's English list, and its Hindi list spelled in casual Latin letters), plus a short list of frequent Hindi
function words written the ways people type them. A word's own score decides; its neighbours' scores (two on each
side) tip the balance for words common in both ("to", "do", "is") and decide words found in neither list.

The constants below were chosen by measuring on the HingLID validation split (benchmarks/language_accuracy.py); none
of its text or labels is in the table or the lists.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal

LatinLang = Literal["en", "hi"]

TABLE_PATH = Path(__file__).with_name("data") / "latin_words.tsv.gz"
# The romanised Hindi frequencies are generous (every casual spelling gets the frequency of the word it spells), so a
# word must be this much more common as Hindi (in Zipf units) to count as Hindi.
HINDI_HANDICAP = 1.0
SCORE_LIMIT = 2.0  # no single word outvotes its context by more than this
CONTEXT_WEIGHT = 0.3
CONTEXT_WINDOW = 2
# A listed function word scores at least this: about even, so that a Hindi context makes it Hindi ("to" in "ye to
# sahi hai") and an English one English ("to" in "went to school").
FUNCTION_WORD_FLOOR = -0.25

# Frequent Hindi words in the spellings people type, some of them also English words ("me", "par"): listed here they
# count as Hindi whenever they are about as common in both.
HINDI_FUNCTION_WORDS = frozenset(
    """hai hain h hein hn ho hoga hogi honge hota hoti hote hu hun hoon tha thi thay ka ki ke k ko se me mein
    mai mujhe muje mujhko hum hame hume humein humne tum tumhe tumhara tu tujhe aap ap apna apne apni ye yeh yah
    wo woh vo voh vah iss uss unka unki unke uska uski uske inka inki inke kya kyu kyun kyon kaise kaun kahan
    kab jab tab abhi bhi nahi nahin nhi na mat aur par pe pr kr kar karo karna karne karte karta karti kiya kiye
    kia diya liya liye lie raha rahi rahe rha rhi rhe gaya gayi gaye gya gyi sab kuch koi ek ji bhai yaar yr wala
    wali wale sath saath bahut bohot bht accha acha achha theek thik lekin magar agar toh tho""".split()
)


@lru_cache(maxsize=1)
def table() -> dict[str, float]:
    """Word -> score: positive for romanised Hindi, negative for English, within +-SCORE_LIMIT."""
    scores: dict[str, float] = {}
    with gzip.open(TABLE_PATH, "rt", encoding="utf-8") as stream:
        for line in stream:
            difference, _, listed = line.partition("\t")
            score = max(-SCORE_LIMIT, min(SCORE_LIMIT, int(difference) / 10 - HINDI_HANDICAP))
            scores.update(dict.fromkeys(listed.split(), score))
    for word in HINDI_FUNCTION_WORDS:
        scores[word] = max(scores.get(word, FUNCTION_WORD_FLOOR), FUNCTION_WORD_FLOOR)
    return scores


def word_score(word: str, scores: dict[str, float] | None = None) -> float:
    """How Hindi a Latin-script word looks on its own: > 0 Hindi, < 0 English, 0 unknown."""
    lowered = word.lower()
    if not any(char.isalpha() for char in lowered):
        return 0.0
    return (scores if scores is not None else table()).get(lowered, 0.0)


def tag_words(words: Sequence[str]) -> list[LatinLang]:
    """en or hi for each word, in context (pass the words of one sentence or line, in order)."""
    scores = table()
    own = [word_score(word, scores) for word in words]
    tags: list[LatinLang] = []
    for index, score in enumerate(own):
        neighbours = own[max(0, index - CONTEXT_WINDOW) : index] + own[index + 1 : index + 1 + CONTEXT_WINDOW]
        context = sum(neighbours) / len(neighbours) if neighbours else 0.0
        tags.append("hi" if score + CONTEXT_WEIGHT * context > 0 else "en")
    return tags
