"""A summary opened from a link: read-only, in any browser. Nothing is added to the reader's History unless they
keep a copy. A wrong, revoked or malformed link says so plainly."""

from __future__ import annotations

import streamlit as st

from pages._views.document import show_document
from pages._views.library_words import word
from pages.common import summary_record, ui_language, use_styles
from pages.saved import LINK_PARAMETER, NOTICE_KEY, owner, show_notice, store
from summarizers.errors import StorageError

use_styles()
ui = ui_language()
st.title(word("shared_title", ui))
token = st.query_params.get(LINK_PARAMETER, "")
library = store()
try:
    opened = None if library is None else library.shared(token)
    if opened is not None and opened.kind != "summary":  # only summaries have a read-only view so far
        opened = None
except StorageError as error:
    st.session_state[NOTICE_KEY] = error.code
    opened = None
show_notice(ui)
if library is None or opened is None:
    st.error(word("bad_link", ui), icon="🔗")
    st.caption(word("bad_link_help", ui))
else:
    st.caption(word("shared_caption", ui))
    kept_key = f"kept-{token}"
    if st.session_state.get(kept_key):
        st.success(word("kept", ui), icon="✅")
    elif st.button(word("keep_copy", ui), icon="📥"):
        try:
            st.session_state[kept_key] = library.keep_copy(owner(), token) is not None
        except StorageError as error:
            st.session_state[NOTICE_KEY] = error.code
        st.rerun()
    document = summary_record({key: value for key, value in opened.document.items() if key != "entry_id"})
    show_document(document, f"shared-{opened.id}", ui)
