"""Saar's server: `streamlit run serve.py` serves the app (app.py) with the browser's identity cookie set by the server
itself, HttpOnly (pages/identity.py). `streamlit run app.py` serves the same app, the cookie then written by a script
in the page (not HttpOnly)."""

import streamlit as st
from starlette.middleware import Middleware
from streamlit.runtime.pages_manager import PagesManager

from pages.identity import BrowserCookie

# The app's pages are st.navigation's (app.py). Left undecided, Streamlit would choose its old folder-of-pages layout
# for the whole server at its first session, because a folder named `pages` lies beside app.py; then a first visitor
# at a page's own address runs that page alone, and pages/common.py can only undo it after the fact, by a rerun that
# races with other sessions starting at the same moment (browsers reconnecting to a restarted server). Decided here,
# before any session exists, it never happens.
PagesManager.uses_pages_directory = False

app = st.App("app.py", middleware=[Middleware(BrowserCookie)])
