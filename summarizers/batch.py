"""Summarising an archive: many documents in, one JSON line per document out, safe to stop and resume.

    python -m summarizers batch INPUT --out results.jsonl [--resume] [--workers N] [--ray [ADDRESS]]

INPUT is a folder (every file in it and its subfolders, read as the app reads files; the id is the path relative to
the folder) or a JSONL file of {"id", "text"} lines. Each output line is the `summarize` result of one document
(`schema.result_json`) with "id" and "schema_version" first, or {"id", "error"} when that document failed. A line is
written and flushed as soon as its document is done, so a crash loses at most the document in hand; `--resume`
skips every id already in the output and cuts off a torn last line (the document it held is done again).

Throughput: documents go through in groups. Before the pipeline summarises a group one document at a time, the
abstractive engine writes the summaries of the whole group together (`AbstractiveEngine.summarize_many`: the chunks
of every document in the group sorted by length and generated in shared batches) into its result cache, where the
pipeline then finds them. The output is the pipeline's own, so it is the same as summarising each file alone.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizers import jsonl
from summarizers.documents.isolated import IsolatedReader, shared_reader
from summarizers.documents.reading import Document, from_text, read_bytes, read_path
from summarizers.engines import registry
from summarizers.engines.abstractive.engine import AbstractiveEngine
from summarizers.engines.base import Length
from summarizers.errors import DocumentError, ModelError, SummarizerError, UsageError
from summarizers.language.segment import Analysis, analyse
from summarizers.messages import Message
from summarizers.pipeline import Options, summarize
from summarizers.schema import SCHEMA_VERSION, error_code, result_json
from summarizers.text.language_names import SUMMARISED

DEFAULT_GROUP = 16  # documents summarised together: their chunks share generate calls (and the result cache)


@dataclass(frozen=True)
class Item:
    """One input document: its id and either where to read it (`path`), the file's bytes (`data`, named by `path`)
    or its text (`text`); `problem` when the input line itself is unusable."""

    id: str
    path: str | None = None
    text: str | None = None
    problem: Message | None = None
    data: bytes | None = None

    def document(self, reader: IsolatedReader | None = None) -> Document:
        """The item's document, its file read by `reader` (in its worker process) when one is given."""
        if self.problem is not None:
            raise DocumentError(self.id, self.problem)
        if self.data is not None:
            name = self.path or self.id
            return reader.read_bytes(self.data, name) if reader else read_bytes(self.data, name)
        if self.path is not None:
            return reader.read_path(self.path) if reader else read_path(self.path)
        return from_text(self.text or "", name=self.id)


@dataclass(frozen=True)
class Settings:
    """What `summarize` needs, in a form that crosses process boundaries (no progress callback)."""

    method: str = "auto"
    length: Length = "medium"
    models: Mapping[str, str] = field(default_factory=dict)
    group: int = DEFAULT_GROUP
    # Files read in a worker process with a time limit and a memory cap (`documents.isolated`), one worker per
    # process reused for every file: the command line's choice, as its files may be anyone's.
    isolated_reads: bool = False

    def options(self) -> Options:
        return Options(self.method, self.length, dict(self.models))


# ---------------------------------------------------------------- input


def _jsonl_items(path: Path) -> Iterator[Item]:
    """One item per line, read one line at a time (`jsonl`): the limits apply to each document, not to the file."""
    for line in jsonl.open_lines(path):
        if line.row is None or "id" not in line.row:
            yield Item(f"line {line.number}", problem=line.problem or Message("reading.line_no_id"))
            continue
        text = line.row.get("text")
        if not isinstance(text, str):
            yield Item(str(line.row["id"]), problem=Message("reading.line_no_text"))
            continue
        yield Item(str(line.row["id"]), text=text)


def _folder_items(folder: Path) -> Iterator[Item]:
    for path in sorted(path for path in folder.rglob("*") if path.is_file()):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue  # hidden files and folders (.DS_Store, .git) are not articles
        yield Item(relative.as_posix(), path=str(path))


def read_items(source: str | Path) -> Iterator[Item]:
    """The documents of a folder or a JSONL file, in a stable order."""
    path = Path(source)
    if path.is_dir():
        return _folder_items(path)
    if path.is_file():
        return _jsonl_items(path)
    raise UsageError(Message("usage.no_input", path=str(path)))


# ---------------------------------------------------------------- output


def finished_ids(out: str | Path) -> set[str]:
    """Ids already written to `out`. A last line without its newline was torn by a crash: it is cut off, so the
    document it held is done again and the file stays one JSON object per line."""
    path = Path(out)
    if not path.exists():
        return set()
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1
    if end < len(data):
        with path.open("r+b") as handle:
            handle.truncate(end)
    ids: set[str] = set()
    for line in data[:end].splitlines():
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue  # not ours to judge: a damaged line in the middle is left; its id is done again
        if isinstance(row, dict) and "id" in row:
            ids.add(str(row["id"]))
    return ids


def error_line(item_id: str, error: SummarizerError) -> dict[str, Any]:
    return {"id": item_id, "error": str(error), **error_code(error)}


