"""Versions that are not two translations of one story get a defined result and a caution, never an error."""

from __future__ import annotations

from summarizers.attribution.checkers import OfflineChecker
from summarizers.compare import compare_sides, document_side, language_sides
from summarizers.documents.reading import Document
from summarizers.pipeline import Options
from tests.versions.test_alignment import EN, HI

ARTICLE = EN * 4  # twenty sentences


def _compare(a: str, b: str) -> dict[str, object]:
    sides = (document_side(Document("a", a, "text")), document_side(Document("b", b, "text")))
    return dict(compare_sides(*sides, Options("extractive"), OfflineChecker()))


def _codes(result: dict[str, object]) -> set[str]:
    return {caution["code"] for caution in result["cautions"]}  # type: ignore[attr-defined]


def test_a_summary_against_its_full_article_is_a_length_caution_with_sentences_only_in_the_article() -> None:
    result = _compare(" ".join(HI[:2]), " ".join(ARTICLE))
    assert _codes(result) == {"lengths_apart"}
    kinds = [difference["kind"] for difference in result["differences"]]  # type: ignore[attr-defined]
    assert kinds.count("sentence") >= 15


def test_a_version_of_one_sentence_is_compared_with_a_caution() -> None:
    result = _compare(EN[1], " ".join(HI))
    assert _codes(result) == {"few_sentences"}
    links = result["alignment"]
    assert [i for link in links for i in link["a"]] == [0]  # type: ignore[attr-defined]
    assert [j for link in links for j in link["b"]] == list(range(5))  # type: ignore[attr-defined]


def test_two_versions_in_one_language_are_compared_as_they_stand() -> None:
    changed = " ".join([EN[0], EN[1].replace("45", "47"), *EN[2:]])
    result = _compare(" ".join(EN), changed)
    assert _codes(result) == {"same_language"}
    assert [(d["kind"], d["a"], d["b"]) for d in result["differences"]] == [("number", "45", "47")]  # type: ignore[attr-defined]


def test_the_language_runs_of_one_document_have_offsets_into_that_document() -> None:
    text = " ".join([EN[0], EN[1].replace("45", "54"), *EN[2:]]) + "\n\n" + " ".join(HI)
    sides = language_sides(Document("both", text, "text"))
    assert sides is not None
    result = compare_sides(*sides, Options("extractive"), OfflineChecker())
    (difference,) = [d for d in result["differences"] if d["kind"] == "number"]
    assert text[difference["a_start"] : difference["a_end"]] == "54"  # type: ignore[index]
    assert text[difference["b_start"] : difference["b_end"]] == "45"  # type: ignore[index]
