"""The saved library: time to save one summarised document, database size per 100 summaries, and a page of a large
library.

    python benchmarks/library.py [--data ../shared/data/dev] [--count 100] [--large 5000] [--postgres URL]

Summarises `--count` real articles (CNN/DailyMail and Hindi news from the dev set, key sentences: no model needed),
then saves each as the Summarize page does (one run each, after it is shown) into a fresh SQLite file (and a fresh
PostgreSQL database when `--postgres` names a server): the median and 90th percentile of one save, and the database's
size per 100 summaries beside the size of the texts alone. Then it grows the library to `--large` entries and times
the first and the last page of History, a search and a language filter. Times are wall clock on a shared machine:
medians of several runs.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, make_url  # noqa: E402

from summarizers.documents.reading import from_text  # noqa: E402
from summarizers.pipeline import Options, summarize  # noqa: E402
from summarizers.schema import result_json  # noqa: E402
from summarizers.storage import Query, Store, open_store  # noqa: E402

SETTINGS = {"method": "extractive", "length": "medium", "sentences": None, "share": None, "form": "bullets"}


def articles(data: Path, count: int) -> list[str]:
    rows: list[str] = []
    sources = [data / "en_cnndm.jsonl", data / "hi_headlines.jsonl"]
    per_source = [count - count // 3, count // 3]  # two English for each Hindi article
    for path, wanted in zip(sources, per_source, strict=True):
        with path.open(encoding="utf-8") as lines:
            rows += [json.loads(line)["text"] for _, line in zip(range(wanted), lines, strict=False)]
    return rows


def documents(texts: list[str]) -> list[dict[str, Any]]:
    """Each text summarised and put in the app's form (summarizers.schema.document_record plus what the page adds)."""
    made = []
    for number, text in enumerate(texts):
        result = summarize(from_text(text, "pasted text"), Options("extractive", "medium"))
        made.append(
            {
                "name": "pasted text",
                "text": text,
                **result_json(result),
                "title": text.split("\n", 1)[0][:120],
                "source": "pasted text",
                "created": "2026-12-06 21:00 UTC",
                "settings": SETTINGS,
                "number": number,
            }
        )
    return made


def timed(action: Callable[[], object], repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def sqlite_size(path: Path) -> int:
    """The file's size once the write-ahead log is folded into it (the log is preallocated scratch space)."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(part.stat().st_size for part in path.parent.glob(path.name + "*"))


def measure(store: Store, size: Callable[[], int], made: list[dict[str, Any]], large: int, label: str) -> None:
    empty = size()
    owner = "browser:" + uuid.uuid4().hex
    times = []
    for document in made:
        start = time.perf_counter()
        store.save(owner, uuid.uuid4().hex[:12], [document])
        times.append(time.perf_counter() - start)
    grown = size() - empty
    text_bytes = sum(len(document["text"].encode("utf-8")) for document in made)
    per_100 = grown * 100 / len(made)
    times.sort()
    print(f"\n{label}: {len(made)} summaries saved one run each")
    print(f"  save, one summary: median {statistics.median(times) * 1000:.1f} ms, "
          f"90th percentile {times[int(len(times) * 0.9)] * 1000:.1f} ms")  # fmt: skip
    print(f"  database size per 100 summaries: {per_100 / 1024:.0f} KiB "
          f"(their texts alone: {text_bytes * 100 / len(made) / 1024:.0f} KiB)")  # fmt: skip
    if large <= len(made):
        return
    batch = [{**document, "title": f"{document['title']} #{n}"} for n, document in enumerate(made)]
    for start in range(len(made), large, len(made)):
        store.save(owner, f"bulk-{start}", batch[: min(len(made), large - start)])
    total = store.page(owner).total
    pages = -(-total // 20)
    print(f"  a library of {total} entries ({pages} pages of 20), median of 5:")
    print(f"    first page {timed(lambda: store.page(owner)) * 1000:.1f} ms; "
          f"last page {timed(lambda: store.page(owner, Query(offset=(pages - 1) * 20))) * 1000:.1f} ms")  # fmt: skip
    print(f"    search 'minister' {timed(lambda: store.page(owner, Query(words='minister'))) * 1000:.1f} ms; "
          f"Hindi only {timed(lambda: store.page(owner, Query(language='hi'))) * 1000:.1f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "dev")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--postgres", default="", help="a SQLAlchemy URL of a PostgreSQL server to measure as well")
    arguments = parser.parse_args()
    started = time.perf_counter()
    made = documents(articles(arguments.data, arguments.count))
    print(f"summarised {len(made)} articles in {time.perf_counter() - started:.1f} s (extractive)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.sqlite3"
        store = open_store(str(path))
        assert store is not None
        measure(store, lambda: sqlite_size(path), made, arguments.large, "SQLite (WAL, synchronous=NORMAL)")
        store.engine.dispose()
    if arguments.postgres:
        name = f"saar_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(arguments.postgres, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            url = make_url(arguments.postgres).set(database=name).render_as_string(hide_password=False)
            store = open_store(url)
            assert store is not None

            def size() -> int:
                with store.engine.connect() as connection:
                    return int(connection.exec_driver_sql("SELECT pg_database_size(current_database())").scalar() or 0)

            measure(store, size, made, arguments.large, "PostgreSQL")
            store.engine.dispose()
        finally:
            with admin.connect() as connection:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
