"""The NLI checker: a multilingual natural-language-inference cross-encoder judges each summary sentence against the
few source sentences that best align with it, as SummaC-ZS does (entailment minus contradiction, best premise wins).
The best-aligned sentence is read first; only where it does not entail the sentence are the best two read together.
All of a summary's pairs go through the model in few batches, shortest first, each padded only to its longest pair.

Default model `MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7` (MIT; 100 languages, Hindi among them, so
an English article can support a Hindi sentence). Loaded like the summarisers: a hub id from the standard Hugging
Face cache only, or a local directory (SAAR_NLI_MODEL); `python -m summarizers download nli` fetches it. Retrieval
first keeps it to a few pairs per sentence, whatever the article's length. Where the CPU multiplies bfloat16 natively
the model runs in bfloat16 (SAAR_NLI_PRECISION=auto, the default; float32 or bfloat16 to choose).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from summarizers import models, settings
from summarizers.attribution.align import AlignedSentence, CrossAligner, LexicalAligner
from summarizers.attribution.checkers import CheckedSummary, reasons_for, route
from summarizers.attribution.features import SourceIndex, measure
from summarizers.engines.abstractive.loading import configure_torch
from summarizers.errors import ModelLoadError, ModelUnavailable
from summarizers.language.segment import Analysis
from summarizers.messages import Message, MessageCode
from summarizers.text.spans import Span

MAX_TOKENS = 512  # the model's limit
MAX_PAIR_TOKENS = 256  # premise and hypothesis together: two news sentences fit; longer premises are cut at the end
MIN_PREMISE_TOKENS = 32  # room a very long hypothesis leaves its premise (up to MAX_TOKENS)
MAX_PREMISES = 2  # best-aligned source sentences per summary sentence: the best, then the two joined
ENTAILS = 0.5  # entailment probability at which a premise settles the sentence (the joined one is not read)
# What one forward pass costs beyond its tokens, in tokens: the disentangled attention projects its 512 relative
# position embeddings in every layer once per pass (mDeBERTa-v3-base: about 85 tokens' worth of work).
PASS_COST_TOKENS = 85
DECISIVE_SCORE = 0.25  # the most a sentence stating a fact the source lacks can score
_LOCK = threading.Lock()
_LOADED: dict[str, NLIChecker] = {}


def is_available(target: str | None = None) -> bool:
    """Whether the NLI model's weights can be loaded without a network."""
    return models.is_downloaded(models.nli_model(target))


def _label_index(config: Any, wanted: str) -> int:
    for index, label in (getattr(config, "id2label", None) or {}).items():
        if str(label).casefold().startswith(wanted):
            return int(index)
    raise ModelLoadError(Message("model.nli_labels", labels=str(getattr(config, "id2label", None)), wanted=wanted))


