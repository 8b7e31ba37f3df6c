"""`batch --ray`: the same batch on Ray Data, on a local Ray or an existing cluster.

The input becomes a Ray dataset (a folder is read with `read_binary_files`, so the files are read where the work
runs; a JSONL file's rows, already parsed to find the ids still to do, go in with `from_items`). `map_batches` runs
`Summariser`, a callable class: each actor loads the engines once, in its constructor, and then summarises batch
after batch with the same grouping as the plain batch (`batch.summarize_group`). The driver writes each line to the
output as it arrives, so `--resume` works the same way. Ray is optional: `pip install -r requirements-ray.txt`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from summarizers.batch import Item, Settings, Tally, encode, share_cores, summarize_group
from summarizers.engines import registry
from summarizers.errors import ModelError, UsageError
from summarizers.messages import Message
from summarizers.text.language_names import SUMMARISED

ROOT = Path(__file__).resolve().parents[1]


class Summariser:
    """The callable class `map_batches` runs in each actor: models loaded once, then batch after batch."""

    def __init__(self, settings: dict[str, Any], ids: dict[str, str] | None = None, cpus: float = 1.0) -> None:
        share_cores(int(cpus))  # the CPUs Ray gave this actor, not every core of its node
        self.settings = Settings(**settings)
        self.ids = ids or {}  # a file's id by its resolved path, for rows of `read_binary_files`
        if "abstractive" in registry.chain(self.settings.method):
            for lang in {*SUMMARISED, *self.settings.models}:
                try:  # loaded now, once per actor; a model that cannot load is the pipeline's to report
                    registry.ENGINES["abstractive"](lang, self.settings.models, lambda _: None)
                except ModelError:
                    continue

    def __call__(self, batch: Mapping[str, Any]) -> dict[str, list[str]]:
        items = [self._item(row) for row in _rows(batch)]
        lines: list[dict[str, Any]] = []
        summarize_group(items, self.settings, lines.append)
        return {"id": [str(line["id"]) for line in lines], "line": [encode(line) for line in lines]}

    def _item(self, row: Mapping[str, Any]) -> Item:
        if "item" in row:  # a row of `from_items`: the item itself, as JSON (a missing field never becomes NaN)
            return Item(**json.loads(str(row["item"])))
        path = str(row["path"])  # a file of `read_binary_files`
        return Item(self.ids.get(str(Path(path).resolve()), path), path=path, data=bytes(row["bytes"]))


def _rows(batch: Mapping[str, Any]) -> list[dict[str, Any]]:
    columns = list(batch)
    count = len(batch[columns[0]]) if columns else 0
    return [{column: batch[column][index] for column in columns} for index in range(count)]


def _connect(address: str | None) -> None:
    import ray

    if ray.is_initialized():
        return  # a caller (a test, a notebook, a job's driver) already chose the cluster
    if address:
        ray.init(address=address)
    elif os.environ.get("RAY_ADDRESS"):
        ray.init()  # inside `ray job submit`: the job's own cluster
    else:
        # A local Ray: its workers import this package from the checkout the command runs in.
        path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        ray.init(include_dashboard=False, runtime_env={"env_vars": {"PYTHONPATH": path}})


def dataset(todo: list[Item]) -> tuple[Any, dict[str, str]]:
    """The Ray dataset of the items still to do, and the id of each file by its resolved path."""
    import ray.data

    files = [item for item in todo if item.path is not None and item.problem is None]
    if files and len(files) == len(todo):
        ids = {str(Path(item.path).resolve()): item.id for item in files if item.path is not None}
        # Reading is I/O: it asks for no CPU, so it never waits behind actors that hold every core.
        return ray.data.read_binary_files(list(ids), include_paths=True, num_cpus=0), ids
    rows = [{"id": item.id, "item": json.dumps({**asdict(item), "data": None})} for item in todo]
    return ray.data.from_items(rows), {}


def run(
    todo: list[Item],
    out: str | Path,
    settings: Settings,
    *,
    address: str | None = None,
    actors: int = 2,
    batch_size: int = 16,
    cpus_per_actor: float = 1.0,
    append: bool = False,
    on_line: Callable[[Mapping[str, Any]], None] | None = None,
) -> Tally:
    """Summarise `todo` on Ray Data; each line is written and flushed to `out` as it arrives."""
    try:
        import ray  # noqa: F401
    except ImportError as error:
        raise UsageError(Message("usage.ray_missing")) from error
    if actors < 1 or batch_size < 1 or cpus_per_actor <= 0:
        raise UsageError(Message("usage.ray_sizes"))
    tally = Tally()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a" if append else "w", encoding="utf-8") as handle:
        if not todo:
            return tally
        _connect(address)
        rows, ids = dataset(todo)
        results = rows.map_batches(
            Summariser,
            fn_constructor_kwargs={
                "settings": {**asdict(settings), "models": dict(settings.models)}, "ids": ids, "cpus": cpus_per_actor,
            },
            batch_size=batch_size, concurrency=actors, num_cpus=cpus_per_actor, batch_format="numpy",
        )  # fmt: skip
        for row in results.iter_rows():
            handle.write(row["line"])
            handle.flush()
            line = json.loads(row["line"])
            tally.count(line)
            if on_line is not None:
                on_line(line)
    return tally
