"""Per-article latency and peak memory: plain transformers generation against the product's abstractive path.

    python benchmarks/speed.py [--runs 3] [--articles 3] [--json] [--arch bart|mt5|crosssum]

No weights can be downloaded here, so each default architecture is built at its real size with random weights
(distilbart-cnn-12-6 and mT5-base shapes) with a small tokenizer borrowed from the test models; the work per token is
that of the real model. The cross-language row (`crosssum`) is mT5-base with a CrossSum-style language map, writing
English summaries of Hindi articles: decoding starts at the English token on both sides. Output lengths are forced
(min_new_tokens == max_new_tokens) so both sides do the same work.
Inputs are dev articles cut to each model's window by the product's own chunker. Each measurement runs in a fresh
process, so its peak RSS is its own. Baseline: AutoModelForSeq2SeqLM.generate in float32, one article at a time,
4 beams. Engine: AbstractiveEngine with the default backend (CTranslate2 int8 where it converts). Baseline and
engine processes alternate run by run, so a slow spell of a shared machine hits both sides.

Levers, each against the engine's default in the same run: one CPU thread instead of all; the Hindi vocabulary
filter off; three chunks of a long document in one batched call against one call each; a repeated request (the
result cache). The borrowed tokenizer has only a few hundred Devanagari pieces, far fewer than mT5's real
vocabulary; so the filter is widened to --filter-candidates pieces (30,000 by default, a generous stand-in for the
Devanagari pieces of mT5's 250,112) and the speed it gives is not flattered by the small tokenizer.

`--conversion` measures a model's first use on a fresh cache (config, tokenizer, conversion to CTranslate2, loading
the converted model), each run in a fresh process with its own empty cache: the peak RSS of the process that asked
(the server, in the app) and of the converting child process, against its RSS once the model is loaded (its steady
size); and the same with the conversion run in the asking process itself, as it was before it had a child of its
own. The two alternate run by run.

`--parts` splits the engine's time into the encoder (one output step) and decoding with 4 beams and with 1, and sets
each decoding step beside its read floor: the bytes a step must read at least once (int8 decoder weights, the output
layer, the float32 cross-attention keys and values) at the memory read bandwidth measured here.
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
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUTPUT = ROOT / "benchmarks" / "output"
DATA = ROOT.parent / "shared" / "data" / "dev"
ARCHS = {
    # name: (language, input window, output tokens, registry default)
    "bart": ("en", 1024, 80, "sshleifer/distilbart-cnn-12-6"),
    "mt5": ("hi", 512, 60, "csebuetnlp/mT5_multilingual_XLSum"),
    # The cross-language model writing English summaries of Hindi articles: mT5-base with a language map.
    "crosssum": ("en", 512, 60, "csebuetnlp/mT5_m2m_crossSum"),
}
VOCAB = {"bart": 50264, "mt5": 250112, "crosssum": 250112}  # the real models' output vocabularies
DEFAULT_ARCHS = ("bart", "mt5")  # the languages' own defaults (loaded together in the app)


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
            _pad_vocabulary(directory, VOCAB["bart"])
        return directory
    import torch
    from transformers import (
        AutoTokenizer,
        BartConfig,
        BartForConditionalGeneration,
        MT5Config,
        MT5ForConditionalGeneration,
    )

    from tests.tiny_models import TINY_LANGID_MAP, build_tiny_bart, build_tiny_crosssum, build_tiny_mt5

    torch.manual_seed(0)
    scratch = OUTPUT / "models" / f"{arch}-tokenizer"
    builders = {"bart": build_tiny_bart, "mt5": build_tiny_mt5, "crosssum": build_tiny_crosssum}
    tokenizer_dir = builders[arch](scratch)
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
            task_specific_params={"langid_map": TINY_LANGID_MAP} if arch == "crosssum" else None,
        )  # fmt: skip
        model = MT5ForConditionalGeneration(config)
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    if arch == "bart":
        _pad_vocabulary(directory, VOCAB["bart"])
    return directory


def build_apart(arch: str) -> None:
    """`build` in a process of its own. Building holds the whole model in this process's memory, and Linux carries a
    process's peak RSS over into the programs it starts (a forked child's peak counts the parent's pages, and exec
    keeps it), so every worker started after an in-process build would report the builder's peak as its own."""
    _spawn(arch, "build")


