"""A name one version replaces with another: one name difference pairing the two, though the Hindi name matches no
English name; and no name difference between faithful versions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizers.attribution.facts import FactMatcher
from summarizers.compare import align_versions, document_side, version_of
from summarizers.documents.reading import Document
from summarizers.versions import differences

EN = [
    "The minister arrived in Delhi on Monday.",
    "He met Panvalkar at the summit, officials said.",
    "Trade between the two countries reached $65 billion in 2024.",
    "Schulman wrote about the talks in a blog post.",
]
HI = [
    "मंत्री सोमवार को दिल्ली पहुँचे।",
    "अधिकारियों ने कहा कि उन्होंने शिखर सम्मेलन में पनवलकर से मुलाकात की।",
    "2024 में दोनों देशों के बीच व्यापार 65 अरब डॉलर तक पहुँच गया।",
    "शुलमैन ने एक ब्लॉग पोस्ट में बातचीत के बारे में लिखा।",
]


def _differences(en: list[str], hi: list[str]) -> tuple[list[differences.Difference], tuple[str, str]]:
    a = document_side(Document("English", " ".join(en), "text"))
    b = document_side(Document("Hindi", " ".join(hi), "text"))
    matcher = FactMatcher(a.content_text(), b.content_text())
    va, vb = version_of(a, matcher.mentions[0]), version_of(b, matcher.mentions[1])
    return differences.differences(va, vb, align_versions(va, vb, "en", "hi")), (va.text, vb.text)


def test_a_swapped_name_is_one_name_difference_pairing_the_new_name_with_the_old() -> None:
    swapped = [EN[0], EN[1].replace("Panvalkar", "Bellingham"), *EN[2:]]
    found, texts = _differences(swapped, HI)
    assert [(d.kind, d.text(0, texts), d.text(1, texts)) for d in found] == [("name", "Bellingham", "पनवलकर")]
    (difference,) = found
    assert difference.a is not None
    assert difference.b is not None
    assert texts[0].index(swapped[1]) <= difference.a.start < texts[0].index(swapped[2])
    assert texts[1].index(HI[1]) <= difference.b.start < texts[1].index(HI[2])


def test_the_same_swap_is_found_with_the_hindi_version_first() -> None:
    swapped = [EN[0], EN[1].replace("Panvalkar", "Bellingham"), *EN[2:]]
    a = document_side(Document("Hindi", " ".join(HI), "text"))
    b = document_side(Document("English", " ".join(swapped), "text"))
    matcher = FactMatcher(a.content_text(), b.content_text())
    va, vb = version_of(a, matcher.mentions[0]), version_of(b, matcher.mentions[1])
    found = differences.differences(va, vb, align_versions(va, vb, "hi", "en"))
    assert [(d.kind, d.text(0, (va.text, vb.text)), d.text(1, (va.text, vb.text))) for d in found] == [
        ("name", "पनवलकर", "Bellingham")
    ]


def test_faithful_versions_with_names_and_loanwords_differ_nowhere() -> None:
    found, _ = _differences(EN, HI)
    assert found == []


def test_a_name_the_hindi_leaves_out_is_no_name_difference() -> None:
    # The English names someone the Hindi does not: nothing in the Hindi sentence stands for another name.
    english = [EN[0], "He met Panvalkar and Bellingham at the summit, officials said.", *EN[2:]]
    found, texts = _differences(english, HI)
    assert [d for d in found if d.kind == "name" and d.text(0, texts) == "Panvalkar"] == []


def test_the_ottomans_hindi_names_after_the_turks_are_no_other_name() -> None:
    english = ["The revolt turned the tide against the Ottomans on the eastern front in 1916."]
    hindi = ["1916 में विद्रोह ने पूर्वी मोर्चे पर तुर्कों के खिलाफ लहर का रुख मोड़ दिया।"]
    found, _ = _differences(english, hindi)
    assert found == []
    comparison = FactMatcher(" ".join(english), " ".join(hindi)).comparison
    assert [(a.text, b.text) for a, b in comparison.shared if a.kind == "name"] == [("Ottomans", "तुर्कों")]


def test_a_name_opening_its_sentence_and_named_nowhere_else_is_still_paired() -> None:
    english = [EN[0], "Bellingham met the officials at the summit.", *EN[2:]]
    hindi = [HI[0], "पनवलकर ने शिखर सम्मेलन में अधिकारियों से मुलाकात की।", *HI[2:]]
    found, texts = _differences(english, hindi)
    assert [(d.kind, d.text(0, texts), d.text(1, texts)) for d in found] == [("name", "Bellingham", "पनवलकर")]


def test_an_acronym_the_hindi_spells_with_dots_and_spaces_is_no_name_difference() -> None:
    english = [EN[0], "Police in B.C. met Klein at the summit.", *EN[2:]]
    hindi = [HI[0], "बी. सी. में पुलिस ने शिखर सम्मेलन में क्लेन से मुलाकात की।", *HI[2:]]
    found, _ = _differences(english, hindi)
    assert found == []


def test_the_part_of_a_hindi_name_nothing_across_says_is_the_other_name() -> None:
    # पनवलकर-पैरेंट: "parent" says पैरेंट, so the name is पनवलकर alone.
    english = [EN[0], "Investors loved the Bellingham-parent company, officials said.", *EN[2:]]
    hindi = [HI[0], "अधिकारियों ने कहा कि निवेशकों को पनवलकर-पैरेंट कंपनी प्रिय थी।", *HI[2:]]
    found, texts = _differences(english, hindi)
    assert [(d.kind, d.text(0, texts), d.text(1, texts)) for d in found] == [("name", "Bellingham", "पनवलकर")]


GLOSSED_EN = "For the time being, the deal between Aoun and Hariri has brought the two factions closer together."
GLOSSED_HI = "कुछ समय के लिए, एऔन (Aoun) और हरीरी (Hariri) के बीच समझौते ने दो गुटों को आपस में करीब ला दिया है।"


def test_a_hindi_name_glossed_in_latin_letters_is_that_name() -> None:
    # The gloss spells the name: "Hariri" across says हरीरी (Hariri), so nothing differs ...
    found, _ = _differences([EN[0], GLOSSED_EN, *EN[2:]], [HI[0], GLOSSED_HI, *HI[2:]])
    assert found == []
    # ... and another name there is one difference pairing it with the glossed name, not with the other gloss.
    found, texts = _differences([EN[0], GLOSSED_EN.replace("Hariri", "Gillard"), *EN[2:]], [HI[0], GLOSSED_HI, *HI[2:]])
    assert [(d.kind, d.text(0, texts), d.text(1, texts)) for d in found] == [("name", "Gillard", "हरीरी")]


def test_an_era_after_a_century_is_no_name_the_hindi_replaced() -> None:
    english = [
        EN[0],
        "Several tribes crossed through Moravia during the migration period before Slavs settled there in the 6th "
        "century AD.",
        *EN[2:],
    ]
    hindi = [
        HI[0],
        "छठी शताब्दी में स्लावों के बसने से पहले कई जनजातियां प्रवासन अवधि में मोराविया को पार कर गयी थीं।",
        *HI[2:],
    ]
    found, _ = _differences(english, hindi)
    assert found == []


def test_a_name_the_hindi_spells_in_part_is_no_other_name() -> None:
    # फोर्स says "Force": ओवरियरे is a loose spelling of "Ouvrière", not a name put in its place.
    english = [EN[0], "The Force Ouvrière union regrets that its remarks were not included.", *EN[2:]]
    hindi = [HI[0], "फोर्स ओवरियरे यूनियन ने खेद व्यक्त किया कि उसकी टिप्पणियां शामिल नहीं थीं।", *HI[2:]]
    found, _ = _differences(english, hindi)
    assert found == []


HEARINGS_EN = "The purpose of these CRTC hearings is to field responses from industry and the public."
HEARINGS_HI = "इन सीआरटीसी सुनवाईयों का मकसद उद्योग और जनता की प्रतिक्रियाओं को सामने लाना है।"


def test_a_capitalised_common_word_in_a_names_place_is_the_other_name() -> None:
    # "Bass" is a common word, but capitalised mid-sentence, said by no Hindi word, where the Hindi has सीआरटीसी.
    found, _ = _differences([EN[0], HEARINGS_EN, *EN[2:]], [HI[0], HEARINGS_HI, *HI[2:]])
    assert found == []
    found, texts = _differences([EN[0], HEARINGS_EN.replace("CRTC", "Bass"), *EN[2:]], [HI[0], HEARINGS_HI, *HI[2:]])
    assert [(d.kind, d.text(0, texts), d.text(1, texts)) for d in found] == [("name", "Bass", "सीआरटीसी")]


def test_a_capitalised_common_word_far_from_the_hindi_name_is_no_name_difference() -> None:
    # The Hindi name stands at the other end of the sentence from "Bass": a translation's own wording, not a swap.
    english = [EN[0], "Industry and the public gave responses at these Bass hearings.", *EN[2:]]
    hindi = [HI[0], "सीआरटीसी की सुनवाईयों में उद्योग और जनता ने प्रतिक्रियाएं दीं।", *HI[2:]]
    found, _ = _differences(english, hindi)
    assert found == []


def test_a_name_said_loosely_leaves_the_other_name_of_its_sentence_to_pair() -> None:
    # फोर्स ओवरियरे says "Force Ouvrière" loosely; the speaker the Hindi moved to the front is the name replaced.
    english = [EN[0], "The Force Ouvrière union regrets that its remarks were not included, said Ms. Mestre.", *EN[2:]]
    hindi = [
        HI[0],
        "सुश्री गिलार्ड ने कहा कि फोर्स ओवरियरे यूनियन ने खेद व्यक्त किया कि उसकी टिप्पणियां शामिल नहीं थीं।",
        *HI[2:],
    ]
    found, texts = _differences(english, hindi)
    assert [(d.kind, d.text(0, texts), d.text(1, texts)) for d in found] == [("name", "Mestre", "गिलार्ड")]


KING_EN = "King Salman replaced the political veteran with the head of financial oversight."
KING_HI = "बादशाह सलमान ने राजनीतिक दिग्गज के स्थान पर वित्तीय मामलों के प्रमुख को नियुक्त किया।"


def test_a_name_hindi_commonly_writes_is_paired_where_a_postposition_marks_it() -> None:
    # सलमान is a common word of Hindi text, so no name by its spelling; "ने" marks it where the English name stands.
    found, _ = _differences([EN[0], KING_EN, *EN[2:]], [HI[0], KING_HI, *HI[2:]])
    assert found == []
    found, texts = _differences([EN[0], KING_EN.replace("Salman", "Krätschmer"), *EN[2:]], [HI[0], KING_HI, *HI[2:]])
    assert [(d.kind, d.text(0, texts), d.text(1, texts)) for d in found] == [("name", "Krätschmer", "सलमान")]


_LATIN_NAMES = st.text(alphabet="abcdefghiklmnoprstuvy", min_size=3, max_size=9).map(str.capitalize)
_DEVANAGARI_NAMES = st.text(alphabet="कगजटडतदनपबमरलवसह", min_size=3, max_size=6).map(lambda word: word + "ी")


@settings(max_examples=25, deadline=None)
@given(_LATIN_NAMES, _DEVANAGARI_NAMES, st.sampled_from(["Bass", "Wild West", "Democratic"]))
def test_a_name_glossed_as_the_english_writes_it_is_never_a_name_difference(
    name: str, devanagari: str, common: str
) -> None:
    # Whatever the Hindi spelling, its gloss says the name; a capitalised common word beside it changes nothing.
    english = [EN[0], f"The deal between {common} and {name} brought the two factions closer together.", *EN[2:]]
    hindi = [HI[0], f"{devanagari} ({name}) के बीच समझौते ने दो गुटों को आपस में करीब ला दिया।", *HI[2:]]
    found, texts = _differences(english, hindi)
    assert [d for d in found if d.kind == "name" and d.text(0, texts) == name] == []
    assert all(d.text(1, texts) != devanagari for d in found if d.kind == "name")


def test_a_name_whose_common_word_the_hindi_translates_is_no_other_name() -> None:
    # स्वेज says "Suez", संकट translates "Crisis": the Hindi says the name, though not by its sounds alone.
    english = [EN[0], "The Suez Crisis showed the limits of the old powers in a changing world.", *EN[2:]]
    hindi = [HI[0], "स्वेज संकट ने बदलती दुनिया में पुरानी शक्तियों की सीमाएं प्रदर्शित कीं।", *HI[2:]]
    found, _ = _differences(english, hindi)
    assert found == []


def test_the_words_of_an_institutions_title_are_no_name_the_hindi_replaced() -> None:
    # "Renewable Energies" is part of a title the Hindi translates word by word; अपतटीय is a rare Hindi word near it.
    english = [
        EN[0],
        "The director of the Organization for Renewable Energies (IRENA) is certain: offshore wind power can lead.",
        *EN[2:],
    ]
    hindi = [
        HI[0],
        "अक्षय ऊर्जा संगठन (IRENA) के निदेशक आश्वस्त हैं: अपतटीय पवन ऊर्जा आगे बढ़ सकती है।",
        *HI[2:],
    ]
    found, _ = _differences(english, hindi)
    assert found == []


LAUGHS_EN = "But when I suggest that she get Frank to model for her, she laughs."
LAUGHS_HI = "लेकिन जब मैं सुझाव देती हूं कि वह फ्रैंक को अपने लिए मॉडल के रूप में ले ले, तो वह हंस देती है।"


def test_a_verbs_stem_does_not_take_the_place_of_the_name_replaced() -> None:
    # हंस देती ("laughs") is no name: the swapped name pairs with फ्रैंक, which को marks at its place.
    found, texts = _differences([EN[0], LAUGHS_EN.replace("Frank", "Bellingham"), *EN[2:]], [HI[0], LAUGHS_HI, *HI[2:]])
    assert [(d.kind, d.text(0, texts), d.text(1, texts)) for d in found] == [("name", "Bellingham", "फ्रैंक")]


def test_a_capitalised_common_word_pairs_with_the_place_at_its_place() -> None:
    # चीन is a place by CLDR, प्रचुर ("plenty") only a rare word: "Democratic" stands where चीन does.
    english = ["China will hold an air show in May.", "Naturally Democratic will present plenty of hardware this week."]
    hindi = ["चीन मई में एक हवाई प्रदर्शनी आयोजित करेगा।", "स्वाभाविक रूप से चीन इस सप्ताह प्रचुर मात्रा में हार्डवेयर पेश करेगा।"]
    found, texts = _differences(english, hindi)
    assert [(d.kind, d.text(0, texts), d.text(1, texts)) for d in found] == [("name", "Democratic", "चीन")]


def test_a_common_noun_opening_a_sentence_is_no_name_against_its_hindi_translation() -> None:
    # "Headmistress" opens its sentence (so its capital says nothing) and is rendered प्रधानाध्यापिका, a word too
    # rare for the Hindi list: a translation, not a replaced name.
    en = [
        "A government school in Sitapur district opened a new library on Monday.",
        "Headmistress Kavita Verma said students could now borrow books to read at home.",
    ]
    hi = [
        "सीतापुर जिले के एक सरकारी स्कूल में सोमवार को एक नया पुस्तकालय खोला गया।",
        "प्रधानाध्यापिका कविता वर्मा ने कहा कि अब छात्र घर पर पढ़ने के लिए किताबें ले जा सकते हैं।",
    ]
    found, _ = _differences(en, hi)
    assert [d.kind for d in found if d.kind == "name"] == []


def test_two_names_each_version_states_elsewhere_are_no_swap_where_the_sentences_differ() -> None:
    # The second sentences say different things (a rewrite): Russia and Ukraine are both named in both versions, so
    # neither replaced the other.
    en = ["Talks on Russia and Ukraine lasted an hour.", "Officials said Russia tried to explain its position."]
    hi = ["रूस और यूक्रेन पर बातचीत एक घंटे चली।", "बातचीत का बड़ा हिस्सा यूक्रेन संकट पर केंद्रित रहा।"]
    found, _ = _differences(en, hi)
    assert [d.kind for d in found if d.kind == "name"] == []
