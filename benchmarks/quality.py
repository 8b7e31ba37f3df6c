"""ROUGE-1/2/L on the dev sets: the extractive engine, lead-k at the same sentence count, and sumy's LexRank and
TextRank (English), side by side in one run.

    python benchmarks/quality.py [--data ../shared/data/dev] [--tune]

Reported ROUGE is the project's multilingual ROUGE (Unicode tokens, light stemming): F1, averaged over articles.
Below the table, each difference between the engine and another system is given with a 95% paired bootstrap
interval over the articles: with 60-100 articles per set, a gap of half a point can be chance.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizers.documents.reading import MAX_CHARS, from_text  # noqa: E402
from summarizers.engines import extractive  # noqa: E402
from summarizers.evaluation import RougeScores, rouge  # noqa: E402
from summarizers.language.segment import analyse  # noqa: E402
from summarizers.pipeline import Options, summarize  # noqa: E402
from summarizers.text.spans import Span, split_sentences  # noqa: E402

DATASETS = {"en_cnndm.jsonl": ("en", 3), "en_xsum.jsonl": ("en", 1), "hi_headlines.jsonl": ("hi", 1)}
Summariser = Callable[[str, list[Span], int], list[str]]


def load_rows(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sentences_of(text: str, lang: str) -> list[Span]:
    analysis = analyse(text)
    return [unit.span for unit in analysis.content_units(lang)] or [unit.span for unit in analysis.content_units()]


def saar(settings: extractive.RankingSettings) -> Summariser:
    def run(text: str, spans: list[Span], k: int) -> list[str]:
        return [spans[i].text(text) for i, _ in extractive.select([s.text(text) for s in spans], k, settings)]

    return run


def lead(text: str, spans: list[Span], k: int) -> list[str]:
    return [span.text(text) for span in spans[:k]]


def sumy_summariser(kind: str) -> Summariser:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    class Tokenizer:  # sumy's own needs NLTK data that cannot be downloaded here; same sentences as everyone else
        language = "english"

        def __init__(self) -> None:
            self.spans: list[str] = []

        def to_sentences(self, paragraph: str) -> list[str]:
            return [span.text(paragraph) for span in split_sentences(paragraph)]

        def to_words(self, sentence: str) -> list[str]:
            from summarizers.text.spans import words

            return words(sentence)

    summariser = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(Stemmer("english"))
    summariser.stop_words = get_stop_words("english")

    def run(text: str, spans: list[Span], k: int) -> list[str]:
        joined = "\n".join(span.text(text) for span in spans)
        document = PlaintextParser.from_string(joined, Tokenizer()).document
        return [str(sentence) for sentence in summariser(document, k)]

    return run


def article_scores(rows: list[dict[str, str]], lang: str, k: int, summariser: Summariser) -> list[RougeScores]:
    scores = []
    for row in rows:
        spans = sentences_of(row["text"], lang)
        candidate = " ".join(summariser(row["text"], spans, k))
        reference = row["summary"].replace(" .", ".")
        scores.append(rouge(candidate, reference))
    return scores


def means(scores: list[RougeScores]) -> tuple[float, float, float]:
    return (
        statistics.mean(s.rouge1 for s in scores) * 100,
        statistics.mean(s.rouge2 for s in scores) * 100,
        statistics.mean(s.rougeL for s in scores) * 100,
    )


def evaluate(rows: list[dict[str, str]], lang: str, k: int, summariser: Summariser) -> tuple[float, float, float]:
    return means(article_scores(rows, lang, k, summariser))


def paired_interval(ours: list[float], theirs: list[float], resamples: int = 2000) -> tuple[float, float, float]:
    """Mean difference (ours - theirs) and its 95% percentile bootstrap interval, resampling articles in pairs."""
    differences = [a - b for a, b in zip(ours, theirs, strict=True)]
    generator = random.Random(0)  # fixed, so the printed interval is reproducible
    count = len(differences)
    resampled = sorted(
        statistics.mean(differences[generator.randrange(count)] for _ in range(count)) for _ in range(resamples)
    )
    return statistics.mean(differences), resampled[int(0.025 * resamples)], resampled[int(0.975 * resamples) - 1]


def tune(data: Path) -> None:
    """Grid search of the position prior on CNN/DM and the Hindi set (ROUGE-L, mean of the two)."""
    sets = {name: load_rows(data / name) for name in ("en_cnndm.jsonl", "hi_headlines.jsonl")}
    results = []
    for weight, decay in itertools.product((0.0, 0.2, 0.4, 0.55, 0.7, 0.85), (0.5, 0.7, 1.0, 1.5)):
        settings = extractive.RankingSettings(position_weight=weight, position_decay=decay)
        ls = [evaluate(rows, *DATASETS[name], saar(settings))[2] for name, rows in sets.items()]
        results.append((statistics.mean(ls), weight, decay, ls))
        print(f"weight {weight:<5} decay {decay:<4} ROUGE-L cnndm {ls[0]:.2f} hi {ls[1]:.2f}", flush=True)
    best = max(results)
    print(f"best: weight {best[1]} decay {best[2]} (mean ROUGE-L {best[0]:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "dev")
    parser.add_argument("--tune", action="store_true", help="grid-search the position prior instead")
    args = parser.parse_args()
    if args.tune:
        tune(args.data)
        return
    print(f"{'dataset':<20}{'k':>2}  {'system':<14}{'R-1':>7}{'R-2':>7}{'R-L':>7}")
    differences = []
    for name, (lang, k) in DATASETS.items():
        rows = load_rows(args.data / name)
        systems: dict[str, Summariser] = {"saar-extractive": saar(extractive.settings_for(lang)), "lead-k": lead}
        if lang == "en":
            systems["sumy-lexrank"] = sumy_summariser("lexrank")
            systems["sumy-textrank"] = sumy_summariser("textrank")
        engine_scores: list[float] = []
        for system, summariser in systems.items():
            scores = article_scores(rows, lang, k, summariser)
            r1, r2, rl = means(scores)
            print(f"{name:<20}{k:>2}  {system:<14}{r1:>7.2f}{r2:>7.2f}{rl:>7.2f}", flush=True)
            rouge_l = [score.rougeL * 100 for score in scores]
            if not engine_scores:
                engine_scores = rouge_l
            else:
                differences.append((name, system, *paired_interval(engine_scores, rouge_l)))
    print("\nsaar-extractive minus each system, ROUGE-L, mean over articles [95% paired bootstrap interval]")
    for name, system, mean, low, high in differences:
        verdict = "ahead" if low > 0 else "behind" if high < 0 else "not distinguishable here"
        print(f"{name:<20}{system:<16}{mean:>+6.2f}  [{low:+.2f}, {high:+.2f}]  {verdict}")
    # Speed: a 2,000-word article, median of several runs.
    article = " ".join(row["text"] for row in load_rows(args.data / "en_cnndm.jsonl")[:8])
    article = " ".join(article.split()[:2000])
    spans = sentences_of(article, "en")
    median_ms = median_seconds(lambda: extractive.summarize_spans(article, spans, "medium", "en"), runs=7) * 1000
    print(f"extractive summary of a 2,000-word article ({len(spans)} sentences): median {median_ms:.1f} ms")
    print(f"whole extractive pipeline on the largest accepted text: median {largest_text_seconds(args.data):.1f} s")


def largest_text_seconds(data: Path, runs: int = 3) -> float:
    """Language analysis, sentence splitting, both summaries and attribution for a text of MAX_CHARS characters
    (English and Hindi dev articles joined): what the slowest accepted paste or upload costs, median of `runs`."""
    rows = load_rows(data / "en_cnndm.jsonl") + load_rows(data / "hi_headlines.jsonl")
    joined = "\n\n".join(row["text"] for row in rows)
    document = from_text((joined * (1 + MAX_CHARS // len(joined)))[:MAX_CHARS])
    return median_seconds(lambda: summarize(document, Options(method="extractive")), runs)


def median_seconds(action: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


if __name__ == "__main__":
    main()
