"""Bulk JSONL input (`attribute --jsonl`, `batch`): read a line at a time, the limits applying to each line."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizers import jsonl
from tests.cli_runner import run_cli

SOURCE = (
    "The finance ministry said on Monday that exports rose 12 percent in March. Officials in New Delhi expect the "
    "trend to continue. The rupee held steady against the dollar."
)
SUMMARY = "Exports rose 12 percent in March, the finance ministry said."
OFFLINE = {"SAAR_CHECKER": "offline"}


def write_lines(path: Path, rows: list[object]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def test_a_file_far_over_the_character_limit_is_checked_line_by_line(tmp_path: Path) -> None:
    rows = [{"id": f"a{i}", "source": SOURCE, "summary": SUMMARY} for i in range(8)]
    long_source = {"id": "long", "source": SOURCE * 4, "summary": SUMMARY}
    path = write_lines(tmp_path / "in.jsonl", [*rows[:4], long_source, *rows[4:]])
    assert path.stat().st_size > 2 * 600  # the whole file is far over the limit set below
    result = run_cli("attribute", "--jsonl", str(path), env={**OFFLINE, "SAAR_MAX_CHARS": "600"})
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [entry["id"] for entry in out] == ["a0", "a1", "a2", "a3", "long", "a4", "a5", "a6", "a7"]
    assert all(entry["consistent"] is True for entry in out if entry["id"] != "long")
    assert "line 5 source" in out[4]["error"]
    assert "600" in out[4]["error"]
    assert result.code == 1
    assert "checked 9/9" in result.stderr


def test_an_overlong_line_is_skipped_unread_and_the_next_one_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    huge = json.dumps({"id": "huge", "source": "word " * 2000, "summary": SUMMARY})
    ordinary = json.dumps({"id": "ok", "source": SOURCE, "summary": SUMMARY})
    path.write_bytes(huge.encode() + b"\n" + b"\xff\xfe not text\n" + ordinary.encode())  # no newline at the end
    result = run_cli("attribute", "--jsonl", str(path), env={**OFFLINE, "SAAR_MAX_BYTES": "4096"})
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [entry["id"] for entry in out] == ["line 1", "line 2", "ok"]
    assert "4,096 bytes" in out[0]["error"]
    assert "UTF-8" in out[1]["error"]
    assert out[2]["consistent"] is True


def test_a_ptb_tokenised_summary_is_read_as_its_sentences_with_the_spacing_undone(tmp_path: Path) -> None:
    summary = "exports rose 12 percent in march . the rupee has n't moved . officials expect the trend to continue ."
    path = write_lines(tmp_path / "in.jsonl", [{"id": "ptb", "source": SOURCE, "summary": summary}])
    result = run_cli("attribute", "--jsonl", str(path), env=OFFLINE)
    (entry,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert [sentence["text"] for sentence in entry["sentences"]] == [
        "exports rose 12 percent in march.",
        "the rupee hasn't moved.",
        "officials expect the trend to continue.",
    ]


def test_batch_applies_the_character_limit_to_each_document(tmp_path: Path) -> None:
    rows = [{"id": "short", "text": SOURCE}, {"id": "long", "text": SOURCE * 4}, {"id": "also short", "text": SOURCE}]
    source = write_lines(tmp_path / "in.jsonl", rows)
    source.write_bytes(source.read_bytes() + b"\xff not UTF-8\n")  # once a traceback that stopped the batch
    out = tmp_path / "out.jsonl"
    result = run_cli(
        "batch", str(source), "--out", str(out), "--method", "extractive", "--quiet", env={"SAAR_MAX_CHARS": "600"}
    )
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["short", "long", "also short", "line 4"]
    assert "error" not in lines[0]
    assert "error" not in lines[2]
    assert "600" in lines[1]["error"]
    assert "UTF-8" in lines[3]["error"]
    assert result.code == 1


def test_a_missing_file_is_one_line_on_stderr(tmp_path: Path) -> None:
    result = run_cli("attribute", "--jsonl", str(tmp_path / "nowhere.jsonl"))
    assert result.code == 1
    assert "nowhere.jsonl" in result.stderr
    assert result.stdout == ""


LINES = st.lists(
    st.one_of(
        st.binary(max_size=40),
        st.builds(lambda i: json.dumps({"id": i, "text": "x"}).encode(), st.integers()),
        st.sampled_from([b"", b"   ", b"[1, 2]", b"{", '{"id": "\u0905"}'.encode(), b"\xef\xbb\xbf{}"]),
    ),
    max_size=20,
)


def _blank(number: int, raw: bytes) -> bool:
    try:
        return not raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
    except UnicodeDecodeError:
        return False


@settings(max_examples=300, deadline=None)
@given(LINES, st.integers(min_value=1, max_value=64))
def test_every_non_blank_line_gives_one_result_in_order(raw_lines: list[bytes], limit: int) -> None:
    data = b"\n".join(raw_lines)
    read = list(jsonl.lines(io.BytesIO(data), max_line_bytes=limit))
    numbered = list(enumerate(data.split(b"\n"), 1))
    overlong = {number for number, raw in numbered if len(raw) > limit}
    expected = [number for number, raw in numbered if number in overlong or not _blank(number, raw)]
    assert [line.number for line in read] == expected  # an overlong line never swallows the next one
    for line in read:
        assert (line.row is None) != (line.problem is None)
        assert line.number not in overlong or "longer than the limit" in str(line.problem)
        assert line.id()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.binary(max_size=30).map(lambda raw: raw.replace(b"\n", b"")), max_size=12), st.booleans())
def test_the_line_count_counts_a_last_line_without_its_newline(lines: list[bytes], final_newline: bool) -> None:
    data = b"\n".join(lines) + (b"\n" if final_newline and lines else b"")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.jsonl"
        path.write_bytes(data)
        pieces = data.split(b"\n")  # only a newline ends a line (a carriage return does not)
        assert jsonl.count(path) == len(pieces) - (pieces[-1] == b"")
    assert jsonl.count("-") is None
