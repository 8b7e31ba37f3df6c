"""Loading seq2seq checkpoints by hub id or local directory, once per process, shared by every caller.

Hub ids are loaded from the standard Hugging Face cache (`HF_HOME`) only: summarising never starts a multi-GB
download behind the user's back. Downloading is its own, explicit step (`python -m summarizers download hi`, or the
Models page: `summarizers.models`), which honours `HF_HUB_OFFLINE`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizers import settings
from summarizers.engines.abstractive.backends import ctranslate2 as ctranslate2_backend
from summarizers.engines.abstractive.backends.ctranslate2 import FastModel
from summarizers.engines.abstractive.specs import ModelSpec, with_architecture
from summarizers.engines.abstractive.turns import Turns
from summarizers.engines.hub import check_directory, is_here, is_local
from summarizers.engines.result_cache import LruCache, ResultCache
from summarizers.errors import ModelLoadError, ModelUnavailable
from summarizers.messages import Message, MessageCode
from summarizers.settings import Backend

if TYPE_CHECKING:  # transformers takes seconds to import: only when a model is loaded
    from transformers import PretrainedConfig, PreTrainedModel, PreTrainedTokenizerBase

_LOAD_LOCK = threading.Lock()  # one load at a time: two sessions asking for one model load it once
_TORCH_CONFIGURED = False


@dataclass
class LoadedModel:
    """A checkpoint ready to generate: its tokenizer, and the transformers model or the CTranslate2 one."""

    spec: ModelSpec
    tokenizer: PreTrainedTokenizerBase
    model: PreTrainedModel | None  # None when the CTranslate2 backend serves it
    config: PretrainedConfig
    # Generation and fast tokenizers are not safe to share between threads ("Already borrowed").
    lock: threading.RLock = field(default_factory=threading.RLock)
    fast: FastModel | None = None
    backend_note: str | None = None  # why the CTranslate2 backend is not in use, when it was wanted
    # Finished summaries by (settings, input) hash; shared by the copies `load` hands out for other languages.
    results: ResultCache[Any] = field(default_factory=ResultCache)
    # Callers waiting to generate, in order (shared by the copies too): a waiting app session sees its place.
    turns: Turns = field(default_factory=Turns)

    @property
    def backend(self) -> str:
        return f"ctranslate2 ({self.fast.quantization})" if self.fast else "transformers"


_LOADED: LruCache[tuple[str, str, str], LoadedModel] = LruCache(settings.model_cache_capacity())


def configure_torch() -> None:
    """Set torch's thread count once per process (it is global, and changing it mid-run is not thread-safe)."""
    global _TORCH_CONFIGURED
    if _TORCH_CONFIGURED:
        return
    import torch

    threads = settings.torch_threads()
    torch.set_num_threads(threads)
    _TORCH_CONFIGURED = True


def _load(spec: ModelSpec, backend: Backend, quantization: str) -> LoadedModel:
    from transformers import AutoConfig, AutoModelForSeq2SeqLM, AutoTokenizer

    local = is_local(spec.model_id)
    source = str(Path(spec.model_id).expanduser()) if local else spec.model_id
    if local:
        check_directory(Path(source))
    elif not is_here(spec.model_id):
        code: MessageCode = "model.not_downloaded_offline" if settings.hub_offline() else "model.not_downloaded"
        raise ModelUnavailable(Message(code, model=spec.model_id, lang=spec.lang))
    try:
        config = AutoConfig.from_pretrained(source, local_files_only=True)
    except (OSError, ValueError) as error:
        raise ModelLoadError(Message("model.config_unreadable", path=source, error=str(error))) from error
    spec = with_architecture(spec, getattr(config, "model_type", ""))
    if not getattr(config, "is_encoder_decoder", False):
        raise ModelLoadError(Message("model.not_seq2seq", path=source, model_type=str(config.model_type)))
    configure_torch()
    try:
        tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=True, **spec.tokenizer_kwargs)
    except (OSError, ValueError, KeyError, RuntimeError) as error:
        raise ModelLoadError(Message("model.unloadable", path=source, error=str(error))) from error
    fast, note = None, None
    if backend in ("auto", "ctranslate2"):
        fast, note = _try_fast(spec, source, local, config, tokenizer, quantization)
        if fast is None and backend == "ctranslate2":
            raise ModelLoadError(Message("model.ctranslate2_refused", path=source, error=str(note)))
    if fast is not None:
        return LoadedModel(spec=spec, tokenizer=tokenizer, model=None, config=config, fast=fast)
    try:
        model = AutoModelForSeq2SeqLM.from_pretrained(source, local_files_only=True)
    except (OSError, ValueError, KeyError, RuntimeError) as error:
        raise ModelLoadError(Message("model.unloadable", path=source, error=str(error))) from error
    model.eval()
    return LoadedModel(spec=spec, tokenizer=tokenizer, model=model, config=model.config, backend_note=note)


