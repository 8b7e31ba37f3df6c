"""Compare versions, read in one language: two documents, or the English and Hindi runs of one, each version's summary
in the reader's language side by side, the facts they share, and what only one says, linked to its place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from pages._views.highlight import checker_label, engine_label, flag_text
from pages._views.versions import marked_text_html, only_here_list_html, only_in_one
from pages.common import (
    METHOD_LABELS,
    SUMMARY_LANGUAGE_LABELS,
    model_overrides,
    plain,
    read_seed,
    seed_paths,
    seed_title,
    use_styles,
)
from summarizers.compare import Side, compare_sides, document_side, language_sides
from summarizers.documents.reading import Document, from_text
from summarizers.errors import DocumentError, SummarizerError
from summarizers.pipeline import METHODS, Options
from summarizers.text.language_names import name

COMPARISON_KEY = "comparison"
READER_KEY = "comparison_reader"
TEXTS_KEY = "comparison_texts"  # each side's document text (one text when both sides are runs of one document)
READERS: tuple[str | None, ...] = ("en", "hi", None)  # the reader's language; None: each version's own
READER_LABELS = {**SUMMARY_LANGUAGE_LABELS, None: "Each version's own language"}
SUMMARIES_KEY = "summaries"  # results of the Summarize page, offered here as documents
PASTE = "Paste text…"
BILINGUAL_SEED = "en_hi_putin_modi_talks_bilingual.txt"

use_styles()
st.title("Compare versions")
st.caption(
    "Two versions of one story, read in your language: each version's summary side by side, the numbers, dates and "
    "names both state or only one does, and what only one version says, with a link to its place."
)


def _sources() -> dict[str, Any]:
    """Documents to choose from: the samples, then what was summarised on the Summarize page."""
    options: dict[str, Any] = {f"Sample: {seed_title(path)}": path for path in seed_paths()}
    for result in st.session_state.get(SUMMARIES_KEY, []):
        if "error" not in result:
            options[f"Summarized: {result['name']}"] = result
    options[PASTE] = None
    return options


def _document(choice: str, source: Any, pasted_key: str) -> Document | None:
    if source is None:
        text = st.session_state.get(pasted_key, "")
        try:
            return from_text(text, "Pasted text") if text.strip() else None
        except DocumentError as error:
            st.error(f"Pasted text: {plain(error.reason)}")
            return None
    if isinstance(source, dict):
        return from_text(source["text"], source["name"])
    return read_seed(source)


options = _sources()
labels = list(options)
default_seed = next(
    (i for i, label in enumerate(labels) if isinstance(options[label], Path) and options[label].name == BILINGUAL_SEED),
    0,
)
mode = st.radio(
    "What to compare",
    ["Language versions in one document", "Two documents"],
    horizontal=True,
    help="Seed articles often carry an English article and its Hindi version in one file.",
)
sides: tuple[Side, Side] | None = None
one_document = mode == "Language versions in one document"
if one_document:
    choice = st.selectbox("Document", labels, index=default_seed)
    if options[choice] is None:
        st.text_area("Text with an English and a Hindi version", key="compare_paste_one", height=160)
else:
    left, right = st.columns(2)
    choice_a = left.selectbox("First document", labels, index=default_seed, key="compare_a")
    choice_b = right.selectbox("Second document", labels, index=min(1, len(labels) - 1), key="compare_b")
    if options[choice_a] is None:
        left.text_area("First text", key="compare_paste_a", height=160)
    if options[choice_b] is None:
        right.text_area("Second text", key="compare_paste_b", height=160)
reader_column, method_column, button_column = st.columns([4, 3, 1], vertical_alignment="bottom")
reader = reader_column.radio(
    "Read the summaries in",
    READERS,
    format_func=READER_LABELS.__getitem__,
    horizontal=True,
    help="A version in another language is summarised in yours by the cross-language model where it is installed; "
    "without it, its own-language summary is shown, with a notice.",
)
method = method_column.radio("Method", METHODS, format_func=METHOD_LABELS.__getitem__, horizontal=True)
if button_column.button("Compare", type="primary", width="stretch"):
    if one_document:
        document = _document(choice, options[choice], "compare_paste_one")
        sides = language_sides(document) if document is not None else None
        if document is None:
            st.warning("Paste the text to compare first.")
        elif sides is None:
            st.warning(
                f"{plain(document.name)} does not hold both an English and a Hindi version. "
                "Choose “Two documents” to compare it with another article."
            )
    else:
        first = _document(choice_a, options[choice_a], "compare_paste_a")
        second = _document(choice_b, options[choice_b], "compare_paste_b")
        if first is None or second is None:
            st.warning("Choose or paste both documents first.")
        else:
            sides = (document_side(first), document_side(second))

if sides is not None:
    with st.status("Comparing…", expanded=True) as status:
        try:
            settings = Options(method, models=model_overrides(), progress=status.write, into=reader)
            st.session_state[COMPARISON_KEY] = compare_sides(*sides, settings)
            same = sides[0].document is sides[1].document
            st.session_state[TEXTS_KEY] = [side.document.text for side in sides[: 1 if same else 2]]
            st.session_state[READER_KEY] = reader
            status.update(label="Compared", state="complete", expanded=False)
        except SummarizerError as error:
            st.session_state.pop(COMPARISON_KEY, None)
            status.update(label=f"Could not compare: {error}", state="error")


def _check_line(check: dict[str, Any]) -> str:
    if not check.get("checked", True):
        return "– nothing to check against the other version"
    if check["supported"]:
        return "✓ the other version says this too"
    return "⚠ " + flag_text(check, "the other version")


def _heading(side: dict[str, Any]) -> str:
    """The version, and the language its summary is read in when that is not the version's own."""
    written = {summary["lang"] for summary in side["summaries"]} - {side["language"]}
    into = f" · read in {name(written.pop())}" if len(written) == 1 else ""
    return f"#### {plain(side['label'])}{into}"


