"""Saar's server: `streamlit run serve.py` serves the app (app.py) with the browser's identity cookie set by the
server itself, HttpOnly (pages/identity.py). `streamlit run app.py` serves the same app, the cookie then written by
a script in the page (not HttpOnly)."""

import streamlit as st
from starlette.middleware import Middleware

from pages.identity import BrowserCookie

app = st.App("app.py", middleware=[Middleware(BrowserCookie)])
