"""Summarize page: paste or upload articles and see their languages."""

from __future__ import annotations

import streamlit as st

from summarizers.documents import from_text
from summarizers.errors import DocumentError
from summarizers.language import analyse

st.title("Saar · सार")
st.caption("Bilingual English–Hindi news: languages, summaries and their sources.")

text = st.text_area("Article text", height=240, key="article_text", placeholder="Paste an English or Hindi article")
if st.button("Analyse", type="primary") and text:
    try:
        document = from_text(text)
    except DocumentError as error:
        st.error(error.reason)
    else:
        analysis = analyse(document.text)
        st.subheader(f"Language: {analysis.language}")
        for segment in analysis.segments:
            label = f"{segment.lang}" + (" · boilerplate" if segment.boilerplate else "")
            st.markdown(f"**{label}**")
            st.text(segment.text(document.text))
