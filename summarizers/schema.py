"""The JSON the library hands out, written down once: typed forms of every result and the functions that make them.

The command line prints these (each JSON document carries `"schema_version"`), the app keeps them in its session and
renders them, and tools outside the project read them. Change rules: fields are added, never renamed or removed;
an added field bumps the minor version.

    documents output   {"schema_version", "documents": [DocumentJSON | FailedDocumentJSON {"path", "error",
                        "error_code"?}]}
    DocumentJSON       {"path", "language", "shares", "segments": [SegmentJSON], "summaries"?: [SummaryJSON],
                        "notices"?: [str], "notice_codes"?: [MessageJSON]}   (`segment` prints the first four;
                        the app's download may add "published", a fetched page's date)
    SegmentJSON        {"lang", "start", "end", "text", "boilerplate", "reason"?, "noise"?: [{"start","end","reason"}],
                        "script"?: "Latn" | "Deva" | "Arab" | "Other", "inline"?: [{"lang","start","end"}]}
    SummaryJSON        {"lang", "source_lang", "method", "model", "text", "notice", "notice_codes",
                        "sentences": [SentenceJSON], "checker"?}
                       ("lang": the summary's language; "source_lang": the language of the text it summarises)
    SentenceJSON       {"text", "supported", "sources": [{"start", "end", "score"}], "missing"?, "checked"?,
                        "score"?, "reasons"?, "reason_codes"?}
    MessageJSON        {"code", "values"}   a notice, reason or note as a stable code and its values: any interface
                        words it in its own language (`summarizers.messages.render`); the text beside it is English.
                        A value that is a coded message (a notice's "error": a "model." code) has its MessageJSON
                        beside it, under its key + "_code" ("error_code")
    "error_code"       MessageJSON beside an entry's "error" when an input could not be read (a "reading." code),
                        a model could not be used (a "model." code), an argument could not be honoured (a "usage."
                        code) or a summary was stopped (a "stopped." code); also on `batch` and `attribute --jsonl`
                        error lines
    CheckJSON          {"id"?, "consistent", "score", "checker", "sentences": [SentenceJSON]}   (attribute --jsonl)
    compare --json     {"facts": [{"kind", "a", "b", "in"}], "documents": [...], "checker", "alignment",
                        "differences", "cautions", "notes"?, "note_codes"?}
                                                    (the library's ComparisonJSON: see the end of this file)

The app keeps each document as a DocumentRecord (a FailedRecord where it could not be read), one run's as a
BatchRecord, a comparison as a ComparisonRecord; the saved library keeps them as they are (see the sections below).

Each list of texts (`notices`, `reasons`, `notes`) has its codes beside it, item for item (`notice_codes`,
`reason_codes`, `note_codes`); a summary's `notice` is the text of its `notice_codes` joined.

`checker` names what judged the sentences: "offline" (calibrated overlap, no weights), "nli:<model>" or "exact"
(extractive sentences are the source's own). A sentence's `score` is in [0, 1]; `reasons` say what was not found.

Offsets are code points into the document's decoded text; `text == document_text[start:end]`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, NotRequired, TypedDict, final

from summarizers.attribution.align import AlignedSentence
from summarizers.attribution.checkers import CheckedSummary
from summarizers.documents.reading import Document
from summarizers.engines.kinds import Length
from summarizers.errors import DocumentError, GenerationStopped, ModelError, UsageError
from summarizers.language.segment import Analysis, Segment
from summarizers.messages import NESTED, Message, MessageCode, Value
from summarizers.pipeline import Form, Result, Summary

# 1.2: segments carry "script" and "inline"; 1.3: summaries carry "source_lang"; 1.4: sentences carry "score" and
# "reasons", summaries "checker"; 1.5: compare gives "alignment", "differences", "cautions", sides "sentences";
# 1.6: notices, reasons and notes carry their codes and values; 1.7: an input that cannot be read has "error_code";
# 1.8: a value that is itself a coded message (a notice's model error) has its code beside it ("error_code");
# 1.9: an entry failed by a usage error or a stopped summary has "error_code" too (a "usage." or "stopped." code)
SCHEMA_VERSION = "1.9"


class MessageJSON(TypedDict):
    code: MessageCode
    # A tuple of values (language codes, words) is a list in JSON; a value that is a coded message is its English
    # text, and its code and values stand beside it under its key + "_code" (`messages.NESTED`).
    values: dict[str, Value | list[str] | MessageJSON]


class NoiseJSON(TypedDict):
    start: int
    end: int
    reason: str


class InlineJSON(TypedDict):
    lang: str
    start: int
    end: int


class SegmentJSON(TypedDict):
    lang: str
    start: int
    end: int
    text: str
    boilerplate: bool
    reason: NotRequired[str]
    noise: NotRequired[list[NoiseJSON]]
    script: NotRequired[str]  # the writing system of the run: "Latn" for romanised Hindi, "Deva" for Devanagari
    inline: NotRequired[list[InlineJSON]]  # runs in another language inside its sentences (document offsets)


class SourceJSON(TypedDict):
    start: int
    end: int
    score: float


class SentenceJSON(TypedDict):
    text: str
    supported: bool
    sources: list[SourceJSON]
    missing: NotRequired[list[str]]  # numbers or names the sentence states that its sources do not
    checked: NotRequired[Literal[False]]  # present only when nothing in the sentence could be compared
    score: NotRequired[float]  # set by a checker: how likely the sentence is consistent with its source, in [0, 1]
    reasons: NotRequired[list[str]]  # what a reader can look for ("name Kovind not in the source")
    reason_codes: NotRequired[list[MessageJSON]]  # the same reasons, coded


class SummaryJSON(TypedDict):
    lang: str
    source_lang: str
    method: Literal["abstractive", "extractive"] | None
    model: str | None
    text: str
    notice: str | None
    notice_codes: NotRequired[list[MessageJSON]]  # the notice's parts, coded (absent from results before 1.5)
    sentences: list[SentenceJSON]
    checker: NotRequired[str]


class CheckJSON(TypedDict):
    id: NotRequired[str]
    consistent: bool
    score: float
    checker: str
    sentences: list[SentenceJSON]


class AnalysisJSON(TypedDict):
    language: str
    shares: dict[str, float]
    segments: list[SegmentJSON]


class ResultJSON(AnalysisJSON):
    summaries: list[SummaryJSON]
    notices: list[str]
    notice_codes: NotRequired[list[MessageJSON]]  # the same notices, coded (absent from results before 1.5)


class DocumentJSON(ResultJSON):
    """One readable document of `summarize --json` (and of the app's JSON download)."""

    path: str  # the file's path, or the link or file name the app read it from
    published: NotRequired[str]  # the article's date, where the app read it from a page that gives one


@final
class FailedDocumentJSON(TypedDict):
    """A document of `summarize --json` that could not be read or summarised."""

    path: str
    error: str
    error_code: NotRequired[MessageJSON]  # why, coded: a "reading." code (from 1.7), a "usage." one (from 1.9)


# ---------------------------------------------------------------- a document as the app keeps it
#
#   DocumentRecord  ResultJSON + {"name", "text", "title", "source"?, "created"?, "settings"?, "published"?,
#                    "entry_id"?}
#   FailedRecord    {"name", "title", "error", "error_code"?, "source"?, "created"?, "settings"?}
#   BatchRecord     {"id", "created", "documents": [DocumentRecord | FailedRecord]}   one run of the Summarize page
# The app keeps these in its session and the saved library (`summarizers.storage`) keeps readable ones as they are,
# handing them back with their "entry_id". `summarize --json`'s entry is a record's result with its "path"
# (`pages._views.report.json_entry`). Each record is final, so `"error" in record` tells the two apart.


class SettingsJSON(TypedDict):
    """How a run was asked for: the Summarize page's choices, kept with each document it made."""

    method: str  # "auto", "abstractive" or "extractive" (`summarizers.pipeline.METHODS`)
    length: Length
    sentences: int | None  # a number of sentences asked for instead of a length
    share: float | None  # a share of the article asked for instead, in (0, 1]
    form: Form
    into: str | None  # the summary language asked for; None: each text's own
    method_label: NotRequired[str]  # the choices as they were labelled when the run was made
    length_label: NotRequired[str]
    form_label: NotRequired[str]


@final
class DocumentRecord(ResultJSON):
    name: str  # the document's name as it was read ("Pasted text", a file name, a link)
    text: str  # its decoded text: every offset points into it
    title: str
    source: NotRequired[str]  # a link or a file name
    created: NotRequired[str]  # when it was summarised ("2026-12-06 21:00 UTC")
    settings: NotRequired[SettingsJSON]
    published: NotRequired[str]  # the article's date, where its page gives one
    entry_id: NotRequired[int]  # its id in the saved library, once saved


@final
class FailedRecord(TypedDict):
    name: str
    title: str
    error: str  # why it could not be read or summarised, for a reader
    error_code: NotRequired[MessageJSON]  # why it could not be read, coded: the page words it in the reader's language
    source: NotRequired[str]
    created: NotRequired[str]
    settings: NotRequired[SettingsJSON]


KeptRecord = DocumentRecord | FailedRecord


class BatchRecord(TypedDict):
    id: str
    created: str
    documents: list[KeptRecord]


def message_json(message: Message) -> MessageJSON:
    values: dict[str, Value | list[str] | MessageJSON] = {}
    for key, value in message.values.items():
        if isinstance(value, Message):  # its English as the value, as before; its code beside it
            values[key] = str(value)
            values[key + NESTED] = message_json(value)
        else:
            values[key] = list(value) if isinstance(value, tuple) else value
    return {"code": message.code, "values": values}


def messages_json(messages: Iterable[Message]) -> list[MessageJSON]:
    return [message_json(message) for message in messages]


def coded_reason(error: BaseException) -> Message | None:
    """Why the library raised `error`, as a coded message: an input that could not be read, a model that could not
    be used, arguments it cannot honour, a summary stopped while written; None for any other error, and for a
    reason given as plain text by code outside the library."""
    if isinstance(error, DocumentError | ModelError | UsageError | GenerationStopped):
        reason: object = error.reason
        return reason if isinstance(reason, Message) else None
    return None


def error_code(error: Exception) -> dict[str, MessageJSON]:
    """`{"error_code": ...}` to put beside an entry's "error" when the library says why in code (`coded_reason`);
    nothing for any other error."""
    reason = coded_reason(error)
    return {} if reason is None else {"error_code": message_json(reason)}


def segment_json(segment: Segment, text: str) -> SegmentJSON:
    entry: SegmentJSON = {
        "lang": segment.lang,
        "start": segment.start,
        "end": segment.end,
        "text": segment.text(text),
        "boilerplate": segment.boilerplate,
    }
    if segment.reason:
        entry["reason"] = segment.reason
    if segment.noise:
        entry["noise"] = [{"start": n.start, "end": n.end, "reason": n.reason} for n in segment.noise]
    if segment.script:
        entry["script"] = segment.script
    if segment.inline:
        entry["inline"] = [{"lang": i.lang, "start": i.start, "end": i.end} for i in segment.inline]
    return entry


def analysis_json(analysis: Analysis) -> AnalysisJSON:
    return {
        "language": analysis.language,
        "shares": {lang: round(share, 4) for lang, share in analysis.shares().items()},
        "segments": [segment_json(segment, analysis.text) for segment in analysis.segments],
    }


def sentence_json(aligned: AlignedSentence) -> SentenceJSON:
    entry: SentenceJSON = {
        "text": aligned.text,
        "supported": aligned.supported,
        "sources": [{"start": s.start, "end": s.end, "score": s.score} for s in aligned.sources],
    }
    if aligned.missing:
        entry["missing"] = list(aligned.missing)
    if not aligned.checked:
        entry["checked"] = False  # nothing in it could be compared with the source (no shared language or facts)
    if aligned.score is not None:
        entry["score"] = aligned.score
        entry["reasons"] = list(aligned.reasons)
        entry["reason_codes"] = messages_json(aligned.reasons)
    return entry


def check_json(checked: CheckedSummary) -> CheckJSON:
    return {
        "consistent": checked.consistent,
        "score": checked.score,
        "checker": checked.checker,
        "sentences": [sentence_json(sentence) for sentence in checked.sentences],
    }


def summary_json(summary: Summary) -> SummaryJSON:
    entry: SummaryJSON = {
        "lang": summary.lang,
        "source_lang": summary.summarised_lang,
        "method": summary.method,
        "model": summary.model,
        "text": summary.text,
        "notice": summary.notice,
        "notice_codes": messages_json(summary.notices),
        "sentences": [sentence_json(aligned) for aligned in summary.attribution],
    }
    if summary.checker:
        entry["checker"] = summary.checker
    return entry


def result_json(result: Result) -> ResultJSON:
    analysis = analysis_json(result.analysis)
    return {
        "language": analysis["language"],
        "shares": analysis["shares"],
        "segments": analysis["segments"],
        "summaries": [summary_json(summary) for summary in result.summaries],
        "notices": list(result.notices),
        "notice_codes": messages_json(result.notices),
    }


def document_record(document: Document, result: Result, title: str) -> DocumentRecord:
    """A document's result as the app keeps it: the result's JSON with the document's name, text and title."""
    fields = result_json(result)
    record: DocumentRecord = {
        "name": document.name,
        "text": document.text,
        "language": fields["language"],
        "shares": fields["shares"],
        "segments": fields["segments"],
        "summaries": fields["summaries"],
        "notices": fields["notices"],
        "title": title,
    }
    if "notice_codes" in fields:
        record["notice_codes"] = fields["notice_codes"]
    return record


def envelope(**fields: Any) -> dict[str, Any]:
    """A JSON document as the command line prints it: the schema version first, then its fields."""
    return {"schema_version": SCHEMA_VERSION, **fields}


# ---------------------------------------------------------------- compare: two versions of one story
#
#   ComparisonJSON  {"sides": [ComparisonSideJSON, ComparisonSideJSON], "checker", "facts": [FactRowJSON],
#                    "shared", "only_a", "only_b", "notes", "alignment": [LinkJSON], "differences": [DifferenceJSON],
#                    "cautions": [CautionJSON]}
# `compare --json` prints "facts", "documents" (the sides, each with its "path"), "checker", "alignment",
# "differences" and "cautions". Sentence indexes in "alignment" count each side's "sentences"; offsets in
# "differences" and "sentences" are code points into that side's document text (null for a side a difference lacks).
# 1.5: compare gives "alignment", "differences", "cautions" and each side's "sentences".

FactRowJSON = TypedDict("FactRowJSON", {"kind": str, "a": str | None, "b": str | None, "in": Literal["both", "a", "b"]})


class FactJSON(TypedDict):
    kind: str
    text: str


class SharedFactJSON(TypedDict):
    kind: str
    a: str
    b: str


class SpanJSON(TypedDict):
    start: int
    end: int


class ComparedSummaryJSON(SummaryJSON):
    in_other: list[SentenceJSON]  # each sentence checked against the other version


class ComparisonSideJSON(TypedDict):
    title: str
    label: str
    language: str
    summaries: list[ComparedSummaryJSON]
    sentences: list[SpanJSON]  # the side's sentences, as "alignment" counts them


class LinkJSON(TypedDict):
    a: list[int]  # sentence indexes of the first version (empty: the second's sentences are only there)
    b: list[int]


class DifferenceJSON(TypedDict):
    kind: Literal["number", "date", "name", "sentence"]
    a: str | None  # as the first version writes it; None where the difference has no part in it
    b: str | None
    a_start: int | None
    a_end: int | None
    b_start: int | None
    b_end: int | None
    link: int  # the "alignment" link it lies in


class CautionJSON(TypedDict):
    code: Literal["same_language", "few_sentences", "lengths_apart"]
    values: dict[str, str | int]


class ComparisonJSON(TypedDict):
    sides: list[ComparisonSideJSON]
    checker: str
    facts: list[FactRowJSON]
    shared: list[SharedFactJSON]
    only_a: list[FactJSON]
    only_b: list[FactJSON]
    notes: list[str]
    note_codes: list[MessageJSON]  # the same notes, coded
    alignment: list[LinkJSON]
    differences: list[DifferenceJSON]
    cautions: list[CautionJSON]


@final
class ComparisonRecord(TypedDict):
    """A comparison as the app keeps it and the saved library saves it: the result, the texts it points into, and
    the language it was read in."""

    name: str
    title: str
    text: str  # the versions' texts, joined: what the library searches
    comparison: ComparisonJSON
    texts: list[str]  # each side's document text (one text when both sides are runs of one document)
    reader: str | None  # the language the summaries were read in; None: each version's own
    entry_id: NotRequired[int]  # its id in the saved library
