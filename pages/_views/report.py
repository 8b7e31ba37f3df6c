"""Summaries to take away: Markdown, Word (.docx) and the JSON of the command-line contract, one document each.

A document here is the record the app keeps (`summarizers.schema.DocumentRecord`, or `FailedRecord` for one that
could not be read): the result's JSON fields plus "name", "text", "title", "source" (a link or a file name),
"created" (ISO time) and "settings" (method, length, form).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex

from pages._views.highlight import engine_label
from pages._views.wording import document_notices, summary_notices
from summarizers.schema import DocumentJSON, FailedDocumentJSON, KeptRecord, SummaryJSON, envelope
from summarizers.text.language_names import name

if TYPE_CHECKING:  # python-docx is imported when a Word file is asked for, not with the page
    from docx.document import Document as WordFile
    from docx.text.paragraph import Paragraph

FILE_NAME_CHARS = 60
_UNSAFE_FILE = regex.compile(r"[^\w\p{M}]+")  # vowel signs (marks) kept: a Hindi title stays readable
_GRAPHEME = regex.compile(r"\X")  # one user-perceived letter: a consonant with its vowel sign and marks
_INLINE_MARKUP = re.compile(r"([\\`*_]|<(?=[A-Za-z/!?])|\[(?=[^\]]*\]\())")
_LINE_START_MARKUP = re.compile(r"^(#|>|[-+] |\d+[.)] )")


def escape_markdown(text: str) -> str:
    # Text from articles shown through Markdown-rendering widgets must read as text, not as links, HTML or emphasis.
    for char in "\\`*_{}[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def markdown_text(text: str) -> str:
    """Article or model text for a Markdown file: escaped only where a viewer would otherwise read markup (emphasis,
    code, tags, links, a heading or list at the start of a line), so the file stays readable as plain text."""
    text = _INLINE_MARKUP.sub(r"\\\1", " ".join(text.split()))
    return _LINE_START_MARKUP.sub(r"\\\1", text)


def file_name(title: str, extension: str) -> str:
    """`roads-plan-announced.md` from "Roads plan announced": letters of any script kept, the rest dashes; a long
    title is cut after its last whole word within `FILE_NAME_CHARS` ("…-after-alaska", not "…-after-alask")."""
    stem = _UNSAFE_FILE.sub("-", title.casefold()).strip("-_")
    if len(stem) > FILE_NAME_CHARS:
        stem = _cut(stem, FILE_NAME_CHARS)
    return f"{stem or 'saar-summary'}.{extension}"


def _cut(stem: str, limit: int) -> str:
    """At most `limit` characters of `stem`: whole words where one fits, else whole letters (grapheme clusters, so
    "संबंधों" never loses its vowel sign and nasal mark to the cut)."""
    if stem[limit] == "-":
        return stem[:limit]
    words = stem[:limit].rsplit("-", 1)[0]
    if words != stem[:limit]:
        return words.rstrip("-_")
    letters = ""
    for cluster in _GRAPHEME.findall(stem):
        if len(letters) + len(cluster) > limit:
            break
        letters += cluster
    return letters.rstrip("-_")


def _settings_line(document: KeptRecord) -> str:
    settings = document.get("settings", {})
    parts = [settings.get("method_label"), settings.get("length_label"), settings.get("form_label")]
    return " · ".join(part for part in parts if part)


def facts(document: KeptRecord) -> list[tuple[str, str]]:
    """(heading, value) pairs that say where a summary comes from and how it was made."""
    shares = engines = ""  # a document that could not be read has neither
    if "error" not in document:
        shares = ", ".join(f"{name(lang)} {share:.0%}" for lang, share in document.get("shares", {}).items())
        engines = "; ".join(
            f"{name(summary['lang'])}: {(summary['method'] or 'none').capitalize()} · {summary['model'] or 'no model'}"
            for summary in document.get("summaries", [])
        )
    rows = [
        ("Source", document.get("source") or document["name"]),
        ("Summarised", document.get("created", "")),
        ("Languages", shares),
        ("Engine", engines),
        ("Settings", _settings_line(document)),
    ]
    return [(heading, value) for heading, value in rows if value]


def flags(summary: SummaryJSON) -> list[str]:
    """One line per summary sentence a reader should check: not supported by the source, or not checkable."""
    lines = []
    for number, sentence in enumerate(summary["sentences"], start=1):
        if not sentence.get("checked", True):
            lines.append(f"Sentence {number} could not be checked against the source.")
        elif not sentence["supported"]:
            missing = ", ".join(sentence.get("missing", []))
            lines.append(
                f"Sentence {number} is not supported by the source"
                + (f" ({missing} not found there)." if missing else ".")
            )
    return lines


def _is_bullets(document: KeptRecord) -> bool:
    return bool(document.get("settings", {}).get("form") == "bullets")


def markdown_report(document: KeptRecord) -> str:
    """The document's title, where it came from, its languages, engines and settings, then each summary."""
    lines = [f"# {markdown_text(document.get('title') or document['name'])}", ""]
    if "error" in document:
        return "\n".join([*lines, f"Could not be read: {markdown_text(document['error'])}", ""])
    for heading, value in facts(document):
        shown = value if value.startswith(("http://", "https://")) else markdown_text(value)
        lines.append(f"- **{heading}:** {shown}")
    lines.append("")
    for notice in document_notices(document) if "notices" in document else []:
        lines += [f"> {markdown_text(notice.plain)}", ""]
    for summary in document.get("summaries", []):
        caption = engine_label(summary, document)
        lines += [f"## {name(summary['lang'])} summary", "", f"*{markdown_text(caption)}*", ""]
        for notice in summary_notices(summary):
            lines += [f"> {markdown_text(notice.plain)}", ""]
        sentences = [markdown_text(sentence["text"]) for sentence in summary["sentences"]]
        if _is_bullets(document):
            lines += [f"- {sentence}" for sentence in sentences]
        else:
            lines.append(" ".join(sentences))
        lines.append("")
        for flag in flags(summary):
            lines += [f"⚠ {flag}", ""]
    return "\n".join(lines).rstrip() + "\n"


