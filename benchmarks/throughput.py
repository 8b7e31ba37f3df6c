"""Documents per minute over dev articles: plain transformers one at a time, the engine one at a time, the engine
batched, and the batched engine on a local Ray with two actors. Peak memory per process; CPU-seconds per 1,000.

    python benchmarks/throughput.py [--articles 200] [--alone N] [--arch bart|mt5] [--group 16] [--sides plain,...]

The models are those of `benchmarks/speed.py` (its helpers build them): each default architecture at its real size
with random weights, output lengths forced (min_new_tokens == max_new_tokens, 4 beams) so every side does the same
work per article. Articles: en_cnndm and en_xsum from the dev data, alternating, each cut to the model's window by
the engine's own chunker (so plain transformers, which truncates, reads the same tokens). Each side runs in its own
process after one untimed generation (a running service pays the first-call costs once); model loading is not
timed. Ray's clock starts when its first actor has loaded its model; its wall time including actor start is
reported beside it. Ray's CPU-seconds are its actors' and the driver's (not its own daemons').

`--alone N` runs the two one-at-a-time sides (plain, engine) on the first N of the articles only: each article is
written on its own there, so the rate per article does not depend on how many are written, while plain transformers
at real size takes about half a minute an article on 2 cores (200 articles: over an hour and a half). The batched
sides always take every article, since how well batches fill depends on the whole set.

What the figures leave out: the product's language analysis and attribution around generation (the same for
every side, and small beside generation with real-size models).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import speed  # noqa: E402 - the path above makes the checkout importable

SIDES = ("plain", "engine", "batched", "ray")
SOURCES = ("en_cnndm.jsonl", "en_xsum.jsonl")


def articles(count: int) -> list[str]:
    """`count` dev articles, alternating between the sources."""
    by_source = [
        [json.loads(line)["text"] for line in (speed.DATA / name).read_text("utf-8").splitlines() if line.strip()]
        for name in SOURCES
    ]
    mixed = [text for pair in zip(*by_source, strict=False) for text in pair]
    return mixed[:count]


def windowed(engine: Any, texts: list[str]) -> list[list[str]]:
    """Each article's sentences, as many as the model's window holds (its first chunk's)."""
    from summarizers.text.spans import split_sentences

    inputs = []
    for text in texts:
        first = engine.chunk([span.text(text) for span in split_sentences(text)])[0]
        inputs.append([span.text(first) for span in split_sentences(first)])
    return inputs


def _usage() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _engine_side(arch: str, side: str, count: int, group: int) -> dict[str, Any]:
    if side == "batched":
        from summarizers.batch import batch_cores

        batch_cores()  # as the batch command runs: one replica per core, each batch split between them
    engine, _, out_tokens = speed._engine(arch, "baseline" if side == "plain" else "engine")
    inputs = windowed(engine, articles(count))
    if side == "plain":
        import torch

        model, spec = engine.loaded.model, engine.spec

        def one(sentences: list[str]) -> None:
            batch = engine.tokenizer([" ".join(sentences)], return_tensors="pt")
            with torch.inference_mode():
                model.generate(
                    **batch, num_beams=4, min_new_tokens=out_tokens, max_new_tokens=out_tokens,
                    no_repeat_ngram_size=spec.no_repeat_ngram_size, length_penalty=spec.length_penalty,
                )  # fmt: skip

        one(inputs[0])  # untimed: first-call costs
        wall, cpu = _usage()
        for sentences in inputs:
            one(sentences)
    elif side == "engine":
        speed._answer(engine, " ".join(inputs[0]))
        engine.loaded.results.capacity = 0  # every article is written, none answered from memory
        wall, cpu = _usage()
        for sentences in inputs:
            speed._answer(engine, " ".join(sentences))
    else:
        speed._answer(engine, " ".join(inputs[0]))
        engine.loaded.results.capacity = 0
        wall, cpu = _usage()
        for start in range(0, len(inputs), group):
            engine.summarize_many(inputs[start : start + group], "medium", group)
    end_wall, end_cpu = _usage()
    return {"articles": len(inputs), "seconds": end_wall - wall, "cpu_s": end_cpu - cpu, "peak_rss_mb": [_rss_mb()],
            "backend": "transformers float32" if side == "plain" else engine.loaded.backend}  # fmt: skip


class _Actor:
    """One Ray actor: the batched engine, loaded once."""

    def __init__(self, arch: str, group: int) -> None:
        self.engine, _, _ = speed._engine(arch, "engine")
        self.group = group
        speed._answer(self.engine, "A first sentence to warm the model up. A second one.")
        self.engine.loaded.results.capacity = 0
        self.ready = time.time()
        self.cpu = time.process_time()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        requests = [json.loads(str(sentences)) for sentences in batch["sentences"]]
        self.engine.summarize_many(requests, "medium", self.group)
        count = len(requests)
        return {"done": [time.time()] * count, "ready": [self.ready] * count, "pid": [os.getpid()] * count,
                "cpu_s": [time.process_time() - self.cpu] * count, "rss_mb": [_rss_mb()] * count}  # fmt: skip


def _ray_side(arch: str, count: int, group: int) -> dict[str, Any]:
    import ray

    engine, _, _ = speed._engine(arch, "engine")  # only to cut the articles to the window as the other sides do
    inputs = windowed(engine, articles(count))
    backend = engine.loaded.backend
    del engine
    from summarizers.engines.abstractive import loading

    loading.unload_all()
    threads = {"SAAR_CT2_THREADS": "1", "SAAR_CT2_PARALLEL": "1", "SAAR_TORCH_THREADS": "1", "OMP_NUM_THREADS": "1"}
    env = {"PYTHONPATH": str(ROOT), "SAAR_CACHE": os.environ["SAAR_CACHE"], **threads}
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, runtime_env={"env_vars": env})
    started, cpu = _usage()
    started_at = time.time()
    rows = ray.data.from_items([{"sentences": json.dumps(sentences)} for sentences in inputs])
    results = rows.map_batches(_Actor, fn_constructor_kwargs={"arch": arch, "group": group}, batch_size=group,
                               concurrency=2, num_cpus=1, batch_format="numpy").take_all()  # fmt: skip
    end_wall, end_cpu = _usage()
    ray.shutdown()
    first_ready = min(row["ready"] for row in results)
    last_done = max(row["done"] for row in results)
    actors: dict[int, dict[str, float]] = {}
    for row in results:
        actor = actors.setdefault(int(row["pid"]), {"cpu_s": 0.0, "rss_mb": 0.0})
        actor["cpu_s"] = max(actor["cpu_s"], float(row["cpu_s"]))
        actor["rss_mb"] = max(actor["rss_mb"], float(row["rss_mb"]))
    return {
        "articles": len(results), "seconds": last_done - first_ready, "with_start_s": end_wall - started,
        "cpu_s": sum(actor["cpu_s"] for actor in actors.values()) + end_cpu - cpu,
        "peak_rss_mb": [actor["rss_mb"] for actor in actors.values()] + [_rss_mb()],
        "backend": f"{backend}, {len(actors)} actors x 1 thread", "start_lag_s": first_ready - started_at,
    }  # fmt: skip


