"""The CTranslate2 backend: a seq2seq checkpoint converted once (int8 on CPU by default) and reused from a cache.

CTranslate2 runs the same weights with quantised matrix products, fused layers and a leaner beam search. Conversion
happens offline from the checkpoint already on disk (a local directory or the Hugging Face cache) into
`$SAAR_CACHE` (default `~/.cache/saar`), in a child process (`conversion`); a model that cannot be converted keeps
the transformers backend, and the reason is kept so the app can show it.

Choose with `SAAR_BACKEND=auto|ctranslate2|transformers` (auto: CTranslate2 where it works) and
`SAAR_CT2_QUANTIZATION` (int8 by default; float32 gives transformers' numbers, which the tests compare).

A multilingual vocabulary (mT5's 250,112 pieces) makes the output layer the largest matrix product of every decoding
step. For a Hindi summary the decoder only needs Devanagari pieces, digits, punctuation and the pieces of its
input (English names and acronyms are copied from there; CTranslate2 takes them from every input of the batch), so
the converted model carries a CTranslate2 vocabulary map listing exactly those, and Hindi generation scores only
them. `SAAR_VOCABULARY_FILTER=off` scores the whole vocabulary, as transformers does.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import unicodedata
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizers import settings
from summarizers.engines.abstractive.backends.conversion import convert_in_child
from summarizers.errors import ModelLoadError

_CONVERT_LOCK = threading.Lock()


def available() -> bool:
    try:
        import ctranslate2  # noqa: F401
    except ImportError:
        return False
    return True


def cache_root() -> Path:
    return settings.cache_root() / "ctranslate2"


def _fingerprint(directory: Path) -> str:
    """Changes when the checkpoint changes: the config and the size and time of every weight file."""
    digest = hashlib.sha256((directory / "config.json").read_bytes())
    for path in sorted(directory.iterdir()):
        if path.suffix in (".safetensors", ".bin"):
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def converted_directory(checkpoint: Path, quantization: str) -> Path:
    slug = "".join(ch if ch.isalnum() else "-" for ch in checkpoint.name)[-40:]
    return cache_root() / f"{slug}-{_fingerprint(checkpoint)}-{quantization}"


def convert(checkpoint: Path, quantization: str) -> Path:
    """The converted model directory for a checkpoint, converting it on first use (once per process at a time)."""
    target = converted_directory(checkpoint, quantization)
    with _CONVERT_LOCK:
        if (target / "model.bin").is_file():
            return target
        partial = target.with_name(target.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.parent.mkdir(parents=True, exist_ok=True)
        try:
            convert_in_child(checkpoint, partial, quantization)  # its memory peak is the child's (see `conversion`)
        except ModelLoadError:
            shutil.rmtree(partial, ignore_errors=True)  # nothing half-written stays in the cache
            raise
        write_vocabulary_map(partial)
        partial.rename(target)  # a crash mid-conversion never leaves a directory that looks complete
    return target


# Languages whose summaries may be restricted to one script's pieces, with that script's code point ranges.
OUTPUT_SCRIPTS: dict[str, tuple[tuple[int, int], ...]] = {
    "hi": ((0x0900, 0x097F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF)),  # Devanagari, extended, Vedic extensions
}
FILTERED_LANGUAGE = "hi"  # one map per converted model, so one language: the product's non-Latin one
VOCABULARY_MAP = "vmap.txt"  # the file name CTranslate2 reads a vocabulary map from
FILTER_RECORD = "saar-vocabulary-filter.json"
FILTER_VERSION = 2  # a map written by an earlier rule is rewritten


def _script_neutral(char: str) -> bool:
    """Characters every script's text uses: SentencePiece's word marker, digits, punctuation, symbols, spaces,
    and the zero-width joiners Devanagari needs."""
    return char in "\u2581\u200c\u200d" or unicodedata.category(char)[0] in "NPSZ"


def piece_fits(piece: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    return all(_script_neutral(char) or any(low <= ord(char) <= high for low, high in ranges) for char in piece)


def _expressible(piece: str) -> bool:
    """The map's format separates pieces with spaces, tabs and newlines (SentencePiece writes spaces as \u2581)."""
    return bool(piece) and not any(char in " \t\n\r" for char in piece)


