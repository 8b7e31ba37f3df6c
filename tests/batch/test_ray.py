"""`batch --ray` on a local Ray started here: the same lines as the plain batch, whatever their order."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizers import batch
from tests.batch.corpus import articles, write_jsonl
from tests.conftest import BILINGUAL_SEED, SEEDS

ray = pytest.importorskip("ray", reason="Ray is optional: pip install -r requirements-ray.txt")


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    from summarizers import batch_ray

    ray.init(
        num_cpus=2, include_dashboard=False, log_to_driver=False,
        runtime_env={"env_vars": {"PYTHONPATH": str(batch_ray.ROOT)}},
    )  # fmt: skip
    yield
    ray.shutdown()


def _lines(path: Path) -> list[str]:
    """Each line in one canonical spelling, sorted: the comparison ignores order only."""
    return sorted(json.dumps(json.loads(line), sort_keys=True) for line in path.read_text("utf-8").splitlines())


def _both(todo: list[batch.Item], settings: batch.Settings, tmp_path: Path) -> tuple[list[str], list[str]]:
    from summarizers import batch_ray

    plain, on_ray = tmp_path / "plain.jsonl", tmp_path / "ray.jsonl"
    batch.run(todo, plain, settings)
    tally = batch_ray.run(todo, on_ray, settings, actors=2, batch_size=4, cpus_per_actor=1)
    assert tally.done + tally.failed == len(todo)
    return _lines(plain), _lines(on_ray)


def test_ray_gives_the_plain_batch_lines_abstractive(
    local_ray: None, tiny_models: dict[str, Path], tmp_path: Path
) -> None:
    rows: list[dict[str, object]] = [*articles(6), {"id": "blank", "text": "   "}]
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    settings = batch.Settings("auto", "short", {lang: str(path) for lang, path in tiny_models.items()}, group=4)
    todo, _ = batch.pending(batch.read_items(source), tmp_path / "none.jsonl", resume=False)
    plain, on_ray = _both(todo, settings, tmp_path)
    assert len(on_ray) == len(rows)
    assert on_ray == plain
    methods = {s["method"] for line in map(json.loads, on_ray) for s in line.get("summaries", [])}
    assert "abstractive" in methods  # the tiny models did the writing, in the actors too


def test_ray_reads_a_folder_and_resumes_like_the_plain_batch(local_ray: None, tmp_path: Path) -> None:
    from summarizers import batch_ray

    folder = tmp_path / "archive"
    folder.mkdir()
    for path in [BILINGUAL_SEED, *sorted(SEEDS.glob("en_modi_*.txt"))]:
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_text("")
    settings = batch.Settings("extractive", "short", group=2)
    todo, _ = batch.pending(batch.read_items(folder), tmp_path / "none.jsonl", resume=False)
    plain = tmp_path / "plain.jsonl"
    batch.run(todo, plain, settings)
    # Two lines already written, then Ray resumes: the files it reads itself, the rest written once each.
    out = tmp_path / "resumed.jsonl"
    batch.run(todo[:2], out, settings)
    todo_left, skipped = batch.pending(batch.read_items(folder), out, resume=True)
    assert skipped == 2
    tally = batch_ray.run(todo_left, out, settings, actors=2, batch_size=2, append=True)
    assert tally.done + tally.failed == len(todo_left) == len(todo) - 2
    assert _lines(out) == _lines(plain)
