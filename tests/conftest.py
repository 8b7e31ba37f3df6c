from __future__ import annotations

import os
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


@pytest.fixture(scope="session")
def bilingual_text() -> str:
    return BILINGUAL_SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def menu_text() -> str:
    return MENU_SEED.read_text(encoding="utf-8")
