"""Compare versions, read in one language: two documents, or the English and Hindi runs of one, each version's summary
in the reader's language side by side, the facts they share, and what only one says, linked to its place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import streamlit as st

from pages._views.highlight import checker_label, engine_label, flag_text
from pages._views.versions import (
    difference_marks,
    differences_html,
    marked_text_html,
    merged_rows,
    not_in_differences,
    only_here_list_html,
    only_in_one,
    side_text,
    words,
)
from pages._views.wording import document_title, language_name, notes, progress_writer, summary_notices
from pages.common import (
    history,
    model_overrides,
    o,
    plain,
    read_seed,
    refresh_choices,
    seed_paths,
    seed_title,
    t,
    ui_language,
    use_styles,
)
from pages.saved import mark_comparison_unsaved, save_comparison, show_notice
from summarizers.compare import Side, compare_sides, document_side, language_sides
from summarizers.documents.reading import Document, from_text
from summarizers.errors import DocumentError, SummarizerError
from summarizers.pipeline import METHODS, Options
from summarizers.schema import ComparisonJSON, ComparisonSideJSON, DocumentRecord, SentenceJSON
from summarizers.text.language_names import name

COMPARISON_KEY = "comparison"
READER_KEY = "comparison_reader"
TEXTS_KEY = "comparison_texts"  # each side's document text (one text when both sides are runs of one document)
READERS: tuple[str | None, ...] = ("en", "hi", None)  # the reader's language; None: each version's own
PASTE = "paste"
MODES = ("one", "two")  # the language versions in one document, or two documents
BILINGUAL_SEED = "en_hi_putin_modi_talks_bilingual.txt"
Source = Path | DocumentRecord | None  # a sample, a document summarised on the Summarize page, or pasting

use_styles()
ui = ui_language()
st.title(t("compare_title"))
st.caption(t("compare_caption"))


def _sources() -> dict[str, Source]:
    """Documents to choose from by a key that stays the same in either interface language: the samples, then what
    was summarised on the Summarize page, then pasting."""
    samples = seed_paths()
    options: dict[str, Source] = {f"sample:{path.name}": path for path in samples}
    sample_names = {path.name for path in samples}
    for batch in reversed(history()):  # the newest first
        for index, result in enumerate(batch["documents"]):
            if "error" not in result and result.get("source") not in sample_names:  # offered above
                options[f"summary:{batch['id']}:{index}"] = result
    options[PASTE] = None
    return options


def _source_label(key: str) -> str:
    source = options[key]
    if source is None:
        return t("compare_paste")
    if isinstance(source, Path):
        return t("compare_sample").format(title=seed_title(source))
    return t("compare_summarized").format(name=source.get("title") or source["name"])


def _reader_label(reader: str | None) -> str:
    return language_name(reader, ui) if reader is not None else t("compare_reader_own")


def _document(choice: str, source: Source, pasted_key: str) -> Document | None:
    if source is None:
        text = st.session_state.get(pasted_key, "")
        try:
            # Named by its first line, as the Summarize page names a document, never "Pasted text (1)".
            return from_text(text, document_title(text, t("compare_pasted"))) if text.strip() else None
        except DocumentError as error:
            st.error(f"{t('compare_pasted')}: {plain(error.reason)}")
            return None
    # A version is named by its title, as on the Summarize page, not by its file.
    if isinstance(source, Path):
        return replace(read_seed(source), name=seed_title(source))
    return from_text(source["text"], source.get("title") or source["name"])


options = _sources()
labels = list(options)
default_seed = next(
    (i for i, source in enumerate(options.values()) if isinstance(source, Path) and source.name == BILINGUAL_SEED), 0
)
# Defaults through the session state, not `index`: a choice the language switch re-sets must have no other default.
defaults = {"compare_one": default_seed, "compare_a": default_seed, "compare_b": min(1, len(labels) - 1)}
for key, default in defaults.items():
    if st.session_state.get(key) not in options:
        st.session_state[key] = labels[default]
refresh_choices("compare_mode", "compare_one", "compare_a", "compare_b", "compare_reader", "compare_method")
mode = st.radio(
    t("compare_mode"),
    MODES,
    format_func=lambda choice: t(f"compare_mode_{choice}"),
    horizontal=True,
    help=t("compare_mode_help"),
    key="compare_mode",
)
sides: tuple[Side, Side] | None = None
one_document = mode == "one"
if one_document:
    choice = st.selectbox(
        t("compare_document"), labels, key="compare_one", format_func=_source_label, placeholder=t("choose")
    )
    if options[choice] is None:
        st.text_area(t("compare_text_both"), key="compare_paste_one", height=160)
else:
    left, right = st.columns(2)
    choice_a = left.selectbox(
        t("compare_first"), labels, key="compare_a", format_func=_source_label, placeholder=t("choose")
    )
    choice_b = right.selectbox(
        t("compare_second"), labels, key="compare_b", format_func=_source_label, placeholder=t("choose")
    )
    if options[choice_a] is None:
        left.text_area(t("compare_first_text"), key="compare_paste_a", height=160)
    if options[choice_b] is None:
        right.text_area(t("compare_second_text"), key="compare_paste_b", height=160)
reader_column, method_column, button_column = st.columns([4, 3, 1], vertical_alignment="bottom")
reader = reader_column.radio(
    t("compare_read_in"),
    READERS,
    format_func=_reader_label,
    horizontal=True,
    help=t("compare_reader_help"),
    key="compare_reader",
)
method = method_column.radio(t("method"), METHODS, format_func=o, horizontal=True, key="compare_method")
if button_column.button(t("compare_button"), type="primary", width="stretch"):
    if one_document:
        document = _document(choice, options[choice], "compare_paste_one")
        sides = language_sides(document) if document is not None else None
        if document is None:
            st.warning(t("compare_paste_first"))
        elif sides is None:
            st.warning(t("compare_not_both").format(name=plain(document.name)))
    else:
        first = _document(choice_a, options[choice_a], "compare_paste_a")
        second = _document(choice_b, options[choice_b], "compare_paste_b")
        if first is None or second is None:
            st.warning(t("compare_choose_both"))
        else:
            sides = (document_side(first), document_side(second))

if sides is not None:
    with st.status(t("compare_running"), expanded=True) as status:
        try:
            settings = Options(
                method, models=model_overrides(), progress=progress_writer(status.write, ui), into=reader
            )
            st.session_state[COMPARISON_KEY] = compare_sides(*sides, settings)
            same = sides[0].document is sides[1].document
            st.session_state[TEXTS_KEY] = [side.document.text for side in sides[: 1 if same else 2]]
            st.session_state[READER_KEY] = reader
            mark_comparison_unsaved()  # saved to the library once drawn (below)
            status.update(label=t("compare_done"), state="complete", expanded=False)
        except SummarizerError as error:
            st.session_state.pop(COMPARISON_KEY, None)
            status.update(label=t("compare_failed").format(error=error), state="error")


def _check_line(check: SentenceJSON, conflicts: dict[str, str] | None = None) -> str:
    """A summary sentence's verdict against the other version. One whose missing facts are all differences listed
    above says what the other version has instead ("45 where this has 54"), not that it found no support."""
    if not check.get("checked", True):
        return t("compare_nothing_to_check")
    if check["supported"]:
        return t("compare_supported")
    missing = check.get("missing", [])
    if conflicts and missing and all(fact in conflicts for fact in missing):
        said = words(ui)
        return "⚠ " + "; ".join(said["differs_here"].format(mine=fact, theirs=conflicts[fact]) for fact in missing)
    return "⚠ " + flag_text(check, t("compare_other_version"), ui)


def _conflicts(comparison: ComparisonJSON, side: int) -> dict[str, str]:
    """Each figure, date or name of a difference as one side writes it, and what the other side has there."""
    conflicts = {}
    for difference in comparison.get("differences", []):
        mine, theirs = (difference["a"], difference["b"]) if side == 0 else (difference["b"], difference["a"])
        if difference["kind"] != "sentence" and mine is not None and theirs is not None:
            conflicts[mine] = theirs
    return conflicts


def _comparison() -> ComparisonJSON | None:
    """The comparison on the page (`COMPARISON_KEY`): made here, or reopened from the saved library."""
    comparison: ComparisonJSON | None = st.session_state.get(COMPARISON_KEY)
    return comparison


def _side_label(side: ComparisonSideJSON) -> str:
    """A side's name: its language (named in the interface language) and its title; the language alone for a run of
    one document. Two versions of one language and one title are numbered."""
    language = language_name(side["language"], ui)
    if side["label"] == name(side["language"]):
        return language
    shown = _comparison()
    comparison_sides = shown.get("sides", []) if shown else []
    twins = [s for s in comparison_sides if s["title"] == side["title"] and s["language"] == side["language"]]
    number = f" ({comparison_sides.index(side) + 1})" if len(twins) > 1 and side in comparison_sides else ""
    return f"{language} · {side['title']}{number}"


def _heading(side: ComparisonSideJSON) -> str:
    """The version, and the language its summary is read in when that is not the version's own."""
    written = {summary["lang"] for summary in side["summaries"]} - {side["language"]}
    into = t("compare_read_as").format(language=language_name(written.pop(), ui)) if len(written) == 1 else ""
    return f"#### {plain(_side_label(side))}{into}"


