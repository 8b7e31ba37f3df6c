"""Articles for the batch tests, made from the seed articles: each distinct, all real prose."""

from __future__ import annotations

import json
from pathlib import Path

from summarizers.text.spans import split_sentences
from tests.conftest import SEEDS

ENGLISH_SEEDS = sorted(SEEDS.glob("en_modi_*.txt"))


def articles(count: int, sentences: int = 12) -> list[dict[str, str]]:
    """`count` articles of `sentences` sentences each, each a different window onto the seed articles."""
    pool = [span.text(text) for path in ENGLISH_SEEDS for text in [path.read_text("utf-8")]
            for span in split_sentences(text) if len(span.text(text).split()) >= 6]  # fmt: skip
    return [
        {"id": f"doc-{index:03d}", "text": " ".join(pool[(index * 5 + k) % len(pool)] for k in range(sentences))}
        for index in range(count)
    ]


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
    return path


def read_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]
