"""Per-article latency and peak memory: plain transformers generation against the product's abstractive path.

    python benchmarks/speed.py [--runs 3] [--articles 3] [--json] [--arch bart|mt5]

No weights can be downloaded here, so each default architecture is built at its real size with random weights
(distilbart-cnn-12-6 and mT5-base shapes) with a small tokenizer borrowed from the test models; the work per token is
that of the real model. Output lengths are forced (min_new_tokens == max_new_tokens) so both sides do the same work.
Inputs are dev articles cut to each model's window by the product's own chunker. Each measurement runs in a fresh
process, so its peak RSS is its own. Baseline: AutoModelForSeq2SeqLM.generate in float32, one article at a time,
4 beams. Engine: AbstractiveEngine with the default backend (CTranslate2 int8 where it converts).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUTPUT = ROOT / "benchmarks" / "output"
DATA = ROOT.parent / "shared" / "data" / "dev"
ARCHS = {
    # name: (language, input window, output tokens, registry default)
    "bart": ("en", 1024, 80, "sshleifer/distilbart-cnn-12-6"),
    "mt5": ("hi", 512, 60, "csebuetnlp/mT5_multilingual_XLSum"),
}


def _pad_vocabulary(directory: Path, size: int) -> None:
    """Give the borrowed byte-level BPE tokenizer as many entries as the model's vocabulary (unused fillers), as the
    real tokenizer has: the CTranslate2 converter requires the two to match."""
    path = directory / "tokenizer.json"
    data = json.loads(path.read_text("utf-8"))
    vocab = data["model"]["vocab"]
    for index in range(len(vocab), size):
        vocab[f"<unused_{index}>"] = index
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def build(arch: str) -> Path:
    """A randomly initialised model of the real architecture, saved once under benchmarks/output/models."""
    directory = OUTPUT / "models" / arch
    if (directory / "config.json").is_file():
        if arch == "bart":
            _pad_vocabulary(directory, 50264)
        return directory
    import torch
    from transformers import (
        AutoTokenizer,
        BartConfig,
        BartForConditionalGeneration,
        MT5Config,
        MT5ForConditionalGeneration,
    )

    from tests.tiny_models import build_tiny_bart, build_tiny_mt5

    torch.manual_seed(0)
    scratch = OUTPUT / "models" / f"{arch}-tokenizer"
    tokenizer_dir = build_tiny_bart(scratch) if arch == "bart" else build_tiny_mt5(scratch)
    tokenizer = AutoTokenizer.from_pretrained(tokenizer_dir)
    if arch == "bart":
        config = BartConfig(
            vocab_size=50264, d_model=1024, encoder_layers=12, decoder_layers=6, encoder_attention_heads=16,
            decoder_attention_heads=16, encoder_ffn_dim=4096, decoder_ffn_dim=4096, max_position_embeddings=1024,
            pad_token_id=1, bos_token_id=0, eos_token_id=2, decoder_start_token_id=2, forced_bos_token_id=0,
            forced_eos_token_id=2,
        )  # fmt: skip
        model = BartForConditionalGeneration(config)
    else:
        config = MT5Config(
            vocab_size=250112, d_model=768, d_ff=2048, d_kv=64, num_layers=12, num_decoder_layers=12, num_heads=12,
            feed_forward_proj="gated-gelu", tie_word_embeddings=False, pad_token_id=0, eos_token_id=1,
            decoder_start_token_id=0,
        )  # fmt: skip
        model = MT5ForConditionalGeneration(config)
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    if arch == "bart":
        _pad_vocabulary(directory, 50264)
    return directory


def articles(arch: str, count: int) -> list[list[str]]:
    """Sentences of dev articles (English for BART, Hindi for mT5)."""
    from summarizers.text import split_sentences

    name = "en_cnndm.jsonl" if arch == "bart" else "hi_headlines.jsonl"
    rows = [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda row: -len(row["text"]))  # the longest: each fills the window
    return [[span.text(row["text"]) for span in split_sentences(row["text"])] for row in rows[:count]]


def worker(arch: str, side: str, runs: int, count: int) -> dict[str, float]:
    """Time one side in this process: median seconds per article, and the process's peak RSS."""
    import torch
    from transformers import AutoModelForSeq2SeqLM

    from summarizers import models
    from summarizers.abstractive import AbstractiveEngine
    from summarizers.registry import TokenBudget, spec_for

    lang, _, out_tokens, _ = ARCHS[arch]
    directory = OUTPUT / "models" / arch
    spec = spec_for(lang, {lang: str(directory)})
    assert spec is not None
    spec = replace(spec, num_beams=4, budgets={**spec.budgets, "medium": TokenBudget(out_tokens, out_tokens)})
    loaded = models.load(spec, backend="auto" if side == "engine" else "transformers")
    engine = AbstractiveEngine(loaded)
    inputs = [engine.chunk(sentences)[0] for sentences in articles(arch, count)]
    budget = spec.budget("medium")
    baseline_model = AutoModelForSeq2SeqLM.from_pretrained(directory).eval() if side == "baseline" else None
    timings = []
    for _ in range(runs):
        for text in inputs:
            started = time.perf_counter()
            if baseline_model is not None:
                batch = loaded.tokenizer([text], return_tensors="pt")
                with torch.inference_mode():
                    baseline_model.generate(
                        **batch, num_beams=4, min_new_tokens=out_tokens, max_new_tokens=out_tokens,
                        no_repeat_ngram_size=spec.no_repeat_ngram_size, length_penalty=spec.length_penalty,
                    )  # fmt: skip
            else:
                engine.generate([text], budget)
            timings.append(time.perf_counter() - started)
    return {
        "seconds": statistics.median(timings),
        "input_tokens": statistics.median(len(loaded.tokenizer(text)["input_ids"]) for text in inputs),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "backend": loaded.backend if side == "engine" else "transformers float32",
    }


