"""Attribution on the dev CNN/DailyMail set: journalists' highlights treated as summaries.

    python benchmarks/attribution.py [--data ../shared/data/dev] [--show 20]

Prints the share of highlight sentences linked to a source sentence and the share judged supported; the share of
fabricated variants (a changed number, an invented name) flagged unsupported; links to read by hand; and the speed
of aligning a 5-sentence summary against a 2,000-word article (median of several runs).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizers.attribution.align import (  # noqa: E402
    AlignedSentence,
    LexicalAligner,
    align_across,
    clean_ptb,
    names_in,
    numbers_in,
    split_summary,
)
from summarizers.language.segment import analyse  # noqa: E402


def fabricate(sentence: str, rng: random.Random) -> list[str]:
    """Variants of a true sentence that state something false: a changed number, an invented name."""
    variants = []
    numbers = sorted(numbers_in(sentence))
    if numbers and re.search(rf"\b{re.escape(numbers[0])}\b", sentence):
        changed = str(int(float(numbers[0])) + rng.randint(2, 9))
        variants.append(re.sub(rf"\b{re.escape(numbers[0])}\b", changed, sentence, count=1))
    names = sorted(names_in(sentence))
    if names:
        pattern = re.compile(rf"\b{re.escape(names[0])}\b", re.IGNORECASE)
        variants.append(pattern.sub("Okonkwo", sentence, count=1))
    return variants


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "dev")
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    rows = [json.loads(line) for line in (args.data / "en_cnndm.jsonl").read_text("utf-8").splitlines() if line]
    rng = random.Random(7)
    linked = supported = total = 0
    fabricated = flagged = 0
    samples = []
    for row in rows:
        text = row["text"]
        aligner = LexicalAligner(text, [unit.span for unit in analyse(text).content_units()])
        for sentence in split_summary(clean_ptb(row["summary"])):
            result = aligner.align(sentence)
            total += 1
            linked += bool(result.sources)
            supported += result.supported
            if result.sources:
                samples.append((sentence, text[result.sources[0].start : result.sources[0].end], result))
            if result.supported:
                for variant in fabricate(sentence, rng):
                    fabricated += 1
                    flagged += not aligner.align(variant).supported
    print(f"highlight sentences: {total}")
    print(f"linked to a source sentence: {linked / total:.1%}")
    print(f"judged supported: {supported / total:.1%}")
    print(f"fabricated variants flagged unsupported: {flagged}/{fabricated} = {flagged / max(1, fabricated):.1%}")
    article = " ".join(" ".join(row["text"] for row in rows[:8]).split()[:2000])
    summary = split_summary(" ".join(clean_ptb(row["summary"]) for row in rows[:2]))[:5]
    spans = [unit.span for unit in analyse(article).content_units()]  # done once per document by the pipeline
    timings = []
    for _ in range(9):
        started = time.perf_counter()
        aligner = LexicalAligner(article, spans)
        for sentence in summary:
            aligner.align(sentence)
        timings.append(time.perf_counter() - started)
    median_ms = statistics.median(timings) * 1000
    print(f"5-sentence summary vs 2,000-word article ({len(spans)} sentences): median {median_ms:.1f} ms")
    for sentence, source, result in rng.sample(samples, min(args.show, len(samples))):
        print(f"\n[{'supported' if result.supported else 'UNSUPPORTED'} {result.sources[0].score:.2f}] {sentence}")
        print(f"  -> {source[:240]}")
    cross_language(rng, args.show)


def _changed_number(sentence: str, rng: random.Random) -> str | None:
    match = re.search(r"\d+", sentence.translate(str.maketrans("०१२३४५६७८९", "0123456789")))
    if match is None:
        return None
    changed = str(int(match.group()) + rng.randint(2, 9))
    return sentence[: match.start()] + changed + sentence[match.end() :]


def _best_start(result: AlignedSentence) -> int | None:
    return max(result.sources, key=lambda source: source.score).start if result.sources else None


def cross_language(rng: random.Random, show: int) -> None:
    """Seed 003 holds an English article and its Hindi version: align each version's sentences to the other."""
    text = (ROOT / "seeds" / "en_hi_putin_modi_talks_bilingual.txt").read_text("utf-8")
    analysis = analyse(text)
    runs = {lang: [unit.span for unit in analysis.content_units(lang)] for lang in ("en", "hi")}
    print("\ncross-language, seed 003 (English article and its Hindi version)")
    hi_to_en = json.loads((ROOT / "tests" / "data" / "seed003_counterparts.json").read_text("utf-8"))["hi_to_en"]
    gold = {"hi": dict(enumerate(hi_to_en)), "en": {en: hi for hi, en in enumerate(hi_to_en) if en is not None}}
    for lang, other in (("hi", "en"), ("en", "hi")):
        sentences = [span.text(text) for span in runs[lang]]
        positions: list[float | None] = [index / max(1, len(sentences) - 1) for index in range(len(sentences))]
        starts = [span.start for span in runs[other]]
        labelled = [(index, starts[gold[lang][index]]) for index in gold[lang] if gold[lang][index] is not None]
        for label, given in (("without positions", None), ("with positions", positions)):
            results = align_across(text, sentences, runs[other], given)  # the last, with positions, is kept below
            links = [_best_start(result) for result in results]
            right = sum(links[index] == start for index, start in labelled)
            print(f"  {lang} -> {other} {label}: best link is the hand-labelled counterpart {right}/{len(labelled)}")
        checked = [(sentence, result) for sentence, result in zip(sentences, results, strict=True) if result.checked]
        linked = sum(bool(result.sources) for _, result in checked)
        supported = sum(result.supported for _, result in checked)
        fabricated = [
            variant
            for sentence, result in checked
            if result.supported
            if (variant := _changed_number(sentence, rng)) is not None
        ]
        flagged = sum(not result.supported for result in align_across(text, fabricated, runs[other]))
        print(
            f"  {lang} -> {other}: {len(sentences)} sentences, {len(checked)} state a checkable fact; "
            f"linked {linked}/{len(checked)}, supported {supported}/{len(checked)}; "
            f"changed-number variants flagged {flagged}/{len(fabricated)}"
        )
        for sentence, result in checked[: show // 2]:
            source = max(result.sources, key=lambda item: item.score, default=None)
            print(
                f"    [{'supported' if result.supported else 'UNSUPPORTED ' + ', '.join(result.missing)}] "
                f"{sentence[:90]}"
            )
            print(f"      -> {text[source.start : source.end][:110] if source else '(none)'}")


if __name__ == "__main__":
    main()
