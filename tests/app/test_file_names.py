"""Download file names: cut at a word, never inside one, and never inside a letter (a Devanagari vowel sign stays
with its consonant)."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from pages._views.report import FILE_NAME_CHARS, file_name

LONG_ENGLISH = "Putin–Modi Talks: Strengthening India–Russia Ties After Alaska Summit"  # cut by characters: "…-alask"
# "संबंधों" straddles the limit: a cut by characters leaves "संबंध" (its vowel sign and nasal mark dropped).
LONG_HINDI = "मोदी और पुतिन की लंबी बातचीत के बाद भारत और रूस के बीच संबंधों को नई मजबूती मिली"


def _slug(title: str) -> str:
    """The whole name the title would give with no limit on its length."""
    return regex.sub(r"[^\w\p{M}]+", "-", title.casefold()).strip("-_")


def _stem(title: str) -> str:
    return file_name(title, "md").removesuffix(".md")


def test_a_long_english_title_is_cut_after_a_whole_word() -> None:
    stem = _stem(LONG_ENGLISH)
    assert stem == "putin-modi-talks-strengthening-india-russia-ties-after"
    assert len(stem) <= FILE_NAME_CHARS


def test_a_long_hindi_title_keeps_its_vowel_signs() -> None:
    assert _slug(LONG_HINDI)[:FILE_NAME_CHARS].endswith("संबंध")  # where a cut by characters falls
    stem = _stem(LONG_HINDI)
    assert len(stem) <= FILE_NAME_CHARS
    assert _slug(LONG_HINDI).startswith(stem + "-")
    assert not stem.endswith("संबंध")


def test_one_word_longer_than_the_limit_is_cut_between_letters() -> None:
    word = "स्वतंत्रता" * 12
    stem = _stem(word)
    assert 0 < len(stem) <= FILE_NAME_CHARS
    clusters = regex.findall(r"\X", word)
    assert stem == "".join(clusters[: len(regex.findall(r"\X", stem))])


words = st.text(alphabet=st.sampled_from("abcxyzकखगसंबधोंिीुेैा्ँ़0123456789"), min_size=1, max_size=18).filter(
    lambda word: bool(regex.search(r"\w", word))
)


@given(st.lists(words, min_size=1, max_size=30), st.sampled_from([" ", " – ", ": ", "/", "_"]))
def test_a_name_is_the_title_cut_at_a_word_or_a_letter_boundary(parts: list[str], separator: str) -> None:
    title = separator.join(parts)
    stem = _stem(title)
    slug = _slug(title)
    assert len(stem) <= FILE_NAME_CHARS
    if not slug:
        assert stem == "saar-summary"
        return
    assert stem
    assert slug.startswith(stem)
    rest = slug[len(stem) :]
    if rest and not rest.startswith("-"):
        # Cut inside a word only when its first word alone is over the limit, and then between whole letters.
        assert "-" not in stem
        assert regex.match(r"\X", slug[len(stem) - 1 :]).group() == slug[len(stem) - 1]
        assert regex.findall(r"\X", slug)[: len(regex.findall(r"\X", stem))] == regex.findall(r"\X", stem)
