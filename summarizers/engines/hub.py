"""Where a model's weights are: a local directory, or the standard Hugging Face cache (`HF_HOME`) for a hub id; and
fetching a hub id's files into that cache, the one step that uses the network (it honours `HF_HUB_OFFLINE`).

Every model the product uses (the summarisers and the NLI checker) is found and fetched here; `summarizers.models` is
the face the pages and the command line see.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from summarizers import settings
from summarizers.errors import ModelLoadError, ModelUnavailable
from summarizers.messages import Message


def looks_like_path(target: str) -> bool:
    return target.startswith((".", "/", "~")) or (os.sep in target and Path(target).expanduser().exists())


def is_local(target: str) -> bool:
    return looks_like_path(target) or Path(target).expanduser().is_dir()


def is_here(target: str) -> bool:
    """Whether a model (hub id or directory) can be loaded without a network."""
    if is_local(target):
        return (Path(target).expanduser() / "config.json").is_file()
    from huggingface_hub import try_to_load_from_cache

    return isinstance(try_to_load_from_cache(target, "config.json"), str)


def check_directory(directory: Path) -> None:
    if not directory.exists():
        raise ModelLoadError(Message("model.no_directory", path=str(directory)))
    if not directory.is_dir():
        raise ModelLoadError(Message("model.is_a_file", path=str(directory)))
    if not (directory / "config.json").is_file():
        raise ModelLoadError(Message("model.no_config", path=str(directory)))
    try:  # read here too, so that a directory chosen on the Models page is vetted before a summary needs it
        json.loads((directory / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:  # a JSON error, or bytes that are not UTF-8
        raise ModelLoadError(Message("model.config_unreadable", path=str(directory), error=str(error))) from error


def fetch(model_id: str, files: tuple[str, ...]) -> str:
    """Fetch a hub id's files matching `files` (glob patterns) into the Hugging Face cache; returns the folder."""
    if is_local(model_id):
        raise ModelLoadError(Message("model.local_not_downloadable", model=model_id))
    if settings.hub_offline():
        raise ModelUnavailable(Message("model.hub_offline"))
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HfHubHTTPError

    try:
        return str(snapshot_download(model_id, allow_patterns=list(files)))
    except (OSError, HfHubHTTPError, ValueError) as error:
        raise ModelUnavailable(Message("model.download_failed", model=model_id, error=str(error))) from error
