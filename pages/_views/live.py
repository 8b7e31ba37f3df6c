"""A summary drawn while it is written, and what is left of it when the reader stops it.

The library tells each language's summary as it goes (`summarizers.engines.streaming`): the parts of a long text and
their words, then the complete summary before it is checked against its sources. This view draws them under the
progress box; the full document view replaces it once everything is checked.

Stop is a button that reruns the page. Streamlit stops a running script at its next drawing call when a rerun is
asked for, so the rerun interrupts the listener below; the engine's generator closes, which stops the generation
thread (transformers) or CTranslate2's decoding. What had been written is kept in the session as it is drawn
(`WRITING_KEY`), so the rerun finds it and shows it as stopped: never as a finished summary, never in History.
"""

from __future__ import annotations

import html
from typing import NotRequired, TypedDict

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from pages._views.highlight import SentenceRef, engine_caption, language_label
from pages._views.report import escape_markdown
from pages._views.wording import label
from summarizers.engines.streaming import Event, Part, Words, Written
from summarizers.schema import KeptRecord, SettingsJSON

WRITING_KEY = "writing"  # the summary being written: kept as it is drawn, so a stop leaves it behind
STOPPED_KEY = "stopped"  # what a stopped run had written, shown until the next run
CURSOR = " ▍"


class PartKept(TypedDict):
    """Which part of a long text is being written: its round (1: the text's parts; later: their summaries combined)."""

    round: int
    index: int
    total: int


class LanguageKept(TypedDict):
    """One language's summary as far as it was written: kept as data, not words, so a stopped summary is shown
    again in the interface language of the moment."""

    text: str
    part: PartKept | None
    method: NotRequired[str]  # set once the engine is known
    model: NotRequired[str]
    complete: NotRequired[bool]  # the whole summary was written (it was being checked)


class Stopped(TypedDict):
    """What a stopped run had written (`STOPPED_KEY`)."""

    title: str
    languages: dict[str, LanguageKept]


class Writing(Stopped):
    """The run being written (`WRITING_KEY`): with the run's documents finished before it (`done`) and its settings."""

    done: list[KeptRecord]
    settings: SettingsJSON


def _list_html(lang: str, sentences: tuple[str, ...], form: str, ui: str = "en") -> str:
    """The complete summary, marked up as the document view marks it (its sentence labels), not yet checked."""
    refs = [SentenceRef(lang, index) for index in range(len(sentences))]
    if form == "paragraph":
        spans = "".join(
            f'<span data-sentence="{ref.label.replace(" ", "-")}">{html.escape(sentence)}</span> '
            for ref, sentence in zip(refs, sentences, strict=True)
        )
        return f'<p class="saar-paragraph" lang="{html.escape(lang)}">{spans}</p>'
    items = "".join(
        f'<li data-sentence="{ref.label.replace(" ", "-")}"><small>{ref.mark(ui)}</small> {html.escape(sentence)}</li>'
        for ref, sentence in zip(refs, sentences, strict=True)
    )
    return f'<ul class="saar-summary" lang="{html.escape(lang)}">{items}</ul>'


class LiveDocument:
    """Draws one document's summaries as the library tells them, and keeps what is written in the session."""

    def __init__(
        self,
        slot: DeltaGenerator,
        title: str,
        form: str,
        done: list[KeptRecord],
        settings: SettingsJSON,
        ui: str = "en",
    ) -> None:
        self.container = slot.container()
        self.form = form
        self.ui = ui
        self.blocks: dict[str, tuple[DeltaGenerator, DeltaGenerator]] = {}
        # `done`: the run's documents summarised before this one, kept (with its settings) if this one is stopped.
        self.record: Writing = {"title": title, "languages": {}, "done": done, "settings": settings}
        st.session_state[WRITING_KEY] = self.record
        with self.container:
            st.markdown(f"**{escape_markdown(title)}**")

    def _block(self, lang: str) -> tuple[DeltaGenerator, DeltaGenerator]:
        if lang not in self.blocks:
            with self.container:
                st.markdown(f"#### {language_label(None, lang, self.ui)}")
                self.blocks[lang] = (st.empty(), st.empty())
        return self.blocks[lang]

    def __call__(self, lang: str, event: Event) -> None:
        caption, body = self._block(lang)
        # Kept as data, not words: a stopped summary is shown again in the interface language of the moment.
        kept = self.record["languages"].setdefault(lang, {"text": "", "part": None})
        if isinstance(event, Part):
            kept["method"], kept["model"], kept["text"] = "abstractive", event.model, ""
            kept["part"] = None if event.final else {"round": event.round, "index": event.index, "total": event.total}
            caption.caption(escape_markdown(_caption(lang, kept, self.ui)))
            body.markdown(CURSOR)
        elif isinstance(event, Words):
            kept["text"] += event.text
            body.markdown(escape_markdown(kept["text"]) + CURSOR)
        elif isinstance(event, Written):
            kept["method"], kept["model"], kept["text"] = event.method, event.model, " ".join(event.sentences)
            kept["part"], kept["complete"] = None, True
            checking = label("live_checking", self.ui)
            caption.caption(escape_markdown(f"{_caption(lang, kept, self.ui)} · {checking}"))
            body.html(_list_html(lang, event.sentences, self.form, self.ui))

    def close(self) -> None:
        """The document is summarised: nothing is left to stop."""
        st.session_state.pop(WRITING_KEY, None)


def _caption(lang: str, kept: LanguageKept, ui: str) -> str:
    """ "Hindi · Abstractive · model", and the part being written while a long text is summarised in parts."""
    if "model" not in kept:
        return language_label(None, lang, ui)
    caption = engine_caption(lang, lang, kept.get("method"), kept["model"], ui=ui)
    part = kept.get("part")
    if part:
        key = "live_part" if part["round"] == 1 else "live_combining"
        caption += " · " + label(key, ui).format(index=part["index"], total=part["total"])
    return caption


def take_stopped() -> Writing | None:
    """A run that ended while a summary was being written (Stop, or any other rerun) leaves what it had written; it
    is returned once, with the run's documents finished before it (`done`) and the run's `settings`."""
    writing: Writing | None = st.session_state.pop(WRITING_KEY, None)
    if writing is not None:
        st.session_state[STOPPED_KEY] = {"title": writing["title"], "languages": writing["languages"]}
    return writing


def clear_stopped() -> None:
    st.session_state.pop(STOPPED_KEY, None)


def show_stopped(ui: str = "en") -> None:
    stopped: Stopped | None = st.session_state.get(STOPPED_KEY)
    if not stopped:
        return
    st.markdown(f"### {escape_markdown(stopped['title'])}")
    st.warning(label("stopped_warning", ui), icon="⏹️")
    for lang, kept in stopped["languages"].items():
        st.markdown(f"#### {language_label(None, lang, ui)}")
        state = label("live_complete" if kept.get("complete") else "live_stopped", ui)
        st.caption(escape_markdown(f"{_caption(lang, kept, ui)} · {state}"))
        text = escape_markdown(kept["text"].strip())
        if not text:
            st.markdown(f"_{label('live_nothing', ui)}_")
        else:
            st.markdown(f"> {text}" + ("" if kept.get("complete") else " …"))
