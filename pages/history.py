"""History: every summary of this session, newest first, to open again or download."""

from __future__ import annotations

import streamlit as st

from pages._views.document import downloads, short_title
from pages.common import CURRENT_KEY, history, plain, t, use_styles
from summarizers.text.language_names import name

use_styles()
st.title(t("history"))
batches = history()
if not batches:
    st.info("Nothing summarised yet in this session. Summaries you make are kept here until you close the page.")
for batch in reversed(batches):
    for index, document in enumerate(batch["documents"]):
        with st.container(border=True):
            st.markdown(f"**{plain(short_title(document, 90))}**")
            if "error" in document:
                st.caption(f"{plain(batch['created'])} · could not be summarised: {plain(document['error'])}")
                continue
            languages = ", ".join(name(summary["lang"]) for summary in document["summaries"]) or "no summary"
            settings = document.get("settings", {})
            st.caption(plain(f"{batch['created']} · {languages} · {settings.get('method_label', '')}"))
            for summary in document["summaries"]:
                st.markdown(f"*{name(summary['lang'])}:* {plain(' '.join(s['text'] for s in summary['sentences']))}")
            key = f"history-{batch['id']}-{index}"
            if st.button("Open", key=f"open-{key}", type="primary"):
                st.session_state[CURRENT_KEY] = batch["id"]
                st.switch_page("pages/summarize.py")
            downloads(document, key)