def articles(arch: str, count: int) -> list[list[str]]:
    """Sentences of dev articles (English for BART, Hindi for mT5)."""
    from summarizers.text.spans import split_sentences

    name = "en_cnndm.jsonl" if arch == "bart" else "hi_headlines.jsonl"
    rows = [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda row: -len(row["text"]))  # the longest: each fills the window
    return [[span.text(row["text"]) for span in split_sentences(row["text"])] for row in rows[:count]]


def _engine(arch: str, side: str) -> tuple[Any, Any, int]:
    from summarizers.engines.abstractive import loading as models
    from summarizers.engines.abstractive.engine import AbstractiveEngine
    from summarizers.engines.abstractive.specs import CROSS_LANGUAGE, TokenBudget, spec_for

    lang, _, out_tokens, _ = ARCHS[arch]
    key = CROSS_LANGUAGE if arch == "crosssum" else lang  # the cross-language model writes `lang` from Hindi
    spec = spec_for(key, {key: str(OUTPUT / "models" / arch)})
    assert spec is not None
    spec = replace(spec, lang=lang)
    # The parts of the engine's time (`--parts`): the encoder with a single output step, and decoding with one beam.
    out_tokens = 1 if side == "encoder" else out_tokens
    beams = 1 if side == "one-beam" else 4
    spec = replace(spec, num_beams=beams, budgets={**spec.budgets, "medium": TokenBudget(out_tokens, out_tokens)})
    loaded = models.load(spec, backend="auto" if side != "baseline" else "transformers")
    return AbstractiveEngine(loaded), spec.budget("medium"), out_tokens


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _answer(engine: Any, text: str) -> str:
    """A summary, or the reason there is none: random weights often write output the engine rejects as degenerate,
    and that verdict is an answer the cache keeps too."""
    from summarizers.errors import DegenerateGeneration

    try:
        return engine.summarize_sentences([text], "medium").text
    except DegenerateGeneration as error:
        return str(error)


def worker(arch: str, side: str, runs: int, count: int) -> dict[str, Any]:
    """Time one side in this process: seconds per article (or per lever action), and the process's peak RSS.

    side: baseline | engine | batched | one-by-one (three chunks of one long article) | repeat (the same request
    twice: the second answer's time) | encoder (one output token) | one-beam (greedy, same output length).
    """
    import torch

    engine, budget, out_tokens = _engine(arch, side)
    texts = articles(arch, count)
    inputs = [engine.chunk(sentences)[0] for sentences in texts]
    timings: list[float] = []
    # Every side first generates once, untimed: a fresh process's first generation also pays one-off costs (kernel
    # selection, allocator growth; 1.4-1.5x the steady time on both sides), which a running app pays once, not per
    # article. The first generation's time is reported on its own.
    if side == "baseline":
        model, spec = engine.loaded.model, engine.spec  # loaded by `_engine` with the transformers backend

        # A language-map model starts at its target language's token, as its card generates.
        start = {"decoder_start_token_id": engine.generator.start_id} if engine.generator.start_id is not None else {}

        def generate(text: str) -> object:
            batch = engine.tokenizer([text], return_tensors="pt")
            with torch.inference_mode():
                return model.generate(
                    **batch, num_beams=4, min_new_tokens=out_tokens, max_new_tokens=out_tokens,
                    no_repeat_ngram_size=spec.no_repeat_ngram_size, length_penalty=spec.length_penalty, **start,
                )  # fmt: skip

        first_s = _timed(lambda: generate(inputs[0]))
        for _ in range(runs):
            for text in inputs:
                timings.append(_timed(lambda text=text: generate(text)))
    elif side in ("batched", "one-by-one"):
        long_text = [sentence for sentences in articles(arch, max(count, 3)) for sentence in sentences]
        chunks = engine.chunk(long_text)[:3]
        assert len(chunks) == 3, "the dev articles should fill three windows"
        first_s = _timed(lambda: engine.generate(chunks[:1], budget))
        for _ in range(runs):
            if side == "batched":
                timings.append(_timed(lambda: engine.generate(chunks, budget)))
            else:
                timings.append(_timed(lambda: [engine.generate([chunk], budget) for chunk in chunks]))
    elif side == "repeat":
        first_s = 0.0  # the first answer of each pair below is the untimed one
        for text in inputs:  # one window each: the first answer is one generation
            _answer(engine, text)
            timings.append(_timed(lambda text=text: _answer(engine, text)))
    else:
        first_s = _timed(lambda: engine.generate(inputs[:1], budget))
        for _ in range(runs):
            for text in inputs:
                timings.append(_timed(lambda text=text: engine.generate([text], budget)))
    return {
        "timings": timings,
        "first_s": first_s,
        "input_tokens": statistics.median(len(engine.tokenizer(text)["input_ids"]) for text in inputs),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "backend": engine.loaded.backend if side != "baseline" else "transformers float32",
        "filter": engine.loaded.fast.filters(engine.spec.lang) if engine.loaded.fast else False,
    }


