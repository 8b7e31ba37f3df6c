"""History: the saved library of this browser (or signed-in account), newest first: search by words of the title or
text, filter by summary language and date, open, link, delete, export all; a page at a time. Where saving is off
(SAAR_DB=off) or the database cannot be reached, the summaries of this session, as before."""

from __future__ import annotations

from datetime import date

import streamlit as st

from pages._views.document import downloads, short_title
from pages._views.library_words import word
from pages._views.wording import error_text, language_name
from pages.common import (
    comparison_record,
    history,
    history_batches,
    o,
    plain,
    refresh_choices,
    reopen,
    summary_record,
    t,
    ui_language,
    use_styles,
)
from pages.saved import (
    NOTICE_KEY,
    export_file,
    owner,
    reopen_comparison,
    saving_enabled,
    share_controls,
    show_notice,
    signed_in,
    store,
)
from summarizers.errors import StorageError
from summarizers.schema import ComparisonRecord, DocumentRecord, SettingsJSON
from summarizers.storage import Query, Saved, Store
from summarizers.storage.store import PAGE_SIZE
from summarizers.text.language_names import SUMMARISED

PAGE_KEY = "library-page"  # which page of the library is shown (0 first); back to 0 when a filter changes
ANY_LANGUAGE = "any"  # a code, not None: a select box shows None as "nothing chosen", with a button to clear it
FILTER_KEYS = ("library-words", "library-language", "library-since", "library-until")


def length_and_form(settings: SettingsJSON) -> list[str]:
    """How long the summary was asked to be, and its form, so runs of one article can be told apart."""
    sentences, share = settings.get("sentences"), settings.get("share")
    asked, form = settings.get("length"), settings.get("form")
    if sentences:
        length = f"{sentences} {t('count')}"
    elif share:
        length = f"{share:.0%}"
    else:
        length = o(asked) if asked else ""
    return [length, o(form) if form else ""]


def describe(document: DocumentRecord, created: str, ui: str) -> None:
    """A document's title, when and how it was made, and its summaries' text."""
    st.markdown(f"**{plain(short_title(document, 90))}**")
    languages = ", ".join(language_name(summary["lang"], ui) for summary in document["summaries"])
    settings = document.get("settings")
    # The method chosen for the run (what each summary really is, the Summarize page's captions say).
    method = (o(settings["method"]) if settings.get("method") else settings.get("method_label", "")) if settings else ""
    how = length_and_form(settings) if settings else []
    parts = [created, languages or t("history_no_summary"), method, *how]
    st.caption(plain(" · ".join(part for part in parts if part)))
    for summary in document["summaries"]:
        text = " ".join(sentence["text"] for sentence in summary["sentences"])
        st.markdown(f"*{language_name(summary['lang'], ui)}:* {plain(text)}")


def open_in_summarize(batch_id: str, document: DocumentRecord) -> None:
    """Shows a document on the Summarize page, as it was made; a saved one joins this session's history to be
    shown there (it is in the library already: not saved again)."""
    batches = history_batches()
    if not any(batch["id"] == batch_id for batch in batches):
        batches.append({"id": batch_id, "created": document.get("created", ""), "documents": [document]})
    reopen(batch_id, document)
    st.switch_page("pages/summarize.py")


def session_history(ui: str) -> None:
    """This session's runs, newest first (no saved library)."""
    batches = history()
    if not batches:
        st.info(t("history_empty"))
    for batch in reversed(batches):
        for index, document in enumerate(batch["documents"]):
            with st.container(border=True):
                if "error" in document:
                    st.markdown(f"**{plain(short_title(document, 90))}**")
                    failed = t("history_failed").format(created=batch["created"], error=error_text(document, ui))
                    st.caption(plain(failed))
                    continue
                describe(document, batch["created"], ui)
                key = f"history-{batch['id']}-{index}"
                if st.button(t("history_open"), key=f"open-{key}", type="primary"):
                    open_in_summarize(batch["id"], document)
                downloads(document, key, ui)


def first_page() -> None:
    st.session_state[PAGE_KEY] = 0


