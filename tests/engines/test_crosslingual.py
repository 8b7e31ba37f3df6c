"""Cross-language summaries on a tiny many-to-many model built locally with a CrossSum-style language map."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from summarizers.documents.reading import read_path
from summarizers.engines import crosslingual
from summarizers.engines.abstractive import loading
from summarizers.engines.abstractive.backends import ctranslate2 as ctranslate2_backend
from summarizers.engines.abstractive.engine import AbstractiveEngine
from summarizers.engines.abstractive.specs import (
    CROSS_LANGUAGE,
    MT5_CROSSSUM,
    TokenBudget,
    language_start_token,
    spec_for,
)
from summarizers.errors import ModelUnavailable, UsageError
from summarizers.language.segment import analyse
from summarizers.pipeline import Options, summarize, summarize_language
from summarizers.schema import result_json
from summarizers.text.scripts import script_counts
from tests.cli_runner import run_cli
from tests.conftest import BILINGUAL_SEED
from tests.tiny_models import TINY_LANGID_MAP, build_tiny_crosssum

pytestmark = pytest.mark.slow
TEXT = BILINGUAL_SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def crosssum(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_crosssum(tmp_path_factory.mktemp("crosssum") / "model")


def _engine(directory: Path, target: str, backend: str, quantization: str = "int8") -> AbstractiveEngine:
    spec = replace(spec_for(CROSS_LANGUAGE, {CROSS_LANGUAGE: str(directory)}), num_beams=1, no_repeat_ngram_size=0)
    loaded = loading.load(spec, backend=backend, quantization=quantization)  # type: ignore[arg-type]
    return AbstractiveEngine(replace(loaded, spec=replace(loaded.spec, lang=target)))


def _script_share(text: str, script: str) -> float:
    counts = script_counts(text)
    return counts[script] / max(1, sum(counts.values()))  # type: ignore[index]


# --- the registry and the language map


def test_the_cross_language_model_is_registered_with_its_card_settings_and_licence() -> None:
    spec = spec_for(CROSS_LANGUAGE)
    assert spec is MT5_CROSSSUM
    assert spec.model_id == "csebuetnlp/mT5_m2m_crossSum"
    assert not spec.commercial_use
    assert "NC-SA" in spec.licence
    assert (spec.max_input_tokens, spec.num_beams, spec.no_repeat_ngram_size) == (512, 4, 2)
    assert spec.budget("medium").max_new_tokens == 84
    assert spec_for(CROSS_LANGUAGE, {CROSS_LANGUAGE: "/models/cs"}).model_id == "/models/cs"


def test_the_start_token_comes_from_the_language_map_of_the_summary_language() -> None:
    params = {"langid_map": TINY_LANGID_MAP}
    assert language_start_token(replace(MT5_CROSSSUM, lang="en"), params) == "<extra_id_57>"
    assert language_start_token(replace(MT5_CROSSSUM, lang="hi"), params) == "<extra_id_59>"
    assert language_start_token(replace(MT5_CROSSSUM, lang="hi"), None) is None  # no map: the model's own start
    with pytest.raises(ModelUnavailable, match="language map has no such language"):
        language_start_token(replace(MT5_CROSSSUM, lang="ur"), params)


def test_an_unknown_summary_language_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="summary language"):
        Options(into="fr")


# --- decoding starts at the target language's token


@pytest.mark.parametrize("target", ["en", "hi"])
def test_transformers_decoding_starts_at_the_target_language_token(crosssum: Path, target: str) -> None:
    engine = _engine(crosssum, target, "transformers")
    token = TINY_LANGID_MAP["english" if target == "en" else "hindi"][1]
    expected = engine.tokenizer.convert_tokens_to_ids(token)
    rows = engine.generator.token_rows([TEXT[:400], TEXT[-400:]], TokenBudget(6, 6))
    assert [row[0] for row in rows] == [expected, expected]
    decoded = engine.generate([TEXT[:400]], TokenBudget(6, 6))[0]
    assert str(token) not in decoded.text  # the start token is not part of the summary
    assert decoded.tokens == 6


def test_the_target_language_changes_what_is_written(crosssum: Path) -> None:
    budget = TokenBudget(8, 8)
    english = _engine(crosssum, "en", "transformers").generator.token_rows([TEXT[:400]], budget)[0]
    hindi = _engine(crosssum, "hi", "transformers").generator.token_rows([TEXT[:400]], budget)[0]
    assert english[0] != hindi[0]
    assert english[1:] != hindi[1:]


@pytest.mark.parametrize("target", ["en", "hi"])
def test_ctranslate2_starts_at_the_same_token_and_writes_what_transformers_writes(
    crosssum: Path, target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAAR_VOCABULARY_FILTER", "off")  # the whole vocabulary, as transformers scores it
    reference = _engine(crosssum, target, "transformers")
    converted = _engine(crosssum, target, "ctranslate2", "float32")
    assert converted.loaded.fast is not None
    assert converted.loaded.fast.start_from_prefix
    config = json.loads((converted.loaded.fast.directory / "config.json").read_text("utf-8"))
    assert config["decoder_start_token"] is None  # the start is each call's first prefix token
    chunks = [TEXT[start : start + 400] for start in range(0, 2400, 400)]
    budget = TokenBudget(0, 16)
    assert converted.generate(chunks, budget) == reference.generate(chunks, budget)


def test_a_language_map_model_refuses_to_decode_without_a_start(crosssum: Path) -> None:
    converted = _engine(crosssum, "en", "ctranslate2", "float32")
    assert converted.loaded.fast is not None
    with pytest.raises(ValueError, match="start"):
        converted.loaded.fast.generate([["▁a", "</s>"]], converted.generator.settings(TokenBudget(1, 2)), "en")


# --- the pipeline: right language, right label, honest fallback


def test_a_hindi_story_summarised_in_english_is_labelled_english_of_hindi(crosssum: Path) -> None:
    models = {CROSS_LANGUAGE: str(crosssum)}
    result = summarize(read_path(BILINGUAL_SEED), Options(models=models, into="en", length="short"))
    by_source = {summary.summarised_lang: summary for summary in result.summaries}
    across = by_source["hi"]
    assert (across.lang, across.source_lang, across.method, across.model) == ("en", "hi", "abstractive", str(crosssum))
    assert _script_share(across.text, "Latn") >= crosslingual.MIN_SCRIPT_SHARE
    # Attribution across languages: every source lies in the Hindi text it summarises.
    hindi_spans = [unit.span for unit in analyse(TEXT).content_units("hi")]
    assert len(across.attribution) == len(across.sentences)
    for aligned in across.attribution:
        for source in aligned.sources:
            assert any(span.start <= source.start and source.end <= span.end for span in hindi_spans)
        assert aligned.supported == (bool(aligned.sources) and not aligned.missing)
    assert by_source["en"].lang == "en"
    assert by_source["en"].source_lang is None
    forms = {entry["source_lang"]: entry for entry in result_json(result)["summaries"]}
    assert (forms["hi"]["lang"], forms["en"]["lang"], forms["en"]["source_lang"]) == ("en", "en", "en")


@pytest.mark.parametrize("into", ["en", "hi"])
def test_a_summary_is_never_labelled_with_a_language_it_is_not_written_in(crosssum: Path, into: str) -> None:
    """Whatever the tiny model writes, a summary labelled Hindi is mostly Devanagari and one labelled English mostly
    Latin: output in the wrong script is refused and the original-language summary shown with a notice."""
    models = {CROSS_LANGUAGE: str(crosssum)}
    result = summarize(read_path(BILINGUAL_SEED), Options(models=models, into=into, length="short"))
    assert {summary.summarised_lang for summary in result.summaries} == {"en", "hi"}
    for summary in result.summaries:
        script = crosslingual.SCRIPTS[summary.lang]
        assert _script_share(summary.text, script) >= crosslingual.MIN_SCRIPT_SHARE, summary
        if summary.lang != into:
            assert summary.notice is not None
            assert f"Showing the {'Hindi' if summary.lang == 'hi' else 'English'} summary instead" in summary.notice


def test_offline_without_the_model_shows_the_original_summary_and_says_so() -> None:
    spans = [unit.span for unit in analyse(TEXT).content_units("hi")]
    summary = summarize_language(TEXT, spans, "hi", Options(into="en"))
    assert (summary.lang, summary.summarised_lang, summary.method) == ("hi", "hi", "extractive")
    assert summary.notice is not None
    assert summary.notice.startswith("No English summary of the Hindi text")
    assert f"python -m summarizers download {CROSS_LANGUAGE}" in summary.notice
    assert "non-commercial" in summary.notice
    assert _script_share(summary.text, "Deva") > 0.9


def test_an_extractive_request_stays_in_the_original_language_with_a_notice(crosssum: Path) -> None:
    spans = [unit.span for unit in analyse(TEXT).content_units("en")]
    options = Options("extractive", models={CROSS_LANGUAGE: str(crosssum)}, into="hi")
    summary = summarize_language(TEXT, spans, "en", options)
    assert (summary.lang, summary.method) == ("en", "extractive")
    assert summary.notice is not None
    assert "cannot be in another language" in summary.notice


def test_the_same_cross_language_request_is_answered_from_the_result_cache(crosssum: Path) -> None:
    engine = crosslingual.engine_for("hi", "en", {CROSS_LANGUAGE: str(crosssum)})
    again = crosslingual.engine_for("hi", "en", {CROSS_LANGUAGE: str(crosssum)})
    sentences = [unit.span.text(TEXT) for unit in analyse(TEXT).content_units("hi")][:6]
    first = engine.engine.summarize_sentences(sentences, "short")
    assert again.engine.summarize_sentences(sentences, "short") is first


# --- the command line


def test_cli_into_writes_source_lang_and_rejects_an_unknown_language(crosssum: Path) -> None:
    done = run_cli(
        "summarize", str(BILINGUAL_SEED), "--into", "en", "--length", "short", "--model", f"cross={crosssum}", "--json"
    )
    assert done.code == 0, done.stderr
    summaries = done.json()["documents"][0]["summaries"]
    assert sorted(entry["source_lang"] for entry in summaries) == ["en", "hi"]
    across = next(entry for entry in summaries if entry["source_lang"] == "hi")
    assert (across["lang"], across["method"]) == ("en", "abstractive")
    plain = run_cli("summarize", str(BILINGUAL_SEED), "--into", "en", "--length", "short")
    assert "No English summary of the Hindi text" in plain.stdout
    assert run_cli("summarize", str(BILINGUAL_SEED), "--into", "fr").code == 2


def test_vocabulary_filter_keeps_hindi_output_in_devanagari_or_input_pieces(crosssum: Path) -> None:
    """English to Hindi through the converted model: the Hindi vocabulary map applies to the cross-language model."""
    engine = _engine(crosssum, "hi", "ctranslate2", "float32")
    assert engine.loaded.fast is not None
    assert engine.loaded.fast.filters("hi")
    tokens = engine.tokenizer.convert_ids_to_tokens(engine.tokenizer(TEXT[:400])["input_ids"])
    source = set(tokens)
    (decoded,) = engine.loaded.fast.generate(
        [tokens], engine.generator.settings(TokenBudget(10, 10)), "hi", engine.generator.start_token
    )
    ranges = ctranslate2_backend.OUTPUT_SCRIPTS["hi"]
    assert all(ctranslate2_backend.piece_fits(piece, ranges) or piece in source for piece in decoded)
