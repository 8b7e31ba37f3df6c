"""Hostile files through the real command line: one clear error line each, quickly, exit status 1, no traceback.

The files are read in a worker process with a time limit and a memory cap: a file the readers refuse by their own
limits, one that would run past the time limit and one that would take more memory than the cap all end the same
way, and the files given after them are still read."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

from tests.cli_runner import Result, run_cli
from tests.conftest import BILINGUAL_SEED
from tests.fuzz import hostile

MB = hostile.MB
SLOW = {"SAAR_READ_SECONDS": "1", "SAAR_MAX_PDF_CONTENT": str(100 * MB)}  # the PDF's own content limit out of the way
SMALL = {"SAAR_READ_MEMORY_MB": "64"}  # the bomb fills it long before any other limit


def timed(*args: str, env: dict[str, str] | None = None) -> tuple[Result, float]:
    start = time.monotonic()
    result = run_cli(*args, env=env, timeout=120)  # run_cli asserts there is no traceback
    return result, time.monotonic() - start


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    built = {
        "nested.html": hostile.html_nested(),
        "slow.pdf": hostile.pdf_form_of_operators(MB),
        "bomb.pdf": hostile.pdf_stream_bomb(filters=b"[/ASCII85Decode /FlateDecode]"),
    }
    for name, data in built.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in built}


@pytest.mark.parametrize(
    ("name", "env", "reason"),
    [
        ("nested.html", None, r"SAAR_MAX_HTML_ELEMENTS"),
        # The worker's own budget check or the parent's kill, whichever gets its turn first.
        ("slow.pdf", SLOW, r"took longer than (the limit of )?1 s \(SAAR_READ_SECONDS\)"),
        ("bomb.pdf", SMALL, r"more than 64 MB of memory \(SAAR_READ_MEMORY_MB\)"),
    ],
)
def test_a_hostile_file_is_one_error_line_and_the_next_file_is_still_read(
    files: dict[str, Path], name: str, env: dict[str, str] | None, reason: str
) -> None:
    path = str(files[name])
    result, seconds = timed("segment", path, str(BILINGUAL_SEED), "--json", env=env)
    assert seconds < 15  # the interpreter's start-up and the seed's segmentation included; reading is capped at ~2 s
    assert result.code == 1
    first, second = result.json()["documents"]
    assert first["path"] == path
    assert re.search(reason, first["error"])
    assert "\n" not in first["error"]
    assert second["language"] == "mixed"
    assert result.stderr.strip().splitlines() == [f"error: {first['error']}"]


@pytest.mark.parametrize("command", ["summarize", "compare", "attribute"])
def test_every_command_reading_files_stops_a_slow_file(files: dict[str, Path], command: str) -> None:
    path = str(files["slow.pdf"])
    arguments = {
        "summarize": [path, "--method", "extractive", "--json"],
        "compare": [path, str(BILINGUAL_SEED), "--method", "extractive", "--json"],
        "attribute": [str(BILINGUAL_SEED), path, "--json"],
    }[command]
    result, seconds = timed(command, *arguments, env=SLOW)
    assert seconds < 15
    assert result.code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {path}: ")
    assert "SAAR_READ_SECONDS" in line
    if command == "summarize":
        (entry,) = result.json()["documents"]
        assert set(entry) == {"path", "error", "error_code"}
        slow = {"reading.stopped_slow", "reading.slow_pdf_check", "reading.slow_pdf_page"}
        assert entry["error_code"]["code"] in slow


def test_a_named_pipe_that_never_opens_does_not_hang_the_command(tmp_path: Path) -> None:
    pipe = tmp_path / "article.txt"
    os.mkfifo(pipe)  # opening it for reading waits for a writer that never comes
    result, seconds = timed("segment", str(pipe), "--json", env={"SAAR_READ_SECONDS": "1"})
    assert seconds < 15
    assert result.code == 1
    # Blocked in open(), the worker never reaches a budget check: this is the parent's kill.
    assert "took longer than 1 s (SAAR_READ_SECONDS); it was stopped" in result.json()["documents"][0]["error"]


def test_batch_reads_a_folder_through_one_worker_and_a_hostile_file_is_its_error_line(
    files: dict[str, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-slow.pdf").write_bytes(files["slow.pdf"].read_bytes())
    (folder / "b-story.txt").write_bytes(BILINGUAL_SEED.read_bytes())
    out = tmp_path / "out.jsonl"
    result, seconds = timed("batch", str(folder), "--out", str(out), "--method", "extractive", "--quiet", env=SLOW)
    assert seconds < 30
    assert result.code == 1
    slow, story = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert slow["id"] == "a-slow.pdf"
    assert "SAAR_READ_SECONDS" in slow["error"]
    assert story["id"] == "b-story.txt"
    assert "summaries" in story
