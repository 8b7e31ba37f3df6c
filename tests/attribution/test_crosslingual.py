"""Matching an English and a Hindi version of one story offline: numbers, dates, names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizers.attribution.align import align_across, attribute, split_summary
from summarizers.attribution.checkers import OfflineChecker, about_other_version
from summarizers.attribution.facts import FactMatcher, compare_facts, dates_and_numbers, facts_in, latin_names
from summarizers.compare import check_against_other, document_side, language_sides, short_labels
from summarizers.documents.reading import read_path
from summarizers.language.segment import analyse
from summarizers.language.transliteration import name_keys, skeleton
from summarizers.messages import Message
from summarizers.text.spans import Span
from tests.cli_runner import run_cli
from tests.conftest import BILINGUAL_SEED, ROOT

TEXT = read_path(BILINGUAL_SEED).text
ANALYSIS = analyse(TEXT)


def _run(lang: str) -> str:
    units = ANALYSIS.content_units(lang)
    return TEXT[units[0].span.start : units[-1].span.end]


ENGLISH_RUN = _run("en")
HINDI_RUN = _run("hi")


@pytest.mark.parametrize(
    ("latin", "devanagari"),
    [
        ("Modi", "मोदी"),
        ("Putin", "पुतिन"),
        ("Narendra", "नरेंद्र"),
        ("Vladimir", "व्लादिमीर"),
        ("Trump", "ट्रंप"),
        ("Moscow", "मॉस्को"),
        ("Zelensky", "ज़ेलेंस्की"),
        ("Jaishankar", "जयशंकर"),
        ("Afghanistan", "अफगानिस्तान"),
        ("Mumbai", "मुंबई"),
    ],
)
def test_transliterated_names_share_a_skeleton(latin: str, devanagari: str) -> None:
    assert skeleton(latin) == skeleton(devanagari)
    assert name_keys(latin) & name_keys(devanagari)


@pytest.mark.parametrize(("latin", "devanagari"), [("Modi", "पुतिन"), ("Putin", "मोदी"), ("Trump", "मोदी")])
def test_different_names_do_not_match(latin: str, devanagari: str) -> None:
    assert not name_keys(latin) & name_keys(devanagari)


@pytest.mark.parametrize(
    ("latin", "devanagari"), [("India", "भारत"), ("Russia", "रूस"), ("LNG", "एलएनजी"), ("US", "अमेरिका")]
)
def test_exonyms_and_acronyms_match(latin: str, devanagari: str) -> None:
    assert name_keys(latin) & name_keys(devanagari)


@pytest.mark.parametrize(
    ("english", "hindi"),
    [
        ("$65 billion", "65 अरब डॉलर"),
        ("in 2024", "वर्ष २०२४ में"),
        ("30 million", "3 करोड़"),
        ("2 lakh", "दो लाख यानी 2 लाख"),
        ("12.5 per cent", "12.5 प्रतिशत"),
        ("on 15 August", "15 अगस्त को"),
        ("August 15th", "15 अगस्त"),
        ("on Monday", "सोमवार को"),
    ],
)
def test_numbers_and_dates_get_the_same_key_in_both_languages(english: str, hindi: str) -> None:
    english_keys = {fact.key for fact in dates_and_numbers(english)}
    hindi_keys = {fact.key for fact in dates_and_numbers(hindi)}
    assert english_keys
    assert english_keys <= hindi_keys


def test_lower_case_month_words_are_not_dates() -> None:
    assert not [fact for fact in dates_and_numbers("They may march on 5 roads.") if fact.kind == "date"]


def test_the_two_versions_of_seed_003_share_their_facts() -> None:
    comparison = compare_facts(ENGLISH_RUN, HINDI_RUN)
    shared = {(a.text, b.text) for a, b in comparison.shared}
    for pair in [("Putin", "पुतिन"), ("Modi", "मोदी"), ("65 billion", "65 अरब"), ("LNG", "एलएनजी"), ("2024", "2024")]:
        assert pair in shared
    # Hindi names are only discovered through the English ones, so none can be "only in Hindi".
    assert all(fact.kind != "name" for fact in comparison.only_b)
    assert comparison.notes


def test_names_hindi_translates_rather_than_transliterates_are_shared() -> None:
    comparison = compare_facts(ENGLISH_RUN, HINDI_RUN)
    shared = {(a.text, b.text) for a, b in comparison.shared}
    # A hyphenated name stays whole, and meets the Hindi translation of its parts.
    assert ("Indo-Pacific", "हिंद-प्रशांत") in shared
    assert ("West Asia", "पश्चिम एशिया") in shared
    assert ("India", "भारत") in shared
    assert not {"Indo", "Pacific", "West", "Indo-Pacific"} & {fact.text for fact in comparison.only_a}
    # The "Indo" of "Indo–Russian" (an en dash joins two names) is India's mention, not a name of its own that the
    # table would pair with the Hindi Indo-Pacific.
    assert "Indo" not in {a.text for a, _ in comparison.shared}
    # "Indo–Russian ties" is about India: the sentence is supported by the Hindi version's India and Russia.
    (link,) = align_across(HINDI_RUN, ["Defense cooperation has long been the backbone of Indo–Russian ties."])
    assert link.supported


def test_a_combining_form_is_its_country_and_the_table_shows_the_country_as_written() -> None:
    comparison = compare_facts(
        "Ties: the Indo–Russian deal was signed. Leaders of India and Russia met.", "भारत और रूस मिले।"
    )
    shared = [(a.text, b.text) for a, b in comparison.shared]
    assert ("India", "भारत") in shared
    assert all(a != "Indo" for a, _ in shared)
    assert comparison.only_a == ()


def test_a_fact_only_in_one_version_is_listed_there() -> None:
    comparison = compare_facts(ENGLISH_RUN + " Talks resume on 3 September.", HINDI_RUN)
    assert "date:09-03" in {fact.key for fact in comparison.only_a}


def test_hindi_sentence_with_a_changed_figure_is_flagged_against_the_english_version() -> None:
    true, changed = align_across(
        ENGLISH_RUN,
        ["वर्ष 2024 में भारत–रूस व्यापार 65 अरब डॉलर तक पहुंच गया।", "वर्ष 2024 में भारत–रूस व्यापार 80 अरब डॉलर तक पहुंच गया।"],
    )
    assert true.supported
    assert any("65 billion" in ENGLISH_RUN[s.start : s.end] for s in true.sources)
    assert not changed.supported
    assert changed.missing == ("80 अरब",)


def test_english_sentence_with_an_invented_name_is_flagged_against_the_hindi_version() -> None:
    true, invented = align_across(
        HINDI_RUN, ["Putin invited India to Arctic oil and LNG projects.", "Putin invited Trump to LNG projects."]
    )
    assert true.supported
    assert any("एलएनजी" in HINDI_RUN[s.start : s.end] for s in true.sources)
    assert not invented.supported
    assert "Trump" in invented.missing


def test_a_sentence_without_facts_is_left_unchecked_not_called_unsupported() -> None:
    (result,) = align_across(HINDI_RUN, ["Both leaders talked at length."])
    assert not result.checked
    assert result.sources == ()


COUNTERPARTS = json.loads((ROOT / "tests" / "data" / "seed003_counterparts.json").read_text("utf-8"))["hi_to_en"]


def _best_link(text: str, sentence: str, spans: list[Span], position: float | None) -> int | None:
    (result,) = align_across(text, [sentence], spans, [position])
    if not result.sources:
        return None
    best = max(result.sources, key=lambda source: source.score)
    return [span.start for span in spans].index(best.start)


def test_position_breaks_ties_between_equal_matches_in_aligned_versions() -> None:
    text = BILINGUAL_SEED.read_text(encoding="utf-8")
    analysis = analyse(text)
    runs = {lang: [unit.span for unit in analysis.content_units(lang)] for lang in ("en", "hi")}
    assert len(runs["hi"]) == len(COUNTERPARTS)
    # A Hindi sentence naming only India (the neutral-stance sentence) matches a dozen English ones equally.
    hindi = runs["hi"][15].text(text)
    assert _best_link(text, hindi, runs["en"], None) != COUNTERPARTS[15]
    assert _best_link(text, hindi, runs["en"], 15 / (len(runs["hi"]) - 1)) == COUNTERPARTS[15]
    # Over the whole English version: more sentences find their hand-labelled counterparts with positions.
    en_to_hi = {en: hi for hi, en in enumerate(COUNTERPARTS) if en is not None}
    last = len(runs["en"]) - 1

    def correct(with_position: bool) -> int:
        return sum(
            _best_link(text, runs["en"][en].text(text), runs["hi"], en / last if with_position else None) == hi
            for en, hi in en_to_hi.items()
        )

    assert correct(True) > correct(False) + 2


def test_attribute_picks_the_language_of_each_sentence() -> None:
    hindi, english = attribute(
        analyse(ENGLISH_RUN), ["वर्ष 2024 में व्यापार 65 अरब डॉलर रहा।", "Trade crossed $65 billion."]
    )
    assert hindi.supported
    assert hindi.checked
    assert english.supported


def test_attribute_command_flags_a_hindi_summary_against_an_english_article(tmp_path: Path) -> None:
    source = tmp_path / "english.txt"
    source.write_text(ENGLISH_RUN, encoding="utf-8")
    summary = tmp_path / "summary.txt"
    summary.write_text("मोदी और पुतिन ने 90 अरब डॉलर के व्यापार पर बात की।", encoding="utf-8")
    result = run_cli("attribute", str(source), str(summary), "--json")
    assert result.code == 0
    (sentence,) = result.json()["sentences"]
    assert sentence["supported"] is False
    assert sentence["missing"] == ["90 अरब"]
    assert sentence["sources"]


MIXED_TEXT = st.text(
    alphabet=st.sampled_from(list("aAbModitTrump 0123456789,.%$\n-मोदीपुतिनअरबलाख२०२४ ंक्र्स़ड")), max_size=200
)


@given(MIXED_TEXT)
def test_facts_point_at_their_text(text: str) -> None:
    for fact in facts_in(text, {"skeleton:md", "skeleton:ptn"}):
        assert 0 <= fact.start < fact.end <= len(text)
        assert text[fact.start : fact.end] == fact.text


@given(MIXED_TEXT, MIXED_TEXT)
def test_comparison_never_raises_lists_each_fact_once_and_agrees_with_sentence_flags(a: str, b: str) -> None:
    matcher = FactMatcher(a, b)
    comparison = matcher.comparison
    left = [pair[0].key for pair in comparison.shared]
    assert len(left) == len(set(left))
    assert not {fact.key for fact in comparison.only_a} & set(left)
    # A fact listed only in one version is one no sentence of that version can find in the other, and the reverse.
    for side, text in enumerate((a, b)):
        for sentence in split_summary(text):
            found, missing = matcher.missing(sentence, side)
            assert not {fact.key for fact in found} & {
                fact.key for fact in (comparison.only_a, comparison.only_b)[side]
            }
            if side == 0:
                assert not {fact.key for fact in missing} & set(left)


def test_short_labels_name_versions_by_language_and_tell_same_titles_apart() -> None:
    document = read_path(ROOT / "seeds" / BILINGUAL_SEED)
    versions = language_sides(document)
    assert versions is not None
    assert short_labels(*versions) == ("English", "Hindi")
    whole = document_side(document)
    assert short_labels(whole, whole) == (f"{document.name} (1)", f"{document.name} (2)")
    assert short_labels(versions[0], whole) == (versions[0].title, document.name)


def test_compare_reasons_name_the_other_version_not_a_source() -> None:
    first = "The minister met farmers in Pune on Monday. Prices of onions fell sharply after the rains."
    second = (
        "Officials in Delhi announced a new highway plan. The project will link three northern states. "
        "Engineers expect work to start soon."
    )
    sentence = "Engineers in Delhi described the plan as a flying bridge over the ocean."
    checked = check_against_other(OfflineChecker(), FactMatcher(second, first), 0, analyse(first), [sentence])
    reasons = checked[0].reasons
    assert not checked[0].supported
    assert reasons, "an unsupported sentence says why"
    assert any("the other version" in reason for reason in reasons)
    assert not any("source" in reason for reason in reasons)


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        (
            Message("reason.number_missing", number="12 per cent", place="source"),
            "12 per cent is not in the other version",
        ),
        (
            Message("reason.new_words", words=("flying", "bridge"), place="source"),
            "words not in the other version: flying, bridge",
        ),
        (
            Message("reason.never_together", first="Delhi", second="17", place="source"),
            "“Delhi” and “17” are never stated together in the other version",
        ),
        (
            Message("reason.negation", place="source"),
            "its closest sentences in the other version differ from it on a negation (not, no, never)",
        ),
        (
            Message("reason.scattered", place="source"),
            "its words do not come together in any one or two sentences of the other version",
        ),
        (Message("reason.no_aligned_sentence", place="source"), "no sentence of the other version aligns with it"),
        (
            Message("reason.fact_missing", fact="Modi", place="other_language_source"),
            "Modi is not in the other version",
        ),
    ],
    ids=lambda value: value.code if isinstance(value, Message) else None,
)
def test_every_checker_reason_can_be_read_against_the_other_version(reason: Message, expected: str) -> None:
    moved = about_other_version(reason)
    assert moved == expected
    assert (moved.code, moved.values["place"]) == (reason.code, "other_version")


def test_two_english_versions_do_not_pair_different_people_with_a_like_first_name() -> None:
    first = "On Monday Vladimir Putin spoke to Modi. Putin said the talks went well."
    second = "On Monday Volodymyr Zelenskiy spoke to Modi. Zelenskiy said the talks went well."
    comparison = compare_facts(first, second)
    shared = {(a.text, b.text) for a, b in comparison.shared}
    assert ("Modi", "Modi") in shared
    assert not any("Putin" in a and "Zelenskiy" in b for a, b in shared)
    assert "Volodymyr Zelenskiy" in [fact.text for fact in comparison.only_b]
    assert "Vladimir Putin" in [fact.text for fact in comparison.only_a]
    # A surname spelled two ways is still one person.
    spelled = compare_facts("Talks with Volodymyr Zelensky went on.", "Talks with Volodymyr Zelenskiy went on.")
    assert [(a.text, b.text) for a, b in spelled.shared] == [("Volodymyr Zelensky", "Volodymyr Zelenskiy")]


def test_a_hyphen_between_two_names_written_alone_elsewhere_joins_two_names() -> None:
    text = (
        "India and Russia agreed, said Putin and Trump. The India-Russia summit and the Putin-Trump call on the "
        "Indo-Pacific."
    )
    names = [fact.text for fact in FactMatcher(text, "").mentions[0] if fact.kind == "name"]
    assert names == ["India", "Russia", "Putin", "Trump", "India", "Russia", "Putin", "Trump", "Indo-Pacific"]
    comparison = compare_facts(
        "The talks went on as Donald Trump met with Putin in the cold of Alaska.",
        "The long Putin-Trump summit in the cold of Alaska ended: first Trump left, then Putin.",
    )
    assert ("Donald Trump", "Trump") in {(a.text, b.text) for a, b in comparison.shared}


def test_a_date_at_the_end_of_a_sentence_leaves_the_full_stop_out() -> None:
    assert [fact.text for fact in dates_and_numbers("Talks resume on 1 September. They met on 3 Sept. and left.")] == [
        "1 September",
        "3 Sept.",
    ]


def test_a_fact_missing_from_the_other_version_is_not_listed_again_among_its_words() -> None:
    other = "The minister met farmers in Pune. Prices of onions fell sharply after the rains, officials said."
    own = "The minister met farmers in Pune on Monday. Prices of onions fell after the rains."
    sentence = "The minister met farmers in Pune on Monday."
    (checked,) = check_against_other(OfflineChecker(), FactMatcher(own, other), 0, analyse(other), [sentence])
    assert "Monday is not in the other version" in checked.reasons
    assert not any("monday" in reason for reason in checked.reasons)


def test_words_capitalised_in_the_names_of_offices_are_not_listed_as_names() -> None:
    text = (
        "The talks were led by National Security Adviser Ajit Doval and aides from the Prime Minister's Office. "
        "Both sides praised the Special and Privileged Strategic Partnership before the Shanghai Cooperation "
        "Organisation summit, said the United States."
    )
    names = [fact.text for fact in latin_names(text)]
    assert names == ["Ajit Doval", "Shanghai", "United States"]