def _show_side(side: ComparisonSideJSON, reader: str | None, conflicts: dict[str, str] | None = None) -> None:
    st.markdown(_heading(side))
    language = language_name(side["language"], ui)
    if side["label"] == name(side["language"]):  # a language run, headed by its language: the document's title only
        st.caption(plain(side["title"].removesuffix(f" · {side['label']}")))
    else:
        st.caption(t("compare_side_caption").format(title=plain(side["title"]), language=language))
    for summary in side["summaries"]:
        st.caption(plain(engine_label(summary, ui=ui)))
        # A summary not in the reader's language is a warning; other notes (an extractive fallback) are not.
        show = st.warning if reader is not None and summary["lang"] != reader else st.info
        for notice in summary_notices(summary, ui):
            show(plain(notice.plain), icon="ℹ️")
            if notice.details:  # commands and model names go under Details
                with st.expander(t("details")):
                    st.caption(plain(notice.details))
        for number, (sentence, check) in enumerate(zip(summary["sentences"], summary["in_other"], strict=True), 1):
            st.markdown(f"{number}. {plain(sentence['text'])}")
            st.caption(plain(_check_line(check, conflicts)))


def _show_facts(comparison: ComparisonJSON, first: ComparisonSideJSON, second: ComparisonSideJSON) -> None:
    st.subheader(t("compare_facts"))
    for note in notes(comparison, ui):
        st.caption(plain(note))
    with st.expander(words(ui)["facts_show"]):  # what agrees comes last, folded: the differences lead
        _facts_tables(comparison, first, second)


