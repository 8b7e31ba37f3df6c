"""First come, first served turns at a model, with each waiting caller told its place in the queue.

The app serves every session from one copy of each model; one generation at a time uses all the cores, so a second
session waits. Rather than a page that looks frozen, a waiting session hears "2 requests ahead" through its progress
callback, and again each time the queue moves. A caller that gives up while waiting (a session closed or rerun: its
progress callback raises) leaves the queue, so it never blocks those behind it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

POLL_SECONDS = 1.0  # a waiting caller looks again at least this often, whatever wakes it


class Turns:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._queue: list[object] = []  # the first holds the turn

    def waiting(self) -> int:
        with self._changed:
            return max(0, len(self._queue) - 1)

    @contextmanager
    def turn(self, tell: Callable[[int], None]) -> Iterator[None]:
        """Hold the turn for the block; `tell(ahead)` hears the count of callers ahead whenever it changes."""
        ticket = object()
        with self._changed:
            self._queue.append(ticket)
        try:
            told: int | None = None
            while True:
                with self._changed:
                    ahead = self._queue.index(ticket)
                    if ahead and ahead == told:
                        self._changed.wait(POLL_SECONDS)
                        continue
                if not ahead:
                    break
                tell(ahead)  # outside the lock: a slow or raising listener holds up no one
                told = ahead
            yield
        finally:
            with self._changed:
                self._queue.remove(ticket)
                self._changed.notify_all()
