"""Hypothesis harnesses, one per reader: structure-aware mutations of real files; every one must come back as a
Document or a one-line DocumentError within five seconds. The CI budget is small (FUZZ_EXAMPLES examples each);
long runs: tests/fuzz/README.md."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz import mutations
from tests.fuzz.harness import read_within_promise

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # the harness measures its own bound; hypothesis's deadline would flake on a loaded machine
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=os.environ.get("FUZZ_RANDOM") is None,  # CI replays the same examples; long runs explore
)
DOCX = mutations.real_docx()
PDF = mutations.real_pdf()

small_bytes = st.binary(max_size=64)
edits = st.tuples(st.integers(0, 1 << 20), st.integers(0, 64), small_bytes)
markup_tokens = st.sampled_from(
    [b"<p>", b"</p>", b"<div>", b"</div>", b"<br/>", b"<article>", b"</article>", b"<script>", b"</script>",
     b"<!--", b"-->", b"<![CDATA[", b"]]>", b"&amp;", b"&#x10FFFF;", b"&#0;", b"<", b">", b"\x00", b"text ",
     "हिन्दी ".encode(), b"<main>", b"<nav>", b"</nav>", b"<body>", b"<html>", b"</html>", b"<p", b"=\"", b"<?"]
)  # fmt: skip


@st.composite
def docx_mutants(draw: st.DrawFn) -> bytes:
    index = draw(st.integers(0, 20))
    if draw(st.booleans()) and draw(st.booleans()):
        return mutations.mutate_docx_entry(DOCX, index, bytes, drop=True)
    position, cut, insert = draw(edits)
    if draw(st.booleans()):
        xml_piece = draw(st.sampled_from([b"<w:p>", b"</w:p>", b"<w:t>", b"</w:t>", b"<w:tbl><w:tr><w:tc>",
                                          b"</w:tc></w:tr></w:tbl>", b"<!DOCTYPE x [<!ENTITY e 'x'>]>", b"&e;",
                                          b"<w:tab/>", b"<w:br/>"]))  # fmt: skip
        insert = xml_piece + insert
    return mutations.mutate_docx_entry(DOCX, index, lambda body: mutations.splice(body, position, cut, insert))


@st.composite
def pdf_mutants(draw: st.DrawFn) -> bytes:
    index = draw(st.integers(0, 10))
    position, cut, insert = draw(edits)
    if draw(st.booleans()):
        token = draw(st.sampled_from([b"/Length 999999", b"/Filter /FlateDecode", b"/Count -1", b"/Kids [1 0 R]",
                                      b"1 0 R", b"<<", b">>", b"[", b"]", b"stream\n", b"endstream", b"(", b")",
                                      b"/Type /Page", b"/Contents 1 0 R", b"9999999999", b"-0.5"]))  # fmt: skip
        insert = token + insert
    mutant = mutations.mutate_pdf_object(PDF, index, lambda body: mutations.splice(body, position, cut, insert))
    return mutant if draw(st.booleans()) else mutant[: draw(st.integers(0, len(mutant)))]


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):
        tags = draw(st.lists(st.sampled_from(["div", "p", "li", "article", "script", "nav", "b", "table"]), min_size=1))
        return mutations.nested_html(tags, draw(st.integers(0, 400)), draw(st.text(max_size=8)), draw(st.booleans()))
    return b"<html><body>" + b"".join(draw(st.lists(markup_tokens | small_bytes, max_size=60)))


@st.composite
def encoded_texts(draw: st.DrawFn) -> bytes:
    text = draw(st.text(max_size=200))
    encoding = draw(st.sampled_from(mutations.ENCODINGS))
    data = text.encode(encoding, errors="replace")
    position, cut, insert = draw(edits)
    return mutations.splice(data, position, cut, insert) if draw(st.booleans()) else data


@FUZZ
@given(docx_mutants())
def test_docx_reader_holds(data: bytes) -> None:
    read_within_promise(data, "fuzz.docx")


@FUZZ
@given(pdf_mutants())
def test_pdf_reader_holds(data: bytes) -> None:
    read_within_promise(data, "fuzz.pdf")


@FUZZ
@given(html_pages())
def test_html_reader_holds(data: bytes) -> None:
    read_within_promise(data, "fuzz.html")


@FUZZ
@given(encoded_texts(), st.sampled_from(["fuzz.txt", "fuzz.md", "fuzz"]))
def test_text_reader_holds(data: bytes, name: str) -> None:
    read_within_promise(data, name)
