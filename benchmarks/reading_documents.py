"""How well documents come in: a fresh install's imports, web pages' article text, PDFs' letters and sentences.

    python benchmarks/reading_documents.py [--fresh] [--pdfs 10] [--margins] [--only install pages pdfs]

- install: every module of the app and everything it imports (tests/documents/import_everything.py), in this
  environment, or with --fresh in a new one built from requirements.txt alone as the README's first command builds it
  (a minute or more: torch is a large wheel).
- web pages: the dev pages of scrapinghub/article-extraction-benchmark (only the ids in
  ../shared/data/dev/aeb_dev_ids.txt), scored by that repository's own evaluate.py (F1 over 4-word shingles, averaged
  over pages), for the reader (`html_article`), the plain reading it falls back on, and trafilatura with the
  benchmark's own settings; each in a fresh process, with its median time per page and its peak memory beyond its
  imports. The benchmark is read from SAAR_AEB_REPO: a checkout, or a bare git folder as `fetch` leaves it (default
  /work/.mirror/scrapinghub+article-extraction-benchmark/repo); without it, one line says so.
- PDFs: the first N English (en_cnndm) and Hindi (hi_headlines) dev articles, set as web pages and printed to PDF by
  headless Chromium, read back by pypdf (the reader before), pdfminer.six (where installed), pypdfium2's own text and
  the reader: character fidelity (difflib's ratio of the source and the text read, white space runs counted as one
  space) and the share of the source's sentences that come back as whole sentences of the text read (the project's
  sentence splitter on both sides). With --margins the browser prints its own head and foot on each page (date and
  title, address and page number), as it does unless told not to.

`figures()` returns the same figures as (label, value) lines.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import html
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data" / "dev"
AEB_DEFAULT = "/work/.mirror/scrapinghub+article-extraction-benchmark/repo"
Figure = tuple[str, str]

# A candidate reads each page in a fresh process: its memory peak is its own.
CANDIDATE = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
name, pages_path = sys.argv[1], sys.argv[2]
pages = json.load(open(pages_path, encoding="utf-8"))
if name == "reader":
    from summarizers.documents.html import html_article
    extract = lambda markup: html_article(markup)[0]
elif name == "plain reading (before)":
    from summarizers.documents.html import html_to_text as extract
elif name == "trafilatura (benchmark settings)":
    import trafilatura
    extract = lambda markup: trafilatura.extract(markup, include_comments=False) or ""
elif name == "rs-trafilatura":
    import rs_trafilatura
    extract = lambda markup: rs_trafilatura.extract(markup).content_text or ""
else:
    raise SystemExit("unknown candidate " + name)
extract("<html><body><p>warm up</p></body></html>")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
out, times, refused = {{}}, [], 0
from summarizers.errors import DocumentError
for key, markup in pages.items():
    start = time.perf_counter()
    try:
        out[key] = extract(markup) or ""
    except DocumentError:
        out[key], refused = "", refused + 1
    times.append(time.perf_counter() - start)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"out": out, "times": times, "refused": refused, "extra_mb": (peak - before) / 1024}}))
"""


def _git_show(repo: Path, path: str) -> bytes:
    return subprocess.run(["git", f"--git-dir={repo}", "show", f"HEAD:{path}"], capture_output=True, check=True).stdout


def _aeb_reader(repo: Path) -> Callable[[str], bytes] | None:
    if (repo / "ground-truth.json").is_file():
        return lambda path: (repo / path).read_bytes()
    if (repo / "HEAD").is_file() and (repo / "objects").is_dir():
        return lambda path: _git_show(repo, path)
    return None


