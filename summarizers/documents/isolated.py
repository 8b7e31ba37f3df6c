"""Reading a document in a separate process, so a hostile file costs that process and never the caller.

The app reads every upload this way: the child gets the bytes on stdin, caps its own address space at what its
imports map plus SAAR_READ_MEMORY_MB, reads within the usual limits and answers with one JSON line. The parent waits
SAAR_READ_SECONDS plus a start-up allowance and kills the child past that, so neither a slow parser nor a memory
bomb can stall a server thread or take memory from other sessions. Any way the child can fail becomes a
`DocumentError` whose reason the user can read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from summarizers import settings
from summarizers.documents.reading import Document, read_bytes
from summarizers.errors import DocumentError

STARTUP_SECONDS = 5  # a fresh interpreter importing the readers, on a busy machine
PACKAGE = Path(__file__).resolve().parents[1]
# The child loads the readers alone: the package's __init__ would import the whole summarizing stack (numpy and
# more), which triples the start-up of every upload. An empty package module pointing at the same folder lets
# `summarizers.documents` import as usual without it.
_BOOTSTRAP = """
import sys, types
package = types.ModuleType("summarizers")
package.__path__ = [sys.argv[1]]
sys.modules["summarizers"] = package
from summarizers.documents.isolated import main
main(sys.argv[2], int(sys.argv[3]))
"""
_CHILD_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}  # numpy's thread pool would reserve memory


def read_bytes_isolated(data: bytes, name: str, seconds: int | None = None, memory_mb: int | None = None) -> Document:
    """`read_bytes` in a child process with a time limit and a memory cap; a breach is a `DocumentError`."""
    seconds = seconds or settings.read_seconds()
    memory_mb = memory_mb or settings.read_memory_mb()
    command = [sys.executable, "-c", _BOOTSTRAP, str(PACKAGE), name, str(memory_mb)]
    environment = {**os.environ, **_CHILD_ENV, "SAAR_READ_SECONDS": str(seconds)}
    try:
        finished = subprocess.run(  # our own interpreter and module, no shell
            command, input=data, capture_output=True, timeout=seconds + STARTUP_SECONDS, env=environment, check=False
        )
    except subprocess.TimeoutExpired as error:  # run() kills the child before raising
        raise DocumentError(
            name, f"reading took longer than {seconds} s (SAAR_READ_SECONDS); it was stopped"
        ) from error
    except OSError as error:
        raise DocumentError(name, f"the reader could not be started ({error.strerror or error})") from error
    return _answer(name, finished, memory_mb)


def _answer(name: str, finished: subprocess.CompletedProcess[bytes], memory_mb: int) -> Document:
    lines = finished.stdout.decode("utf-8", errors="replace").strip().splitlines()
    try:
        answer: dict[str, Any] = json.loads(lines[-1]) if lines else {}
    except json.JSONDecodeError:
        answer = {}
    if "document" in answer:
        return Document(**answer["document"])
    if "error" in answer:
        raise DocumentError(name, str(answer["error"]))
    if answer.get("memory") or finished.returncode == -9:
        raise DocumentError(name, f"reading needed more than {memory_mb} MB of memory (SAAR_READ_MEMORY_MB)")
    raise DocumentError(name, f"the reader stopped without an answer (exit status {finished.returncode})")


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


def _child(name: str, memory_mb: int) -> dict[str, Any]:
    data = sys.stdin.buffer.read()
    _cap_memory(memory_mb)
    try:
        document = read_bytes(data, name)
    except DocumentError as error:
        return {"error": error.reason}
    except MemoryError:
        return {"memory": True}
    return {"document": {"name": document.name, "text": document.text, "kind": document.kind,
                         "encoding": document.encoding}}  # fmt: skip


def main(name: str, memory_mb: int) -> None:
    """The child's entry point: bytes on stdin, one JSON line on stdout."""
    print(json.dumps(_child(name, memory_mb), ensure_ascii=True))