# XML 1.0 forbids these characters, and a Word file is XML: article or model text carrying one (a stray NUL, a
# control character, an unpaired surrogate) would make the whole export fail.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _italic(paragraph: Paragraph, text: str) -> None:
    # Italic is a property of a run: python-docx has no `Paragraph.italic`, and setting one changes nothing.
    paragraph.add_run(_xml_safe(text)).italic = True


def docx_report(document: KeptRecord) -> bytes:
    """The same report as `markdown_report`, as a Word document."""
    from docx import Document as WordDocument

    word = WordDocument()
    word.core_properties.title = _xml_safe(document.get("title") or document["name"])
    word.add_heading(_xml_safe(document.get("title") or document["name"]), level=1)
    if "error" in document:
        word.add_paragraph(_xml_safe(f"Could not be read: {document['error']}"))
    for heading, value in facts(document):
        paragraph = word.add_paragraph()
        paragraph.add_run(f"{heading}: ").bold = True
        paragraph.add_run(_xml_safe(value))
    if "error" in document:
        return _docx_bytes(word)
    for notice in document_notices(document) if "notices" in document else []:
        _italic(word.add_paragraph(), notice.plain)
    for summary in document.get("summaries", []):
        word.add_heading(f"{name(summary['lang'])} summary", level=2)
        caption = word.add_paragraph()
        caption.add_run(_xml_safe(engine_label(summary, document))).italic = True
        for notice in summary_notices(summary):
            _italic(word.add_paragraph(), notice.plain)
        if _is_bullets(document):
            for sentence in summary["sentences"]:
                word.add_paragraph(_xml_safe(sentence["text"]), style="List Bullet")
        else:
            word.add_paragraph(_xml_safe(" ".join(sentence["text"] for sentence in summary["sentences"])))
        for flag in flags(summary):
            word.add_paragraph(_xml_safe(f"⚠ {flag}"))
    return _docx_bytes(word)


def _docx_bytes(word: WordFile) -> bytes:
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def json_entry(document: KeptRecord) -> DocumentJSON | FailedDocumentJSON:
    """A document as `summarize --json` writes it: "path" (the link or file name), then the result's fields; the
    app's own fields (name, text, title, settings, its id in the library) stay behind."""
    path = document.get("source") or document["name"]
    if "error" in document:
        failed: FailedDocumentJSON = {"path": path, "error": document["error"]}
        if "error_code" in document:
            failed["error_code"] = document["error_code"]
        return failed
    entry: DocumentJSON = {
        "path": path,
        "language": document["language"],
        "shares": document["shares"],
        "segments": document["segments"],
        "summaries": document["summaries"],
        "notices": document["notices"],
    }
    if "notice_codes" in document:
        entry["notice_codes"] = document["notice_codes"]
    if "published" in document:
        entry["published"] = document["published"]
    return entry


def json_report(documents: Sequence[KeptRecord]) -> str:
    """The command line's JSON document: {"schema_version", "documents": [...]}."""
    return json.dumps(envelope(documents=[json_entry(d) for d in documents]), ensure_ascii=False, indent=2) + "\n"
