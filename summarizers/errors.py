"""The exception tree of the summarizers library.

    SummarizerError              base: catch this to handle anything the library raises on purpose
    +-- DocumentError            an input cannot be turned into text (empty, binary, too large, corrupt)
    +-- ModelError               a model cannot be used
    |   +-- ModelUnavailable     weights are not here (offline, never downloaded): fall back to extractive
    |   +-- ModelLoadError       weights are here but unusable (wrong kind of model, corrupt files)
    |   +-- DegenerateGeneration the model ran but wrote nothing usable (empty, or one word over and over)
    +-- UsageError               a caller passed arguments the library cannot honour
    +-- GenerationStopped        the caller stopped a summary while it was being written (carries the text so far)
    +-- StorageError             the saved library cannot be read or written (a full or read-only disk, a lost server)

Every message names the input and says what to do, because it is shown to users as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the messages import language names; the errors stay importable by every layer
    from summarizers.messages import Message


class SummarizerError(Exception):
    """Base class of every error the library raises on purpose."""


class DocumentError(SummarizerError):
    """An input cannot be read as text. `reason` is a coded message (`summarizers.messages`, kind "reading"): its
    English is the error's text after the name ("notes.pdf: the file is empty"), its code and values let an
    interface word it in the reader's language."""

    def __init__(self, name: str, reason: Message) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class ModelError(SummarizerError):
    """A model cannot be used. `reason` is a coded message (`summarizers.messages`, kind "model"): its English is the
    error's text ("model directory /m does not exist; …"), its code and values (the model, the path, the language)
    let an interface word it in the reader's language."""

    def __init__(self, reason: Message) -> None:
        super().__init__(str(reason))
        self.reason = reason

    def __reduce__(self) -> tuple[type[ModelError], tuple[Message]]:  # pickled by its coded reason, not its text
        return type(self), (self.reason,)


class ModelUnavailable(ModelError):
    """The model's weights are not available here (offline, not downloaded)."""


class ModelLoadError(ModelError):
    """The weights exist but cannot be loaded as a summarisation model."""


class DegenerateGeneration(ModelError):
    """The model produced nothing usable (empty, no words, or one word over and over)."""


class UsageError(SummarizerError):
    """Arguments the library cannot honour (unknown language code, bad length preset...). `reason` is a coded
    message (`summarizers.messages`, kind "usage"): its English is the error's text, its code and values (the
    setting given, the choices) let an interface word it in the reader's language."""

    def __init__(self, reason: Message) -> None:
        super().__init__(str(reason))
        self.reason = reason

    def __reduce__(self) -> tuple[type[UsageError], tuple[Message]]:  # pickled by its coded reason, not its text
        return type(self), (self.reason,)


class GenerationStopped(SummarizerError):
    """The caller stopped a summary while the model was writing it (see `engines.streaming`). Not a model failure:
    no other engine is tried, and nothing is remembered as the summary. `text` is what the model had written of the
    part it was writing; `part` says which part that was. `reason` is the coded message ("stopped.writing") whose
    English is the error's text, for an interface to word in the reader's language."""

    def __init__(self, model: str, text: str, part: object = None) -> None:
        from summarizers.messages import Message  # here: the errors stay importable by every layer

        self.reason = Message("stopped.writing", model=model)
        super().__init__(str(self.reason))
        self.model = model
        self.text = text
        self.part = part

    def __reduce__(self) -> tuple[type[GenerationStopped], tuple[str, str, object]]:  # pickled as it was made
        return type(self), (self.model, self.text, self.part)


class StorageError(SummarizerError):
    """The saved library cannot be read or written. `code` says why, for the pages to word: "read_only" (the
    database or its folder cannot be written), "full" (no space left), "unavailable" (anything else: a server that
    does not answer, a file that is not a database)."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"saved library: {detail}")
        self.code = code
        self.detail = detail