def both_loaded() -> float:
    """Peak RSS of a process holding both engine models (as the app does), after one generation each."""
    from summarizers import models
    from summarizers.abstractive import AbstractiveEngine
    from summarizers.registry import spec_for

    for arch, (lang, _, _, _) in ARCHS.items():
        spec = spec_for(lang, {lang: str(OUTPUT / "models" / arch)})
        assert spec is not None
        engine = AbstractiveEngine(models.load(spec))
        engine.generate([engine.chunk(articles(arch, 1)[0])[0]], spec.budget("short"))
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _spawn(*args: str) -> dict[str, float]:
    command = [sys.executable, __file__, "--worker", *args]
    completed = subprocess.run(command, capture_output=True, text=True, check=True, env=os.environ)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=3)
    parser.add_argument("--arch", choices=list(ARCHS), action="append")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        if args.worker == ["both"]:
            print(json.dumps({"peak_rss_mb": both_loaded()}))
        else:
            arch, side = args.worker
            print(json.dumps(worker(arch, side, args.runs, args.articles)))
        return
    results = []
    for arch in args.arch or list(ARCHS):
        build(arch)
        baseline = _spawn(arch, "baseline", "--runs", str(args.runs), "--articles", str(args.articles))
        engine = _spawn(arch, "engine", "--runs", str(args.runs), "--articles", str(args.articles))
        results.append({
            "arch": arch, "model_shape": ARCHS[arch][3], "input_tokens": engine["input_tokens"],
            "output_tokens": ARCHS[arch][2], "beams": 4, "baseline_s": round(baseline["seconds"], 3),
            "engine_s": round(engine["seconds"], 3), "speedup": round(baseline["seconds"] / engine["seconds"], 2),
            "engine_backend": engine["backend"], "peak_rss_mb": round(engine["peak_rss_mb"]),
            "baseline_peak_rss_mb": round(baseline["peak_rss_mb"]),
        })  # fmt: skip
    try:
        both = _spawn("both") if not args.arch or len(args.arch) == len(ARCHS) else None
    except subprocess.CalledProcessError as error:
        print(f"both-models measurement failed: {error.stderr.strip().splitlines()[-1]}", file=sys.stderr)
        both = None
    payload = {"results": results, "both_models_peak_rss_mb": round(both["peak_rss_mb"]) if both else None}
    if args.json:
        print(json.dumps(payload, indent=2))
        return
    widths = (6, 5, 4, 11, 9, 8, 14)
    header = ("arch", "in", "out", "baseline s", "engine s", "speedup", "engine RSS MB")
    print(" ".join(f"{cell:>{width}}" for cell, width in zip(header, widths, strict=True)) + "  backend")
    for row in results:
        print(
            f"{row['arch']:6} {row['input_tokens']:>5} {row['output_tokens']:>4} {row['baseline_s']:>11.2f} "
            f"{row['engine_s']:>9.2f} {row['speedup']:>7.2f}x {row['peak_rss_mb']:>14}  {row['engine_backend']}"
        )
    if both:
        print(
            f"both default architectures loaded in one process (engine backend): peak RSS {both['peak_rss_mb']:.0f} MB"
        )
    print(f"cpu cores: {os.cpu_count()}; median of {args.runs} runs x {args.articles} articles")


if __name__ == "__main__":
    main()