class NLIChecker:
    """Entailment minus contradiction of each sentence given its best-aligned source sentences, in [0, 1]."""

    def __init__(self, model_id: str, tokenizer: Any, model: Any, precision: str | None = None) -> None:
        self.model_id = model_id
        self.name = f"nli:{model_id}"
        self.tokenizer = tokenizer
        self.model = model
        self.bfloat16 = uses_bfloat16(precision or settings.nli_precision())
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

        local = models.is_local(target)
        source = str(Path(target).expanduser()) if local else target
        if local:
            models.check_directory(Path(source))
        elif not is_available(target):
            raise ModelUnavailable(Message("model.nli_not_downloaded", model=target))
        configure_torch()
        try:
            tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=True)
            model = AutoModelForSequenceClassification.from_pretrained(source, local_files_only=True)
        except (OSError, ValueError, KeyError, RuntimeError) as error:
            raise ModelLoadError(Message("model.nli_unloadable", path=source, error=str(error))) from error
        model.eval()
        return cls(target, tokenizer, model)

    def probabilities(self, premises: Sequence[str], hypothesis: str) -> list[tuple[float, float]]:
        """(entailment, contradiction) probabilities of `hypothesis` given each premise."""
        return self.pairs([(premise, hypothesis) for premise in premises])

    def pairs(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[float, float]]:
        """(entailment, contradiction) probabilities of each (premise, hypothesis) pair, in order. Premises are cut at
        the end to fit `MAX_PAIR_TOKENS`; hypotheses are kept whole."""
        if not pairs:
            return []
        import torch

        # bfloat16 keeps float32's range (no overflow in the attention scores) with fewer mantissa bits; where the
        # CPU multiplies bfloat16 natively it halves the time of the matrix products, which are most of the work.
        autocast = torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bfloat16)
        with self.lock, torch.inference_mode(), autocast:
            encoded = [self._encode(premise, hypothesis) for premise, hypothesis in pairs]
            found: list[tuple[float, float]] = [(0.0, 0.0)] * len(pairs)
            for batch in batches([len(ids["input_ids"]) for ids in encoded]):
                inputs = self.tokenizer.pad([encoded[i] for i in batch], padding=True, return_tensors="pt")
                probabilities = torch.softmax(self.model(**inputs).logits.float(), dim=-1)
                for i, row in zip(batch, probabilities, strict=True):
                    found[i] = (float(row[self.entailment]), float(row[self.contradiction]))
        return found

    def _encode(self, premise: str, hypothesis: str) -> Any:
        hypothesis_tokens = len(self.tokenizer(hypothesis, add_special_tokens=False)["input_ids"])
        limit = min(MAX_TOKENS, max(MAX_PAIR_TOKENS, hypothesis_tokens + 3 + MIN_PREMISE_TOKENS))
        # A hypothesis too long to leave its premise any room is cut as well (only past the model's limit).
        strategy = "only_first" if hypothesis_tokens + 3 + MIN_PREMISE_TOKENS <= limit else "longest_first"
        return self.tokenizer(premise, hypothesis, truncation=strategy, max_length=limit)

    @staticmethod
    def judge(
        aligned: AlignedSentence, pairs: Sequence[tuple[float, float]], fact_reasons: tuple[Message, ...]
    ) -> AlignedSentence:
        """The sentence's verdict from its premises' (entailment, contradiction) probabilities: the best premise
        (entailment minus contradiction) wins."""
        if not pairs:
            unaligned = (Message("reason.no_aligned_sentence", place="source"),)
            return replace(aligned, supported=False, score=0.0, reasons=unaligned)
        entail, contradict = max(pairs, key=lambda pair: pair[0] - pair[1])
        score = (entail - contradict + 1) / 2
        supported = entail > contradict
        reasons: tuple[Message, ...] = ()
        if not supported:
            verdict: MessageCode = "reason.contradicted" if contradict >= 0.5 else "reason.not_implied"
            odds = {"entailment": round(entail, 4), "contradiction": round(contradict, 4)}
            reasons = (Message(verdict, place="source", **odds),)
        return replace(aligned, supported=supported, score=round(score, 4), reasons=reasons + fact_reasons)

    def judge_all(self, planned: Sequence[Planned]) -> list[AlignedSentence]:
        """Every planned sentence judged, its pairs read in as few passes as the premises allow: first each
        sentence's best-aligned premise, then the fallback premises of the sentences it does not entail."""
        read: list[list[tuple[float, float]]] = [[] for _ in planned]
        first = [(i, plan.premises[0]) for i, plan in enumerate(planned) if plan.premises]
        for (i, _), pair in zip(first, self.pairs([(p, planned[i].aligned.text) for i, p in first]), strict=True):
            read[i].append(pair)
        fallback = [
            (i, premise)
            for i, plan in enumerate(planned)
            if read[i] and read[i][0][0] < ENTAILS
            for premise in plan.premises[1:]
        ]
        for (i, _), pair in zip(fallback, self.pairs([(p, planned[i].aligned.text) for i, p in fallback]), strict=True):
            read[i].append(pair)
        judged = []
        for plan, pairs in zip(planned, read, strict=True):
            result = self.judge(plan.aligned, pairs, plan.fact_reasons)
            if plan.decisive and result.score is not None:
                # As in the offline checker: a figure, date or name the source never states is decisive.
                result = replace(result, supported=False, score=min(result.score, DECISIVE_SCORE))
            judged.append(result)
        return judged

    def check_spans(self, text: str, spans: Sequence[Span], sentences: Sequence[str]) -> list[AlignedSentence]:
        index = SourceIndex(text, list(spans))
        aligner = LexicalAligner(text, index.spans, index.terms)
        return self.judge_all([self._within(index, aligner.align(sentence)) for sentence in sentences])

    def _within(self, index: SourceIndex, aligned: AlignedSentence, facts: bool = True) -> Planned:
        measured = measure(index, aligned.text)
        chunks = [index.spans[position].text(index.text) for position in measured.best[:MAX_PREMISES]]
        premises = (chunks[0], " ".join(chunks)) if len(chunks) > 1 else tuple(chunks)
        if not facts:
            return Planned(replace(aligned, missing=()), premises)
        missing = measured.missing_numbers + measured.missing_dates + measured.missing_names
        reasons = reasons_for(measured, weak=False)[: len(missing)]
        return Planned(replace(aligned, missing=missing), premises, reasons, decisive=bool(missing))

    def check(
        self,
        source: Analysis,
        sentences: Sequence[str],
        positions: Sequence[float | None] | None = None,
        facts: bool = True,
    ) -> CheckedSummary:
        planned: list[Planned] = []

        def within(index: SourceIndex, aligned: AlignedSentence) -> AlignedSentence:
            planned.append(self._within(index, aligned, facts))
            return aligned

        def across(cross: CrossAligner, aligned: AlignedSentence) -> AlignedSentence:
            planned.append(self._across(cross, aligned))
            return aligned

        route(source, sentences, positions, within, across)
        return CheckedSummary(self.name, tuple(self.judge_all(planned)))

    def _across(self, cross: CrossAligner, aligned: AlignedSentence) -> Planned:
        """The model reads both languages; the premises are the sources the stated facts point to, or the article's
        opening sentences when the sentence states none."""
        premises = [cross.text[s.start : s.end] for s in aligned.sources[:MAX_PREMISES]]
        if not premises:
            premises = [span.text(cross.text) for span in cross.spans[:MAX_PREMISES]]
        return Planned(replace(aligned, checked=True), tuple(premises))


