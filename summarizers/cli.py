"""Command line: `python -m summarizers COMMAND ...`.

Exit status: 0 on success, 2 on bad usage, 1 when an input cannot be read (one line on stderr naming the file and
the reason). One bad file in a batch does not stop the others: its JSON entry carries "error".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from summarizers.documents import read_path
from summarizers.errors import SummarizerError
from summarizers.language import analyse
from summarizers.serialize import analysis_dict

EXIT_OK = 0
EXIT_UNREADABLE = 1
EXIT_USAGE = 2


def _emit(payload: dict[str, Any], as_json: bool, render: Callable[[dict[str, Any]], str]) -> None:
    if as_json:
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render(payload))


def _each_file(paths: Sequence[str], work: Callable[[str], dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """Run `work` on every path; an unreadable file gets an "error" entry and a line on stderr."""
    entries = []
    status = EXIT_OK
    for path in paths:
        try:
            entries.append({"path": path, **work(path)})
        except SummarizerError as error:
            message = str(error) if str(error).startswith(path) else f"{path}: {error}"
            print(f"error: {message}", file=sys.stderr)
            entries.append({"path": path, "error": message})
            status = EXIT_UNREADABLE
    return entries, status


def _render_segments(payload: dict[str, Any]) -> str:
    lines = []
    for document in payload["documents"]:
        if "error" in document:
            lines.append(f"{document['path']}: error: {document['error']}")
            continue
        lines.append(f"{document['path']}: {document['language']}")
        for segment in document["segments"]:
            flag = f" [boilerplate: {segment.get('reason')}]" if segment["boilerplate"] else ""
            preview = " ".join(segment["text"].split())[:70]
            lines.append(f"  {segment['lang']:>3} {segment['start']:>6}-{segment['end']:<6}{flag} {preview}")
    return "\n".join(lines) + "\n"


def command_segment(args: argparse.Namespace) -> int:
    def work(path: str) -> dict[str, Any]:
        return analysis_dict(analyse(read_path(path).text))

    entries, status = _each_file(args.files, work)
    _emit({"documents": entries}, args.json, _render_segments)
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m summarizers", description="Bilingual English-Hindi summarization")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    segment = commands.add_parser("segment", help="language of each document and its language runs")
    segment.add_argument("files", nargs="+", metavar="FILE")
    segment.add_argument("--json", action="store_true", help="print JSON (the documented contract)")
    segment.set_defaults(run=command_segment)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")  # Hindi must print on any locale
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with status 2 on bad usage
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; that is not an error of ours.
        sys.stderr.close()
        return EXIT_OK
