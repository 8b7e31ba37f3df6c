"""Messages as text: a reason shown on its own reads as a sentence; commands in Details stay code, never backticks
shown as characters; the command line names a file once in an error line."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from pages._views.document import markdown_with_code, sentence_case
from pages._views.report import escape_markdown
from summarizers.cli import named_once

plain_text = st.text(st.characters(blacklist_characters="`", blacklist_categories=("Cs",)), max_size=40)
code_text = st.text(st.characters(blacklist_characters="`\n", blacklist_categories=("Cs",)), min_size=1, max_size=30)


@given(st.lists(st.tuples(plain_text, code_text), max_size=4), plain_text)
def test_code_spans_stay_code_and_the_rest_is_escaped(pairs: list[tuple[str, str]], tail: str) -> None:
    text = "".join(f"{before}`{code}`" for before, code in pairs) + tail
    rendered = markdown_with_code(text)
    assert rendered == "".join(f"{escape_markdown(before)}`{code}`" for before, code in pairs) + escape_markdown(tail)


@given(plain_text, code_text)
def test_an_unpaired_backtick_is_shown_as_written(before: str, after: str) -> None:
    text = f"{before}`{after}"
    assert markdown_with_code(text) == escape_markdown(text)


@given(st.text(max_size=60))
def test_a_reason_shown_alone_starts_with_a_capital(reason: str) -> None:
    shown = sentence_case(reason)
    assert shown[1:] == reason[1:]
    if reason and reason[0].isalpha() and reason[0].upper() != reason[0] and len(reason[0].upper()) == 1:
        assert shown[0] == reason[0].upper()
    assert sentence_case("ßtraße") == "ßtraße"  # its capital would be two letters: left as written
    assert sentence_case("the file is empty") == "The file is empty"


path_part = st.text(st.characters(whitelist_categories=("L", "N"), whitelist_characters="-_."), min_size=1, max_size=12)


@given(st.lists(path_part, min_size=1, max_size=4), path_part, st.text(max_size=40).filter(lambda t: ": " not in t))
def test_an_error_line_names_its_file_once(folders: list[str], name: str, reason: str) -> None:
    path = "/".join([*folders, name])
    assume(not reason.endswith(name) and reason != path)  # a reason that is itself a file name reads as one
    assert named_once(name, f"{path}: {reason}") == f"{path}: {reason}"  # the reader named it already
    assert named_once(path, f"{path}: {reason}") == f"{path}: {reason}"
    assert named_once(name, reason) == f"{name}: {reason}"  # named by the command line, once
