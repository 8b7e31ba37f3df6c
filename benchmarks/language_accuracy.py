"""Language accuracy and speed of `segment`:

1. letter-level accuracy on the labelled mixed English/Hindi set, broken down by rule (letters inside an inline span
   count as that span's language);
2. romanised Hindi-English social text (L3Cube HingLID validation split, CC BY-NC-SA: used here to measure, never in
   the product): token accuracy and per-language recall, through `segment` and of the word tagger alone;
3. Hindi news sentences quoting English (tests/data/hindi_quoting_english.json): share kept whole as one Hindi unit,
   and the English clauses found as inline spans;
4. time to segment a 2,000-word mixed document (median of several runs; the word table's one-off load apart).

python benchmarks/language_accuracy.py [--labelled FILE] [--hinglid FILE] [--quoting FILE] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizers.evaluation import accuracy_by_rule, labelled_documents
from summarizers.language import detection, romanized
from summarizers.language.segment import Analysis, analyse
from summarizers.text.spans import WORD_RE

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SET = ROOT / "tests" / "data" / "labelled_mixed.json"
DEFAULT_QUOTING = ROOT / "tests" / "data" / "hindi_quoting_english.json"
DEFAULT_HINGLID = ROOT.parent / "shared" / "data" / "dev" / "hinglid_valid.jsonl"
SEED = ROOT / "seeds" / "en_hi_putin_modi_talks_bilingual.txt"
HINGLISH = (
    "Kal Delhi mein meeting hai, please confirm kar dena. Mujhe lagta hai ki yeh project time par complete ho jayega. "
    "Sabko bata do ki presentation ready rakhein, boss bahut strict hai is baar.\n"
)


def letter_accuracy_table(path: Path) -> None:
    documents = labelled_documents(json.loads(path.read_text(encoding="utf-8")))
    totals = accuracy_by_rule(documents)
    print(f"{'rule':<18}{'docs':>5}{'letters':>9}{'accuracy':>10}")
    for rule, (right, letters) in sorted(totals.items()):
        count = sum(1 for d in documents if d.rule == rule)
        print(f"{rule:<18}{count:>5}{letters:>9}{right / letters:>10.2%}")
    right = sum(r for r, _ in totals.values())
    letters = sum(n for _, n in totals.values())
    print(f"{'all':<18}{len(documents):>5}{letters:>9}{right / letters:>10.2%}   (target >= 98%)")


def language_at(analysis: Analysis, position: int) -> str | None:
    """The language the analysis gives the character at `position`: its inline span's, else its segment's."""
    for segment in analysis.segments:
        if segment.start <= position < segment.end:
            for inline in segment.inline:
                if inline.start <= position < inline.end:
                    return inline.lang
            return segment.lang
    return None


def _report(name: str, pairs: list[tuple[str, str]]) -> None:
    right = sum(1 for gold, guess in pairs if gold == guess)
    recall = {
        lang: sum(1 for gold, guess in pairs if gold == lang == guess)
        / max(1, sum(1 for gold, _ in pairs if gold == lang))
        for lang in ("en", "hi")
    }
    print(
        f"{name:<22}{len(pairs):>7}{right / len(pairs):>10.3f}{recall['en']:>10.3f}{recall['hi']:>10.3f}"
        "   (targets: accuracy >= 0.90, recall >= 0.85)"
    )


def hinglid(path: Path) -> None:
    if not path.exists():
        print(f"HingLID: {path} not found; skipped")
        return
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    through_segment: list[tuple[str, str]] = []
    tagger_alone: list[tuple[str, str]] = []
    for row in rows:
        text, tokens, labels = row["text"], row["tokens"], [label.lower() for label in row["labels"]]
        analysis = analyse(text)
        tags = romanized.tag_words(tokens)
        position = 0
        for token, gold, tag in zip(tokens, labels, tags, strict=True):
            start = text.find(token, position)
            position = start + len(token)
            if not any(char.isalpha() for char in token):
                continue  # numbers and symbols: HingLID calls them English; the product gives them no language
            through_segment.append((gold, language_at(analysis, start) or "und"))
            tagger_alone.append((gold, tag))
    print(f"HingLID dev ({len(rows)} texts; tokens with letters)")
    print(f"{'':<22}{'tokens':>7}{'accuracy':>10}{'en recall':>10}{'hi recall':>10}")
    _report("through segment", through_segment)
    _report("word tagger alone", tagger_alone)


def quoting(path: Path) -> None:
    rows = json.loads(path.read_text(encoding="utf-8"))["sentences"]
    whole = 0
    clauses = found = 0
    for row in rows:
        text = row["text"]
        analysis = analyse(text)
        content = [segment for segment in analysis.segments if not segment.boilerplate]
        if len(content) == 1 and content[0].lang == "hi" and (content[0].start, content[0].end) == (0, len(text)):
            whole += 1
        marked = {text[i.start : i.end] for segment in content for i in segment.inline if i.lang == "en"}
        clauses += len(row["english"])
        found += sum(1 for clause in row["english"] if clause in marked)
    print(
        f"Hindi sentences quoting English: {whole}/{len(rows)} kept whole = {whole / len(rows):.3f} (target >= 0.95); "
        f"English clauses marked inline {found}/{clauses}"
    )


def mixed_document(words: int = 2000) -> str:
    seed = SEED.read_text(encoding="utf-8") if SEED.exists() else ""
    block = seed + "\n\n" + HINGLISH + "\n"
    quoting_rows = json.loads(DEFAULT_QUOTING.read_text(encoding="utf-8"))["sentences"]
    block += " ".join(row["text"] for row in quoting_rows) + "\n\n"
    text = ""
    while len(text.split()) < words:
        text += block
    kept = [match.end() for match in WORD_RE.finditer(text)][:words]
    return text[: kept[-1]]


def _clear_caches() -> None:
    for cached in (
        detection.devanagari_language,
        detection.arabic_language,
        detection.latin_language,
        detection.other_script_language,
    ):
        cached.cache_clear()


def speed(runs: int) -> None:
    text = mixed_document()
    romanized.table.cache_clear()
    started = time.perf_counter()
    romanized.table()
    load = time.perf_counter() - started
    analyse(text)  # warm: imports, the detector's profiles
    timings = []
    cpu = []  # the process's own CPU time: on a shared machine the wall clock also counts waiting for a core
    for _ in range(runs):
        _clear_caches()  # every run detects every paragraph again
        started, started_cpu = time.perf_counter(), time.process_time()
        analyse(text)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    median, median_cpu = statistics.median(timings) * 1000, statistics.median(cpu) * 1000
    print(
        f"segment, {len(WORD_RE.findall(text))}-word mixed document: median {median:.1f} ms wall, {median_cpu:.1f} ms "
        f"CPU over {runs} runs (target < 100 ms); word table loaded once per process in {load * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labelled", type=Path, default=DEFAULT_SET)
    parser.add_argument("--hinglid", type=Path, default=DEFAULT_HINGLID)
    parser.add_argument("--quoting", type=Path, default=DEFAULT_QUOTING)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    letter_accuracy_table(args.labelled)
    print()
    hinglid(args.hinglid)
    print()
    quoting(args.quoting)
    print()
    speed(args.runs)


if __name__ == "__main__":
    main()
