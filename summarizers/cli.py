"""Command line: `python -m summarizers COMMAND ...`.

Exit status: 0 on success, 2 on bad usage, 1 when an input cannot be read (one line on stderr naming the file and
the reason). One bad file in a batch does not stop the others: its JSON entry carries "error".

Every file a user names is read in a worker process with a time limit and a memory cap (`documents.isolated`), as
the app reads uploads: a hostile file is one error line, never a hung command or a machine out of memory. A command
reuses one worker for all its files (a fresh process per file would cost about a quarter of a second each).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from summarizers import jsonl, models
from summarizers.attribution.align import split_summary
from summarizers.attribution.checkers import Checker
from summarizers.attribution.registry import default_checker
from summarizers.compare import compare_sides, document_side, language_sides
from summarizers.documents.isolated import IsolatedReader
from summarizers.documents.reading import from_text
from summarizers.engines.abstractive import specs
from summarizers.engines.base import LENGTHS
from summarizers.errors import DocumentError, SummarizerError, UsageError
from summarizers.language.segment import analyse
from summarizers.messages import Message
from summarizers.pipeline import FORMS, METHODS, Options, summarize
from summarizers.schema import analysis_json, check_json, envelope, error_code, result_json
from summarizers.text.language_names import SUMMARISED, name

EXIT_OK = 0
EXIT_UNREADABLE = 1
EXIT_USAGE = 2


def _emit(payload: dict[str, Any], as_json: bool, render: Callable[[dict[str, Any]], str]) -> None:
    if as_json:
        json.dump(envelope(**payload), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render(payload))


def named_once(name: str, message: str) -> str:
    """`message` headed by `name`, unless it already names that file ("/in/photo.txt: ..." for "photo.txt")."""
    head = message.split(": ", 1)[0]
    if head == name or head.endswith(("/" + name, "\\" + name)):
        return message
    return f"{name}: {message}"


def _each_file(paths: Sequence[str], work: Callable[[str], dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """Run `work` on every path; an unreadable file gets an "error" entry and one line on stderr (its only report:
    the text rendering leaves it out)."""
    entries = []
    status = EXIT_OK
    for path in paths:
        try:
            entries.append({"path": path, **work(path)})
        except SummarizerError as error:
            message = named_once(path, str(error))
            print(f"error: {message}", file=sys.stderr)
            entries.append({"path": path, "error": message, **error_code(error)})
            status = EXIT_UNREADABLE
    return entries, status


def _render_segments(payload: dict[str, Any]) -> str:
    lines = []
    for document in payload["documents"]:
        if "error" in document:
            continue  # already said once, on stderr
        lines.append(f"{document['path']}: {document['language']}")
        for segment in document["segments"]:
            flag = f" [boilerplate: {segment.get('reason')}]" if segment["boilerplate"] else ""
            preview = " ".join(segment["text"].split())[:70]
            lines.append(f"  {segment['lang']:>3} {segment['start']:>6}-{segment['end']:<6}{flag} {preview}")
    return "".join(line + "\n" for line in lines)


def command_segment(args: argparse.Namespace) -> int:
    with IsolatedReader() as reader:

        def work(path: str) -> dict[str, Any]:
            return dict(analysis_json(analyse(reader.read_path(path).text)))

        entries, status = _each_file(args.files, work)
    _emit({"documents": entries}, args.json, _render_segments)
    return status


def _render_summaries(payload: dict[str, Any], form: str = "paragraph") -> str:
    bullet = "- " if form == "bullets" else ""
    lines = []
    for document in payload["documents"]:
        if "error" in document:
            continue  # already said once, on stderr
        lines.append(f"== {document['path']} ({document['language']})")
        for summary in document["summaries"]:
            source = summary.get("source_lang", summary["lang"])
            of = f" summary of the {name(source)} text" if source != summary["lang"] else ""
            lines.append(f"-- {name(summary['lang'])}{of}: {summary['method']} · {summary['model']}")
            if summary["notice"]:
                lines.append(f"   note: {summary['notice']}")
            lines.extend(f"   {bullet}{sentence['text']}" for sentence in summary["sentences"])
        lines.extend(f"   note: {notice}" for notice in document["notices"])
    return "".join(line + "\n" for line in lines)


def command_summarize(args: argparse.Namespace) -> int:
    options = Options(
        args.method,
        args.length,
        specs.parse_overrides(args.model),
        into=args.into,
        sentences=args.sentences,
        share=args.share,
        form=args.form,
    )

    with IsolatedReader() as reader:

        def work(path: str) -> dict[str, Any]:
            return dict(result_json(summarize(reader.read_path(path), options)))

        entries, status = _each_file(args.files, work)
    _emit({"documents": entries}, args.json, lambda payload: _render_summaries(payload, args.form))
    return status


def command_download(args: argparse.Namespace) -> int:
    overrides = specs.parse_overrides(args.model)
    languages = args.languages or list(specs.DEFAULTS)
    status = EXIT_OK
    for lang in languages:
        model = models.find(lang, overrides)
        if model is None:
            raise UsageError(Message("usage.no_model_for", lang=lang, known=tuple(models.keys())))
        if not model.commercial_use:
            print(f"note: {model.model_id} is licensed {model.licence}", file=sys.stderr)
        try:
            models.download(model, progress=lambda message: print(message, file=sys.stderr))
        except SummarizerError as error:
            print(f"error: {lang}: {error}", file=sys.stderr)
            status = EXIT_UNREADABLE
    return status


def _render_checks(data: dict[str, Any]) -> str:
    lines = [f"checker: {data['checker']}"]
    for sentence in data["sentences"]:
        mark = "supported  " if sentence["supported"] else "UNSUPPORTED"
        if not sentence.get("checked", True):
            mark = "unchecked  "
        score = f" ({sentence['score']:.2f})" if "score" in sentence else ""
        places = ", ".join(f"{s['start']}-{s['end']} ({s['score']:.2f})" for s in sentence["sources"]) or "none"
        lines.append(f"{mark}{score} {sentence['text']}\n            sources: {places}")
        lines.extend(f"            could not find support: {reason}" for reason in sentence.get("reasons", []))
    return "\n".join(lines) + "\n"


def _check_texts(checker: Checker, source: str, summary: str) -> dict[str, Any]:
    checked = checker.check(analyse(source), split_summary(summary))
    return dict(check_json(checked))


def command_attribute(args: argparse.Namespace) -> int:
    if args.jsonl is not None:
        if args.source or args.summary:
            raise UsageError(Message("usage.attribute_both"))
        return _attribute_lines(args.jsonl)
    if not (args.source and args.summary):
        raise UsageError(Message("usage.attribute_inputs"))
    try:
        with IsolatedReader() as reader:
            source = reader.read_path(args.source)
            summary = reader.read_path(args.summary)
    except SummarizerError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    payload = _check_texts(default_checker(), source.text, summary.text)
    # "sentences" first, as before the checker's fields were added.
    _emit({"sentences": payload.pop("sentences"), **payload}, args.json, _render_checks)
    return EXIT_OK


def _check_line(checker: Checker, line: jsonl.Line) -> dict[str, Any]:
    """One `attribute --jsonl` line's result; the limits of pasted text apply to its source and summary apart."""
    if line.row is None:
        raise DocumentError(f"line {line.number}", line.problem or Message("reading.line_not_object"))
    source, summary = line.row.get("source"), line.row.get("summary")
    if not isinstance(source, str) or not isinstance(summary, str):
        raise ValueError('"source" and "summary" must both be strings')
    name = f"line {line.number}"
    source_text = from_text(source, f"{name} source").text
    summary_text = from_text(summary, f"{name} summary").text
    return {"id": line.id(), **_check_texts(checker, source_text, summary_text)}


