"""The CTranslate2 backend against plain transformers generation, on the tiny local models."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from summarizers.engines.abstractive import loading as models
from summarizers.engines.abstractive.backends import ctranslate2 as ctranslate2_backend
from summarizers.engines.abstractive.engine import AbstractiveEngine
from summarizers.engines.abstractive.specs import ModelSpec, TokenBudget, spec_for
from summarizers.errors import ModelLoadError
from tests.conftest import BILINGUAL_SEED

pytestmark = pytest.mark.slow
TEXT = BILINGUAL_SEED.read_text(encoding="utf-8")
CHUNKS = [TEXT[start : start + 400] for start in range(0, 4000, 400)]  # English, then Hindi, as in the seed


def _greedy_spec(lang: str, directory: Path) -> ModelSpec:
    spec = spec_for(lang, {lang: str(directory)})
    assert spec is not None
    return replace(spec, num_beams=1, no_repeat_ngram_size=0)


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_ctranslate2_float32_greedy_output_equals_transformers(
    lang: str, tiny_models: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAAR_VOCABULARY_FILTER", "off")  # the whole vocabulary, as transformers scores it
    spec = _greedy_spec(lang, tiny_models[lang])
    reference = models.load(spec, backend="transformers")
    converted = models.load(spec, backend="ctranslate2", quantization="float32")
    assert reference.fast is None
    assert converted.fast is not None
    assert converted.model is None  # the torch weights are not kept alongside the converted ones
    budget = TokenBudget(0, 24)
    expected = AbstractiveEngine(reference).generate(CHUNKS, budget)
    assert AbstractiveEngine(converted).generate(CHUNKS, budget) == expected
    assert all(expected)


def test_the_default_backend_is_ctranslate2_int8_and_converts_once(tiny_models: dict[str, Path]) -> None:
    spec = spec_for("hi", {"hi": str(tiny_models["hi"])})
    assert spec is not None
    loaded = models.load(spec)
    assert loaded.backend == "ctranslate2 (int8)"
    assert loaded.fast is not None
    marker = loaded.fast.directory / "model.bin"
    converted_at = marker.stat().st_mtime_ns
    assert ctranslate2_backend.convert(tiny_models["hi"], "int8") == loaded.fast.directory
    assert marker.stat().st_mtime_ns == converted_at
    generated = AbstractiveEngine(loaded).summarize_sentences([TEXT[:600]], "short")
    assert generated.output_tokens <= spec.budget("short").max_new_tokens


def test_a_model_the_converter_cannot_serve_keeps_transformers_with_the_reason(tiny_models: dict[str, Path]) -> None:
    spec = replace(_greedy_spec("hi", tiny_models["hi"]), decoder_start_token="<2hi>", model_id=str(tiny_models["hi"]))
    models.unload_all()
    loaded = models.load(spec, backend="auto")
    assert loaded.fast is None
    assert loaded.model is not None
    assert loaded.backend_note is not None
    assert "<2hi>" in loaded.backend_note
    models.unload_all()
    with pytest.raises(ModelLoadError, match="CTranslate2 backend cannot serve it"):
        models.load(spec, backend="ctranslate2")
    models.unload_all()


HINDI_CHUNKS = [chunk for chunk in CHUNKS if sum("\u0900" <= ch <= "\u097f" for ch in chunk) > 100]


def _pieces(loaded: models.LoadedModel, sources: list[list[str]], budget: TokenBudget) -> list[list[str]]:
    """The Hindi summaries' pieces, as the engine asks the converted model for them."""
    assert loaded.fast is not None
    settings = AbstractiveEngine(loaded).generator.settings(budget)
    return [list(hypothesis) for hypothesis in loaded.fast.generate(sources, settings, "hi")]


