"""The transformers backend: `model.generate` in torch, exactly as the model card's settings ask."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def generate(
    model: Any, tokenizer: Any, batch_texts: list[str], settings: dict[str, Any], check_window: Callable[[int], None]
) -> list[list[int]]:
    """Token ids of each text's summary. `check_window` sees the longest input first (chunks never exceed it)."""
    import torch

    with torch.inference_mode():
        batch = tokenizer(batch_texts, return_tensors="pt", padding=True, truncation=False)
        check_window(int(batch["input_ids"].shape[1]))
        generated = model.generate(**batch, **settings)
    return [row.tolist() for row in generated]
