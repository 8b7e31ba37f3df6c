"""Documents as people make them: web pages saved from news sites, and PDFs a browser printed (tests/documents/data,
rebuilt by make_pdfs.py there from the articles it holds)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizers.documents.html import html_to_text
from summarizers.documents.isolated import read_bytes_isolated
from summarizers.documents.pdf_layout import join_lines
from summarizers.documents.reading import read_bytes
from summarizers.errors import DocumentError
from summarizers.text.spans import split_sentences
from tests.documents.data.make_pdfs import ENGLISH, ENGLISH_TITLE, HINDI, HINDI_TITLE

DATA = Path(__file__).resolve().parent / "data"
ARTICLE = [
    "The state's new metro line opened to passengers on Saturday, three years after work began under the old market.",
    "Officials said forty thousand people rode the trains on the first day, twice the number the planners expected.",
    "Shopkeepers along the route said the works had cost them customers, and asked the city for lower rents.",
]
MENU = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/city'>City</a></li><li>Sport</li></ul></nav>"
FOOTER = "<footer><p>© The Daily Courier. All rights reserved. Contact us. Advertise.</p></footer>"


def paragraphs(sentences: list[str]) -> str:
    return "".join(f"<p>{sentence}</p>" for sentence in sentences)


def page(body: str, title: str = "Metro line opens | The Daily Courier") -> bytes:
    head = f"<head><meta charset='utf-8'><title>{title}</title><script>var tracking = 1;</script></head>"
    return f"<!doctype html><html lang='en'>{head}<body>{MENU}{body}{FOOTER}</body></html>".encode()


def assert_reads_the_article(text: str) -> None:
    for sentence in ARTICLE:
        assert sentence in text
    assert "All rights reserved" not in text
    assert "tracking" not in text


def test_a_page_inside_a_form_is_read() -> None:
    # Some site builders wrap the whole page in one <form>; the plain reading drops forms as page furniture.
    story = f"<form action='/post' method='post'><div id='story'>{paragraphs(ARTICLE)}</div></form>"
    document = read_bytes(page(story), "form.html")
    assert_reads_the_article(document.text)


def test_the_story_is_read_and_not_the_teaser_article_before_it() -> None:
    teaser = "<article class='card'><h3><a href='/other'>Rain expected this weekend</a></h3></article>"
    document = read_bytes(page(f"{teaser}<article><h1>Metro line opens</h1>{paragraphs(ARTICLE)}</article>"), "t.html")
    assert_reads_the_article(document.text)
    assert "Rain expected" not in document.text


def test_an_empty_main_does_not_hide_the_story() -> None:
    document = read_bytes(page(f"<main id='app'></main><div class='content'>{paragraphs(ARTICLE)}</div>"), "m.html")
    assert_reads_the_article(document.text)


def test_the_pages_title_is_the_documents_title_through_the_worker_too() -> None:
    data = page(f"<article>{paragraphs(ARTICLE)}</article>", title="Metro line opens &amp; draws crowds")
    assert read_bytes(data, "a.html").title == "Metro line opens & draws crowds"
    assert read_bytes_isolated(data, "a.html").title == "Metro line opens & draws crowds"


def test_a_short_page_the_extractor_declines_is_read_whole_not_refused() -> None:
    document = read_bytes(b"<html><body><p>Polls close at six.</p></body></html>", "short.html")
    assert document.text == "Polls close at six."


def test_when_the_extractor_fails_the_plain_reading_stands_in(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    document = read_bytes(page(f"<article>{paragraphs(ARTICLE)}</article>"), "a.html")
    assert_reads_the_article(document.text)


def as_read(paragraph: str) -> str:
    """A fixture paragraph as a reader sees it: its soft hyphens and forced line breaks show nothing."""
    return paragraph.replace("\u00ad", "").replace("\n", "")


def normalised(text: str) -> str:
    return " ".join(text.split())


def sentences(text: str) -> list[str]:
    return [normalised(text[span.start : span.end]) for span in split_sentences(text)]


def test_an_english_pdfs_paragraphs_are_one_line_each_and_a_soft_hyphen_break_is_joined() -> None:
    document = read_bytes((DATA / "english_paragraphs.pdf").read_bytes(), "english.pdf")
    assert document.text.split("\n\n") == [ENGLISH_TITLE, *map(as_read, ENGLISH)]
    assert "discussed" in document.text
    assert "four-day-long" in document.text
    # Every sentence of the article is one sentence of the text: no line end cuts one in two.
    assert sentences(document.text) == sentences("\n\n".join([ENGLISH_TITLE, *map(as_read, ENGLISH)]))


def test_paragraphs_run_on_across_pages_and_the_browsers_head_and_foot_are_left_out() -> None:
    document = read_bytes((DATA / "english_pages.pdf").read_bytes(), "pages.pdf")
    assert document.text.split("\n\n") == [ENGLISH_TITLE, *map(as_read, ENGLISH)]


def test_a_hindi_pdf_a_browser_printed_reads_letter_for_letter() -> None:
    data = (DATA / "hindi_article.pdf").read_bytes()
    document = read_bytes(data, "hindi.pdf")
    assert document.text == "\n\n".join([HINDI_TITLE, *HINDI])
    assert document.title == HINDI_TITLE
    # The same in the worker the app reads uploads in, under its memory cap (pdfium maps its own library there).
    assert read_bytes_isolated(data, "hindi.pdf") == document


def test_a_pdfs_title_is_its_first_heading_when_its_metadata_has_none() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(DATA / "english_paragraphs.pdf"))
    writer.add_metadata({"/Title": "Microsoft Word - draft3.docx"})
    out = io.BytesIO()
    writer.write(out)
    assert read_bytes(out.getvalue(), "english.pdf").title == ENGLISH_TITLE


def without_text_mapping(data: bytes) -> bytes:
    """The PDF as some tools write Hindi: the glyphs drawn, no /ToUnicode tables and no /ActualText."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for pdf_page in writer.pages:
        for font in pdf_page["/Resources"]["/Font"].values():
            font.get_object().pop(NameObject("/ToUnicode"), None)
        stream = DecodedStreamObject()
        stream.set_data(re.sub(rb"/ActualText\s*<[0-9A-Fa-f]*>", b"", pdf_page.get_contents().get_data()))
        pdf_page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_hindi_pdf_without_a_text_mapping_says_so_plainly() -> None:
    with pytest.raises(DocumentError) as refused:
        read_bytes(without_text_mapping((DATA / "hindi_article.pdf").read_bytes()), "scan-like.pdf")
    assert "this PDF's Hindi text cannot be extracted" in refused.value.reason
    assert "binary" not in refused.value.reason