def test_hindi_generation_scores_only_devanagari_pieces_and_the_input(
    tiny_models: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = _greedy_spec("hi", tiny_models["hi"])
    loaded = models.load(spec, backend="ctranslate2", quantization="float32")
    assert loaded.fast is not None
    assert loaded.fast.filtered_language == "hi"
    vocabulary = ctranslate2_backend.converted_vocabulary(loaded.fast.directory)
    assert 0 < ctranslate2_backend.vocabulary_filter(loaded.fast.directory)["candidates"] < len(vocabulary)
    ranges = ctranslate2_backend.OUTPUT_SCRIPTS["hi"]
    budget = TokenBudget(12, 12)  # long enough that a random model wanders outside the script
    texts = HINDI_CHUNKS[:3]
    assert texts
    sources = [loaded.tokenizer.convert_ids_to_tokens(loaded.tokenizer(text)["input_ids"]) for text in texts]
    # CTranslate2 draws the input pieces from the whole batch: a piece of one chunk may appear in another's summary.
    batch_pieces = {piece for source in sources for piece in source}

    def outside(rows: list[list[str]]) -> list[str]:
        return [
            piece
            for row in rows
            for piece in row
            if not ctranslate2_backend.piece_fits(piece, ranges) and piece not in batch_pieces
        ]

    monkeypatch.setenv("SAAR_VOCABULARY_FILTER", "off")
    assert outside(_pieces(loaded, sources, budget)), "the unfiltered model should write pieces the filter excludes"
    monkeypatch.setenv("SAAR_VOCABULARY_FILTER", "on")
    filtered = _pieces(loaded, sources, budget)
    assert outside(filtered) == []
    assert all(len(row) == 12 for row in filtered)


def test_an_english_vocabulary_gets_no_filter(tiny_models: dict[str, Path]) -> None:
    spec = _greedy_spec("en", tiny_models["en"])
    loaded = models.load(spec, backend="ctranslate2", quantization="float32")
    assert loaded.fast is not None
    assert loaded.fast.filtered_language is None
    assert not (loaded.fast.directory / ctranslate2_backend.VOCABULARY_MAP).exists()


def test_parallel_replicas_split_a_batch_and_write_the_same(
    tiny_models: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch split over two replicas (one thread each) comes back whole and equal to the unsplit batch."""
    monkeypatch.setenv("SAAR_VOCABULARY_FILTER", "off")
    monkeypatch.setenv("SAAR_CT2_THREADS", "1")
    spec = _greedy_spec("en", tiny_models["en"])
    written = {}
    for parallel in (1, 2):
        monkeypatch.setenv("SAAR_CT2_PARALLEL", str(parallel))
        models.unload_all()
        loaded = models.load(spec, backend="ctranslate2", quantization="float32")
        assert loaded.fast is not None
        assert loaded.fast.parallel == parallel
        written[parallel] = AbstractiveEngine(loaded).generate(CHUNKS, TokenBudget(0, 24))
    models.unload_all()
    assert written[2] == written[1]
    assert len(written[2]) == len(CHUNKS)


def test_a_page_request_keeps_every_core_and_the_batch_command_splits_them(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarizers import batch

    for variable in ("SAAR_CT2_THREADS", "SAAR_CT2_PARALLEL"):
        monkeypatch.setenv(variable, "0")  # recorded, so what `batch_cores` sets below is undone after the test
        monkeypatch.delenv(variable)
    monkeypatch.setattr(ctranslate2_backend.os, "cpu_count", lambda: 16)
    threads = ctranslate2_backend.threads_for({"language": None})
    assert (threads, ctranslate2_backend.parallel_for(threads)) == (16, 1)
    filtered = ctranslate2_backend.threads_for({"language": "hi"})
    assert (filtered, ctranslate2_backend.parallel_for(filtered)) == (1, 1)
    monkeypatch.setattr(batch.os, "cpu_count", lambda: 16)
    batch.batch_cores()
    threads = ctranslate2_backend.threads_for({"language": None})
    assert (threads, ctranslate2_backend.parallel_for(threads)) == (1, 16)


# --- conversion runs in a child process

_CONVERT_AND_REPORT = """
import json, resource, sys
from pathlib import Path
from summarizers.engines.abstractive.backends import ctranslate2 as ctranslate2_backend
directory = ctranslate2_backend.convert(Path(sys.argv[1]), "int8")
print(json.dumps({
    "converted": (directory / "model.bin").is_file(),
    "converter_imported_here": "ctranslate2.converters" in sys.modules,
    "weights_loaded_here": any(name.startswith("transformers.models.") for name in sys.modules),
    "child_peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
}))
"""


def test_conversion_runs_in_a_child_process_and_leaves_the_caller_unloaded(
    tiny_models: dict[str, Path], tmp_path: Path
) -> None:
    import json
    import os
    import subprocess
    import sys

    completed = subprocess.run(
        [sys.executable, "-c", _CONVERT_AND_REPORT, str(tiny_models["en"])],
        capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "SAAR_CACHE": str(tmp_path)},
    )  # fmt: skip
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    assert report["converted"]
    assert not report["converter_imported_here"]  # the converter and the float32 weights were the child's
    assert not report["weights_loaded_here"]
    assert report["child_peak_kb"] > 0


def test_a_checkpoint_that_cannot_be_converted_gives_the_childs_reason_and_no_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAAR_CACHE", str(tmp_path / "cache"))
    checkpoint = tmp_path / "not-a-seq2seq"
    checkpoint.mkdir()
    (checkpoint / "config.json").write_text('{"model_type": "bert", "vocab_size": 10}', "utf-8")
    with pytest.raises(ModelLoadError, match=r"not-a-seq2seq could not be converted to CTranslate2: \w+"):
        ctranslate2_backend.convert(checkpoint, "int8")
    assert list((tmp_path / "cache" / "ctranslate2").iterdir()) == []  # not even a half-written folder
