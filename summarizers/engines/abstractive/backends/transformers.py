"""The transformers backend: `model.generate` in torch, exactly as the model card's settings ask."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Generator
from typing import Any


def generate(
    model: Any, tokenizer: Any, batch_texts: list[str], settings: dict[str, Any], check_window: Callable[[int], None]
) -> list[list[int]]:
    """Token ids of each text's summary. `check_window` sees the longest input first (chunks never exceed it)."""
    import torch

    with torch.inference_mode():
        batch = tokenizer(batch_texts, return_tensors="pt", padding=True, truncation=False)
        check_window(int(batch["input_ids"].shape[1]))
        generated = model.generate(**batch, **settings)
    return [row.tolist() for row in generated]


_END = object()


def stream(
    model: Any,
    tokenizer: Any,
    text: str,
    settings: dict[str, Any],
    check_window: Callable[[int], None],
    stop: threading.Event,
) -> Generator[int]:
    """Token ids of one text's summary as `generate` writes them (greedy: `settings` must ask for one beam).

    `generate` runs in a thread and hands each new token to a streamer, which queues it for this iterator; the
    tokens are queued as ids, not text, so the engine decodes them as it decodes a whole batch. Generation ends
    early when `stop` is set (a stopping criterion reads it at every step) or when the iterator is closed; the
    thread is joined before the iterator returns, so no generation outlives it."""
    import torch
    from transformers import StoppingCriteria, StoppingCriteriaList
    from transformers.generation.streamers import BaseStreamer

    tokens: queue.Queue[Any] = queue.Queue()
    halt = threading.Event()

    class Tokens(BaseStreamer):
        def __init__(self) -> None:
            self.prompt = True

        def put(self, value: Any) -> None:
            if self.prompt:  # the decoder's start token(s), not generated
                self.prompt = False
                return
            tokens.put(value.reshape(-1).tolist())

        def end(self) -> None:
            tokens.put(_END)

    class Stop(StoppingCriteria):
        def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
            stopped = stop.is_set() or halt.is_set()
            return torch.full((input_ids.shape[0],), stopped, dtype=torch.bool, device=input_ids.device)

    batch = tokenizer([text], return_tensors="pt", truncation=False)
    check_window(int(batch["input_ids"].shape[1]))
    failures: list[BaseException] = []

    def write() -> None:
        try:
            with torch.inference_mode():
                model.generate(**batch, **settings, streamer=Tokens(), stopping_criteria=StoppingCriteriaList([Stop()]))
        except BaseException as error:  # handed to the reader below, in its own thread
            failures.append(error)
        finally:
            tokens.put(_END)

    thread = threading.Thread(target=write, name="saar-generate", daemon=True)
    thread.start()
    try:
        while (item := tokens.get()) is not _END:
            yield from item
        if failures:
            raise failures[0]
    finally:
        halt.set()
        thread.join()
