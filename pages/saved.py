"""The pages' way to the saved library: the store SAAR_DB names (one per server process), whose work this browser
is (its identity), saving each run after its result is shown, and links to saved summaries and comparisons. Not a
page itself.

Identity: where the deployment has a login (`st.login`, OpenID) and the reader is signed in, saved work belongs to
the account (its provider's issuer and subject) and follows it to any browser. Otherwise each browser gets a random
key (256 bits) in a cookie, made on its first visit (pages/identity.py); its History is what that key saved. The
database holds only a hash of either, so a copy of it gives no one a way to act as a reader."""

from __future__ import annotations

import hashlib
import json
import secrets
import tempfile
from collections.abc import Callable
from typing import BinaryIO, cast
from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from pages._views.library_words import storage_notice, word
from pages._views.report import escape_markdown
from pages._views.wording import label
from pages.identity import COOKIE, COOKIE_DAYS, new_key, valid_key
from summarizers import settings
from summarizers.errors import StorageError
from summarizers.schema import BatchRecord, ComparisonJSON, ComparisonRecord
from summarizers.storage import Store, database_url, open_store

BROWSER_KEY = "saved:browser"  # this session's browser key
NEW_COOKIE_KEY = "saved:new_cookie"  # the key still to be written into the browser's cookie
UNSAVED_KEY = "saved:unsaved"  # ids of history batches not yet saved
NOTICE_KEY = "saved:notice"  # the code of the last saving failure, shown once
UNSAVED_COMPARISON_KEY = "saved:unsaved_comparison"  # a comparison made in this run, to be saved once shown
COMPARISON_ENTRY_KEY = "saved:comparison_entry"  # the library id of the comparison the Compare page shows, once saved
# The Compare page's session keys (pages/compare.py): its result, each side's text, the language it is read in.
COMPARISON_KEY, TEXTS_KEY, READER_KEY = "comparison", "comparison_texts", "comparison_reader"
LINK_PARAMETER = "link"
PAGE_PATHS = {"summarize", "history", "compare", "models", "link"}  # the app's page addresses, trimmed from links


@st.cache_resource(show_spinner=False)
def _store(setting: str) -> Store | None:
    return open_store(setting)


def store() -> Store | None:
    """The saved library, or None when saving is off or the database cannot be opened (the reason is kept for
    `show_notice`; the next run tries again, so a disk that comes back is used again)."""
    try:
        return _store(settings.database())
    except StorageError as error:
        st.session_state[NOTICE_KEY] = error.code
        return None


def saving_enabled() -> bool:
    return database_url() is not None


def _login_subject() -> str | None:
    """The signed-in account: its provider's issuer and its subject there (OpenID Connect promises a subject unique
    within its issuer only, so two providers' accounts never share a library)."""
    try:
        if not st.user.is_logged_in:
            return None
        subject = st.user.get("sub")
        issuer = st.user.get("iss") or st.user.get("provider")
    except (AttributeError, KeyError):  # no [auth] section: the deployment has no login
        return None
    return f"{issuer} {subject}" if subject else None


def login_configured() -> bool:
    """Whether the deployment has a login: an [auth] section in .streamlit/secrets.toml (README)."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, KeyError):  # no secrets file at all
        return False


def account_controls(ui: str) -> None:
    """Sign in and out, in the sidebar, where the deployment has a login; nothing otherwise."""
    if not login_configured():
        return
    if signed_in():
        st.sidebar.caption(word("signed_in_as", ui).format(name=_account_name()))
        st.sidebar.button(word("sign_out", ui), on_click=st.logout, key="sign-out")
    else:
        st.sidebar.button(word("sign_in", ui), on_click=st.login, key="sign-in", help=word("sign_in_help", ui))


def _account_name() -> str:
    """The signed-in account's name as the provider gives it (the reader's own words, so shown as text: a caption
    renders Markdown, and "$" would start a formula)."""
    name = str(st.user.get("name") or st.user.get("email") or "")
    return escape_markdown(name).replace("$", "\\$")


def signed_in() -> bool:
    return _login_subject() is not None


def owner() -> str:
    """Whose work this session's is: the signed-in account, else this browser (module docstring)."""
    subject = _login_subject()
    if subject is not None:
        return "user:" + hashlib.sha256(subject.encode("utf-8")).hexdigest()
    return "browser:" + hashlib.sha256(browser_key().encode("ascii")).hexdigest()


