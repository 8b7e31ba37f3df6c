"""Fit the offline checker's calibration from the FRANK validation judgements, reproducibly.

    python benchmarks/fit_checker.py [--data ../shared/data/dev/frank_valid.jsonl] [--seeds 5] [--write]

Each summary sentence is measured against its article (`summarizers.attribution.features`); a logistic model scores
each sentence, and a summary scores as the geometric mean of its sentences' scores (`calibration.summary_score`).
FRANK judges summaries, and says what share of their sentences are free of errors (`factuality`), so the fit is
multiple-instance: every sentence of a consistent summary is consistent, and in an inconsistent one the sentences the
current model finds worst (as many as FRANK counts as wrong) are the inconsistent ones; fit, re-pick, refit.

The threshold is chosen on held-out scores, by cross-validation grouped by article (the few consistent XSum rows must
not decide it alone): the score where consistent and inconsistent summaries are misjudged at the same rate
(`equal_error_threshold`). That threshold decides whether a summary is consistent. A sentence is flagged at its own
threshold: the score below which only 10% of CNN/DM journalists' highlight sentences fall (real paraphrase must pass).
With --write the fitted numbers go to summarizers/attribution/calibration.json; no rows of the data are kept.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizers.attribution.align import clean_ptb, split_summary  # noqa: E402
from summarizers.attribution.calibration import CALIBRATION_FILE, Calibration  # noqa: E402
from summarizers.attribution.calibration import summary_score as calibration_summary_score  # noqa: E402
from summarizers.attribution.features import FEATURES, SourceIndex, measure  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "dev" / "frank_valid.jsonl"
HIGHLIGHTS = "en_cnndm.jsonl"  # beside the FRANK file
HIGHLIGHT_PASS = 0.9  # a sentence is flagged when it scores below this share of journalists' own highlight sentences
FOLDS = 5
ROUNDS = 6  # multiple-instance re-picks; the picks settle after three or four
L2 = 30.0  # chosen by grouped cross-validation (10 and 30 tried; 30 ranks and separates better)
SEED = 0


def frank_sentences(summary: str) -> list[str]:
    """FRANK summaries are PTB-tokenised, many lower-cased: " . " ends a sentence even before a lower-case word."""
    parts = [clean_ptb(part) for part in re.split(r"(?<=\s[.!?])\s+", summary) if part.strip()]
    return [sentence for part in parts for sentence in split_summary(part)] or [summary]


@dataclass(frozen=True)
class Row:
    group: str  # the article, so folds never split one article's summaries
    dataset: str
    consistent: bool
    factuality: float
    sentences: np.ndarray  # one row of FEATURES per summary sentence


def load_rows(path: Path) -> list[Row]:
    rows = []
    indexes: dict[str, SourceIndex] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        article = item["article"]
        index = indexes.setdefault(article, SourceIndex.of(article))
        sentences = frank_sentences(item["summary"])
        values = np.array([measure(index, sentence).values for sentence in sentences], dtype=float)
        group = hashlib.sha1(article.encode()).hexdigest()
        rows.append(Row(group, item["dataset"], bool(item["consistent"]), float(item["factuality"]), values))
    return rows


def fit_logistic(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float | None = None) -> tuple[np.ndarray, float]:
    """Weighted logistic regression with an L2 penalty (not on the bias), by Newton's method."""
    design = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], L2 if l2 is None else l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(design @ beta, -30, 30)))
        gradient = design.T @ (weight * (p - y)) + penalty * beta
        hessian = (design * (weight * p * (1 - p))[:, None]).T @ design + np.diag(penalty) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def _sentence_scores(
    rows: Sequence[Row], mean: np.ndarray, scale: np.ndarray, w: np.ndarray, b: float
) -> list[np.ndarray]:
    return [1 / (1 + np.exp(-np.clip(((row.sentences - mean) / scale) @ w + b, -30, 30))) for row in rows]


