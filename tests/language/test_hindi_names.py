"""Names found in Hindi text alone: which words read as names, and offsets that hold for any text."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizers.language.hindi_names import HindiName, NameSign, hindi_names_in, is_listed, word_sign
from summarizers.language.transliteration import acronym_in_devanagari, spelled_acronym


def _found(text: str) -> list[tuple[str, NameSign]]:
    return [(name.text(text), name.sign) for name in hindi_names_in(text)]


def test_a_rare_transliteration_is_a_name_and_the_hindi_around_it_is_not() -> None:
    text = "श्रीमान पनवलकर ने कहा कि एक समय उन्हें लगा कि उन्हें भवन छोड़ देना चाहिए।"
    assert _found(text) == [("पनवलकर", NameSign.UNLISTED)]


def test_places_acronyms_and_loan_spellings_are_names_by_their_own_signs() -> None:
    assert word_sign("चीन") is NameSign.PLACE
    assert word_sign("जापानी") is NameSign.PLACE  # an adjective of a place
    assert word_sign("सीआरटीसी") is NameSign.ACRONYM
    assert word_sign("एबॉट्सफोर्ड") is NameSign.LOAN_SPELLING


def test_a_common_name_that_reads_as_english_is_not_a_listed_hindi_word() -> None:
    assert not is_listed("ओबामा")
    assert is_listed("सरकार")
    assert word_sign("सरकार") is None


def test_a_transliteration_whose_syllables_happen_to_be_hindi_words_is_still_a_name() -> None:
    assert word_sign("क्यूबेक") is NameSign.UNLISTED  # क्यू + बेक: one syllable is no part of a compound
    assert word_sign("टेलीविजन") is not None  # टेली + विजन, but the whole reads as English


def test_a_place_cldr_tells_from_its_namesake_is_a_place_by_its_short_name() -> None:
    assert word_sign("कांगो") is NameSign.PLACE  # CLDR: "कांगो - किंशासा"


def test_inflections_and_compounds_of_hindi_words_are_not_names() -> None:
    for word in ("सुनवाईयों", "भावशून्य", "मंत्रियों", "टिप्पणि\u200dयों"):  # a joiner only picks a glyph
        assert word_sign(word) is None, word


def test_compounds_joined_by_vowel_sandhi_are_hindi_words_not_names() -> None:
    # प्रधान + अध्यापिका ("headmistress"), विद्या + आलय ("school"): the two vowels written as one ा.
    assert is_listed("प्रधानाध्यापिका")
    assert word_sign("प्रधानाध्यापिका") is None
    assert word_sign("पनवलकर") is NameSign.UNLISTED  # a name whose letters join no two Hindi words


def test_the_stem_before_a_compound_verbs_second_verb_is_no_name() -> None:
    # हंस ("laugh") is listed only inflected; before देती it is a verb's stem, while पनवलकर before दे is still a name.
    assert _found("तो वह हंस देती है।") == []
    assert _found("तो वह हंस की तरह तैरती है।") == [("हंस", NameSign.UNLISTED)]
    assert _found("पनवलकर ने उसे किताब दे दी।") == [("पनवलकर", NameSign.UNLISTED)]


def test_a_place_of_several_words_is_one_name() -> None:
    text = "पापुआ न्यू गिनी को अक्सर ही दुनिया के सबसे बुरे स्थान के रूप में चिन्हित किया जाता है।"
    assert _found(text)[0] == ("पापुआ न्यू गिनी", NameSign.PLACE)


def test_neighbouring_name_words_are_one_name_with_the_surest_sign() -> None:
    text = "सुश्री गिलार्ड क्रैट्शेमर ने कहा।"
    assert _found(text) == [("गिलार्ड क्रैट्शेमर", NameSign.UNLISTED)]
    assert _found("द्वीप इंडो-आस्ट्रेलियन फॉल्ट पर स्थित हैं।")[0][1] is NameSign.LOAN_SPELLING


@given(st.text(alphabet=st.characters(min_codepoint=0x0900, max_codepoint=0x097F) | st.sampled_from(" -।,(A")))
@settings(max_examples=300, deadline=None)
def test_names_of_any_text_lie_in_order_inside_the_window_asked_for(text: str) -> None:
    start, end = len(text) // 4, len(text) - len(text) // 4
    names = hindi_names_in(text, start, end)
    for name in names:
        assert isinstance(name, HindiName)
        assert start <= name.start < name.end <= end
        assert name.text(text).strip() == name.text(text)
    assert all(a.end <= b.start for a, b in pairwise(names))


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=6))
@settings(max_examples=300, deadline=None)
def test_an_acronym_spelled_out_in_devanagari_reads_back_as_its_letters(letters: str) -> None:
    spelled = acronym_in_devanagari(letters.upper())
    assert spelled is not None
    found = spelled_acronym(spelled)
    # Letter names may run together into another parse ("ए" + "एस"), never into nothing.
    assert found is not None
    assert acronym_in_devanagari(found.upper()) == spelled