def converted_vocabulary(directory: Path) -> list[str]:
    for name in ("shared_vocabulary.json", "target_vocabulary.json"):
        if (directory / name).is_file():
            vocabulary: list[str] = json.loads((directory / name).read_text("utf-8"))
            return vocabulary
    return []


def write_vocabulary_map(directory: Path) -> dict[str, Any]:
    """Write the Hindi vocabulary map into a converted model when its vocabulary has Devanagari pieces.

    Always candidates: pieces made of Devanagari and script-neutral characters. Besides: every other piece, when it
    occurs in the input (an identity rule), so a name written in Latin letters can still be copied. Returns the
    record kept beside the map ({"language": None} when the vocabulary cannot write the script).
    """
    vocabulary = converted_vocabulary(directory)
    language, ranges = FILTERED_LANGUAGE, OUTPUT_SCRIPTS[FILTERED_LANGUAGE]
    expressible = [piece for piece in vocabulary if _expressible(piece)]
    fixed = [piece for piece in expressible if piece_fits(piece, ranges)]
    writes_letters = any(char.isalpha() for piece in fixed for char in piece)
    record: dict[str, Any] = {"language": None, "candidates": len(vocabulary), "vocabulary": len(vocabulary)}
    (directory / VOCABULARY_MAP).unlink(missing_ok=True)
    if writes_letters and len(fixed) < len(vocabulary):
        kept = set(fixed)
        rules = [f"{piece}\t{piece}" for piece in expressible if piece not in kept]
        (directory / VOCABULARY_MAP).write_text("\n".join(["\t" + " ".join(fixed), *rules]) + "\n", "utf-8")
        record = {"language": language, "candidates": len(fixed), "vocabulary": len(vocabulary)}
    record["version"] = FILTER_VERSION
    (directory / FILTER_RECORD).write_text(json.dumps(record), "utf-8")
    return record


def vocabulary_filter(directory: Path) -> dict[str, Any]:
    """The converted model's filter record, writing the map first for a model converted before maps existed."""
    path = directory / FILTER_RECORD
    if path.is_file():
        record: dict[str, Any] = json.loads(path.read_text("utf-8"))
        if record.get("version") == FILTER_VERSION:
            return record
    with _CONVERT_LOCK:
        return write_vocabulary_map(directory)


