"""Rebuild `common_words.txt.gz`: English words that are common words, never names, for telling a capitalised common
noun ("the Army", "Hospitals") from a name.

    pip install english-words==2.0.2 wordfreq==3.1.1   # requirements-dev.txt
    python -m summarizers.language.data.build_common_words

A word is kept when Webster's Second International (the `web2` list `english-words` ships) lists it in lower case
only, never capitalised as a proper noun, and wordfreq finds it at least as common as `MIN_ZIPF` in English (rarer
words seldom stand capitalised in news, and would only grow the file). One word a line, sorted. See README.md in this
folder for the sources and licences.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from english_words import get_english_words_set  # type: ignore[import-untyped]
from wordfreq import zipf_frequency

OUTPUT = Path(__file__).with_name("common_words.txt.gz")
MIN_ZIPF = 3.0


def common_words(dictionary: set[str]) -> list[str]:
    capitalised = {word.casefold() for word in dictionary if word[:1].isupper()}
    lower = {word for word in dictionary if word.islower() and word not in capitalised}
    return sorted(word for word in lower if zipf_frequency(word, "en") >= MIN_ZIPF)


def main() -> None:
    words = common_words(get_english_words_set(["web2"], lower=False, alpha=True))
    OUTPUT.write_bytes(gzip.compress("".join(f"{word}\n" for word in words).encode(), compresslevel=9, mtime=0))
    print(f"{len(words)} words -> {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
