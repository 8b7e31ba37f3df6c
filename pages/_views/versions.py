"""HTML views of a comparison of two versions: what only one version says, and each version's text with those
sentences' sources marked, so a link can take the reader to the place.

Works on the dict `summarizers.compare.compare_sides` returns. Every piece of user or model text goes through
`html.escape`; offsets are code points into each side's document text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

MARK_COLOUR = "#ffe08a"


@dataclass(frozen=True)
class OnlyHere:
    """A summary sentence of one version that the other version does not support, and where its source is."""

    side: int
    text: str
    missing: tuple[str, ...]
    start: int | None  # its first source in its own version's text (None: none found)
    end: int | None

    @property
    def anchor(self) -> str:
        return f"saar-v{self.side}-{self.start}"


def only_in_one(comparison: dict[str, Any]) -> list[OnlyHere]:
    """Each side's summary sentences that were checked against the other version and not found there."""
    found = []
    for index, side in enumerate(comparison["sides"]):
        for summary in side["summaries"]:
            for sentence, check in zip(summary["sentences"], summary["in_other"], strict=True):
                if not check.get("checked", True) or check["supported"]:
                    continue
                first = sentence["sources"][0] if sentence["sources"] else None
                found.append(
                    OnlyHere(
                        index,
                        sentence["text"],
                        tuple(check.get("missing", [])),
                        first["start"] if first else None,
                        first["end"] if first else None,
                    )
                )
    return found


def merged_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The facts both versions state, one row per fact of the second version: forms of one fact the first version
    writes ("Donald Trump", "Trump"; "Ukraine", "Ukrainian") share its row instead of counting twice."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        kept = merged.setdefault((row["kind"], row["b"]), {**row, "a": []})
        if row["a"] not in kept["a"]:
            kept["a"].append(row["a"])
    return [{**row, "a": " · ".join(row["a"])} for row in merged.values()]


WORDS = {
    "en": {
        "missing": "not in the other version: {facts}",
        "unsupported": "could not find support in the other version",
        "place": "its place in the {label} text (characters {start}–{end})",
        "no_source": "no source found in its own text",
    },
    "hi": {
        "missing": "दूसरे संस्करण में नहीं: {facts}",
        "unsupported": "दूसरे संस्करण में समर्थन नहीं मिला",
        "place": "{label} पाठ में इसकी जगह (अक्षर {start}–{end})",
        "no_source": "इसके अपने पाठ में कोई स्रोत नहीं मिला",
    },
}


def only_here_html(item: OnlyHere, side_label: str, ui: str = "en") -> str:
    """One such sentence: its text, why it is listed (the facts the other version lacks, or, where it lacks none, that
    no support was found there), and a link to its place in its version, each on a line of its own."""
    words = WORDS.get(ui, WORDS["en"])
    if item.missing:
        reason = words["missing"].format(facts=html.escape(", ".join(item.missing)))
    else:
        reason = words["unsupported"]
    missing = f'<span class="saar-flag">{reason}</span>'
    place = (
        f'<a href="#{item.anchor}" data-testid="saar-place">'
        f"{words['place'].format(label=html.escape(side_label), start=item.start, end=item.end)}</a>"
        if item.start is not None
        else f'<span class="saar-unchecked">{words["no_source"]}</span>'
    )
    text = html.escape(item.text)
    return f'<li data-side="{item.side}">{text}{missing}<small class="saar-place">{place}</small></li>'


def only_here_list_html(items: list[OnlyHere], labels: tuple[str, str], ui: str = "en") -> str:
    if not items:
        return ""
    rows = "".join(only_here_html(item, labels[item.side], ui) for item in items)
    return f'<ul class="saar-summary saar-only">{rows}</ul>'


def marked_text_html(text: str, items: list[OnlyHere], sides: tuple[int, ...], name: str = "Source text") -> str:
    """The text of `sides` (one side, or both when they are two language runs of one document) with the sources of
    their only-here sentences marked, each mark the target of its sentence's link. The box scrolls, so it takes the
    keyboard's focus and is a region named `name`."""
    spans = sorted(
        {(item.start, item.end or 0, item.side) for item in items if item.side in sides and item.start is not None}
    )
    pieces, position = [], 0
    for start, end, side in spans:
        if start < position:
            continue  # a source overlapping the previous one is already marked
        pieces.append(html.escape(text[position:start]))
        pieces.append(
            f'<mark id="saar-v{side}-{start}" style="background:{MARK_COLOUR}">{html.escape(text[start:end])}</mark>'
        )
        position = end
    pieces.append(html.escape(text[position:]))
    testid = "saar-version-" + "-".join(str(side) for side in sides)
    return (
        f'<div class="saar-source" data-testid="{testid}" tabindex="0" role="region" aria-label="{html.escape(name)}">'
        f"{''.join(pieces)}</div>"
    )
