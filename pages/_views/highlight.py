"""HTML views of a summarised document: the source with its highlights, and the summary sentences.

Works on the JSON-shaped result (`summarizers.schema.ResultJSON`), the form the app keeps in its session. Every
piece of user or model text goes through `html.escape`, so an article containing `<script>` shows those characters
and runs nothing. Offsets are code points into the document text, as everywhere else.
"""

from __future__ import annotations

import html
import itertools
from collections import Counter
from dataclasses import dataclass

from pages._views.wording import LABELS, ignored_reason, label, language_name, option_label, reasons, short_model
from summarizers.schema import ResultJSON, SentenceJSON, SummaryJSON

# Light enough to read black text on, distinct enough to tell apart side by side; twelve, so that the English and
# Hindi summaries of a story (usually up to six sentences each) share no colour.
PALETTE = (
    "#ffe08a", "#a7e3ff", "#c7f0b4", "#ffc2d1", "#d9c8ff", "#ffd3a8",
    "#b8f2e6", "#f5c6f0", "#d4f08a", "#ffb3a7", "#e0d2b4", "#c9d6ff",
)  # fmt: skip

STYLE = """
<style>
/* Streamlit's caption grey reads below the WCAG AA contrast on white: the text colour, slightly faded, reads above. */
[data-testid="stCaptionContainer"] { color: inherit !important; opacity: 0.78; }
.saar-source { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.7; height: min(34rem, 60vh);
  min-height: 8rem; overflow-y: auto; resize: vertical; padding: 0.75rem 1rem;
  border: 1px solid rgba(128,128,128,0.35); border-radius: 0.5rem; font-size: 0.95rem; }
.saar-source.saar-fits { height: auto; max-height: min(34rem, 60vh); }
.saar-summary li, .saar-paragraph { overflow-wrap: anywhere; }
.saar-paragraph span { border-bottom: 0.2rem solid; line-height: 1.9; }
.saar-source mark { color: inherit; border-radius: 0.2rem; padding: 0.05rem 0; }
/* The other sources fade their colour, not their text: faded text would read below the contrast a reader needs. */
.saar-source mark.saar-dim { background: color-mix(in srgb, var(--saar-colour) 35%, transparent) !important; }
/* A picked sentence's source is quoted below the picker: Streamlit's faded quotes read below AA too. */
[data-testid="stMarkdownContainer"] blockquote { opacity: 0.85 !important; }
.saar-source mark.saar-selected { outline: 2px solid #d9480f; }
/* The mark a link just led to stands out from the other marks. */
.saar-source mark:target { outline: 3px solid #d9480f; outline-offset: 1px; }
.saar-source .saar-start { display: inline-block; width: 0; height: 1em; scroll-initial-target: nearest;
  scroll-snap-align: start; position: relative; top: -3.4em; }  /* opens two lines above: context, and the outline */
.saar-boilerplate { color: #6b6b6b; text-decoration: line-through rgba(138,138,138,0.5); }
.saar-summary { list-style: none; padding-left: 0; margin: 0; }
.saar-summary li { border-left: 0.4rem solid; padding: 0.25rem 0.6rem; margin-bottom: 0.45rem; }
.saar-flag { color: #b02525; font-size: 0.85rem; display: block; }
.saar-unchecked { color: #666666; font-size: 0.85rem; display: block; }
.saar-place { display: block; }
.saar-runs { max-height: 22rem; overflow: auto; border: 1px solid rgba(128,128,128,0.35); border-radius: 0.5rem; }
.saar-runs table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
.saar-runs th, .saar-runs td { text-align: left; vertical-align: top; padding: 0.3rem 0.6rem;
  border-bottom: 1px solid rgba(128,128,128,0.2); }
.saar-runs th { position: sticky; top: 0; background: #ffffff; }
.saar-runs td:nth-child(2) { white-space: nowrap; }
/* Streamlit's own running corner ("Running…", "Stop") says in English what the page's progress box and Stop button
   say in the reader's language. */
[data-testid="stStatusWidget"] { display: none; }
</style>
"""


