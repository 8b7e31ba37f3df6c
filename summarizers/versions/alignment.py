"""Sentence alignment of two versions of one story, in order, in the manner of Gale and Church (1993).

Versions keep the story's order, so the sentences are aligned by dynamic programming over links of 1–1, 1–2, 2–1,
1–0 and 0–1 sentences. A link's cost is how unlikely it is:
- its kind (most links are 1–1; a sentence only one version has is rare);
- the lengths: a sentence's translation is about as long as the sentence times the languages' length ratio, with a
  spread that grows with the length (Gale–Church's normal model of the length difference);
- the anchors (`versions.anchors`: figures, dates, names, loanwords, punctuation): one both sides of a link state
  lowers the cost; one that the other version states elsewhere but not in this link raises it;
- what tells a sentence one version lacks from a neighbour's translation: a figure or date the other version states
  nowhere makes leaving its sentence alone cheaper, and a merge one of whose two sentences shares none of the third's
  anchors costs more (else a deleted sentence is absorbed into its neighbour's link).

Only cells near the diagonal are computed (a band, moved along the path and widened where the best path runs along
its edge), each row of it as arrays, so two texts of thousands of sentences align in a second or two rather than the
minutes every cell would take.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# Measured on the dev split of the English–Hindi human translations (493 sentence pairs): Hindi takes 0.97 times the
# non-space characters of its English sentence, and the squared length difference grows by 1.6 per character (0.99
# and 1.6 on the even-numbered articles, 0.96 and 1.4 on the odd).
LENGTH_RATIOS = {("en", "hi"): 0.97, ("hi", "en"): 1 / 0.97}
LENGTH_VARIANCE = 1.6
# Gale and Church's link priors (1–1 .89, 1–0 and 0–1 .0099 each, 2–1 and 1–2 .089 each); 2–2 is left out.
PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089}
ANCHOR_BONUS = 2.5  # per weight of an anchor both sides of a link state
ANCHOR_PENALTY = 1.0  # per weight of an anchor the other version states elsewhere but not in this link
# A figure or date the other version states nowhere: its sentence is likelier one that version lacks. Leaving such a
# sentence alone costs this much less per weight. This and the two below were chosen on the even-numbered dev
# articles with their middle English sentence deleted (deletions found: 82% before, 91% after; 91% on the odd).
UNSHARED_BONUS = 2.0
# A merge (1–2 or 2–1) where one of the two sentences shares no more than MERGE_COVERS of the single sentence's
# anchors (a comma, or one loanword likeness, is not enough) costs this much more per weight of those anchors: that
# sentence is likelier one the other version lacks than the second half of a translation.
MERGE_UNCOVERED = 2.0
MERGE_COVERS = 0.3
LEAST_PROBABILITY = 1e-12
BAND = 8  # the band's half-width to start with, in sentences beyond the length ratio of the two versions
FIRST_BAND_CELLS = 400_000  # about a second of work


@dataclass(frozen=True)
class Anchor:
    """Something a sentence states that a translation keeps (a fact, a loanword, a punctuation mark): the keys it
    matches under (a fact's are `facts.Fact.keys`) and how much a match says."""

    keys: frozenset[str]
    weight: float
    fact: bool = False  # a figure or a date (stated in one version only, it says the sentence may be there alone)


@dataclass(frozen=True)
class Sentence:
    """What the aligner knows of a sentence: its length (non-space characters) and its anchors."""

    length: int
    anchors: tuple[Anchor, ...] = ()

    @property
    def keys(self) -> frozenset[str]:
        return frozenset().union(*(anchor.keys for anchor in self.anchors))


@dataclass(frozen=True)
class Link:
    """Sentences of the first version (`a`) and of the second (`b`) that say the same; one side may be empty."""

    a: tuple[int, ...]
    b: tuple[int, ...]


def length_ratio(lang_a: str | None, lang_b: str | None) -> float:
    return LENGTH_RATIOS.get((lang_a or "", lang_b or ""), 1.0)


def length_cost(length_a: int, length_b: int, ratio: float) -> float:
    """-log of the probability of a length difference this large or larger between a sentence and its translation."""
    mean = max((length_a + length_b / ratio) / 2, 1.0)
    delta = (length_b - ratio * length_a) / math.sqrt(mean * LENGTH_VARIANCE)
    return -math.log(max(math.erfc(abs(delta) / math.sqrt(2)), LEAST_PROBABILITY))


class _Scorer:
    """What sentences of the two versions share, for the link costs.

    Each key the other version states is filed under the sentences that state it (postings, in order), so the
    sentences of one row of the band that share anything with a sentence are found by a binary search per key,
    not by comparing the sentence with each of them. A link of two sentences with one sums its pairs (capped at all
    a sentence has), which counts an anchor both of the two state twice only up to that cap."""

    def __init__(self, a: Sequence[Sentence], b: Sequence[Sentence], ratio: float) -> None:
        self.ratio = ratio
        self.lengths = ([s.length for s in a], [s.length for s in b])
        keys = ([s.keys for s in a], [s.keys for s in b])
        # Only a fact the other version states somewhere can be missed in a link; others say nothing of where.
        shared = frozenset().union(*keys[0]) & frozenset().union(*keys[1])
        self.keys = tuple([sentence_keys & shared for sentence_keys in side] for side in keys)
        # Per sentence: its one-key anchors (key, weight) and its several-key anchors (names); the weight of all.
        self.single: tuple[list[list[tuple[str, float]]], list[list[tuple[str, float]]]] = ([], [])
        self.multi: tuple[list[tuple[Anchor, ...]], list[tuple[Anchor, ...]]] = ([], [])
        self.totals: tuple[list[float], list[float]] = ([], [])
        self.unshared: tuple[list[float], list[float]] = ([], [])
        for side, sentences in enumerate((a, b)):
            for sentence in sentences:
                self.unshared[side].append(
                    sum(anchor.weight for anchor in sentence.anchors if anchor.fact and not anchor.keys & shared)
                )
                single = {
                    key: anchor.weight for anchor in sentence.anchors if len(anchor.keys) == 1 for key in anchor.keys
                }
                kept = [(key, weight) for key, weight in single.items() if key in shared]
                multi = tuple(x for x in sentence.anchors if len(x.keys) > 1 and x.keys & shared)
                self.single[side].append(kept)
                self.multi[side].append(multi)
                self.totals[side].append(sum(weight for _, weight in kept) + sum(x.weight for x in multi))
        # The second version's postings: sentences stating a key at all, and those whose one-key anchor it is.
        self.stating: dict[str, list[int]] = {}
        self.anchoring: dict[str, list[tuple[int, float]]] = {}
        for y, sentence_keys in enumerate(self.keys[1]):
            for key in sentence_keys:
                self.stating.setdefault(key, []).append(y)
            for key, weight in self.single[1][y]:
                self.anchoring.setdefault(key, []).append((y, weight))
        self.with_names = [y for y, multi in enumerate(self.multi[1]) if multi]

    def pairs_of(self, x: int, low: int, high: int) -> tuple[np.ndarray, np.ndarray]:
        """For y in [low, high): the weight of a[x]'s anchors that b[y] states, and of b[y]'s that a[x] states."""
        of_a = [0.0] * (high - low)
        of_b = [0.0] * (high - low)
        for key, weight in self.single[0][x]:
            postings = self.stating.get(key, [])
            for y in postings[bisect_left(postings, low) : bisect_left(postings, high)]:
                of_a[y - low] += weight
        for anchor in self.multi[0][x]:
            found: set[int] = set()
            for key in anchor.keys:
                postings = self.stating.get(key, [])
                found.update(postings[bisect_left(postings, low) : bisect_left(postings, high)])
            for y in found:
                of_a[y - low] += anchor.weight
        for key in self.keys[0][x]:
            anchored = self.anchoring.get(key, [])
            start = bisect_left(anchored, (low, -math.inf))
            for y, weight in anchored[start : bisect_left(anchored, (high, -math.inf))]:
                of_b[y - low] += weight
        keys_x = self.keys[0][x]
        named = self.with_names
        for y in named[bisect_left(named, low) : bisect_left(named, high)]:
            of_b[y - low] += sum(anchor.weight for anchor in self.multi[1][y] if anchor.keys & keys_x)
        return np.array(of_a), np.array(of_b)


def align(a: Sequence[Sentence], b: Sequence[Sentence], ratio: float = 1.0) -> list[Link]:
    """The likeliest in-order alignment of two versions' sentences: every sentence in exactly one link.

    The first band follows the diagonal. Where the best path runs along its edge (one version has a paragraph the
    other lacks, and the path drifts), the next band follows that path, and each after it is also twice as wide,
    until the path stays inside or the band holds every cell."""
    n, m = len(a), len(b)
    if not n or not m:
        return [Link((i,), ()) for i in range(n)] + [Link((), (j,)) for j in range(m)]
    scorer = _Scorer(a, b, ratio)
    # Sentences one version has and the other lacks move the path off the diagonal by up to their count: the first
    # band allows for that, within a budget of cells (beyond it, the band follows the path instead).
    width = BAND + math.ceil(max(n / m, m / n)) + min(abs(n - m), FIRST_BAND_CELLS // (2 * (n + 1)))
    bounds = [_diagonal(i, n, m, width) for i in range(n + 1)]
    recentred = False
    while True:
        links, touched = _banded(scorer, n, m, bounds)
        if not touched or width >= max(n, m):
            return links
        if recentred:  # the path left a band that already followed it: widen too
            width *= 2
        recentred = True
        bounds = _around(links, n, m, width)


def _diagonal(i: int, n: int, m: int, width: int) -> tuple[int, int]:
    centre = i * m / n
    return max(0, math.floor(centre - width)), min(m, math.ceil(centre + width))


def _around(links: Sequence[Link], n: int, m: int, width: int) -> list[tuple[int, int]]:
    """A band of `width` either side of a path, its edges never stepping back (rows share cells with the next)."""
    lows, highs = [m] * (n + 1), [0] * (n + 1)
    i = j = 0
    cells = [(0, 0)]
    for link in links:
        for _ in link.a:
            i += 1
            cells.append((i, j))
        j += len(link.b)
        cells.append((i, j))
    for row, column in cells:
        lows[row] = min(lows[row], max(0, column - width))
        highs[row] = max(highs[row], min(m, column + width))
    for row in range(n - 1, -1, -1):
        lows[row] = min(lows[row], lows[row + 1])
    for row in range(1, n + 1):
        highs[row] = max(highs[row], highs[row - 1])
    return list(zip(lows, highs, strict=True))


# -log(erfc(d / sqrt 2)) on a grid of |delta|: the length cost of a whole row of cells by one interpolation.
_GRID = np.linspace(0.0, 10.0, 4001)
_TABLE = np.array([-math.log(max(math.erfc(d / math.sqrt(2)), LEAST_PROBABILITY)) for d in _GRID])
# Back-pointer codes of the five moves.
_STEPS = {1: (1, 1), 2: (1, 0), 3: (1, 2), 4: (2, 1), 5: (0, 1)}


def length_costs(length_a: np.ndarray | float, length_b: np.ndarray, ratio: float) -> np.ndarray:
    """`length_cost` of many pairs at once (to the grid's precision); one length of `a` may stand for all."""
    mean = np.maximum((length_a + length_b / ratio) / 2, 1.0)
    delta = np.abs(length_b - ratio * length_a) / np.sqrt(mean * LENGTH_VARIANCE)
    costs: np.ndarray = np.interp(delta, _GRID, _TABLE)
    return costs


def _at(values: np.ndarray, low: int, indexes: np.ndarray, outside: float = math.inf) -> np.ndarray:
    """values[index - low] for each of a run of consecutive indexes (a band row's), `outside` where an index lies
    outside the row's band. (By slices: a mask and a gather for each of a dozen arrays a row took half the time.)"""
    out: np.ndarray = np.full(len(indexes), outside)
    if len(indexes):
        first = int(indexes[0])
        start, stop = max(first, low), min(first + len(indexes), low + len(values))
        if start < stop:
            out[start - first : stop - first] = values[start - low : stop - low]
    return out


def _banded(scorer: _Scorer, n: int, m: int, bounds: list[tuple[int, int]]) -> tuple[list[Link], bool]:
    """The best path through the cells of each row's `bounds`, and whether it runs along the band's edge (then a
    wider band might find a better one). Each row is computed as arrays over its cells; only the 0–1 move, which
    depends on the cell before in the same row, is a loop."""
    lengths_a = np.array(scorer.lengths[0], dtype=float)
    lengths_b = np.array(scorer.lengths[1] + [0], dtype=float)  # a last 0 keeps indexes of -1 harmless
    totals_a = np.array(scorer.totals[0], dtype=float)
    totals_b = np.array(scorer.totals[1] + [0.0], dtype=float)
    unshared_a = np.array(scorer.unshared[0], dtype=float)
    unshared_b = np.array(scorer.unshared[1] + [0.0], dtype=float)
    priors = {step: -math.log(prior) for step, prior in PRIORS.items()}
    ratio = scorer.ratio
    pairs: dict[int, tuple[int, np.ndarray, np.ndarray]] = {}  # a sentence x -> (first y, matched a, matched b)

    def matched(x: int, ys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if x not in pairs:
            low = max(0, bounds[min(x + 1, n)][0] - 2)
            high = min(m, bounds[min(x + 2, n)][1])
            pairs[x] = (low, *scorer.pairs_of(x, low, high))
            pairs.pop(x - 3, None)  # rows further back are never asked for again
        low, of_a, of_b = pairs[x]
        return _at(of_a, low, ys, 0.0), _at(of_b, low, ys, 0.0)

    costs: list[np.ndarray] = []
    steps: list[np.ndarray] = []
    for i in range(n + 1):
        low, high = bounds[i]
        js = np.arange(low, high + 1)
        j1, j2 = js - 1, js - 2  # b[j-1] and b[j-2] of each cell (index -1: the last, harmless 0)
        length_b1, length_b2, total_b1, total_b2 = lengths_b[j1], lengths_b[j2], totals_b[j1], totals_b[j2]
        best = np.full(len(js), math.inf)
        step = np.zeros(len(js), dtype=np.int8)
        if i == 0:
            best[0] = 0.0  # low is 0 in the first row
        candidates = []
        if i >= 1:
            previous, previous_low = costs[i - 1], bounds[i - 1][0]
            x = i - 1
            total_a = totals_a[x]
            # 1-1: a[x] with b[j-1]
            ma, mb = matched(x, j1)
            anchors = ANCHOR_PENALTY * (total_a - ma + total_b1 - mb) - ANCHOR_BONUS * ma
            lengths = length_costs(lengths_a[x], length_b1, ratio)
            candidates.append((1, _at(previous, previous_low, j1) + priors[(1, 1)] + lengths + anchors))
            # 1-0: a[x] alone
            alone = priors[(1, 0)] + ANCHOR_PENALTY * total_a - UNSHARED_BONUS * unshared_a[x]
            candidates.append((2, _at(previous, previous_low, js) + alone))
            # 1-2: a[x] with b[j-2], b[j-1]
            ma1, mb1 = matched(x, j2)
            mine = np.minimum(ma + ma1, total_a)
            theirs = np.minimum(mb1, total_b2) + np.minimum(mb, total_b1)
            anchors = ANCHOR_PENALTY * (total_a - mine + total_b2 + total_b1 - theirs)
            anchors -= ANCHOR_BONUS * mine
            # A merge one of whose sentences states (almost) nothing of a[x]'s anchors: see MERGE_UNCOVERED.
            anchors += MERGE_UNCOVERED * total_a * ((ma1 <= MERGE_COVERS) | (ma <= MERGE_COVERS))
            lengths = length_costs(lengths_a[x], length_b2 + length_b1, ratio)
            candidates.append((3, _at(previous, previous_low, j2) + priors[(1, 2)] + lengths + anchors))
        if i >= 2:
            before, before_low = costs[i - 2], bounds[i - 2][0]
            x1, x2 = i - 2, i - 1
            ma1, mb1 = matched(x1, j1)
            ma2, mb2 = matched(x2, j1)
            mine = np.minimum(ma1, totals_a[x1]) + np.minimum(ma2, totals_a[x2])
            theirs = np.minimum(mb1 + mb2, total_b1)
            anchors = ANCHOR_PENALTY * (totals_a[x1] + totals_a[x2] - mine + total_b1 - theirs)
            anchors -= ANCHOR_BONUS * mine
            anchors += MERGE_UNCOVERED * total_b1 * ((mb1 <= MERGE_COVERS) | (mb2 <= MERGE_COVERS))
            lengths = length_costs(lengths_a[x1] + lengths_a[x2], length_b1, ratio)
            candidates.append((4, _at(before, before_low, j1) + priors[(2, 1)] + lengths + anchors))
        for code, values in candidates:
            valid = js - _STEPS[code][1] >= 0
            better = valid & (values < best)
            best[better] = values[better]
            step[better] = code
        # 0-1: b[j-1] alone, from the cell before in this row
        row, codes = best.tolist(), step.tolist()
        alone = (priors[(0, 1)] + ANCHOR_PENALTY * total_b1 - UNSHARED_BONUS * unshared_b[j1]).tolist()
        for k in range(1, len(row)):
            total = row[k - 1] + alone[k]
            if total < row[k]:
                row[k], codes[k] = total, 5
        costs.append(np.array(row))
        steps.append(np.array(codes, dtype=np.int8))
    links: list[Link] = []
    touched = False
    i, j = n, m
    while i or j:
        low, high = bounds[i]
        touched = touched or (j == low and low > 0) or (j == high and high < m)
        di, dj = _STEPS[int(steps[i][j - low])]
        links.append(Link(tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    links.reverse()
    return links, touched
