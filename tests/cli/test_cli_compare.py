"""`compare --json`: the facts and documents it always gave, and the alignment and differences of the two versions."""

from __future__ import annotations

from pathlib import Path

from tests.cli_runner import run_cli
from tests.versions.test_alignment import EN, HI

DIFFERENCE_FIELDS = {"kind", "a", "b", "a_start", "a_end", "b_start", "b_end", "link"}


def _files(tmp_path: Path, english: list[str], hindi: list[str]) -> tuple[str, str]:
    a, b = tmp_path / "en.txt", tmp_path / "hi.txt"
    a.write_text(" ".join(english), encoding="utf-8")
    b.write_text(" ".join(hindi), encoding="utf-8")
    return str(a), str(b)


def test_compare_json_gives_alignment_and_one_difference_for_a_changed_figure(tmp_path: Path) -> None:
    english = [EN[0], EN[1].replace("45", "54"), *EN[2:]]
    result = run_cli("compare", *_files(tmp_path, english, HI), "--method", "extractive", "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    assert tuple(int(part) for part in data["schema_version"].split(".")) >= (1, 5)
    assert {"facts", "documents", "checker", "alignment", "differences", "cautions"} <= set(data)
    texts = [" ".join(english), " ".join(HI)]
    for document, text in zip(data["documents"], texts, strict=True):
        assert [text[s["start"] : s["end"]] for s in document["sentences"]] == (english if text == texts[0] else HI)
    assert data["alignment"] == [{"a": [i], "b": [i]} for i in range(5)]
    (difference,) = data["differences"]
    assert set(difference) == DIFFERENCE_FIELDS
    assert difference["kind"] == "number"
    assert (difference["a"], difference["b"]) == ("54", "45")
    assert texts[0][difference["a_start"] : difference["a_end"]] == "54"
    assert texts[1][difference["b_start"] : difference["b_end"]] == "45"
    assert data["cautions"] == []


def test_compare_json_a_sentence_one_version_lacks_has_null_offsets_for_that_side(tmp_path: Path) -> None:
    result = run_cli("compare", *_files(tmp_path, EN[:3] + EN[4:], HI), "--method", "extractive", "--json")
    data = result.json()
    (difference,) = data["differences"]
    assert difference["kind"] == "sentence"
    assert difference["a"] is difference["a_start"] is difference["a_end"] is None
    assert difference["b"] == HI[3]


def test_compare_of_two_versions_in_one_language_and_of_a_one_sentence_version_is_a_caution(tmp_path: Path) -> None:
    result = run_cli("compare", *_files(tmp_path, EN, EN[:1]), "--method", "extractive", "--json")
    assert result.code == 0, result.stderr
    codes = {caution["code"] for caution in result.json()["cautions"]}
    assert codes == {"same_language", "few_sentences"}
    assert "Traceback" not in result.stderr
