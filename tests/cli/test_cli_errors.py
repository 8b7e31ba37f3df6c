"""How the command line reports a file it cannot read: one line, on stderr only, naming the file once, in words that
fit a command line (no "upload")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import run_cli
from tests.conftest import BILINGUAL_SEED
from tests.files import locked_pdf

BAD_FILES = {
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)),
    "empty.txt": b"   \n",
}


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    files = {**BAD_FILES, "locked.pdf": locked_pdf()}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in files}


@pytest.mark.parametrize("command", ["segment", "summarize"])
def test_an_unreadable_file_is_reported_once_on_stderr_only(bad_files: dict[str, Path], command: str) -> None:
    binary = str(bad_files["binary.txt"])
    arguments = [command, binary, str(BILINGUAL_SEED)] + (["--method", "extractive"] if command == "summarize" else [])
    result = run_cli(*arguments)
    assert result.code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {binary}: ")
    assert line.count(binary) == 1
    assert binary not in result.stdout  # the text output carries the good file's result only
    assert "error" not in result.stdout
    assert BILINGUAL_SEED.name in result.stdout


def test_the_json_entry_still_carries_the_error(bad_files: dict[str, Path]) -> None:
    binary = str(bad_files["binary.txt"])
    result = run_cli("summarize", binary, "--method", "extractive", "--json")
    (entry,) = result.json()["documents"]
    assert entry["path"] == binary
    assert "binary" in entry["error"]
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_batch_error_line_names_the_file_once(bad_files: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "photo.txt").write_bytes(BAD_FILES["binary.txt"])
    (folder / "story.txt").write_text(BILINGUAL_SEED.read_text("utf-8"), "utf-8")
    out = tmp_path / "out.jsonl"
    result = run_cli("batch", str(folder), "--out", str(out), "--method", "extractive", "--quiet")
    assert result.code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    (line,) = errors
    assert line.count("photo.txt") == 1
    assert "binary" in line
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert {line["id"] for line in lines} == {"photo.txt", "story.txt"}


def test_a_batch_error_line_for_an_id_names_it_once(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "story-7", "text": "   "}) + "\n", "utf-8")
    result = run_cli("batch", str(source), "--out", str(tmp_path / "out.jsonl"), "--method", "extractive", "--quiet")
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert line.count("story-7") == 1
    assert "upload" not in line.lower()


@pytest.mark.parametrize("name", [*sorted(BAD_FILES), "locked.pdf"])
def test_no_message_tells_a_command_line_user_to_upload(bad_files: dict[str, Path], name: str) -> None:
    result = run_cli("segment", str(bad_files[name]))
    assert result.code == 1
    assert result.stderr.strip()
    assert "upload" not in result.stderr.lower()
