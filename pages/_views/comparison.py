"""One comparison of two versions on a page, as the Compare page draws its result: cautions, where the versions
differ (first), what only one version says, each version's text marked, each version's summary checked against
the other, and the facts both or one state. Shared by the Compare page and the read-only view a link opens, so a
shared comparison reads exactly as its maker saw it; it draws no control that changes anything.

Works on the dict `summarizers.compare.compare_sides` returns, the texts of its sides (one text when both sides are
language runs of one document) and the language it was read in (None: each version's own)."""

from __future__ import annotations

import streamlit as st

from pages._views.highlight import checker_label, engine_label, flag_text
from pages._views.report import escape_markdown as plain
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
from pages._views.wording import label, language_name, notes, option_label, summary_notices
from summarizers.schema import ComparisonJSON, ComparisonSideJSON, SentenceJSON
from summarizers.text.language_names import name


def show_comparison(comparison: ComparisonJSON, texts: list[str], reader: str | None, ui: str) -> None:
    """The whole result, differences first (what agrees comes last, folded)."""
    first, second = comparison["sides"]
    _show_cautions(comparison, ui)
    _show_differences(comparison, texts, ui)
    _show_only_one(comparison, texts, ui)
    _show_texts(comparison, texts, ui)
    columns = st.columns(2, gap="large")
    for index, (column, side) in enumerate(zip(columns, (first, second), strict=True)):
        with column:
            _show_side(comparison, side, reader, ui, _conflicts(comparison, index))
    if comparison.get("checker"):
        st.caption(plain(checker_label(comparison["checker"], ui)))
    _show_facts(comparison, ui)


def _check_line(check: SentenceJSON, ui: str, conflicts: dict[str, str] | None = None) -> str:
    """A summary sentence's verdict against the other version. One whose missing facts are all differences listed
    above says what the other version has instead ("45 where this has 54"), not that it found no support."""
    if not check.get("checked", True):
        return label("compare_nothing_to_check", ui)
    if check["supported"]:
        return label("compare_supported", ui)
    missing = check.get("missing", [])
    if conflicts and missing and all(fact in conflicts for fact in missing):
        said = words(ui)
        return "⚠ " + "; ".join(said["differs_here"].format(mine=fact, theirs=conflicts[fact]) for fact in missing)
    return "⚠ " + flag_text(check, label("compare_other_version", ui), ui)


def _conflicts(comparison: ComparisonJSON, side: int) -> dict[str, str]:
    """Each figure, date or name of a difference as one side writes it, and what the other side has there."""
    conflicts = {}
    for difference in comparison.get("differences", []):
        mine, theirs = (difference["a"], difference["b"]) if side == 0 else (difference["b"], difference["a"])
        if difference["kind"] != "sentence" and mine is not None and theirs is not None:
            conflicts[mine] = theirs
    return conflicts


def side_label(comparison: ComparisonJSON, side: ComparisonSideJSON, ui: str) -> str:
    """A side's name: its language (named in the interface language) and its title; the language alone for a run of
    one document. Two versions of one language and one title are numbered."""
    language = language_name(side["language"], ui)
    if side["label"] == name(side["language"]):
        return language
    sides = comparison.get("sides", [])
    twins = [s for s in sides if s["title"] == side["title"] and s["language"] == side["language"]]
    number = f" ({sides.index(side) + 1})" if len(twins) > 1 and side in sides else ""
    return f"{language} · {side['title']}{number}"


def _heading(comparison: ComparisonJSON, side: ComparisonSideJSON, ui: str) -> str:
    """The version, and the language its summary is read in when that is not the version's own."""
    written = {summary["lang"] for summary in side["summaries"]} - {side["language"]}
    into = label("compare_read_as", ui).format(language=language_name(written.pop(), ui)) if len(written) == 1 else ""
    return f"#### {plain(side_label(comparison, side, ui))}{into}"


def _show_side(
    comparison: ComparisonJSON,
    side: ComparisonSideJSON,
    reader: str | None,
    ui: str,
    conflicts: dict[str, str] | None = None,
) -> None:
    st.markdown(_heading(comparison, side, ui))
    language = language_name(side["language"], ui)
    if side["label"] == name(side["language"]):  # a language run, headed by its language: the document's title only
        st.caption(plain(side["title"].removesuffix(f" · {side['label']}")))
    else:
        st.caption(label("compare_side_caption", ui).format(title=plain(side["title"]), language=language))
    for summary in side["summaries"]:
        st.caption(plain(engine_label(summary, ui=ui)))
        # A summary not in the reader's language is a warning; other notes (an extractive fallback) are not.
        show = st.warning if reader is not None and summary["lang"] != reader else st.info
        for notice in summary_notices(summary, ui):
            show(plain(notice.plain), icon="ℹ️")
            if notice.details:  # commands and model names go under Details
                with st.expander(label("details", ui)):
                    st.caption(plain(notice.details))
        for number, (sentence, check) in enumerate(zip(summary["sentences"], summary["in_other"], strict=True), 1):
            st.markdown(f"{number}. {plain(sentence['text'])}")
            st.caption(plain(_check_line(check, ui, conflicts)))