def both_loaded() -> float:
    """Peak RSS of a process holding both engine models (as the app does), after one generation each."""
    from summarizers.engines.abstractive import loading as models
    from summarizers.engines.abstractive.engine import AbstractiveEngine
    from summarizers.engines.abstractive.specs import spec_for

    for arch in DEFAULT_ARCHS:
        lang = ARCHS[arch][0]
        spec = spec_for(lang, {lang: str(OUTPUT / "models" / arch)})
        assert spec is not None
        engine = AbstractiveEngine(models.load(spec))
        engine.generate([engine.chunk(articles(arch, 1)[0])[0]], spec.budget("short"))
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def first_use(arch: str, in_process: bool = False) -> dict[str, Any]:
    """One model's first use in this process, on an empty conversion cache (the caller's `SAAR_CACHE`): its RSS
    before and after, its peak, and the peak of any child process (where the conversion runs, unless `in_process`)."""
    from summarizers.engines.abstractive import loading as models
    from summarizers.engines.abstractive.backends import conversion
    from summarizers.engines.abstractive.backends import ctranslate2 as ctranslate2_backend

    if in_process:

        def convert_here(checkpoint: Path, target: Path, quantization: str) -> None:
            conversion.convert_here(str(checkpoint), str(target), quantization)

        ctranslate2_backend.convert_in_child = convert_here  # type: ignore[assignment]
    from summarizers.engines.abstractive.specs import CROSS_LANGUAGE, spec_for

    lang = ARCHS[arch][0]
    key = CROSS_LANGUAGE if arch == "crosssum" else lang
    spec = spec_for(key, {key: str(OUTPUT / "models" / arch)})
    assert spec is not None
    # A server has torch and transformers imported before its first summary: not counted as the first use's.
    import torch  # noqa: F401
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer  # noqa: F401

    before = _rss_mb()
    started = time.perf_counter()
    loaded = models.load(replace(spec, lang=lang), backend="ctranslate2")
    return {
        "seconds": time.perf_counter() - started,
        "before_mb": before,
        "steady_mb": _rss_mb(),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "child_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "backend": loaded.backend,
    }


