"""Faithfulness checking on the dev data: how well each checker tells consistent summaries from inconsistent ones.

    python benchmarks/faithfulness.py [--data ../shared/data/dev] [--skip-speed] [--show 3]

Prints, for each checker available:
- FRANK validation (model-written CNN/DM and XSum summaries judged by people): balanced accuracy of `consistent` and
  ROC AUC of `score`, per set and together. The offline checker's figures are cross-validated by article (each fold's
  calibration and threshold fitted without it, as `fit_checker.py` does), then for reference the shipped calibration
  on the data it was fitted to, and the previous rule (every sentence linked with enough coverage and its numbers
  and names found).
- the share of CNN/DM journalists' highlight sentences judged supported;
- the share of fabricated sentences flagged (a changed number, an invented name), English and Hindi;
- speed: the offline check of a 5-sentence summary against a 2,000-word article, and the NLI check of the same on a
  real-size mDeBERTa-v3-base architecture with random weights (built from its config), on 2 threads, with a
  SentencePiece tokenizer trained on the other dev texts; the pairs it read, and the encoder's work for them.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from attribution import fabricate  # noqa: E402
from fit_checker import (  # noqa: E402
    Row,
    balanced_accuracy,
    equal_error_threshold,
    fit,
    frank_sentences,
    grouped_folds,
    held_out_scores,
    highlight_threshold,
    load_rows,
    roc_auc,
)
from quality import median_seconds  # noqa: E402

from summarizers.attribution.align import LexicalAligner, clean_ptb, split_summary  # noqa: E402
from summarizers.attribution.calibration import Calibration  # noqa: E402
from summarizers.attribution.checkers import CheckedSummary, Checker, OfflineChecker  # noqa: E402
from summarizers.attribution.facts import latin_names, names_matching  # noqa: E402
from summarizers.attribution.nli import NLIChecker, is_available, native_bfloat16  # noqa: E402
from summarizers.language.segment import analyse  # noqa: E402
from summarizers.text.spans import split_sentences  # noqa: E402

INVENTED_NAME = "Okonkwo"
INVENTED_NAME_HI = "ओकोंक्वो"
SETS = (("both", None), ("cnndm", "cnndm"), ("bbc", "bbc"))


def _read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def check_text(checker: Checker, source: str, summary: str) -> CheckedSummary:
    return checker.check(analyse(source), frank_sentences(summary))


def print_figures(label: str, frank: Sequence[dict[str, object]], consistent: list[bool], scores: list[float]) -> None:
    cells = []
    for name, dataset in SETS:
        chosen = [i for i, row in enumerate(frank) if dataset is None or row["dataset"] == dataset]
        labels = [bool(frank[i]["consistent"]) for i in chosen]
        ba = balanced_accuracy(labels, [consistent[i] for i in chosen])
        auc = roc_auc(labels, [scores[i] for i in chosen])
        cells.append(f"{name} BA {ba:.3f} AUC {auc:.3f}")
    print(f"  {label:<44} " + " | ".join(cells))


def offline_cross_validated(
    data: Path, frank: list[dict[str, object]], rows: list[Row]
) -> tuple[list[bool], list[float]]:
    """The offline checker as shipped (decisive facts included), each fold calibrated without its articles."""
    consistent = [False] * len(rows)
    scores = [0.0] * len(rows)
    for fold in grouped_folds(rows):
        held = set(fold)
        train = [row for i, row in enumerate(rows) if i not in held]
        model = fit(train)
        threshold = equal_error_threshold(train, held_out_scores(train, seed=1))
        sentence = highlight_threshold(model, data / "en_cnndm.jsonl")
        calibration = Calibration(
            model.features, model.mean, model.scale, model.weights, model.bias, sentence, summary_threshold=threshold
        )
        checker = OfflineChecker(calibration)
        for i in fold:
            checked = check_text(checker, str(frank[i]["article"]), str(frank[i]["summary"]))
            consistent[i], scores[i] = checked.consistent, checked.score
    return consistent, scores


def previous_rule(frank: list[dict[str, object]]) -> tuple[list[bool], list[float]]:
    consistent, scores = [], []
    for row in frank:
        aligner = LexicalAligner(str(row["article"]))
        aligned = [aligner.align(sentence) for sentence in frank_sentences(str(row["summary"]))]
        consistent.append(all(a.supported for a in aligned))
        scores.append(min((max((s.score for s in a.sources), default=0.0) for a in aligned), default=0.0))
    return consistent, scores


def evaluate_frank(data: Path, checkers: dict[str, Checker], show: int) -> None:
    frank = _read(data / "frank_valid.jsonl")
    rows = load_rows(data / "frank_valid.jsonl")
    print(f"FRANK validation: {len(frank)} summaries (balanced accuracy of consistent, ROC AUC of score)")
    consistent, scores = offline_cross_validated(data, frank, rows)
    print_figures("offline, cross-validated by article", frank, consistent, scores)
    shipped = checkers["offline"]
    results = [check_text(shipped, str(row["article"]), str(row["summary"])) for row in frank]
    print_figures(
        "offline, shipped calibration (fitted on these)",
        frank,
        [r.consistent for r in results],
        [r.score for r in results],
    )
    print_figures("previous rule (coverage, numbers, names)", frank, *previous_rule(frank))
    for name, checker in checkers.items():
        if name == "offline":
            continue
        checked = [check_text(checker, str(row["article"]), str(row["summary"])) for row in frank]
        print_figures(name, frank, [r.consistent for r in checked], [r.score for r in checked])
    print("\nflagged sentences from real FRANK summaries judged inconsistent (as the page shows them):")
    shown = 0
    for row, result in zip(frank, results, strict=True):
        if shown >= show or row["consistent"]:
            continue
        for sentence in result.sentences:
            if not sentence.supported and sentence.reasons and any("not in the source" in r for r in sentence.reasons):
                print(f"  [{row['dataset']}, {row['model']}] {sentence.text}")
                print(f"    ⚠ Could not find support: {'; '.join(sentence.reasons)} (score {sentence.score:.2f})")
                shown += 1
                break


def highlights_and_fabricated_english(data: Path, checker: Checker) -> None:
    rows = _read(data / "en_cnndm.jsonl")
    rng = random.Random(7)
    total = supported = fabricated = flagged = 0
    for row in rows:
        text = str(row["text"])
        analysis = analyse(text)
        sentences = split_summary(clean_ptb(str(row["summary"])))
        for sentence, result in zip(sentences, checker.check(analysis, sentences).sentences, strict=True):
            total += 1
            supported += result.supported
            if result.supported:
                variants = fabricate(sentence, rng)
                fabricated += len(variants)
                flagged += sum(not r.supported for r in checker.check(analysis, variants).sentences)
    print(f"  CNN/DM highlight sentences supported: {supported}/{total} = {supported / total:.1%}")
    print(f"  English fabricated sentences flagged: {flagged}/{fabricated} = {flagged / max(1, fabricated):.1%}")


def hindi_fabrications(sentence: str, names: list[str], rng: random.Random) -> list[str]:
    """A changed number (either digit system) and a name swapped for an invented one."""
    variants = []
    match = re.search(r"[0-9०-९]+", sentence)
    if match:
        value = int(match.group().translate(str.maketrans("०१२३४५६७८९", "0123456789")))
        variants.append(sentence[: match.start()] + str(value + rng.randint(2, 9)) + sentence[match.end() :])
    present = [name for name in names if name in sentence]
    if present:
        name = present[0]
        invented = INVENTED_NAME if name.isascii() else INVENTED_NAME_HI
        variants.append(sentence.replace(name, invented, 1))
    return variants


def fabricated_hindi(data: Path, checker: Checker) -> None:
    """Sentences lifted from Hindi articles (the seeds' Hindi versions and the Hindi tech news), each changed."""
    rng = random.Random(11)
    articles = [str(row["text"]) for row in _read(data / "hi_headlines.jsonl")]
    for path in sorted((ROOT / "seeds").glob("*")):
        text = path.read_text("utf-8")
        analysis = analyse(text)
        hindi = [unit.span.text(text) for unit in analysis.content_units("hi")]
        if hindi:
            articles.append("\n".join(hindi))
    fabricated = flagged = originals = kept = 0
    english_keys = {key for fact in latin_names(" ".join(articles)) for key in fact.keys}
    for text in articles:
        names = [fact.text for fact in latin_names(text)] + [fact.text for fact in names_matching(text, english_keys)]
        analysis = analyse(text)
        sentences = [span.text(text) for span in split_sentences(text)]
        candidates = [s for s in sentences if analyse(s).language == "hi" and len(s.split()) >= 6][:12]
        judged = checker.check(analysis, candidates).sentences
        originals += len(candidates)
        kept += sum(result.supported for result in judged)
        variants = [
            v for s, r in zip(candidates, judged, strict=True) if r.supported for v in hindi_fabrications(s, names, rng)
        ]
        fabricated += len(variants)
        flagged += sum(not r.supported for r in checker.check(analysis, variants).sentences)
    print(
        f"  Hindi sentences lifted from their article, supported: {kept}/{originals} = {kept / max(1, originals):.1%}"
    )
    print(f"  Hindi fabricated sentences flagged: {flagged}/{fabricated} = {flagged / max(1, fabricated):.1%}")


def _median_ms(work: Callable[[], object], runs: int) -> float:
    return median_seconds(work, runs) * 1000


def speed(data: Path) -> None:
    rows = _read(data / "en_cnndm.jsonl")
    article = " ".join(" ".join(str(row["text"]) for row in rows[:8]).split()[:2000])
    summary = split_summary(" ".join(clean_ptb(str(row["summary"])) for row in rows[:3]))[:5]
    analysis = analyse(article)  # done once per document by the pipeline
    offline = OfflineChecker()
    ms = _median_ms(lambda: offline.check(analysis, summary), 9)
    print(f"  offline check, {len(summary)} sentences vs 2,000-word article: median {ms:.1f} ms")
    import torch
    from transformers import DebertaV2Config, DebertaV2ForSequenceClassification

    from tests.tiny_models import NLI_LABELS

    torch.set_num_threads(2)
    torch.manual_seed(0)
    # mDeBERTa-v3-base as published (config.json of the default checker), with random weights.
    config = DebertaV2Config(
        vocab_size=251000, hidden_size=768, num_hidden_layers=12, num_attention_heads=12, intermediate_size=3072,
        max_position_embeddings=512, relative_attention=True, position_buckets=256, norm_rel_ebd="layer_norm",
        share_att_key=True, pos_att_type=["p2c", "c2p"], max_relative_positions=-1, position_biased_input=False,
        type_vocab_size=0, num_labels=3, id2label=NLI_LABELS, layer_norm_eps=1e-7,
    )  # fmt: skip
    model = DebertaV2ForSequenceClassification(config).eval()
    tokenizer = realistic_tokenizer(data)
    per_word = len(tokenizer(article, add_special_tokens=False)["input_ids"]) / len(article.split())
    passes: list[tuple[int, int]] = []
    model.register_forward_pre_hook(
        lambda _, args, kwargs: passes.append(tuple(kwargs["input_ids"].shape)), with_kwargs=True
    )
    checker = NLIChecker("random-weight mDeBERTa-v3-base", tokenizer, model, precision="float32")
    checker.check(analysis, summary)  # first call pays one-off costs
    first = list(passes)  # one check's passes (the hook goes on counting)
    tokens = sum(rows * length for rows, length in first)
    shapes = ", ".join(f"{rows}x{length}" for rows, length in first)
    print(
        f"  NLI check (random-weight mDeBERTa-v3-base, 2 threads, {per_word:.2f} pieces a word), same summary; "
        f"{sum(rows for rows, _ in first)} pairs in {len(first)} passes ({shapes}), {tokens} tokens: "
        f"about {encoder_gflops(first):.0f} GFLOP of encoder work"
    )
    # Side by side in one run: the two precisions the checker can use (bfloat16 is the default where the CPU
    # multiplies it natively, see nli.uses_bfloat16).
    scores: dict[str, list[float | None]] = {}
    for precision in ("float32", "bfloat16"):
        if precision == "bfloat16" and not native_bfloat16():
            print("    bfloat16: this CPU has no native bfloat16 arithmetic (torch would emulate it); not timed")
            continue
        timed = NLIChecker("random-weight mDeBERTa-v3-base", tokenizer, model, precision=precision)
        timed.check(analysis, summary)
        ms = _median_ms(lambda checker=timed: checker.check(analysis, summary), 5)
        scores[precision] = [s.score for s in timed.check(analysis, summary).sentences]
        print(f"    {precision}: median {ms:.0f} ms")
    if len(scores) == 2:
        gap = max(abs((a or 0.0) - (b or 0.0)) for a, b in zip(scores["float32"], scores["bfloat16"], strict=True))
        print(f"    largest score difference between the two: {gap:.4f}")


def realistic_tokenizer(data: Path) -> Any:
    """A SentencePiece unigram tokenizer, as mDeBERTa's, trained on the dev texts other than the CNN/DM articles the
    speed check reads: about as many pieces a word as the real one on English news."""
    import tempfile

    from tests.tiny_models import build_deberta_tokenizer

    texts = [str(row["text"]) for name in ("en_xsum.jsonl", "hi_headlines.jsonl") for row in _read(data / name)]
    texts += [str(row["article"]) for row in _read(data / "frank_valid.jsonl")]
    texts += [path.read_text("utf-8") for path in sorted((ROOT / "seeds").glob("*"))]
    with tempfile.TemporaryDirectory() as folder:
        return build_deberta_tokenizer(Path(folder), texts)


def encoder_gflops(passes: Sequence[tuple[int, int]], hidden: int = 768, layers: int = 12, buckets: int = 256) -> float:
    """Multiply-adds of mDeBERTa-v3-base's encoder, times two: per token the projections and feed-forward layer
    (4h² + 8h²), per sequence the attention (content and both relative terms), per pass the relative position
    embeddings projected for keys and queries."""
    flops = 0.0
    for rows, length in passes:
        per_layer = rows * (
            12 * hidden * hidden * length + 2 * hidden * length * length + 4 * hidden * length * buckets
        )
        per_layer += 2 * (2 * buckets) * hidden * hidden
        flops += 2 * layers * per_layer
    return flops / 1e9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "dev")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--show", type=int, default=3)
    args = parser.parse_args()
    checkers: dict[str, Checker] = {"offline": OfflineChecker()}
    if is_available():
        nli = NLIChecker.load()
        checkers[nli.name] = nli
    else:
        print("NLI checker: weights not here (python -m summarizers download nli); its figures are left out\n")
    evaluate_frank(args.data, checkers, args.show)
    for name, checker in checkers.items():
        print(f"\n{name}:")
        highlights_and_fabricated_english(args.data, checker)
        fabricated_hindi(args.data, checker)
    if not args.skip_speed:
        print("\nspeed:")
        speed(args.data)


if __name__ == "__main__":
    main()
