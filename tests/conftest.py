from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
BILINGUAL_SEED = SEEDS / "en_hi_putin_modi_talks_bilingual.txt"
MENU_SEED = SEEDS / "en_modi_moscow_visit_2024.txt"

# Never reach for the network from tests, whatever the machine allows.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
# Converted (CTranslate2) models of the tiny test models go to a fresh folder, not the user's cache.
os.environ.setdefault("SAAR_CACHE", tempfile.mkdtemp(prefix="saar-cache-"))
# Nothing is saved by default (whatever the shell says): a test of the saved library names its own temporary database.
os.environ["SAAR_DB"] = "off"


@pytest.fixture(scope="session")
def bilingual_text() -> str:
    return BILINGUAL_SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def menu_text() -> str:
    return MENU_SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Tiny local models for English (BART) and Hindi (mT5), built once per test session."""
    from tests.tiny_models import build_tiny_bart, build_tiny_mt5

    root = tmp_path_factory.mktemp("tiny-models")
    return {"en": build_tiny_bart(root / "bart", max_positions=1024), "hi": build_tiny_mt5(root / "mt5")}
