"""Summarize: paste, upload, give a link or pick articles; their languages, summaries side by side, and where each
sentence of a summary comes from."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from pages._views.browser import RESULTS_ANCHOR, page_scripts_html, scroll_into_view_html
from pages._views.document import show_documents
from pages._views.live import clear_stopped, show_stopped, take_stopped
from pages.common import (
    CURRENT_KEY,
    PICKED_SAMPLE_KEY,
    Origin,
    add_to_history,
    current_documents,
    history,
    keep,
    o,
    read_pasted,
    read_seed,
    refresh_choices,
    seed_paths,
    seed_title,
    summarize_with_status,
    summary_language_label,
    t,
    ui_language,
    unreadable,
    use_styles,
)
from pages.inputs import UPLOADER_KEY, Chosen, anything_given, keep_uploads, show_inputs, start_uploader
from pages.saved import current_link, save_unsaved, share_controls, show_notice
from summarizers.documents.isolated import read_bytes_isolated
from summarizers.documents.reading import Document
from summarizers.documents.url import fetch
from summarizers.engines.base import LENGTHS
from summarizers.errors import DocumentError
from summarizers.pipeline import FORMS, METHODS
from summarizers.schema import FailedRecord, SettingsJSON

UPLOAD_TYPES = ["txt", "md", "html", "htm", "pdf", "docx"]
INTO_CHOICES = ("same", "en", "hi")  # "same": each text's own language
LENGTH_CHOICES = (*LENGTHS, "sentences", "share")
SAMPLE_CLICKED_KEY = "sample_clicked"  # a sample button was pressed: this run summarises it

use_styles()
interrupted = take_stopped()  # a run stopped while writing: what it had written, and the documents it had finished
if interrupted is not None and interrupted["done"]:
    add_to_history(interrupted["done"], interrupted["settings"])
st.title(t("summarize_title"))
st.caption(t("summarize_caption"))

stores = {
    key: keep(key, default)
    for key, default in {
        "pasted_text": "",
        "link_url": "",
        "method": "auto",
        "length": "medium",
        "count": 3,
        "share": 20,
        "form": "bullets",
        "into": "same",
    }.items()
}

refresh_choices(*stores)

paste_tab, upload_tab, link_tab = st.tabs([t("paste_tab"), t("upload_tab"), t("link_tab")])
with paste_tab:
    st.text_area(
        t("paste_label"),
        key="pasted_text",
        height=180,
        placeholder=t("paste_placeholder"),
        on_change=stores["pasted_text"],
    )
with upload_tab:
    start_uploader()
    st.file_uploader(
        t("upload_label"),
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        help=t("upload_help"),
        key=UPLOADER_KEY,
        on_change=keep_uploads,
    )
with link_tab:
    st.text_input(
        t("link_label"), key="link_url", placeholder="https://www.example.com/news/story", on_change=stores["link_url"]
    )
    st.caption(t("link_caption"))

method_column, length_column, form_column = st.columns(3, vertical_alignment="top")
method = method_column.radio(
    t("method"),
    METHODS,
    format_func=o,
    key="method",
    on_change=stores["method"],
    help=t("method_help"),
)
with length_column:
    length = st.selectbox(
        t("length"), LENGTH_CHOICES, format_func=o, key="length", on_change=stores["length"], placeholder=t("choose")
    )
    if length == "sentences":
        st.number_input(t("count"), min_value=1, max_value=20, step=1, key="count", on_change=stores["count"])
    elif length == "share":
        st.slider(t("share"), min_value=5, max_value=100, step=5, key="share", on_change=stores["share"])
form = form_column.radio(t("form"), FORMS[::-1], format_func=o, key="form", on_change=stores["form"], horizontal=True)
st.selectbox(
    t("into"),
    INTO_CHOICES,
    format_func=summary_language_label,
    key="into",
    on_change=stores["into"],
    help=t("into_help"),
    placeholder=t("choose"),
)


def pick_sample(name: str) -> None:
    """A sample button's `on_click`: kept before the page runs, so the note under Summarize already names it."""
    st.session_state[PICKED_SAMPLE_KEY] = name
    st.session_state[SAMPLE_CLICKED_KEY] = True


def picked_sample() -> Path | None:
    name = st.session_state.get(PICKED_SAMPLE_KEY)
    return next((path for path in seed_paths() if path.name == name), None)


