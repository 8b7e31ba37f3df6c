"""Reading documents in a separate process, so a hostile file costs that process and never the caller.

The app reads every upload this way, and the command line every file it is given. The worker process caps its own
address space at what its imports map plus SAAR_READ_MEMORY_MB and reads within the usual limits; the parent waits
SAAR_READ_SECONDS for each answer (counted once a fresh worker has said it is ready) and kills the worker past that, so
neither a slow parser nor a memory bomb can stall a server thread, hang a command or take memory from anything else.
Any way the worker can fail becomes a `DocumentError` whose reason the user can read.

One worker reads many documents in turn (`IsolatedReader`): starting an interpreter and importing the readers costs
about a quarter of a second, far more than reading a small article (a fraction of a millisecond), so a batch of
thousands of files reuses one worker and starts a fresh one only after a worker was stopped. A reused worker may
hold memory from the documents before; a read refused for memory there is tried once more in a fresh worker, so
the refusal is the document's own. The protocol: the worker's first line says it is ready; then, one request after
another, a JSON header line ({"path"} for a file
the worker opens itself, so a FIFO or a device hangs or fills the worker and not the caller; {"name", "size"} for
bytes that follow), answered by one JSON line ({"document"}, {"error", "code", "values"} or {"memory"}): a refusal
crosses the pipe as its coded reason, which the parent makes again, so it can be worded in any language."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import selectors
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from summarizers import settings
from summarizers.documents.reading import Document, read_bytes, read_path
from summarizers.errors import DocumentError
from summarizers.messages import CODES, Message, MessageCode, Value

STARTUP_SECONDS = 5  # a fresh interpreter starting, on a busy machine (before it says it is ready)
ANSWER_SECONDS = 1  # passing the request and the answer through the pipes
READY = b'{"ready": true}'  # a fresh worker's first line, once it can take requests
PACKAGE = Path(__file__).resolve().parents[1]
# The worker loads the readers alone: the package's __init__ would import the whole summarizing stack (numpy and
# more), which triples its start-up. An empty package module pointing at the same folder lets
# `summarizers.documents` import as usual without it.
_BOOTSTRAP = """
import sys, types
package = types.ModuleType("summarizers")
package.__path__ = [sys.argv[1]]
sys.modules["summarizers"] = package
from summarizers.documents.isolated import serve
serve(int(sys.argv[2]))
"""
_CHILD_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}  # numpy's thread pool would reserve memory


class IsolatedReader:
    """Reads documents one after another in a worker process with a time limit per read and a memory cap.

    Use it as a context manager (or call `close`); the worker also ends by itself when its parent does."""

    def __init__(self, seconds: int | None = None, memory_mb: int | None = None) -> None:
        self.seconds = seconds or settings.read_seconds()
        self.memory_mb = memory_mb or settings.read_memory_mb()
        self._worker: subprocess.Popen[bytes] | None = None
        self._reads = 0  # reads the current worker has answered

    def read_path(self, path: str | Path) -> Document:
        """`reading.read_path` in the worker; a breach of a limit is a `DocumentError` naming the file."""
        return self._read(str(path), {"path": str(path)}, b"")

    def read_bytes(self, data: bytes, name: str) -> Document:
        """`reading.read_bytes` in the worker; a breach of a limit is a `DocumentError` naming the file."""
        return self._read(name, {"name": name, "size": len(data)}, data)

    def close(self) -> None:
        worker, self._worker = self._worker, None
        if worker is None:
            return
        _close(worker.stdin)  # the worker ends at the end of its input
        try:
            worker.wait(timeout=ANSWER_SECONDS)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        _close(worker.stdout)

    def __enter__(self) -> IsolatedReader:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def _read(self, name: str, header: dict[str, Any], payload: bytes) -> Document:
        attempts = 2 if self._worker is not None and self._reads > 0 else 1
        for attempt in range(1, attempts + 1):
            try:
                return self._ask(name, header, payload)
            except _WorkerLost as lost:
                if attempt == attempts:
                    raise lost.error from None
                # Once more in a fresh worker: a refusal there is the document's own.
        raise AssertionError("unreachable")

    def _start(self) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-c", _BOOTSTRAP, str(PACKAGE), str(self.memory_mb)]
        environment = {**os.environ, **_CHILD_ENV, "SAAR_READ_SECONDS": str(self.seconds)}
        # Our own interpreter and module, no shell. The worker's stderr is dropped: library warnings about a broken
        # file would otherwise be mixed into the caller's output, and every failure comes back as an answer.
        worker = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment
        )
        self._reads = 0
        return worker

    def _ask(self, name: str, header: dict[str, Any], payload: bytes) -> Document:
        fresh = self._worker is None
        try:
            worker = self._worker = self._worker or self._start()
        except OSError as error:
            not_started = Message("reading.worker_not_started", error=str(error.strerror or error))
            raise DocumentError(name, not_started) from error
        assert worker.stdin is not None
        assert worker.stdout is not None
        # A fresh worker says when its interpreter is up: the time limit is then the read's alone, not the start-up's
        # (a reader stuck in one long library call, which no budget check interrupts, is stopped after the limit).
        if fresh:
            ready = _line_before(worker.stdout, time.monotonic() + self.seconds + STARTUP_SECONDS)
            if ready is None:
                self._stop()
                raise DocumentError(name, Message("reading.stopped_slow", seconds=self.seconds))
            if ready != READY:
                status = self._stop()
                raise DocumentError(name, Message("reading.worker_lost", status=str(status)))
        deadline = time.monotonic() + self.seconds + ANSWER_SECONDS
        try:
            worker.stdin.write(json.dumps(header, ensure_ascii=True).encode() + b"\n" + payload)
            worker.stdin.flush()
        except OSError:
            pass  # the worker is gone: its exit status below says why
        line = _line_before(worker.stdout, deadline)
        if line is None:
            self._stop()
            raise DocumentError(name, Message("reading.stopped_slow", seconds=self.seconds))
        try:
            answer: dict[str, Any] = json.loads(line) if line else {}
        except json.JSONDecodeError:
            answer = {}
        if "document" in answer:
            self._reads += 1
            return Document(**answer["document"])
        if "error" in answer:
            self._reads += 1
            raise DocumentError(name, refused(answer))
        status = self._stop()
        if answer.get("memory") or status == -9:
            memory = DocumentError(name, Message("reading.worker_memory", limit_mb=self.memory_mb))
            raise _WorkerLost(memory)
        raise _WorkerLost(DocumentError(name, Message("reading.worker_lost", status=str(status))))

    def _stop(self) -> int | None:
        """Kill the worker (a later read starts a fresh one); its exit status."""
        worker, self._worker = self._worker, None
        if worker is None:
            return None
        if worker.poll() is None:
            worker.kill()
        status = worker.wait()
        _close(worker.stdin)
        _close(worker.stdout)
        return status


def _close(stream: IO[bytes] | None) -> None:
    if stream is not None:
        with contextlib.suppress(OSError):  # a pipe whose other end is gone
            stream.close()


def refusal_json(reason: Message) -> dict[str, Any]:
    """A refusal as the worker answers it: its English, its code and its values (a tuple as a list)."""
    values = {key: list(value) if isinstance(value, tuple) else value for key, value in reason.values.items()}
    return {"error": str(reason), "code": reason.code, "values": values}


def refused(answer: dict[str, Any]) -> Message:
    """The worker's refusal as the coded message it raised: its code and values cross the pipe as JSON (a list for
    a tuple), and the message is made again here, so its English is the same and an interface can word it."""
    code, values = answer.get("code"), answer.get("values")
    if code in CODES and isinstance(values, dict):
        given: dict[str, Value] = {
            str(key): tuple(str(item) for item in value) if isinstance(value, list) else value
            for key, value in values.items()
        }
        coded: MessageCode = code
        try:
            return Message(coded, **given)
        except (KeyError, IndexError, ValueError, TypeError):
            pass  # values the template cannot take: not what this library's worker sends
    return Message("reading.worker_lost", status="unknown")


class _WorkerLost(Exception):
    """The worker died or ran out of memory: `error` is what to tell the user if a fresh worker fares no better."""

    def __init__(self, error: DocumentError) -> None:
        super().__init__(str(error))
        self.error = error


def _line_before(stream: IO[bytes], deadline: float) -> bytes | None:
    """One line from `stream` (without its newline; b"" at its end) if it comes before `deadline`; None if not."""
    descriptor = stream.fileno()
    received = b""
    with selectors.DefaultSelector() as selector:
        selector.register(descriptor, selectors.EVENT_READ)
        while b"\n" not in received:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                return None
            chunk = os.read(descriptor, 1 << 16)
            if not chunk:
                return received
            received += chunk
    return received.split(b"\n", 1)[0]


def read_bytes_isolated(data: bytes, name: str, seconds: int | None = None, memory_mb: int | None = None) -> Document:
    """`read_bytes` in a worker process of its own, with a time limit and a memory cap; a breach is a
    `DocumentError`."""
    with IsolatedReader(seconds, memory_mb) as reader:
        return reader.read_bytes(data, name)


_shared: tuple[int, IsolatedReader] | None = None


def shared_reader() -> IsolatedReader:
    """This process's reader, started on first use (each process of a pool gets its own)."""
    global _shared
    if _shared is None or _shared[0] != os.getpid():
        _shared = (os.getpid(), IsolatedReader())
        atexit.register(_shared[1].close)
    return _shared[1]