def source_lang(summary: SummaryJSON) -> str:
    """The language of the text a summary summarises (its column); a cross-language summary is written in another."""
    return summary.get("source_lang", summary["lang"])  # absent from results kept before 1.3


@dataclass(frozen=True)
class SentenceRef:
    """One summary sentence of a document: the summary of which language's text, and its position there."""

    lang: str
    index: int

    @property
    def label(self) -> str:
        """Its stable name ("EN 1"), the same in every interface language (the page's anchors use it)."""
        return f"{self.lang.upper()} {self.index + 1}"

    def mark(self, ui: str = "en") -> str:
        """Its name as a reader sees it, in the interface language ("EN 1", "अं 1")."""
        key = f"mark_{self.lang}"
        language = label(key, ui) if key in LABELS["en"] else self.lang.upper()
        return label("sentence_mark", ui).format(language=language, number=self.index + 1)


def sentence_refs(document: ResultJSON) -> list[SentenceRef]:
    return [
        SentenceRef(source_lang(summary), index)
        for summary in document.get("summaries", [])
        for index, _ in enumerate(summary["sentences"])
    ]


def colours(document: ResultJSON) -> dict[SentenceRef, str]:
    """One colour per summary sentence, the same in the summary list and the source highlights."""
    return {ref: PALETTE[index % len(PALETTE)] for index, ref in enumerate(sentence_refs(document))}


def _sentence(document: ResultJSON, ref: SentenceRef) -> SentenceJSON:
    summary = next(summary for summary in document["summaries"] if source_lang(summary) == ref.lang)
    return summary["sentences"][ref.index]


def _grey_spans(document: ResultJSON, ui: str = "en") -> list[tuple[int, int, str]]:
    spans = []
    for segment in document.get("segments", []):
        if segment["boilerplate"]:
            spans.append((segment["start"], segment["end"], ignored_reason(segment.get("reason"), ui)))
        spans.extend(
            (noise["start"], noise["end"], ignored_reason(noise["reason"], ui)) for noise in segment.get("noise", [])
        )
    return spans


def source_html(text: str, document: ResultJSON, selected: SentenceRef | None = None, ui: str = "en") -> str:
    """The document text with each summary sentence's sources marked in its colour and page chrome greyed.

    With a sentence selected, its sources are outlined and the others dimmed, and the box opens scrolled to the first
    of them (an empty anchor box there is the box's initial scroll target: CSS only, as no script runs in the page's
    HTML); each mark's tooltip names the summary sentences it supports (the way back from source to summary).
    """
    palette = colours(document)
    marks: list[tuple[int, int, SentenceRef]] = []
    for ref in sentence_refs(document):
        for source in _sentence(document, ref)["sources"]:
            marks.append((source["start"], source["end"], ref))
    greys = _grey_spans(document, ui)
    cuts = sorted({0, len(text)} | {p for s, e, _ in marks for p in (s, e)} | {p for s, e, _ in greys for p in (s, e)})
    pieces = []
    anchored = False
    for start, end in itertools.pairwise(cuts):
        if start >= end or start >= len(text):
            continue
        chunk = html.escape(text[start:end])
        covering = [ref for s, e, ref in marks if s <= start and end <= e]
        grey = next((reason for s, e, reason in greys if s <= start and end <= e), None)
        if grey is not None:
            ignored = html.escape(label("ignored", ui).format(reason=grey))
            chunk = f'<span class="saar-boilerplate" title="{ignored}">{chunk}</span>'
        if covering:
            chunk = _mark(palette, covering, selected, chunk, ui)
            if selected in covering and not anchored:
                chunk = f'<span class="saar-start" aria-hidden="true"></span>{chunk}'
                anchored = True
        pieces.append(chunk)
    fits = " saar-fits" if len(text) < 1_500 else ""  # a short text gets a box its own height, not a fixed one
    return (
        f'<div class="saar-source{fits}" data-testid="saar-source" tabindex="0" role="region" '
        f'aria-label="{html.escape(label("source_text", ui))}">{"".join(pieces)}</div>'
    )


