"""Stopwords and light stemmers for English and Hindi, shared by ranking, ROUGE and attribution.

The Hindi stemmer strips the longest inflectional suffix (after Ramanathan & Rao, "A Lightweight Stemmer for
Hindi", 2003), keeping at least two code points of stem. The English one strips a few regular suffixes; both are
deliberately light: they only need to make "talks"/"talked" and "वार्ताओं"/"वार्ता" meet.
"""

from __future__ import annotations

from functools import lru_cache

from summarizers.scripts import dominant_script
from summarizers.text import words

ENGLISH_STOPWORDS = frozenset(
    ["a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "said", "says", "say", "according", "mr", "mrs", "ms"]
)
HINDI_STOPWORDS = frozenset(
    ["अत", "अपना", "अपनी", "अपने", "अभी", "आदि", "आप", "इत्यादि", "इन", "इनका", "इन्हीं", "इन्हें", "इन्हों", "इस", "इसका", "इसकी", "इसके", "इसमें", "इसी", "इसे", "उन", "उनका", "उनकी", "उनके", "उनको", "उन्हीं", "उन्हें", "उन्हों", "उस", "उसके", "उसी", "उसे", "एक", "एवं", "एस", "ऐसे", "और", "कई", "कर", "करता", "करते", "करना", "करने", "करें", "कहते", "कहा", "का", "काफ़ी", "कि", "कितना", "किन्हें", "किन्हों", "किया", "किर", "किस", "किसी", "किसे", "की", "कुछ", "कुल", "के", "को", "कोई", "कौन", "कौनसा", "गया", "घर", "जब", "जहाँ", "जा", "जितना", "जिन", "जिन्हें", "जिन्हों", "जिस", "जिसे", "जीधर", "जैसा", "जैसे", "जो", "तक", "तब", "तरह", "तिन", "तिन्हें", "तिन्हों", "तिस", "तिसे", "तो", "था", "थी", "थे", "दबारा", "दिया", "दुसरा", "दूसरे", "दो", "द्वारा", "न", "नके", "नहीं", "ना", "निहायत", "नीचे", "ने", "पर", "पहले", "पूरा", "पे", "फिर", "बनी", "बही", "बहुत", "बाद", "बाला", "बिलकुल", "भी", "भीतर", "मगर", "मानो", "मे", "में", "यदि", "यह", "यहाँ", "यही", "या", "यिह", "ये", "रखें", "रहा", "रहे", "ऱ्वासा", "लिए", "लिये", "लेकिन", "व", "वग़ैरह", "वर्ग", "वह", "वहाँ", "वहीं", "वाले", "वुह", "वे", "वो", "सकता", "सकते", "सबसे", "सभी", "साथ", "साबुत", "साभ", "सारा", "से", "सो", "संग", "ही", "हुआ", "हुई", "हुए", "है", "हैं", "हो", "होता", "होती", "होते", "होना", "होने", "गई", "गए", "रही", "थीं", "जाता", "जाती", "जाते", "जाएगा", "जाएगी", "होगा", "होगी", "हुईं"]
)
STOPWORDS = ENGLISH_STOPWORDS | HINDI_STOPWORDS

_HINDI_SUFFIXES = sorted(
    ["ाएंगी", "ाएंगे", "ाऊंगी", "ाऊंगा", "ाइयाँ", "ाइयों", "ाइयां", "अंगी", "अंगा", "अंगे", "ऊंगी", "ऊंगा", "एंगी", "एंगे", "ियाँ", "ियों", "ियां", "ाओं", "ाएं", "ाओ", "ाए", "ाता", "ाती", "ाते", "ाना", "ानी", "ाने", "ाया", "ाई", "ों", "ें", "ीं", "ती", "ता", "ते", "ना", "नी", "ने", "ाँ", "ां", "ो", "े", "ू", "ु", "ी", "ि", "ा"],
    key=len,
    reverse=True,
)
_ENGLISH_SUFFIXES = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("ly", ""), ("s", ""))


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """Light stem of one case-folded word token, in either script."""
    if dominant_script(word) == "Deva":
        for suffix in _HINDI_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                return word[: -len(suffix)]
        return word
    if len(word) <= 3 or not word.isascii():
        return word
    for suffix, replacement in _ENGLISH_SUFFIXES:
        if suffix == "s" and word[-2] in "ius":  # this, bus, glass
            continue
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + replacement
    return word


def content_terms(text: str) -> list[str]:
    """Stemmed words with stopwords removed: the terms that carry a sentence's content."""
    return [stem(token) for token in words(text) if token not in STOPWORDS]


def all_terms(text: str) -> list[str]:
    """Stemmed words, stopwords kept (ROUGE counts them)."""
    return [stem(token) for token in words(text)]
