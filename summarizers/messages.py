"""Coded messages: what the library tells a reader (progress, notices, a checker's reasons, notes) as a stable code
and its values (a figure, a name, a language code), worded from one catalog per language.

A `Message` is also its English wording, a `str`: the command line, logs and the JSON's text fields show it as they
always did, while any interface words it in its own language from the code and values alone (`render`), never by
reading the English back. Codes are stable; a wording may change, a code never does.

Catalogs are data files, `summarizers/locale/<lang>.toml`: a table per kind of message (`[progress]`,
`[notice]`, `[reason]`, `[note]`, `[reading]`: why an input could not be read, `[model]`: why a model cannot be
used, `[usage]`: arguments that cannot be honoured, and `[stopped]`: a summary stopped while written), one template
per code (`reason.name_missing` is `name` in `[reason]`), in `str.format` syntax. A template formats its values with
a few named specs:

    {lang:language}       a language code as its name in the catalog's language ("hi" -> "Hindi", "हिन्दी")
    {langs:languages}     several language codes, named and joined
    {words:list}          several words joined
    {place:the}           where a sentence was sought (`Place`), in a phrase of the catalog's `[places.the]` table

A value may itself be a coded message (a notice's `error`: the model error behind it). It is worded in the same
language as the message holding it; in JSON it is its English text, with its code and values beside it under the
key's name and "_code" (`{"error": "…", "error_code": {"code", "values"}}`, see `summarizers.schema`).
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args

from summarizers.text.language_names import name as english_name

LOCALE = Path(__file__).parent / "locale"
Value = str | int | float | tuple[str, ...]  # a `Message` is a `str`: a message may hold another
# Where a sentence's support was sought: its own source, the other version of a story (Compare), or the source in
# the other language (a cross-language summary).
Place = Literal["source", "other_version", "other_language_source"]

MessageCode = Literal[
    # progress: each slow stage, as it starts
    "progress.detecting",
    "progress.found",
    "progress.found_nothing",
    "progress.loading",
    "progress.loading_cross",
    "progress.downloading",
    "progress.downloading_licensed",
    "progress.ready",
    "progress.writing",
    "progress.writing_across",
    "progress.queued_one",
    "progress.queued_many",
    "progress.picking",
    "progress.checking",
    "progress.linking",
    "progress.engine_failed",
    "progress.across_failed",
    "progress.matching",
    "progress.checking_version",
    # notices: about one summary, or about a whole document
    "notice.model_not_downloaded",
    "notice.model_unusable",
    "notice.no_summary",
    "notice.chunked",
    "notice.across_extractive",
    "notice.across_not_downloaded",
    "notice.across_unusable",
    "notice.undetermined",
    "notice.part_too_short",
    "notice.language_not_summarised",
    "notice.text_too_short",
    "notice.nothing",
    # reasons: why a checker could not find support for a summary sentence
    "reason.number_missing",
    "reason.date_missing",
    "reason.name_missing",
    "reason.fact_missing",
    "reason.substitution",
    "reason.new_word",
    "reason.new_words",
    "reason.negation",
    "reason.little_copied",
    "reason.far_apart",
    "reason.never_together",
    "reason.scattered",
    "reason.nothing_comparable",
    "reason.no_aligned_sentence",
    "reason.contradicted",
    "reason.not_implied",
    # notes: how a comparison was made
    "note.names_from_capitals",
    # reading: why an input could not be read as text (a `DocumentError`'s reason)
    "reading.nul_characters",
    "reading.empty_text",
    "reading.no_words",
    "reading.too_many_chars",
    "reading.too_many_chars_streamed",
    "reading.too_large",
    "reading.empty_file",
    "reading.reader_failed",
    "reading.folder",
    "reading.no_such_file",
    "reading.permission_denied",
    "reading.unreadable_file",
    "reading.slow_decoding",
    "reading.slow_html",
    "reading.slow_article",
    "reading.slow_docx",
    "reading.slow_pdf_check",
    "reading.slow_pdf_page",
    "reading.stopped_slow",
    "reading.worker_not_started",
    "reading.worker_lost",
    "reading.worker_memory",
    "reading.bad_byte_order_mark",
    "reading.binary",
    "reading.docx_damaged",
    "reading.docx_parts_declared",
    "reading.docx_parts_zip64",
    "reading.docx_parts",
    "reading.docx_no_text_part",
    "reading.docx_inflated_size",
    "reading.docx_inflate_ratio",
    "reading.docx_relationships_large",
    "reading.docx_doctype",
    "reading.html_elements",
    "reading.html_depth",
    "reading.html_unreadable",
    "reading.pdf_inflates",
    "reading.pdf_damaged",
    "reading.pdf_encrypted",
    "reading.pdf_pages",
    "reading.pdf_page_content",
    "reading.pdf_page_tree",
    "reading.pdf_hindi_fonts",
    "reading.pdf_fonts",
    "reading.pdf_no_text",
    "reading.link_scheme",
    "reading.link_no_host",
    "reading.site_not_found",
    "reading.private_address",
    "reading.too_many_redirects",
    "reading.site_answered",
    "reading.site_timeout",
    "reading.fetch_failed",
    "reading.page_too_large",
    "reading.page_unreadable",
    "reading.no_article",
    "reading.jsonl_not_a_file",
    "reading.jsonl_missing",
    "reading.jsonl_unopenable",
    "reading.line_not_utf8",
    "reading.line_not_json",
    "reading.line_not_object",
    "reading.line_too_long",
    "reading.line_no_id",
    "reading.line_no_text",
    # model: why a model cannot be used (a `ModelError`'s reason)
    "model.not_registered",
    "model.cross_not_registered",
    "model.not_downloaded",
    "model.not_downloaded_offline",
    "model.no_directory",
    "model.is_a_file",
    "model.no_config",
    "model.config_unreadable",
    "model.not_seq2seq",
    "model.unloadable",
    "model.ctranslate2_refused",
    "model.conversion_failed",
    "model.language_map",
    "model.local_not_downloadable",
    "model.hub_offline",
    "model.download_failed",
    "model.chunk_too_long",
    "model.parts_not_shorter",
    "model.parts_remain",
    "model.no_usable_summary",
    "model.wrong_script",
    "model.nli_not_downloaded",
    "model.nli_unloadable",
    "model.nli_labels",
    # usage: arguments the library cannot honour (a `UsageError`'s reason)
    "usage.unknown_summary_language",
    "usage.unknown_method",
    "usage.unknown_length",
    "usage.sentences_and_share",
    "usage.sentences_range",
    "usage.share_range",
    "usage.unknown_form",
    "usage.model_pair",
    "usage.no_model_for",
    "usage.attribute_both",
    "usage.attribute_inputs",
    "usage.not_bilingual",
    "usage.workers",
    "usage.no_input",
    "usage.ray_missing",
    "usage.ray_sizes",
    # stopped: the caller stopped a summary while it was written (a `GenerationStopped`'s reason)
    "stopped.writing",
]
CODES: tuple[MessageCode, ...] = get_args(MessageCode)
KINDS = ("progress", "notice", "reason", "note", "reading", "model", "usage", "stopped")


class Message(str):
    """A coded message, and its English wording as the string itself. Values are plain data (a JSON document holds
    them as they are): language codes, numbers, names and words as the text wrote them."""

    code: MessageCode
    values: dict[str, Value]

    def __new__(cls, code: MessageCode, /, **values: Value) -> Message:
        message = super().__new__(cls, render(code, values, "en"))
        message.code = code
        message.values = values
        return message

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, Value]]:  # pickled by code and values
        return (self.code,), self.values

    def at(self, place: Place) -> Message:
        """The same message about another place (a reason about "the source" read about "the other version")."""
        return Message(self.code, **{**self.values, "place": place}) if "place" in self.values else self


@dataclass(frozen=True)
class Catalog:
    """One language's wording of every code, with the phrases its templates name places and languages by."""

    lang: str
    templates: Mapping[str, str]
    places: Mapping[str, Mapping[str, str]]
    languages: Mapping[str, str]

    def language(self, code: str) -> str:
        """A language's name in this catalog's language: its own table first (words like "mixed"), then English's
        table for English, then the CLDR names (Babel) for any other."""
        if code in self.languages:
            return self.languages[code]
        if self.lang == "en":
            return english_name(code)
        from babel import Locale, UnknownLocaleError

        try:
            return str(Locale.parse(self.lang).languages.get(code) or english_name(code))
        except (UnknownLocaleError, ValueError):
            return english_name(code)