def encode(line: Mapping[str, Any]) -> str:
    return json.dumps(line, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- summarising a group


def _requests(analysis: Analysis, models: Mapping[str, str]) -> Iterator[tuple[str, list[str]]]:
    """The languages of a document the pipeline will ask the abstractive engine for, with their sentences. A guess
    that is too wide only costs a summary nobody reads; one too narrow only loses the batching for that language."""
    text = analysis.text
    for lang in analysis.shares():
        units = analysis.content_units(lang)
        if units and (lang in SUMMARISED or lang in models):
            yield lang, [unit.span.text(text) for unit in units]


def prefill(analyses: list[Analysis], settings: Settings) -> None:
    """Write the abstractive summaries of a group of documents together, into the engine's result cache."""
    if not analyses or "abstractive" not in registry.chain(settings.method):
        return
    by_lang: dict[str, list[list[str]]] = {}
    for analysis in analyses:
        for lang, sentences in _requests(analysis, settings.models):
            by_lang.setdefault(lang, []).append(sentences)
    for lang, requests in by_lang.items():
        try:
            engine = registry.ENGINES["abstractive"](lang, settings.models, lambda _: None)
        except ModelError:
            continue  # the pipeline falls back and says why, document by document
        if isinstance(engine, AbstractiveEngine):
            try:
                engine.summarize_many(requests, settings.length)
            except ModelError:
                continue  # the pipeline meets the same failure document by document, and reports it


def summarize_group(items: list[Item], settings: Settings, emit: Callable[[dict[str, Any]], None]) -> None:
    """Summarise `items` together; `emit` hears each document's line, in input order, as soon as it is done."""
    ready: list[tuple[Item, Document, Analysis] | dict[str, Any]] = []
    reader = shared_reader() if settings.isolated_reads else None
    for item in items:
        try:
            document = item.document(reader)
            ready.append((item, document, analyse(document.text)))
        except SummarizerError as error:
            ready.append(error_line(item.id, error))
    prefill([entry[2] for entry in ready if isinstance(entry, tuple)], settings)
    for entry in ready:
        if isinstance(entry, dict):
            emit(entry)
            continue
        item, document, analysis = entry
        try:
            result = summarize(document, settings.options(), analysis)
        except SummarizerError as error:
            emit(error_line(item.id, error))
            continue
        emit({"id": item.id, "schema_version": SCHEMA_VERSION, **result_json(result)})


def _group_in_worker(items: list[Item], settings: Settings) -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = []
    summarize_group(items, settings, lines.append)
    return lines


def share_cores(cores: int) -> None:
    """Keep this process's generation within `cores` CPUs: one generation at a time on that many threads, so N
    worker processes (or Ray actors) do not each start a thread per core of the machine."""
    threads = str(max(1, cores))
    os.environ.setdefault("SAAR_TORCH_THREADS", threads)
    os.environ.setdefault("SAAR_CT2_THREADS", threads)
    os.environ.setdefault("SAAR_CT2_PARALLEL", "1")


def batch_cores() -> None:
    """A batch in one process: one CTranslate2 replica per core, one thread each, every batch split between them.
    On 2 cores that writes a batch of distilBART summaries faster than the whole batch on both threads at once
    (benchmarks/throughput.py), since each replica works without waiting on the other's threads."""
    cores = str(max(1, os.cpu_count() or 1))
    os.environ.setdefault("SAAR_CT2_THREADS", "1")
    os.environ.setdefault("SAAR_CT2_PARALLEL", cores)


def _share_cores(workers: int) -> None:
    """Give each worker process its share of the cores."""
    share_cores((os.cpu_count() or 1) // workers)


def groups(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    group: list[Item] = []
    for item in items:
        group.append(item)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


@dataclass
class Tally:
    done: int = 0
    failed: int = 0
    skipped: int = 0

    def count(self, line: Mapping[str, Any]) -> None:
        if "error" in line:
            self.failed += 1
        else:
            self.done += 1

    def summary(self) -> str:
        return f"{self.done} summarised, {self.failed} failed, {self.skipped} already done (skipped)"


def pending(items: Iterable[Item], out: str | Path, resume: bool) -> tuple[list[Item], int]:
    """The items still to do, and how many `out` already holds (with `resume`; without it `out` is started anew)."""
    done = finished_ids(out) if resume else set()
    todo: list[Item] = []
    skipped = 0
    for item in items:
        if item.id in done:
            skipped += 1
        else:
            done.add(item.id)  # an id repeated in the input is summarised once
            todo.append(item)
    return todo, skipped


def run(
    todo: list[Item],
    out: str | Path,
    settings: Settings,
    *,
    append: bool = False,
    workers: int = 1,
    on_line: Callable[[Mapping[str, Any]], None] | None = None,
) -> Tally:
    """Summarise `todo`, writing one flushed line per document to `out` (appended to it with `append`)."""
    out = Path(out)
    tally = Tally()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a" if append else "w", encoding="utf-8") as handle:

        def write(line: dict[str, Any]) -> None:
            handle.write(encode(line))  # one write per line: a crash can tear only the last one
            handle.flush()
            tally.count(line)
            if on_line is not None:
                on_line(line)

        if workers <= 1:
            for group in groups(todo, settings.group):
                summarize_group(group, settings, write)
            return tally
        with ProcessPoolExecutor(workers, initializer=_share_cores, initargs=(workers,)) as pool:
            futures: list[Future[list[dict[str, Any]]]] = [
                pool.submit(_group_in_worker, group, settings) for group in groups(todo, settings.group)
            ]
            for future in futures:  # in input order; each group is written as soon as it and those before it end
                for line in future.result():
                    write(line)
    return tally
