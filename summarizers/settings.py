"""Every setting the library reads from the environment, and every limit, in one place.

Values are read when asked for (not at import), so a test or a long-running app that changes the environment sees
the change. Each function names its variable, its default and what a bad value becomes: a bad value never raises,
it falls back to the default.

| variable                 | default             | what it sets                                                       |
|--------------------------|---------------------|--------------------------------------------------------------------|
| SAAR_BACKEND             | auto                | generation backend: auto, ctranslate2 or transformers              |
| SAAR_CT2_QUANTIZATION    | int8                | CTranslate2 weights: int8 or float32                               |
| SAAR_CT2_THREADS         | (by model)          | CPU threads for one CTranslate2 generation                         |
| SAAR_CT2_PARALLEL        | 1 (batch: cores)    | CTranslate2 generations one loaded model runs at once              |
| SAAR_VOCABULARY_FILTER   | on                  | Hindi generation scores only the pieces it can use                 |
| SAAR_CACHE               | ~/.cache/saar       | converted models                                                   |
| SAAR_RESULT_CACHE        | 128                 | finished summaries kept per model (0: off)                         |
| SAAR_LOADED_MODELS       | 4                   | loaded models kept in memory per process                           |
| SAAR_TORCH_THREADS       | all cores           | torch's intra-op threads                                           |
| SAAR_MODEL_<LANG>        | (the language's)    | hub id or local directory of a language's model                    |
| SAAR_NLI_MODEL           | (mDeBERTa XNLI)     | hub id or local directory of the consistency checker's NLI model   |
| SAAR_CHECKER             | auto                | checker: auto (NLI where its weights are here), offline or nli     |
| SAAR_NLI_PRECISION       | auto                | NLI arithmetic: auto (bfloat16 where native), float32 or bfloat16  |
| HF_HUB_OFFLINE           | unset               | forbids downloads (the Hugging Face switch, honoured as it is)     |
| SAAR_MAX_BYTES           | 20 MiB              | largest file read                                                  |
| SAAR_MAX_CHARS           | 500,000             | longest text summarised                                            |
| SAAR_READ_SECONDS        | 10                  | time to read one document, checked as it reads and by the worker   |
| SAAR_READ_MEMORY_MB      | 1024                | memory the worker reading an upload may map beyond its imports     |
| SAAR_MAX_UNPACKED_BYTES  | 50,000,000 bytes    | largest inflated text part of a DOCX, read from the zip directory  |
| SAAR_MAX_COMPRESSION     | 100                 | largest inflate ratio of a DOCX text part over 1 MB                |
| SAAR_MAX_ZIP_ENTRIES     | 2,000               | most entries in a DOCX archive                                     |
| SAAR_MAX_PDF_PAGES       | 500                 | most pages in a PDF                                                |
| SAAR_MAX_PDF_CONTENT     | 150,000 bytes       | largest decoded content stream of one PDF page                     |
| SAAR_MAX_HTML_ELEMENTS   | 50,000              | most elements in an HTML page                                      |
| SAAR_MAX_HTML_DEPTH      | 256                 | deepest element nesting in an HTML page                            |
| SAAR_ALLOW_PRIVATE_URLS  | off                 | fetching by link may reach private and loopback addresses          |
| SAAR_FETCH_TIMEOUT       | 10 seconds          | longest wait for a page fetched by link (connect, then each read)  |
| SAAR_DB                  | (user data folder)  | saved library: off, a SQLite file's path, or a SQLAlchemy URL      |
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

Backend = Literal["auto", "ctranslate2", "transformers"]
BACKENDS: tuple[Backend, ...] = ("auto", "ctranslate2", "transformers")
TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")
MODEL_PREFIX = "SAAR_MODEL_"

DEFAULT_RESULT_CACHE = 128  # summaries are a few hundred bytes each: well under a megabyte
DEFAULT_MODEL_CACHE = 4  # English, Hindi and two more (an alternative, a cross-language or checking model)
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # an upload larger than this is refused before any parsing
DEFAULT_FETCH_TIMEOUT = 10  # seconds: a news page answers in far less; a hung server must not hold the page
DEFAULT_MAX_CHARS = 500_000  # about 80,000 words: far beyond any news article, still summarisable in chunks
# Reading limits: each is far above what a news article needs and low enough that a hostile file is refused within
# seconds and a few hundred megabytes (benchmarks/hostile.py measures both).
DEFAULT_READ_SECONDS = 10  # twice the hostile-file target: a legitimate file is read well within it
DEFAULT_READ_MEMORY_MB = 1024  # address space added while reading: pypdf may inflate 75 MB, ET holds a 50 MB part
DEFAULT_MAX_UNPACKED_BYTES = 50_000_000  # a DOCX text part of 500,000 characters with heavy formatting is ~30 MB
DEFAULT_MAX_COMPRESSION = 100  # Word's XML deflates 5-20 times; a bomb deflates hundreds to thousands of times
DEFAULT_MAX_ZIP_ENTRIES = 2_000  # a DOCX has tens of parts, a few hundred with many images
DEFAULT_MAX_PDF_PAGES = 500
DEFAULT_MAX_PDF_CONTENT = 150_000  # a dense page of text is 10-60 KB of operators; pypdf reads 25-100 KB a second
DEFAULT_MAX_HTML_ELEMENTS = 50_000  # a long news page has a few thousand
DEFAULT_MAX_HTML_DEPTH = 256  # real pages nest 20-60 deep; unclosed <p> and <li> add to it


def _text(variable: str, default: str = "") -> str:
    return os.environ.get(variable, default).strip()


def _count(variable: str, default: int, minimum: int = 0) -> int:
    """A whole number from the environment; unset, malformed or below `minimum` gives the default."""
    try:
        value = int(_text(variable, str(default)))
    except ValueError:
        return default
    return value if value >= minimum else default


def backend() -> Backend:
    value = _text("SAAR_BACKEND", "auto").lower()
    for choice in BACKENDS:
        if value == choice:
            return choice
    return "auto"


def quantization() -> str:
    return _text("SAAR_CT2_QUANTIZATION", "int8") or "int8"


def vocabulary_filter() -> bool:
    return _text("SAAR_VOCABULARY_FILTER", "on").lower() not in FALSE_WORDS


def ct2_threads() -> int | None:
    """Threads asked for with SAAR_CT2_THREADS, or None to let the backend choose by model."""
    value = _count("SAAR_CT2_THREADS", 0)
    return value or None


def ct2_parallel() -> int | None:
    """Generations at once asked for with SAAR_CT2_PARALLEL, or None to let the backend choose (one)."""
    value = _count("SAAR_CT2_PARALLEL", 0)
    return value or None


def torch_threads() -> int:
    return _count("SAAR_TORCH_THREADS", 0) or max(1, os.cpu_count() or 1)


def cache_root() -> Path:
    return Path(_text("SAAR_CACHE") or Path.home() / ".cache" / "saar").expanduser()


def result_cache_capacity() -> int:
    return _count("SAAR_RESULT_CACHE", DEFAULT_RESULT_CACHE)


def model_cache_capacity() -> int:
    return _count("SAAR_LOADED_MODELS", DEFAULT_MODEL_CACHE, minimum=1)


def hub_offline() -> bool:
    return _text("HF_HUB_OFFLINE").lower() in TRUE_WORDS


def model_overrides() -> dict[str, str]:
    """{lang: hub id or directory} from SAAR_MODEL_<LANG> variables."""
    return {
        variable[len(MODEL_PREFIX) :].lower(): value.strip()
        for variable, value in os.environ.items()
        if variable.startswith(MODEL_PREFIX) and value.strip()
    }


DEFAULT_NLI_MODEL = "MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7"
CheckerChoice = Literal["auto", "offline", "nli"]
CHECKERS: tuple[CheckerChoice, ...] = ("auto", "offline", "nli")


def nli_model() -> str:
    return _text("SAAR_NLI_MODEL") or DEFAULT_NLI_MODEL


PrecisionChoice = Literal["auto", "float32", "bfloat16"]
PRECISIONS: tuple[PrecisionChoice, ...] = ("auto", "float32", "bfloat16")


def nli_precision() -> PrecisionChoice:
    value = _text("SAAR_NLI_PRECISION", "auto").lower()
    return next((choice for choice in PRECISIONS if choice == value), "auto")


def checker() -> CheckerChoice:
    value = _text("SAAR_CHECKER", "auto").lower()
    return next((choice for choice in CHECKERS if choice == value), "auto")


def max_bytes() -> int:
    return _count("SAAR_MAX_BYTES", DEFAULT_MAX_BYTES, minimum=1)


def max_chars() -> int:
    return _count("SAAR_MAX_CHARS", DEFAULT_MAX_CHARS, minimum=1)


def read_seconds() -> int:
    return _count("SAAR_READ_SECONDS", DEFAULT_READ_SECONDS, minimum=1)


def read_memory_mb() -> int:
    return _count("SAAR_READ_MEMORY_MB", DEFAULT_READ_MEMORY_MB, minimum=64)


def max_unpacked_bytes() -> int:
    return _count("SAAR_MAX_UNPACKED_BYTES", DEFAULT_MAX_UNPACKED_BYTES, minimum=1)


def max_compression() -> int:
    return _count("SAAR_MAX_COMPRESSION", DEFAULT_MAX_COMPRESSION, minimum=1)


def max_zip_entries() -> int:
    return _count("SAAR_MAX_ZIP_ENTRIES", DEFAULT_MAX_ZIP_ENTRIES, minimum=1)


def max_pdf_pages() -> int:
    return _count("SAAR_MAX_PDF_PAGES", DEFAULT_MAX_PDF_PAGES, minimum=1)


def max_pdf_content() -> int:
    return _count("SAAR_MAX_PDF_CONTENT", DEFAULT_MAX_PDF_CONTENT, minimum=1)


def max_html_elements() -> int:
    return _count("SAAR_MAX_HTML_ELEMENTS", DEFAULT_MAX_HTML_ELEMENTS, minimum=1)


def max_html_depth() -> int:
    return _count("SAAR_MAX_HTML_DEPTH", DEFAULT_MAX_HTML_DEPTH, minimum=1)


def allow_private_urls() -> bool:
    """Off unless set: a server fetching links for its users must not be steered to its own network."""
    return _text("SAAR_ALLOW_PRIVATE_URLS").lower() in TRUE_WORDS


def fetch_timeout() -> int:
    return _count("SAAR_FETCH_TIMEOUT", DEFAULT_FETCH_TIMEOUT, minimum=1)


def database() -> str:
    """The saved library's place as given: "" (the default SQLite file), "off", a file path or a SQLAlchemy URL;
    `storage.location` turns it into a URL."""
    return _text("SAAR_DB")
