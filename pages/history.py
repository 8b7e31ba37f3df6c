"""History: every summary of this session, newest first, to open again or download."""

from __future__ import annotations

import streamlit as st

from pages._views.document import downloads, short_title
from pages._views.wording import language_name
from pages.common import CURRENT_KEY, history, o, plain, t, ui_language, use_styles

use_styles()
ui = ui_language()
st.title(t("history"))
batches = history()
if not batches:
    st.info(t("history_empty"))
for batch in reversed(batches):
    for index, document in enumerate(batch["documents"]):
        with st.container(border=True):
            st.markdown(f"**{plain(short_title(document, 90))}**")
            if "error" in document:
                st.caption(plain(t("history_failed").format(created=batch["created"], error=document["error"])))
                continue
            languages = ", ".join(language_name(summary["lang"], ui) for summary in document["summaries"])
            settings = document.get("settings", {})
            # The method chosen for the run (what each summary really is, the Summarize page's captions say).
            method = o(settings["method"]) if settings.get("method") else settings.get("method_label", "")
            st.caption(plain(f"{batch['created']} · {languages or t('history_no_summary')} · {method}"))
            for summary in document["summaries"]:
                text = " ".join(sentence["text"] for sentence in summary["sentences"])
                st.markdown(f"*{language_name(summary['lang'], ui)}:* {plain(text)}")
            key = f"history-{batch['id']}-{index}"
            if st.button(t("history_open"), key=f"open-{key}", type="primary"):
                st.session_state[CURRENT_KEY] = batch["id"]
                st.switch_page("pages/summarize.py")
            downloads(document, key, ui)
