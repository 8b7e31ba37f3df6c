"""Sentence alignment and differences of two versions: properties over any input, and the cases that matter."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizers.attribution.facts import FactMatcher
from summarizers.compare import Side, align_versions, document_side, version_of
from summarizers.documents.reading import Document, from_text
from summarizers.versions import differences
from summarizers.versions.alignment import Anchor, Link, Sentence, align, length_cost, length_costs

EN = [
    "The minister arrived in Delhi on Monday.",
    "He met 45 business leaders at the summit.",
    "Trade between the two countries reached $65 billion in 2024.",
    "Officials said the talks were productive.",
    "A joint statement is expected on 15 August.",
]
HI = [
    "मंत्री सोमवार को दिल्ली पहुँचे।",
    "उन्होंने शिखर सम्मेलन में 45 व्यापारिक नेताओं से मुलाकात की।",
    "2024 में दोनों देशों के बीच व्यापार 65 अरब डॉलर तक पहुँच गया।",
    "अधिकारियों ने कहा कि बातचीत सार्थक रही।",
    "15 अगस्त को एक संयुक्त बयान आने की उम्मीद है।",
]


def _versions(en: list[str], hi: list[str]) -> tuple[differences.Side, differences.Side, list[Link]]:
    # Documents as any reader hands them over, unchecked: the alignment must take any text.
    a = document_side(Document("English", " ".join(en), "text"))
    b = document_side(Document("Hindi", " ".join(hi), "text"))
    matcher = FactMatcher(a.content_text(), b.content_text())
    va, vb = version_of(a, matcher.mentions[0]), version_of(b, matcher.mentions[1])
    return va, vb, align_versions(va, vb, "en", "hi")


def _check_links(links: list[Link], n: int, m: int) -> None:
    """Every sentence in exactly one link, links in order, each link one of the five kinds."""
    assert [i for link in links for i in link.a] == list(range(n))
    assert [j for link in links for j in link.b] == list(range(m))
    for link in links:
        assert (len(link.a), len(link.b)) in {(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)}


sentences = st.builds(
    Sentence,
    st.integers(0, 400),
    st.lists(
        st.builds(
            Anchor,
            st.frozensets(st.sampled_from(["number:5", "number:7", "name:x", "date:01", "word:krn", "mark:comma:1"])),
            st.sampled_from([0.3, 0.6, 1.0]),
            st.booleans(),
        ),
        max_size=3,
    ).map(tuple),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(sentences, max_size=40), st.lists(sentences, max_size=40), st.floats(0.3, 3.0))
def test_any_two_versions_align_in_order_with_each_sentence_once(
    a: list[Sentence], b: list[Sentence], ratio: float
) -> None:
    _check_links(align(a, b, ratio), len(a), len(b))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=8), st.lists(st.sampled_from(HI), min_size=1))
def test_differences_of_any_text_have_valid_offsets(pieces: list[str], hindi: list[str]) -> None:
    english = " ".join(pieces)
    if not english.strip():
        return
    va, vb, links = _versions([english], hindi)
    _check_links(links, len(va.sentences), len(vb.sentences))
    for found in differences.differences(va, vb, links):
        for span, text in ((found.a, va.text), (found.b, vb.text)):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
        assert found.a is not None or found.b is not None


def test_faithful_versions_align_one_to_one_and_differ_nowhere() -> None:
    va, vb, links = _versions(EN, HI)
    assert links == [Link((i,), (i,)) for i in range(5)]
    assert differences.differences(va, vb, links) == []


def test_a_changed_figure_is_one_conflict_pairing_both_values_in_its_sentence() -> None:
    changed = [EN[0], EN[1].replace("45", "54"), *EN[2:]]
    va, vb, links = _versions(changed, HI)
    (found,) = differences.differences(va, vb, links)
    assert found.kind == "number"
    assert found.text(0, (va.text, vb.text)) == "54"
    assert found.text(1, (va.text, vb.text)) == "45"
    assert va.sentences[1].start <= found.a.start < va.sentences[1].end  # type: ignore[union-attr]
    assert vb.sentences[1].start <= found.b.start < vb.sentences[1].end  # type: ignore[union-attr]


def test_a_changed_date_is_a_date_conflict() -> None:
    changed = [*EN[:4], EN[4].replace("15 August", "16 August")]
    va, vb, links = _versions(changed, HI)
    assert [(d.kind, d.text(0, (va.text, vb.text))) for d in differences.differences(va, vb, links)] == [
        ("date", "16 August")
    ]


def test_a_sentence_only_one_version_has_is_listed_with_no_place_in_the_other() -> None:
    va, vb, links = _versions([EN[0], EN[1], EN[2], EN[4]], HI)
    (found,) = differences.differences(va, vb, links)
    assert found.kind == "sentence"
    assert found.a is None
    assert found.text(1, (va.text, vb.text)) == HI[3]


# Two stories whose middle sentence the benchmark's kind of deletion used to misplace: the Hindi of the deleted
# sentence states a year no English sentence states (it was linked with the next English sentence, a neighbour left
# alone instead), or it states nothing of the next English sentence's names and figures (it was merged into that
# sentence's link, and no difference was listed at all).
DELETIONS = {
    "a year only the deleted sentence states": (
        [
            "The minister arrived in Delhi on Monday.",
            "Since the 1990s, the city's trade has grown fast.",
            "During the 2010 election, the Labour Party won all seven seats.",
            "Both the timing and the order of these events were much debated at the time.",
            "Officials said the talks were productive.",
        ],
        [
            "मंत्री सोमवार को दिल्ली पहुँचे।",
            "1990 के दशक से, शहर का व्यापार तेज़ी से बढ़ा है।",
            "वर्ष 2010 के चुनाव के दौरान, लेबर पार्टी ने सभी सात सीटें जीतीं।",
            "उस समय इन घटनाओं के समय और क्रम दोनों पर काफ़ी बहस हुई थी।",
            "अधिकारियों ने कहा कि बातचीत सार्थक रही।",
        ],
    ),
    "a sentence sharing nothing with its neighbour": (
        [
            "The minister arrived in Delhi on Monday.",
            "He met 45 business leaders at the summit.",
            "The hall was full long before the speeches began.",
            "In 1954, Humphrey Bogart and Audrey Hepburn starred in Sabrina, which he watched as a young man.",
            "Officials said the talks were productive.",
        ],
        [
            "मंत्री सोमवार को दिल्ली पहुँचे।",
            "उन्होंने शिखर सम्मेलन में 45 व्यापारिक नेताओं से मुलाकात की।",
            "भाषण शुरू होने से बहुत पहले ही हॉल भर गया था।",
            "1954 में, हम्फ्री बोगार्ट और ऑड्री हेपबर्न सबरीना में थे।",
            "अधिकारियों ने कहा कि बातचीत सार्थक रही।",
        ],
    ),
}


@pytest.mark.parametrize("story", DELETIONS)
def test_a_deleted_middle_sentence_is_one_sentence_only_the_other_version_has_at_its_place(story: str) -> None:
    english, hindi = DELETIONS[story]
    va, vb, links = _versions(english[:2] + english[3:], hindi)
    (found,) = differences.differences(va, vb, links)
    assert found.kind == "sentence"
    assert found.a is None
    assert found.text(1, (va.text, vb.text)) == hindi[2]
    assert links == [Link((0,), (0,)), Link((1,), (1,)), Link((), (2,)), Link((2,), (3,)), Link((3,), (4,))]


@pytest.mark.parametrize("story", DELETIONS)
def test_the_whole_stories_align_one_to_one_and_differ_nowhere(story: str) -> None:
    english, hindi = DELETIONS[story]
    va, vb, links = _versions(english, hindi)
    assert links == [Link((i,), (i,)) for i in range(5)]
    assert differences.differences(va, vb, links) == []


def test_two_long_versions_align_in_seconds() -> None:
    en, hi = EN * 800, HI * 800  # about 4,000 sentences each
    started = time.perf_counter()
    va, vb, links = _versions(en, hi)
    assert time.perf_counter() - started < 60  # a guard against quadratic work, not a speed target
    _check_links(links, len(va.sentences), len(vb.sentences))
    assert sum(len(link.a) == len(link.b) == 1 for link in links) > 0.95 * len(links)


def test_a_side_of_one_language_run_keeps_document_offsets() -> None:
    text = " ".join(EN) + "\n\n" + " ".join(HI)
    document = from_text(text, "both")
    from summarizers.compare import language_sides

    sides = language_sides(document)
    assert sides is not None
    a, b = sides
    assert isinstance(a, Side)
    matcher = FactMatcher(a.content_text(), b.content_text())
    vb = version_of(b, matcher.mentions[1])
    for span, facts in zip(vb.sentences, vb.facts, strict=True):
        for fact in facts:
            assert span.start <= fact.start < fact.end <= span.end
            assert text[fact.start : fact.end] == fact.text


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2000), st.integers(0, 2000), st.floats(0.5, 2.0))
def test_a_row_of_length_costs_agrees_with_the_cost_of_each_pair(length_a: int, length_b: int, ratio: float) -> None:
    row = length_costs(np.array([float(length_a)]), np.array([float(length_b)]), ratio)
    assert abs(float(row[0]) - length_cost(length_a, length_b, ratio)) < 0.05


def test_a_long_passage_only_one_version_has_moves_the_band_along_with_the_path() -> None:
    """150 sentences only the second version has, early in 3,000: more than the first band allows for at that size,
    so the path runs along its edge, and the next band follows the path (the sentences after are still aligned one
    to one)."""
    plain = [Sentence(100 + 7 * (i % 5), (Anchor(frozenset({f"number:{i}"}), 1.0),)) for i in range(3000)]
    extra = [Sentence(90, (Anchor(frozenset({f"number:x{i}"}), 1.0),)) for i in range(150)]
    links = align(plain, plain[:20] + extra + plain[20:])
    _check_links(links, 3000, 3150)
    assert all(link.b == (link.a[0] + 150,) for link in links if link.a and link.a[0] >= 20)
