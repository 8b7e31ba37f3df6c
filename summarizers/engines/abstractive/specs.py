"""Model specifications held as data: which checkpoint serves which language, and how to drive it.

Generation defaults come from each model's card. A user overrides a language's model by hub id or local directory
(`--model hi=DIR`, or the environment variable SAAR_MODEL_HI); an override keeps the generation settings of the
architecture it turns out to be.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from summarizers import settings
from summarizers.engines.kinds import LENGTHS, Length
from summarizers.errors import ModelUnavailable, UsageError
from summarizers.messages import Message

Architecture = Literal["bart", "mt5", "indicbart"]


@dataclass(frozen=True)
class TokenBudget:
    min_new_tokens: int
    max_new_tokens: int

    def __post_init__(self) -> None:
        if not 0 <= self.min_new_tokens <= self.max_new_tokens:
            raise ValueError(f"min_new_tokens {self.min_new_tokens} must lie in [0, max {self.max_new_tokens}]")


@dataclass(frozen=True)
class ModelSpec:
    lang: str
    model_id: str
    architecture: Architecture
    max_input_tokens: int
    num_beams: int
    no_repeat_ngram_size: int
    length_penalty: float
    budgets: dict[Length, TokenBudget]
    licence: str
    commercial_use: bool
    download_mb: int
    card: str
    # IndicBART wants "text </s> <2hi>" as input and starts decoding at "<2hi>".
    input_suffix: str = ""
    decoder_start_token: str | None = None
    tokenizer_kwargs: dict[str, object] = field(default_factory=dict)

    def budget(self, length: Length) -> TokenBudget:
        if length not in self.budgets:
            raise UsageError(Message("usage.unknown_length", length=length, choices=tuple(LENGTHS)))
        return self.budgets[length]


DISTILBART_CNN = ModelSpec(
    lang="en",
    model_id="sshleifer/distilbart-cnn-12-6",
    architecture="bart",
    max_input_tokens=1024,
    num_beams=4,
    no_repeat_ngram_size=3,
    length_penalty=2.0,
    budgets={
        "short": TokenBudget(20, 60),
        "medium": TokenBudget(56, 142),  # the card's min_length/max_length
        "long": TokenBudget(90, 220),
    },
    licence="Apache-2.0",
    commercial_use=True,
    download_mb=1222,
    card="https://huggingface.co/sshleifer/distilbart-cnn-12-6",
)

MT5_XLSUM = ModelSpec(
    lang="hi",
    model_id="csebuetnlp/mT5_multilingual_XLSum",
    architecture="mt5",
    max_input_tokens=512,
    num_beams=4,
    no_repeat_ngram_size=2,
    length_penalty=1.0,
    budgets={
        "short": TokenBudget(10, 40),
        "medium": TokenBudget(20, 84),  # the card's max_length=84
        "long": TokenBudget(40, 140),
    },
    licence="CC BY-NC-SA 4.0 (non-commercial use only)",
    commercial_use=False,
    download_mb=2330,
    card="https://huggingface.co/csebuetnlp/mT5_multilingual_XLSum",
)

INDICBART_XLSUM = ModelSpec(
    lang="hi",
    model_id="ai4bharat/IndicBART-XLSum",
    architecture="indicbart",
    max_input_tokens=1024,
    num_beams=4,
    no_repeat_ngram_size=3,
    length_penalty=0.8,
    budgets={"short": TokenBudget(10, 40), "medium": TokenBudget(20, 80), "long": TokenBudget(40, 140)},
    licence="MIT",
    commercial_use=True,
    download_mb=976,
    card="https://huggingface.co/ai4bharat/IndicBART-XLSum",
    input_suffix=" </s> <2hi>",
    decoder_start_token="<2hi>",
    tokenizer_kwargs={"keep_accents": True, "do_lower_case": False, "use_fast": False},
)

# The many-to-many cross-language model: the summary of a text in one language, written in another. Its card starts
# the decoder at the target language's token, `config.task_specific_params["langid_map"][language][1]` (see
# `LANGID_NAMES`); input window 512 and max_length 84 as its card, beams 4 and no_repeat_ngram_size 2 as its card's
# example, length_penalty 0.6 as the CrossSum evaluation script's default.
CROSS_LANGUAGE = "cross"  # its key where a language's would be: `download cross`, --model cross=DIR, SAAR_MODEL_CROSS
MT5_CROSSSUM = replace(
    MT5_XLSUM,  # mT5-base too, with XL-Sum's window, beams, n-gram rule, budgets and licence
    lang=CROSS_LANGUAGE,
    model_id="csebuetnlp/mT5_m2m_crossSum",
    length_penalty=0.6,
    download_mb=2330,
    card="https://huggingface.co/csebuetnlp/mT5_m2m_crossSum",
    tokenizer_kwargs={"use_fast": False},  # as its card loads it
)
# ISO 639-1 codes -> the language names a CrossSum language map is keyed by.
LANGID_NAMES: dict[str, str] = {
    "en": "english", "hi": "hindi", "mr": "marathi", "ne": "nepali", "ur": "urdu", "bn": "bengali",
    "ta": "tamil", "te": "telugu", "gu": "gujarati", "pa": "punjabi", "ar": "arabic", "fa": "persian",
    "fr": "french", "es": "spanish",
}  # fmt: skip

DEFAULTS: dict[str, ModelSpec] = {"en": DISTILBART_CNN, "hi": MT5_XLSUM}
ALTERNATIVES: dict[str, tuple[ModelSpec, ...]] = {"hi": (INDICBART_XLSUM,)}
KNOWN: dict[str, ModelSpec] = {
    spec.model_id: spec for spec in (DISTILBART_CNN, MT5_XLSUM, INDICBART_XLSUM, MT5_CROSSSUM)
}
# Every model the product can download by key: the languages' defaults and the cross-language model.
DOWNLOADABLE: dict[str, ModelSpec] = {**DEFAULTS, CROSS_LANGUAGE: MT5_CROSSSUM}
# Settings for a model of unknown origin, chosen by the architecture its config declares.
BY_ARCHITECTURE: dict[str, ModelSpec] = {
    "bart": DISTILBART_CNN,
    "mbart": DISTILBART_CNN,
    "mt5": MT5_XLSUM,
    "t5": MT5_XLSUM,
}


def parse_overrides(pairs: list[str] | None) -> dict[str, str]:
    """`["hi=DIR", "en=org/name"]` -> {"hi": "DIR", "en": "org/name"}."""
    overrides: dict[str, str] = {}
    for pair in pairs or []:
        lang, sep, target = pair.partition("=")
        if not sep or not lang.strip() or not target.strip():
            raise UsageError(Message("usage.model_pair", pair=pair))
        overrides[lang.strip().lower()] = target.strip()
    return overrides


def spec_for(lang: str, overrides: Mapping[str, str] | None = None) -> ModelSpec | None:
    """The spec serving `lang`: an explicit override, then the environment, then the default (None if none)."""
    chosen = {**settings.model_overrides(), **(overrides or {})}.get(lang)
    if chosen is None:
        return DOWNLOADABLE.get(lang)
    if chosen in KNOWN:
        return replace(KNOWN[chosen], lang=lang)
    base = DOWNLOADABLE.get(lang, MT5_XLSUM)
    return replace(base, lang=lang, model_id=chosen, card="", download_mb=0, licence="see the model's own card")


def language_start_token(spec: ModelSpec, task_params: Mapping[str, object] | None) -> str | None:
    """The token decoding starts at: the spec's own (IndicBART's `<2hi>`), else, for a model with a language map in
    its config (CrossSum's `task_specific_params["langid_map"]`), the token of the spec's language; None when the
    model's own decoder start applies. A language its map lacks is a `ModelUnavailable`."""
    if spec.decoder_start_token:
        return spec.decoder_start_token
    language_map = (task_params or {}).get("langid_map")
    if not isinstance(language_map, Mapping):
        return None
    entry = language_map.get(LANGID_NAMES.get(spec.lang, spec.lang))
    if not isinstance(entry, list | tuple) or len(entry) != 2 or not isinstance(entry[1], str):
        raise ModelUnavailable(Message("model.language_map", model=spec.model_id, lang=spec.lang))
    return entry[1]


def with_architecture(spec: ModelSpec, model_type: str) -> ModelSpec:
    """Generation settings of the architecture a loaded config declares, keeping the spec's identity."""
    if spec.model_id in KNOWN:
        return spec
    template = BY_ARCHITECTURE.get(model_type)
    if template is None or template.architecture == spec.architecture:
        return spec
    return replace(
        template, lang=spec.lang, model_id=spec.model_id, card=spec.card, licence=spec.licence, download_mb=0
    )