def _mark(
    palette: dict[SentenceRef, str],
    covering: list[SentenceRef],
    selected: SentenceRef | None,
    chunk: str,
    ui: str = "en",
) -> str:
    shown = selected if selected in covering else covering[0]
    classes = ["saar-hl"]
    if selected is not None:
        classes.append("saar-selected" if selected in covering else "saar-dim")
    refs = " ".join(ref.label.replace(" ", "-") for ref in covering)
    title = html.escape(label("supports", ui).format(sentences=", ".join(ref.mark(ui) for ref in covering)))
    return (
        f'<mark class="{" ".join(classes)}" data-sentences="{refs}" title="{title}" '
        f'style="--saar-colour:{palette[shown]};background:{palette[shown]}">{chunk}</mark>'
    )


def summary_html(
    document: ResultJSON,
    summary: SummaryJSON,
    selected: SentenceRef | None = None,
    form: str = "bullets",
    ui: str = "en",
) -> str:
    """A language's summary as a list (or one paragraph), each sentence in the colour of its highlights, flagged when
    unsupported."""
    palette = colours(document)
    items = []
    for index, sentence in enumerate(summary["sentences"]):
        ref = SentenceRef(source_lang(summary), index)
        flag = ""
        if not sentence.get("checked", True):
            flag = f'<span class="saar-unchecked">{html.escape(label("not_checked", ui))}</span>'
        elif not sentence["supported"]:
            where = "स्रोत" if ui == "hi" else "the source"
            flag = f'<span class="saar-flag">⚠ {html.escape(flag_text(sentence, where, ui))}</span>'
        weight = "font-weight:600;" if ref == selected else ""
        if form == "paragraph":
            items.append(
                f'<span data-sentence="{ref.label.replace(" ", "-")}" style="border-color:{palette[ref]};{weight}">'
                f"{html.escape(sentence['text'])}</span>{flag} "
            )
            continue
        items.append(
            f'<li data-sentence="{ref.label.replace(" ", "-")}" '
            f'style="border-color:{palette[ref]};{weight}">'
            f"<small>{ref.mark(ui)}</small> {html.escape(sentence['text'])}{flag}</li>"
        )
    if not items:
        return ""
    checked_by = ""
    if summary.get("checker"):
        checked_by = f'<small class="saar-unchecked">{html.escape(checker_label(summary["checker"], ui))}</small>'
    lang = html.escape(summary["lang"])
    if form == "paragraph":
        return f'<p class="saar-paragraph" lang="{lang}">{"".join(items)}</p>{checked_by}'
    return f'<ul class="saar-summary" lang="{lang}">{"".join(items)}</ul>{checked_by}'


def flag_text(sentence: SentenceJSON, where: str = "the source", ui: str = "en") -> str:
    """A flagged sentence as a reader sees it: what could not be found, with the checker's score. Never "false": an
    overlap checker cannot tell a paraphrase from an invention, only say what it did not find. `where` is the place
    the sentence was sought, as the interface language puts it before a postposition ("दूसरे संस्करण")."""
    said = reasons(sentence, ui) or [
        label("flag_missing", ui).format(item=item, where=where) for item in sentence.get("missing", [])
    ]
    if said:
        text = label("flag_reasons", ui).format(where=where, reasons="; ".join(said))
    else:
        text = label("flag_unsupported", ui).format(where=where)
    if sentence.get("score") is not None:
        text += label("flag_score", ui).format(score=sentence["score"])
    return text


def checker_label(checker: str, ui: str = "en") -> str:
    """ "Checked by: offline checker (word overlap, calibrated)" or the NLI model that judged."""
    if checker in ("offline", "exact"):
        return label(f"checker_{checker}", ui)
    if checker.startswith("nli:"):
        return label("checker_nli", ui).format(model=checker.removeprefix("nli:"))
    return label("checker_other", ui).format(checker=checker)