def _rss_mb() -> float:
    """This process's resident memory now."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


CONVERSION_SIDES = {"first-use": "in a child process (the product)", "first-use-in-process": "in the asking process"}


def measure_conversion(arch: str, runs: int) -> list[dict[str, Any]]:
    """The median over `runs` fresh processes of `first_use`, each with a fresh, empty cache, for the conversion in a
    child process and in the asking process, alternating."""
    import tempfile

    build_apart(arch)
    measured: dict[str, list[dict[str, Any]]] = {side: [] for side in CONVERSION_SIDES}
    for _ in range(runs):
        for side, runs_of_side in measured.items():
            with tempfile.TemporaryDirectory(prefix="saar-conversion-") as cache:
                runs_of_side.append(_spawn(arch, side, env={"SAAR_CACHE": cache}))
    rows = []
    for side, runs_of_side in measured.items():
        figures = {name: round(statistics.median(run[name] for run in runs_of_side), 1)
                   for name in ("seconds", "before_mb", "steady_mb", "peak_rss_mb", "child_peak_rss_mb")}  # fmt: skip
        peaks = [round(run["peak_rss_mb"]) for run in runs_of_side]
        rows.append({"arch": arch, "model_shape": ARCHS[arch][3], "conversion": CONVERSION_SIDES[side], "runs": runs,
                     "backend": runs_of_side[0]["backend"], "peak_rss_mb_each_run": peaks, **figures})  # fmt: skip
    return rows


def print_conversion(rows: list[dict[str, Any]]) -> None:
    first = rows[0]
    print(f"first use of {first['arch']} ({first['model_shape']} shape, random weights) on a fresh cache, "
          f"{first['backend']}; median of {first['runs']} fresh processes each")  # fmt: skip
    print(f"{'conversion':34} {'RSS before MB':>14} {'peak RSS MB':>12} {'steady RSS MB':>14} "
          f"{'child peak MB':>14} {'seconds':>8}  peak each run")  # fmt: skip
    for row in rows:
        print(f"{row['conversion']:34} {row['before_mb']:>14.0f} {row['peak_rss_mb']:>12.0f} {row['steady_mb']:>14.0f} "
              f"{row['child_peak_rss_mb']:>14.0f} {row['seconds']:>8.1f}  "
              f"{', '.join(str(peak) for peak in row['peak_rss_mb_each_run'])}")  # fmt: skip
    print("RSS of the asking process (the server, in the app): before the first use (torch and transformers imported), "
          "its peak, and once the converted model is loaded; child peak: the converting process's own")  # fmt: skip


def _spawn(*args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", *args]
    completed = subprocess.run(command, capture_output=True, text=True, check=True, env={**os.environ, **(env or {})})
    return json.loads(completed.stdout.strip().splitlines()[-1])


def widen_filter(arch: str, candidates: int) -> int | None:
    """Convert the benchmark model, then give its Hindi vocabulary filter `candidates` always-scored pieces (fillers
    of the padded vocabulary), as a real mT5 vocabulary's Devanagari pieces would be. Returns the count."""
    from summarizers import settings
    from summarizers.engines.abstractive.backends import ctranslate2 as ctranslate2_backend

    directory = ctranslate2_backend.convert(OUTPUT / "models" / arch, settings.quantization())
    record = ctranslate2_backend.vocabulary_filter(directory)
    if record["language"] is None:
        return None
    path = directory / ctranslate2_backend.VOCABULARY_MAP
    lines = path.read_text("utf-8").split("\n")
    fixed = lines[0].lstrip("\t").split(" ")
    if len(fixed) < candidates:
        taken = set(fixed)
        fillers = [
            piece for piece in ctranslate2_backend.converted_vocabulary(directory) if piece.startswith("<extra_id_")
        ]
        fixed += [piece for piece in fillers if piece not in taken][: candidates - len(fixed)]
        lines[0] = "\t" + " ".join(fixed)
        path.write_text("\n".join(lines), "utf-8")
        record["candidates"] = len(fixed)
        (directory / ctranslate2_backend.FILTER_RECORD).write_text(json.dumps(record), "utf-8")
    return len(fixed)


