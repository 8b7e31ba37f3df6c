"""What the pages share: cached models, the sample articles, choices and work kept for the session (outside widget
keys, which Streamlit clears on a page switch), the history of summaries, summarising with progress. Not a page
itself (app.py lists the pages)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypedDict, cast

import streamlit as st

from pages._views.browser import copy_scripts_html
from pages._views.highlight import STYLE
from pages._views.live import LiveDocument
from pages._views.report import escape_markdown
from pages._views.wording import document_title, label, language_name, option_label, progress_writer, section
from pages.saved import mark_unsaved
from summarizers.documents.reading import Document, from_text, read_bytes, read_path
from summarizers.errors import DocumentError, SummarizerError
from summarizers.pipeline import Options, summarize
from summarizers.schema import (
    BatchRecord,
    ComparisonRecord,
    DocumentRecord,
    FailedRecord,
    KeptRecord,
    SettingsJSON,
    coded_reason,
    document_record,
    message_json,
)

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"
# The samples' names, English and Hindi, from the catalogs' `[samples]` table (the buttons follow its order).
SEED_TITLES = dict(section("samples", "en"))
SEED_TITLES_HI = dict(section("samples", "hi"))
OVERRIDES_KEY = "model_overrides"  # {lang: hub id or local directory}, chosen on the Models page
KEPT_PREFIX = "kept:"  # a widget's value copied here survives page switches, which clear widget keys
HISTORY_KEY = "history"  # [batch], newest last: every summarising run of this session
CURRENT_KEY = "current_batch"  # id of the batch the Summarize page shows
HISTORY_LIMIT = 30  # batches kept; each holds its documents' text, so the session stays a few MB at most
PICKED_SAMPLE_KEY = "picked_sample"  # the sample last picked: Summarize runs it again while nothing else is given
UI_LANGUAGE_KEY = "ui_language"
LANGUAGE_CHANGED_KEY = "ui_language_changed"  # set by the language switch, cleared once the page has run
METHOD_LABELS = {"auto": "Auto", "abstractive": "Abstractive", "extractive": "Extractive"}
_LINKS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_TAG = re.compile(r"<[A-Za-z!/?][^<>]{0,400}>")
_BLOCK_TAG = re.compile(r"<(p|div|br|li|h[1-6]|article|section|blockquote|td)\b[^<>]*>", re.IGNORECASE)
MIN_ARTICLE_LETTERS = 40
MIN_BLOCK_TAGS = 2
LENGTH_LABELS = {"short": "Short", "medium": "Medium", "long": "Long"}
# The summary language a reader can choose: None keeps each text's own language.
SUMMARY_LANGUAGES: tuple[str | None, ...] = (None, "en", "hi")


class Origin(TypedDict, total=False):
    """What is known of an input beyond its text: where it came from, and a fetched page's title and date."""

    source: str
    title: str
    published: str


def _route_through_the_app() -> None:
    """A server whose first visitor opens a page's own address (`/history`, a bookmark) would run that page alone,
    under the menu Streamlit builds from the `pages/` folder ("app, common, compare…"), and keep doing so for every
    session: Streamlit decides once per server, before any `st.navigation` call, that a folder named `pages` means
    the old folder-of-pages layout. This module is imported on that first run, whatever page it serves, so here
    that decision is undone and the run starts again through `app.py`, its menu and its language switch; the page
    asked for is kept (its address names it)."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if PagesManager.uses_pages_directory and get_script_run_ctx() is not None:
        PagesManager.uses_pages_directory = False
        st.rerun()


_route_through_the_app()


def seed_paths() -> list[Path]:
    known = [SEEDS_DIR / filename for filename in SEED_TITLES if (SEEDS_DIR / filename).is_file()]
    others = sorted(path for path in SEEDS_DIR.glob("*") if path.is_file() and path not in known)
    return known + others


def seed_title(path: Path) -> str:
    """A sample's name on its button, in the interface language."""
    return section("samples", ui_language()).get(path.name, path.stem.replace("_", " "))


def read_seed(path: Path) -> Document:
    return replace(read_path(path), name=path.name)


def model_overrides() -> dict[str, str]:
    return dict(st.session_state.get(OVERRIDES_KEY, {}))


def use_styles() -> None:
    st.html(STYLE)
    st.html(copy_scripts_html(), unsafe_allow_javascript=True)


def plain(text: str) -> str:
    """User text shown through Markdown-rendering widgets, as text."""
    return escape_markdown(text)


def ui_language() -> str:
    return str(st.session_state.get(KEPT_PREFIX + UI_LANGUAGE_KEY, "en"))


def t(key: str) -> str:
    """An interface label in the reader's chosen language."""
    return label(key, ui_language())


def o(key: str) -> str:
    """An option's label (method, length, form) in the reader's chosen language."""
    return option_label(key, ui_language())


