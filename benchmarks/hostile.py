"""Time and peak memory to answer each hostile file (tests/fuzz/hostile.py), against the target of 5 s and 600 MB.

    python benchmarks/hostile.py [--runs 3] [--only NAME ...] [--isolated]

Each file is built once into a temporary folder, then read by `read_bytes` in a fresh process per run, so the peak
resident memory (ru_maxrss) is that file's alone; it includes the interpreter and the readers' imports (the
"baseline" row reads a valid one-page PDF). Figures are medians over the runs. `--isolated` reads through
`read_bytes_isolated` instead, the path the app takes (a worker process per upload): the time then includes the
worker's start-up, and the peak is the worker's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fuzz.hostile import HOSTILE, valid_pdf  # noqa: E402

TARGET_SECONDS = 5.0
TARGET_MB = 600.0
CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from summarizers.errors import DocumentError
path, name, isolated = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
data = open(path, "rb").read()
if isolated:
    from summarizers.documents.isolated import read_bytes_isolated as read
else:
    from summarizers.documents.reading import read_bytes as read
start = time.perf_counter()
try:
    document = read(data, name)
    outcome = f"read: {{len(document.text):,}} characters"
except DocumentError as error:
    outcome = "refused: " + error.reason
seconds = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "peak_mb": max(own, worker), "outcome": outcome}}))
"""


def measure(path: Path, name: str, isolated: bool) -> dict[str, object]:
    command = [sys.executable, "-c", CHILD.format(root=str(ROOT)), str(path), name, "1" if isolated else "0"]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if finished.returncode != 0:
        return {"seconds": float("nan"), "peak_mb": float("nan"), "outcome": "CRASH " + finished.stderr[-300:]}
    result: dict[str, object] = json.loads(finished.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--isolated", action="store_true")
    args = parser.parse_args()
    cases = {"baseline (valid PDF)": ("valid.pdf", valid_pdf), **HOSTILE}
    chosen = {key: case for key, case in cases.items() if not args.only or key in args.only}
    print(f"{'file':<30} {'size MB':>8} {'median s':>9} {'peak MB':>8}  target  outcome")
    with tempfile.TemporaryDirectory() as folder:
        for key, (name, build) in chosen.items():
            path = Path(folder) / name
            data = build()
            path.write_bytes(data)
            runs = [measure(path, name, args.isolated) for _ in range(args.runs)]
            seconds = statistics.median(float(run["seconds"]) for run in runs)  # type: ignore[arg-type]
            peak = statistics.median(float(run["peak_mb"]) for run in runs)  # type: ignore[arg-type]
            met = "met" if seconds < TARGET_SECONDS and peak < TARGET_MB else "MISSED"
            outcome = str(runs[-1]["outcome"])
            print(
                f"{key:<30} {len(data) / 1e6:>8.2f} {seconds:>9.2f} {peak:>8.0f}  {met:<6}  {outcome[:110]}", flush=True
            )
            path.unlink()


if __name__ == "__main__":
    main()
