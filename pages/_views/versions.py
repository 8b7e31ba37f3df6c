"""HTML views of a comparison of two versions: what only one version says, and each version's text with those
sentences' sources marked, so a link can take the reader to the place.

Works on the comparison `summarizers.compare.compare_sides` returns (`summarizers.schema.ComparisonJSON`). Every
piece of user or model text goes through `html.escape`; offsets are code points into each side's document text.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

from pages._views.wording import INTERFACE_LANGUAGES, section
from summarizers.schema import ComparisonJSON, DifferenceJSON, SharedFactJSON

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


def only_in_one(comparison: ComparisonJSON) -> list[OnlyHere]:
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


def not_in_differences(items: list[OnlyHere], comparison: ComparisonJSON) -> list[OnlyHere]:
    """The sentences whose missing facts are not all figures, dates or names already listed as differences: "54" in
    a sentence whose translation says "45" is one difference above, not a fact only one version states."""
    listed: tuple[set[str | None], set[str | None]] = (set(), set())
    for difference in comparison.get("differences", []):
        if difference["kind"] != "sentence":
            listed[0].add(difference["a"])
            listed[1].add(difference["b"])
    return [item for item in items if not (item.missing and set(item.missing) <= listed[item.side])]


def merged_rows(rows: list[SharedFactJSON]) -> list[SharedFactJSON]:
    """The facts both versions state, one row per fact of the second version: forms of one fact the first version
    writes ("Donald Trump", "Trump"; "Ukraine", "Ukrainian") share its row instead of counting twice."""
    merged: dict[tuple[str, str], tuple[SharedFactJSON, list[str]]] = {}  # the first row of each, and its forms
    for row in rows:
        _, forms = merged.setdefault((row["kind"], row["b"]), (row, []))
        if row["a"] not in forms:
            forms.append(row["a"])
    return [{**row, "a": " · ".join(forms)} for row, forms in merged.values()]


# ---------------------------------------------------------------- the Compare page's words
def words(ui: str) -> Mapping[str, str]:
    """The Compare page's words about two versions, in the interface language (the catalogs' `[versions]` table)."""
    return section("versions", ui)


# Each interface language's words, for callers that index them by language.
WORDS: dict[str, Mapping[str, str]] = {lang: words(lang) for lang in INTERFACE_LANGUAGES}


# ---------------------------------------------------------------- differences of two aligned versions

DIFF_COLOUR = "#ffb4a8"


@dataclass(frozen=True)
class Place:
    """A sentence of one version in a difference: its text, where it is, and the differing part inside it."""

    side: int
    start: int
    end: int
    part: tuple[int, int] | None  # offsets of the differing part (None: the whole sentence differs)

    @property
    def anchor(self) -> str:
        return f"saar-d{self.side}-{self.start}"


def side_text(texts: list[str], side: int) -> str:
    """A side's document text: each side's own, or the one text both sides are language runs of."""
    return texts[side] if len(texts) > 1 else texts[0]


def difference_places(comparison: ComparisonJSON, difference: DifferenceJSON) -> list[Place]:
    """The sentences of each version a difference lies in (the aligned sentences of its link)."""
    link = comparison["alignment"][difference["link"]]
    places = []
    for side, indexes, start, end in (
        (0, link["a"], difference["a_start"], difference["a_end"]),
        (1, link["b"], difference["b_start"], difference["b_end"]),
    ):
        sentences = [comparison["sides"][side]["sentences"][index] for index in indexes]
        if not sentences:
            continue
        part = (start, end) if start is not None and end is not None and difference["kind"] != "sentence" else None
        places.append(Place(side, sentences[0]["start"], sentences[-1]["end"], part))
    return places


def _sentence_html(text: str, place: Place) -> str:
    if place.part is None:
        return html.escape(text[place.start : place.end])
    start, end = place.part
    return (
        html.escape(text[place.start : start])
        + f'<mark class="saar-diff-part" style="background:{DIFF_COLOUR}">{html.escape(text[start:end])}</mark>'
        + html.escape(text[end : place.end])
    )


def difference_html(
    comparison: ComparisonJSON, difference: DifferenceJSON, texts: list[str], labels: tuple[str, str], ui: str
) -> str:
    """One difference: what differs, then each version's sentence side by side (they wrap on a phone), the differing
    part marked, each with a link to its place in its version's text."""
    said = words(ui)
    places = difference_places(comparison, difference)
    if difference["kind"] == "sentence":
        title = said["kind_sentence"].format(label=html.escape(labels[places[0].side]))
    else:
        title = said[f"kind_{difference['kind']}"]
    columns = "".join(
        f'<div class="saar-diff-side" data-side="{place.side}" style="flex:1 1 16rem;min-width:0">'
        f"<small><b>{html.escape(labels[place.side])}</b></small>"
        f'<p style="margin:.2rem 0">{_sentence_html(side_text(texts, place.side), place)}</p>'
        f'<small><a href="#{place.anchor}" data-testid="saar-place">'
        f"{said['go_to'].format(label=html.escape(labels[place.side]))}</a></small></div>"
        for place in places
    )
    return (
        f'<div class="saar-difference" data-testid="saar-difference" data-kind="{html.escape(difference["kind"])}" '
        f'style="border-left:4px solid {DIFF_COLOUR};padding:.3rem .8rem;margin:.6rem 0">'
        f"<b>{title}</b>"
        f'<div style="display:flex;flex-wrap:wrap;gap:.5rem 1.5rem">{columns}</div></div>'
    )


