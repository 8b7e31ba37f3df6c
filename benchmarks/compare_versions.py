"""Comparing two language versions of one story, on human translations (`pud_versions.jsonl`: English news and
Wikipedia sentences with their Hindi translation, sentence i of one translating sentence i of the other).

    python benchmarks/compare_versions.py [--data ../shared/data/dev] [--runs 5] [--skip-large] [--large-runs 1]
                                          [--speed-only]

Every pair goes through `compare_sides` as `compare` runs it offline (extractive summaries, the offline checker).
Prints:
- faithful pairs: differences reported per sentence (the version pairs are faithful, so each is a false alarm) and
  the share of fact rows left unmatched in the facts table;
- changed pairs, made here from each article's English: one number altered, one name swapped for another
  article's, one sentence deleted. For each kind: the share of articles where a difference of that kind lies at the
  changed sentence on both sides (the deleted sentence: its translation listed as only in the Hindi; also by half,
  as the alignment's weights were chosen on the even-numbered articles), and for a number or a name, the share where
  it is one difference pairing the new value with the translation's;
- different stories (the English of one article against the Hindi of the next): the share of English fact rows
  matched;
- alignment: the share of dev sentences aligned with their own translation;
- speed: `compare_sides` of two 1,500-word versions (median of --runs), and of two 500,000-character texts (median
  of --large-runs, each run's texts without another article), with the CPU time of its stages.

Results without "differences" or "alignment" (older code) print n/a for the figures that need them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from summarizers.attribution.checkers import OfflineChecker  # noqa: E402
from summarizers.attribution.facts import FactMatcher  # noqa: E402
from summarizers.compare import compare_sides, document_side  # noqa: E402
from summarizers.documents.reading import from_text  # noqa: E402
from summarizers.pipeline import Options  # noqa: E402

NUMBER = re.compile(r"(?<![\w.,])\d+(?:,\d{3})*(?![\w,]|\.\d)")
LARGE_CHARS = 500_000
SPEED_WORDS = 1_500


@dataclass(frozen=True)
class Version:
    """One language version: its text and where each of its dev sentences lies in it."""

    text: str
    spans: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, sentences: list[str]) -> Version:
        spans, parts, position = [], [], 0
        for sentence in sentences:
            spans.append((position, position + len(sentence)))
            parts.append(sentence)
            position += len(sentence) + 1
        return cls(" ".join(parts), tuple(spans))


def compare(a: str, b: str) -> dict[str, Any]:
    sides = (document_side(from_text(a, "English")), document_side(from_text(b, "Hindi")))
    return compare_sides(*sides, Options("extractive"), OfflineChecker())


def _share(part: float, whole: float) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"


def _inside(start: int | None, span: tuple[int, int]) -> bool:
    return start is not None and span[0] <= start < span[1]


# ---------------------------------------------------------------- faithful pairs and different stories


def faithful(articles: list[dict[str, Any]]) -> None:
    differences, sentences, rows, unmatched = 0, 0, 0, 0
    has_differences = True
    kinds: dict[str, int] = {}
    by_half = [[0, 0], [0, 0]]  # differences and sentences of the even- and odd-numbered articles
    for index, article in enumerate(articles):
        result = compare(" ".join(article["en"]), " ".join(article["hi"]))
        sentences += len(article["en"])
        by_half[index % 2][1] += len(article["en"])
        if "differences" not in result:
            has_differences = False
        for difference in result.get("differences", []):
            differences += 1
            by_half[index % 2][0] += 1
            kinds[difference["kind"]] = kinds.get(difference["kind"], 0) + 1
        rows += len(result["facts"])
        unmatched += sum(row["in"] != "both" for row in result["facts"])
    per_sentence = f"{differences / sentences:.3f}" if has_differences else "n/a"
    print(f"faithful pairs ({len(articles)} articles, {sentences} English sentences)")
    print(f"  differences per sentence: {per_sentence} (target <= 0.05) {kinds or ''}")
    if has_differences:
        (even, even_sentences), (odd, odd_sentences) = by_half
        print(
            f"    even-numbered articles (tuned on): {even / even_sentences:.3f} ({even} in {even_sentences});"
            f" odd (held out): {odd / odd_sentences:.3f} ({odd} in {odd_sentences})"
        )
    print(f"  fact rows unmatched: {_share(unmatched, rows)} ({unmatched} of {rows}; target <= 10%)")


def different_stories(articles: list[dict[str, Any]]) -> None:
    english, matched = 0, 0
    for index, article in enumerate(articles):
        other = articles[(index + 1) % len(articles)]
        result = compare(" ".join(article["en"]), " ".join(other["hi"]))
        rows = [row for row in result["facts"] if row["a"] is not None]
        english += len(rows)
        matched += sum(row["in"] == "both" for row in rows)
    print(f"different stories (English of one article, Hindi of the next; {len(articles)} pairs)")
    print(f"  English fact rows matched: {_share(matched, english)} ({matched} of {english}; target <= 10%)")


# ---------------------------------------------------------------- alignment


def alignment(articles: list[dict[str, Any]]) -> None:
    total, right, available = 0, 0, True
    for article in articles:
        en, hi = Version.of(article["en"]), Version.of(article["hi"])
        result = compare(en.text, hi.text)
        total += len(article["en"])
        if "alignment" not in result:
            available = False
            continue
        own = [_sentence_indexes(result, 0, span) for span in en.spans]
        theirs = [_sentence_indexes(result, 1, span) for span in hi.spans]
        for mine, translation in zip(own, theirs, strict=True):
            right += any(set(link["a"]) & mine and set(link["b"]) & translation for link in result["alignment"])
    figure = _share(right, total) if available else "n/a"
    print(f"alignment: {figure} of {total} dev sentences aligned with their own translation (target >= 95%)")


def _sentence_indexes(result: dict[str, Any], side: int, span: tuple[int, int]) -> set[int]:
    """The compared sentences of version `side` that overlap a dev sentence's span."""
    sentences = result["sides"][side]["sentences"]
    return {i for i, s in enumerate(sentences) if s["start"] < span[1] and span[0] < s["end"]}


