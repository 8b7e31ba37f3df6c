"""What Summarize is about to read, kept and shown: uploads outlive a trip to another page, and every input given
(pasted text, each file, a link) is listed above the button with a tick, so none is read by surprise. Not a page
itself (app.py lists the pages)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

import streamlit as st

from pages.common import keep, plain, t

UPLOADER_KEY = "uploader"
# {file id: {"name", "data"}}, in upload order. Streamlit's uploader forgets its files when the reader opens another
# page; their bytes are kept here, and Summarize reads them from here.
KEPT_UPLOADS_KEY = "kept_uploads"
IN_UPLOADER_KEY = "uploads_in_uploader"  # ids the uploader lists now: a file gone from it was removed there
TICK_PREFIX = "use:"  # a tick per input, kept across pages as the other choices are


class KeptUpload(TypedDict):
    name: str
    data: bytes


@dataclass(frozen=True)
class Upload:
    file_id: str
    name: str
    data: bytes


@dataclass(frozen=True)
class Chosen:
    """The inputs ticked: what Summarize reads, in this order."""

    pasted: str
    uploads: list[Upload]
    link: str

    def __bool__(self) -> bool:
        return bool(self.pasted.strip() or self.uploads or self.link.strip())


def _kept() -> dict[str, KeptUpload]:
    kept: dict[str, KeptUpload] = st.session_state.setdefault(KEPT_UPLOADS_KEY, {})
    return kept


def keep_uploads() -> None:
    """The uploader's `on_change`: new files are kept; a file the reader removed in the uploader goes."""
    files = st.session_state.get(UPLOADER_KEY) or []
    listed = {file.file_id for file in files}
    kept = _kept()
    for removed in set(st.session_state.get(IN_UPLOADER_KEY, [])) - listed:
        kept.pop(removed, None)
    for file in files:
        kept.setdefault(file.file_id, {"name": file.name, "data": file.getvalue()})
    st.session_state[IN_UPLOADER_KEY] = sorted(listed)


def remove_upload(file_id: str) -> None:
    _kept().pop(file_id, None)


def start_uploader() -> None:
    """Before the uploader is drawn: one drawn anew (after another page) lists nothing, whatever is kept."""
    if UPLOADER_KEY not in st.session_state:
        st.session_state[IN_UPLOADER_KEY] = []


def _size(data: bytes) -> str:
    if len(data) >= 1_000_000:
        return t("bytes_mb").format(size=len(data) / 1e6)
    return t("bytes_kb").format(size=max(len(data) / 1e3, 0.1))


def _tick(key: str, text: str) -> bool:
    tick_key = TICK_PREFIX + key
    store = keep(tick_key, True)
    return bool(st.checkbox(text, key=tick_key, on_change=store))


def anything_given(pasted: str, link: str) -> bool:
    return bool(pasted.strip() or link.strip() or _kept())


def show_inputs(pasted: str, link: str) -> Chosen:
    """Lists every input given, each with a tick (on by default), and returns those ticked. A kept file the
    uploader no longer lists (after another page) has its own Remove button."""
    if not anything_given(pasted, link):
        return Chosen("", [], "")
    kept = _kept()
    in_uploader = set(st.session_state.get(IN_UPLOADER_KEY, []))
    uploads: list[Upload] = []
    with st.container(border=True, key="saar-inputs"):
        st.markdown(f"**{t('inputs_heading')}**", help=t("inputs_help"))
        use_pasted = pasted.strip() and _tick("pasted", t("input_pasted").format(count=len(pasted.strip())))
        for file_id, upload in list(kept.items()):
            row = st.container(horizontal=True, vertical_alignment="center", gap="small")
            with row:
                text = t("input_file").format(name=plain(upload["name"]), size=_size(upload["data"]))
                if _tick(f"file:{file_id}", text):
                    uploads.append(Upload(file_id, upload["name"], upload["data"]))
                if file_id not in in_uploader:
                    st.button(
                        t("remove_file"),
                        key=f"remove:{file_id}",
                        on_click=remove_upload,
                        args=(file_id,),
                        help=t("remove_file_help").format(name=plain(upload["name"])),
                        type="tertiary",
                    )
        use_link = link.strip() and _tick("link", t("input_link").format(url=plain(link.strip())))
    return Chosen(pasted if use_pasted else "", uploads, link if use_link else "")
