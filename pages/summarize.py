"""Summarize: paste, upload or pick articles; their languages, summaries side by side, and where each sentence of a
summary comes from."""

from __future__ import annotations

from typing import Any

import streamlit as st

from pages._views.highlight import (
    SentenceRef,
    engine_label,
    runs_bar_html,
    sentence_refs,
    source_html,
    source_lang,
    summary_html,
)
from pages._views.report import json_report, markdown_report
from pages.common import (
    LENGTH_LABELS,
    METHOD_LABELS,
    SUMMARY_LANGUAGE_LABELS,
    SUMMARY_LANGUAGES,
    plain,
    read_seed,
    seed_paths,
    seed_title,
    summarize_with_status,
    use_styles,
)
from summarizers.documents.reading import Document, from_text, read_bytes
from summarizers.engines.base import LENGTHS
from summarizers.errors import DocumentError
from summarizers.pipeline import METHODS
from summarizers.text.languages import SUMMARISED, name

RESULTS_KEY = "summaries"
SAVED_TEXT_KEY = "saved_pasted_text"  # survives page switches, which clear widget state
SAVED_SETTINGS_KEY = "saved_settings"
UPLOAD_TYPES = ["txt", "md", "html", "htm", "pdf", "docx"]

use_styles()
st.title("Summarize")
st.caption("English and Hindi news summarised side by side, each summary sentence linked to where it comes from.")

settings = st.session_state.get(SAVED_SETTINGS_KEY, {"method": "auto", "length": "medium"})
if "pasted_text" not in st.session_state:
    st.session_state["pasted_text"] = st.session_state.get(SAVED_TEXT_KEY, "")

with st.form("articles"):
    st.text_area(
        "Paste an article",
        key="pasted_text",
        height=200,
        placeholder="Paste English, Hindi or mixed text here (Ctrl+Enter to summarise)",
    )
    uploads = st.file_uploader(
        "Or upload files",
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        help="Text, Markdown, HTML, PDF or Word files, up to 20 MB each. Several at once are summarised one by one.",
    )
    method_column, length_column, button_column = st.columns([3, 3, 2], vertical_alignment="bottom")
    method = method_column.radio(
        "Method",
        METHODS,
        index=METHODS.index(settings["method"]),
        format_func=METHOD_LABELS.__getitem__,
        horizontal=True,
        help="Auto writes a new summary with a model where one is installed and otherwise picks key sentences.",
    )
    length = length_column.radio(
        "Length",
        LENGTHS,
        index=LENGTHS.index(settings["length"]),
        format_func=LENGTH_LABELS.__getitem__,
        horizontal=True,
    )
    submitted = button_column.form_submit_button("Summarize", type="primary", width="stretch")
    into = st.selectbox(
        "Summary language",
        SUMMARY_LANGUAGES,
        index=SUMMARY_LANGUAGES.index(settings.get("into")),
        format_func=SUMMARY_LANGUAGE_LABELS.__getitem__,
        help="English or Hindi summaries of every text, written by a cross-language model where it is installed; "
        "without it, each text's own-language summary with a notice.",
    )

st.markdown("**Or try a sample article:**")
samples = seed_paths()
chosen_sample = None
for index, (column, path) in enumerate(zip(st.columns(len(samples) or 1), samples, strict=False)):
    if column.button(seed_title(path), key=f"sample-{index}", width="stretch"):
        chosen_sample = path


def _collect_inputs(pasted: str, files: list[Any]) -> list[Document | dict[str, Any]]:
    """Each input in order: a readable document, or an error entry for one that cannot be read (the others go on)."""
    inputs: list[Document | dict[str, Any]] = []
    if pasted.strip():
        try:
            inputs.append(from_text(pasted, "Pasted text"))
        except DocumentError as error:
            inputs.append({"name": "Pasted text", "error": error.reason})
    for upload in files:
        try:
            inputs.append(read_bytes(upload.getvalue(), upload.name))
        except DocumentError as error:
            inputs.append({"name": upload.name, "error": error.reason})
    return inputs


def _run(inputs: list[Document | dict[str, Any]], method: str, length: str, into: str | None = None) -> None:
    st.session_state[SAVED_SETTINGS_KEY] = {"method": method, "length": length, "into": into}
    documents = [item for item in inputs if isinstance(item, Document)]
    summarised = iter(summarize_with_status(documents, method, length, into) if documents else [])  # type: ignore[arg-type]
    st.session_state[RESULTS_KEY] = [item if isinstance(item, dict) else next(summarised) for item in inputs]