@cache
def catalog(lang: str) -> Catalog:
    """The catalog of `lang` (`summarizers/locale/<lang>.toml`); English for a language with none."""
    path = LOCALE / f"{lang}.toml"
    if not path.is_file():
        return catalog("en")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    templates = {f"{kind}.{key}": text for kind in KINDS for key, text in data.get(kind, {}).items()}
    return Catalog(lang, templates, data.get("places", {}), data.get("languages", {}))


class _Wording(string.Formatter):
    def __init__(self, words: Catalog) -> None:
        self.words = words

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Message):  # a message within a message: worded in the same language
            return render(value.code, value.values, self.words.lang)
        if format_spec == "language":
            return self.words.language(str(value))
        if format_spec == "languages":
            return ", ".join(self.words.language(str(code)) for code in value)
        if format_spec == "list":
            return ", ".join(str(item) for item in value)
        if format_spec in self.words.places:
            return self.words.places[format_spec][str(value)]
        return str(super().format_field(value, format_spec))


NESTED = "_code"  # a value that is a coded message has its code and values under its key + NESTED in JSON


def nested(values: Mapping[str, Any]) -> dict[str, Any]:
    """Values as a message carries them, from their JSON form: a value whose code stands beside it (`error` and
    `error_code`) is that coded message again; one whose code this library does not know stays as its text."""
    found = dict(values)
    for key, value in values.items():
        coded = values.get(key + NESTED)
        if isinstance(value, str) and isinstance(coded, Mapping) and coded.get("code") in CODES:
            inner = nested(coded.get("values", {}))
            found[key] = _as_message(coded["code"], inner, value)
    return found


def _as_message(code: MessageCode, values: Mapping[str, Any], english: str) -> Message:
    message = str.__new__(Message, english)  # its English as it was written, not worded again
    message.code = code
    message.values = dict(values)
    return message


def render(code: str, values: Mapping[str, Any], lang: str = "en") -> str:
    """A message in `lang` from its code and values (a JSON document's `{"code", "values"}` renders the same); a code
    the catalog lacks falls back to English, so an older catalog still shows every message."""
    template = catalog(lang).templates.get(code)
    if template is None:
        return fill(catalog("en").templates[code], values, "en")
    return fill(template, values, lang)


def fill(template: str, values: Mapping[str, Any], lang: str = "en") -> str:
    """A template in a catalog's syntax (the specs above) filled with a message's values, worded in `lang`."""
    return _Wording(catalog(lang)).format(template, **nested(values))


def joined(messages: Iterable[Message]) -> str | None:
    """Messages as one text ("No Hindi summary …. Hindi model not downloaded; …"), or None when there are none."""
    texts = [str(message) for message in messages]
    return " ".join(texts) if texts else None
