"""The consistency checkers: the calibrated offline checker, the NLI checker on a tiny local model, and the commands
that expose them (`attribute --jsonl`, `compare`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizers.attribution.calibration import shipped, summary_score
from summarizers.attribution.checkers import OFFLINE, OfflineChecker, reasons_for
from summarizers.attribution.facts import FactMatcher, latin_name_vocabulary, latin_names
from summarizers.attribution.features import FEATURES, MAX_SPECIFIC_TERMS, SIGNALS, SourceIndex, measure
from summarizers.attribution.nli import ENTAILS, NLIChecker, batches, is_available, unload_all
from summarizers.attribution.registry import default_checker
from summarizers.errors import ModelLoadError, ModelUnavailable
from summarizers.language.segment import analyse
from summarizers.text.spans import WORD_RE
from tests.cli_runner import run_cli
from tests.conftest import BILINGUAL_SEED

TEXT = BILINGUAL_SEED.read_text(encoding="utf-8")
ANALYSIS = analyse(TEXT)
LIFTED = "Bilateral trade crossed $65 billion in 2024, largely due to India’s import of discounted Russian crude."
CHECKER = OfflineChecker()


def _one(sentence: str) -> tuple[bool, float, tuple[str, ...]]:
    (result,) = CHECKER.check(ANALYSIS, [sentence]).sentences
    assert result.score is not None
    return result.supported, result.score, result.reasons


def test_a_lifted_sentence_is_supported_with_a_high_score() -> None:
    supported, score, reasons = _one(LIFTED)
    assert supported
    assert score >= shipped().threshold
    assert reasons == ()


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        (LIFTED.replace("$65 billion", "12 per cent"), "12 per cent is not in the source"),
        (
            "Putin and Kovind discussed expanding cooperation in science and technology.",
            "name Kovind not in the source",
        ),
        ("वर्ष 2024 में भारत–रूस व्यापार 85 अरब डॉलर तक पहुंच गया।", "85 अरब is not in the source"),
        ("Putin and Modi spoke on 3 September about energy.", "date 3 September is not in the source"),
    ],
)
def test_a_fabricated_fact_is_flagged_with_a_reason_a_reader_can_check(sentence: str, reason: str) -> None:
    supported, score, reasons = _one(sentence)
    assert not supported  # decisive whatever the overlap ...
    assert 0.0 <= score <= 1.0  # ... while the score stays the calibrated overlap, which ranks summaries
    assert reason in reasons


def test_an_unrelated_sentence_is_flagged_for_its_wording() -> None:
    supported, _, reasons = _one("The weather was sunny and warm all week at the seaside.")
    assert not supported
    assert any("words not in the source" in reason for reason in reasons)


def test_a_weekday_is_a_date_not_a_name() -> None:
    _, _, reasons = _one("Putin and Modi discussed energy on Thursday.")
    assert not any("name Thursday" in reason for reason in reasons)
    assert "Thursday" not in latin_name_vocabulary("Talks were held on Thursday in Delhi with Modi.")


def test_the_summary_verdict_is_its_calibrated_score_and_a_wrong_figure_still_flags_its_sentence() -> None:
    checked = CHECKER.check(ANALYSIS, [LIFTED, LIFTED.replace("2024", "2019")])
    assert checked.checker == OFFLINE
    assert [s.supported for s in checked.sentences] == [True, False]
    scores = [s.score for s in checked.sentences if s.score is not None]
    assert checked.score == round(summary_score(scores), 4)
    assert min(scores) <= checked.score <= max(scores)
    assert checked.consistent == (checked.score >= shipped().summary_threshold)
    assert CHECKER.check(ANALYSIS, [LIFTED]).consistent
    assert not CHECKER.check(ANALYSIS, ["The weather was sunny and warm all week at the seaside."]).consistent


HINDI_SOURCE = "रूस के राष्ट्रपति व्लादिमीर पुतिन ने भारत के प्रधानमंत्री नरेंद्र मोदी से लंबी बातचीत की। दोनों नेताओं ने ऊर्जा पर चर्चा की।"


@pytest.mark.parametrize(
    ("sentence", "invented", "original"),
    [
        ("रूस के राष्ट्रपति ओकोंक्वो पुतिन ने भारत के प्रधानमंत्री नरेंद्र मोदी से लंबी बातचीत की।", "ओकोंक्वो", "व्लादिमीर"),
        ("ओकोंक्वो के राष्ट्रपति व्लादिमीर पुतिन ने भारत के प्रधानमंत्री नरेंद्र मोदी से लंबी बातचीत की।", "ओकोंक्वो", "रूस"),
    ],
)
def test_an_invented_hindi_name_is_flagged_with_a_reason_naming_it(sentence: str, invented: str, original: str) -> None:
    (result,) = CHECKER.check(analyse(HINDI_SOURCE), [sentence]).sentences
    assert not result.supported
    assert f"“{invented}” where the source has “{original}”" in result.reasons
    (lifted,) = CHECKER.check(analyse(HINDI_SOURCE), [HINDI_SOURCE.split("।")[0] + "।"]).sentences
    assert lifted.supported


def test_a_changed_figure_beside_a_product_name_is_flagged_though_the_source_states_it_elsewhere() -> None:
    source = "Realme 7 5G की कीमत 16 हजार रुपये है। इसमें 6.5 इंच की स्क्रीन दी गई है।"
    (result,) = CHECKER.check(analyse(source), ["Realme 16 5G की कीमत 16 हजार रुपये है।"]).sentences
    assert not result.supported
    assert "“16” where the source has “7”" in result.reasons


FUSED_SOURCE = (
    "Alberto Bueno has scored 17 goals for Rayo Vallecano this season. Bueno played for Real Madrid from 2006 to "
    "2009 and scored 22 goals there. Porto are ready to sign him in the summer."
)


def test_names_and_figures_the_source_states_apart_are_counted_when_a_sentence_puts_them_together() -> None:
    index = SourceIndex.of(FUSED_SOURCE)
    fused = measure(index, "Bueno has scored 17 goals for Real Madrid this season.")
    faithful = measure(index, "Bueno has scored 17 goals for Rayo Vallecano this season.")
    # "17" meets "Real" and "Madrid" in no source sentence; Bueno is stated with both, so he pairs with neither
    assert fused.get("apart") == 2
    assert fused.apart == (("17", "Real Madrid"),)
    assert faithful.get("apart") == 0
    assert faithful.apart == ()
    assert CHECKER.calibration.score(fused.values) < CHECKER.calibration.score(faithful.values)


def test_the_s_of_a_possessive_is_not_taken_for_an_initial() -> None:
    # The source has the initial "S" as a name; "India's" splits into "India" and "s", which must stay "India".
    index = SourceIndex.of(
        "External Affairs Minister S Jaishankar will travel. In a post on X, Modi thanked Putin. "
        "Leaders said India wants peace."
    )
    pairs = measure(index, "Modi said on X that India's call was for peace.").apart
    assert ("X", "India") in pairs
    assert all("India s" not in pair for pair in pairs)


def test_a_weak_sentence_names_the_facts_it_puts_together_and_a_supported_one_does_not() -> None:
    fused = measure(SourceIndex.of(FUSED_SOURCE), "Bueno has scored 17 goals for Real Madrid this season.")
    assert "“17” and “Real Madrid” are never stated together in the source" in reasons_for(fused, weak=True)
    assert not any("never stated together" in reason for reason in reasons_for(fused, weak=False))


def test_a_sentence_of_thousands_of_figures_pairs_only_its_first_ones() -> None:
    source = ". ".join(f"Item {i} costs {i * 7}" for i in range(3000)) + "."
    measured = measure(SourceIndex.of(source), " ".join(str(i * 7) for i in range(3000)))
    assert 0 < measured.get("apart") <= MAX_SPECIFIC_TERMS * (MAX_SPECIFIC_TERMS - 1) / 2


FUSED_WORDS = "Bueno Alberto Real Madrid Rayo Vallecano Porto 17 22 2006 2009 scored goals for the मोदी २० x".split()


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(FUSED_WORDS), st.sampled_from([" ", "  ", "\n", ", ", "-", ". "])), max_size=30)
)
def test_pairs_apart_are_words_of_the_sentence(parts: list[tuple[str, str]]) -> None:
    sentence = "".join(word + separator for word, separator in parts)
    measured = measure(SourceIndex.of(FUSED_SOURCE), sentence)
    assert measured.get("apart") >= len(measured.apart)
    written = set(WORD_RE.findall(sentence))
    for pair in measured.apart:
        for phrase in pair:
            assert phrase
            assert set(phrase.split(" ")) <= written


NEGATION_SOURCE = (
    "Villa host Rangers on Tuesday with Sherwood admitting he does not have the players to grind out results. "
    "The club did not sign the striker in January. Fans were told the ground is safe."
)


@pytest.mark.parametrize(
    ("sentence", "differs"),
    [
        ("Villa host Rangers on Tuesday.", False),  # the source's negation is about the players, not the fixture
        ("The club signed the striker in January.", True),
        ("The club did not sign the striker in January.", False),
        ("Fans were told the ground is not safe.", True),
    ],
)
def test_the_negation_reason_only_when_a_negation_about_what_the_sentence_says_differs(
    sentence: str, differs: bool
) -> None:
    measured = measure(SourceIndex.of(NEGATION_SOURCE), sentence)
    assert measured.negation == differs
    assert any("negation" in reason for reason in reasons_for(measured, weak=False)) == differs
    (result,) = CHECKER.check(analyse(NEGATION_SOURCE), [sentence]).sentences
    # The page shows reasons under "could not find support": a sentence the checker supports carries none.
    assert any("negation" in reason for reason in result.reasons) == (differs and not result.supported)
    assert not (result.supported and result.reasons)


def test_a_hindi_sentence_against_the_english_version_is_judged_by_its_facts() -> None:
    english = analyse(" ".join(unit.span.text(TEXT) for unit in ANALYSIS.content_units("en")))
    true, changed = CHECKER.check(
        english, ["वर्ष 2024 में भारत–रूस व्यापार 65 अरब डॉलर तक पहुंच गया।", "वर्ष 2024 में व्यापार 80 अरब डॉलर तक पहुंच गया।"]
    ).sentences
    assert true.supported
    assert true.score == 1.0
    assert not changed.supported
    assert any("80 अरब" in reason for reason in changed.reasons)


def test_calibration_matches_the_features_the_checker_measures() -> None:
    calibration = shipped()
    assert calibration.features == FEATURES
    assert set(FEATURES) <= set(SIGNALS)
    assert 0 < calibration.threshold < 1
    measured = measure(SourceIndex.of(TEXT), LIFTED)
    assert len(measured.values) == len(FEATURES)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAbZ Putin Modi 0123456789,.%$\n-मोदीपुतिनअरब२०")), max_size=160))
def test_any_text_gets_a_score_in_range_and_never_raises(sentence: str) -> None:
    for result in CHECKER.check(ANALYSIS, [sentence] if sentence.strip() else ["."]).sentences:
        assert result.score is None or 0.0 <= result.score <= 1.0
        assert all(isinstance(reason, str) and reason for reason in result.reasons)


def test_names_stay_whole_and_keep_their_case() -> None:
    names = [fact.text for fact in latin_names("Talks on the Indo-Pacific region with Vladimir Putin went on.")]
    assert names == ["Indo-Pacific", "Vladimir Putin"]


def test_the_fact_matcher_never_flags_a_sentence_for_a_fact_the_table_lists_in_both() -> None:
    english = " ".join(unit.span.text(TEXT) for unit in ANALYSIS.content_units("en"))
    hindi = " ".join(unit.span.text(TEXT) for unit in ANALYSIS.content_units("hi"))
    matcher = FactMatcher(english, hindi)
    in_both = {a.key for a, _ in matcher.comparison.shared}
    assert {"name:putin", "name:indo-pacific"} <= in_both
    for sentence in [unit.span.text(TEXT) for unit in ANALYSIS.content_units("en")]:
        _, missing = matcher.missing(sentence, 0)
        assert not {fact.key for fact in missing} & in_both


@pytest.fixture(scope="module")
def tiny_nli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.tiny_models import build_tiny_nli

    return build_tiny_nli(tmp_path_factory.mktemp("nli") / "tiny-nli")


@pytest.mark.slow
def test_nli_checker_loads_a_local_model_and_scores_every_sentence(tiny_nli: Path) -> None:
    checker = NLIChecker.load(str(tiny_nli))
    assert checker.name == f"nli:{tiny_nli}"
    english = analyse(" ".join(unit.span.text(TEXT) for unit in ANALYSIS.content_units("en")))
    checked = checker.check(english, [LIFTED, LIFTED.replace("$65 billion", "$75 billion"), "पुतिन ने मोदी से बात की।"])
    assert checked.checker == checker.name
    assert all(s.score is not None and 0.0 <= s.score <= 1.0 for s in checked.sentences)
    # Random weights decide nothing about wording, but a figure the source lacks is decisive for every checker.
    assert not checked.sentences[1].supported
    assert "75 billion is not in the source" in checked.sentences[1].reasons
    assert checked.sentences[0].sources


@pytest.mark.slow
def test_nli_in_bfloat16_gives_the_float32_verdicts_within_rounding(tiny_nli: Path) -> None:
    exact = NLIChecker.load(str(tiny_nli))
    halved = NLIChecker(exact.model_id, exact.tokenizer, exact.model, precision="bfloat16")
    assert halved.bfloat16
    assert not NLIChecker(exact.model_id, exact.tokenizer, exact.model, "float32").bfloat16
    english = analyse(" ".join(unit.span.text(TEXT) for unit in ANALYSIS.content_units("en")))
    sentences = [LIFTED, "Both leaders discussed defence cooperation.", "पुतिन ने मोदी से बात की।"]
    pairs = [(LIFTED, s) for s in sentences]
    for (entail32, contra32), (entail16, contra16) in zip(exact.pairs(pairs), halved.pairs(pairs), strict=True):
        assert abs(entail32 - entail16) < 0.02
        assert abs(contra32 - contra16) < 0.02
    assert [s.supported for s in exact.check(english, sentences).sentences] == [
        s.supported for s in halved.check(english, sentences).sentences
    ]


def test_nli_precision_follows_the_setting_and_the_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarizers import settings
    from summarizers.attribution import nli

    for value, wanted in (("float32", "float32"), ("BFLOAT16", "bfloat16"), ("fp8", "auto"), ("", "auto")):
        monkeypatch.setenv("SAAR_NLI_PRECISION", value)
        assert settings.nli_precision() == wanted
    assert nli.uses_bfloat16("bfloat16")
    assert not nli.uses_bfloat16("float32")
    monkeypatch.setattr(nli, "native_bfloat16", lambda: False)
    assert not nli.uses_bfloat16("auto")  # emulated bfloat16 is slower than float32: not chosen by default
    monkeypatch.setattr(nli, "native_bfloat16", lambda: True)
    assert nli.uses_bfloat16("auto")


@pytest.mark.slow
def test_the_default_checker_is_nli_when_its_weights_are_here(tiny_nli: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAAR_NLI_MODEL", str(tiny_nli))
    assert is_available()
    assert default_checker().name == f"nli:{tiny_nli}"
    monkeypatch.setenv("SAAR_CHECKER", "offline")
    assert default_checker().name == OFFLINE


@given(st.lists(st.integers(min_value=1, max_value=512), max_size=40))
def test_nli_passes_take_every_pair_once_shortest_first(lengths: list[int]) -> None:
    grouped = batches(lengths)
    flat = [i for group in grouped for i in group]
    assert sorted(flat) == list(range(len(lengths)))
    assert [lengths[i] for i in flat] == sorted(lengths)
    assert all(group for group in grouped)


def test_short_pairs_are_not_padded_to_a_long_one() -> None:
    assert batches([40, 40, 40, 40, 300]) == [[0, 1, 2, 3], [4]]
    assert batches([40, 41, 42]) == [[0, 1, 2]]  # a pass costs more than a few tokens of padding


@pytest.mark.slow
def test_nli_reads_the_joined_premise_only_where_the_best_one_does_not_entail(
    tiny_nli: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checker = NLIChecker.load(str(tiny_nli))
    english = analyse(" ".join(unit.span.text(TEXT) for unit in ANALYSIS.content_units("en")))
    read: list[list[tuple[str, str]]] = []

    def pairs(asked: list[tuple[str, str]]) -> list[tuple[float, float]]:
        read.append(list(asked))
        return [(0.9, 0.05) if hypothesis == LIFTED else (0.2, 0.7) for _, hypothesis in asked]

    monkeypatch.setattr(checker, "pairs", pairs)
    other = "Both leaders discussed defence cooperation and the trade in Russian crude oil during the summit."
    lifted, doubted = checker.check(english, [LIFTED, other]).sentences
    assert len(read) == 2
    assert [h for _, h in read[0]] == [LIFTED, other]
    assert [h for _, h in read[1]] == [other]  # the joined premise, for the sentence not entailed only
    assert len(read[1][0][0]) > len(read[0][1][0])
    assert lifted.supported
    assert lifted.score == round((0.9 - 0.05 + 1) / 2, 4)
    assert ENTAILS > 0.2
    assert not doubted.supported


def test_without_nli_weights_the_offline_checker_serves(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAAR_NLI_MODEL", "nobody/not-downloaded-nli")
    assert not is_available()
    assert default_checker().name == OFFLINE
    with pytest.raises(ModelUnavailable, match="download nli"):
        NLIChecker.load("nobody/not-downloaded-nli")


@pytest.mark.slow
def test_a_model_without_nli_labels_is_refused(tiny_nli: Path, tmp_path: Path) -> None:
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(tiny_nli, broken)
    config = json.loads((broken / "config.json").read_text())
    config["id2label"] = {"0": "LABEL_0", "1": "LABEL_1", "2": "LABEL_2"}
    config["label2id"] = {"LABEL_0": 0, "LABEL_1": 1, "LABEL_2": 2}
    (broken / "config.json").write_text(json.dumps(config))
    unload_all()
    with pytest.raises(ModelLoadError, match="entail"):
        NLIChecker.load(str(broken))


def test_attribute_jsonl_checks_every_line_and_reports_bad_ones(tmp_path: Path) -> None:
    lines = [
        {"id": "true", "source": TEXT, "summary": LIFTED},
        {"id": "changed", "source": TEXT, "summary": LIFTED.replace("65", "75")},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([json.dumps(lines[0]), "{not json", json.dumps({"id": "x"}), json.dumps(lines[1])]))
    result = run_cli("attribute", "--jsonl", str(path), "--json", env={"SAAR_CHECKER": "offline"})
    assert result.code == 1  # some lines could not be read
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [entry["id"] for entry in out] == ["true", "line 2", "x", "changed"]
    assert "error" in out[1]
    assert "error" in out[2]
    assert out[0]["consistent"] is True
    assert out[3]["consistent"] is False
    for entry in (out[0], out[3]):
        assert entry["checker"] == OFFLINE
        assert 0 <= entry["score"] <= 1
        assert all({"text", "supported", "sources", "score", "reasons"} <= set(s) for s in entry["sentences"])
    assert "checked 4/4" in result.stderr


def test_attribute_keeps_its_output_and_adds_the_checker(tmp_path: Path) -> None:
    summary = tmp_path / "summary.txt"
    summary.write_text(LIFTED)
    result = run_cli("attribute", str(BILINGUAL_SEED), str(summary), "--json", env={"SAAR_CHECKER": "offline"})
    data = result.json()
    assert list(data)[:2] == ["schema_version", "sentences"]
    assert data["checker"] == OFFLINE
    assert data["consistent"] is True
    (sentence,) = data["sentences"]
    assert TEXT[sentence["sources"][0]["start"] : sentence["sources"][0]["end"]] == LIFTED


def test_compare_command_facts_and_flags_agree() -> None:
    result = run_cli("compare", str(BILINGUAL_SEED), "--method", "extractive", "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    assert data["schema_version"]
    assert {row["in"] for row in data["facts"]} <= {"both", "a", "b"}
    in_both = {row["a"] for row in data["facts"] if row["in"] == "both"} | {
        row["b"] for row in data["facts"] if row["in"] == "both"
    }
    assert {"Putin", "Modi", "Indo-Pacific"} <= in_both
    assert not any(row["a"] in {"Monday", "monday"} for row in data["facts"] if row["kind"] == "name")
    assert [document["language"] for document in data["documents"]] == ["en", "hi"]
    for document in data["documents"]:
        for summary in document["summaries"]:
            for check in summary["in_other"]:
                assert not set(check.get("missing", [])) & in_both


def test_a_sentence_no_source_sentence_aligns_with_is_never_supported() -> None:
    # Three common words of this short sentence are in the article and score it above the threshold on their own;
    # without a source sentence to show, it is not called supported.
    tariffs = (BILINGUAL_SEED.parent / "en_modi_putin_call_us_tariffs.txt").read_text(encoding="utf-8")
    (sentence,) = CHECKER.check(analyse(tariffs), ["The two leaders agreed to “remain in close touch”."]).sentences
    assert sentence.sources == ()
    assert sentence.score is not None
    assert sentence.score >= CHECKER.calibration.threshold
    assert not sentence.supported
    assert sentence.reasons
