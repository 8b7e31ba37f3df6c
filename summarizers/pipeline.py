"""Document -> language runs -> one summary per language present.

`method="auto"` uses the abstractive model where it can be loaded and otherwise the extractive engine, with a notice
that says why and what to do. An extractive summary is never labelled abstractive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from summarizers import extractive
from summarizers.abstractive import AbstractiveEngine
from summarizers.attribution import AlignedSentence, Source, align
from summarizers.documents import Document
from summarizers.errors import ModelError, ModelUnavailable, UsageError
from summarizers.language import Analysis, analyse
from summarizers.languages import SUMMARISED, name
from summarizers.models import LoadedModel, load
from summarizers.registry import LENGTHS, MT5_XLSUM, Length, ModelSpec, spec_for
from summarizers.text import Span, count_letters

Method = Literal["auto", "abstractive", "extractive"]
METHODS: tuple[Method, ...] = ("auto", "abstractive", "extractive")
MIN_LETTERS = 120  # about two short sentences: less than this in a language is a quote or a name, not an article
EXTRACTIVE_MODEL = "saar-extractive (TF-IDF centrality + position prior)"
# Reports each slow stage ("Loading the Hindi model ...") to whoever shows progress; the app passes st.status.
Progress = Callable[[str], None]
Loader = Callable[[ModelSpec], LoadedModel]


def silent(_: str) -> None:
    return None


@dataclass(frozen=True)
class Summary:
    lang: str
    method: Literal["abstractive", "extractive"] | None
    model: str | None
    sentences: tuple[str, ...]
    notice: str | None = None
    # Extractive summaries know exactly which source sentence each of theirs is.
    source_spans: tuple[Span, ...] | None = None
    chunks: int = 1
    attribution: tuple[AlignedSentence, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    @property
    def ok(self) -> bool:
        return bool(self.sentences)


@dataclass(frozen=True)
class DocumentSummary:
    document: Document
    analysis: Analysis
    summaries: tuple[Summary, ...]
    notices: tuple[str, ...] = field(default=())


def _extractive(text: str, spans: list[Span], lang: str, length: Length, notice: str | None) -> Summary:
    extract = extractive.summarize_spans(text, spans, length, lang)
    sentences = tuple(span.text(text) for span in extract.spans)
    # Exact attribution: each extracted sentence is its own source.
    attribution = tuple(
        AlignedSentence(sentence, True, (Source(span.start, span.end, 1.0),))
        for sentence, span in zip(sentences, extract.spans, strict=True)
    )
    return Summary(
        lang=lang,
        method="extractive",
        model=EXTRACTIVE_MODEL,
        sentences=sentences,
        notice=notice,
        source_spans=extract.spans,
        attribution=attribution,
    )


def _fallback_notice(lang: str, error: ModelError) -> str:
    if isinstance(error, ModelUnavailable):
        return (
            f"{name(lang)} model not downloaded; showing an extractive summary. Run `python -m summarizers "
            f"download {lang}` with internet access, or point --model {lang}=DIR at a local copy."
        )
    return f"{name(lang)} model could not be used; showing an extractive summary. ({error})"


def summarize_language(
    text: str,
    spans: list[Span],
    lang: str,
    method: Method = "auto",
    length: Length = "medium",
    overrides: dict[str, str] | None = None,
    progress: Progress = silent,
    loader: Loader = load,
) -> Summary:
    """One language's summary from its sentence spans in `text`."""
    if method == "extractive":
        progress(f"Picking the key {name(lang)} sentences (extractive)")
        return _extractive(text, spans, lang, length, None)
    spec = spec_for(lang, overrides)
    if spec is None:
        raise UsageError(f"no model is registered for {name(lang)}")
    try:
        progress(f"Loading the {name(lang)} model {spec.model_id}")
        engine = AbstractiveEngine(loader(spec))
        progress(f"Writing the {name(lang)} summary with {spec.model_id}")
        generated = engine.summarize([span.text(text) for span in spans], length)
    except ModelError as error:  # DegenerateGeneration included
        if method == "abstractive":
            return Summary(lang, "abstractive", spec.model_id, (), notice=f"No abstractive summary: {error}")
        progress(f"{name(lang)} model unavailable: picking key sentences instead (extractive)")
        return _extractive(text, spans, lang, length, _fallback_notice(lang, error))
    progress(f"Linking the {name(lang)} summary to its sources")
    notice = None
    if generated.chunks > 1:
        notice = f"The text was longer than the model's window: summarised in {generated.chunks} parts, then combined."
    attribution = tuple(align(text, list(generated.sentences), spans))
    return Summary(
        lang,
        "abstractive",
        spec.model_id,
        generated.sentences,
        notice=notice,
        chunks=generated.chunks,
        attribution=attribution,
    )


def summarize_analysis(
    document: Document,
    analysis: Analysis,
    method: Method = "auto",
    length: Length = "medium",
    overrides: dict[str, str] | None = None,
    progress: Progress = silent,
    loader: Loader = load,
) -> DocumentSummary:
    if method not in METHODS:
        raise UsageError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    if length not in LENGTHS:
        raise UsageError(f"unknown length {length!r}; choose one of {', '.join(LENGTHS)}")
    text = document.text
    overrides = overrides or {}
    summaries: list[Summary] = []
    notices: list[str] = []
    languages = list(analysis.shares())
    for lang in languages:
        units = analysis.content_units(lang)
        if not units:
            continue  # all of it is page chrome: no summary; the notice below says so if nothing else is left
        letters = sum(count_letters(unit.span.text(text)) for unit in units)
        if lang == "und":
            notices.append("Some text is in no language that could be told (symbols, numbers or an unknown script).")
            continue
        if letters < MIN_LETTERS and len(languages) > 1:
            notices.append(f"The {name(lang)} part is too short to summarise ({letters} letters).")
            continue
        if lang not in SUMMARISED and lang not in overrides:
            notices.append(
                f"{name(lang)} ({lang}) is not summarised: Saar summarises English and Hindi. The multilingual "
                f"{MT5_XLSUM.model_id} model covers 45 languages and may serve it: "
                f"pass --model {lang}={MT5_XLSUM.model_id} to try."
            )
            continue
        spans = [unit.span for unit in units]
        summaries.append(summarize_language(text, spans, lang, method, length, overrides, progress, loader))
    if not summaries and not notices:
        notices.append("Nothing to summarise: the document has no article text (only page chrome or symbols).")
    order = {code: rank for rank, code in enumerate(SUMMARISED)}
    summaries.sort(key=lambda summary: order.get(summary.lang, len(order)))
    return DocumentSummary(document, analysis, tuple(summaries), tuple(notices))


def summarize_document(
    document: Document,
    method: Method = "auto",
    length: Length = "medium",
    overrides: dict[str, str] | None = None,
) -> DocumentSummary:
    return summarize_analysis(document, analyse(document.text), method, length, overrides)
