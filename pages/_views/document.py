"""One summarised document on a page: title, downloads beside it, languages, summaries (one column per language
present), where each summary sentence comes from, the source text, and a collapsed Details section with everything
technical. Shared by the Summarize and History pages."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from pages._views.browser import copy_button_html
from pages._views.highlight import (
    SentenceRef,
    engine_label,
    language_label,
    runs_bar_html,
    runs_table_html,
    sentence_refs,
    source_html,
    source_lang,
    summary_html,
)
from pages._views.report import docx_report, escape_markdown, file_name, json_report, markdown_report
from pages._views.wording import (
    document_notices,
    error_text,
    label,
    language_name,
    model_text,
    option_label,
    summary_notices,
)
from summarizers.schema import ComparisonRecord, DocumentRecord, KeptRecord, SourceJSON, SummaryJSON
from summarizers.text.language_names import SUMMARISED

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _plain(text: str) -> str:
    return escape_markdown(text)


def sentence_case(text: str) -> str:
    """A message shown on its own, as a sentence: the library's reasons start in lower case ("the file is empty")
    because they follow a file's name on the command line. A letter whose capital is two letters (ß: "SS") stays
    as written, so nothing but the first letter ever changes."""
    capital = text[:1].upper()
    return (capital if len(capital) == 1 else text[:1]) + text[1:]


def markdown_with_code(text: str) -> str:
    """Text for Markdown with its `command` spans kept as code, the rest escaped: no literal backticks on the page."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: no code span to keep
        return _plain(text)
    return "".join(f"`{part}`" if index % 2 else _plain(part) for index, part in enumerate(parts))


def downloads(document: KeptRecord, key: str, ui: str = "en") -> None:
    """Markdown, Word and JSON of this one document, in a row under its title. A download changes nothing on the
    page, so it does not rerun it (`on_click="ignore"`): the page stays as it is, with no redraw after each file."""
    title = document.get("title") or document["name"]
    row = st.container(horizontal=True, gap="small")
    markdown, word, json_label = (label(f"download_{kind}", ui) for kind in ("markdown", "word", "json"))
    for text, data, extension, mime in (
        (markdown, markdown_report(document, ui), "md", "text/markdown"),
        (word, docx_report(document, ui), "docx", DOCX_TYPE),
        (json_label, json_report([document]), "json", "application/json"),
    ):
        row.download_button(text, data, file_name(title, extension), mime, key=f"{extension}-{key}", on_click="ignore")


def _summary_block(document: DocumentRecord, summary: SummaryJSON, selected: SentenceRef | None, ui: str) -> None:
    st.markdown(f"#### {language_label(document, summary['lang'], ui)}")
    st.caption(_plain(engine_label(summary, document, ui)))
    for notice in summary_notices(summary, ui):
        st.info(_plain(notice.plain), icon="ℹ️")
    if summary["sentences"]:
        form = document.get("settings", {}).get("form", "bullets")
        st.html(summary_html(document, summary, selected, form, ui))
        words = [label(key, ui) for key in ("copy_button", "copied", "copy_help")]
        st.html(copy_button_html(summary["text"], *words))


def _details(document: DocumentRecord, selected_sources: list[SourceJSON], ui: str = "en") -> None:
    with st.expander(label("details", ui)):
        for summary in document["summaries"]:
            method = option_label(summary["method"], ui) if summary["method"] else label("no_method", ui)
            engine = f"{method} · {model_text(summary['model'], ui)}"
            st.markdown(f"**{language_name(summary['lang'], ui)}**: {_plain(engine)}")
            for notice in summary_notices(summary, ui):
                st.caption(markdown_with_code(notice.details or notice.plain))
        for notice in document_notices(document, ui):
            st.caption(markdown_with_code(notice.details or notice.plain))
        for source in selected_sources:
            place = {"start": source["start"], "end": source["end"], "score": f"{source['score']:.0%}"}
            st.caption(label("picked_source", ui).format(**place))
        st.caption(label("language_runs", ui))
        # A table of our own, not st.dataframe: its toolbar ("Download as CSV", "Search") has no words but English.
        st.html(runs_table_html(document, ui))


