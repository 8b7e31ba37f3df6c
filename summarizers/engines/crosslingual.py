"""Cross-language summaries: the summary of one language's text written in another (an English gist of a Hindi story,
or the reverse), by a many-to-many model such as csebuetnlp/mT5_m2m_crossSum.

It is the abstractive engine with a different model and a different start: the same loading, cache, download
command, CTranslate2 conversion, chunking and reduce rounds. What differs is where decoding starts (the target
language's token from the model's language map) and one check after it: a summary whose letters are not mostly in
the target language's script is refused, so text in one language is never labelled as the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Literal

from summarizers.engines.abstractive.engine import AbstractiveEngine
from summarizers.engines.abstractive.loading import load
from summarizers.engines.abstractive.specs import CROSS_LANGUAGE, spec_for
from summarizers.engines.base import EngineRequest, EngineSummary, Progress, silent
from summarizers.errors import DegenerateGeneration, ModelUnavailable
from summarizers.messages import Message
from summarizers.text.scripts import Script, script_counts

# The script a summary in each language is written in; a language without an entry is not checked.
SCRIPTS: dict[str, Script] = {"en": "Latn", "hi": "Deva"}
MIN_SCRIPT_SHARE = 0.6  # names and acronyms copied from the source may be in its script; most of the text may not


def script_share(text: str, script: Script) -> float:
    counts = script_counts(text)
    total = sum(counts.values())
    return counts[script] / total if total else 0.0


class CrossLanguageEngine:
    """Writes the summary of one language's sentences in `target` (see the module's docstring)."""

    method: Literal["abstractive"] = "abstractive"

    def __init__(self, engine: AbstractiveEngine, target: str) -> None:
        self.engine = engine
        self.target = target

    @property
    def model(self) -> str:
        return self.engine.model

    def summarize(self, request: EngineRequest, progress: Progress = silent) -> EngineSummary:
        progress(Message("progress.writing_across", lang=request.lang, into=self.target, model=self.model))
        if request.live is not None:
            generated = self.engine.stream_sentences(request.sentences(), request.live, request.length)
        else:
            generated = self.engine.summarize_sentences(request.sentences(), request.length)
        script = SCRIPTS.get(self.target)
        if script is not None and script_share(generated.text, script) < MIN_SCRIPT_SHARE:
            raise DegenerateGeneration(
                Message("model.wrong_script", model=self.model, lang=self.target, output=generated.text[:60])
            )
        return EngineSummary("abstractive", self.model, generated.sentences, chunks=generated.chunks)


def engine_for(source: str, target: str, models: Mapping[str, str], progress: Progress = silent) -> CrossLanguageEngine:
    """The engine writing `source` text's summaries in `target`: the caller's cross-language model (`models["cross"]`),
    else SAAR_MODEL_CROSS, else the default; loaded once and shared with every other caller."""
    if source == target:
        raise ValueError(f"a cross-language summary needs two languages, not {source!r} twice")
    spec = spec_for(CROSS_LANGUAGE, models)
    if spec is None:  # the registry always has a default; a missing one is a packaging error
        raise ModelUnavailable(Message("model.cross_not_registered"))
    progress(Message("progress.loading_cross", model=spec.model_id))
    loaded = load(spec)
    # The same loaded weights and result cache, writing in the target language (its start token, its vocabulary).
    return CrossLanguageEngine(AbstractiveEngine(replace(loaded, spec=replace(loaded.spec, lang=target))), target)
