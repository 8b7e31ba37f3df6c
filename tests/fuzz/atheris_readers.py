"""Coverage-guided fuzzing of one reader with atheris (libFuzzer); a crash is any exception other than
DocumentError, a hang is a read over libFuzzer's -timeout.

    python tests/fuzz/atheris_readers.py docx -max_total_time=3600 -timeout=10 -rss_limit_mb=2048 \
        -max_len=200000 /tmp/corpus-docx

Readers: docx, pdf, html, text. The corpus folder starts from real files (written on the first run); libFuzzer
keeps the inputs that reach new code there. DOCX inputs are mutated inside the archive (a custom mutator changes one
entry and zips it again), so mutations get past the zip directory. A crash input is written as crash-<hash>: copy
it to tests/fuzz/crashes/ and its regression test replays it."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

with atheris.instrument_imports(include=["summarizers", "pypdf", "html", "zipfile", "charset_normalizer"]):
    # The readers import pypdf and charset_normalizer when first needed; they are loaded here to be instrumented.
    import charset_normalizer  # noqa: F401
    import pypdf  # noqa: F401

    from summarizers.documents import reading  # noqa: F401

from tests.fuzz import mutations
from tests.fuzz.harness import read_within_promise

NAMES = {"docx": "fuzz.docx", "pdf": "fuzz.pdf", "html": "fuzz.html", "text": "fuzz.txt"}


def seeds(reader: str) -> list[bytes]:
    if reader == "docx":
        return [mutations.real_docx()]
    if reader == "pdf":
        return [mutations.real_pdf()]
    if reader == "html":
        page = b"<html><head><script>x</script></head><body><article><p>One.</p><p>Two &amp; three.</p></article>"
        return [mutations.nested_html(["div", "p"], 5, "Modi met Putin.", True), page]
    encodings = ("utf-8", "utf-16", "cp1252")
    return [line.encode(encoding, errors="replace") for line in mutations.SAMPLE_LINES for encoding in encodings]


def docx_mutator(data: bytes, max_size: int, seed: int) -> bytes:
    """Mutate one entry of the archive and zip it again; inputs that are not archives get plain byte mutations."""
    try:
        entries = [(info.filename, body) for info, body in mutations.docx_entries(data)]
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, RuntimeError):
        return atheris.Mutate(data, max_size)
    if not entries:
        return atheris.Mutate(data, max_size)
    name, body = entries[seed % len(entries)]
    entries[seed % len(entries)] = (name, atheris.Mutate(body, max(len(body) * 2, 256)))
    mutant = mutations.rezip(entries)
    # libFuzzer refuses a mutant over its size limit: such a one is replaced by a plain mutation of the input.
    return mutant if len(mutant) <= max_size else atheris.Mutate(data, max_size)


def main() -> None:
    reader = sys.argv.pop(1)
    name = NAMES[reader]
    corpus = next((Path(arg) for arg in sys.argv[1:] if not arg.startswith("-")), None)
    if corpus is not None:
        corpus.mkdir(parents=True, exist_ok=True)
        for number, seed in enumerate(seeds(reader)):
            (corpus / f"seed-{number}").write_bytes(seed)

    def one_input(data: bytes) -> None:
        read_within_promise(data, name)

    mutator = docx_mutator if reader == "docx" else None
    atheris.Setup(sys.argv, one_input, custom_mutator=mutator)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
