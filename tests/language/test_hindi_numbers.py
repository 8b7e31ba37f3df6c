"""Numbers Hindi writes in words: values of cardinals and ordinals, and offsets that hold for any text."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizers.attribution.facts import FactMatcher, dates_and_numbers
from summarizers.language.hindi_numbers import number_words


def _values(text: str) -> list[tuple[str, int, bool]]:
    return [(text[found.start : found.end], found.value, found.ordinal) for found in number_words(text)]


def test_cardinals_ordinals_and_scales_are_read_as_their_values() -> None:
    assert _values("ईसा पूर्व पांचवी सदी में") == [("पांचवी", 5, True)]
    assert _values("छठी शताब्दी से चौदहवीं शताब्दी तक") == [("छठी", 6, True), ("चौदहवीं", 14, True)]
    assert _values("यॉर्क के तीसरे ड्यूक") == [("तीसरे", 3, True)]
    assert _values("शीर्ष पचास नाम, पाँच हज़ार लोग और एक लाख रुपये") == [
        ("पचास", 50, False),
        ("पाँच हज़ार", 5000, False),
        ("एक लाख", 100000, False),
    ]


def test_one_as_the_indefinite_article_and_before_as_first_are_no_numbers() -> None:
    assert _values("एक समय उन्हें लगा कि पहले भवन छोड़ देना चाहिए।") == []


def test_a_spelled_number_matches_the_figure_across_and_is_never_listed_as_missing() -> None:
    english = "The city grew in the 5th century BC and had 50 temples."
    hindi = "ईसा पूर्व पांचवी सदी में शहर बढ़ा और उसमें पचास मंदिर थे। दो नए मंदिर बने।"
    comparison = FactMatcher(english, hindi).comparison
    shared = {(a.text, b.text) for a, b in comparison.shared if a.kind == "number"}
    assert shared == {("5", "पांचवी"), ("50", "पचास")}
    assert [fact.text for fact in comparison.only_b if fact.kind == "number"] == []  # दो: spelled, unmatched


def test_a_digit_is_not_read_twice_beside_a_scale_word() -> None:
    facts = dates_and_numbers("5 लाख लोग")
    assert [(fact.text, fact.key) for fact in facts] == [("5 लाख", "number:500000")]


@given(st.text(alphabet=st.characters(min_codepoint=0x0900, max_codepoint=0x097F) | st.sampled_from(" -।,0123456789")))
@settings(max_examples=300, deadline=None)
def test_number_words_of_any_text_lie_in_order_and_have_values(text: str) -> None:
    found = number_words(text)
    for number in found:
        assert 0 <= number.start < number.end <= len(text)
        assert number.value >= 2 or (number.value == 1 and not number.ordinal)
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_a_spelled_number_the_other_side_lacks_leaves_a_changed_figure_one_conflict() -> None:
    from summarizers.compare import align_versions, document_side, version_of
    from summarizers.documents.reading import Document
    from summarizers.versions import differences

    english = [
        "The minister arrived in Delhi on Monday.",
        "The working time in this first hour is more or less equal to 52 minutes.",
        "Officials said the talks were productive.",
    ]
    hindi = [
        "मंत्री सोमवार को दिल्ली पहुँचे।",
        "इस पहले चार घंटे में काम का समय कमोबेश 45 मिनट रखा गया है।",
        "अधिकारियों ने कहा कि बातचीत सार्थक रही।",
    ]
    a = document_side(Document("English", " ".join(english), "text"))
    b = document_side(Document("Hindi", " ".join(hindi), "text"))
    matcher = FactMatcher(a.content_text(), b.content_text())
    va, vb = version_of(a, matcher.mentions[0]), version_of(b, matcher.mentions[1])
    found = differences.differences(va, vb, align_versions(va, vb, "en", "hi"))
    texts = (va.text, vb.text)
    assert [(d.kind, d.text(0, texts), d.text(1, texts)) for d in found] == [("number", "52", "45")]
