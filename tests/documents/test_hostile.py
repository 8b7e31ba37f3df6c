"""Hostile files: each refused with a DocumentError naming the file and the limit, quickly, with no library exception
escaping. The files are the issue's attacks at a size that builds in a moment; the limits are lowered where the full
size would only make the test slow (benchmarks/hostile.py reads the full-size files against the targets)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from summarizers.documents import isolated
from summarizers.documents.html import html_to_text
from summarizers.documents.isolated import read_bytes_isolated
from summarizers.documents.limits import Limits
from summarizers.documents.reading import read_bytes
from summarizers.errors import DocumentError
from tests.files import docx_with_paragraphs
from tests.fuzz import hostile
from tests.fuzz.harness import read_within_promise

CRASHES = Path(__file__).resolve().parents[1] / "fuzz" / "crashes"
MB = hostile.MB


def refusal(data: bytes, name: str, limits: Limits | None = None) -> str:
    start = time.monotonic()
    with pytest.raises(DocumentError) as caught:
        read_bytes(data, name, limits)
    assert time.monotonic() - start < 5
    message = str(caught.value)
    assert message.startswith(f"{name}: ")
    assert "\n" not in message
    return message


def test_docx_single_run_bomb_is_refused_from_the_directory() -> None:
    assert "SAAR_MAX_COMPRESSION" in refusal(hostile.docx_single_run(5 * MB), "run.docx")


def test_docx_text_part_over_the_unpacked_limit_is_refused() -> None:
    limits = Limits(max_unpacked_bytes=2 * MB)
    assert "SAAR_MAX_UNPACKED_BYTES" in refusal(hostile.docx_many_paragraphs(3 * MB), "book.docx", limits)


def test_docx_characters_are_capped_as_they_stream() -> None:
    limits = Limits(max_chars=100_000, max_compression=1_000_000)
    assert "SAAR_MAX_CHARS" in refusal(hostile.docx_many_paragraphs(3 * MB), "book.docx", limits)


def test_docx_entity_bomb_is_refused_before_parsing() -> None:
    assert "DOCTYPE" in refusal(hostile.docx_entity_bomb(), "laughs.docx")


def test_zip_with_too_many_entries_is_refused_before_its_directory_is_read() -> None:
    assert "SAAR_MAX_ZIP_ENTRIES" in refusal(hostile.zip_many_entries(3_000), "parts.docx")


def test_pdf_stream_past_pypdfs_limit_is_refused_after_inflating_only_the_limit() -> None:
    assert "SAAR_MAX_PDF_CONTENT" in refusal(hostile.pdf_stream_bomb(), "bomb.pdf")


def test_pypdfs_limit_reached_is_a_document_error() -> None:
    bomb = hostile.pdf_stream_bomb(
        filters=b"[/ASCII85Decode /FlateDecode]"
    )  # pypdf inflates this one itself, to its limit
    assert "inflates past the reader's limit" in refusal(bomb, "bomb.pdf")


def test_pdf_content_over_the_limit_is_refused_before_it_is_interpreted() -> None:
    assert "SAAR_MAX_PDF_CONTENT" in refusal(hostile.pdf_form_of_operators(3 * MB), "form.pdf")


def test_pdf_with_too_many_pages_is_refused() -> None:
    assert "SAAR_MAX_PDF_PAGES" in refusal(hostile.pdf_many_pages(600), "pages.pdf")


def test_deeply_nested_html_is_refused() -> None:
    assert "SAAR_MAX_HTML_DEPTH" in refusal(hostile.html_nested(5_000), "nested.html")


def test_the_issues_200k_nested_elements_are_refused_by_count_before_parsing() -> None:
    assert "SAAR_MAX_HTML_ELEMENTS" in refusal(hostile.html_nested(), "nested.html")


def test_html_with_too_many_elements_is_refused() -> None:
    assert "SAAR_MAX_HTML_ELEMENTS" in refusal(hostile.html_flat(), "flat.html")


def test_html_unclosed_comment_is_answered() -> None:
    refusal(hostile.html_unclosed_comment(2 * MB), "comment.html")


def test_long_text_is_refused_before_decoding() -> None:
    assert "SAAR_MAX_CHARS" in refusal(hostile.text_too_long(4 * MB), "long.txt")


def test_limits_follow_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAAR_MAX_HTML_DEPTH", "10")
    assert "deeper than 10" in refusal(hostile.html_nested(11), "nested.html")
    assert read_bytes(hostile.html_nested(8), "shallow.html").text.count("x") == 8


def test_docx_tables_are_read_in_document_order() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Before the table.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Delhi"
    table.rows[0].cells[1].text = "Moscow"
    document.add_paragraph("After the table.")
    import io

    out = io.BytesIO()
    document.save(out)
    assert read_bytes(out.getvalue(), "t.docx").text.split("\n") == [
        "Before the table.",
        "Delhi\tMoscow",
        "After the table.",
    ]


@pytest.mark.parametrize("path", sorted(CRASHES.glob("*")), ids=lambda path: path.name)
def test_kept_fuzz_inputs_are_answered(path: Path) -> None:
    """Every input that once broke a reader (found by tests/fuzz), replayed: now a Document or a DocumentError."""
    read_within_promise(path.read_bytes(), path.name)


# --- the worker process the app reads uploads in


def test_isolated_read_gives_the_same_document() -> None:
    data = docx_with_paragraphs(["Putin and Modi spoke.", "पुतिन और मोदी ने बात की।"])
    assert read_bytes_isolated(data, "story.docx") == read_bytes(data, "story.docx")


def test_isolated_read_passes_the_refusal_on() -> None:
    with pytest.raises(DocumentError, match="SAAR_MAX_HTML_ELEMENTS") as caught:
        read_bytes_isolated(hostile.html_nested(), "nested.html")
    assert caught.value.name == "nested.html"


def test_isolated_read_is_stopped_past_its_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # Parsing a megabyte of PDF operators takes pypdf many seconds, mostly in one call no budget check can enter:
    # the parent's kill stops it, or the child's own check where it gets a turn first (which depends on timing).
    monkeypatch.setenv("SAAR_MAX_PDF_CONTENT", str(100 * MB))
    monkeypatch.setattr(isolated, "STARTUP_SECONDS", 1)
    start = time.monotonic()
    with pytest.raises(DocumentError, match=r"took longer than (the limit of )?1 s \(SAAR_READ_SECONDS\)"):
        read_bytes_isolated(hostile.pdf_form_of_operators(MB), "slow.pdf", seconds=1)
    assert time.monotonic() - start < 5


def test_isolated_read_is_refused_past_its_memory() -> None:
    with pytest.raises(DocumentError, match=r"more than 32 MB of memory \(SAAR_READ_MEMORY_MB\)"):
        read_bytes_isolated(hostile.pdf_stream_bomb(filters=b"[/ASCII85Decode /FlateDecode]"), "bomb.pdf", memory_mb=32)


def test_one_reader_reads_many_documents_in_one_worker_and_starts_afresh_after_a_kill(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)  # the worker waits in open() for a writer that never comes: only the parent's kill ends it
    story = tmp_path / "story.txt"
    story.write_text("Putin and Modi spoke on Monday. पुतिन और मोदी ने सोमवार को बात की।", encoding="utf-8")
    with isolated.IsolatedReader(seconds=1) as reader:
        first = reader.read_path(story)
        worker = reader._worker
        assert reader.read_bytes(b"A second story about roads.", "roads.txt").text == "A second story about roads."
        with pytest.raises(DocumentError, match="no such file"):
            reader.read_path(tmp_path / "missing.txt")
        assert reader._worker is worker  # refusals by the readers keep the worker
        with pytest.raises(DocumentError, match=r"longer than 1 s \(SAAR_READ_SECONDS\); it was stopped"):
            reader.read_path(pipe)
        assert reader.read_path(story) == first  # a fresh worker
        assert reader._worker is not worker
    assert first == read_bytes(story.read_bytes(), str(story))


def test_a_memory_refusal_in_a_reused_worker_is_tried_again_and_stays_a_document_error() -> None:
    with isolated.IsolatedReader(memory_mb=32) as reader:
        reader.read_bytes(b"A story about roads.", "roads.txt")
        with pytest.raises(DocumentError, match=r"more than 32 MB of memory \(SAAR_READ_MEMORY_MB\)"):
            reader.read_bytes(hostile.pdf_stream_bomb(filters=b"[/ASCII85Decode /FlateDecode]"), "bomb.pdf")
        assert reader.read_bytes(b"Another story.", "next.txt").text == "Another story."


@pytest.mark.parametrize(
    ("build", "extracted"),
    [
        (hostile.html_deep_under_the_limits, False),  # 47,500 elements: the plain reading alone
        (hostile.html_links_under_the_limits, False),
        (lambda: hostile.html_links_under_the_limits(9_000), True),
        # Drawings do not count: a page of 20,000 SVG paths around a short story still goes to the extractor.
        (lambda: b"<html><body><svg>" + b"<path d='M0 0'/>" * 20_000 + b"</svg><p>A story.</p></body></html>", True),
    ],
)
def test_only_pages_within_the_extractors_element_count_reach_it(
    build: Callable[[], bytes], extracted: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    calls: list[int] = []
    extract = trafilatura.bare_extraction

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return extract(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", counted)
    data = build()
    document = read_bytes(data, "page.html")
    assert bool(calls) == extracted
    if not extracted:
        assert document.text == html_to_text(data.decode())