def worker(arch: str, side: str, count: int, group: int) -> dict[str, Any]:
    return _ray_side(arch, count, group) if side == "ray" else _engine_side(arch, side, count, group)


def _spawn(arch: str, side: str, count: int, group: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", arch, side, "--articles", str(count), "--group", str(group)]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode:
        tail = completed.stderr.strip().splitlines()[-3:]
        return {"error": " | ".join(tail)}
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def print_table(rows: list[dict[str, Any]], cores: int) -> None:
    header = (
        f"{'arch':5} {'side':8} {'articles':>8} {'docs/min':>9} {'vs plain':>9} {'CPU-s/1000':>11} {'peak RSS MB':>18}"
    )
    print(header + "  backend")
    for row in rows:
        if "error" in row:
            print(f"{row['arch']:5} {row['side']:8} failed: {row['error']}")
            continue
        rss = "+".join(str(round(mb)) for mb in row["peak_rss_mb"])
        print(f"{row['arch']:5} {row['side']:8} {row['articles']:>8} {row['docs_per_min']:>9.2f} "
              f"{row.get('vs_plain', float('nan')):>8.2f}x {row['cpu_s_per_1000']:>11.0f} {rss:>18}  "
              f"{row['backend']}")  # fmt: skip
    for row in rows:
        if row.get("with_start_s"):
            print(f"{row['arch']} ray: {row['with_start_s']:.1f} s wall including actor start "
                  f"(first actor ready after {row['start_lag_s']:.1f} s)")  # fmt: skip
    print(f"cpu cores: {cores}; ray: docs/min from the first actor ready to the last result; peak RSS: each process")


def main() -> None:
    os.environ.setdefault("SAAR_CACHE", str(speed.OUTPUT / "cache"))
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--arch", choices=list(speed.ARCHS), action="append")
    parser.add_argument("--alone", type=int, help="articles for the one-at-a-time sides (default: all)")
    parser.add_argument("--group", type=int, default=16, help="documents per summarize_many call (and per Ray batch)")
    parser.add_argument("--sides", default=",".join(SIDES))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(*args.worker, args.articles, args.group)))
        return
    rows = []
    for arch in args.arch or list(speed.ARCHS):
        speed.build(arch)
        plain_rate = None
        for side in args.sides.split(","):
            count = min(args.alone or args.articles, args.articles) if side in ("plain", "engine") else args.articles
            result = {"arch": arch, "side": side, **_spawn(arch, side, count, args.group)}
            if "error" not in result:
                result["docs_per_min"] = 60 * result["articles"] / result["seconds"]
                result["cpu_s_per_1000"] = 1000 * result["cpu_s"] / result["articles"]
                plain_rate = result["docs_per_min"] if side == "plain" else plain_rate
                if plain_rate:
                    result["vs_plain"] = result["docs_per_min"] / plain_rate
            rows.append(result)
            print(json.dumps(result), file=sys.stderr, flush=True)  # each side as it ends: a long run shows progress
    if args.json:
        print(json.dumps({"rows": rows, "cpu_cores": os.cpu_count()}, indent=2))
    else:
        print_table(rows, os.cpu_count() or 1)


if __name__ == "__main__":
    main()