def _checkpoint_directory(spec: ModelSpec, source: str, local: bool) -> Path:
    if local:
        return Path(source)
    from huggingface_hub import snapshot_download

    return Path(snapshot_download(spec.model_id, local_files_only=True))


def _forced_tokens(source: str, config: Any) -> tuple[int | None, int | None]:
    """The token ids transformers forces first and last (BART: <s> first, </s> at the length limit)."""
    from transformers import GenerationConfig

    try:
        generation = GenerationConfig.from_pretrained(source, local_files_only=True)
    except (OSError, ValueError):  # no generation_config.json: the model config's values stand
        return getattr(config, "forced_bos_token_id", None), getattr(config, "forced_eos_token_id", None)
    return generation.forced_bos_token_id, generation.forced_eos_token_id


def _try_fast(
    spec: ModelSpec, source: str, local: bool, config: Any, tokenizer: Any, quantization: str
) -> tuple[FastModel | None, str | None]:
    """The CTranslate2 model for a checkpoint, or None and the reason it cannot be used."""
    if not ctranslate2_backend.available():
        return None, "the ctranslate2 package is not installed"
    if spec.decoder_start_token:
        return None, f"decoding must start at {spec.decoder_start_token}, which the converted model does not do"
    forced_first, forced_last = _forced_tokens(source, config)
    # A language-map model (CrossSum) starts decoding at its target language's token, given with each call.
    language_map = isinstance((getattr(config, "task_specific_params", None) or {}).get("langid_map"), dict)
    try:
        checkpoint = _checkpoint_directory(spec, source, local)
        first = tokenizer.convert_ids_to_tokens(forced_first) if forced_first is not None else None
        fast = ctranslate2_backend.load_fast(checkpoint, quantization, first, forced_last is not None, language_map)
        return fast, None
    except Exception as error:  # any conversion failure means: keep the transformers backend
        return None, f"{type(error).__name__}: {error}"


def load(spec: ModelSpec, backend: Backend | None = None, quantization: str | None = None) -> LoadedModel:
    """The loaded model for `spec`, loading it on first use; later callers (every app session, every CLI file)
    share it. At most SAAR_LOADED_MODELS models stay loaded; the least recently used is let go first.

    The backend defaults to $SAAR_BACKEND (auto: CTranslate2 where the model converts, else transformers).
    """
    backend = backend or settings.backend()
    quantization = quantization or settings.quantization()
    key = (spec.model_id, backend, quantization)
    with _LOAD_LOCK:
        loaded = _LOADED.get(key)
        if loaded is None:
            loaded = _load(spec, backend, quantization)
            _LOADED.capacity = settings.model_cache_capacity()  # read when it matters, like every setting
            _LOADED.put(key, loaded)
    if loaded.spec.lang != spec.lang:
        return replace(loaded, spec=replace(loaded.spec, lang=spec.lang))
    return loaded


def loaded_count() -> int:
    """Models held by this process now."""
    return len(_LOADED)


def unload_all() -> None:
    _LOADED.clear()