def fit(rows: Sequence[Row], threshold: float = 0.5) -> Calibration:
    stacked = np.vstack([row.sentences for row in rows])
    mean, scale = stacked.mean(axis=0), stacked.std(axis=0)
    scale[scale == 0] = 1.0
    positives = sum(row.consistent for row in rows)
    negatives = len(rows) - positives
    # Each class of summary weighs the same in total, and a summary's sentences share its weight.
    class_weight = {True: len(rows) / (2 * max(1, positives)), False: len(rows) / (2 * max(1, negatives))}
    picks: list[np.ndarray] | None = None
    w, b = np.zeros(len(FEATURES)), 0.0
    for _ in range(ROUNDS):
        xs, ys, weights = [], [], []
        scores = _sentence_scores(rows, mean, scale, w, b) if picks is not None else None
        for position, row in enumerate(rows):
            count = len(row.sentences)
            labels = np.ones(count)
            if not row.consistent:
                wrong = max(1, round((1 - row.factuality) * count))
                order = np.argsort(scores[position]) if scores is not None else np.arange(count)
                labels[order[:wrong]] = 0.0
                if scores is None:
                    labels[:] = 0.0  # first round: every sentence of an inconsistent summary is suspect
            xs.append((row.sentences - mean) / scale)
            ys.append(labels)
            weights.append(np.full(count, class_weight[row.consistent] / count))
        w, b = fit_logistic(np.vstack(xs), np.concatenate(ys), np.concatenate(weights))
        picks = ys
    return Calibration(FEATURES, tuple(mean), tuple(scale), tuple(w), b, threshold)


def summary_score(calibration: Calibration, row: Row) -> float:
    return calibration_summary_score([calibration.score(values) for values in row.sentences])


def balanced_accuracy(labels: Sequence[bool], predictions: Sequence[bool]) -> float:
    rates = []
    for wanted in (True, False):
        chosen = [p for label, p in zip(labels, predictions, strict=True) if label == wanted]
        if chosen:
            rates.append(sum(p == wanted for p in chosen) / len(chosen))
    return sum(rates) / len(rates) if rates else float("nan")


def roc_auc(labels: Sequence[bool], scores: Sequence[float]) -> float:
    """Probability that a consistent summary outscores an inconsistent one (ties count half)."""
    positive = [s for label, s in zip(labels, scores, strict=True) if label]
    negative = [s for label, s in zip(labels, scores, strict=True) if not label]
    if not positive or not negative:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positive for n in negative)
    return wins / (len(positive) * len(negative))


def grouped_folds(rows: Sequence[Row], folds: int = FOLDS, seed: int = SEED) -> list[list[int]]:
    groups = sorted({row.group for row in rows})
    rng = np.random.default_rng(seed)
    rng.shuffle(groups)
    fold_of = {group: position % folds for position, group in enumerate(groups)}
    return [[i for i, row in enumerate(rows) if fold_of[row.group] == fold] for fold in range(folds)]


def equal_error_threshold(rows: Sequence[Row], scores: Sequence[float]) -> float:
    """The score at which consistent and inconsistent summaries (both sets together) are misjudged at the same rate.

    Balanced accuracy is the mean of those two rates. As a function of the threshold, on about 250 training rows, it
    is a step function with many near-equal peaks far apart, so the threshold at its peak moves from fold to fold and
    loses accuracy on held-out rows; the crossing point of the two rates moves far less. Over fold seeds 5-14 (not
    the ones this rule was chosen on) its held-out balanced accuracy was 0.006 higher on average than the peak's
    (both sets weighted 2, CNN/DM 1, the rule before), and higher for 7 seeds of 10. Ties go to the lowest threshold."""
    values = np.asarray(scores, dtype=float)
    labels = np.array([row.consistent for row in rows])
    candidates = np.unique(np.round(values, 4))
    gaps = [abs((values[labels] >= t).mean() - (values[~labels] < t).mean()) for t in candidates]
    return float(candidates[int(np.argmin(gaps))])


def held_out_scores(rows: Sequence[Row], seed: int = SEED) -> list[float]:
    """Every row scored by a model fitted without its article (grouped folds)."""
    scores = [0.0] * len(rows)
    for fold in grouped_folds(rows, seed=seed):
        held = set(fold)
        model = fit([row for i, row in enumerate(rows) if i not in held])
        for i in fold:
            scores[i] = summary_score(model, rows[i])
    return scores


