"""Several callers at once: one bounded set of loaded models per process, and turns at a model in arrival order,
each waiting caller told its place."""

from __future__ import annotations

import contextlib
import threading
import time
from pathlib import Path

import pytest

from summarizers.engines.abstractive import loading
from summarizers.engines.abstractive.engine import AbstractiveEngine
from summarizers.engines.abstractive.specs import spec_for
from summarizers.engines.abstractive.turns import Turns
from summarizers.errors import DegenerateGeneration


def test_the_loaded_models_are_bounded_least_recently_used_first(
    tiny_models: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    english, hindi = spec_for("en", {"en": str(tiny_models["en"])}), spec_for("hi", {"hi": str(tiny_models["hi"])})
    assert english is not None
    assert hindi is not None
    loading.unload_all()
    first = loading.load(english)
    assert loading.load(english) is first  # one copy, shared
    monkeypatch.setenv("SAAR_LOADED_MODELS", "1")
    loading.load(hindi)
    assert loading.loaded_count() == 1
    assert loading.load(english) is not first  # English had to go to make room for Hindi
    monkeypatch.setenv("SAAR_LOADED_MODELS", "2")
    loading.load(hindi)
    assert loading.loaded_count() == 2


def _hold(turns: Turns, release: threading.Event, then: list[int] | None = None) -> threading.Thread:
    """A thread that takes the turn (returned once it holds it) and keeps it until `release` is set."""
    holding = threading.Event()

    def hold() -> None:
        with turns.turn(lambda ahead: None):
            holding.set()
            release.wait(10)
            if then is not None:
                then.append(0)

    thread = threading.Thread(target=hold)
    thread.start()
    holding.wait(10)
    return thread


def test_callers_take_turns_in_order_and_hear_their_place() -> None:
    turns = Turns()
    order: list[int] = []
    heard: dict[int, list[int]] = {}
    release = threading.Event()

    def wait(number: int) -> None:
        with turns.turn(lambda ahead: heard.setdefault(number, []).append(ahead)):
            order.append(number)

    threads = [_hold(turns, release, order)]
    for number in (1, 2, 3):
        threads.append(threading.Thread(target=wait, args=(number,)))
        threads[-1].start()
        while turns.waiting() < number:  # each joins the line before the next starts
            time.sleep(0.01)
    release.set()
    for thread in threads:
        thread.join(10)
    assert order == [0, 1, 2, 3]
    assert heard[1][0] == 1
    assert heard[3][0] == 3
    assert heard[3] == sorted(heard[3], reverse=True)  # the place only ever improves
    assert turns.waiting() == 0


def test_a_caller_that_gives_up_while_waiting_leaves_the_line() -> None:
    turns = Turns()
    release = threading.Event()
    holder = _hold(turns, release)

    def closed_session(ahead: int) -> None:
        raise RuntimeError("the session went away")

    with pytest.raises(RuntimeError, match="went away"), turns.turn(closed_session):
        pass
    release.set()
    holder.join(10)
    with turns.turn(lambda ahead: None):  # nobody is left ahead: the turn comes at once
        assert turns.waiting() == 0


def test_a_busy_model_tells_the_next_caller_its_place(tiny_models: dict[str, Path]) -> None:
    engine = AbstractiveEngine(loading.load(spec_for("en", {"en": str(tiny_models["en"])})))
    heard: list[str] = []
    release = threading.Event()
    other = _hold(engine.loaded.turns, release)

    def summarise() -> None:
        # Random tiny weights may write nothing usable; the wait is what is tested here.
        with contextlib.suppress(DegenerateGeneration):
            engine.summarize_sentences(["A sentence about the queue at the model."], "short", heard.append)

    waiter = threading.Thread(target=summarise)
    waiter.start()
    while not heard:
        time.sleep(0.01)
    release.set()
    for thread in (other, waiter):
        thread.join(60)
    assert heard[0].endswith("1 request ahead")
    assert "busy" in heard[0]
