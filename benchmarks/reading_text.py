"""Reading text: sentence boundaries, bulk JSONL checking and PTB-tokenised summaries.

    python benchmarks/reading_text.py [--data ../shared/data/dev] [--pysbd-repo DIR] [--bulk-lines 1000] [--skip-bulk]

Prints one line per figure:
- golden rules: pySBD's English golden-rule cases (`tests/lang/test_english.py` of nipunsadvilkar/pySBD, read from a
  fetched mirror or checkout, never committed here) passed by the splitter; skipped when no mirror is found;
- PUD boundary F1: each article of `pud_versions.jsonl` (UD Hindi PUD, dev half) joined with spaces and split again,
  per language, for the splitter and for pySBD when it is installed;
- bulk JSONL: a generated file of about 1,000 lines and 3 MB through `attribute --jsonl`, lines checked / lines in,
  and the same articles through `batch` (extractive), documents summarised;
- FRANK: the shipped offline checker's balanced accuracy of `consistent` on the summaries as FRANK gives them
  (PTB-tokenised, mostly lower-cased) and on the same summaries detokenised and split as the fitting benchmark does;
- speed: splitting 100,000 characters of English news, the splitter and pySBD (median of 3 runs).

Each line ends with the figure this script printed before the sentence rules, bulk reading and PTB splitting were
reworked (commit aa5584c, on the same data), so that the change can be read at a glance.

`figures()` gives the same as (label, value) pairs for `benchmarks/reading.py`.
"""

from __future__ import annotations

import argparse
import ast
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from summarizers.text.spans import split_sentences  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "dev"
DEFAULT_PYSBD = ROOT.parent / ".mirror" / "nipunsadvilkar+pySBD" / "repo"
GOLDEN_FILE = "tests/lang/test_english.py"
# Printed by this script at commit aa5584c (one shared 2-core machine; seconds vary with its load).
BEFORE = {
    "golden": "28/48",
    "pud en": "0.9944",
    "pud hi": "0.9933",
    "bulk": "no line checked: the whole file refused as over 500,000 characters",
    "frank": "raw 0.690, detokenised 0.788",
    "batch": "all summarised; a line that is not UTF-8 stopped the whole batch with a traceback",
}
Splitter = Callable[[str], list[str]]


def saar_split(text: str) -> list[str]:
    return [span.text(text).strip() for span in split_sentences(text)]


def pysbd_splitter(lang: str) -> Splitter | None:
    try:
        import pysbd  # type: ignore[import-untyped]
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language=lang, clean=False)
    return lambda text: [part.strip() for part in segmenter.segment(text) if part.strip()]


# ---------------------------------------------------------------- golden rules


def _golden_source(repo: Path) -> str | None:
    """The golden-rule file from a checkout (a work tree) or a mirror (a git directory with no work tree)."""
    if (repo / GOLDEN_FILE).is_file():
        return (repo / GOLDEN_FILE).read_text("utf-8")
    if not repo.is_dir():
        return None
    shown = subprocess.run(
        ["git", "--git-dir", str(repo), "show", f"HEAD:{GOLDEN_FILE}"], capture_output=True, text=True, check=False
    )
    return shown.stdout if shown.returncode == 0 else None


