"""Deciding a language within one script.

- Devanagari: Hindi unless a paragraph's function words say Marathi or Nepali.
- Latin: English unless the words are romanised Hindi (Hinglish) or a detector is sure of another language.
- Arabic script: Urdu, Persian or Arabic from their distinctive letters and words.
- Anything else: langdetect.

langdetect is random unless seeded, raises on letterless text and its global factory is not safe to build from
several threads, so `SeededDetector` owns a private, seeded factory behind a lock and never raises.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from summarizers.language import romanized
from summarizers.text.scripts import Script
from summarizers.text.spans import words

MARKERS_DEVANAGARI: dict[str, frozenset[str]] = {
    "hi": frozenset(
        [
            "है",
            "हैं",
            "और",
            "का",
            "की",
            "के",
            "में",
            "से",
            "ने",
            "था",
            "थी",
            "थे",
            "यह",
            "वह",
            "नहीं",
            "भी",
            "किया",
            "गया",
            "कहा",
            "लिए",
            "इस",
            "उन्होंने",
            "साथ",
            "रहे",
        ]
    ),
    "mr": frozenset(
        [
            "आहे",
            "आहेत",
            "आणि",
            "नाही",
            "केले",
            "म्हणून",
            "त्यांनी",
            "असे",
            "मध्ये",
            "करण्यात",
            "झाले",
            "आली",
            "यांनी",
            "पण",
            "सांगितले",
            "म्हणाले",
            "होती",
            "झाली",
            "आपल्या",
        ]
    ),
    "ne": frozenset(
        [
            "छ",
            "छन्",
            "छैन",
            "गरेको",
            "गरे",
            "भएको",
            "थियो",
            "हुन्छ",
            "पनि",
            "लागि",
            "गर्न",
            "गरेका",
            "भने",
            "यो",
            "त्यो",
            "उनले",
            "भन्दा",
            "रहेको",
            "सक्ने",
            "अनि",
            "गरिएको",
        ]
    ),
}
_MARKERS_ARABIC: dict[str, frozenset[str]] = {
    "ur": frozenset(
        ["ہے", "ہیں", "کے", "کی", "کا", "میں", "اور", "نے", "سے", "کو", "کہ", "یہ", "وہ", "تھا", "تھی", "گیا"]
    ),
    "fa": frozenset(["است", "این", "که", "را", "می\u200cشود", "بود", "شد", "آن", "های", "برای"]),
    "ar": frozenset(["في", "من", "على", "الذي", "التي", "أن", "إلى", "عن", "هذا", "هذه", "كان"]),
}
ROMANISED_SHARE = 0.3  # of a Latin-script paragraph's words tagged romanised Hindi: it is Hindi, not another language
_URDU_LETTERS = frozenset("ٹڈڑںےۓ")

# Romanised Hindi function words. Words that are also common English words ("to", "me", "the", "is", "main")
# are left out so that English text is never taken for Hinglish.
HINGLISH_WORDS = frozenset(
    [
        "hai",
        "hain",
        "nahi",
        "nahin",
        "kya",
        "kyun",
        "kyon",
        "bhi",
        "tha",
        "thi",
        "thay",
        "raha",
        "rahi",
        "rahe",
        "gaya",
        "gayi",
        "gaye",
        "karna",
        "karne",
        "karte",
        "kiya",
        "kiye",
        "yeh",
        "woh",
        "aur",
        "mein",
        "ka",
        "ki",
        "ke",
        "ko",
        "se",
        "hum",
        "humein",
        "aap",
        "tum",
        "mujhe",
        "apna",
        "apne",
        "apni",
        "bahut",
        "kuch",
        "sab",
        "liye",
        "lekin",
        "agar",
        "jab",
        "tab",
        "abhi",
        "sirf",
        "sabse",
        "wala",
        "wali",
        "wale",
        "waala",
        "hoga",
        "hogi",
        "honge",
        "diya",
        "liya",
        "karenge",
        "chahiye",
        "sakta",
        "sakte",
        "sakti",
        "baat",
        "ji",
        "ek",
        "hota",
        "hoti",
        "hote",
        "kaise",
        "kaun",
        "kahan",
        "yahan",
        "wahan",
        "accha",
        "acha",
        "theek",
        "thik",
        "zaroor",
        "bohot",
        "matlab",
    ]
)
ENGLISH_STOPWORDS = frozenset(
    [
        "the",
        "is",
        "are",
        "was",
        "were",
        "of",
        "and",
        "to",
        "in",
        "that",
        "it",
        "for",
        "on",
        "with",
        "as",
        "by",
        "this",
        "be",
        "at",
        "from",
        "has",
        "have",
        "had",
        "an",
        "which",
        "will",
        "would",
        "said",
        "not",
        "but",
        "or",
        "they",
        "their",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "been",
        "its",
        "than",
        "after",
        "also",
        "who",
        "into",
        "about",
        "there",
        "more",
    ]
)


def _marker_vote(tokens: list[str], markers: dict[str, frozenset[str]]) -> dict[str, int]:
    return {lang: sum(1 for token in tokens if token in vocabulary) for lang, vocabulary in markers.items()}


def _decisive(votes: dict[str, int], minimum: int = 2, margin: float = 1.5) -> str | None:
    ranked = sorted(votes.items(), key=lambda item: item[1], reverse=True)
    best, best_count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if best_count >= minimum and best_count >= margin * runner_up:
        return best
    return None


def _hinglish_counts(tokens: list[str]) -> tuple[int, int, int]:
    hindi = sum(1 for token in tokens if token in HINGLISH_WORDS)
    english = sum(1 for token in tokens if token in ENGLISH_STOPWORDS)
    return hindi, english, len(tokens)


def hinglish_score(text: str) -> tuple[int, int, int]:
    """(romanised Hindi function words, English stopwords, all words) in a Latin-script text."""
    return _hinglish_counts(words(text))


def _is_hinglish(hindi: int, english: int, total: int) -> bool | None:
    if hindi + english < 2:
        return None
    return hindi >= 2 and hindi > 1.5 * english and hindi >= 0.2 * total


def is_hinglish(text: str) -> bool | None:
    """True for romanised Hindi, False for English-like text, None when the text is too short to tell."""
    return _is_hinglish(*hinglish_score(text))


class SeededDetector:
    """A private, seeded langdetect factory; thread-safe, never raises."""

    def __init__(self, seed: int = 0) -> None:
        self._seed = seed
        self._lock = threading.Lock()
        self._factory: object | None = None

    def _ensure_factory(self) -> object:
        if self._factory is None:
            from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

            factory = DetectorFactory()
            factory.load_profile(PROFILES_DIRECTORY)
            factory.set_seed(self._seed)
            self._factory = factory
        return self._factory

    def probabilities(self, text: str) -> list[tuple[str, float]]:
        """[(ISO 639-1 code, probability)], best first; empty when nothing can be told."""
        from langdetect.lang_detect_exception import LangDetectException

        with self._lock:
            factory = self._ensure_factory()
            try:
                detector = factory.create()  # type: ignore[attr-defined]
                detector.append(text)
                ranked = detector.get_probabilities()
            except LangDetectException:
                return []
        return [(str(item.lang).split("-")[0], float(item.prob)) for item in ranked]

    def detect(self, text: str, threshold: float = 0.0) -> str | None:
        ranked = self.probabilities(text)
        if ranked and ranked[0][1] >= threshold:
            return ranked[0][0]
        return None


_DETECTOR = SeededDetector()


def detector() -> SeededDetector:
    return _DETECTOR


@lru_cache(maxsize=4096)
def devanagari_language(paragraph: str) -> str:
    """hi, mr or ne for a Devanagari paragraph; Hindi unless the paragraph clearly says otherwise."""
    tokens = words(paragraph)
    votes = _marker_vote(tokens, MARKERS_DEVANAGARI)
    if "ळ" in paragraph:
        votes["mr"] += paragraph.count("ळ")
    decided = _decisive(votes)
    if decided:
        return decided
    if len(tokens) >= 6:
        guess = _DETECTOR.detect(paragraph, threshold=0.9)
        if guess in ("mr", "ne"):
            return guess
    return "hi"


@lru_cache(maxsize=4096)
def arabic_language(paragraph: str) -> str:
    tokens = words(paragraph)
    votes = _marker_vote(tokens, _MARKERS_ARABIC)
    votes["ur"] += sum(1 for char in paragraph if char in _URDU_LETTERS)
    decided = _decisive(votes, minimum=1)
    if decided:
        return decided
    guess = _DETECTOR.detect(paragraph, threshold=0.5)
    return guess if guess in ("ur", "fa", "ar", "ps", "sd") else "ar"


@lru_cache(maxsize=4096)
def latin_language(paragraph: str) -> str:
    """en, hi (romanised Hindi) or another Latin-script language for a paragraph."""
    tokens = words(paragraph)  # split once: this runs on every Latin-script paragraph
    hindi, english, total = _hinglish_counts(tokens)
    if _is_hinglish(hindi, english, total):
        return "hi"
    letters = sum(1 for char in paragraph if char.isalpha())
    if letters < 60 or english >= 0.12 * total:
        return "en"  # short text: detectors guess wildly; English stopwords present: it is English
    tags = romanized.tag_words(tokens)
    if tags.count("hi") >= ROMANISED_SHARE * len(tags):
        return "hi"  # casual romanised Hindi has few of the listed function words, and detectors call it Albanian
    guess = _DETECTOR.detect(paragraph, threshold=0.95)
    return guess or "en"


@lru_cache(maxsize=4096)
def other_script_language(paragraph: str) -> str:
    return _DETECTOR.detect(paragraph, threshold=0.5) or "und"


def language_for(script: Script, paragraph: str) -> str:
    if script == "Deva":
        return devanagari_language(paragraph)
    if script == "Latn":
        return latin_language(paragraph)
    if script == "Arab":
        return arabic_language(paragraph)
    return other_script_language(paragraph)