def language_switched() -> None:
    """The interface language's `on_change`: the page about to run re-sets its choices (see `refresh_choices`)."""
    st.session_state[KEPT_PREFIX + UI_LANGUAGE_KEY] = st.session_state[UI_LANGUAGE_KEY]
    st.session_state[LANGUAGE_CHANGED_KEY] = True


def refresh_choices(*keys: str) -> None:
    """After a switch of interface language, set these widgets to the values they hold, through the session state.
    A widget whose label changed is a new widget to Streamlit, which would start at its default (the pasted text
    gone, the language switched back at the next click); and a radio or select box maps its value back from the
    option label the browser shows, which is no option any more once the labels change language (the value would
    be "Auto" instead of "auto")."""
    if not st.session_state.get(LANGUAGE_CHANGED_KEY):
        return
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def keep(key: str, default: object) -> Callable[[], None]:
    """Restores a widget's value kept from an earlier page, and returns the `on_change` that keeps it again."""
    if key not in st.session_state:
        st.session_state[key] = st.session_state.get(KEPT_PREFIX + key, default)

    def store() -> None:
        st.session_state[KEPT_PREFIX + key] = st.session_state[key]

    store()
    return store


def junk_reason(text: str, ui: str = "en") -> str | None:
    """Why a text is not an article (a link, only links, or a page's HTML source), or None when it may be one."""
    links = _LINKS.findall(text)
    without_links = _LINKS.sub(" ", text)
    if links and _letters(without_links) < MIN_ARTICLE_LETTERS:
        return label("junk_link" if len(links) == 1 else "junk_links", ui)
    if is_page_source(text):
        return label("junk_html", ui)
    return None


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def is_page_source(text: str) -> bool:
    """A web page's HTML source (a doctype or <html> first, or mostly tags), not an article's text."""
    tags = sum(len(match) for match in _TAG.findall(text))
    return tags > 0.25 * len(text.strip()) or text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))


def read_pasted(text: str, name: str, ui: str = "en") -> Document | FailedRecord:
    """Pasted text as a document, or an error entry. A page's HTML source and paragraphs copied with their tags are
    read as HTML: the article's text, headed by the page's <title> (the reader's `Document.title`), never by
    "<!doctype html>"."""
    try:
        if not (is_page_source(text) or is_markup(text)):
            return from_text(text, name)
        document = replace(read_bytes(text.encode("utf-8"), "pasted.html"), name=name)
    except DocumentError as error:
        return unreadable(name, error)
    if _letters(document.text) < MIN_ARTICLE_LETTERS:
        return {"name": name, "title": document.title or name, "error": label("junk_html", ui)}
    return document


def unreadable(name: str, error: SummarizerError, title: str | None = None) -> FailedRecord:
    """An input that could not be read or summarised, as the session keeps it: its reason in English ("error", what
    an export shows) and, where the library codes it (a reading or a model error, a setting it cannot honour, a
    summary stopped while written), its code and values ("error_code"), which the page words in the reader's
    language (`wording.error_text`)."""
    reason = coded_reason(error)
    if reason is not None:
        return {"name": name, "title": title or name, "error": str(reason), "error_code": message_json(reason)}
    said = error.reason if isinstance(error, DocumentError) else error  # a reason given as plain text stays as it is
    return {"name": name, "title": title or name, "error": str(said)}


def summary_language_label(choice: str) -> str:
    """The Summarize page's summary language choices: "same" (each text's own language), "en" or "hi"."""
    return t("into_same") if choice == "same" else language_name(choice, ui_language())


def is_markup(text: str) -> bool:
    """Text copied with its paragraph tags: read as HTML, or the tags' ends ('">') would stay in the sentences."""
    return len(_BLOCK_TAG.findall(text)) >= MIN_BLOCK_TAGS


def with_origin(record: DocumentRecord, origin: Origin) -> DocumentRecord:
    """The record with what is known of its input (its source, a page's title and date) added."""
    if "source" in origin:
        record["source"] = origin["source"]
    if "title" in origin:
        record["title"] = origin["title"]
    if "published" in origin:
        record["published"] = origin["published"]
    return record


