"""Every JSON document the command line prints names the schema version of its forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizers.schema import SCHEMA_VERSION
from tests.cli_runner import run_cli
from tests.conftest import BILINGUAL_SEED


@pytest.mark.parametrize("command", ["segment", "summarize"])
def test_documents_output_carries_the_schema_version(command: str) -> None:
    arguments = [command, str(BILINGUAL_SEED), "--json"]
    if command == "summarize":
        arguments += ["--method", "extractive"]
    payload = run_cli(*arguments).json()
    assert payload["schema_version"] == SCHEMA_VERSION
    assert list(payload) == ["schema_version", "documents"]  # the version first, the contract's key unchanged


def test_attribute_output_carries_the_schema_version(tmp_path: Path) -> None:
    summary = tmp_path / "summary.txt"
    summary.write_text("Putin and Modi held talks in New Delhi.", encoding="utf-8")
    payload = run_cli("attribute", str(BILINGUAL_SEED), str(summary), "--json").json()
    assert payload["schema_version"] == SCHEMA_VERSION
    assert [sentence["text"] for sentence in payload["sentences"]] == ["Putin and Modi held talks in New Delhi."]
