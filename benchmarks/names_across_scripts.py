"""The facts table of two language versions on the dev PUD set: how many English facts find their Hindi counterpart.

    python benchmarks/names_across_scripts.py [--data ../shared/data/dev] [--show 30]

Each dev article's English sentences are compared with their own Hindi translation (faithful pairs: every fact
stated in English is in the Hindi too, so an unmatched one is the matcher's miss), and with the Hindi of the next
article (different stories: a matched fact there is mostly a false match; consecutive articles do share some
places). Prints the share of English facts left unmatched in the facts table (by kind), the share of all rows
unmatched, the share of English facts matched across different stories, the names most often unmatched, and the
time to build the facts table for one article pair and for two 1,500-word versions (median of several runs).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizers.attribution import facts  # noqa: E402
from summarizers.attribution.facts import FactComparison, FactMatcher  # noqa: E402
from summarizers.language import phonetic  # noqa: E402

RUNS = 5


def _versions(row: dict[str, list[str]]) -> tuple[str, str]:
    return " ".join(row["en"]), " ".join(row["hi"])


def _english_rows(comparison: FactComparison) -> int:
    return len(comparison.shared) + len(comparison.only_a)


def _long_versions(rows: list[dict[str, list[str]]], words: int) -> tuple[str, str]:
    """About `words` English words of consecutive articles, and their Hindi."""
    english: list[str] = []
    hindi: list[str] = []
    for row in rows:
        if sum(len(text.split()) for text in english) >= words:
            break
        text_en, text_hi = _versions(row)
        english.append(text_en)
        hindi.append(text_hi)
    return " ".join(english), " ".join(hindi)


def _median_seconds(text_a: str, text_b: str) -> float:
    times = []
    for _ in range(RUNS):
        # Each run as if the texts were new: the sounds of their words and the index of names are worked out again
        # (the pronouncing dictionary itself stays loaded, as in a running app).
        facts._phonetic_index.cache_clear()
        phonetic.devanagari_phones.cache_clear()
        phonetic.english_pronunciations.cache_clear()
        start = time.perf_counter()
        FactMatcher(text_a, text_b)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "dev")
    parser.add_argument("--show", type=int, default=30, help="how many of the most often unmatched facts to list")
    args = parser.parse_args()
    rows = [json.loads(line) for line in (args.data / "pud_versions.jsonl").read_text("utf-8").splitlines()]

    english = unmatched = every_row = every_unmatched = 0
    by_kind: Counter[str] = Counter()
    unmatched_by_kind: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for row in rows:
        comparison = FactMatcher(*_versions(row)).comparison
        english += _english_rows(comparison)
        unmatched += len(comparison.only_a)
        every_row += _english_rows(comparison) + len(comparison.only_b)
        every_unmatched += len(comparison.only_a) + len(comparison.only_b)
        by_kind.update(a.kind for a, _ in comparison.shared)
        by_kind.update(fact.kind for fact in comparison.only_a)
        unmatched_by_kind.update(fact.kind for fact in comparison.only_a)
        missed.update(fact.text for fact in comparison.only_a)

    different = matched = 0
    for index, row in enumerate(rows):
        other = rows[(index + 1) % len(rows)]
        comparison = FactMatcher(_versions(row)[0], _versions(other)[1]).comparison
        different += _english_rows(comparison)
        matched += len(comparison.shared)

    print(f"articles: {len(rows)}")
    print(f"faithful pairs: English facts unmatched {unmatched}/{english} = {unmatched / max(english, 1):.1%}")
    for kind in sorted(by_kind):
        share = unmatched_by_kind[kind] / by_kind[kind]
        print(f"  {kind}: unmatched {unmatched_by_kind[kind]}/{by_kind[kind]} = {share:.1%}")
    print(
        f"faithful pairs: all rows unmatched {every_unmatched}/{every_row} = {every_unmatched / max(every_row, 1):.1%}"
    )
    print(f"different stories: English facts matched {matched}/{different} = {matched / max(different, 1):.1%}")
    print("most often unmatched:", ", ".join(f"{text} ({count})" for text, count in missed.most_common(args.show)))

    FactMatcher("Modi met Chris in Delhi.", "मोदी दिल्ली में क्रिस से मिले।")  # loads the tables once
    first_en, first_hi = _versions(rows[0])
    print(f"facts table of one article pair: {_median_seconds(first_en, first_hi) * 1000:.1f} ms (median of {RUNS})")
    long_en, long_hi = _long_versions(rows, 1500)
    seconds = _median_seconds(long_en, long_hi)
    print(f"facts table of two {len(long_en.split())}-word versions: {seconds * 1000:.0f} ms (median of {RUNS})")


if __name__ == "__main__":
    main()
