"""The real server killed with SIGKILL while it saves (not a separate writer: the Streamlit process itself, mid-run),
two browsers saving through it. After each kill the SQLite file passes `PRAGMA integrity_check`, and once the server
is started again every summary History listed before the kill is still listed, and at most the one summary each
browser had in flight is lost (it may also have been saved just before the kill landed).
`benchmarks/server_kill.py` repeats such kills and counts where they land."""

from __future__ import annotations

import re
import signal
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from tests.app.conftest import free_port, open_history_at, open_page, serve_app
from tests.app.test_browser_library import finish_summary, open_history, settled

pytestmark = pytest.mark.browser

MARKERS = ("Gopalpur", "Haldia", "Itanagar", "Jorhat", "Kakinada", "Lalitpur", "Mandya", "Nalgonda")
WAIT_FOR_SAVE_SECONDS = 90


def article(marker: str, paragraphs: int = 1) -> str:
    """A short article with its own word; `paragraphs` long, its save writes many pages of the database, so a kill
    as the write-ahead log starts growing lands inside the saving transaction."""
    text = [
        f"The {marker} district council approved forty new electric buses on Monday after a long debate, the "
        f"{number}th vote of the year. The buses will serve six {marker} routes from March, officials said. "
        "Opposition members asked who would pay for the charging stations and the new depots."
        for number in range(1, paragraphs + 1)
    ]
    return "\n\n".join(text)


def start_summary(page: Any, text: str) -> None:
    """As the library tests start one (tests/app/test_browser_library.py), for a text of any length."""
    page.get_by_label("Paste an article").fill(text)
    page.get_by_text("Extractive", exact=True).first.click()
    pasted = page.get_by_role("checkbox", name=f"Pasted text · {len(text):,} characters")
    pasted.wait_for(state="attached")
    if not pasted.is_checked():
        pasted.check(force=True)
    page.get_by_role("button", name="Summarize").click()


def listed(page: Any) -> set[str]:
    cards = page.get_by_test_id("stMain").locator("strong")
    return {marker for marker in MARKERS if cards.filter(has_text=f"The {marker} district council").count()}


def back_to_summarize(page: Any) -> None:
    page.get_by_role("link", name="Summarize").click()
    page.get_by_role("heading", name="Summarize").wait_for()
    settled(page)


def log_state(database: Path) -> tuple[int, int]:
    """The write-ahead log's size and time of last change (after a checkpoint SQLite writes it again from its start,
    so its size alone may not change)."""
    wal = database.with_name(database.name + "-wal")
    try:
        status = wal.stat()
    except FileNotFoundError:
        return (0, 0)
    return (status.st_size, status.st_mtime_ns)


def kill_when_saving(server: Any, database: Path) -> None:
    """SIGKILL the server the moment the write-ahead log is written: a save has begun writing its transaction."""
    before = log_state(database)
    deadline = time.monotonic() + WAIT_FOR_SAVE_SECONDS
    while log_state(database) == before:
        assert time.monotonic() < deadline, "no save began"
        time.sleep(0.001)
    server.send_signal(signal.SIGKILL)
    server.wait(timeout=30)


def sound(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_server_killed_mid_save_keeps_every_acknowledged_summary(browser: Any, tmp_path: Path) -> None:
    database = tmp_path / "library.sqlite3"
    environment = {"SAAR_DB": str(database)}
    port = free_port()  # the same address after each restart: the browsers keep their cookies and their pages
    server, url = serve_app(environment, "serve.py", port=port)
    browsers = [open_page(browser, url), open_page(browser, url)]
    markers = iter(MARKERS)
    acknowledged: list[set[str]] = [set(), set()]
    try:
        # Round 1 kills as a save writes the log; round 2 as the first browser's summary is drawn (the page saves
        # right after drawing it), while the second one's may still be being summarised.
        for kill_as_the_log_grows in (True, False):
            for page, mine in zip(browsers, acknowledged, strict=True):
                marker = next(markers)
                start_summary(page, article(marker))
                finish_summary(page, marker)
                open_history(page)
                mine |= listed(page)  # acknowledged: History shows it
                assert marker in mine
                back_to_summarize(page)
            in_flight = []
            for page in browsers:
                in_flight.append(next(markers))
                start_summary(page, article(in_flight[-1], paragraphs=150))
            if kill_as_the_log_grows:
                kill_when_saving(server, database)
            else:
                browsers[0].get_by_role("heading", name=re.compile(in_flight[0])).wait_for()
                server.send_signal(signal.SIGKILL)
                server.wait(timeout=30)
            sound(database)

            server, url = serve_app(environment, "serve.py", port=port)
            for page, mine, flying in zip(browsers, acknowledged, in_flight, strict=True):
                open_history_at(page, url)  # the page was typing the article in flight: opened afresh, it puts it back
                kept = listed(page)
                assert mine <= kept  # nothing History showed before the kill is lost
                assert kept - mine <= {flying}  # nothing else appears: at most the one in flight is lost or kept
                mine |= kept
                back_to_summarize(page)
    finally:
        for page in browsers:
            page.close()
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=30)
    sound(database)
    with sqlite3.connect(database) as connection:
        saved = connection.execute("SELECT count(*) FROM entries").fetchone()[0]
    assert saved == sum(len(mine) for mine in acknowledged)  # one row per summary listed, no torn remnant
