"""Time from clicking Summarize to the first summary on the page, through a real browser, offline.

    python benchmarks/app_first_summary.py [--runs 5] [--words 1000]

Starts the app (HF_HUB_OFFLINE=1, so summaries are extractive), pastes an English article of about `--words` words
built from the seed articles, clicks Summarize and waits for the first summary sentence to be visible. Prints each
run, the median and the first (cold) run apart: the target is a median within 2 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.app.conftest import CHROMIUM, serve_app  # noqa: E402


def article(words: int) -> str:
    seeds = sorted((ROOT / "seeds").glob("en_modi_*.txt"))
    paragraphs = [line for path in seeds for line in path.read_text("utf-8").splitlines() if len(line.split()) > 12]
    chosen: list[str] = []
    while sum(len(paragraph.split()) for paragraph in chosen) < words:
        chosen.append(paragraphs[len(chosen) % len(paragraphs)])
    return "\n\n".join(chosen)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", type=int, default=1000)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    text = article(args.words)
    server, url = serve_app({"SAAR_DB": os.environ.get("SAAR_DB", "off")})  # not into the user's own library
    timings: list[float] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=["--headless=new", "--no-sandbox", "--disable-gpu"]
            )
            for run in range(args.runs + 1):
                page = browser.new_page(viewport={"width": 1400, "height": 1600})
                page.set_default_timeout(120_000)
                page.goto(url)
                page.get_by_label("Paste an article").fill(text + f"\n\nRun {run}.")  # a new text: no cached result
                page.get_by_role("heading", name="Summarize").click()  # commit the text, as leaving the box does
                page.wait_for_timeout(500)
                started = time.perf_counter()
                page.get_by_role("button", name="Summarize", exact=True).click()
                page.locator("[data-sentence^='EN-']").first.wait_for(state="visible")
                timings.append(time.perf_counter() - started)
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    cold, warm = timings[0], timings[1:]
    print(f"article: {len(text.split())} words, English, offline (extractive)")
    print(f"cold first run (imports, first analysis): {cold:.2f} s")
    print("runs: " + ", ".join(f"{seconds:.2f}" for seconds in warm))
    print(f"median of {len(warm)}: {statistics.median(warm):.2f} s (target: within 2 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
