"""The property every reader must hold, for the hypothesis tests and the atheris runs alike."""

from __future__ import annotations

import time

from summarizers.documents.reading import Document, read_bytes
from summarizers.errors import DocumentError

SECONDS = 5.0  # the hostile-file target: every answer within five seconds


class ReaderFailure(AssertionError):
    """A reader broke its promise: another exception escaped, or the answer came too late."""


def read_within_promise(data: bytes, name: str) -> Document | DocumentError:
    """A `Document` or a `DocumentError` naming the file, in time; anything else raises `ReaderFailure`.

    Time is the process's CPU time: a reader works on bytes in memory and never waits, so on an idle machine its CPU
    time is its wall time, while on a shared one (CI, a long fuzzing run beside other work) the wall clock would
    also count other processes' turns. benchmarks/hostile.py times the hostile files by the wall clock."""
    start = time.process_time()
    try:
        outcome: Document | DocumentError = read_bytes(data, name)
    except DocumentError as error:
        if not str(error).startswith(f"{name}: ") or "\n" in error.reason:
            raise ReaderFailure(f"the message does not name the file on one line: {error}") from error
        outcome = error
    except Exception as error:
        raise ReaderFailure(f"{type(error).__name__} escaped the reader: {error}") from error
    elapsed = time.process_time() - start
    if elapsed > SECONDS:
        raise ReaderFailure(f"the reader took {elapsed:.1f} s")
    return outcome