def summarize_with_status(
    inputs: list[Document | FailedRecord], settings: SettingsJSON, extra: dict[str, Origin]
) -> list[KeptRecord]:
    """Summarise each readable input under an `st.status`; inputs that could not be read (error entries) count in the
    closing line, so it never says all went well when one failed."""
    results: list[KeptRecord] = []
    total = len(inputs)
    ui = ui_language()
    documents = t("document_one" if total == 1 else "document_many")
    # Abstractive without weights falls back to key sentences, as Auto does, and says so; the summary stays
    # labelled Extractive (the library's "abstractive" method alone gives no summary when no model can run).
    method = "auto" if settings["method"] == "abstractive" else settings["method"]
    status = st.status(t("status_running").format(count=total, documents=documents), expanded=True)
    live_slot = st.empty()  # each summary drawn here as it is written, until the full view below replaces it
    with status:
        for item in inputs:
            if isinstance(item, dict):
                results.append(item)
                continue
            document = item
            known = extra.get(document.name, {}).get("title") or document.title  # a page's or a file's own title
            title = known or document_title(document.text, document.name)
            reason = junk_reason(document.text, ui)
            if reason is not None:
                # Headed by its name ("Pasted text", the file's): its first line is a link or a tag, not a headline.
                refused = extra.get(document.name, {}).get("title") or document.title or document.name
                results.append({"name": document.name, "title": refused, "error": reason})
                continue
            status.write(f"**{plain(title)}**")
            live = LiveDocument(live_slot, title, settings["form"], results, settings, ui)
            try:
                options = Options(
                    method,
                    settings["length"],
                    model_overrides(),
                    progress=progress_writer(status.write, ui),
                    into=settings.get("into"),
                    sentences=settings.get("sentences"),
                    share=settings.get("share"),
                    form=settings["form"],
                    listen=live,
                )
                result = summarize(document, options)
            except SummarizerError as error:
                live.close()
                results.append(unreadable(document.name, error, title))
                continue
            # Closed only when the summary is done: a run interrupted mid-way (Stop) leaves what was written behind.
            live.close()
            results.append(with_origin(document_record(document, result, title), extra.get(document.name, {})))
        failed = sum("error" in result for result in results)
        done = t("status_done").format(done=total - failed, count=total, documents=documents)
        if failed:
            done += t("status_failed").format(failed=failed)
        status.update(label=done, state="error" if failed else "complete", expanded=False)
    live_slot.empty()
    return results


def with_labels(settings: SettingsJSON) -> SettingsJSON:
    """The settings with their choices as labelled now, kept beside them."""
    sentences, share = settings.get("sentences"), settings.get("share")
    if sentences:
        length = f"{sentences} sentences"
    elif share:
        length = f"{share:.0%} of the article"
    else:
        length = option_label(settings["length"])
    return {
        **settings,
        "method_label": METHOD_LABELS[settings["method"]],
        "length_label": length,
        "form_label": option_label(settings["form"]),
    }


def add_to_history(documents: list[KeptRecord], settings: SettingsJSON) -> str:
    """Keeps a run's documents in the session's history and makes it the one shown; returns its id."""
    created = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    batch_id = uuid.uuid4().hex[:12]
    labelled = with_labels(settings)
    for document in documents:
        document.setdefault("created", created)
        document.setdefault("source", document["name"])
        document["settings"] = {**labelled}  # each document its own copy, as each is saved on its own
    history = history_batches()
    history.append({"id": batch_id, "created": created, "documents": documents})
    del history[:-HISTORY_LIMIT]
    st.session_state[CURRENT_KEY] = batch_id
    mark_unsaved(batch_id)  # saved to the library once the page has drawn it (pages.saved.save_unsaved)
    return batch_id


def reopen(batch_id: str, document: KeptRecord) -> None:
    """Shows a batch of the history on the Summarize page with the settings it was made with, so the form above
    it says how it was made; a sample's summary makes that sample the one Summarize runs again."""
    settings = document.get("settings", {})
    sentences, share = settings.get("sentences"), settings.get("share")
    length = "sentences" if sentences else "share" if share else settings.get("length")
    values: dict[str, object] = {
        "method": settings.get("method"),
        "length": length,
        "count": sentences,
        "share": round(share * 100) if share else None,
        "form": settings.get("form"),
        "into": (settings.get("into") or "same") if settings else None,  # None: no settings kept, the form stays
    }
    for key, value in values.items():
        if value is not None:
            st.session_state[key] = st.session_state[KEPT_PREFIX + key] = value
    if document.get("source") in {path.name for path in seed_paths()}:
        st.session_state[PICKED_SAMPLE_KEY] = document["source"]
    else:
        st.session_state.pop(PICKED_SAMPLE_KEY, None)
    st.session_state[CURRENT_KEY] = batch_id


def history_batches() -> list[BatchRecord]:
    """The session's history itself (newest last), to add to: the one place its session value is read as records."""
    batches: list[BatchRecord] = st.session_state.setdefault(HISTORY_KEY, [])
    return batches


def history() -> list[BatchRecord]:
    return list(st.session_state.get(HISTORY_KEY, []))


def current_documents() -> list[KeptRecord]:
    batch_id = st.session_state.get(CURRENT_KEY)
    return next((batch["documents"] for batch in history() if batch["id"] == batch_id), [])


# The saved library keeps any JSON record and hands each back as plain values; what the pages saved there is one of
# the schema's records, so the pages read it as one, here and nowhere else.


def summary_record(document: dict[str, Any]) -> DocumentRecord:
    """A saved summary's document (`Saved.document` of kind "summary") as the record the pages saved."""
    return cast(DocumentRecord, document)


def comparison_record(document: dict[str, Any]) -> ComparisonRecord:
    """A saved comparison's document (`Saved.document` of kind "comparison") as the record the Compare page saved."""
    return cast(ComparisonRecord, document)
