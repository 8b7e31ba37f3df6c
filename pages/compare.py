"""Compare versions, read in one language: two documents, or the English and Hindi runs of one, each version's summary
in the reader's language side by side, the facts they share, and what only one says, linked to its place."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

import streamlit as st

from pages._views.browser import COMPARISON_KEY as RESULT_CONTAINER
from pages._views.browser import comparison_into_view_html
from pages._views.comparison import show_comparison
from pages._views.wording import document_title, error_words, language_name, progress_writer, reason_text
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
from pages.saved import (
    comparison_entry,
    current_link,
    mark_comparison_unsaved,
    save_comparison,
    share_controls,
    show_notice,
)
from summarizers.compare import Side, compare_sides, document_side, language_sides
from summarizers.documents.reading import Document, from_text
from summarizers.errors import DocumentError, SummarizerError
from summarizers.pipeline import METHODS, Options
from summarizers.schema import ComparisonJSON, DocumentRecord

COMPARISON_KEY = "comparison"
READER_KEY = "comparison_reader"
TEXTS_KEY = "comparison_texts"  # each side's document text (one text when both sides are runs of one document)
RUN_KEY = "comparison_run"  # an id for each comparison made: the page brings a new one into view once
# The language the summaries are read in, "own" (each version's) first and chosen unless the reader picks one: it
# needs no model beyond each language's own, and reads as the versions are written. A code, not None, in the radio:
# Streamlit takes a radio's None for "nothing chosen".
OWN = "own"
READERS = (OWN, "en", "hi")
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


def _reader_label(reader: str) -> str:
    return t("compare_reader_own") if reader == OWN else language_name(reader, ui)


def _document(choice: str, source: Source, pasted_key: str) -> Document | None:
    if source is None:
        text = st.session_state.get(pasted_key, "")
        try:
            # Named by its first line, as the Summarize page names a document, never "Pasted text (1)".
            return from_text(text, document_title(text, t("compare_pasted"))) if text.strip() else None
        except DocumentError as error:
            st.error(f"{t('compare_pasted')}: {plain(reason_text(error.reason, ui))}")
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
reader_choice = reader_column.radio(
    t("compare_read_in"),
    READERS,
    format_func=_reader_label,
    horizontal=True,
    help=t("compare_reader_help"),
    key="compare_reader",
)
reader = None if reader_choice == OWN else reader_choice
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
            st.session_state[RUN_KEY] = uuid.uuid4().hex
            mark_comparison_unsaved()  # saved to the library once drawn (below)
            status.update(label=t("compare_done"), state="complete", expanded=False)
        except SummarizerError as error:
            st.session_state.pop(COMPARISON_KEY, None)
            status.update(label=t("compare_failed").format(error=plain(error_words(error, ui))), state="error")


comparison: ComparisonJSON | None = st.session_state.get(COMPARISON_KEY)  # made here, or reopened from History
if comparison:
    st.divider()
    result = st.container(key=RESULT_CONTAINER)
    link_slot = result.container()  # the link sits above the result, though made only once the result is saved
    with result:
        show_comparison(comparison, st.session_state.get(TEXTS_KEY, []), st.session_state.get(READER_KEY), ui)
    if sides is not None:  # made in this run: on a phone the form fills the screen, and the result lies below it
        st.html(comparison_into_view_html(str(st.session_state.get(RUN_KEY, ""))), unsafe_allow_javascript=True)
    save_comparison()  # after it is drawn: saving never delays it
    show_notice(ui)
    entry_id = comparison_entry()
    with link_slot:
        share_controls(entry_id, current_link(entry_id), f"comparison-{entry_id}", ui, kind="comparison")