@dataclass
class FastModel:
    """A converted model ready to generate; token strings in, token strings out."""

    translator: Any
    directory: Path
    quantization: str
    # Tokens the decoder is forced to start with (BART's generation config forces <s> first).
    prefix: tuple[str, ...] = ()
    # transformers forces </s> as the last token when a summary reaches its length limit (BART's
    # forced_eos_token_id), so the visible text is one token shorter there; doing the same keeps outputs equal.
    forced_end: bool = False
    # The language whose summaries score only the vocabulary map's pieces (None: the whole vocabulary, always).
    filtered_language: str | None = None
    # A model whose decoder starts at a token chosen per call (a language map's token): the converted config has no
    # start token of its own, and each call passes it as the first token of the target prefix.
    start_from_prefix: bool = False
    # Batches the translator runs at once: a call's sources are split into this many sub-batches.
    parallel: int = 1

    def filters(self, language: str) -> bool:
        return self.filtered_language == language and settings.vocabulary_filter()

    def generate(
        self, sources: list[list[str]], settings: dict[str, Any], language: str = "", start: str | None = None
    ) -> list[list[str]]:
        """Token strings of each source's summary. `start`: the token decoding starts at, for a model that starts
        from the prefix (it is the decoder's first input, as transformers' decoder_start_token_id, and not part of
        the returned tokens)."""
        if self.start_from_prefix and start is None:
            raise ValueError("this model starts decoding at a token given per call (its language's); none was given")
        options = {
            "beam_size": settings["num_beams"],
            "length_penalty": settings.get("length_penalty", 1.0),
            "no_repeat_ngram_size": settings["no_repeat_ngram_size"],
            "min_decoding_length": settings["min_new_tokens"],
            "max_decoding_length": settings["max_new_tokens"],
            # Sub-batches of about equal size, one per replica, run side by side (CTranslate2 sorts the sources by
            # length before it splits them, so each pads little).
            "max_batch_size": -(-len(sources) // max(1, self.parallel)),
            "use_vmap": self.filters(language),
        }
        prefix = ([start] if self.start_from_prefix and start else []) + list(self.prefix)
        if prefix:
            options["target_prefix"] = [list(prefix) for _ in sources]
        results = self.translator.translate_batch(sources, **options)
        hypotheses = [result.hypotheses[0] for result in results]
        if self.forced_end:
            limit = settings["max_new_tokens"]
            hypotheses = [tokens[:-1] if len(tokens) >= limit else tokens for tokens in hypotheses]
        return hypotheses

    def stream(
        self, source: list[str], settings: dict[str, Any], language: str = "", start: str | None = None
    ) -> Generator[str]:
        """Token strings of one source's summary as the model writes them (`generate_tokens`: greedy decoding, the
        same tokens `generate` gives with one beam). Closing the iterator stops the decoding at the next token."""
        if self.start_from_prefix and start is None:
            raise ValueError("this model starts decoding at a token given per call (its language's); none was given")
        prefix = ([start] if self.start_from_prefix and start else []) + list(self.prefix)
        steps = self.translator.generate_tokens(
            source,
            prefix or None,
            max_decoding_length=settings["max_new_tokens"],
            min_decoding_length=settings["min_new_tokens"],
            no_repeat_ngram_size=settings["no_repeat_ngram_size"],
            use_vmap=self.filters(language),
        )
        limit = settings["max_new_tokens"]
        try:
            for count, step in enumerate(steps, start=1):
                if self.forced_end and count >= limit:
                    break  # the token transformers replaces by </s> at the length limit (see `forced_end`)
                yield step.token
        finally:
            steps.close()  # CTranslate2 stops decoding once its iterator is closed


def threads_for(record: dict[str, Any]) -> int:
    """CPU threads for one generation: `SAAR_CT2_THREADS`, else one for a model with a vocabulary filter, else all.

    Measured on 2 cores (benchmarks/speed.py): decoding through a vocabulary map is about twice as fast on one
    thread as on two (mT5-base, 512 in / 60 out: 2.2 s against 4.0 s). distilBART's 1024-token encoder is faster on
    two (1.5 s against 2.1 s) and its decoding slower, so the whole is even (4.5 s either way).
    """
    chosen = settings.ct2_threads()
    if chosen:
        return chosen
    return 1 if record.get("language") else max(1, os.cpu_count() or 1)


def parallel_for(threads: int) -> int:
    """Generations a loaded model runs at once (CTranslate2's inter_threads; the replicas share the weights):
    `SAAR_CT2_PARALLEL`, else one. The batch command asks for one replica per core, each on one thread, and splits
    each batch between them (`summarizers.batch.batch_cores`); a page's request is one summary at a time and keeps
    every core for it."""
    return settings.ct2_parallel() or 1


def start_from_prefix(directory: Path) -> None:
    """Make a converted model start decoding at the first token of each call's target prefix (CTranslate2 reads a
    null `decoder_start_token` so, as for mBART-25): a language-map model starts at its target language's token."""
    path = directory / "config.json"
    config = json.loads(path.read_text("utf-8"))
    if config.get("decoder_start_token") is not None:
        config["decoder_start_token"] = None
        with _CONVERT_LOCK:
            path.write_text(json.dumps(config, indent=2), "utf-8")


def load_fast(
    checkpoint: Path, quantization: str, forced_first: str | None, forced_end: bool, start_per_call: bool = False
) -> FastModel:
    import ctranslate2

    directory = convert(checkpoint, quantization)
    if start_per_call:
        start_from_prefix(directory)
    record = vocabulary_filter(directory)  # before the Translator: it reads the map when it loads
    compute_type = quantization if quantization in ctranslate2.get_supported_compute_types("cpu") else "default"
    threads = threads_for(record)
    parallel = parallel_for(threads)
    translator = ctranslate2.Translator(
        str(directory), device="cpu", compute_type=compute_type, intra_threads=threads, inter_threads=parallel
    )
    return FastModel(
        translator, directory, quantization, (forced_first,) if forced_first else (), forced_end,
        record["language"], start_per_call, parallel,
    )  # fmt: skip
