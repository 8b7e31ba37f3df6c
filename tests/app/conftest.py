"""The app served by Streamlit and Debian's chromium driven by Playwright, shared by the browser tests."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
OUTPUT = Path(os.environ.get("SAAR_TEST_OUTPUT", ROOT / "test-output"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
RESULT_TIMEOUT_MS = 90_000
PHONE = {"width": 390, "height": 2400}
DESKTOP = {"width": 1400, "height": 2600}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_app(
    extra_env: dict[str, str], entry: str = "app.py", options: tuple[str, ...] = (), port: int | None = None
) -> tuple[subprocess.Popen[str], str]:
    """Starts the app on a free port (or the one given) and waits until it answers. `entry` is what `streamlit run`
    runs (app.py; serve.py, as the README starts it, adds the server-set cookie: its own tests name it), `options`
    more of its command-line options."""
    port = port or free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", **extra_env}
    command = [sys.executable, "-m", "streamlit", "run", entry, "--server.port", str(port), "--server.headless=true"]
    command += options
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return server, url
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail(f"the app did not start: {server.stdout.read() if server.stdout else ''}")
            time.sleep(0.5)


def serving(
    extra_env: dict[str, str], entry: str = "app.py", options: tuple[str, ...] = (), port: int | None = None
) -> Iterator[str]:
    """The app's address for a fixture's lifetime; a server still inside a generation at the end is stopped outright."""
    server, url = serve_app(extra_env, entry, options, port)
    try:
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=20)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    # Links to the test's own local server are fetched only because this allows it.
    server, url = serve_app({"SAAR_ALLOW_PRIVATE_URLS": "1"})
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (bash .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--no-first-run"],
        )  # fmt: skip
        yield chromium
        chromium.close()


def open_page(browser: Any, url: str, viewport: dict[str, int] | None = None) -> Any:
    page = browser.new_page(viewport=viewport or DESKTOP, accept_downloads=True)
    page.set_default_timeout(RESULT_TIMEOUT_MS)
    page.goto(url)
    page.get_by_role("heading", name="Summarize").wait_for()
    return page


def open_history_at(page: Any, url: str) -> None:
    """History by its own address, drawn and settled. Safer than its link on a page just opened: a click there can be
    lost to the rerun that puts back the text the tab was typing (the Summarize page keeps it in the tab)."""
    page.goto(url.rstrip("/") + "/history")
    page.get_by_role("heading", name="History").wait_for()
    page.get_by_text(re.compile(r"Page \d+ of \d+|Nothing saved yet")).first.wait_for()
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")


def screenshot(page: Any, name: str) -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / name
    page.screenshot(path=str(path))
    return path
