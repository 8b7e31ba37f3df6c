"""The Hindi vocabulary map written beside a converted model: every piece is either always scored or copied from the
input, nothing is lost, and only Devanagari and script-neutral pieces are always scored."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizers.engines.abstractive.backends import ctranslate2 as ctranslate2_backend

PIECE_CHARACTERS = st.sampled_from(list("\u2581abcXYZ019.,!-\"'क्षत्रियोंमें।\u200d२०२४" + "é中ب"))
VOCABULARIES = st.lists(st.text(PIECE_CHARACTERS, min_size=1, max_size=5), min_size=1, max_size=60, unique=True)
DEVANAGARI = ctranslate2_backend.OUTPUT_SCRIPTS["hi"]


@settings(max_examples=150, deadline=None)
@given(VOCABULARIES)
def test_every_piece_is_scored_always_or_when_the_input_has_it(vocabulary: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="saar-vmap-") as name:  # one per example: pytest's tmp_path is per test
        _check_map(Path(name), vocabulary)


def _check_map(directory: Path, vocabulary: list[str]) -> None:
    (directory / "shared_vocabulary.json").write_text(json.dumps(["<pad>", "</s>", "<unk>", *vocabulary]), "utf-8")
    record = ctranslate2_backend.write_vocabulary_map(directory)
    assert json.loads((directory / ctranslate2_backend.FILTER_RECORD).read_text("utf-8")) == record
    path = directory / ctranslate2_backend.VOCABULARY_MAP
    writes_hindi = any(
        ctranslate2_backend.piece_fits(piece, DEVANAGARI) and any(ch.isalpha() for ch in piece) for piece in vocabulary
    )
    if not writes_hindi:  # (the special pieces never fit, so there is always something to leave out)
        assert record["language"] is None
        assert not path.exists()
        return
    assert record["language"] == "hi"
    first, *rules = path.read_text("utf-8").rstrip("\n").split("\n")
    key, always = first.split("\t")
    assert key == ""
    fixed = always.split(" ")
    assert record["candidates"] == len(fixed)
    assert ctranslate2_backend.vocabulary_filter(directory) == record  # read back, not rewritten
    assert all(ctranslate2_backend.piece_fits(piece, DEVANAGARI) for piece in fixed)
    copied = []
    for rule in rules:
        source, target = rule.split("\t")
        assert source == target  # an input piece makes itself a candidate, nothing else
        assert not ctranslate2_backend.piece_fits(source, DEVANAGARI)
        copied.append(source)
    assert sorted(fixed + copied) == sorted(["<pad>", "</s>", "<unk>", *vocabulary])  # no piece is lost
