"""A saved summary or comparison opened from a link: read-only, in any browser, drawn by the same views as the
Summarize and Compare pages (a comparison with its differences first), with no control that changes it. Nothing is
added to the reader's History unless they keep a copy. A wrong, revoked or malformed link says so plainly."""

from __future__ import annotations

from typing import Any

import streamlit as st

from pages._views.comparison import show_comparison
from pages._views.document import show_document
from pages._views.library_words import word
from pages._views.report import escape_markdown
from pages._views.wording import label
from pages.common import comparison_record, summary_record, ui_language, use_styles
from pages.saved import LINK_PARAMETER, NOTICE_KEY, owner, show_notice, store
from summarizers.errors import StorageError
from summarizers.storage import Saved

VIEWABLE = ("summary", "comparison")  # the kinds of entry a link shows


def opened_entry(token: str) -> Saved | None:
    """What the link opens, or None (no library, a bad token, or a kind this page cannot show)."""
    library = store()
    if library is None:
        return None
    try:
        opened = library.shared(token)
    except StorageError as error:
        st.session_state[NOTICE_KEY] = error.code
        return None
    if opened is None or opened.kind not in VIEWABLE:
        return None
    if opened.kind == "comparison" and not _whole_comparison(opened.document):
        return None  # a record this version cannot draw reads as a link that opens nothing, never as a traceback
    return opened


def _whole_comparison(document: dict[str, Any]) -> bool:
    comparison = document.get("comparison")
    return isinstance(comparison, dict) and len(comparison.get("sides", [])) == 2


def keep_copy_control(token: str, ui: str) -> None:
    """ "Keep a copy in my History": the only thing the reader may do, and only on asking."""
    kept_key = f"kept-{token}"
    if st.session_state.get(kept_key):
        st.success(word("kept", ui), icon="✅")
        return
    library = store()
    if library is not None and st.button(word("keep_copy", ui), icon="📥"):
        try:
            st.session_state[kept_key] = library.keep_copy(owner(), token) is not None
        except StorageError as error:
            st.session_state[NOTICE_KEY] = error.code
        st.rerun()


def show_shared_comparison(opened: Saved, ui: str) -> None:
    document = comparison_record(opened.document)
    st.markdown(f"**⚖️ {escape_markdown(document.get('title') or document.get('name') or '')}**")
    st.divider()
    show_comparison(document["comparison"], list(document.get("texts", [])), document.get("reader"), ui)


use_styles()
ui = ui_language()
token = st.query_params.get(LINK_PARAMETER, "")
opened = opened_entry(token)
comparison = opened is not None and opened.kind == "comparison"
st.title(label("comparison_shared_title", ui) if comparison else word("shared_title", ui))
show_notice(ui)
if opened is None:
    st.error(word("bad_link", ui), icon="🔗")
    st.caption(word("bad_link_help", ui))
else:
    st.caption(word("shared_caption", ui))
    keep_copy_control(token, ui)
    if comparison:
        show_shared_comparison(opened, ui)
    else:
        document = summary_record({key: value for key, value in opened.document.items() if key != "entry_id"})
        show_document(document, f"shared-{opened.id}", ui)