def _facts_tables(comparison: ComparisonJSON, first: ComparisonSideJSON, second: ComparisonSideJSON) -> None:
    kind, fact = t("compare_kind"), t("compare_fact")
    first_label, second_label = _side_label(first), _side_label(second)
    both, only_first, only_second = st.columns([2, 1, 1])
    with both:
        shared = merged_rows(comparison["shared"])
        st.markdown(f"**{t('compare_in_both').format(count=len(shared))}**")
        st.dataframe(
            [{kind: o(row["kind"]), first_label: row["a"], second_label: row["b"]} for row in shared],
            hide_index=True,
            width="stretch",
        )
    # A figure, date or name of a difference is shown above as one difference, not again as two facts "only in"
    # each version.
    conflicts = [d for d in comparison.get("differences", []) if d["kind"] != "sentence"]
    differing = ({d["a"] for d in conflicts}, {d["b"] for d in conflicts})
    for column, only, label, listed in (
        (only_first, comparison["only_a"], first_label, differing[0]),
        (only_second, comparison["only_b"], second_label, differing[1]),
    ):
        with column:
            facts = [row for row in only if row["text"] not in listed]
            st.markdown(f"**{t('compare_only_in').format(label=plain(label), count=len(facts))}**")
            rows = [{kind: o(row["kind"]), fact: row["text"]} for row in facts]
            if rows:
                st.dataframe(rows, hide_index=True, width="stretch")
            else:
                st.caption(t("compare_none"))  # an empty grid reads "empty", in English
            if len(facts) < len(only):
                st.caption(words(ui)["facts_differing"])


