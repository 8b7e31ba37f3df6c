"""The model facade: every model the product uses found by key, its weights' status, and the one download path that
the Models page, the `download` command and the NLI checker share."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from summarizers import models
from summarizers.attribution import nli
from summarizers.errors import ModelLoadError, ModelUnavailable
from tests.cli_runner import run_cli

ROOT = Path(__file__).resolve().parents[2]


def test_every_key_finds_its_model_and_an_unknown_key_none() -> None:
    assert models.keys() == ("en", "hi", "cross", "nli")
    for key in ("en", "hi", "cross"):
        found = models.find(key)
        assert isinstance(found, models.ModelSpec)
        assert found.download_mb > 0
    checker = models.find("nli")
    assert isinstance(checker, models.CheckerModel)
    assert checker == models.DEFAULT_NLI
    assert models.find("fr") is None


def test_an_override_names_the_model_served(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    found = models.find("hi", {"hi": str(tmp_path)})
    assert found is not None
    assert found.model_id == str(tmp_path)
    monkeypatch.setenv("SAAR_NLI_MODEL", "someone/other-nli")
    other = models.find("nli")
    assert isinstance(other, models.CheckerModel)
    assert (other.model_id, other.download_mb) == ("someone/other-nli", 0)  # its size is not known here


def test_a_local_model_is_here_when_its_directory_holds_a_config(tmp_path: Path) -> None:
    spec = models.find("hi", {"hi": str(tmp_path)})
    assert spec is not None
    assert not models.is_downloaded(spec)
    (tmp_path / "config.json").write_text("{}", "utf-8")
    assert models.is_downloaded(spec)
    assert nli.is_available(str(tmp_path))  # the checker asks the same question the same way
    assert not nli.is_available("nobody/not-downloaded-nli")


def test_downloading_a_local_directory_or_offline_is_refused_with_the_reason(tmp_path: Path) -> None:
    local = models.find("en", {"en": str(tmp_path)})
    assert local is not None
    with pytest.raises(ModelLoadError, match="local directory"):
        models.download(local)
    heard: list[str] = []
    with pytest.raises(ModelUnavailable, match="HF_HUB_OFFLINE"):  # the tests run offline (conftest)
        models.download(models.DEFAULT_NLI, progress=heard.append)
    model = models.DEFAULT_NLI.model_id
    assert heard == [f"Downloading {model} (about 1,140 MB, licence MIT) into the Hugging Face cache"]


def test_each_model_fetches_only_the_files_it_loads() -> None:
    hindi, english = models.find("hi"), models.find("en")
    assert hindi is not None
    assert english is not None
    assert "*.txt" not in models.files_of(hindi)  # mT5
    assert "*.txt" in models.files_of(english)  # BART's merges
    assert "*.bin" not in models.files_of(models.DEFAULT_NLI)  # safetensors only: no duplicate weights


def test_the_download_command_goes_through_the_facade(tmp_path: Path) -> None:
    local = run_cli("download", "--model", f"hi={tmp_path}")
    assert local.code == 1
    assert "is a local directory" in local.stderr
    checker = run_cli("download", "nli")
    assert checker.code == 1
    assert "licence MIT" in checker.stderr
    assert "HF_HUB_OFFLINE" in checker.stderr
    unknown = run_cli("download", "fr")
    assert unknown.code == 2
    assert "en, hi, cross, nli" in unknown.stderr


def _imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


@pytest.mark.parametrize("path", ["pages/models.py", "summarizers/cli.py", "summarizers/attribution/nli.py"])
def test_the_models_page_the_command_line_and_the_checker_ask_the_facade(path: str) -> None:
    imported = _imported_modules(ROOT / path)
    assert "summarizers.models" in imported
    assert not any("backends" in name or name.endswith(".hub") for name in imported)
    assert "summarizers.engines.abstractive.loading.download" not in imported
