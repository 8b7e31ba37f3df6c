"""The offline checker's fitted numbers: a logistic model over the overlap signals of `features`, and the threshold
above which a sentence counts as supported.

The numbers live in `calibration.json` beside this module, written by `benchmarks/fit_checker.py` from the FRANK
validation judgements (only the fitted numbers are kept, no data). A summary's score is its worst sentence's score; a
summary is consistent when every sentence is supported and that score reaches the (stricter) summary threshold.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from summarizers.attribution.features import FEATURES

CALIBRATION_FILE = "calibration.json"


@dataclass(frozen=True)
class Calibration:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float  # a sentence scoring at least this is supported (below it, it is flagged)
    fitted_on: str = ""
    # A summary scoring at least this (its worst sentence) is consistent; None: as `threshold`. It is stricter than
    # the sentence flag, which must let real paraphrase through (journalists' own highlights).
    summary_threshold: float | None = None

    def __post_init__(self) -> None:
        if self.features != FEATURES:
            raise ValueError("calibration.json was fitted on other features; run benchmarks/fit_checker.py to refit it")
        if not len(self.mean) == len(self.scale) == len(self.weights) == len(self.features):
            raise ValueError("calibration.json: mean, scale and weights must have one value per feature")

    def score(self, values: Sequence[float]) -> float:
        """The probability, under the fitted model, that a sentence with these signals is consistent."""
        z = self.bias + sum(
            weight * (value - mean) / scale
            for weight, value, mean, scale in zip(self.weights, values, self.mean, self.scale, strict=True)
        )
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": [round(value, 6) for value in self.mean],
            "scale": [round(value, 6) for value in self.scale],
            "weights": [round(value, 6) for value in self.weights],
            "bias": round(self.bias, 6),
            "threshold": round(self.threshold, 6),
            "summary_threshold": None if self.summary_threshold is None else round(self.summary_threshold, 6),
            "fitted_on": self.fitted_on,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Calibration:
        return cls(
            features=tuple(data["features"]),
            mean=tuple(float(v) for v in data["mean"]),
            scale=tuple(float(v) for v in data["scale"]),
            weights=tuple(float(v) for v in data["weights"]),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            fitted_on=str(data.get("fitted_on", "")),
            summary_threshold=None if data.get("summary_threshold") is None else float(data["summary_threshold"]),
        )


@lru_cache(maxsize=1)
def shipped() -> Calibration:
    """The calibration shipped with the package."""
    text = resources.files("summarizers.attribution").joinpath(CALIBRATION_FILE).read_text(encoding="utf-8")
    return Calibration.from_json(json.loads(text))