def browser_key() -> str:
    """This browser's key: from its cookie, or new (and to be written by `remember_browser`)."""
    key = st.session_state.get(BROWSER_KEY)
    if key is None:
        sent = st.context.cookies.get(COOKIE)
        if valid_key(sent):
            key = sent
        else:
            key = new_key()
            st.session_state[NEW_COOKIE_KEY] = key
        st.session_state[BROWSER_KEY] = key
    return str(key)


def remember_browser() -> None:
    """Writes a new browser key into the browser's cookie (on every run of the session that made it: a run cut short
    by a rerun may never have reached the browser). Served by `serve.py`, the server has set it already (HttpOnly,
    pages/identity.py) and this never writes; served by `streamlit run app.py`, a script in the page does, so that
    cookie is not HttpOnly. SameSite=Strict: Streamlit reads it from its WebSocket, which the page itself opens. The
    key is ours (URL-safe letters), never user text."""
    browser_key()
    key = st.session_state.get(NEW_COOKIE_KEY)
    if key is None:
        return
    cookie = json.dumps(f"{COOKIE}={key}; path=/; max-age={COOKIE_DAYS * 86400}; samesite=strict")
    script = f"<script>document.cookie = {cookie} + (location.protocol === 'https:' ? '; secure' : '');</script>"
    with st.sidebar:
        st.html(script, unsafe_allow_javascript=True, width="content")


def mark_unsaved(batch_id: str) -> None:
    """A run's batch, kept in the session's history, to be saved once its result is on the page."""
    st.session_state.setdefault(UNSAVED_KEY, []).append(batch_id)


def save_unsaved(batches: list[BatchRecord]) -> None:
    """Saves the batches marked unsaved (called after the result is drawn, so saving never delays it). Each saved
    document gets its "entry_id". A failure leaves the session's history as it is and is shown as a notice."""
    pending = st.session_state.pop(UNSAVED_KEY, [])
    library = store() if pending else None
    if library is None:
        return
    who = owner()
    for batch in batches:
        if batch["id"] not in pending:
            continue
        readable = [document for document in batch["documents"] if "error" not in document]
        try:
            ids = library.save(who, batch["id"], readable)
        except StorageError as error:
            st.session_state[NOTICE_KEY] = error.code
            return
        for document, entry_id in zip(readable, ids, strict=True):
            document["entry_id"] = entry_id


def mark_comparison_unsaved() -> None:
    st.session_state[UNSAVED_COMPARISON_KEY] = True
    st.session_state.pop(COMPARISON_ENTRY_KEY, None)  # a new comparison: the one shown before had its own entry


def save_comparison() -> None:
    """Saves the comparison the Compare page has just drawn (called after it is shown), with the texts and the
    reading language it needs to be drawn again."""
    if not st.session_state.pop(UNSAVED_COMPARISON_KEY, False):
        return
    library = store()
    comparison: ComparisonJSON | None = st.session_state.get(COMPARISON_KEY)
    if library is None or not comparison:
        return
    texts = list(st.session_state.get(TEXTS_KEY, []))
    # A side's title ends with its label when it is a language run of one document ("Story · English"): the story's
    # title alone, once, names such a comparison.
    titles = [
        str(side.get("title") or "").removesuffix(f" · {side.get('label')}") or str(side.get("label") or "")
        for side in comparison.get("sides", [])
    ]
    unique_titles = list(dict.fromkeys(title for title in titles if title))
    record: ComparisonRecord = {
        "name": " ⇄ ".join(unique_titles),
        "title": " ⇄ ".join(unique_titles),
        "text": "\n\n".join(texts),
        "comparison": comparison,
        "texts": texts,
        "reader": st.session_state.get(READER_KEY),
    }
    try:
        [entry_id] = library.save(owner(), secrets.token_hex(6), [record], kind="comparison")
    except StorageError as error:
        st.session_state[NOTICE_KEY] = error.code
        return
    st.session_state[COMPARISON_ENTRY_KEY] = entry_id


