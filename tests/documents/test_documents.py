from __future__ import annotations

from pathlib import Path

import pytest

from summarizers.documents.reading import MAX_BYTES, MAX_CHARS, decode, from_text, html_to_text, read_bytes, read_path
from summarizers.errors import DocumentError
from tests.files import docx_with_paragraphs, pdf_with_text

MIXED = "Prime Minister Modi spoke to Putin.\nप्रधानमंत्री मोदी ने पुतिन से बात की।\n"


# --- edge cases first


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", b"\xef\xbb\xbf"])
def test_empty_files_are_refused(data: bytes) -> None:
    with pytest.raises(DocumentError, match="empty"):
        read_bytes(data, "empty.txt")


def test_binary_file_is_refused_with_a_clear_message() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(DocumentError, match="binary"):
        read_bytes(png, "photo.txt")


def test_nul_in_pasted_text_is_refused() -> None:
    with pytest.raises(DocumentError, match="NUL"):
        from_text("abc\x00def")


def test_file_over_the_size_limit_is_refused() -> None:
    with pytest.raises(DocumentError, match="limit"):
        read_bytes(b"a" * (MAX_BYTES + 1), "huge.txt")


def test_text_over_the_character_limit_is_refused() -> None:
    with pytest.raises(DocumentError, match="characters"):
        from_text("word " * (MAX_CHARS // 5 + 1))


@pytest.mark.parametrize("text", ["12345 67890", "!!! ???", "१२३ ४५६"])
def test_letterless_text_is_refused(text: str) -> None:
    with pytest.raises(DocumentError, match="no words"):
        from_text(text)


def test_link_only_text_is_readable_and_left_to_the_summariser() -> None:
    assert from_text("https://example.com/").text == "https://example.com/"


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        read_path(tmp_path / "absent.txt")
    assert "absent.txt" in str(caught.value)
    assert "no such file" in str(caught.value)


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="folder"):
        read_path(tmp_path)


# --- encodings


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_unicode_encodings_round_trip(encoding: str, prefix: bytes) -> None:
    document = read_bytes(prefix + MIXED.encode(encoding), "article.txt")
    assert document.text == MIXED


def test_cp1252_is_detected_not_mangled() -> None:
    text = "The café’s owner said “prices rose 5%” — again.\nIt was déjà vu for the town’s residents, who said so."
    assert read_bytes(text.encode("cp1252"), "cp.txt").text == text


def test_windows_newlines_are_normalised() -> None:
    assert read_bytes(b"One line.\r\nTwo line.\rThree.", "a.txt").text == "One line.\nTwo line.\nThree."


def test_decode_reports_the_encoding() -> None:
    assert decode("नमस्ते".encode("utf-16"), "x")[1].startswith("utf-16")


# --- formats


def test_html_keeps_main_text_and_drops_scripts_and_styles() -> None:
    page = b"""<!doctype html><html><head><title>t</title><style>p{color:red}</style>
    <script>alert('x')</script></head><body><nav>Home | World</nav>
    <article><h1>Modi meets Putin</h1><p>The leaders met in <b>Moscow</b>.</p>
    <script>document.write('injected')</script><p>&lt;script&gt; is shown as text.</p></article>
    <footer>Copyright</footer></body></html>"""
    document = read_bytes(page, "page.html")
    assert document.kind == "html"
    assert "Modi meets Putin" in document.text
    assert "The leaders met in Moscow." in document.text
    assert "alert" not in document.text
    assert "injected" not in document.text
    assert "color" not in document.text
    assert "Home | World" not in document.text
    assert "Copyright" not in document.text
    assert "<script> is shown as text." in document.text


def test_html_is_sniffed_without_an_extension() -> None:
    assert read_bytes(b"<html><body><p>Hello there, world.</p></body></html>", "upload").kind == "html"


def test_html_to_text_puts_blocks_on_lines() -> None:
    assert html_to_text("<p>One.</p><p>Two.</p>") == "One.\n\nTwo."


def test_pdf_text_is_extracted() -> None:
    document = read_bytes(pdf_with_text(["India and Russia agreed to expand trade.", "Talks went well."]), "a.pdf")
    assert document.kind == "pdf"
    assert "India and Russia agreed to expand trade." in document.text
    assert "Talks went well." in document.text


def test_corrupt_pdf_gives_a_clear_error() -> None:
    with pytest.raises(DocumentError, match="PDF"):
        read_bytes(b"%PDF-1.4\n" + b"garbage " * 50, "broken.pdf")


def test_docx_paragraphs_are_read() -> None:
    data = docx_with_paragraphs(["Putin and Modi spoke.", "पुतिन और मोदी ने बात की।"])
    document = read_bytes(data, "story.docx")
    assert document.kind == "docx"
    assert document.text.splitlines()[:2] == ["Putin and Modi spoke.", "पुतिन और मोदी ने बात की।"]


def test_corrupt_docx_gives_a_clear_error() -> None:
    with pytest.raises(DocumentError, match="Word"):
        read_bytes(b"PK\x03\x04" + b"\x00broken" * 20, "broken.docx")


def test_markdown_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("## Heading\n\nBody text here.", encoding="utf-8")
    document = read_path(path)
    assert document.kind == "markdown"
    assert document.text == "## Heading\n\nBody text here."
