"""Names across scripts: by sound (phonetic), by the names Hindi gives them (CLDR and a short table), and capitalised
common words that are names only where the other version matches them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizers.attribution.facts import FactMatcher, compare_facts, latin_names
from summarizers.language.common_words import is_common_word
from summarizers.language.exonyms import fold, hindi_names
from summarizers.language.phonetic import PhoneticIndex, distance, phones_of, similarity, sounds_alike


@pytest.mark.parametrize(
    ("latin", "devanagari"),
    [
        ("Chris", "क्रिस"),
        ("Georg", "जॉर्ज"),
        ("Palmer", "पामेर"),
        ("Uber", "ऊबर"),
        ("Cambridgeshire", "कैम्ब्रिजशायर"),
        ("Keira", "कीरा"),
        ("Beijing", "बीजिंग"),
        ("Bangkok", "बैंकॉक"),
        ("Seychelles", "सेशेल्स"),
        ("Delhi", "दिल्ली"),
        ("Jerusalem", "यरूशलम"),
        ("Apulian", "अपुलियाई"),  # a demonym Hindi forms with ई
        ("Serbian", "सर्बियाई"),
        ("Modi", "मोदी"),
        ("Zelensky", "ज़ेलेंस्की"),
        ("Achaemenid", "एकेमेनिड"),  # ch as k, in a name the dictionary lacks
    ],
)
def test_a_name_and_its_transliteration_sound_alike(latin: str, devanagari: str) -> None:
    assert sounds_alike(latin, devanagari)
    assert sounds_alike(devanagari, latin)


@pytest.mark.parametrize(
    ("latin", "devanagari"),
    [
        ("Modi", "पुतिन"),
        ("Putin", "मोदी"),
        ("Paris", "पुरुष"),  # "man": the same consonant skeleton
        ("Chris", "कृषि"),  # "farming"
        ("Modi", "मुद्दे"),  # "issues"
        ("Palmer", "पानी"),
        ("India", "नींद"),
        ("Ukraine", "कारण"),
    ],
)
def test_words_that_only_share_some_letters_do_not_sound_alike(latin: str, devanagari: str) -> None:
    assert not sounds_alike(latin, devanagari)


@pytest.mark.parametrize(
    ("english", "hindi", "pair"),
    [
        (
            "Talks in the United States went on.",
            "संयुक्त राज्य अमेरिका में बातचीत जारी रही।",
            ("United States", "संयुक्त राज्य अमेरिका"),
        ),
        ("The minister flew to New Delhi.", "मंत्री नई दिल्ली गए।", ("New Delhi", "नई दिल्ली")),
        ("He visited Egypt last year.", "वह पिछले साल मिस्र गया।", ("Egypt", "मिस्र")),
        ("An Egyptian court ruled.", "एक मिस्री अदालत ने फैसला सुनाया।", ("Egyptian", "मिस्री")),
        ("The European leaders met.", "यूरोपीय नेता मिले।", ("European", "यूरोपीय")),
        ("He was given Serbian nationality.", "उसे सर्बिया की राष्ट्रीयता दी गई।", ("Serbian", "सर्बिया")),
        ("The talks at the UN failed.", "संयुक्त राष्ट्र में वार्ता विफल रही।", ("UN", "संयुक्त राष्ट्र")),
        ("The first serving U.S. president spoke.", "पहले सेवारत अमेरिकी राष्ट्रपति बोले।", ("U.S.", "अमेरिकी")),
        ("It was built in 1600 BC by them.", "इसे 1600 ईसा पूर्व बनाया गया।", ("BC", "ईसा पूर्व")),
        ("On that day three MLAs resigned from the house.", "उस दिन तीन विधायकों ने इस्तीफा दिया।", ("MLAs", "विधायकों")),
        ("Ships crossed the Pacific again.", "जहाज़ों ने फिर प्रशान्त पार किया।", ("Pacific", "प्रशान्त")),
        (
            "To them the Indo-Pacific matters a great deal.",
            "उनके लिए इंडो-पैसिफिक बहुत मायने रखता है।",
            ("Indo-Pacific", "इंडो-पैसिफिक"),
        ),
        ("In those years the city of Cape Town grew fast.", "उन वर्षों में केपटाउन तेज़ी से बढ़ा।", ("Cape Town", "केपटाउन")),
    ],
)
def test_names_hindi_translates_or_writes_its_own_way_are_shared(
    english: str, hindi: str, pair: tuple[str, str]
) -> None:
    comparison = compare_facts(english, hindi)
    assert pair in {(a.text, b.text) for a, b in comparison.shared}
    assert comparison.only_a == ()


def test_what_worked_before_still_matches() -> None:
    english = "Then Modi met Putin. Later India and Russia spoke of more LNG, the Indo-Pacific and the West."
    hindi = "मोदी ने पुतिन से मुलाकात की। भारत और रूस ने एलएनजी, हिंद-प्रशांत और पश्चिम की बात की।"
    shared = {(a.text, b.text) for a, b in compare_facts(english, hindi).shared}
    for pair in [
        ("Modi", "मोदी"),
        ("LNG", "एलएनजी"),
        ("India", "भारत"),
        ("Indo-Pacific", "हिंद-प्रशांत"),
        ("West", "पश्चिम"),
    ]:
        assert pair in shared
    spelled = compare_facts("The talks with Zelensky went on.", "The talks with Zelenskiy went on.")
    assert [(a.text, b.text) for a, b in spelled.shared] == [("Zelensky", "Zelenskiy")]
    assert compare_facts("The talks with Zelenskiy went on.", "The talks with Putin went on.").shared == ()


def test_april_spelled_the_other_way_in_hindi_is_the_same_date() -> None:
    comparison = compare_facts("He left on 11 April.", "वह 11 अप्रेल को गया।")
    assert [(a.key, b.key) for a, b in comparison.shared] == [("date:04-11", "date:04-11")]


def test_a_day_of_a_month_may_be_written_with_of() -> None:
    comparison = compare_facts("The court ruled on the 12th of October.", "अदालत ने 12 अक्टूबर को फैसला दिया।")
    assert [a.key for a, _ in comparison.shared] == ["date:10-12"]


def test_capitalised_common_words_are_not_listed_as_missing_names() -> None:
    english = (
        "He said the Army and the Hospitals were ready. The Finance Minister met the University Association, "
        "the Service and the Republic."
    )
    comparison = compare_facts(english, "उन्होंने कहा कि सेना और अस्पताल तैयार थे।")
    assert comparison.only_a == ()
    # ... but a name made of a common word is still matched where the other version has it.
    shared = compare_facts("He met with our friend Palmer in the town.", "वह शहर में पामेर से मिला।").shared
    assert ("Palmer", "पामेर") in {(a.text, b.text) for a, b in shared}


def test_a_common_word_missing_from_the_other_version_does_not_flag_a_sentence() -> None:
    matcher = FactMatcher("Then the Army met with Modi on Monday.", "सोमवार को मोदी मिले।")
    found, missing = matcher.missing("Then the Army met with Modi on Monday.", 0)
    assert {fact.text for fact in found} == {"Modi", "Monday"}
    assert missing == []
    assert [fact.text for fact in matcher.missing("Then the Army met with Trump.", 0)[1]] == ["Trump"]


def test_a_name_stays_a_name_beside_common_words() -> None:
    assert [(fact.text, fact.certain) for fact in latin_names("They met at the White House with Angela Merkel.")] == [
        ("White House", False),
        ("Angela Merkel", True),
    ]


def test_different_stories_share_almost_no_names() -> None:
    english = (
        "Chris Palmer flew from Bangkok to Beijing with Keira. The Uber driver met Georg in Cambridgeshire. "
        "The Egyptian minister visited the United States and New Delhi."
    )
    hindi = (
        "किसानों ने कृषि मंत्री से पानी और बिजली की मांग की। पुरुष और महिलाएं कारण पूछते रहे। मुद्दे पर नींद उड़ गई और दिन भर बारिश हुई।"
    )
    comparison = compare_facts(english, hindi)
    assert comparison.shared == ()


@pytest.mark.parametrize(
    ("word", "common"),
    [("Army", True), ("Hospitals", True), ("University", True), ("Cities", True), ("MLAs", False), ("TV", False),
     ("Keira", False), ("Modi", False)],
)  # fmt: skip
def test_common_words_come_from_the_dictionary_list(word: str, common: bool) -> None:
    assert is_common_word(word) is common


def test_hindi_names_come_from_cldr_and_demonyms_lead_to_their_place() -> None:
    assert fold("मिस्र") in hindi_names("Egypt")
    assert hindi_names("Egyptians") >= hindi_names("Egypt")
    assert fold("यूनानी") in hindi_names("Greek")  # a language name from CLDR
    assert hindi_names("Keira") == frozenset()


LATIN_NAME = st.text(alphabet=st.sampled_from(list("aeiouybcdghjklmnprstvwzACGKMPS")), min_size=1, max_size=12)
DEVANAGARI_WORD = st.text(alphabet=st.sampled_from(list("कखगजटडतदनपबमयरलवशसहािीुूेैोौॉंँ्ृ़ःअआइउएओ")), min_size=1, max_size=12)
ANY_WORD = st.one_of(LATIN_NAME, DEVANAGARI_WORD, st.text(max_size=12))


@given(ANY_WORD, ANY_WORD)
def test_sounding_alike_never_raises_and_is_symmetric(a: str, b: str) -> None:
    assert sounds_alike(a, b) == sounds_alike(b, a)


@given(ANY_WORD)
def test_every_word_sounds_like_itself(word: str) -> None:
    for phones in phones_of(word):
        assert distance(phones, phones) == 0
        assert similarity(phones, phones) == 1.0
    assert sounds_alike(word, word) == bool(phones_of(word) and any(phones_of(word)))


@given(st.lists(LATIN_NAME, max_size=8), DEVANAGARI_WORD)
def test_the_index_finds_only_words_that_sound_alike(names: list[str], word: str) -> None:
    assert PhoneticIndex(names).matches(word) <= {name for name in names if sounds_alike(name, word)}


@given(st.lists(st.one_of(LATIN_NAME, DEVANAGARI_WORD), max_size=12), st.lists(DEVANAGARI_WORD, max_size=12))
def test_matching_names_never_raises_and_points_at_the_text(english: list[str], hindi: list[str]) -> None:
    text_a, text_b = "The " + " and ".join(english) + ".", " और ".join(hindi) + "।"
    matcher = FactMatcher(text_a, text_b)
    for side, text in enumerate((text_a, text_b)):
        for fact in matcher.mentions[side]:
            assert text[fact.start : fact.end] == fact.text


def test_accented_latin_names_are_latin_names() -> None:
    comparison = compare_facts("The leader, Pedro Sánchez, said so on the day.", "नेता पेड्रो सांचेज ने उस दिन यह कहा।")
    assert ("Pedro Sánchez", "पेड्रो सांचेज") in {(a.text, b.text) for a, b in comparison.shared}


def test_a_name_pairs_with_the_mention_that_matches_more_of_its_parts() -> None:
    comparison = compare_facts(
        "The navy spoke of the Indo-Pacific at length.", "भारतीय नौसेना ने इंडो-पैसिफिक की विस्तार से बात की।"
    )
    assert [(a.text, b.text) for a, b in comparison.shared] == [("Indo-Pacific", "इंडो-पैसिफिक")]
