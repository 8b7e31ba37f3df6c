"""The NLI checker: a multilingual natural-language-inference cross-encoder judges each summary sentence against the
few source sentences that best align with it, as SummaC-ZS does (entailment minus contradiction, best premise wins).

Default model `MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7` (MIT; 100 languages, Hindi among them, so
an English article can support a Hindi sentence). Loaded like the summarisers: a hub id from the standard Hugging
Face cache only, or a local directory (SAAR_NLI_MODEL); `python -m summarizers download nli` fetches it. Retrieval
first keeps it to a few pairs per sentence, whatever the article's length.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from summarizers import settings
from summarizers.attribution.align import AlignedSentence, CrossAligner, LexicalAligner
from summarizers.attribution.checkers import CheckedSummary, reasons_for, route
from summarizers.attribution.features import SourceIndex, measure
from summarizers.engines.abstractive.loading import check_directory, configure_torch, is_local
from summarizers.errors import ModelLoadError, ModelUnavailable
from summarizers.language.segment import Analysis
from summarizers.text.spans import Span

MAX_TOKENS = 512
MAX_PREMISES = 2  # best-aligned source sentences per summary sentence (and the two joined)
DOWNLOAD_MB = 1140
LICENCE = "MIT"
DECISIVE_SCORE = 0.25  # the most a sentence stating a fact the source lacks can score
_LOCK = threading.Lock()
_LOADED: dict[str, NLIChecker] = {}


def is_downloaded(target: str) -> bool:
    if is_local(target):
        return (Path(target).expanduser() / "config.json").is_file()
    from huggingface_hub import try_to_load_from_cache

    return isinstance(try_to_load_from_cache(target, "config.json"), str)


def is_available(target: str | None = None) -> bool:
    """Whether the NLI model's weights can be loaded without a network."""
    return is_downloaded(target or settings.nli_model())


def _label_index(config: Any, wanted: str) -> int:
    for index, label in (getattr(config, "id2label", None) or {}).items():
        if str(label).casefold().startswith(wanted):
            return int(index)
    raise ModelLoadError(
        f"the NLI model's labels {getattr(config, 'id2label', None)} have no {wanted!r}; "
        "it must be a three-way (entailment, neutral, contradiction) classifier"
    )