def _alternating(arch: str, sides: list[tuple[str, dict[str, str]]], runs: int, count: int) -> list[dict[str, Any]]:
    """Each side's timings over `runs` rounds; within a round every side runs once, in turn, in its own process."""
    merged: list[dict[str, Any]] = [{} for _ in sides]
    for _ in range(runs):
        for result, (side, env) in zip(merged, sides, strict=True):
            measured = _spawn(arch, side, "--runs", "1", "--articles", str(count), env=env)
            timings = result.get("timings", []) + measured["timings"]
            firsts = [*result.get("firsts", []), measured["first_s"]]
            peak = max(result.get("peak_rss_mb", 0), measured["peak_rss_mb"])
            result.update(measured, timings=timings, firsts=firsts, peak_rss_mb=peak)
    for result in merged:
        result["seconds"] = statistics.median(result["timings"])
        result["first_s"] = statistics.median(result["firsts"])
    return merged


def measure(args: argparse.Namespace) -> dict[str, Any]:
    results, levers, parts = [], [], []
    for arch in args.arch or list(ARCHS):
        build_apart(arch)
        # The filter serves Hindi summaries; the cross-language row writes English, which scores every piece.
        filter_size = widen_filter(arch, args.filter_candidates) if ARCHS[arch][0] == "hi" else None
        baseline, engine = _alternating(arch, [("baseline", {}), ("engine", {})], args.runs, args.articles)
        results.append({
            "arch": arch, "model_shape": ARCHS[arch][3], "input_tokens": engine["input_tokens"],
            "output_tokens": ARCHS[arch][2], "beams": 4, "baseline_s": round(baseline["seconds"], 3),
            "engine_s": round(engine["seconds"], 3), "speedup": round(baseline["seconds"] / engine["seconds"], 2),
            "engine_backend": engine["backend"] + (f", filter {filter_size:,} pieces" if engine["filter"] else ""),
            "peak_rss_mb": round(engine["peak_rss_mb"]), "baseline_peak_rss_mb": round(baseline["peak_rss_mb"]),
            "baseline_first_s": round(baseline["first_s"], 3), "engine_first_s": round(engine["first_s"], 3),
        })  # fmt: skip
        if args.parts:
            sides = [("engine", {}), ("encoder", {}), ("one-beam", {})]
            full, encoder, one_beam = _alternating(arch, sides, args.runs, args.articles)
            parts.append({
                "arch": arch, "engine_s": round(full["seconds"], 3), "encoder_s": round(encoder["seconds"], 3),
                "decoding_s": round(full["seconds"] - encoder["seconds"], 3),
                "decoding_one_beam_s": round(one_beam["seconds"] - encoder["seconds"], 3),
                "output_tokens": ARCHS[arch][2],
                "streamed_mb": round(streamed_per_step_mb(arch, engine["input_tokens"], filter_size or VOCAB[arch]), 1),
            })  # fmt: skip
        if args.no_levers:
            continue
        cores = os.cpu_count() or 1
        other_threads = cores if filter_size else 1  # the engine's default is the other choice (threads_for)
        variants = [("engine", {}), ("engine", {"SAAR_CT2_THREADS": str(other_threads)})]
        names = [
            f"{other_threads} CPU thread{'s' if other_threads > 1 else ''} (the default: {cores // other_threads})"
        ]
        if filter_size:
            variants.append(("engine", {"SAAR_VOCABULARY_FILTER": "off"}))
            names.append("Hindi vocabulary filter off")
        default, *others = _alternating(arch, variants, args.runs, args.articles)
        for name, other in zip(names, others, strict=True):
            levers.append(_lever(arch, name, default["seconds"], other["seconds"]))
        if arch == "mt5":  # three 512-token windows; the 1024-token BART windows would triple the run time
            batched, single = _alternating(arch, [("batched", {}), ("one-by-one", {})], args.runs, args.articles)
            levers.append(
                _lever(arch, "3 chunks one call each (vs one batched call)", batched["seconds"], single["seconds"])
            )
        (repeat,) = _alternating(arch, [("repeat", {})], 1, args.articles)
        levers.append(_lever(arch, "repeated request (result cache)", default["seconds"], repeat["seconds"]))
    try:
        both = _spawn("both") if not args.arch or set(DEFAULT_ARCHS) <= set(args.arch) else None
    except subprocess.CalledProcessError as error:
        print(f"both-models measurement failed: {error.stderr.strip().splitlines()[-1]}", file=sys.stderr)
        both = None
    return {
        "results": results,
        "levers": levers,
        "parts": parts,
        "both_models_peak_rss_mb": round(both["peak_rss_mb"]) if both else None,
        "read_bandwidth_gb_s": round(read_bandwidth_gb_s(), 1) if parts else None,
        "cpu_cores": os.cpu_count(),
        "runs": args.runs,
        "articles": args.articles,
    }


