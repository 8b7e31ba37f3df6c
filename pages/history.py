"""History: every summary of this session, newest first, to open again or download."""

from __future__ import annotations

from typing import Any

import streamlit as st

from pages._views.document import downloads, short_title
from pages._views.wording import language_name
from pages.common import history, o, plain, reopen, t, ui_language, use_styles


def length_and_form(settings: dict[str, Any]) -> list[str]:
    """How long the summary was asked to be, and its form, so runs of one article can be told apart."""
    if settings.get("sentences"):
        length = f"{settings['sentences']} {t('count')}"
    elif settings.get("share"):
        length = f"{settings['share']:.0%}"
    else:
        length = o(settings["length"]) if settings.get("length") else ""
    return [length, o(settings["form"]) if settings.get("form") else ""]


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
            parts = [batch["created"], languages or t("history_no_summary"), method, *length_and_form(settings)]
            st.caption(plain(" · ".join(part for part in parts if part)))
            for summary in document["summaries"]:
                text = " ".join(sentence["text"] for sentence in summary["sentences"])
                st.markdown(f"*{language_name(summary['lang'], ui)}:* {plain(text)}")
            key = f"history-{batch['id']}-{index}"
            if st.button(t("history_open"), key=f"open-{key}", type="primary"):
                reopen(batch["id"], document)
                st.switch_page("pages/summarize.py")
            downloads(document, key, ui)
