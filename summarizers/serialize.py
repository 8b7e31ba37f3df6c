"""Plain-dict forms of the library's results, as the command-line JSON contract in DESIGN.md specifies."""

from __future__ import annotations

from typing import Any

from summarizers.language import Analysis, Segment


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
