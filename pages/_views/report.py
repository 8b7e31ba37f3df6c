"""Summaries to take away: a Markdown report and the JSON of the command-line contract."""

from __future__ import annotations

import json
from typing import Any

from summarizers.text.languages import name

QUOTE_CHARS = 200


def escape_markdown(text: str) -> str:
    # Text from articles must read as text in any Markdown viewer, not as links, HTML or emphasis.
    for char in "\\`*_{}[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_CHARS else flat[: QUOTE_CHARS - 1] + "…"


def markdown_report(documents: list[dict[str, Any]]) -> str:
    """One section per document: its languages, notices, and each summary with its sentences' sources."""
    lines = ["# Saar summaries", ""]
    for document in documents:
        lines += [f"## {escape_markdown(document['name'])}", ""]
        if "error" in document:
            lines += [f"Could not be read: {escape_markdown(document['error'])}", ""]
            continue
        shares = ", ".join(f"{name(lang)} {share:.0%}" for lang, share in document["shares"].items())
        lines += [f"Language: {name(document['language'])} ({shares})", ""]
        lines += [f"> {escape_markdown(notice)}" for notice in document["notices"]]
        text = document["text"]
        for summary in document["summaries"]:
            method = summary["method"] or "none"
            source = summary.get("source_lang", summary["lang"])
            of = f" of the {name(source)} text" if source != summary["lang"] else ""
            model = escape_markdown(summary["model"] or "")
            lines += ["", f"### {name(summary['lang'])}: {method} summary{of} ({model})"]
            if summary["notice"]:
                lines += ["", f"> {escape_markdown(summary['notice'])}"]
            lines.append("")
            for number, sentence in enumerate(summary["sentences"], start=1):
                flag = "" if sentence["supported"] else " **(not supported by the source)**"
                lines.append(f"{number}. {escape_markdown(sentence['text'])}{flag}")
                for source in sentence["sources"]:
                    excerpt = escape_markdown(_quote(text[source["start"] : source["end"]]))
                    lines.append(f"   - source ({source['start']}–{source['end']}): “{excerpt}”")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def json_report(documents: list[dict[str, Any]]) -> str:
    """The `summarize --json` shape, with each document's name as its path."""
    entries = []
    for document in documents:
        entry = {"path": document["name"], **{k: v for k, v in document.items() if k not in ("name", "text")}}
        entries.append(entry)
    return json.dumps({"documents": entries}, ensure_ascii=False, indent=2) + "\n"
