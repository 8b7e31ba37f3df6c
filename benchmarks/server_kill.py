"""Where a SIGKILL of the app's server lands around a save, and what it costs: the server (serve.py, on a SQLite
file) is killed while a summary is being saved, then started again, round after round.

    python benchmarks/server_kill.py [--rounds 8] [--paragraphs 150] [--when log|shown]

Each round saves one summary and waits for it (acknowledged: its "Link to this summary" is drawn once it is saved),
then starts one more (a long article, so its save writes many pages) and kills the server: `log`, the moment the
write-ahead log is written; `shown`, a few milliseconds (0, 5, 10, ... by round) after its summary is drawn in the
browser (the page saves right after drawing it). Prints, per round, whether the file passed
`PRAGMA integrity_check` and whether the summary in flight was lost (the kill came before its commit) or kept;
then the totals, and how many acknowledged summaries were lost (0 is the promise)."""

from __future__ import annotations

import argparse
import re
import signal
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.app.conftest import CHROMIUM, free_port, open_page, serve_app  # noqa: E402
from tests.app.test_browser_library import finish_summary  # noqa: E402
from tests.app.test_browser_server_kill import article, kill_when_saving, start_summary  # noqa: E402


def saved(database: Path, marker: str) -> bool:
    with sqlite3.connect(database) as connection:
        return bool(
            connection.execute("SELECT count(*) FROM entries WHERE text LIKE ?", (f"%{marker} %",)).fetchone()[0]
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--paragraphs", type=int, default=150, help="length of the article in flight")
    parser.add_argument("--when", choices=("log", "shown"), default="log", help="what sets off the kill")
    arguments = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit("Debian's chromium is needed (bash .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="saar-kill-"))
    database = folder / "library.sqlite3"
    environment = {"SAAR_DB": str(database)}
    port = free_port()
    acknowledged: list[str] = []
    lost = kept = sound = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--headless=new", "--no-sandbox"])
        for number in range(1, arguments.rounds + 1):
            server, url = serve_app(environment, "serve.py", port=port)
            page = open_page(browser, url)
            marker, flying = f"Acknowledged{number}", f"Flying{number}"
            start_summary(page, article(marker))
            finish_summary(page, marker)
            acknowledged.append(marker)
            start_summary(page, article(flying, arguments.paragraphs))
            if arguments.when == "log":
                kill_when_saving(server, database)
            else:
                page.get_by_role("heading", name=re.compile(flying)).wait_for()
                time.sleep(0.005 * (number - 1))
                server.send_signal(signal.SIGKILL)
                server.wait(timeout=30)
            page.close()
            with sqlite3.connect(database) as connection:
                ok = connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            sound += ok
            in_flight_kept = saved(database, flying)
            kept += in_flight_kept
            lost += not in_flight_kept
            fate = "kept" if in_flight_kept else "lost"
            print(f"round {number}: integrity {'ok' if ok else 'FAILED'}, in flight {fate}", flush=True)
        browser.close()
    missing = [marker for marker in acknowledged if not saved(database, marker)]
    rounds = arguments.rounds
    print(f"{rounds} kills ({arguments.when}): integrity ok {sound}/{rounds}; in flight lost {lost}, kept {kept}")
    print(f"acknowledged summaries lost: {len(missing)} of {len(acknowledged)}")


if __name__ == "__main__":
    main()
