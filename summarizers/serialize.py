"""Plain-dict forms of the library's results, as the command-line JSON contract in DESIGN.md specifies."""

from __future__ import annotations

from typing import Any

from summarizers.attribution import AlignedSentence
from summarizers.language import Analysis, Segment
from summarizers.pipeline import DocumentSummary, Summary


def segment_dict(segment: Segment, text: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
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
    return entry


def analysis_dict(analysis: Analysis) -> dict[str, Any]:
    return {
        "language": analysis.language,
        "shares": {lang: round(share, 4) for lang, share in analysis.shares().items()},
        "segments": [segment_dict(segment, analysis.text) for segment in analysis.segments],
    }


def summary_dict(summary: Summary) -> dict[str, Any]:
    return {
        "lang": summary.lang,
        "method": summary.method,
        "model": summary.model,
        "text": summary.text,
        "notice": summary.notice,
        "sentences": [aligned_dict(aligned) for aligned in summary.attribution],
    }


def document_summary_dict(result: DocumentSummary) -> dict[str, Any]:
    return {
        **analysis_dict(result.analysis),
        "summaries": [summary_dict(summary) for summary in result.summaries],
        "notices": list(result.notices),
    }


def aligned_dict(aligned: AlignedSentence) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "text": aligned.text,
        "supported": aligned.supported,
        "sources": [{"start": s.start, "end": s.end, "score": s.score} for s in aligned.sources],
    }
    if aligned.missing:
        entry["missing"] = list(aligned.missing)
    if not aligned.checked:
        entry["checked"] = False  # nothing in it could be compared with the source (no shared language or facts)
    return entry
