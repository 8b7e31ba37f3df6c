"""The offline checker's fitted numbers: a logistic model over the overlap signals of `features`, and the threshold
above which a sentence counts as supported.

The numbers live in `calibration.json` beside this module, written by `benchmarks/fit_checker.py` from the FRANK
validation judgements (only the fitted numbers are kept, no data). A summary's score is the geometric mean of its
sentences' scores (`summary_score`: one weak sentence pulls it down hard, as a worst-sentence score would, while the
others still count); a summary is consistent when that score reaches the summary threshold. The sentence threshold
only decides which sentences are shown as unsupported.
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
FLOOR = 1e-4  # the least score a sentence brings to the geometric mean (a zero would hide every other sentence)


def summary_score(scores: Sequence[float]) -> float:
    """A summary's score from its sentences' scores: their geometric mean (1.0 when there are none)."""
    if not scores:
        return 1.0
    return math.exp(sum(math.log(max(FLOOR, score)) for score in scores) / len(scores))


@dataclass(frozen=True)
class Calibration:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float  # a sentence scoring at least this is supported (below it, it is flagged)
    fitted_on: str = ""
    # A summary scoring at least this (`summary_score` of its sentences) is consistent; None: as `threshold`. The
    # sentence flag is looser: it must let real paraphrase through (journalists' own highlights).
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
