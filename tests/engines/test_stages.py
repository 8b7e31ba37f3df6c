"""The abstractive engine's stages on their own: chunking keeps every word and every chunk's size, and the reduce
rounds of many documents together reach what each document's own rounds reach."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizers.engines.abstractive.chunking import Chunker
from summarizers.engines.abstractive.generation import Decoded, postprocess
from summarizers.engines.abstractive.reduce import (
    MAX_REDUCE_ROUNDS,
    Generated,
    Reduction,
    Rejected,
    reduce,
    reduce_together,
)

WORD = st.text(alphabet=st.sampled_from("abcdefgh" + "कखगमनरस" + "ािीु" + "0123"), min_size=1, max_size=8)
SENTENCE = st.lists(WORD, min_size=1, max_size=12).map(lambda words: " ".join(words) + ".")
DOCUMENT = st.lists(SENTENCE, min_size=1, max_size=14)


@pytest.fixture(scope="session")
def tokenizer(tiny_models: dict[str, Path]) -> Any:
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(tiny_models["hi"])


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentences=DOCUMENT, window=st.integers(min_value=16, max_value=64))
def test_chunks_keep_every_word_in_order_and_fit_the_window(tokenizer: Any, sentences: list[str], window: int) -> None:
    chunker = Chunker(tokenizer, threading.RLock(), "", window)
    chunks = chunker.chunk(sentences)
    assert " ".join(chunks).split() == " ".join(sentences).split()  # nothing dropped, nothing truncated
    assert all(chunk.strip() for chunk in chunks)
    for chunk, ids in zip(chunks, chunker.encode_ids(chunks), strict=True):
        # A chunk of several words fits the window with its special tokens; one word is never cut.
        assert len(ids) <= window or len(chunk.split()) == 1


# --- reduce: a deterministic writer stands in for the model, so the rounds themselves are what is compared


def _pack(sentences: list[str]) -> list[str]:
    """Three sentences to a chunk."""
    return [" ".join(sentences[start : start + 3]) for start in range(0, len(sentences), 3)]


def _shorten(chunk: str) -> Decoded:
    """A chunk's summary: the first two words of each of its sentences."""
    sentences = [part.split() for part in chunk.split(".") if part.split()]
    text = " ".join(" ".join(words[:2]) + "." for words in sentences)
    return Decoded(postprocess(text), len(text.split()))


def _reduction(sentences: list[str]) -> Reduction:
    return Reduction("test-model", _pack, _pack(sentences), len(sentences))


@given(st.lists(DOCUMENT, min_size=1, max_size=6))
def test_many_documents_reduced_together_reach_what_each_reaches_alone(documents: list[list[str]]) -> None:
    alone: list[Generated | Rejected] = []
    rounds: list[int] = []
    for document in documents:
        written: list[int] = []

        def write_alone(state: Reduction, written: list[int] = written) -> list[Decoded]:
            written.append(len(state.chunks))
            return [_shorten(chunk) for chunk in state.chunks]

        alone.append(reduce(_reduction(document), write_alone))
        rounds.append(len(written))
    together: dict[str, Generated | Rejected] = {}
    calls: list[int] = []

    def write(chunks: list[str]) -> list[Decoded]:
        calls.append(len(chunks))
        return [_shorten(chunk) for chunk in chunks]

    work = {str(index): _reduction(document) for index, document in enumerate(documents)}
    reduce_together(work, lambda texts: [len(text) for text in texts], write, together.__setitem__)
    assert [together[str(index)] for index in range(len(documents))] == alone
    assert work == {}
    # One call per round, each holding every unfinished document's chunks.
    assert len(calls) == max(rounds)


def test_summaries_that_do_not_shrink_are_rejected_not_looped() -> None:
    document = [f"Sentence number {index} of the story." for index in range(9)]
    outcome = reduce(_reduction(document), lambda state: [Decoded(chunk, 5) for chunk in state.chunks])
    assert isinstance(outcome, Rejected)
    assert "not shorter than the parts" in outcome.reason


def test_rounds_stop_at_the_limit() -> None:
    document = [f"s{index}." for index in range(3**MAX_REDUCE_ROUNDS + 1)]

    def never_combining(state: Reduction) -> list[Decoded]:  # each round keeps a third of the chunks, never one
        return [Decoded(f"w{index}.", 1) for index in range(max(2, len(state.chunks)))]

    outcome = reduce(_reduction(document), never_combining)
    assert isinstance(outcome, Rejected)
    assert f"after {MAX_REDUCE_ROUNDS} rounds" in outcome.reason


def test_degenerate_output_is_rejected_and_a_real_one_counts_its_rounds() -> None:
    repeated = reduce(_reduction(["one short sentence."]), lambda state: [Decoded("the the the the the the", 6)])
    assert isinstance(repeated, Rejected)
    assert "no usable summary" in repeated.reason
    document = [f"word{index} and more words here." for index in range(12)]
    generated = reduce(_reduction(document), lambda state: [_shorten(chunk) for chunk in state.chunks])
    assert isinstance(generated, Generated)
    assert generated.chunks == 4
    assert generated.rounds == 3  # 4 chunks -> 2 -> 1
    assert generated.input_tokens == 12