def _attribute_lines(path: str) -> int:
    """`attribute --jsonl FILE`: one JSON line out per line in, read and checked one at a time, so a file of any
    size goes through; a bad line gets {"id", "error"} and the rest go on."""
    try:
        lines = jsonl.open_lines(path)
    except SummarizerError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    total = jsonl.count(path)
    checker = default_checker()
    counted = f"{total} lines" if total is not None else "the lines"
    print(f"checking {counted} with the {checker.name} checker", file=sys.stderr)
    status = EXIT_OK
    of_total = f"/{total}" if total is not None else ""
    reported = number = 0
    for line in lines:
        number = line.number
        try:
            entry: dict[str, Any] = _check_line(checker, line)
        except DocumentError as error:
            entry = {"id": line.id(), "error": str(error), **error_code(error)}
        except (ValueError, SummarizerError) as error:
            entry = {"id": line.id(), "error": f"line {line.number}: {error}"}
        if "error" in entry:
            print(f"error: {path}: {entry['error']}", file=sys.stderr)
            status = EXIT_UNREADABLE
        sys.stdout.write(json.dumps(envelope(**entry), ensure_ascii=False) + "\n")
        sys.stdout.flush()
        if number - reported >= 10:
            print(f"checked {number}{of_total}", file=sys.stderr)
            reported = number
    last = total if total is not None else number
    if reported != last:
        print(f"checked {last}{of_total}", file=sys.stderr)
    return status