class NLIChecker:
    """Entailment minus contradiction of each sentence given its best-aligned source sentences, in [0, 1]."""

    def __init__(self, model_id: str, tokenizer: Any, model: Any) -> None:
        self.model_id = model_id
        self.name = f"nli:{model_id}"
        self.tokenizer = tokenizer
        self.model = model
        self.entailment = _label_index(model.config, "entail")
        self.contradiction = _label_index(model.config, "contra")
        self.lock = threading.Lock()

    @classmethod
    def load(cls, target: str | None = None) -> NLIChecker:
        """The checker for `target` (hub id or local directory; default SAAR_NLI_MODEL), loaded once per process."""
        target = target or settings.nli_model()
        with _LOCK:
            if target not in _LOADED:
                _LOADED[target] = cls._load(target)
            return _LOADED[target]

    @classmethod
    def _load(cls, target: str) -> NLIChecker:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        local = is_local(target)
        source = str(Path(target).expanduser()) if local else target
        if local:
            check_directory(Path(source))
        elif not is_downloaded(target):
            raise ModelUnavailable(
                f"{target} is not downloaded; run `python -m summarizers download nli` with internet access, "
                "or point SAAR_NLI_MODEL at a local copy"
            )
        configure_torch()
        try:
            tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=True)
            model = AutoModelForSequenceClassification.from_pretrained(source, local_files_only=True)
        except (OSError, ValueError, KeyError, RuntimeError) as error:
            raise ModelLoadError(f"{source} cannot be loaded as an NLI model: {error}") from error
        model.eval()
        return cls(target, tokenizer, model)

    def probabilities(self, premises: Sequence[str], hypothesis: str) -> list[tuple[float, float]]:
        """(entailment, contradiction) probabilities of `hypothesis` given each premise."""
        if not premises:
            return []
        import torch

        with self.lock, torch.inference_mode():
            batch = self.tokenizer(
                list(premises),
                [hypothesis] * len(premises),
                truncation="only_first",
                max_length=MAX_TOKENS,
                padding=True,
                return_tensors="pt",
            )
            probabilities = torch.softmax(self.model(**batch).logits.float(), dim=-1)
        return [(float(row[self.entailment]), float(row[self.contradiction])) for row in probabilities]

    def judge(
        self, aligned: AlignedSentence, premises: Sequence[str], fact_reasons: tuple[str, ...]
    ) -> AlignedSentence:
        pairs = self.probabilities(premises, aligned.text)
        if not pairs:
            return replace(aligned, supported=False, score=0.0, reasons=("no source sentence aligns with it",))
        entail, contradict = max(pairs, key=lambda pair: pair[0] - pair[1])
        score = (entail - contradict + 1) / 2
        supported = entail > contradict
        reasons: tuple[str, ...] = ()
        if not supported:
            verdict = "contradict it" if contradict >= 0.5 else "do not imply it"
            odds = f"entailment {entail:.2f}, contradiction {contradict:.2f}"
            reasons = (f"its closest source sentences {verdict} ({odds})",)
        return replace(aligned, supported=supported, score=round(score, 4), reasons=reasons + fact_reasons)

    def check_spans(self, text: str, spans: Sequence[Span], sentences: Sequence[str]) -> list[AlignedSentence]:
        index = SourceIndex(text, list(spans))
        aligner = LexicalAligner(text, index.spans, index.terms)
        return [self._within(index, aligner.align(sentence)) for sentence in sentences]

    def _within(self, index: SourceIndex, aligned: AlignedSentence, facts: bool = True) -> AlignedSentence:
        measured = measure(index, aligned.text)
        chunks = [index.spans[position].text(index.text) for position in measured.best[:MAX_PREMISES]]
        premises = [*chunks, " ".join(chunks)] if len(chunks) > 1 else chunks
        if not facts:
            return self.judge(replace(aligned, missing=()), premises, ())
        missing = measured.missing_numbers + measured.missing_dates + measured.missing_names
        judged = self.judge(
            replace(aligned, missing=missing), premises, reasons_for(measured, weak=False)[: len(missing)]
        )
        if missing and judged.score is not None:
            # As in the offline checker: a figure, date or name the source never states is decisive.
            return replace(judged, supported=False, score=min(judged.score, DECISIVE_SCORE))
        return judged

    def check(
        self,
        source: Analysis,
        sentences: Sequence[str],
        positions: Sequence[float | None] | None = None,
        facts: bool = True,
    ) -> CheckedSummary:
        judged = route(
            source,
            sentences,
            positions,
            lambda index, aligned: self._within(index, aligned, facts),
            self._across,
        )
        return CheckedSummary(self.name, tuple(judged))

    def _across(self, cross: CrossAligner, aligned: AlignedSentence) -> AlignedSentence:
        """The model reads both languages; the premises are the sources the stated facts point to, or the article's
        opening sentences when the sentence states none."""
        premises = [cross.text[s.start : s.end] for s in aligned.sources[:MAX_PREMISES]]
        if not premises:
            premises = [span.text(cross.text) for span in cross.spans[:MAX_PREMISES]]
        return self.judge(replace(aligned, checked=True), premises, ())


def download(target: str | None = None, progress: Callable[[str], None] | None = None) -> str:
    """Fetch the NLI model into the Hugging Face cache; returns the local folder."""
    target = target or settings.nli_model()
    if is_local(target):
        raise ModelLoadError(f"{target} is a local directory; there is nothing to download")
    if settings.hub_offline():
        raise ModelUnavailable("HF_HUB_OFFLINE is set; unset it and connect to the internet to download models")
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HfHubHTTPError

    if progress:
        progress(f"Downloading {target} (about {DOWNLOAD_MB:,} MB, licence {LICENCE}) into the Hugging Face cache")
    try:
        folder = snapshot_download(target, allow_patterns=["*.json", "*.model", "*.safetensors", "*.txt"])
    except (OSError, HfHubHTTPError, ValueError) as error:
        raise ModelUnavailable(f"{target} could not be downloaded: {error}") from error
    if progress:
        progress(f"{target} is ready in {folder}")
    return str(folder)


def unload_all() -> None:
    with _LOCK:
        _LOADED.clear()
