"""The values engines are driven with and say of themselves, apart from the contract (`base`) and the streaming events
(`streaming`) that both speak of them, so neither needs the other's module to name them."""

from __future__ import annotations

from typing import Literal

Length = Literal["short", "medium", "long"]
LENGTHS: tuple[Length, ...] = ("short", "medium", "long")
SummaryMethod = Literal["abstractive", "extractive"]