def install_figures(fresh: bool) -> list[Figure]:
    script = ROOT / "tests" / "documents" / "import_everything.py"
    python = sys.executable
    label = "install: imports in this environment"
    with tempfile.TemporaryDirectory() as folder:
        if fresh:
            label = "install: imports in a fresh environment from requirements.txt alone"
            venv = Path(folder) / "venv"
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            started = time.perf_counter()
            done = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "-r", str(ROOT / "requirements.txt")],
                                  capture_output=True, text=True, check=False)  # fmt: skip
            if done.returncode != 0:
                return [(label, f"FAILED to install: {done.stderr.strip()[-300:]}")]
            label += f" (installed in {time.perf_counter() - started:.0f} s)"
            python = str(venv / "bin" / "python")
        checked = subprocess.run([python, str(script)], capture_output=True, text=True, cwd=ROOT, check=False)
    if checked.returncode != 0:
        return [(label, f"FAILED: {checked.stderr.strip()[-300:]}")]
    report = json.loads(checked.stdout.strip().splitlines()[-1])
    failures = "; ".join(f"{name}: {error[:120]}" for name, error in report["failures"])
    return [
        (
            label,
            f"{report['imported']} modules, {len(report['failures'])} failures"
            + (f" ({failures})" if failures else ""),
        )
    ]


def page_figures() -> list[Figure]:
    repo = Path(os.environ.get("SAAR_AEB_REPO", AEB_DEFAULT))
    read = _aeb_reader(repo)
    ids_path = DATA / "aeb_dev_ids.txt"
    if read is None or not ids_path.is_file():
        return [
            (
                "web pages",
                f"skipped: the benchmark pages are not at {repo} (set SAAR_AEB_REPO) or {ids_path} is missing",
            )
        ]
    evaluate = types.ModuleType("aeb_evaluate")
    exec(compile(read("evaluate.py"), "evaluate.py", "exec"), evaluate.__dict__)  # the benchmark's own scorer
    ids = ids_path.read_text().split()
    truth_all = json.loads(read("ground-truth.json"))
    truth = {key: truth_all[key] for key in ids}
    pages = {key: gzip.decompress(read(f"html/{key}.html.gz")).decode("utf-8") for key in ids}
    figures: list[Figure] = []
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as handle:
        json.dump(pages, handle)
        handle.flush()
        for name in ("plain reading (before)", "trafilatura (benchmark settings)", "reader", "rs-trafilatura"):
            command = [sys.executable, "-c", CANDIDATE.format(root=str(ROOT)), name, handle.name]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                reason = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"
                figures.append((f"web pages F1, {name}", f"not measured: {reason[:160]}"))
                continue
            result = json.loads(done.stdout.strip().splitlines()[-1])
            metrics = evaluate.evaluate(truth, {key: {"articleBody": text} for key, text in result["out"].items()}, 200)
            empty = sum(not text.strip() for text in result["out"].values())
            figures.append((
                f"web pages F1, {name}",
                f"{metrics['f1']:.3f} (precision {metrics['precision']:.3f}, recall {metrics['recall']:.3f}; "
                f"{len(ids)} dev pages, {empty} empty, {result['refused']} refused; "
                f"median {statistics.median(result['times']) * 1000:.1f} ms/page, "
                f"+{result['extra_mb']:.0f} MB peak)",
            ))  # fmt: skip
    return figures


def _article_paragraphs(text: str, lang: str) -> list[str]:
    """An article as paragraphs: the Hindi sources mark them with runs of spaces; the English ones have none, so
    every three sentences make one."""
    from summarizers.text.spans import split_sentences

    if lang == "hi":
        return [part.strip() for part in re.split(r"\s{2,}", text) if part.strip()]
    found = [text[span.start : span.end] for span in split_sentences(text)]
    return [" ".join(found[index : index + 3]) for index in range(0, len(found), 3)]


def _print_pdf(chromium: str, paragraphs: list[str], lang: str, folder: Path, stem: str, margins: bool) -> Path:
    title, *body = paragraphs
    markup = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title[:90])}'
              f"</title></head><body><h1>{html.escape(title)}</h1>"
              + "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in body) + "</body></html>")  # fmt: skip
    source = folder / f"{stem}.html"
    source.write_text(markup, encoding="utf-8")
    target = folder / f"{stem}.pdf"
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={target}", source.as_uri(),
               *([] if margins else ["--no-pdf-header-footer"])]  # fmt: skip
    subprocess.run(command, capture_output=True, timeout=120, check=True)
    return target


def _normalised(text: str) -> str:
    return " ".join(text.split())


def fidelity(source: str, text: str) -> float:
    return difflib.SequenceMatcher(None, _normalised(source), _normalised(text), autojunk=False).ratio()