def filters(ui: str) -> Query:
    """The search box, language and dates above the library; any change goes back to the first page."""
    refresh_choices(*FILTER_KEYS)  # after a switch of interface language the relabelled widgets keep their values
    words_column, language_column, since_column, until_column = st.columns(
        [3, 2, 1.3, 1.3], vertical_alignment="bottom"
    )
    words = words_column.text_input(
        word("search", ui), key=FILTER_KEYS[0], placeholder=word("search_placeholder", ui), on_change=first_page
    )
    language = language_column.selectbox(
        word("language_filter", ui),
        (ANY_LANGUAGE, *SUMMARISED),
        format_func=lambda code: word("any_language", ui) if code == ANY_LANGUAGE else language_name(code, ui),
        key=FILTER_KEYS[1],
        on_change=first_page,
    )
    since = since_column.date_input(word("since", ui), value=None, key=FILTER_KEYS[2], on_change=first_page)
    until = until_column.date_input(word("until", ui), value=None, key=FILTER_KEYS[3], on_change=first_page)
    page = int(st.session_state.get(PAGE_KEY, 0))
    return Query(
        words=words or "",
        language=None if language == ANY_LANGUAGE else language,
        since=since if isinstance(since, date) else None,
        until=until if isinstance(until, date) else None,
        offset=page * PAGE_SIZE,
        limit=PAGE_SIZE,
    )


def describe_comparison(document: ComparisonRecord, created: str, ui: str) -> None:
    """A saved comparison: its versions' titles, when, and the languages it was read in."""
    st.markdown(f"**⚖️ {plain(short_title(document, 90))}**")
    sides = document["comparison"].get("sides", [])
    languages = ", ".join(dict.fromkeys(language_name(side["language"], ui) for side in sides))
    st.caption(plain(" · ".join(part for part in (created, t("compare_title"), languages) if part)))


def entry_card(library: Store, who: str, saved: Saved, ui: str) -> None:
    comparison = saved.kind == "comparison"
    document = comparison_record(saved.document) if comparison else summary_record(saved.document)
    created = saved.created.strftime("%Y-%m-%d %H:%M UTC")
    with st.container(border=True):
        if "comparison" in document:
            describe_comparison(document, created, ui)
        else:
            describe(document, created, ui)
        key = f"saved-{saved.id}"
        row = st.container(horizontal=True, gap="small")
        if row.button(t("history_open"), key=f"open-{key}", type="primary"):
            if "comparison" in document:
                reopen_comparison(document)
                st.switch_page("pages/compare.py")
            else:
                open_in_summarize(f"saved-{saved.id}", document)
        if row.button(word("delete", ui), key=f"delete-{key}", icon="🗑️"):
            try:
                library.delete(who, saved.id)
                st.toast(word("deleted", ui).format(title=short_title(document, 60)))
            except StorageError as error:
                st.session_state[NOTICE_KEY] = error.code
            st.rerun()
        if "comparison" not in document:  # a summary's own downloads (a comparison is in the library's export)
            downloads(document, key, ui)
        share_controls(saved.id, saved.link, key, ui, kind=saved.kind)


def pager(total: int, ui: str) -> None:
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(int(st.session_state.get(PAGE_KEY, 0)), pages - 1)
    row = st.container(horizontal=True, gap="small", vertical_alignment="center")
    if row.button(word("previous", ui), key="library-previous", disabled=page == 0, icon="⬅️"):
        st.session_state[PAGE_KEY] = page - 1
        st.rerun()
    row.caption(word("page_of", ui).format(page=page + 1, pages=pages, total=total))
    if row.button(word("next", ui), key="library-next", disabled=page >= pages - 1, icon="➡️"):
        st.session_state[PAGE_KEY] = page + 1
        st.rerun()


def library_view(library: Store, ui: str) -> None:
    who = owner()
    if signed_in():
        st.caption(word("library_login", ui))
    query = filters(ui)
    try:
        page = library.page(who, query)
        if not page.entries and query.offset:  # the last page emptied by a delete: show the one before
            st.session_state[PAGE_KEY] = max(0, (page.total - 1) // PAGE_SIZE)
            st.rerun()
    except StorageError as error:
        st.session_state[NOTICE_KEY] = error.code
        show_notice(ui)
        session_history(ui)
        return
    searching = bool(query.words.strip() or query.language or query.since or query.until)
    if page.total:
        st.download_button(
            word("export", ui),
            export_file(library, who),
            "saar-library.jsonl",
            "application/jsonl",
            key="library-export",
            help=word("export_help", ui),
            icon="📤",
            on_click="ignore",
        )
    if not page.entries:
        st.info(word("nothing_found" if searching else "library_empty", ui))
        return
    for saved in page.entries:
        entry_card(library, who, saved, ui)
    pager(page.total, ui)


use_styles()
ui = ui_language()
st.title(t("history"))
library = store()
show_notice(ui)
if library is None:
    if not saving_enabled():
        st.caption(word("saving_off", ui))
    session_history(ui)
else:
    library_view(library, ui)