def language_label(document: ResultJSON | None, lang: str, ui: str = "en") -> str:
    """ "Hindi", or "Hindi (Roman script)" when most of the document's Hindi is written in Latin letters."""
    letters_by_script: Counter[str | None] = Counter()
    for segment in document.get("segments", []) if document is not None else []:
        if segment["lang"] == lang and not segment["boilerplate"]:
            letters_by_script[segment.get("script")] += segment["end"] - segment["start"]
    romanised = lang == "hi" and letters_by_script and letters_by_script.most_common(1)[0][0] == "Latn"
    named = language_name(lang, ui)
    return label("roman_script", ui).format(language=named) if romanised else named


def engine_label(summary: SummaryJSON, document: ResultJSON | None = None, ui: str = "en") -> str:
    """ "Hindi · Abstractive · csebuetnlp/..." or "Hindi · Extractive · saar-extractive": never one for the other. A
    summary in another language than its text says both ("English summary of the Hindi text")."""
    method, model = summary.get("method"), summary.get("model")
    return engine_caption(summary["lang"], source_lang(summary), method, model, document, ui)


def engine_caption(
    lang: str, source: str, method: str | None, model: str | None, document: ResultJSON | None = None, ui: str = "en"
) -> str:
    """`engine_label` of a summary in `lang` of a text in `source`, by `method` and `model` (also for one being
    written, before it is a summary)."""
    language = language_label(document, lang, ui)
    if source != lang:
        source_label = language_label(document, source, ui)
        language = label("summary_of", ui).format(language=language_name(lang, ui), source=source_label)
    shown = option_label(method, ui) if method in ("abstractive", "extractive") else label("no_method", ui)
    return f"{language} · {shown} · {short_model(model, ui)}"


def runs_table_html(document: ResultJSON, ui: str = "en") -> str:
    """The document's language runs as a table (Details): language, characters, why ignored, and the run's opening
    words (the text's own, marked as such)."""
    headings = "".join(
        f'<th scope="col">{html.escape(label(f"runs_{column}", ui))}</th>'
        for column in ("language", "characters", "ignored", "text")
    )
    rows = []
    for segment in document.get("segments", []):
        ignored = ignored_reason(segment.get("reason"), ui) if segment["boilerplate"] else ""
        opening = " ".join(segment["text"].split())[:160]
        rows.append(
            f"<tr><td>{html.escape(language_name(segment['lang'], ui))}</td>"
            f"<td>{segment['start']}–{segment['end']}</td><td>{html.escape(ignored)}</td>"
            f'<td class="saar-run-text" lang="{html.escape(segment["lang"])}">{html.escape(opening)}</td></tr>'
        )
    return (
        f'<div class="saar-runs" tabindex="0" role="region" aria-label="{html.escape(label("language_runs", ui))}">'
        f"<table><thead><tr>{headings}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


LANGUAGE_COLOURS = {"en": "#4c6ef5", "hi": "#f08c00"}
OTHER_COLOUR = "#868e96"


def runs_bar_html(document: ResultJSON, ui: str = "en") -> str:
    """A thin bar of the document's language runs in reading order, page chrome hatched."""
    total = max(1, sum(segment["end"] - segment["start"] for segment in document.get("segments", [])))
    blocks = []
    for segment in document.get("segments", []):
        width = 100 * (segment["end"] - segment["start"]) / total
        colour = LANGUAGE_COLOURS.get(segment["lang"], OTHER_COLOUR)
        pattern = (
            f"repeating-linear-gradient(45deg,{colour}55,{colour}55 4px,transparent 4px,transparent 8px)"
            if segment["boilerplate"]
            else colour
        )
        title = language_name(segment["lang"], ui)
        if segment["boilerplate"]:
            title += f" ({label('ignored', ui).format(reason=ignored_reason(segment.get('reason'), ui))})"
        blocks.append(
            f'<span title="{html.escape(title)}" style="display:inline-block;height:0.6rem;width:{width:.3f}%;'
            f'background:{pattern}"></span>'
        )
    return (
        f'<div style="display:flex;border-radius:0.3rem;overflow:hidden;margin:0.2rem 0 0.6rem">{"".join(blocks)}</div>'
    )