CROSS_KEY_VALUE = ("encoder_attn.k_proj", "encoder_attn.v_proj", "EncDecAttention.k.", "EncDecAttention.v.")


def streamed_per_step_mb(arch: str, input_tokens: float, output_rows: int) -> float:
    """What one decoding step must read at least once, in MB: the decoder's int8 linear weights (not the
    cross-attention key and value projections: they run once, over the encoder's output), the int8 output layer over
    the rows it scores, and the float32 cross-attention keys and values of the input."""
    from safetensors import safe_open

    directory = OUTPUT / "models" / arch
    config = json.loads((directory / "config.json").read_text("utf-8"))
    with safe_open(str(directory / "model.safetensors"), "pt") as weights:
        shapes = {name: weights.get_slice(name).get_shape() for name in weights.keys()}  # noqa: SIM118
    linear = sum(
        shape[0] * shape[1]
        for name, shape in shapes.items()
        if len(shape) == 2 and "decoder" in name and "embed" not in name and "relative_attention" not in name
        and not any(part in name for part in CROSS_KEY_VALUE)
    )  # fmt: skip
    d_model = config["d_model"]
    layers = config.get("decoder_layers") or config["num_decoder_layers"]
    inner = config.get("num_heads", 0) * config.get("d_kv", 0) or d_model
    cross_key_value = layers * input_tokens * inner * 2 * 4
    return (linear + output_rows * d_model + cross_key_value) / 2**20