sample = picked_sample()
chosen = show_inputs(st.session_state["pasted_text"], st.session_state["link_url"])
given = bool(chosen)
submitted = st.button(t("summarize_button"), type="primary")
if sample is not None and not given:
    st.caption(t("sample_again").format(title=seed_title(sample)))
stop_slot = st.empty()  # the Stop button, while a summary is being written

st.markdown(f"**{t('samples')}**")
with st.container(horizontal=True, gap="small"):
    for index, path in enumerate(seed_paths()):
        st.button(seed_title(path), key=f"sample-{index}", on_click=pick_sample, args=(path.name,))


def current_settings() -> SettingsJSON:
    """What the controls say now: a sample picked below them is summarised with these too."""
    length = st.session_state["length"]
    return {
        "method": st.session_state["method"],
        "length": length if length in LENGTHS else "medium",
        "sentences": int(st.session_state["count"]) if length == "sentences" else None,
        "share": st.session_state["share"] / 100 if length == "share" else None,
        "form": st.session_state["form"],
        "into": None if st.session_state["into"] == "same" else st.session_state["into"],
    }


def collect_inputs(chosen: Chosen) -> tuple[list[Document | FailedRecord], dict[str, Origin]]:
    """Each input in order, a document or an error entry (the others go on), and what is known of each beyond its
    text (title, source link, date) by document name."""
    inputs: list[Document | FailedRecord] = []
    pasted_name = t("pasted_name")
    extra: dict[str, Origin] = {}
    pasted, link = chosen.pasted, chosen.link
    if pasted.strip():
        inputs.append(read_pasted(pasted, pasted_name, ui_language()))
    for upload in chosen.uploads:
        try:
            # A worker process with a time and memory cap: a hostile upload costs it, never this server thread.
            inputs.append(read_bytes_isolated(upload.data, upload.name))
            extra[upload.name] = {"source": upload.name}
        except DocumentError as error:
            inputs.append(unreadable(upload.name, error))
    if link.strip():
        with st.spinner(t("link_fetching")):
            try:
                page = fetch(link)
            except DocumentError as error:
                inputs.append(unreadable(link.strip(), error))
            else:
                inputs.append(page.document)
                origin: Origin = {"source": page.url} if page.url else {}
                if page.title:
                    origin["title"] = page.title
                if page.date:
                    origin["published"] = page.date
                extra[page.document.name] = origin
    return inputs, extra


def run(inputs: list[Document | FailedRecord], extra: dict[str, Origin]) -> None:
    settings = current_settings()
    clear_stopped()
    if settings["method"] != "extractive":  # key sentences appear at once: nothing to stop
        stop_slot.button(t("stop"), key="stop-writing", icon="⏹️", help=t("stop_help"))
    documents = summarize_with_status(inputs, settings, extra)
    stop_slot.empty()
    add_to_history(documents, settings)


def run_sample(path: Path) -> None:
    run([read_seed(path)], {path.name: {"source": path.name}})


ran = False  # this run summarised: its result is brought into view
if submitted:
    documents, extra = collect_inputs(chosen)
    if documents:
        st.session_state.pop(PICKED_SAMPLE_KEY, None)  # what was given replaces the sample
        run(documents, extra)
        ran = True
    elif sample is not None:
        run_sample(sample)  # a sample picked before: summarised again with the settings changed since
        ran = True
    else:
        given_but_unticked = anything_given(st.session_state["pasted_text"], st.session_state["link_url"])
        st.warning(t("nothing_ticked") if given_but_unticked else t("nothing"))
elif st.session_state.pop(SAMPLE_CLICKED_KEY, False) and sample is not None:
    run_sample(sample)
    ran = True

show_stopped(ui_language())
shown = current_documents()
if shown:
    st.divider()
    st.subheader(t("results"), anchor=RESULTS_ANCHOR)
    show_documents(shown, str(st.session_state[CURRENT_KEY]), ui_language())
    if ran:
        st.html(scroll_into_view_html(str(st.session_state[CURRENT_KEY])), unsafe_allow_javascript=True)
save_unsaved(history())  # after the result is drawn: saving never delays it
show_notice(ui_language())
for entry_id in (document["entry_id"] for document in shown if "entry_id" in document):
    share_controls(entry_id, current_link(entry_id), f"summary-{entry_id}", ui_language())
st.html(page_scripts_html(), unsafe_allow_javascript=True)