def show_document(document: KeptRecord, key: str, ui: str = "en") -> None:
    title = document.get("title") or document["name"]
    st.markdown(f"### {_plain(title)}")
    where = document.get("source") or document["name"]
    when = document.get("created", "")
    st.caption(_plain(" · ".join(part for part in (where, when) if part)))
    if "error" in document:
        st.error(_plain(sentence_case(error_text(document, ui))), icon="🚫")
        return
    downloads(document, key, ui)
    shares = " · ".join(f"{language_name(lang, ui)} {share:.0%}" for lang, share in document["shares"].items())
    language = language_name(document["language"], ui)
    st.markdown(f"**{label('language_heading', ui)}:** {language}" + (f" ({shares})" if shares else ""))
    st.html(runs_bar_html(document, ui))
    for notice in document_notices(document, ui):
        st.info(_plain(notice.plain), icon="ℹ️")
    refs = sentence_refs(document)
    labels = [ref.mark(ui) for ref in refs]
    pick_key = f"pick-{key}"
    picked = st.session_state.get(pick_key)
    selected = refs[labels.index(picked)] if picked in labels else None
    order = {code: rank for rank, code in enumerate(SUMMARISED)}
    summaries = sorted(document["summaries"], key=lambda summary: order.get(source_lang(summary), len(order)))
    if summaries:
        # One column per language that has a summary: a Hindi-only story gets no empty English column.
        columns = st.columns(len(summaries), gap="large") if len(summaries) > 1 else [st.container()]
        for summary, column in zip(summaries, columns, strict=True):
            with column:
                _summary_block(document, summary, selected, ui)
    selected_sources: list[SourceJSON] = []
    if refs:
        st.pills(label("pick_sentence", ui), labels, key=pick_key, help=label("pick_help", ui))
        if selected is not None:
            summary = next(s for s in document["summaries"] if source_lang(s) == selected.lang)
            sentence = summary["sentences"][selected.index]
            selected_sources = sentence["sources"]
            if not selected_sources:
                st.caption(label("no_source", ui).format(sentence=selected.mark(ui)))
            for source in selected_sources:
                excerpt = " ".join(document["text"][source["start"] : source["end"]].split())
                st.markdown(f"> {_plain(excerpt)}")
    st.markdown(f"**{label('source_text', ui)}**")
    st.caption(label("source_caption", ui))
    st.html(source_html(document["text"], document, selected, ui))
    _details(document, selected_sources, ui)


def short_title(document: KeptRecord | ComparisonRecord, limit: int = 32) -> str:
    title = str(document.get("title") or document["name"])
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def show_documents(documents: Sequence[KeptRecord], key: str, ui: str = "en") -> None:
    """One document as it is; up to four in tabs; more through a select box (tabs that many are unreadable)."""
    if len(documents) == 1:
        show_document(documents[0], f"{key}-0", ui)
        return
    marks = ["🚫 " if "error" in document else "" for document in documents]
    if len(documents) <= 4:
        labels = [mark + short_title(document) for mark, document in zip(marks, documents, strict=True)]
        if len(set(labels)) < len(labels):  # the tab chosen is kept by its label: each must be its own
            labels = [f"{number}. {label}" for number, label in enumerate(labels, 1)]
        # Tracked (a rerun on a switch), so the chosen tab stays chosen when the page is redrawn, as it is after the
        # first click below a new result; untracked tabs went back to the first document then.
        tabs = st.tabs(labels, key=f"tabs-{key}", on_change="rerun")
        for index, (tab, document) in enumerate(zip(tabs, documents, strict=True)):
            with tab:
                show_document(document, f"{key}-{index}", ui)
        return
    index = st.selectbox(
        label("document_choice", ui).format(count=len(documents)),
        range(len(documents)),
        format_func=lambda i: f"{i + 1}. {marks[i]}{short_title(documents[i], 70)}",
        key=f"document-{key}",
        placeholder=label("choose", ui),
    )
    show_document(documents[index], f"{key}-{index}", ui)