def _render_comparison(data: dict[str, Any]) -> str:
    lines = [f"checker: {data['checker']}"]
    for document in data["documents"]:
        lines.append(f"== {document['title']}")
        for summary in document["summaries"]:
            for check in summary["in_other"]:
                mark = "in the other version" if check["supported"] else "could not find support"
                if not check.get("checked", True):
                    mark = "nothing to compare"
                reasons = "; ".join(check.get("reasons", []))
                lines.append(
                    f"   [{mark}{': ' + reasons if reasons and not check['supported'] else ''}] {check['text']}"
                )
    lines.append("== differences")
    lines.extend(
        f"   {row['kind']:<8} {(row['a'] or '-')[:70]} | {(row['b'] or '-')[:70]}"
        for row in data.get("differences", [])
    )
    lines.extend(f"   caution: {caution['code']} {caution['values']}" for caution in data.get("cautions", []))
    lines.append("== facts")
    lines.extend(f"   {row['in']:>4} {row['kind']:<6} {row['a'] or '-'} | {row['b'] or '-'}" for row in data["facts"])
    return "\n".join(lines) + "\n"


def command_compare(args: argparse.Namespace) -> int:
    """Two documents, or the English and Hindi versions inside one."""
    try:
        with IsolatedReader() as reader:
            documents = [reader.read_path(path) for path in args.files]
    except SummarizerError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    if len(documents) == 1:
        sides = language_sides(documents[0])
        if sides is None:
            raise UsageError(Message("usage.not_bilingual", path=args.files[0]))
    else:
        sides = (document_side(documents[0]), document_side(documents[1]))
    options = Options(args.method, args.length, specs.parse_overrides(args.model))
    comparison = compare_sides(*sides, options)
    paths = args.files if len(args.files) == 2 else args.files * 2
    documents_json = [{"path": path, **side} for path, side in zip(paths, comparison["sides"], strict=True)]
    payload = {
        "facts": comparison["facts"],
        "documents": documents_json,
        "checker": comparison["checker"],
        "alignment": comparison["alignment"],
        "differences": comparison["differences"],
        "cautions": comparison["cautions"],
    }
    if comparison["notes"]:
        payload["notes"] = comparison["notes"]
        payload["note_codes"] = comparison["note_codes"]
    _emit(payload, args.json, _render_comparison)
    return EXIT_OK