# ---------------------------------------------------------------- changed pairs


@dataclass
class Tally:
    eligible: int = 0
    found: int = 0
    paired: int = 0

    def line(self, kind: str, pairs: bool) -> str:
        paired = f"; one difference pairing old and new: {_share(self.paired, self.eligible)}" if pairs else ""
        return (
            f"  {kind}: found at the right sentence in {_share(self.found, self.eligible)} of {self.eligible}{paired}"
        )


def _replace(version: Version, start: int, end: int, new: str, sentence: int) -> Version:
    text = version.text[:start] + new + version.text[end:]
    shift = len(new) - (end - start)
    spans = tuple(
        (s, e + shift) if i == sentence else (s + shift, e + shift) if i > sentence else (s, e)
        for i, (s, e) in enumerate(version.spans)
    )
    return Version(text, spans)


def _altered_number(en: Version, hi: Version) -> tuple[Version, int, str, str] | None:
    """The first English number its sentence's translation also writes, made 7 larger."""
    for index, (span, hi_span) in enumerate(zip(en.spans, hi.spans, strict=True)):
        translation = hi.text[hi_span[0] : hi_span[1]]
        for match in NUMBER.finditer(en.text, span[0], span[1]):
            if match.group() in translation:
                new = str(int(match.group().replace(",", "")) + 7)
                return _replace(en, match.start(), match.end(), new, index), index, new, match.group()
    return None


def _names(matcher: FactMatcher, en: Version, hi: Version) -> list[tuple[int, Any, Any]]:
    """Names both versions state in one sentence pair: (sentence index, English fact, Hindi fact)."""
    found = []
    for a, b in matcher.comparison.shared:
        if a.kind != "name":
            continue
        for index, (span, hi_span) in enumerate(zip(en.spans, hi.spans, strict=True)):
            if _inside(a.start, span) and _inside(b.start, hi_span):
                found.append((index, a, b))
    return found


def _swapped_name(
    en: Version, hi: Version, names: list[tuple[int, Any, Any]], others: list[str]
) -> tuple[Version, int, str, str] | None:
    text = (en.text + hi.text).casefold()
    for index, fact, translation in names:
        for other in others:
            if other.casefold() not in text and not set(other.casefold().split()) & set(text.split()):
                return _replace(en, fact.start, fact.end, other, index), index, other, translation.text
    return None


def changed(articles: list[dict[str, Any]]) -> None:
    versions = [(Version.of(a["en"]), Version.of(a["hi"])) for a in articles]
    matchers = [FactMatcher(en.text, hi.text) for en, hi in versions]
    names = [_names(matcher, en, hi) for matcher, (en, hi) in zip(matchers, versions, strict=True)]
    numbers, swaps, deletions = Tally(), Tally(), Tally()
    # Even- and odd-numbered articles: the alignment's weights and the name rules were tuned on the even ones.
    deletions_by_half = (Tally(), Tally())
    swaps_by_half = (Tally(), Tally())
    available = True
    for index, (en, hi) in enumerate(versions):
        number = _altered_number(en, hi)
        others = [fact.text for other in names[index + 1 :] + names[:index] for _, fact, _ in other]
        swap = _swapped_name(en, hi, names[index], others)
        changes = (((numbers,), number, {"number", "date"}), ((swaps, swaps_by_half[index % 2]), swap, {"name"}))
        for tallies, change, kinds in changes:
            if change is None:
                continue
            changed_en, sentence, new, old = change
            result = compare(changed_en.text, hi.text)
            available = available and "differences" in result
            here = [
                d
                for d in result.get("differences", [])
                if d["kind"] in kinds
                and _inside(d["a_start"], changed_en.spans[sentence])
                and _inside(d["b_start"], hi.spans[sentence])
            ]
            their = (here[0]["b"] or "") if len(here) == 1 else ""
            paired = len(here) == 1 and new in (here[0]["a"] or "") and bool(their) and (old in their or their in old)
            for tally in tallies:
                tally.eligible += 1
                tally.found += bool(here)
                tally.paired += paired
        if len(en.spans) < 3:
            continue  # a version of one or two sentences has no middle one to delete
        deleted = len(en.spans) // 2
        shortened = Version.of([s for i, s in enumerate(articles[index]["en"]) if i != deleted])
        result = compare(shortened.text, hi.text)
        found = any(
            d["kind"] == "sentence" and d["a"] is None and _inside(d["b_start"], hi.spans[deleted])
            for d in result.get("differences", [])
        )
        for tally in (deletions, deletions_by_half[index % 2]):
            tally.eligible += 1
            tally.found += found
    suffix = "" if available else " (no differences in the result: n/a)"
    print(f"changed pairs ({len(articles)} articles; target: each kind found in >= 90%){suffix}")
    print(numbers.line("number altered", pairs=True))
    print(swaps.line("name swapped", pairs=True))
    for half, tally in zip(
        ("even-numbered articles, tuned on", "odd-numbered articles, held out"), swaps_by_half, strict=True
    ):
        print("  " + tally.line(f"name swapped, {half}", pairs=True))
    even, odd = deletions_by_half
    print(
        deletions.line("sentence deleted", pairs=False)
        + f" (even-numbered articles, tuned on: {_share(even.found, even.eligible)} of {even.eligible}; "
        f"odd: {_share(odd.found, odd.eligible)} of {odd.eligible})"
    )


