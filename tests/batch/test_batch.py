"""`python -m summarizers batch`: one JSON line per document, errors in line, resumable, batched through the engine."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from summarizers import batch
from summarizers.engines.abstractive.engine import AbstractiveEngine
from summarizers.engines.abstractive.loading import load
from summarizers.engines.abstractive.reduce import Generated, Rejected
from summarizers.engines.abstractive.specs import spec_for
from summarizers.engines.result_cache import ResultCache
from summarizers.errors import DegenerateGeneration
from summarizers.schema import SCHEMA_VERSION
from summarizers.text.spans import split_sentences
from tests.batch.corpus import articles, read_lines, write_jsonl
from tests.cli_runner import run_cli
from tests.conftest import BILINGUAL_SEED, SEEDS


def _without_path(document: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in document.items() if key != "path"}


def test_a_folder_gives_the_summarize_result_of_each_file_and_errors_in_line(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    (folder / "more").mkdir(parents=True)
    shutil.copy(BILINGUAL_SEED, folder / BILINGUAL_SEED.name)
    shutil.copy(SEEDS / "en_strategic_autonomy_markdown.md", folder / "more" / "autonomy.md")
    (folder / "empty.txt").write_text("")
    (folder / ".hidden").write_text("not an article")
    out = tmp_path / "results.jsonl"
    result = run_cli("batch", str(folder), "--out", str(out), "--method", "extractive", "--length", "short")
    assert result.code == 1  # one document failed
    assert "2 summarised, 1 failed" in result.stderr
    lines = {line["id"]: line for line in read_lines(out)}
    assert set(lines) == {BILINGUAL_SEED.name, "more/autonomy.md", "empty.txt"}
    assert set(lines["empty.txt"]) == {"id", "error", "error_code"}
    assert lines["empty.txt"]["error_code"] == {"code": "reading.empty_file", "values": {}}
    assert "empty" in str(lines["empty.txt"]["error"])
    single = run_cli(
        "summarize", str(folder / BILINGUAL_SEED.name), str(folder / "more" / "autonomy.md"), "--json",
        "--method", "extractive", "--length", "short",
    ).json()  # fmt: skip
    for document, key in zip(single["documents"], [BILINGUAL_SEED.name, "more/autonomy.md"], strict=True):
        line = lines[key]
        assert line["schema_version"] == SCHEMA_VERSION
        assert {k: v for k, v in line.items() if k not in ("id", "schema_version")} == _without_path(document)


def test_a_jsonl_input_with_bad_lines_gives_one_line_each_and_the_rest_go_on(tmp_path: Path) -> None:
    rows = articles(3)
    source = tmp_path / "in.jsonl"
    write_jsonl(source, [rows[0], {"id": 7, "text": ""}, rows[1]])
    with source.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
        handle.write(json.dumps({"text": "no id"}) + "\n")
        handle.write(json.dumps(rows[2]) + "\n")
    out = tmp_path / "out.jsonl"
    result = run_cli("batch", str(source), "--out", str(out), "--method", "extractive")
    assert result.code == 1
    lines = read_lines(out)
    assert [line["id"] for line in lines] == ["doc-000", "7", "doc-001", "line 4", "line 5", "doc-002"]
    errors = {str(line["id"]): str(line["error"]) for line in lines if "error" in line}
    assert set(errors) == {"7", "line 4", "line 5"}
    assert "not JSON" in errors["line 4"]
    assert '"id"' in errors["line 5"]
    assert "3 summarised, 3 failed, 0 already done" in result.stderr
    assert "doc/s" in result.stderr or "s/doc" in result.stderr  # the progress bar's rate


def test_resume_cuts_a_torn_line_and_skips_what_is_done(tmp_path: Path) -> None:
    rows = articles(5)
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    settings = batch.Settings(method="extractive")
    todo, skipped = batch.pending(batch.read_items(source), out, resume=True)
    batch.run(todo[:3], out, settings)
    whole = out.read_text("utf-8")
    out.write_text(whole + whole.splitlines()[0][:40], "utf-8")  # a line torn by a crash
    todo, skipped = batch.pending(batch.read_items(source), out, resume=True)
    assert (skipped, [item.id for item in todo]) == (3, ["doc-003", "doc-004"])
    assert out.read_text("utf-8") == whole  # the torn line is gone
    tally = batch.run(todo, out, settings, append=True)
    assert (tally.done, tally.failed) == (2, 0)
    assert [line["id"] for line in read_lines(out)] == [row["id"] for row in rows]


def test_a_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("batch", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o.jsonl"))
    assert result.code == 2
    assert "no such file or folder" in result.stderr


def _requests(count: int) -> list[list[str]]:
    return [[span.text(row["text"]) for span in split_sentences(row["text"])] for row in articles(count, 30)]


def test_many_documents_together_give_what_each_gives_alone(
    tiny_models: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = load(spec_for("en", {"en": str(tiny_models["en"])}))
    requests = _requests(4)
    requests.append(requests[0] * 8)  # long enough for several chunks and a round of combining
    monkeypatch.setattr(loaded, "results", ResultCache(capacity=64))
    batched = AbstractiveEngine(loaded).summarize_many(requests, "short", batch_size=4)
    assert len(batched) == len(requests)
    for request, together in zip(requests, batched, strict=True):
        monkeypatch.setattr(loaded, "results", ResultCache(capacity=64))  # nothing remembered: written afresh
        try:
            alone: Generated | Rejected = AbstractiveEngine(loaded).summarize_sentences(request, "short")
        except DegenerateGeneration as error:  # a rejection is an answer to compare too
            alone = Rejected(str(error))
        assert together == alone
    assert isinstance(batched[-1], Rejected) or batched[-1].chunks > 1


def test_the_batch_fills_the_result_cache_so_the_pipeline_generates_nothing_more(
    tiny_models: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    models = {"en": str(tiny_models["en"])}
    items = [batch.Item(row["id"], text=row["text"]) for row in articles(4)]
    calls: list[int] = []
    generate = AbstractiveEngine.generate

    def counting(self: AbstractiveEngine, chunks: list[str], *args: object) -> object:
        calls.append(len(chunks))
        return generate(self, chunks, *args)  # type: ignore[arg-type]

    after_prefill: list[int] = []
    prefill = batch.prefill

    def recording(*args: object) -> None:
        prefill(*args)  # type: ignore[arg-type]
        after_prefill.append(len(calls))

    monkeypatch.setattr(AbstractiveEngine, "generate", counting)
    monkeypatch.setattr(batch, "prefill", recording)
    lines: list[dict[str, object]] = []
    batch.summarize_group(items, batch.Settings("abstractive", "short", models), lines.append)
    assert [line["id"] for line in lines] == [item.id for item in items]
    assert calls[0] >= len(items)  # the first round: every document's chunks in one call
    assert after_prefill == [len(calls)]  # the pipeline then generated nothing more
    for line in lines:
        summaries = line.get("summaries") or []
        assert isinstance(summaries, list)
        assert all(s["method"] == "abstractive" for s in summaries) or "error" in line


def test_worker_processes_write_the_same_lines_in_input_order(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [*articles(5), {"id": "blank", "text": " "}])
    settings = batch.Settings("extractive", "short", group=2)
    todo, _ = batch.pending(batch.read_items(source), tmp_path / "none.jsonl", resume=False)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    batch.run(todo, one, settings)
    tally = batch.run(todo, two, settings, workers=2)
    assert (tally.done, tally.failed) == (5, 1)
    assert two.read_text("utf-8") == one.read_text("utf-8")