def command_batch(args: argparse.Namespace) -> int:
    from tqdm import tqdm  # type: ignore[import-untyped]

    from summarizers import batch

    settings = batch.Settings(
        args.method, args.length, specs.parse_overrides(args.model), group=args.group, isolated_reads=True
    )
    settings.options()  # a bad method or length is a usage error before any work
    if args.workers < 1 or args.group < 1:
        raise UsageError(Message("usage.workers"))
    todo, skipped = batch.pending(batch.read_items(args.input), args.out, args.resume)
    with tqdm(total=len(todo), unit="doc", file=sys.stderr, dynamic_ncols=True, disable=args.quiet) as bar:

        def advance(line: Any) -> None:
            bar.update(1)
            if "error" in line:
                bar.write(f"error: {named_once(line['id'], line['error'])}", file=sys.stderr)

        if args.ray is not None:
            from summarizers import batch_ray

            tally = batch_ray.run(
                todo, args.out, settings, address=args.ray or None, actors=args.actors, batch_size=args.group,
                cpus_per_actor=args.cpus_per_actor, append=args.resume, on_line=advance,
            )  # fmt: skip
        else:
            if args.workers == 1:
                batch.batch_cores()  # before any model loads: one replica per core, each batch split between them
            tally = batch.run(todo, args.out, settings, append=args.resume, workers=args.workers, on_line=advance)
    tally.skipped = skipped
    print(f"{args.out}: {tally.summary()}", file=sys.stderr)
    return EXIT_UNREADABLE if tally.failed else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m summarizers", description="Bilingual English-Hindi summarization")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    segment = commands.add_parser("segment", help="language of each document and its language runs")
    segment.add_argument("files", nargs="+", metavar="FILE")
    segment.add_argument("--json", action="store_true", help="print JSON (the documented contract)")
    segment.set_defaults(run=command_segment)

    summarize = commands.add_parser("summarize", help="one summary per language present in each document")
    summarize.add_argument("files", nargs="+", metavar="FILE")
    summarize.add_argument("--method", choices=METHODS, default="auto", help="default: auto (abstractive if loaded)")
    summarize.add_argument("--length", choices=LENGTHS, default="medium")
    size = summarize.add_mutually_exclusive_group()
    size.add_argument("--sentences", type=int, metavar="N", help="exactly N summary sentences (instead of --length)")
    size.add_argument("--share", type=float, metavar="FRACTION", help="this share of the sentences, e.g. 0.2")
    summarize.add_argument("--form", choices=FORMS, default="paragraph", help="one paragraph or bullet points")
    summarize.add_argument(
        "--model", action="append", metavar="LANG=HUB_ID_OR_DIR", help="use this model for LANG (repeatable)"
    )
    summarize.add_argument(
        "--into",
        choices=SUMMARISED,
        help="write every summary in this language (a text in the other one gets a cross-language summary, or its "
        "own language's summary with a notice where the cross-language model is not available)",
    )
    summarize.add_argument("--json", action="store_true", help="print JSON (the documented contract)")
    summarize.set_defaults(run=command_summarize)

    attribute = commands.add_parser("attribute", help="link each sentence of a summary to its source sentences")
    attribute.add_argument("source", metavar="SOURCE_FILE", nargs="?")
    attribute.add_argument("summary", metavar="SUMMARY_FILE", nargs="?")
    attribute.add_argument(
        "--jsonl", metavar="FILE", help='check many: lines {"id", "source", "summary"} in, one JSON line out each'
    )
    attribute.add_argument("--json", action="store_true", help="print JSON (the documented contract)")
    attribute.set_defaults(run=command_attribute)

    batch = commands.add_parser("batch", help="summarise a folder of files or a JSONL of id and text, one line each")
    batch.add_argument("input", metavar="INPUT", help='a folder of articles, or a JSONL file of {"id", "text"}')
    batch.add_argument("--out", required=True, metavar="RESULTS.jsonl", help="one JSON line per document")
    batch.add_argument("--resume", action="store_true", help="keep --out and skip the ids it already holds")
    batch.add_argument("--method", choices=METHODS, default="auto", help="default: auto (abstractive if loaded)")
    batch.add_argument("--length", choices=LENGTHS, default="medium")
    batch.add_argument("--model", action="append", metavar="LANG=HUB_ID_OR_DIR", help="use this model for LANG")
    batch.add_argument("--workers", type=int, default=1, help="processes, each with its own models (default 1)")
    batch.add_argument("--group", type=int, default=16, help="documents summarised together (default 16)")
    batch.add_argument("--quiet", action="store_true", help="no progress bar")
    batch.add_argument(
        "--ray", nargs="?", const="", metavar="ADDRESS", help="run on Ray Data (a local Ray, or the cluster at ADDRESS)"
    )
    batch.add_argument("--actors", type=int, default=2, help="with --ray: actors, each with its own models")
    batch.add_argument("--cpus-per-actor", type=float, default=1.0, help="with --ray: CPUs each actor reserves")
    batch.set_defaults(run=command_batch)

    compare = commands.add_parser(
        "compare", help="two versions of one story (two files, or one file with English and Hindi): shared facts"
    )
    compare.add_argument("files", nargs="+", metavar="FILE", help="two files, or one holding both languages")
    compare.add_argument("--method", choices=METHODS, default="auto")
    compare.add_argument("--length", choices=LENGTHS, default="medium")
    compare.add_argument("--model", action="append", metavar="LANG=HUB_ID_OR_DIR", help="use this model for LANG")
    compare.add_argument("--json", action="store_true", help="print JSON (the documented contract)")
    compare.set_defaults(run=command_compare)

    download = commands.add_parser("download", help="fetch model weights into the Hugging Face cache")
    download.add_argument(
        "languages", nargs="*", metavar="LANG",
        help=f"default: every language's default model; '{specs.CROSS_LANGUAGE}': the cross-language model; "
        f"'{models.NLI}': the checker's model",
    )  # fmt: skip
    download.add_argument("--model", action="append", metavar="LANG=HUB_ID", help="download this model for LANG")
    download.set_defaults(run=command_download)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")  # Hindi must print on any locale
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with status 2 on bad usage
    try:
        return int(args.run(args))
    except UsageError as error:
        print(f"usage error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; that is not an error of ours.
        sys.stderr.close()
        return EXIT_OK