def read_bandwidth_gb_s(megabytes: int = 256, runs: int = 7) -> float:
    """Memory read bandwidth with all cores: summing a float32 tensor far larger than the caches the decoder's
    weights could stay in between steps."""
    import torch

    torch.set_num_threads(os.cpu_count() or 1)
    values = torch.ones(megabytes * 2**20 // 4)
    return megabytes / 1024 / statistics.median(_timed(values.sum) for _ in range(runs))


def _lever(arch: str, lever: str, default_s: float, lever_s: float) -> dict[str, Any]:
    """`relative`: the lever's time over the default's (below 1: the lever is faster)."""
    return {"arch": arch, "lever": lever, "default_s": round(default_s, 3), "lever_s": round(lever_s, 4),
            "relative": round(lever_s / default_s, 3)}  # fmt: skip


def print_table(payload: dict[str, Any]) -> None:
    widths = (6, 5, 4, 11, 9, 8, 14)
    header = ("arch", "in", "out", "baseline s", "engine s", "speedup", "engine RSS MB")
    print(" ".join(f"{cell:>{width}}" for cell, width in zip(header, widths, strict=True)) + "  backend")
    for row in payload["results"]:
        print(
            f"{row['arch']:6} {row['input_tokens']:>5} {row['output_tokens']:>4} {row['baseline_s']:>11.2f} "
            f"{row['engine_s']:>9.2f} {row['speedup']:>7.2f}x {row['peak_rss_mb']:>14}  {row['engine_backend']}"
        )
    print("first generation in a fresh process (untimed above; a running app pays it once): "
          + "; ".join(f"{row['arch']} baseline {row['baseline_first_s']:.2f} s, engine {row['engine_first_s']:.2f} s"
                      for row in payload["results"]))  # fmt: skip
    if payload["levers"]:
        print("\nlevers (each against the engine default, measured in turn in the same run)")
        print(f"{'arch':6} {'lever':46} {'default s':>10} {'lever s':>9} {'lever/default':>14}")
        for row in payload["levers"]:
            print(f"{row['arch']:6} {row['lever']:46} {row['default_s']:>10.2f} {row['lever_s']:>9.3f} "
                  f"{row['relative']:>14.3f}")  # fmt: skip
    if payload["parts"]:
        print("\nwhere the engine's time goes (encoder: one output step; decoding: the rest, with 4 beams and with 1)")
        bandwidth = payload["read_bandwidth_gb_s"]
        header = ("arch", "engine s", "encoder s", "decoding s", "1-beam decoding s", "step ms", "1-beam step ms",
                  "read MB/step", "read floor ms")  # fmt: skip
        widths = (6, 9, 10, 11, 18, 8, 15, 13, 14)
        print(" ".join(f"{cell:>{width}}" for cell, width in zip(header, widths, strict=True)))
        for row in payload["parts"]:
            step_ms = 1000 * row["decoding_s"] / row["output_tokens"]
            one_beam_ms = 1000 * row["decoding_one_beam_s"] / row["output_tokens"]
            floor_ms = row["streamed_mb"] / 1024 / bandwidth * 1000
            print(f"{row['arch']:6} {row['engine_s']:>9.2f} {row['encoder_s']:>10.2f} {row['decoding_s']:>11.2f} "
                  f"{row['decoding_one_beam_s']:>18.2f} {step_ms:>8.1f} {one_beam_ms:>15.1f} "
                  f"{row['streamed_mb']:>13.1f} {floor_ms:>14.1f}")  # fmt: skip
        print(f"read floor: what a step must read once (int8 decoder weights, output layer, float32 cross-attention "
              f"keys and values) at the measured memory read bandwidth, {bandwidth} GB/s")  # fmt: skip
    if payload["both_models_peak_rss_mb"]:
        print(f"\nboth default architectures loaded in one process (engine backend): peak RSS "
              f"{payload['both_models_peak_rss_mb']} MB")  # fmt: skip
    print(f"cpu cores: {payload['cpu_cores']}; median of {payload['runs']} runs x {payload['articles']} articles")


def main() -> None:
    os.environ.setdefault("SAAR_CACHE", str(OUTPUT / "cache"))  # converted benchmark models stay with the benchmark
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=2)
    parser.add_argument("--arch", choices=list(ARCHS), action="append")
    parser.add_argument("--filter-candidates", type=int, default=30_000)
    parser.add_argument("--no-levers", action="store_true")
    parser.add_argument("--parts", action="store_true", help="also time the encoder alone and decoding with one beam")
    parser.add_argument("--conversion", action="store_true", help="only the memory of a model's first use")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        if args.worker == ["both"]:
            print(json.dumps({"peak_rss_mb": both_loaded()}))
        elif args.worker[1:] == ["build"]:
            print(json.dumps({"directory": str(build(args.worker[0]))}))
        elif args.worker[1:] in (["first-use"], ["first-use-in-process"]):
            print(json.dumps(first_use(args.worker[0], in_process=args.worker[1] == "first-use-in-process")))
        else:
            arch, side = args.worker
            print(json.dumps(worker(arch, side, args.runs, args.articles)))
        return
    if args.conversion:
        for arch in args.arch or ["mt5"]:
            rows = measure_conversion(arch, args.runs)
            if args.json:
                print(json.dumps(rows, indent=2))
            else:
                print_conversion(rows)
        return
    payload = measure(args)
    if args.json:
        print(json.dumps(payload, indent=2))
    else:
        print_table(payload)


if __name__ == "__main__":
    main()
