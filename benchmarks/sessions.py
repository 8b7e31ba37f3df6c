"""Eight browser sessions submitting at once to one app server: all served? none errors? the server's memory?

    python benchmarks/sessions.py [--sessions 8] [--model-en DIR] [--model-hi DIR] [--tiny]

Starts the app (streamlit, 127.0.0.1), opens N pages in Debian's chromium (Playwright), pastes a different
bilingual article into each (so no summary is answered from the result cache), presses Summarize on all of them,
then watches every page until both its summaries show, checked. Reports the time from the click to the first
words of a summary (drawn as they are written) and to the finished, checked summaries, median and slowest; how
many pages showed their place in the queue while they waited; errors; and the server's peak resident memory
(VmHWM of the streamlit process). Models: `--model-en/--model-hi` (default: the real-size random-weight models of
benchmarks/speed.py, built if missing), or `--tiny` for the test suite's tiny models.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import speed  # noqa: E402 - the path above makes the checkout importable
from tests.app.conftest import serve_app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
SEED = ROOT / "seeds" / "en_hi_putin_modi_talks_bilingual.txt"


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def texts(count: int) -> list[str]:
    """Different bilingual articles: the seed's English and Hindi paragraphs, each session leaving out others."""
    paragraphs = [part for part in SEED.read_text("utf-8").split("\n\n") if part.strip()]
    return ["\n\n".join(p for k, p in enumerate(paragraphs) if k % (count + 1) != index) for index in range(count)]


def _models(args: argparse.Namespace) -> dict[str, str]:
    if args.tiny:
        from tests.tiny_models import build_tiny_bart, build_tiny_mt5

        root = Path(tempfile.mkdtemp(prefix="saar-sessions-"))
        return {"en": str(build_tiny_bart(root / "bart", max_positions=1024)), "hi": str(build_tiny_mt5(root / "mt5"))}
    return {"en": args.model_en or str(speed.build("bart")), "hi": args.model_hi or str(speed.build("mt5"))}


def serve(models: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    """The app on a free local port (the browser tests' own starter), with these models and a benchmark cache."""
    # Nothing saved to the user's own library unless SAAR_DB names a database for the run.
    env = {
        "SAAR_CACHE": os.environ.get("SAAR_CACHE", str(speed.OUTPUT / "cache")),
        "SAAR_DB": os.environ.get("SAAR_DB", "off"),
    }
    env.update({f"SAAR_MODEL_{lang.upper()}": directory for lang, directory in models.items()})
    return serve_app(env)


def drive(url: str, count: int, timeout_s: float) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        pages = []
        for text in texts(count):
            page = browser.new_page(viewport={"width": 1200, "height": 1800})
            page.set_default_timeout(90_000)
            page.goto(url)
            page.get_by_role("heading", name="Summarize").wait_for()
            page.get_by_label("Paste an article").fill(text)
            pages.append(page)
        started: list[float] = []
        for page in pages:  # as close together as one driver can click
            page.get_by_role("button", name="Summarize").click()
            started.append(time.monotonic())
        sessions: list[dict[str, Any]] = [
            {"seconds": None, "first_words": None, "queued": False, "error": None} for _ in pages
        ]
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and any(s["seconds"] is None and not s["error"] for s in sessions):
            for page, session, start in zip(pages, sessions, started, strict=True):
                if session["seconds"] is not None or session["error"]:
                    continue
                if page.get_by_text("waiting in line").count():
                    session["queued"] = True
                if session["first_words"] is None and page.get_by_text(" · Abstractive · ").count():
                    session["first_words"] = time.monotonic() - start
                if page.locator("[data-testid=stException]").count():
                    session["error"] = "exception on the page"
                elif page.get_by_text("Summarised 1 of 1").count() and page.get_by_text("Hindi ·").count():
                    session["seconds"] = time.monotonic() - start
                    labels = " ".join(page.get_by_text("English ·").all_inner_texts())
                    session["english"] = labels.strip()[:60]
            pages[0].wait_for_timeout(200)
        for session in sessions:
            if session["seconds"] is None and not session["error"]:
                session["error"] = f"no summary within {timeout_s:.0f} s"
        browser.close()
    return sessions


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--model-en")
    parser.add_argument("--model-hi")
    parser.add_argument("--tiny", action="store_true", help="the test suite's tiny models (a quick check of the path)")
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    models = _models(args)
    server, url = serve(models)
    try:
        sessions = drive(url, args.sessions, args.timeout)
        peak = _peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    times = [s["seconds"] for s in sessions if s["seconds"] is not None]
    firsts = [s["first_words"] for s in sessions if s["first_words"] is not None]
    for number, session in enumerate(sessions, start=1):
        shown = f"{session['seconds']:.1f} s" if session["seconds"] is not None else session["error"]
        if session["first_words"] is not None:
            shown += f" (first words after {session['first_words']:.1f} s)"
        print(f"session {number}: {shown}; saw its place in the queue: {'yes' if session['queued'] else 'no'}; "
              f"{session.get('english', '')}")  # fmt: skip
    served = len(times)
    print(
        f"{served} of {len(sessions)} served, {sum(bool(s['error']) for s in sessions)} errors; time to summary: "
        f"median {statistics.median(times):.1f} s, slowest {max(times):.1f} s"
        if times
        else "none served"
    )
    if firsts:
        print(f"time to the first words: median {statistics.median(firsts):.1f} s, slowest {max(firsts):.1f} s")
    print(f"server peak RSS: {peak:.0f} MB; models: {models}; cpu cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