def whole_sentences(source: str, text: str) -> float:
    from summarizers.text.spans import split_sentences

    wanted = [_normalised(source[span.start : span.end]) for span in split_sentences(source)]
    found = {_normalised(text[span.start : span.end]) for span in split_sentences(text)}
    return sum(sentence in found for sentence in wanted) / max(len(wanted), 1)


def _pypdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n\n".join((page.extract_text() or "").strip() for page in PdfReader(io.BytesIO(data)).pages)


def _pdfium_text(data: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    return "\n\n".join(document[index].get_textpage().get_text_bounded() for index in range(len(document)))


def _pdfminer_text(data: bytes) -> str:
    import io

    from pdfminer.high_level import extract_text  # not a dependency: measured where it is installed

    return str(extract_text(io.BytesIO(data)))


def _reader_text(data: bytes) -> str:
    from summarizers.documents.reading import read_bytes

    return read_bytes(data, "article.pdf").text


def pdf_figures(count: int, margins: bool = False) -> list[Figure]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return [("PDFs", "skipped: no chromium to print the dev articles with (apt-get install chromium)")]
    figures: list[Figure] = []
    readers: dict[str, Callable[[bytes], str]] = {
        "pypdf (before)": _pypdf_text,
        "pdfminer.six": _pdfminer_text,
        "pypdfium2's own text": _pdfium_text,
        "reader": _reader_text,
    }
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for lang, file in (("en", "en_cnndm.jsonl"), ("hi", "hi_headlines.jsonl")):
            rows = [json.loads(line) for line in (DATA / file).read_text(encoding="utf-8").splitlines()[:count]]
            printed = []
            for index, row in enumerate(rows):
                paragraphs = _article_paragraphs(str(row["text"]), lang)
                pdf = _print_pdf(chromium, paragraphs, lang, folder, f"{lang}{index}", margins)
                printed.append(("\n\n".join(paragraphs), pdf.read_bytes()))
            for reader, read in readers.items():
                try:
                    read(printed[0][1])
                except ImportError as error:
                    figures.append((f"PDF {lang}, {reader}", f"not measured: {error}"))
                    continue
                except Exception:  # measured below, as a refusal
                    pass
                scores, wholes, times, nuls = [], [], [], 0
                for source, data in printed:
                    start = time.perf_counter()
                    try:
                        text = read(data)
                    except Exception as error:  # a refusal counts as nothing read
                        text = f"[{type(error).__name__}]"
                    times.append(time.perf_counter() - start)
                    nuls += text.count("\x00")
                    scores.append(fidelity(source, text))
                    wholes.append(whole_sentences(source, text))
                figures.append((
                    f"PDF {lang}{' (with the browser head and foot)' if margins else ''}, {reader}",
                    f"character fidelity {statistics.mean(scores):.3f} (lowest {min(scores):.3f}), whole sentences "
                    f"{statistics.mean(wholes):.1%}, NULs {nuls}; {len(printed)} articles, "
                    f"median {statistics.median(times) * 1000:.0f} ms/PDF",
                ))  # fmt: skip
    return figures


PARTS = ("install", "pages", "pdfs")


def figures(fresh: bool = False, pdfs: int = 10, parts: tuple[str, ...] = PARTS, margins: bool = False) -> list[Figure]:
    found: list[Figure] = []
    if "install" in parts:
        found += install_figures(fresh)
    if "pages" in parts:
        found += page_figures()
    if "pdfs" in parts:
        found += pdf_figures(pdfs, margins)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fresh", action="store_true", help="build a new environment from requirements.txt alone")
    parser.add_argument("--pdfs", type=int, default=10, help="dev articles printed per language")
    parser.add_argument("--only", nargs="*", choices=PARTS, default=list(PARTS), help="measure only these parts")
    parser.add_argument("--margins", action="store_true", help="print PDFs with the browser's head and foot")
    args = parser.parse_args()
    for part in args.only:  # part by part, so that each figure shows as soon as it is measured
        for label, value in figures(args.fresh, args.pdfs, (part,), args.margins):
            print(f"{label}: {value}", flush=True)


if __name__ == "__main__":
    main()