WORDS = st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=8)


@given(st.lists(st.lists(WORDS, min_size=1, max_size=6), min_size=1, max_size=6))
def test_joined_lines_keep_every_word_in_order_with_one_space_between_lines(lines: list[list[str]]) -> None:
    texts = [" ".join(words) for words in lines]
    assert join_lines(texts) == " ".join(texts)


@given(WORDS.filter(lambda word: word[-1].isalpha()), WORDS.filter(lambda word: word[0].isalpha()))
def test_a_word_broken_at_a_soft_hyphen_is_joined_and_one_at_a_hyphen_keeps_it(first: str, rest: str) -> None:
    assert join_lines([f"a {first}\u2010", f"{rest} b"]) == f"a {first}{rest} b"
    assert join_lines([f"a {first}-", f"{rest} b"]) == f"a {first}-{rest} b"


def test_a_library_failing_inside_a_reader_is_a_document_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2

    def missing(*args: object, **kwargs: object) -> None:
        raise RuntimeError("pdfium could not be loaded")

    monkeypatch.setattr(pypdfium2, "PdfDocument", missing)
    with pytest.raises(DocumentError) as caught:
        read_bytes((DATA / "english_paragraphs.pdf").read_bytes(), "english.pdf")
    assert caught.value.name == "english.pdf"
    assert caught.value.reason == "the pdf reader failed (RuntimeError: pdfium could not be loaded)"


def test_paragraphs_copied_with_their_tags_are_read_whole() -> None:
    # A fragment (no <html>, <head> or <body>) is someone's own selection: every paragraph of it is kept, the short
    # ones an article extractor would take for page furniture too.
    fragment = "<p>Delhi, 5 July.</p>" + paragraphs(ARTICLE) + "<p>Read more:</p><ul><li>Metro fares</li></ul>"
    document = read_bytes(fragment.encode(), "pasted.html")
    assert document.text == html_to_text(fragment)
    for kept in ("Delhi, 5 July.", "Read more:", "Metro fares", *ARTICLE):
        assert kept in document.text


@settings(max_examples=60, deadline=None)  # each example runs the article extractor (the first one imports it)
@given(st.text(alphabet=st.characters(categories=["L", "N", "P", "Zs"], exclude_characters="\x00"), max_size=60))
def test_a_pages_title_is_its_title_elements_text_with_white_space_tidied(title: str) -> None:
    import html

    data = page(f"<article>{paragraphs(ARTICLE)}</article>", title=html.escape(title))
    assert read_bytes(data, "a.html").title == (" ".join(title.split()) or None)
