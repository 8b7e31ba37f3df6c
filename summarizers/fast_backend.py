"""The CTranslate2 backend: a seq2seq checkpoint converted once (int8 on CPU by default) and reused from a cache.

CTranslate2 runs the same weights with quantised matrix products, fused layers and a leaner beam search. Conversion
happens offline from the checkpoint already on disk (a local directory or the Hugging Face cache) into
`$SAAR_CACHE` (default `~/.cache/saar`); a model that cannot be converted keeps the transformers backend, and the
reason is kept so the app can show it.

Choose with `SAAR_BACKEND=auto|ctranslate2|transformers` (auto: CTranslate2 where it works) and
`SAAR_CT2_QUANTIZATION` (int8 by default; float32 gives transformers' numbers, which the tests compare).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Backend = Literal["auto", "ctranslate2", "transformers"]
BACKENDS: tuple[Backend, ...] = ("auto", "ctranslate2", "transformers")
_CONVERT_LOCK = threading.Lock()


def backend_choice() -> Backend:
    value = os.environ.get("SAAR_BACKEND", "auto").strip().lower()
    return value if value in BACKENDS else "auto"  # type: ignore[return-value]


def quantization_choice() -> str:
    return os.environ.get("SAAR_CT2_QUANTIZATION", "int8").strip() or "int8"


def available() -> bool:
    try:
        import ctranslate2  # noqa: F401
    except ImportError:
        return False
    return True


def cache_root() -> Path:
    return Path(os.environ.get("SAAR_CACHE", Path.home() / ".cache" / "saar")).expanduser() / "ctranslate2"


def _fingerprint(directory: Path) -> str:
    """Changes when the checkpoint changes: the config and the size and time of every weight file."""
    digest = hashlib.sha256((directory / "config.json").read_bytes())
    for path in sorted(directory.iterdir()):
        if path.suffix in (".safetensors", ".bin"):
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def converted_directory(checkpoint: Path, quantization: str) -> Path:
    slug = "".join(ch if ch.isalnum() else "-" for ch in checkpoint.name)[-40:]
    return cache_root() / f"{slug}-{_fingerprint(checkpoint)}-{quantization}"


def _converter_class() -> type:
    from ctranslate2.converters import TransformersConverter

    class SaarConverter(TransformersConverter):  # type: ignore[misc, valid-type]
        """transformers 5 dropped BART's `normalize_before` (always post-norm); the converter still reads it."""

        def load_model(self, model_class: Any, model_name_or_path: str, **kwargs: Any) -> Any:
            model = super().load_model(model_class, model_name_or_path, **kwargs)
            if model.config.model_type in ("bart", "mbart") and not hasattr(model.config, "normalize_before"):
                model.config.normalize_before = model.config.model_type == "mbart"
            return model

    return SaarConverter


def convert(checkpoint: Path, quantization: str) -> Path:
    """The converted model directory for a checkpoint, converting it on first use (once per process at a time)."""
    target = converted_directory(checkpoint, quantization)
    with _CONVERT_LOCK:
        if (target / "model.bin").is_file():
            return target
        partial = target.with_name(target.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.parent.mkdir(parents=True, exist_ok=True)
        _converter_class()(str(checkpoint), low_cpu_mem_usage=True).convert(
            str(partial), quantization=quantization, force=True
        )
        partial.rename(target)  # a crash mid-conversion never leaves a directory that looks complete
    return target


@dataclass
class FastModel:
    """A converted model ready to generate; token strings in, token strings out."""

    translator: Any
    directory: Path
    quantization: str
    # Tokens the decoder is forced to start with (BART's generation config forces <s> first).
    prefix: tuple[str, ...] = ()
    # transformers forces </s> as the last token when a summary reaches its length limit (BART's
    # forced_eos_token_id), so the visible text is one token shorter there; doing the same keeps outputs equal.
    forced_end: bool = False

    def generate(self, sources: list[list[str]], settings: dict[str, Any]) -> list[list[str]]:
        options = {
            "beam_size": settings["num_beams"],
            "length_penalty": settings["length_penalty"],
            "no_repeat_ngram_size": settings["no_repeat_ngram_size"],
            "min_decoding_length": settings["min_new_tokens"],
            "max_decoding_length": settings["max_new_tokens"],
            "max_batch_size": len(sources),
        }
        if self.prefix:
            options["target_prefix"] = [list(self.prefix) for _ in sources]
        results = self.translator.translate_batch(sources, **options)
        hypotheses = [result.hypotheses[0] for result in results]
        if self.forced_end:
            limit = settings["max_new_tokens"]
            hypotheses = [tokens[:-1] if len(tokens) >= limit else tokens for tokens in hypotheses]
        return hypotheses


def load_fast(
    checkpoint: Path, quantization: str, threads: int, forced_first: str | None, forced_end: bool
) -> FastModel:
    import ctranslate2

    directory = convert(checkpoint, quantization)
    compute_type = quantization if quantization in ctranslate2.get_supported_compute_types("cpu") else "default"
    translator = ctranslate2.Translator(
        str(directory), device="cpu", compute_type=compute_type, intra_threads=threads, inter_threads=1
    )
    return FastModel(translator, directory, quantization, (forced_first,) if forced_first else (), forced_end)
