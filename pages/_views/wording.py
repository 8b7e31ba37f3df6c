"""Words the pages show, in the interface language: labels and options from one catalog per language
(`pages/_views/catalogs/<lang>.toml`), the library's coded messages (progress, notices, a checker's reasons, notes)
rendered from their code and values, and titles from a document's first line.

The library's messages are never read back from their English: a result's JSON carries each one's code and values
(`notice_codes`, `reason_codes`, `note_codes`), and `summarizers.messages.render` words them in any language."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from summarizers.errors import DocumentError, SummarizerError
from summarizers.messages import Message, MessageCode, catalog, fill, render
from summarizers.schema import (
    ComparisonJSON,
    FailedRecord,
    MessageJSON,
    ResultJSON,
    SentenceJSON,
    SummaryJSON,
    coded_reason,
)

CATALOGS = Path(__file__).parent / "catalogs"
INTERFACE_LANGUAGES = ("en", "hi")
MODEL_DETAIL = re.compile(r"\s*\(.*\)\s*$")  # "saar-extractive (TF-IDF centrality + position prior)"
TITLE_CHARS = 90
# Progress the reader has no use for: an engine that could not be used is followed by the one that is, and the
# summary's notice says what happened in plain words.
QUIET_PROGRESS: frozenset[MessageCode] = frozenset({"progress.engine_failed", "progress.across_failed"})


class Notice(NamedTuple):
    plain: str  # what a reader is told, in plain words
    details: str | None  # the notice in full (commands, internals) for Details, or None when the plain text is all


@cache
def _catalog(lang: str) -> dict[str, Any]:
    path = CATALOGS / f"{lang if lang in INTERFACE_LANGUAGES else 'en'}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


# Each interface language's labels (the same keys in every catalog; a test checks it).
LABELS: dict[str, dict[str, str]] = {lang: _catalog(lang)["labels"] for lang in INTERFACE_LANGUAGES}


def label(key: str, lang: str = "en") -> str:
    return LABELS.get(lang, LABELS["en"]).get(key, LABELS["en"][key])


@cache
def section(name: str, lang: str = "en") -> Mapping[str, str]:
    """One table of the interface catalogs in the interface language ("versions": the Compare page's words about two
    versions; "library": the saved library's), English for a key the language lacks (a test keeps the keys equal)."""
    english: dict[str, str] = _catalog("en")[name]
    return MappingProxyType({**english, **_catalog(lang).get(name, {})})


def option_label(key: str, lang: str = "en") -> str:
    options: dict[str, str] = _catalog(lang)["options"]
    return options.get(key, key)


def language_name(code: str, lang: str = "en") -> str:
    """A language's name in the interface language."""
    return catalog(lang).language(code)


def known(codes: list[MessageJSON] | None) -> bool:
    """Whether this version can word every one of `codes`: a record kept by a newer version may carry a code this
    catalog lacks, and is then shown as that version wrote it."""
    return codes is not None and all(code["code"] in catalog("en").templates for code in codes)


def message_text(message: MessageJSON, ui: str = "en") -> str:
    """A coded message in full, in the interface language (what Details show, what a reason reads)."""
    return render(message["code"], message["values"], ui)


def notice_text(message: MessageJSON, ui: str = "en") -> str:
    """A notice as a reader is told it: its plain form where the catalog has one (commands and internals stay in
    Details), else the message in full."""
    kind, _, name = message["code"].partition(".")
    plain: dict[str, str] = _catalog(ui).get("plain", {}).get(kind, {})
    return fill(plain[name], message["values"], ui) if name in plain else message_text(message, ui)


def has_details(message: MessageJSON) -> bool:
    """Whether a notice says more in full than in its plain form (then Details show it in full)."""
    kind, _, name = message["code"].partition(".")
    return name in _catalog("en").get("plain", {}).get(kind, {})


def summary_notices(summary: SummaryJSON, ui: str = "en") -> list[Notice]:
    """A summary's notices, each as a reader is told it and in full for Details."""
    kept = [summary["notice"]] if summary["notice"] else []
    return _notices(kept, summary.get("notice_codes"), ui)


def document_notices(document: ResultJSON, ui: str = "en") -> list[Notice]:
    """The notices about a whole document, each as a reader is told it and in full for Details."""
    return _notices(document["notices"], document.get("notice_codes"), ui)


def _notices(texts: list[str], codes: list[MessageJSON] | None, ui: str) -> list[Notice]:
    if not known(codes):  # kept from before messages were coded, or by a newer version: as it was written
        return [Notice(text, None) for text in texts]
    worded = codes or []
    return [Notice(notice_text(code, ui), message_text(code, ui) if has_details(code) else None) for code in worded]


def error_text(entry: FailedRecord, ui: str = "en") -> str:
    """Why an input could not be read or summarised (an error entry's "error_code"), in the interface language; an
    entry kept from before its kind of error was coded shows its "error" as written."""
    coded: MessageJSON | None = entry.get("error_code")
    return message_text(coded, ui) if coded is not None and known([coded]) else entry["error"]


def reason_text(reason: Message, ui: str = "en") -> str:
    """A coded reason (a `DocumentError`'s, a `ModelError`'s, a `UsageError`'s...) in the interface language."""
    return render(reason.code, reason.values, ui)


def error_words(error: SummarizerError, ui: str = "en") -> str:
    """A library error in the interface language: a coded one (an input that could not be read, a model that could
    not be used, a setting that cannot be honoured, a summary stopped) from its code, a reading error after the
    input's name; any other as raised."""
    reason = coded_reason(error)
    if reason is None:
        return str(error)
    if isinstance(error, DocumentError):
        return f"{error.name}: {reason_text(reason, ui)}"
    return reason_text(reason, ui)


def reasons(sentence: SentenceJSON, ui: str = "en") -> list[str]:
    """Why a checker found no support for a sentence, in the interface language."""
    codes = sentence.get("reason_codes")
    if not known(codes):  # kept from before messages were coded, or by a newer version
        return list(sentence.get("reasons", []))
    return [message_text(code, ui) for code in codes or []]


def notes(comparison: ComparisonJSON, ui: str = "en") -> list[str]:
    """How a comparison was made (how names are read), in the interface language."""
    codes = comparison.get("note_codes")  # absent from comparisons kept before messages were coded
    return [message_text(code, ui) for code in codes or []] if known(codes) else list(comparison.get("notes", []))


def progress_writer(write: Callable[[str], object], ui: str = "en") -> Callable[[str], None]:
    """A progress listener for the library (`Options.progress`) that writes each stage in the interface language."""

    def progress(event: str) -> None:
        if not isinstance(event, Message):
            write(event)  # a stage not coded (yet) is shown as it came
        elif event.code not in QUIET_PROGRESS:
            write(render(event.code, event.values, ui))

    return progress


def short_model(model: str | None, ui: str = "en") -> str:
    """The model's name without the parenthesised description of how it works (that goes in Details)."""
    return MODEL_DETAIL.sub("", model or "") or label("no_model", ui)


def model_text(model: str | None, ui: str = "en") -> str:
    """A model's name and what it is, for Details: "saar-extractive (TF-IDF centrality + position prior)", the
    description in the interface language where the catalog words it."""
    short = short_model(model, ui)
    about = f"about_{short}"
    return f"{short} ({label(about, ui)})" if about in LABELS["en"] else model or short


def document_title(text: str, fallback: str) -> str:
    """A heading for a document: its first line of text (a headline, usually), shortened at a word."""
    for line in text.splitlines():
        line = " ".join(line.strip().lstrip("#").split())
        if sum(ch.isalpha() for ch in line) >= 3:
            if len(line) <= TITLE_CHARS:
                return line.rstrip(".")
            cut = line[:TITLE_CHARS].rsplit(" ", 1)[0]
            return cut.rstrip(",;:") + "…"
    return fallback


def ignored_reason(reason: str | None, lang: str = "en") -> str:
    """Why a stretch of a page was left out ("page chrome", "repeated line"), as the library tags it, in the
    interface language; a reason it does not know stays as the library wrote it."""
    key = "reason_" + (reason or "page chrome").replace(" ", "_")
    return label(key, lang) if key in LABELS["en"] else str(reason)
