"""Document -> language runs -> one summary per language present, each sentence linked to its sources.

`summarize(document, options)` is the one entry point: the pages, the CLI and tests call it alike. Engines come from
`engines.registry` by the method's chain: `auto` uses the abstractive model where it can be loaded and otherwise the
extractive engine, with a notice that says why and what to do. An extractive summary is never labelled abstractive.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from summarizers.attribution.align import AlignedSentence, Source, align_across
from summarizers.attribution.registry import default_checker
from summarizers.documents.reading import Document
from summarizers.engines import registry
from summarizers.engines.abstractive.specs import MT5_CROSSSUM, MT5_XLSUM
from summarizers.engines.base import LENGTHS, EngineRequest, EngineSummary, Length, Progress, SummaryMethod, silent
from summarizers.engines.streaming import Event, Live, Written
from summarizers.errors import ModelError, ModelUnavailable, UsageError
from summarizers.language.segment import Analysis, analyse
from summarizers.messages import Message, joined
from summarizers.text.language_names import SUMMARISED
from summarizers.text.spans import Span, count_letters

MIN_LETTERS = 120  # about two short sentences: less than this in a language is a quote or a name, not an article
METHODS: tuple[str, ...] = tuple(registry.METHODS)
METHOD_LABELS: dict[str, SummaryMethod] = {"abstractive": "abstractive", "extractive": "extractive"}
Form = Literal["paragraph", "bullets"]
FORMS: tuple[Form, ...] = ("paragraph", "bullets")
MAX_SENTENCES = 50
# Hears each language's summary as it is written: (the language summarised, the event); see `engines.streaming`.
LanguageListener = Callable[[str, Event], None]


@dataclass(frozen=True)
class Options:
    """How to summarise: the method (a chain of engines, see `engines.registry`), the length, the model chosen per
    language ({lang: hub id or local directory}; "cross" for the cross-language model), who hears about progress,
    and the summary language (`into`: "en" or "hi"; None writes each language's summary in that language).

    `sentences` (a number) or `share` (a fraction of each language's sentences, 0 < share <= 1) ask for a length in
    sentences instead of `length`; `form` is how the summary's text is written: one paragraph or bullet points.

    `listen` hears each language's summary while it is written and once it is complete, before it is checked
    against its sources (an abstractive summary is then decoded greedily, see `engines.streaming`); setting `stop`
    ends the writing with `GenerationStopped`."""

    method: str = "auto"
    length: Length = "medium"
    models: Mapping[str, str] = field(default_factory=dict)
    progress: Progress = silent
    into: str | None = None
    sentences: int | None = None
    share: float | None = None
    form: Form = "paragraph"
    listen: LanguageListener | None = field(default=None, compare=False)
    stop: threading.Event = field(default_factory=threading.Event, compare=False)

    def live(self, lang: str) -> Live | None:
        """What the engines writing `lang`'s summary tell as they write, or None when no one listens."""
        listen = self.listen
        if listen is None:
            return None
        return Live(lambda event: listen(lang, event), self.stop)

    def __post_init__(self) -> None:
        if self.into is not None and self.into not in SUMMARISED:
            raise UsageError(Message("usage.unknown_summary_language", into=self.into, choices=tuple(SUMMARISED)))
        if self.method not in registry.METHODS:
            raise UsageError(Message("usage.unknown_method", method=self.method, choices=tuple(registry.METHODS)))
        if self.length not in LENGTHS:
            raise UsageError(Message("usage.unknown_length", length=self.length, choices=tuple(LENGTHS)))
        if self.sentences is not None and self.share is not None:
            raise UsageError(Message("usage.sentences_and_share"))
        if self.sentences is not None and not 1 <= self.sentences <= MAX_SENTENCES:
            raise UsageError(Message("usage.sentences_range", most=MAX_SENTENCES))
        if self.share is not None and not 0 < self.share <= 1:
            raise UsageError(Message("usage.share_range"))
        if self.form not in FORMS:
            raise UsageError(Message("usage.unknown_form", form=self.form, choices=tuple(FORMS)))

    def count_for(self, available: int) -> int | None:
        """The number of summary sentences asked for, for a language with `available` sentences; None: by length."""
        if self.sentences is not None:
            return self.sentences
        if self.share is not None:
            return max(1, math.ceil(self.share * available))
        return None


@dataclass(frozen=True)
class Summary:
    lang: str
    method: SummaryMethod | None
    model: str | None
    sentences: tuple[str, ...]
    notices: tuple[Message, ...] = ()  # why it is not what was asked for (a fallback, a cross-language miss), or how
    # Extractive summaries know exactly which source sentence each of theirs is.
    source_spans: tuple[Span, ...] | None = None
    chunks: int = 1
    attribution: tuple[AlignedSentence, ...] = ()
    # The language of the text this summarises, when it is not the summary's own (a cross-language summary).
    source_lang: str | None = None
    form: Form = "paragraph"
    checker: str | None = None  # what judged the sentences (see `attribution.checkers`)

    @property
    def notice(self) -> str | None:
        """The notices in English, as one text (the JSON's `"notice"`)."""
        return joined(self.notices)

    @property
    def summarised_lang(self) -> str:
        return self.source_lang or self.lang

    @property
    def text(self) -> str:
        if self.form == "bullets":
            return "\n".join(f"- {sentence}" for sentence in self.sentences)
        return " ".join(self.sentences)


@dataclass(frozen=True)
class Result:
    document: Document
    analysis: Analysis
    summaries: tuple[Summary, ...]
    notices: tuple[Message, ...] = ()


def _fallback_notice(lang: str, error: ModelError) -> Message:
    if isinstance(error, ModelUnavailable):
        return Message("notice.model_not_downloaded", lang=lang)
    return Message("notice.model_unusable", lang=lang, error=error.reason)


def _chunked(written: EngineSummary) -> tuple[Message, ...]:
    return (Message("notice.chunked", parts=written.chunks),) if written.chunks > 1 else ()


def _told(live: Live | None, written: EngineSummary) -> None:
    """The listener hears a complete summary before it is checked against its sources (the slower step)."""
    if live is not None:
        live.listen(Written(written.method, written.model, written.sentences))


def _attributed(
    request: EngineRequest, written: EngineSummary, notices: tuple[Message, ...], options: Options
) -> Summary:
    progress = options.progress
    if request.count is not None and written.source_spans is None and len(written.sentences) > request.count:
        # A model writes to a token budget, not a sentence count: keep the first sentences it wrote.
        written = replace(written, sentences=written.sentences[: request.count])
    _told(request.live, written)
    if written.source_spans is not None:
        # Exact attribution: each extracted sentence is its own source.
        attribution = tuple(
            AlignedSentence(sentence, True, (Source(span.start, span.end, 1.0),), score=1.0)
            for sentence, span in zip(written.sentences, written.source_spans, strict=True)
        )
        checker = "exact"
    else:
        progress(Message("progress.checking", lang=request.lang))
        judge = default_checker()
        attribution = tuple(judge.check_spans(request.text, request.spans, written.sentences))
        checker = judge.name
    return Summary(
        request.lang,
        written.method,
        written.model,
        written.sentences,
        notices=notices or _chunked(written),
        source_spans=written.source_spans,
        chunks=written.chunks,
        attribution=attribution,
        form=options.form,
        checker=checker,
    )


def _across_notice(lang: str, into: str, error: ModelError) -> Message:
    if isinstance(error, ModelUnavailable):  # its message says how to get the model (`download cross`, --model)
        spec = MT5_CROSSSUM  # `licence` as the model card words it; `licence_name` alone for other languages' words
        licence, licence_name = spec.licence, spec.licence.split(" (")[0]
        return Message(
            "notice.across_not_downloaded",
            lang=lang, into=into, error=error.reason, mb=spec.download_mb, licence=licence, licence_name=licence_name,
        )  # fmt: skip
    return Message("notice.across_unusable", lang=lang, into=into, error=error.reason)


def summarize_across(text: str, spans: list[Span], lang: str, into: str, options: Options) -> Summary:
    """`lang`'s sentences summarised in `into` by the cross-language model, each summary sentence linked to the source
    sentences stating the same numbers, dates and names. Without that model (offline, not downloaded, or it wrote
    another language) the summary in `lang` itself, with a notice saying so: never text labelled as another language.
    """
    if options.method == "extractive":
        original = summarize_language(text, spans, lang, replace(options, into=None))
        notice = Message("notice.across_extractive", lang=lang, into=into)
        return replace(original, notices=(notice, *original.notices))
    live = options.live(lang)
    request = EngineRequest(text, tuple(spans), lang, options.length, options.count_for(len(spans)), live)
    try:
        engine = registry.CROSS_LANGUAGE(lang, into, options.models, options.progress)
        written = engine.summarize(request, options.progress)
    except ModelError as error:  # DegenerateGeneration (including a summary in the wrong script) included
        options.progress(Message("progress.across_failed", lang=lang, into=into, error=error.reason))
        original = summarize_language(text, spans, lang, replace(options, into=None))
        return replace(original, notices=(_across_notice(lang, into, error), *original.notices))
    _told(live, written)
    options.progress(Message("progress.linking", lang=lang, into=into))
    attribution = tuple(align_across(text, list(written.sentences), list(spans)))
    return Summary(
        into, written.method, written.model, written.sentences, notices=_chunked(written), chunks=written.chunks,
        attribution=attribution, source_lang=lang,
    )  # fmt: skip


def summarize_language(text: str, spans: list[Span], lang: str, options: Options) -> Summary:
    """One language's summary from its sentence spans in `text`: the method's engines in turn until one writes it;
    in `options.into` when that is another language (`summarize_across`)."""
    if options.into is not None and options.into != lang:
        return summarize_across(text, spans, lang, options.into, options)
    request = EngineRequest(text, tuple(spans), lang, options.length, options.count_for(len(spans)), options.live(lang))
    engines = registry.chain(options.method)
    failure: ModelError | None = None
    for engine_name in engines:
        try:
            engine = registry.ENGINES[engine_name](lang, options.models, options.progress)
            written = engine.summarize(request, options.progress)
        except ModelError as error:  # DegenerateGeneration included
            failure = error
            options.progress(Message("progress.engine_failed", lang=lang, engine=engine_name, error=error.reason))
            continue
        notices = (_fallback_notice(lang, failure),) if failure is not None else ()
        return _attributed(request, written, notices, options)
    assert failure is not None  # every chain has at least one engine
    notice = Message("notice.no_summary", engine=engines[-1], error=failure.reason)
    return Summary(lang, METHOD_LABELS.get(engines[-1]), None, (), notices=(notice,))


def summarize(document: Document, options: Options | None = None, analysis: Analysis | None = None) -> Result:
    """Each language present in `document`, summarised. Pass `analysis` when the caller has already analysed the
    text (it must be the analysis of `document.text`)."""
    options = options or Options()
    text = document.text
    if analysis is None:
        options.progress(Message("progress.detecting"))
        analysis = analyse(text)
    found = tuple(analysis.shares())
    options.progress(Message("progress.found", langs=found) if found else Message("progress.found_nothing"))
    summaries: list[Summary] = []
    notices: list[Message] = []
    languages = list(analysis.shares())
    for lang in languages:
        units = analysis.content_units(lang)
        if not units:
            continue  # all of it is page chrome: no summary; the notice below says so if nothing else is left
        letters = sum(count_letters(unit.span.text(text)) for unit in units)
        if lang == "und":
            notices.append(Message("notice.undetermined"))
            continue
        if letters < MIN_LETTERS and len(languages) > 1:
            notices.append(Message("notice.part_too_short", lang=lang, letters=letters))
            continue
        if lang not in SUMMARISED and lang not in options.models:
            notices.append(Message("notice.language_not_summarised", lang=lang, model=MT5_XLSUM.model_id))
            continue
        if letters < MIN_LETTERS:
            notices.append(Message("notice.text_too_short", letters=letters))
        summaries.append(summarize_language(text, [unit.span for unit in units], lang, options))
    if not summaries and not notices:
        notices.append(Message("notice.nothing"))
    order = {code: rank for rank, code in enumerate(SUMMARISED)}
    summaries.sort(key=lambda summary: order.get(summary.lang, len(order)))
    return Result(document, analysis, tuple(summaries), tuple(notices))