# ---------------------------------------------------------------- speed


def _words_of(articles: list[dict[str, Any]], words: int) -> tuple[str, str]:
    english: list[str] = []
    hindi: list[str] = []
    count = 0
    for article in articles:
        for en, hi in zip(article["en"], article["hi"], strict=True):
            if count >= words:
                return " ".join(english), " ".join(hindi)
            english.append(en)
            hindi.append(hi)
            count += len(en.split())
    return " ".join(english), " ".join(hindi)


def speed(articles: list[dict[str, Any]], runs: int, large_runs: int) -> None:
    english, hindi = _words_of(articles, SPEED_WORDS)
    compare(english, hindi)  # warm: imports and the checker's tables
    timings, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        compare(english, hindi)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    print(
        f"speed: compare of {len(english.split())} English and {len(hindi.split())} Hindi words: "
        f"median {statistics.median(timings):.3f} s of {runs} runs, {statistics.median(cpu):.3f} s of CPU "
        "(target < 1 s; machine shared: the CPU time is what a machine of its own would take)"
    )
    if not large_runs:
        return
    timings, cpu = [], []
    for run in range(large_runs):
        # Each run leaves out another article: texts (and their names) a run before has not seen, as a new pair of
        # versions would be, so what is cached per text is no help.
        english, hindi = _words_of(articles[:run] + articles[run + 1 :], 10**9)
        english = (english + " ") * (LARGE_CHARS // (len(english) + 1) + 1)
        hindi = (hindi + " ") * (LARGE_CHARS // (len(hindi) + 1) + 1)
        started, started_cpu = time.perf_counter(), time.process_time()
        result = compare(english[:LARGE_CHARS], hindi[:LARGE_CHARS])
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    print(
        f"speed: compare of two {LARGE_CHARS:,}-character texts: median {statistics.median(timings):.1f} s, "
        f"{statistics.median(cpu):.1f} s of CPU, of {large_runs} runs (target: seconds; <= 5 s of CPU) "
        f"({len(result.get('alignment', []))} alignment links, {len(result.get('differences', []))} differences)"
    )
    stages(english[:LARGE_CHARS], hindi[:LARGE_CHARS])


def stages(english: str, hindi: str) -> None:
    """Where the time of one compare goes: reading both texts, matching their facts, aligning and differences."""
    try:
        from summarizers.compare import align_versions, version_of
        from summarizers.versions.differences import differences
    except ImportError:
        return  # code without alignment
    clock = time.process_time()
    sides = (document_side(from_text(english, "English")), document_side(from_text(hindi, "Hindi")))
    analysed = time.process_time()
    matcher = FactMatcher(sides[0].content_text(), sides[1].content_text())
    matched = time.process_time()
    versions = (version_of(sides[0], matcher.mentions[0]), version_of(sides[1], matcher.mentions[1]))
    links = align_versions(*versions, "en", "hi")
    aligned = time.process_time()
    differences(*versions, links)
    done = time.process_time()
    print(
        f"  CPU seconds by stage: analysis {analysed - clock:.1f}, facts {matched - analysed:.1f}, "
        f"alignment {aligned - matched:.1f}, differences {done - aligned:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "dev")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-large", action="store_true", help="skip the two 500,000-character texts")
    parser.add_argument("--large-runs", type=int, default=1, help="runs of the two 500,000-character texts")
    parser.add_argument("--speed-only", action="store_true", help="only the speed figures")
    args = parser.parse_args()
    with open(args.data / "pud_versions.jsonl", encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines if line.strip()]
    if not args.speed_only:
        faithful(articles)
        changed(articles)
        different_stories(articles)
        alignment(articles)
    speed(articles, args.runs, 0 if args.skip_large else args.large_runs)


if __name__ == "__main__":
    main()