def golden_cases(source: str) -> list[tuple[str, list[str]]]:
    """The (text, sentences) pairs of the file's GOLDEN_EN_RULES_TEST_CASES, read as literals (the file is never run:
    `pytest.param(text, sentences, marks=...)` entries are read for their two arguments)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "GOLDEN_EN_RULES_TEST_CASES" for target in node.targets
        ):
            assert isinstance(node.value, ast.List)
            cases = []
            for element in node.value.elts:
                parts = element.args[:2] if isinstance(element, ast.Call) else getattr(element, "elts", [])
                text, sentences = (ast.literal_eval(part) for part in parts)
                cases.append((str(text), list(sentences)))
            return cases
    return []


def golden_rules(repo: Path, split: Splitter = saar_split) -> tuple[int, int, list[str]] | None:
    source = _golden_source(repo)
    if source is None:
        return None
    cases = golden_cases(source)
    failed = [text for text, expected in cases if split(text) != expected]
    return len(cases) - len(failed), len(cases), failed


# ---------------------------------------------------------------- PUD boundaries


def _boundaries(text: str, sentences: list[str]) -> set[int]:
    """Where each sentence but the last ends, as an offset into `text` (sentences found in order)."""
    ends = set()
    position = 0
    for sentence in sentences[:-1]:
        position = text.index(sentence, position) + len(sentence)
        ends.add(position)
    return ends


def boundary_f1(articles: list[list[str]], split: Splitter) -> float:
    found = correct = expected = 0
    for sentences in articles:
        text = " ".join(sentences)
        gold = _boundaries(text, sentences)
        guessed = _boundaries(text, split(text))
        found += len(guessed)
        expected += len(gold)
        correct += len(gold & guessed)
    precision = correct / found if found else 1.0
    recall = correct / expected if expected else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def pud_articles(data: Path, lang: str) -> list[list[str]]:
    rows = [json.loads(line) for line in (data / "pud_versions.jsonl").read_text("utf-8").splitlines() if line]
    return [list(row[lang]) for row in rows]


# ---------------------------------------------------------------- bulk JSONL


def bulk_rows(data: Path, lines: int) -> Iterator[dict[str, str]]:
    """`lines` {"id", "source", "summary"} rows cycled from the FRANK dev rows (articles of a few thousand
    characters each, so a thousand lines make about 3 MB)."""
    frank = [json.loads(line) for line in (data / "frank_valid.jsonl").read_text("utf-8").splitlines() if line]
    for number in range(lines):
        row = frank[number % len(frank)]
        yield {"id": f"{row['id']}-{number}", "source": str(row["article"]), "summary": str(row["summary"])}


def bulk_jsonl(data: Path, lines: int, command: str = "attribute") -> tuple[int, int, int, float, str]:
    """(lines done, lines in, bytes, seconds, first error) through the command line, as a user would run it:
    `attribute --jsonl` on {"id", "source", "summary"} lines, or `batch` (extractive) on {"id", "text"} lines."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bulk.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for row in bulk_rows(data, lines):
                line = row if command == "attribute" else {"id": row["id"], "text": row["source"]}
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        size = path.stat().st_size
        out_path = Path(folder) / "out.jsonl"
        arguments = (
            ["attribute", "--jsonl", str(path)]
            if command == "attribute"
            else ["batch", str(path), "--out", str(out_path), "--method", "extractive", "--quiet"]
        )
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "summarizers", *arguments], capture_output=True, text=True, cwd=ROOT, check=False
        )
        seconds = time.perf_counter() - started
        written = done.stdout if command == "attribute" else (out_path.read_text("utf-8") if out_path.exists() else "")
    out = [json.loads(line) for line in written.splitlines() if line.strip()]
    checked = sum(1 for line in out if "error" not in line)
    errors = [line for line in done.stderr.splitlines() if line.startswith("error")]
    return checked, lines, size, seconds, errors[0] if errors else ""


# ---------------------------------------------------------------- FRANK


def frank_balanced_accuracy(data: Path) -> tuple[float, float]:
    """The shipped offline checker on FRANK dev: (raw summaries split as the product splits them, detokenised)."""
    from fit_checker import balanced_accuracy, frank_sentences

    from summarizers.attribution.align import split_summary
    from summarizers.attribution.checkers import OfflineChecker
    from summarizers.language.segment import analyse

    rows = [json.loads(line) for line in (data / "frank_valid.jsonl").read_text("utf-8").splitlines() if line]
    checker = OfflineChecker()
    labels = [bool(row["consistent"]) for row in rows]
    raw, detokenised = [], []
    for row in rows:
        analysis = analyse(str(row["article"]))
        summary = str(row["summary"])
        raw.append(checker.check(analysis, split_summary(summary)).consistent)
        detokenised.append(checker.check(analysis, frank_sentences(summary)).consistent)
    return balanced_accuracy(labels, raw), balanced_accuracy(labels, detokenised)


