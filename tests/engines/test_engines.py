"""The summarisation engines through the real transformers path, on tiny models built locally."""

from __future__ import annotations

import logging
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizers.documents.reading import from_text, read_path
from summarizers.engines import extractive
from summarizers.engines.abstractive.engine import AbstractiveEngine
from summarizers.engines.abstractive.generation import Decoded
from summarizers.engines.abstractive.loading import load
from summarizers.engines.abstractive.reduce import is_degenerate
from summarizers.engines.abstractive.specs import DEFAULTS, TokenBudget, parse_overrides, spec_for
from summarizers.engines.result_cache import ResultCache
from summarizers.errors import DegenerateGeneration, ModelLoadError, ModelUnavailable, UsageError
from summarizers.language.segment import analyse
from summarizers.messages import Message
from summarizers.models import is_downloaded
from summarizers.pipeline import Options, summarize, summarize_language
from summarizers.text.lexicon import content_terms
from summarizers.text.spans import split_sentences
from tests.cli_runner import run_cli
from tests.conftest import BILINGUAL_SEED
from tests.tiny_models import build_tiny_bart, build_tiny_encoder_only

# --- registry


def test_token_budget_min_never_exceeds_max() -> None:
    with pytest.raises(ValueError, match="min_new_tokens"):
        TokenBudget(50, 10)
    for spec in DEFAULTS.values():
        for budget in spec.budgets.values():
            assert budget.min_new_tokens <= budget.max_new_tokens


def test_registry_defaults_and_licences() -> None:
    assert spec_for("en").model_id == "sshleifer/distilbart-cnn-12-6"
    hindi = spec_for("hi")
    assert hindi.model_id == "csebuetnlp/mT5_multilingual_XLSum"
    assert not hindi.commercial_use
    assert "NC" in hindi.licence
    assert hindi.max_input_tokens == 512
    assert hindi.num_beams == 4
    assert hindi.no_repeat_ngram_size == 2


def test_overrides_by_flag_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert parse_overrides(["hi=./m", "EN=org/x"]) == {"hi": "./m", "en": "org/x"}
    with pytest.raises(UsageError, match="LANG=HUB_ID_OR_DIR"):
        parse_overrides(["hi"])
    monkeypatch.setenv("SAAR_MODEL_HI", "ai4bharat/IndicBART-XLSum")
    indic = spec_for("hi")
    assert indic.decoder_start_token == "<2hi>"
    assert indic.input_suffix.endswith("<2hi>")
    assert spec_for("hi", {"hi": "/models/mine"}).model_id == "/models/mine"


# --- loading errors


def test_offline_without_weights_is_unavailable() -> None:
    spec = spec_for("hi")
    assert not is_downloaded(spec)
    with pytest.raises(ModelUnavailable, match="download hi"):
        load(spec)


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="does not exist"):
        load(spec_for("hi", {"hi": str(tmp_path / "nowhere")}))


def test_directory_without_config_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match=r"no config\.json"):
        load(spec_for("hi", {"hi": str(tmp_path)}))


def test_model_of_the_wrong_kind_is_a_clear_error(tmp_path: Path) -> None:
    directory = build_tiny_encoder_only(tmp_path / "bert")
    with pytest.raises(ModelLoadError, match="not a sequence-to-sequence"):
        load(spec_for("en", {"en": str(directory)}))


# --- generation through the real code


def test_both_languages_summarise_abstractively(tiny_models: dict[str, Path]) -> None:
    overrides = {lang: str(path) for lang, path in tiny_models.items()}
    result = summarize(read_path(BILINGUAL_SEED), Options(models=overrides))
    assert [s.lang for s in result.summaries] == ["en", "hi"]
    for summary in result.summaries:
        assert summary.method == "abstractive"
        assert summary.model == overrides[summary.lang]
        assert summary.sentences
        assert not is_degenerate(summary.text)


def test_engine_respects_the_window_of_the_weights(tmp_path: Path) -> None:
    directory = build_tiny_bart(tmp_path / "short-bart", max_positions=256)
    engine = AbstractiveEngine(load(spec_for("en", {"en": str(directory)})))
    assert engine.window == 256  # the tiny BART has 256 positions although distilBART's spec says 1024
    assert engine.chunker.limit < engine.window