if submitted:
    st.session_state[SAVED_TEXT_KEY] = st.session_state["pasted_text"]
    inputs = _collect_inputs(st.session_state["pasted_text"], uploads or [])
    if not inputs:
        st.warning("Paste some text, upload a file or pick a sample article first.")
    else:
        _run(inputs, method, length, into)
elif chosen_sample is not None:
    _run([read_seed(chosen_sample)], settings["method"], settings["length"], settings.get("into"))


def _language_line(document: dict[str, Any]) -> str:
    shares = " · ".join(f"{name(lang)} {share:.0%}" for lang, share in document["shares"].items())
    return f"**Language:** {name(document['language'])}" + (f" ({shares})" if shares else "")


def _summary_column(document: dict[str, Any], lang: str, selected: SentenceRef | None) -> None:
    st.markdown(f"#### {name(lang)}")
    summary = next((item for item in document["summaries"] if source_lang(item) == lang), None)
    if summary is None:
        st.caption(f"No {name(lang)} text to summarise in this document.")
        return
    st.caption(plain(engine_label(summary)))
    if summary["notice"]:
        st.warning(summary["notice"], icon="ℹ️")
    if summary["sentences"]:
        st.html(summary_html(document, summary, selected))
        with st.expander("Plain text to copy"):
            st.code(summary["text"], language=None, wrap_lines=True)


def _show_document(index: int, document: dict[str, Any]) -> None:
    if "error" in document:
        st.error(f"**{plain(document['name'])}**: {plain(document['error'])}", icon="🚫")
        return
    st.markdown(_language_line(document))
    st.html(runs_bar_html(document))
    for notice in document["notices"]:
        st.info(notice, icon="ℹ️")
    refs = sentence_refs(document)
    labels = [ref.label for ref in refs]
    pick_key = f"pick-{index}"
    picked = st.session_state.get(pick_key)
    selected = refs[labels.index(picked)] if picked in labels else None
    columns = st.columns(2, gap="large")
    for lang, column in zip(SUMMARISED, columns, strict=True):
        with column:
            _summary_column(document, lang, selected)
    for summary in document["summaries"]:
        if source_lang(summary) not in SUMMARISED:
            _summary_column(document, source_lang(summary), selected)
    if refs:
        st.pills(
            "Show where a summary sentence comes from",
            labels,
            key=pick_key,
            help="Pick a sentence to outline its sources in the text below; hover a highlight to see which "
            "summary sentences it supports.",
        )
        if selected is not None:
            summary = next(s for s in document["summaries"] if source_lang(s) == selected.lang)
            sentence = summary["sentences"][selected.index]
            if not sentence["sources"]:
                st.caption(f"{selected.label} has no source in the text.")
            for source in sentence["sources"]:
                excerpt = " ".join(document["text"][source["start"] : source["end"]].split())
                st.markdown(f"> {plain(excerpt)}")
                st.caption(f"characters {source['start']}–{source['end']} · match {source['score']:.0%}")
    st.markdown("**Source text**")
    st.caption("Highlights: where each summary sentence comes from, in its colour. Grey struck-through text is page "
               "chrome (menus, share buttons) left out of the summaries.")  # fmt: skip
    st.html(source_html(document["text"], document, selected))
    with st.expander("Language runs"):
        rows = [
            {
                "language": name(segment["lang"]),
                "characters": f"{segment['start']}–{segment['end']}",
                "ignored": segment.get("reason", "page chrome") if segment["boilerplate"] else "",
                "text": " ".join(segment["text"].split())[:160],
            }
            for segment in document["segments"]
        ]
        st.dataframe(rows, hide_index=True, width="stretch")


results: list[dict[str, Any]] = st.session_state.get(RESULTS_KEY, [])
if results:
    st.divider()
    heading, markdown_column, json_column = st.columns([4, 1.3, 1.3], vertical_alignment="bottom")
    heading.subheader("Results")
    readable = [result for result in results if "error" not in result]
    markdown_column.download_button(
        "⬇ Markdown", markdown_report(results), "saar-summaries.md", "text/markdown", disabled=not readable
    )
    json_column.download_button(
        "⬇ JSON", json_report(results), "saar-summaries.json", "application/json", disabled=not readable
    )
    containers = st.tabs([result["name"] for result in results]) if len(results) > 1 else [st.container()]
    for position, (container, result) in enumerate(zip(containers, results, strict=True)):
        with container:
            if len(results) == 1:
                st.markdown(f"### 📄 {plain(result['name'])}")
            _show_document(position, result)