# ---------------------------------------------------------------- figures


def split_speed(texts: list[str], split: Splitter, runs: int = 3) -> float:
    """Median seconds to split 100,000 characters of the given texts joined."""
    text = "\n".join(texts)[:100_000]
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        split(text)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def figures(
    data: Path = DEFAULT_DATA, pysbd_repo: Path = DEFAULT_PYSBD, bulk_lines: int = 1000, bulk: bool = True
) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    peer = pysbd_splitter("en")
    golden = golden_rules(pysbd_repo)
    if golden is None:
        rows.append(("golden rules (pySBD, English)", f"skipped: no pySBD mirror at {pysbd_repo}"))
    else:
        cell = f"{golden[0]}/{golden[1]}"
        theirs = golden_rules(pysbd_repo, peer) if peer is not None else None
        if theirs is not None:
            cell += f" (pySBD {theirs[0]}/{theirs[1]})"
        rows.append(("golden rules (pySBD, English)", f"{cell}; before {BEFORE['golden']}"))
    for lang in ("en", "hi"):
        articles = pud_articles(data, lang)
        cell = f"{boundary_f1(articles, saar_split):.4f}"
        lang_peer = pysbd_splitter(lang)
        if lang_peer is not None:
            cell += f" (pySBD {boundary_f1(articles, lang_peer):.4f})"
        rows.append((f"PUD boundary F1, {lang} ({len(articles)} articles)", f"{cell}; before {BEFORE['pud ' + lang]}"))
    if bulk:
        checked, lines, size, seconds, error = bulk_jsonl(data, bulk_lines)
        cell = f"{checked}/{lines} lines checked ({size / 1e6:.1f} MB, {seconds:.0f} s)"
        rows.append(("bulk attribute --jsonl", cell + (f"; {error}" if error else "") + f"; before {BEFORE['bulk']}"))
        done, lines, size, seconds, error = bulk_jsonl(data, bulk_lines, "batch")
        cell = f"{done}/{lines} documents summarised ({size / 1e6:.1f} MB, {seconds:.0f} s)"
        rows.append(
            ("bulk batch (JSONL, extractive)", cell + (f"; {error}" if error else "") + f"; before {BEFORE['batch']}")
        )
    raw, detokenised = frank_balanced_accuracy(data)
    cell = f"raw {raw:.3f}, detokenised {detokenised:.3f}; before {BEFORE['frank']}"
    rows.append(("FRANK dev BA, offline checker", cell))
    news = [str(json.loads(line)["text"]) for line in (data / "en_cnndm.jsonl").read_text("utf-8").splitlines() if line]
    cell = f"{split_speed(news, saar_split) * 1000:.0f} ms"
    if peer is not None:
        cell += f" (pySBD {split_speed(news, peer) * 1000:.0f} ms)"
    rows.append(("split 100,000 characters of English news", cell))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--pysbd-repo", type=Path, default=DEFAULT_PYSBD, help="pySBD checkout or fetched mirror")
    parser.add_argument("--bulk-lines", type=int, default=1000)
    parser.add_argument("--skip-bulk", action="store_true")
    parser.add_argument("--show-failures", action="store_true", help="list the golden-rule cases that fail")
    args = parser.parse_args(argv)
    for label, value in figures(args.data, args.pysbd_repo, args.bulk_lines, not args.skip_bulk):
        print(f"{label:<42} {value}")
    if args.show_failures:
        golden = golden_rules(args.pysbd_repo)
        for text in golden[2] if golden else []:
            print(f"  fails: {text}  ->  {saar_split(text)}")


if __name__ == "__main__":
    main()