def _show_facts(comparison: ComparisonJSON, ui: str) -> None:
    st.subheader(label("compare_facts", ui))
    for note in notes(comparison, ui):
        st.caption(plain(note))
    with st.expander(words(ui)["facts_show"]):  # what agrees comes last, folded: the differences lead
        _facts_tables(comparison, ui)


def _facts_tables(comparison: ComparisonJSON, ui: str) -> None:
    kind, fact = label("compare_kind", ui), label("compare_fact", ui)
    first_label, second_label = _labels(comparison, ui)
    both, only_first, only_second = st.columns([2, 1, 1])
    with both:
        shared = merged_rows(comparison["shared"])
        st.markdown(f"**{label('compare_in_both', ui).format(count=len(shared))}**")
        st.dataframe(
            [{kind: option_label(row["kind"], ui), first_label: row["a"], second_label: row["b"]} for row in shared],
            hide_index=True,
            width="stretch",
        )
    # A figure, date or name of a difference is shown above as one difference, not again as two facts "only in"
    # each version.
    conflicts = [d for d in comparison.get("differences", []) if d["kind"] != "sentence"]
    differing = ({d["a"] for d in conflicts}, {d["b"] for d in conflicts})
    for column, only, side_name, listed in (
        (only_first, comparison["only_a"], first_label, differing[0]),
        (only_second, comparison["only_b"], second_label, differing[1]),
    ):
        with column:
            facts = [row for row in only if row["text"] not in listed]
            st.markdown(f"**{label('compare_only_in', ui).format(label=plain(side_name), count=len(facts))}**")
            rows = [{kind: option_label(row["kind"], ui), fact: row["text"]} for row in facts]
            if rows:
                st.dataframe(rows, hide_index=True, width="stretch")
            else:
                st.caption(label("compare_none", ui))  # an empty grid reads "empty", in English
            if len(facts) < len(only):
                st.caption(words(ui)["facts_differing"])


def _labels(comparison: ComparisonJSON, ui: str) -> tuple[str, str]:
    return side_label(comparison, comparison["sides"][0], ui), side_label(comparison, comparison["sides"][1], ui)


def _show_cautions(comparison: ComparisonJSON, ui: str) -> None:
    for caution in comparison.get("cautions", []):
        values = dict(caution["values"])
        if "language" in values:
            values["language"] = language_name(str(values["language"]), ui)
        st.warning(words(ui)[f"caution_{caution['code']}"].format(**values), icon="ℹ️")


def _show_differences(comparison: ComparisonJSON, texts: list[str], ui: str) -> None:
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
        st.html(differences_html(comparison, conflicts, texts, _labels(comparison, ui), ui))


def _show_only_one(comparison: ComparisonJSON, texts: list[str], ui: str) -> None:
    labels = _labels(comparison, ui)
    items = not_in_differences(only_in_one(comparison), comparison)
    said = words(ui)
    st.subheader(label("compare_only_one", ui))
    sentences = [difference for difference in comparison.get("differences", []) if difference["kind"] == "sentence"]
    for index, side_name in enumerate(labels):
        mine = [d for d in sentences if (d["a"] if index == 0 else d["b"]) is not None]
        if mine and texts:
            st.markdown(f"**{said['only_sentences'].format(label=plain(side_name), count=len(mine))}**")
            st.html(differences_html(comparison, mine, texts, labels, ui))
    if not items and not comparison.get("differences"):
        st.caption(label("compare_all_supported", ui))
    elif not items and not sentences:
        st.caption(said["nothing_else"])  # never "all supported" beside a list of differences
    for index, side_name in enumerate(labels):
        mine_only = [item for item in items if item.side == index]
        if mine_only:
            count = len(mine_only)
            st.markdown(f"**{label('compare_only_in', ui).format(label=plain(side_name), count=count)}**")
            st.html(only_here_list_html(mine_only, labels, ui))


def _show_texts(comparison: ComparisonJSON, texts: list[str], ui: str) -> None:
    """The versions' own text, each source of a difference or an only-here sentence marked: a section of its own,
    not a part of "What only one version says" above it."""
    if not texts:
        return
    labels = _labels(comparison, ui)
    items = not_in_differences(only_in_one(comparison), comparison)
    places = difference_marks(comparison)
    st.subheader(label("compare_texts", ui))
    st.caption(label("compare_marked" if items or places else "compare_unmarked", ui))
    if len(texts) == 1:
        st.html(marked_text_html(texts[0], items, (0, 1), label("compare_texts", ui), places))
        return
    for column, index in zip(st.columns(2, gap="large"), (0, 1), strict=True):
        with column:
            st.caption(plain(labels[index]))
            st.html(marked_text_html(side_text(texts, index), items, (index,), labels[index], places))
