"""Saar: the Streamlit entry point. A router only; each page lives in pages/."""

import streamlit as st

st.set_page_config(page_title="Saar · सार", page_icon="📰", layout="wide")

navigation = st.navigation(
    [
        st.Page("pages/summarize.py", title="Summarize", icon="📝", default=True),
        st.Page("pages/compare.py", title="Compare versions", icon="⚖️"),
        st.Page("pages/models.py", title="Models", icon="🧠"),
    ]
)
st.sidebar.markdown("**Saar · सार**: the gist of English and Hindi news.")
navigation.run()