def test_long_document_is_chunked_and_summarised_within_budget(
    tiny_models: dict[str, Path], caplog: pytest.LogCaptureFixture
) -> None:
    sentences = [span.text(text) for text in _long_text() for span in split_sentences(text)]
    assert sum(len(s.split()) for s in sentences) >= 20_000
    engine = AbstractiveEngine(load(spec_for("en", {"en": str(tiny_models["en"])})))
    chunks = engine.chunk(sentences)
    assert len(chunks) > 1
    assert all(len(engine.chunker.encode_ids([chunk])[0]) <= engine.window for chunk in chunks)
    # No sentence is dropped or cut: the chunks hold every word, in order.
    assert " ".join(chunks).split() == " ".join(sentences).split()
    with warnings.catch_warnings(), caplog.at_level(logging.WARNING):
        warnings.simplefilter("error")
        generated = engine.summarize_sentences(sentences, "short")
    assert generated.chunks == len(chunks)
    assert generated.rounds >= 2
    assert not [r for r in caplog.records if "trunc" in r.getMessage().lower() or "longer" in r.getMessage().lower()]
    assert generated.output_tokens <= engine.spec.budget("short").max_new_tokens


def _long_text() -> list[str]:
    seed = read_path(BILINGUAL_SEED).text.split("\n\nपुतिन")[0]
    return [seed] * (20_000 // len(seed.split()) + 1)


def test_eight_threads_summarise_at_once(tiny_models: dict[str, Path]) -> None:
    text = read_path(BILINGUAL_SEED).text
    analysis = analyse(text)
    overrides = {lang: str(path) for lang, path in tiny_models.items()}

    def work(job: int) -> str | None:
        lang = ("en", "hi")[job % 2]
        # Each thread drops a different number of leading sentences, so none is answered from the result cache.
        spans = [unit.span for unit in analysis.content_units(lang)][job // 2 :]
        return summarize_language(text, spans, lang, Options("abstractive", "short", overrides)).method

    with ThreadPoolExecutor(max_workers=8) as pool:
        methods = list(pool.map(work, range(8)))
    assert methods == ["abstractive"] * 8


def test_a_repeated_request_is_answered_from_the_result_cache(
    tiny_models: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = load(spec_for("hi", {"hi": str(tiny_models["hi"])}))
    sentences = [span.text(text) for text in _long_text()[:1] for span in split_sentences(text)][-12:]
    first = AbstractiveEngine(loaded).summarize_sentences(sentences, "short")
    generations: list[int] = []
    generate = AbstractiveEngine.generate

    def counting(self: AbstractiveEngine, chunks: list[str], budget: TokenBudget) -> list[Decoded]:
        generations.append(len(chunks))
        return generate(self, chunks, budget)

    monkeypatch.setattr(AbstractiveEngine, "generate", counting)
    assert (
        AbstractiveEngine(loaded).summarize_sentences(sentences, "short") is first
    )  # another engine, same model: shared
    assert generations == []
    AbstractiveEngine(loaded).summarize_sentences(sentences, "medium")  # another budget is another request
    assert len(generations) == 1
    AbstractiveEngine(loaded).summarize_sentences(sentences[1:], "short")  # so is other text
    assert len(generations) == 2
    monkeypatch.setenv("SAAR_VOCABULARY_FILTER", "off")  # and other decoding settings
    AbstractiveEngine(loaded).summarize_sentences(sentences, "short")
    assert len(generations) == 3


def test_a_rejected_output_is_remembered_too(tiny_models: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    engine = AbstractiveEngine(load(spec_for("en", {"en": str(tiny_models["en"])})))
    calls: list[int] = []

    def degenerate(self: AbstractiveEngine, sentences: list[str], budget: TokenBudget, live: object = None) -> None:
        calls.append(len(sentences))
        raise DegenerateGeneration(Message("model.no_usable_summary", model="tiny", output="the the the the the the"))

    monkeypatch.setattr(AbstractiveEngine, "_summarize", degenerate)
    for _ in range(2):
        with pytest.raises(DegenerateGeneration, match="the the"):
            engine.summarize_sentences(["A sentence that the model cannot summarise."], "short")
    assert calls == [1]  # decoding is deterministic: the second request gets the first verdict


def test_the_result_cache_forgets_the_least_recently_used_first() -> None:
    cache: ResultCache[str] = ResultCache(capacity=2)
    cache.put("a", "A")
    cache.put("b", "B")
    assert cache.get("a") == "A"  # "a" is now the most recently used
    cache.put("c", "C")
    assert cache.get("b") is None
    assert (cache.get("a"), cache.get("c"), len(cache)) == ("A", "C", 2)
    off: ResultCache[str] = ResultCache(capacity=0)
    off.put("a", "A")
    assert off.get("a") is None


def test_offline_auto_falls_back_to_extractive_with_a_notice() -> None:
    result = summarize(read_path(BILINGUAL_SEED))
    assert [s.method for s in result.summaries] == ["extractive", "extractive"]
    hindi = result.summaries[1]
    assert "Hindi model not downloaded" in hindi.notice
    assert "python -m summarizers download hi" in hindi.notice
    assert hindi.model != spec_for("hi").model_id  # never labelled with the model that did not run


def test_explicit_abstractive_without_weights_gives_no_summary_and_says_why() -> None:
    result = summarize(read_path(BILINGUAL_SEED), Options(method="abstractive"))
    for summary in result.summaries:
        assert summary.sentences == ()
        assert "No abstractive summary" in summary.notice


# --- the extractive engine on bad input


@pytest.mark.parametrize(
    "text",
    ["word", "https://example.com/a/b", "1 2 3 four", "! ? .", "ok. ok. ok. ok.", "नमस्ते", "a" * 5000],
)
def test_extractive_on_degenerate_input_returns_a_defined_result(text: str) -> None:
    spans = split_sentences(text)
    extract = extractive.summarize_spans(text, spans, "medium")
    assert len(extract.spans) <= 3
    assert all(span in spans for span in extract.spans)


def test_extractive_on_nothing_is_empty() -> None:
    assert extractive.summarize_spans("", [], "short").spans == ()


def test_extractive_picks_whole_sentences_in_source_order() -> None:
    text = read_path(BILINGUAL_SEED).text
    spans = [unit.span for unit in analyse(text).content_units("en")]
    extract = extractive.summarize_spans(text, spans, "long")
    assert len(extract.spans) == extractive.sentences_for("long", len(spans)) > 5  # long scales with the article
    assert list(extract.spans) == sorted(extract.spans)
    assert all(span in spans for span in extract.spans)


ELECTION = [
    "The election commission counted votes in every district of the state on Tuesday.",
    "Turnout in the state election reached a record as voters queued at polling booths.",
    "The commission said counting of votes in the election would finish by Wednesday.",
    "Opposition parties asked the commission to recount votes in two districts.",
    "Voters in rural districts said the election campaign had focused on jobs.",
    "Results of the state election will decide who forms the next government.",
]


def test_the_lead_wins_in_a_top_down_text_and_steps_back_when_it_is_off_topic() -> None:
    top_down = extractive.rank(ELECTION)
    assert int(top_down.argmax()) == 0
    off_topic_lead = ["A cold wind blew across the harbour as fishing boats returned with little catch.", *ELECTION]
    scores = extractive.rank(off_topic_lead)
    assert int(scores.argmax()) != 0
    # With the lead rule off, the same text would still open with its off-topic first sentence.
    always_top_down = replace(extractive.DEFAULT_SETTINGS, lead_centrality=0.0)
    assert int(extractive.rank(off_topic_lead, always_top_down).argmax()) == 0


def _filler(index: int) -> str:
    """A sentence whose words no other sentence has (spelled from the index): central to nothing."""
    stem = "".join(chr(ord("a") + int(digit)) for digit in f"{index:05d}")
    return f"Q{stem}x r{stem}y m{stem}z k{stem}w p{stem}v."


def test_a_text_beyond_the_ranking_limit_is_shortlisted_and_its_theme_still_found() -> None:
    count = extractive.MAX_RANKED * 3
    texts = [_filler(index) for index in range(count)]
    theme = range(count - len(ELECTION), count)  # the one topic many sentences share, at the very end
    for index, sentence in zip(theme, ELECTION, strict=True):
        texts[index] = sentence
    kept = extractive.shortlist([content_terms(text) for text in texts])
    assert len(kept) == extractive.MAX_RANKED
    assert kept == sorted(kept)
    opening = int(extractive.MAX_RANKED * extractive.OPENING_SHARE)
    assert kept[:opening] == list(range(opening))
    assert set(theme) <= set(kept)
    chosen = [index for index, _ in extractive.select(texts, 3)]
    assert set(chosen) <= set(theme)


@given(
    st.lists(st.lists(st.sampled_from(["vote", "poll", "rain", "मत", "चुनाव", "x"]), max_size=6), max_size=60),
    st.integers(min_value=1, max_value=40),
)
def test_a_shortlist_is_ordered_bounded_and_keeps_the_opening(term_lists: list[list[str]], limit: int) -> None:
    kept = extractive.shortlist(term_lists, limit)
    assert kept == sorted(set(kept))
    assert all(0 <= index < len(term_lists) for index in kept)
    assert len(kept) == min(limit, len(term_lists))
    opening = int(limit * extractive.OPENING_SHARE) if len(term_lists) > limit else len(term_lists)
    assert kept[:opening] == list(range(opening))


def test_a_text_under_the_limit_is_ranked_whole() -> None:
    terms = [content_terms(text) for text in ELECTION]
    assert extractive.shortlist(terms) == list(range(len(ELECTION)))


def test_a_document_of_page_chrome_only_gets_no_summary_and_says_why() -> None:
    summary = summarize(from_text("Share this article\n" * 3 + "Leave a Comment\n" * 3))
    assert summary.summaries == ()
    assert any("no article text" in notice for notice in summary.notices)


def test_tens_of_thousands_of_one_word_lines_are_summarised() -> None:
    summary = summarize(from_text("Word. " * 20_000), Options(method="extractive"))
    (english,) = summary.summaries
    assert 1 <= len(english.sentences) <= 3


def test_a_one_word_text_is_summarised_with_a_notice_that_it_is_too_short() -> None:
    result = summarize(from_text("Cricket"), Options(method="extractive"))
    (english,) = result.summaries
    assert english.sentences == ("Cricket",)
    assert result.notices == (
        "The text is very short (7 letters), so there is little to summarise: paste the whole article for a summary.",
    )
    article = summarize(from_text(" ".join(ELECTION)), Options(method="extractive"))
    assert not any("very short" in notice for notice in article.notices)


def test_other_languages_get_a_notice() -> None:
    marathi = "महाराष्ट्रात आज मुसळधार पाऊस झाला आणि अनेक ठिकाणी पाणी साचले आहे. प्रशासनाने सतर्क राहण्याचे आवाहन केले आहे."
    result = summarize(from_text(marathi))
    assert result.summaries == ()
    assert "Marathi (mr) is not summarised" in result.notices[0]


# --- the command line


def test_summarize_cli_offline_is_extractive_with_notice() -> None:
    result = run_cli("summarize", str(BILINGUAL_SEED), "--json")
    assert result.code == 0
    (document,) = result.json()["documents"]
    assert [(s["lang"], s["method"]) for s in document["summaries"]] == [("en", "extractive"), ("hi", "extractive")]
    assert all("not downloaded" in s["notice"] for s in document["summaries"])


def test_summarize_cli_with_local_models_is_abstractive(tiny_models: dict[str, Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run_cli(
        "summarize", str(BILINGUAL_SEED), str(empty), "--length", "short",
        "--model", f"en={tiny_models['en']}", "--model", f"hi={tiny_models['hi']}", "--json",
    )  # fmt: skip
    assert result.code == 1
    good, bad = result.json()["documents"]
    assert [(s["lang"], s["method"]) for s in good["summaries"]] == [("en", "abstractive"), ("hi", "abstractive")]
    assert good["summaries"][1]["model"] == str(tiny_models["hi"])
    assert "empty" in bad["error"]


def test_summarize_cli_rejects_bad_options() -> None:
    assert run_cli("summarize", str(BILINGUAL_SEED), "--length", "huge").code == 2
    assert run_cli("summarize", str(BILINGUAL_SEED), "--model", "nonsense").code == 2