# ---------------------------------------------------------------- the worker


def _cap_memory(memory_mb: int) -> None:
    """Cap the address space at what the interpreter and the readers already map plus `memory_mb`: the cap then
    measures what reading may add, whatever the libraries reserve at import."""
    import resource

    try:
        mapped = int(Path("/proc/self/statm").read_text().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        mapped = 0  # not Linux: the cap covers everything
    limit = mapped + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _load_native_readers() -> None:
    """Map pdfium's shared library before the cap: loading it later needs its whole span of address space at once,
    which a small cap refuses ("failed to map segment"), so a PDF would fail as unreadable instead of being read or
    refused for memory."""
    import pypdfium2.raw  # noqa: F401  (imported for its side effect: the library is mapped now)


def _answer(header: dict[str, Any], data: bytes) -> dict[str, Any]:
    try:
        name = header.get("path")
        document = read_path(str(name)) if name is not None else read_bytes(data, str(header["name"]))
    except DocumentError as error:
        return refusal_json(error.reason)
    except MemoryError:
        return {"memory": True}
    return {"document": {"name": document.name, "text": document.text, "kind": document.kind,
                         "encoding": document.encoding, "title": document.title}}  # fmt: skip


def serve(memory_mb: int) -> None:
    """The worker's entry point: requests on stdin, one JSON line on stdout for each, until stdin ends."""
    requests, answers = sys.stdin.buffer, sys.stdout
    _load_native_readers()
    _cap_memory(memory_mb)
    answers.write(READY.decode() + "\n")
    answers.flush()
    while header_line := requests.readline():
        header: dict[str, Any] = json.loads(header_line)
        try:
            data = requests.read(int(header.get("size", 0)))
            answer = _answer(header, data)
            del data
        except MemoryError:
            answer = {"memory": True}
        answers.write(json.dumps(answer, ensure_ascii=True) + "\n")
        answers.flush()
        if "memory" in answer:
            return  # a process that ran out of memory is not trusted with the next document
