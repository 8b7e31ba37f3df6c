"""Every figure of the reading stage, one line a part: documents in (install, web pages, PDFs) and text out (sentence
boundaries, bulk files, the checker on tokenised summaries).

    python benchmarks/reading.py

Each part lives in its own script, which also runs alone with more detail:
`benchmarks/reading_documents.py` and `benchmarks/reading_text.py`. A part whose inputs are missing here (a fetched
public benchmark, a browser) prints why it was skipped instead of a figure.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

Part = Callable[[], list[tuple[str, str]]]


def _parts() -> list[tuple[str, Part]]:
    from benchmarks import reading_documents, reading_text

    return [("documents", reading_documents.figures), ("text", reading_text.figures)]


def main() -> int:
    width = 0
    rows: list[tuple[str, str]] = []
    for name, part in _parts():
        try:
            rows.extend(part())
        except Exception as error:  # one part failing still prints the others' figures
            rows.append((f"{name}: failed", f"{type(error).__name__}: {error}"))
    width = max((len(label) for label, _ in rows), default=0)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
