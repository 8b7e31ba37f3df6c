"""A batch killed with SIGKILL half-way, then resumed: every id exactly once, none lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.batch.corpus import articles, read_lines, write_jsonl
from tests.cli_runner import ROOT, run_cli

COUNT = 200


def test_kill_9_mid_batch_then_resume_writes_every_id_exactly_once(tmp_path: Path) -> None:
    rows = articles(COUNT, sentences=40)
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "summarizers", "batch", str(source), "--out", str(out), "--method", "extractive",
               "--group", "4", "--quiet"]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "HF_HUB_OFFLINE": "1"}, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 20:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the batch ended before it could be killed; give it more work"
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stderr.close()  # type: ignore[union-attr]
    written = out.read_bytes().count(b"\n")
    assert 20 <= written < COUNT
    resumed = run_cli("batch", str(source), "--out", str(out), "--method", "extractive", "--resume", "--quiet")
    assert resumed.code == 0, resumed.stderr
    assert f"{written} already done" in resumed.stderr
    ids = [line["id"] for line in read_lines(out)]  # every line is whole JSON
    assert sorted(ids) == [row["id"] for row in rows]  # each once: none lost, none twice
    assert all("error" not in line for line in read_lines(out))