def differences_html(
    comparison: ComparisonJSON, found: list[DifferenceJSON], texts: list[str], labels: tuple[str, str], ui: str
) -> str:
    return "".join(difference_html(comparison, difference, texts, labels, ui) for difference in found)


def difference_marks(comparison: ComparisonJSON) -> list[Place]:
    """Every place a difference lies in, for marking in each version's text (the targets of the links)."""
    return [
        place for difference in comparison.get("differences", []) for place in difference_places(comparison, difference)
    ]


def only_here_html(item: OnlyHere, side_label: str, ui: str = "en") -> str:
    """One such sentence: its text, why it is listed (the facts the other version lacks, or, where it lacks none, that
    no support was found there), and a link to its place in its version, each on a line of its own."""
    said = words(ui)
    facts = html.escape(", ".join(item.missing))
    reason = said["missing"].format(facts=facts) if item.missing else said["unsupported"]
    missing = f'<span class="saar-flag">{reason}</span>'
    place = (
        f'<a href="#{item.anchor}" data-testid="saar-place">'
        f"{said['place'].format(label=html.escape(side_label), start=item.start, end=item.end)}</a>"
        if item.start is not None
        else f'<span class="saar-unchecked">{said["no_source"]}</span>'
    )
    text = html.escape(item.text)
    return f'<li data-side="{item.side}">{text}{missing}<small class="saar-place">{place}</small></li>'


def only_here_list_html(items: list[OnlyHere], labels: tuple[str, str], ui: str = "en") -> str:
    if not items:
        return ""
    rows = "".join(only_here_html(item, labels[item.side], ui) for item in items)
    return f'<ul class="saar-summary saar-only">{rows}</ul>'


def marked_text_html(
    text: str,
    items: list[OnlyHere],
    sides: tuple[int, ...],
    name: str = "Source text",
    places: list[Place] | None = None,
) -> str:
    """The text of `sides` (one side, or both when they are two language runs of one document) with the sources of
    their only-here sentences marked, each mark the target of its sentence's link. The box scrolls, so it takes the
    keyboard's focus and is a region named `name`."""
    spans = sorted(
        {
            (item.start, item.end or 0, item.side, item.anchor, MARK_COLOUR)
            for item in items
            if item.side in sides and item.start is not None
        }
        | {(p.start, p.end, p.side, p.anchor, DIFF_COLOUR) for p in places or [] if p.side in sides}
    )
    pieces, position = [], 0
    for start, end, _side, anchor, colour in spans:
        if start < position:
            # Inside a place already marked: an empty target keeps its link working.
            pieces.append(f'<mark id="{anchor}" style="background:none"></mark>')
            continue
        pieces.append(html.escape(text[position:start]))
        pieces.append(f'<mark id="{anchor}" style="background:{colour}">{html.escape(text[start:end])}</mark>')
        position = end
    pieces.append(html.escape(text[position:]))
    testid = "saar-version-" + "-".join(str(side) for side in sides)
    # Its own text's height, up to the source box's maximum, then it scrolls: a short story gets no tall empty box.
    return (
        f'<div class="saar-source saar-fits" data-testid="{testid}" tabindex="0" role="region" '
        f'aria-label="{html.escape(name)}">'
        f"{''.join(pieces)}</div>"
    )
