"""The models the product uses, in one place: which model serves each key (a language's summariser, the
cross-language summariser, the consistency checker), whether its weights are here, fetching them, and how generation
runs on this machine. The Models page, the `download` command and the NLI checker all ask here, and nothing else
needs to know where weights live (`engines.hub`) or which backend converts them (`backends.ctranslate2`).

    models.find("hi")                   the Hindi summariser's spec (an override by hub id or directory wins)
    models.find("nli")                  the consistency checker's model
    models.is_downloaded(model)         whether it loads without a network
    models.download(model, progress)    fetch it into the Hugging Face cache
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from summarizers import settings
from summarizers.engines import hub
from summarizers.engines.abstractive.backends import ctranslate2 as ctranslate2_backend
from summarizers.engines.abstractive.specs import ALTERNATIVES as ALTERNATIVES
from summarizers.engines.abstractive.specs import CROSS_LANGUAGE as CROSS_LANGUAGE
from summarizers.engines.abstractive.specs import DOWNLOADABLE
from summarizers.engines.abstractive.specs import ModelSpec as ModelSpec
from summarizers.engines.abstractive.specs import spec_for as spec_for
from summarizers.engines.hub import check_directory as check_directory
from summarizers.engines.hub import is_local as is_local
from summarizers.engines.hub import looks_like_path as looks_like_path
from summarizers.messages import Message
from summarizers.settings import Backend

NLI = "nli"  # the consistency checker's key: `download nli`


@dataclass(frozen=True)
class CheckerModel:
    """The consistency checker's model: a three-way NLI classifier (entailment, neutral, contradiction)."""

    model_id: str
    download_mb: int
    licence: str
    commercial_use: bool
    card: str


DEFAULT_NLI = CheckerModel(
    model_id=settings.DEFAULT_NLI_MODEL,
    download_mb=1140,
    licence="MIT",
    commercial_use=True,
    card=f"https://huggingface.co/{settings.DEFAULT_NLI_MODEL}",
)
Model = ModelSpec | CheckerModel
# The files a download fetches: configs, tokenizers and weights. mT5 checkpoints ship no text files it needs, and
# the NLI checkpoint ships its weights as safetensors besides a duplicate in pickle form.
SUMMARISER_FILES = ("*.json", "*.model", "*.safetensors", "*.txt", "*.bin")
MT5_FILES = ("*.json", "*.model", "*.safetensors", "*.bin")
CHECKER_FILES = ("*.json", "*.model", "*.safetensors", "*.txt")


def keys() -> tuple[str, ...]:
    """Every key a model can be found and downloaded by: the languages', the cross-language model's, the checker's."""
    return (*DOWNLOADABLE, NLI)


def nli_model(target: str | None = None) -> CheckerModel:
    """The checker's model: `target`, else SAAR_NLI_MODEL, else the default (hub id or local directory)."""
    target = target or settings.nli_model()
    if target == DEFAULT_NLI.model_id:
        return DEFAULT_NLI
    return CheckerModel(target, download_mb=0, licence="see the model's own card", commercial_use=True, card="")


def find(key: str, overrides: Mapping[str, str] | None = None) -> Model | None:
    """The model serving `key` (None for a key nothing serves)."""
    if key == NLI:
        return nli_model()
    return spec_for(key, overrides)


def is_downloaded(model: Model) -> bool:
    """Whether the model's weights can be loaded without a network."""
    return hub.is_here(model.model_id)


def files_of(model: Model) -> tuple[str, ...]:
    if isinstance(model, CheckerModel):
        return CHECKER_FILES
    return MT5_FILES if model.architecture == "mt5" else SUMMARISER_FILES


def download(model: Model, progress: Callable[[str], None] | None = None) -> str:
    """Fetch a model's files into the Hugging Face cache; returns the local folder. `ModelLoadError` for a local
    directory, `ModelUnavailable` when offline or when the hub refuses."""
    if progress:
        # `licence` as the model card words it; `licence_name` alone for other languages' words.
        licence, licence_name = model.licence, model.licence.split(" (")[0]
        if model.download_mb:
            named = {"licence": licence, "licence_name": licence_name}
            progress(Message("progress.downloading_licensed", model=model.model_id, mb=model.download_mb, **named))
        else:
            progress(Message("progress.downloading", model=model.model_id, licence=licence, licence_name=licence_name))
    folder = hub.fetch(model.model_id, files_of(model))
    if progress:
        progress(Message("progress.ready", model=model.model_id, folder=str(folder)))
    return folder


@dataclass(frozen=True)
class Generation:
    """How summaries are generated here (from the environment the process started with)."""

    backend: Backend  # the one asked for: auto, ctranslate2 or transformers
    converts: bool  # whether models can be converted to CTranslate2 here (the package is installed)
    quantization: str
    converted_folder: Path  # where converted models are kept


def generation() -> Generation:
    return Generation(
        settings.backend(), ctranslate2_backend.available(), settings.quantization(), ctranslate2_backend.cache_root()
    )