def cross_validated(rows: Sequence[Row], seed: int = SEED) -> tuple[list[float], list[bool]]:
    """Held-out scores and held-out decisions: each fold's threshold is chosen by an inner grouped cross-validation on
    the other folds only."""
    scores = [0.0] * len(rows)
    decisions = [False] * len(rows)
    for fold in grouped_folds(rows, seed=seed):
        held = set(fold)
        train = [row for i, row in enumerate(rows) if i not in held]
        threshold = equal_error_threshold(train, held_out_scores(train, seed=seed + 1))
        model = fit(train)
        for i in fold:
            scores[i] = summary_score(model, rows[i])
            decisions[i] = scores[i] >= threshold
    return scores, decisions


def report(rows: Sequence[Row], scores: Sequence[float], decisions: Sequence[bool]) -> dict[str, dict[str, float]]:
    figures = {}
    for name, chosen in (
        ("both", list(range(len(rows)))),
        ("cnndm", [i for i, row in enumerate(rows) if row.dataset == "cnndm"]),
        ("bbc", [i for i, row in enumerate(rows) if row.dataset == "bbc"]),
    ):
        labels = [rows[i].consistent for i in chosen]
        figures[name] = {
            "rows": len(chosen),
            "balanced_accuracy": balanced_accuracy(labels, [decisions[i] for i in chosen]),
            "roc_auc": roc_auc(labels, [scores[i] for i in chosen]),
        }
    return figures


def highlight_threshold(calibration: Calibration, path: Path) -> float:
    """The score below which only 1 - HIGHLIGHT_PASS of journalists' highlight sentences fall: overlap cannot tell
    paraphrase from invention, so a sentence is flagged only where real paraphrase rarely scores."""
    scores = []
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        index = SourceIndex.of(item["text"])
        scores += [calibration.score(measure(index, s).values) for s in split_summary(clean_ptb(item["summary"]))]
    return float(np.quantile(scores, 1 - HIGHLIGHT_PASS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--write", action="store_true", help="write summarizers/attribution/calibration.json")
    parser.add_argument(
        "--seeds", type=int, default=5, help="fold seeds to cross-validate over (the first is reported)"
    )
    args = parser.parse_args()
    rows = load_rows(args.data)
    runs = [report(rows, *cross_validated(rows, seed=seed)) for seed in range(SEED, SEED + args.seeds)]
    for name, figures in runs[0].items():
        print(
            f"cross-validated {name:>6} ({figures['rows']:>3} rows): balanced accuracy "
            f"{figures['balanced_accuracy']:.3f}  ROC AUC {figures['roc_auc']:.3f}"
        )
    if len(runs) > 1:  # one seed's folds move these figures by about 0.01: show how far
        print(f"over fold seeds {SEED}-{SEED + len(runs) - 1}: mean [least, most]")
        for name in runs[0]:
            spread = []
            for measure_name, label in (("balanced_accuracy", "balanced accuracy"), ("roc_auc", "ROC AUC")):
                values = [run[name][measure_name] for run in runs]
                spread.append(f"{label} {np.mean(values):.3f} [{min(values):.3f}, {max(values):.3f}]")
            print(f"  {name:>6}: {'  '.join(spread)}")
    summary_threshold = equal_error_threshold(rows, held_out_scores(rows))
    final = fit(rows)
    sentence_threshold = highlight_threshold(final, args.data.parent / HIGHLIGHTS)
    calibration = Calibration(
        final.features, final.mean, final.scale, final.weights, final.bias, sentence_threshold,
        fitted_on=f"FRANK validation ({len(rows)} summaries) and CNN/DM highlights, benchmarks/fit_checker.py",
        summary_threshold=summary_threshold,
    )  # fmt: skip
    print(f"sentence threshold {sentence_threshold:.4f}, summary threshold {summary_threshold:.4f}")
    for feature, weight in zip(FEATURES, calibration.weights, strict=True):
        print(f"  {feature:>16} {weight:+.3f}")
    if args.write:
        target = ROOT / "summarizers" / "attribution" / CALIBRATION_FILE
        target.write_text(json.dumps(calibration.to_json(), indent=2) + "\n", encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