def native_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 in hardware (x86 AVX512-BF16 or AMX, Arm BF16). Elsewhere torch emulates
    it, which is slower than float32."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as cpuinfo:
            lines = [line for line in cpuinfo if line.lower().startswith(("flags", "features"))]
    except OSError:
        return False
    return bool({flag for line in lines for flag in line.split()} & {"avx512_bf16", "amx_bf16", "bf16"})


def uses_bfloat16(precision: str) -> bool:
    """The NLI model's arithmetic: bfloat16 when asked, or by default where the CPU has it natively."""
    return precision == "bfloat16" or (precision == "auto" and native_bfloat16())


@dataclass(frozen=True)
class Planned:
    """A sentence ready for the model: its premises in the order they are read (the first always, the others only
    when the first does not entail it), the reasons its facts give, and whether they are decisive."""

    aligned: AlignedSentence
    premises: tuple[str, ...]
    fact_reasons: tuple[Message, ...] = ()
    decisive: bool = False


def batches(lengths: Sequence[int]) -> list[list[int]]:
    """Pair indices grouped into forward passes, shortest first: each pass is padded to its longest pair, and costs
    `PASS_COST_TOKENS` besides. The grouping of the sorted pairs with the least padded tokens plus passes (dynamic
    programming over where each pass ends)."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    best = [0.0] + [math.inf] * len(order)  # best[end]: the cost of the first `end` sorted pairs
    cut = [0] * (len(order) + 1)
    for end in range(1, len(order) + 1):
        for begin in range(end):
            cost = best[begin] + PASS_COST_TOKENS + (end - begin) * lengths[order[end - 1]]
            if cost < best[end]:
                best[end], cut[end] = cost, begin
    grouped: list[list[int]] = []
    end = len(order)
    while end:
        grouped.insert(0, order[cut[end] : end])
        end = cut[end]
    return grouped


def unload_all() -> None:
    with _LOCK:
        _LOADED.clear()