def _show_side(side: dict[str, Any], reader: str | None) -> None:
    st.markdown(_heading(side))
    st.caption(f"{plain(side['title'])} · language: {name(side['language'])}")
    for summary in side["summaries"]:
        st.caption(plain(engine_label(summary)))
        if summary["notice"]:
            # A summary not in the reader's language is a warning; other notes (an extractive fallback) are not.
            show = st.warning if reader is not None and summary["lang"] != reader else st.info
            show(summary["notice"], icon="ℹ️")
        for number, (sentence, check) in enumerate(zip(summary["sentences"], summary["in_other"], strict=True), 1):
            st.markdown(f"{number}. {plain(sentence['text'])}")
            st.caption(plain(_check_line(check)))


def _show_facts(comparison: dict[str, Any], first: dict[str, Any], second: dict[str, Any]) -> None:
    st.subheader("Facts: numbers, dates and names")
    for note in comparison["notes"]:
        st.caption(note)
    both, only_first, only_second = st.columns([2, 1, 1])
    with both:
        st.markdown(f"**In both ({len(comparison['shared'])})**")
        st.dataframe(
            [
                {"kind": row["kind"], first["label"]: row["a"], second["label"]: row["b"]}
                for row in comparison["shared"]
            ],
            hide_index=True,
            width="stretch",
        )
    for column, key, side in ((only_first, "only_a", first), (only_second, "only_b", second)):
        with column:
            st.markdown(f"**Only in {plain(side['label'])} ({len(comparison[key])})**")
            st.dataframe(comparison[key], hide_index=True, width="stretch")


def _show_only_one(comparison: dict[str, Any], texts: list[str]) -> None:
    labels = (comparison["sides"][0]["label"], comparison["sides"][1]["label"])
    items = only_in_one(comparison)
    st.subheader("What only one version says")
    if not items:
        st.caption("Every summary sentence that could be checked is supported by the other version.")
    for index, label in enumerate(labels):
        mine = [item for item in items if item.side == index]
        if mine:
            st.markdown(f"**Only in {plain(label)} ({len(mine)})**")
            st.html(only_here_list_html(mine, labels))
    if not texts:
        return
    st.markdown("**The versions' text**")
    st.caption("Marked: the source of each sentence above; its link leads here.")
    if len(texts) == 1:
        st.html(marked_text_html(texts[0], items, (0, 1)))
        return
    for column, index, text in zip(st.columns(2, gap="large"), (0, 1), texts, strict=True):
        with column:
            st.caption(plain(labels[index]))
            st.html(marked_text_html(text, items, (index,)))


comparison = st.session_state.get(COMPARISON_KEY)
if comparison:
    st.divider()
    first, second = comparison["sides"]
    columns = st.columns(2, gap="large")
    for column, side in zip(columns, (first, second), strict=True):
        with column:
            _show_side(side, st.session_state.get(READER_KEY))
    if comparison.get("checker"):
        st.caption(plain(checker_label(comparison["checker"])))
    _show_facts(comparison, first, second)
    _show_only_one(comparison, st.session_state.get(TEXTS_KEY, []))