def comparison_entry() -> int | None:
    """The library id of the comparison on the Compare page: saved from this session, or reopened from History."""
    entry_id = st.session_state.get(COMPARISON_ENTRY_KEY)
    return entry_id if isinstance(entry_id, int) else None


def reopen_comparison(document: ComparisonRecord) -> None:
    """Puts a saved comparison back where the Compare page draws it from, with its entry (for its link)."""
    st.session_state[COMPARISON_KEY] = document["comparison"]
    st.session_state[TEXTS_KEY] = document.get("texts", [])
    st.session_state[READER_KEY] = document.get("reader")
    st.session_state.pop(UNSAVED_COMPARISON_KEY, None)  # in the library already: not saved again
    st.session_state[COMPARISON_ENTRY_KEY] = document.get("entry_id")


def show_notice(ui: str) -> None:
    """The last saving failure, in plain words, once."""
    code = st.session_state.pop(NOTICE_KEY, None)
    if code is not None:
        st.warning(storage_notice(str(code), ui), icon="💾")


def link_url(token: str) -> str:
    """The address that opens a saved summary or comparison read-only: this app's address with `?link=TOKEN`."""
    here = urlsplit(st.context.url or "http://localhost:8501/")
    parts = [part for part in here.path.split("/") if part]
    if parts and parts[-1] in PAGE_PATHS:
        parts.pop()
    path = "/" + "/".join(parts) + ("/" if parts else "")
    return urlunsplit((here.scheme, here.netloc, path, f"{LINK_PARAMETER}={token}", ""))


def export_file(library: Store, who: str) -> Callable[[], BinaryIO]:
    """The deferred download of a whole library as JSONL: written to a spooled file when asked for, so a huge
    library is never held in memory as one string."""

    def write() -> BinaryIO:
        # Left open on purpose: Streamlit reads the file it is handed and closes it.
        spooled = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
        for line in library.export(who):
            spooled.write((json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))
        spooled.seek(0)
        # A binary-mode spooled file is a binary file; typeshed types it as IO[bytes], which download_button refuses.
        return cast(BinaryIO, spooled)

    return write


def share_word(key: str, kind: str, ui: str) -> str:
    """A link control's words for what the entry is: a summary (the library's words) or a comparison (the
    interface catalog's, `comparison_*`)."""
    return label(f"comparison_{key}", ui) if kind == "comparison" else word(key, ui)


def share_controls(entry_id: int | None, token: str | None, key: str, ui: str, kind: str = "summary") -> None:
    """ "Link to this summary" (or "comparison": `kind`) for a saved entry; once made, the link to copy and a button
    that revokes it. Only the maker sees these (the entry is looked up under their identity)."""
    library = store()
    if library is None or entry_id is None:
        return
    who = owner()
    if token is None:
        if st.button(share_word("share", kind, ui), key=f"share-{key}", icon="🔗"):
            try:
                library.share(who, entry_id)
            except StorageError as error:
                st.session_state[NOTICE_KEY] = error.code
            st.rerun()
        return
    st.caption(share_word("share_caption", kind, ui))
    st.code(link_url(token), language=None, wrap_lines=True)
    if st.button(word("revoke", ui), key=f"revoke-{key}", icon="⛔"):
        try:
            library.revoke(who, entry_id)
        except StorageError as error:
            st.session_state[NOTICE_KEY] = error.code
        st.toast(share_word("revoked", kind, ui))
        st.rerun()


def current_link(entry_id: int | None) -> str | None:
    """The token of a saved entry's link, when its maker has made one."""
    library = store()
    if library is None or entry_id is None:
        return None
    try:
        saved = library.entry(owner(), entry_id)
    except StorageError as error:
        st.session_state[NOTICE_KEY] = error.code
        return None
    return None if saved is None else saved.link
