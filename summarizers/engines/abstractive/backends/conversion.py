"""Converting a checkpoint to CTranslate2 in a child process, so the server's own memory stays at its steady size.

The converter loads the whole checkpoint in float32 before it writes the quantised copy: mT5-base's first use peaks
near 3 GB against a steady 0.9 GB once the converted model is loaded (`benchmarks/speed.py --conversion`). Done in
the server's process, that peak is the server's, and a small server falls over on its first Hindi summary; done in a
child, the memory goes back to the system when the child ends. The child imports only this module (not the
package's API), reads the checkpoint, writes the converted model into the folder it is given, and exits; a failure
is its last error line, raised here as a `ModelLoadError`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from summarizers.errors import ModelLoadError
from summarizers.messages import Message

PACKAGE = Path(__file__).resolve().parents[3]
# The child loads this module alone: the package's __init__ would import the whole summarizing stack. An empty
# package module pointing at the same folder lets `summarizers.engines...` import as usual without it.
_BOOTSTRAP = """
import sys, types
package = types.ModuleType("summarizers")
package.__path__ = [sys.argv[1]]
sys.modules["summarizers"] = package
from summarizers.engines.abstractive.backends.conversion import convert_here
convert_here(sys.argv[2], sys.argv[3], sys.argv[4])
"""


def _converter_class() -> type:
    from ctranslate2.converters import TransformersConverter

    class SaarConverter(TransformersConverter):  # type: ignore[misc]
        """transformers 5 dropped BART's `normalize_before` (always post-norm); the converter still reads it."""

        def load_model(self, model_class: Any, model_name_or_path: str, **kwargs: Any) -> Any:
            model = super().load_model(model_class, model_name_or_path, **kwargs)
            if model.config.model_type in ("bart", "mbart") and not hasattr(model.config, "normalize_before"):
                model.config.normalize_before = model.config.model_type == "mbart"
            return model

    return SaarConverter


def convert_here(checkpoint: str, target: str, quantization: str) -> None:
    """Convert in this process (the child's work)."""
    _converter_class()(checkpoint, low_cpu_mem_usage=True).convert(target, quantization=quantization, force=True)


def convert_in_child(checkpoint: Path, target: Path, quantization: str) -> None:
    """Convert `checkpoint` into `target` in a child process; `ModelLoadError` with the child's reason if it fails."""
    command = [sys.executable, "-c", _BOOTSTRAP, str(PACKAGE), str(checkpoint), str(target), quantization]
    completed = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace", check=False)
    if completed.returncode != 0:
        lines = [line.strip() for line in completed.stderr.splitlines() if line.strip()]
        reason = lines[-1] if lines else f"the converting process ended with status {completed.returncode}"
        raise ModelLoadError(Message("model.conversion_failed", model=checkpoint.name, error=reason))