def _labels(comparison: ComparisonJSON) -> tuple[str, str]:
    return _side_label(comparison["sides"][0]), _side_label(comparison["sides"][1])


def _show_cautions(comparison: ComparisonJSON) -> None:
    for caution in comparison.get("cautions", []):
        values = dict(caution["values"])
        if "language" in values:
            values["language"] = language_name(str(values["language"]), ui)
        st.warning(words(ui)[f"caution_{caution['code']}"].format(**values), icon="ℹ️")


def _show_differences(comparison: ComparisonJSON, texts: list[str]) -> None:
    """Where the versions differ, first: figures, dates and names in matching sentences with other values."""
    said = words(ui)
    st.subheader(said["differ_title"])
    found = comparison.get("differences", [])
    conflicts = [difference for difference in found if difference["kind"] != "sentence"]
    if not found:
        st.caption(said["differ_none"])
        return
    st.caption(said["differ_count_one"] if len(found) == 1 else said["differ_count"].format(count=len(found)))
    if conflicts and texts:
        st.html(differences_html(comparison, conflicts, texts, _labels(comparison), ui))


def _show_only_one(comparison: ComparisonJSON, texts: list[str]) -> None:
    labels = _labels(comparison)
    items = not_in_differences(only_in_one(comparison), comparison)
    said = words(ui)
    st.subheader(t("compare_only_one"))
    sentences = [difference for difference in comparison.get("differences", []) if difference["kind"] == "sentence"]
    for index, label in enumerate(labels):
        mine = [d for d in sentences if (d["a"] if index == 0 else d["b"]) is not None]
        if mine and texts:
            st.markdown(f"**{said['only_sentences'].format(label=plain(label), count=len(mine))}**")
            st.html(differences_html(comparison, mine, texts, labels, ui))
    if not items and not comparison.get("differences"):
        st.caption(t("compare_all_supported"))
    elif not items and not sentences:
        st.caption(said["nothing_else"])  # never "all supported" beside a list of differences
    for index, label in enumerate(labels):
        said_here = [item for item in items if item.side == index]
        if said_here:
            st.markdown(f"**{t('compare_only_in').format(label=plain(label), count=len(said_here))}**")
            st.html(only_here_list_html(said_here, labels, ui))
    if not texts:
        return
    places = difference_marks(comparison)
    st.markdown(f"**{t('compare_texts')}**")
    st.caption(t("compare_marked" if items or places else "compare_unmarked"))
    if len(texts) == 1:
        st.html(marked_text_html(texts[0], items, (0, 1), t("compare_texts"), places))
        return
    for column, index in zip(st.columns(2, gap="large"), (0, 1), strict=True):
        with column:
            st.caption(plain(labels[index]))
            st.html(marked_text_html(side_text(texts, index), items, (index,), labels[index], places))


comparison = _comparison()
if comparison:
    st.divider()
    first_side, second_side = comparison["sides"]
    texts = st.session_state.get(TEXTS_KEY, [])
    _show_cautions(comparison)
    _show_differences(comparison, texts)
    _show_only_one(comparison, texts)
    columns = st.columns(2, gap="large")
    for index, (column, side) in enumerate(zip(columns, (first_side, second_side), strict=True)):
        with column:
            _show_side(side, st.session_state.get(READER_KEY), _conflicts(comparison, index))
    if comparison.get("checker"):
        st.caption(plain(checker_label(comparison["checker"], ui)))
    _show_facts(comparison, first_side, second_side)
    save_comparison()  # after it is drawn: saving never delays it
    show_notice(ui)
