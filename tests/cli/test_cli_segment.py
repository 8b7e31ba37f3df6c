from __future__ import annotations

from pathlib import Path

import pytest

from summarizers.documents.reading import read_path
from tests.cli_runner import run_cli
from tests.conftest import BILINGUAL_SEED


def test_bad_usage_exits_2() -> None:
    assert run_cli().code == 2
    assert run_cli("segment").code == 2
    assert run_cli("no-such-command", "x").code == 2


def test_bilingual_seed_json_contract() -> None:
    result = run_cli("segment", str(BILINGUAL_SEED), "--json")
    assert result.code == 0
    (document,) = result.json()["documents"]
    text = read_path(BILINGUAL_SEED).text
    assert document["path"] == str(BILINGUAL_SEED)
    assert document["language"] == "mixed"
    for segment in document["segments"]:
        assert set(segment) >= {"lang", "start", "end", "text", "boilerplate"}
        assert segment["text"] == text[segment["start"] : segment["end"]]
    content = [s["lang"] for s in document["segments"] if not s["boilerplate"]]
    assert content == ["en", "hi"]


def test_one_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("भारत और रूस ने व्यापार बढ़ाने पर सहमति जताई।", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    missing = tmp_path / "missing.txt"
    result = run_cli("segment", str(binary), str(good), str(missing), "--json")
    assert result.code == 1
    documents = result.json()["documents"]
    assert [("error" in d) for d in documents] == [True, False, True]
    assert "binary" in documents[0]["error"]
    assert "no such file" in documents[2]["error"]
    assert documents[1]["language"] == "hi"
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert str(binary) in errors[0]
    assert str(missing) in errors[1]


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"   \n", "empty"), (b"123 456\n", "no words"), (b"ab\x00cd" * 100, "binary")],
)
def test_bad_inputs_give_one_clear_line(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run_cli("segment", str(path))
    assert result.code == 1
    assert reason in result.stderr
    assert str(path) in result.stderr


def test_utf16_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_text("प्रधानमंत्री मोदी ने पुतिन से बात की।\nModi spoke to Putin on Friday.", encoding="utf-16")
    result = run_cli("segment", str(path), "--json")
    assert result.code == 0
    assert [s["lang"] for s in result.json()["documents"][0]["segments"]] == ["hi", "en"]


def test_plain_output_is_readable() -> None:
    result = run_cli("segment", str(BILINGUAL_SEED))
    assert result.code == 0
    assert "mixed" in result.stdout
    assert "boilerplate" in result.stdout
