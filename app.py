"""Saar: the Streamlit entry point. A router only; each page lives in pages/."""

import streamlit as st

from pages.common import (
    KEPT_PREFIX,
    LANGUAGE_CHANGED_KEY,
    UI_LANGUAGE_KEY,
    keep,
    language_switched,
    refresh_choices,
    t,
    ui_language,
    use_styles,
)
from pages.language import keep_language, remembered_language
from pages.saved import LINK_PARAMETER, account_controls, remember_browser

st.set_page_config(page_title="Saar · सार", page_icon="📰", layout="wide")

use_styles()  # on every page: the contrast fix and the source and summary styles
if KEPT_PREFIX + UI_LANGUAGE_KEY not in st.session_state:  # a new session: a reload, a bookmark, an opened link
    st.session_state[KEPT_PREFIX + UI_LANGUAGE_KEY] = remembered_language()
keep(UI_LANGUAGE_KEY, "en")
refresh_choices(UI_LANGUAGE_KEY)  # its label has just changed language
st.sidebar.radio(
    t("interface"),
    ("en", "hi"),
    format_func={"en": "English", "hi": "हिन्दी"}.__getitem__,
    key=UI_LANGUAGE_KEY,
    on_change=language_switched,
    horizontal=True,
)
keep_language(ui_language())  # in the address and this browser's cookie, for the next visit
remember_browser()  # this browser's identity for the saved library (a cookie, written on the first visit)
shared = LINK_PARAMETER in st.query_params  # a link to a saved summary opens it read-only, first
pages = [
    # Each page's address is its own, so a bookmark or a reload opens that page (Summarize is at "/").
    st.Page("pages/summarize.py", title=t("summarize_title"), icon="📝", default=not shared),
    st.Page("pages/history.py", title=t("history"), icon="🕘", url_path="history"),
    st.Page("pages/compare.py", title=t("compare_title"), icon="⚖️", url_path="compare"),
    st.Page("pages/models.py", title=t("models_title"), icon="🧠", url_path="models"),
]
if shared:
    # Named for either kind of entry: which one the link opens is known only once the page looks it up.
    pages.insert(0, st.Page("pages/shared.py", title=t("link_page"), icon="🔗", url_path="link", default=True))
navigation = st.navigation(pages)
account_controls(str(st.session_state.get(UI_LANGUAGE_KEY, "en")))  # where the deployment has a login (README)
st.sidebar.markdown(t("sidebar_tagline"))
navigation.run()
st.session_state[LANGUAGE_CHANGED_KEY] = False
