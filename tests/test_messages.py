"""Coded messages: every code the library can emit has a wording in each catalog, every notice and reason in the JSON
carries its code and values, and the English text beside it is what the code renders to."""

from __future__ import annotations

import json
import pickle
import re
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizers.messages import CODES, Message, catalog, render
from tests.cli_runner import run_cli
from tests.conftest import ROOT

LIBRARY = ROOT / "summarizers"
CODE_LITERAL = re.compile(r"\"((?:progress|notice|reason|note|reading|model|usage|stopped)\.[a-z_0-9]+)\"")
FILE_NAMES = {"model.bin"}  # quoted like a code: the file a converted CTranslate2 model is kept in


# Values a message carries for other languages' words only (the English names the licence in full).
EXTRA_VALUES = {
    code: {"licence_name"}
    for code in ("notice.across_not_downloaded", "progress.downloading", "progress.downloading_licensed")
}


def _fields(template: str) -> set[str]:
    return {field.split(".")[0] for _, field, _, _ in string.Formatter().parse(template) if field}


def test_every_code_the_library_emits_is_listed_and_every_listed_code_is_emitted() -> None:
    """The codes in the library's source (each `Message(...)`), against the list in `messages.MessageCode`: mypy
    holds every `Message` to that list; this finds a code listed but no longer emitted anywhere."""
    sources = [path for path in LIBRARY.rglob("*.py") if path.name != "messages.py"]
    emitted = {code for path in sources for code in CODE_LITERAL.findall(path.read_text(encoding="utf-8"))}
    assert emitted - FILE_NAMES == set(CODES)


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_each_catalog_words_every_code(lang: str) -> None:
    """Every code, worded; each wording renders with the values the library gives is walked in
    `tests/app/test_catalogs.py` (notices, progress) and `tests/app/test_flag_wording.py` (reasons)."""
    words = catalog(lang)
    assert set(words.templates) == set(CODES)
    for code in CODES:
        assert _fields(words.templates[code]) <= _fields(catalog("en").templates[code]) | EXTRA_VALUES.get(code, set())


def test_a_language_without_a_catalog_reads_english() -> None:
    assert render("notice.part_too_short", {"lang": "hi", "letters": 42}, "fr") == (
        "The Hindi part is too short to summarise (42 letters)."
    )


def test_a_message_is_its_english_and_keeps_its_code_through_pickling() -> None:
    message = Message("notice.part_too_short", lang="hi", letters=42)
    assert message == "The Hindi part is too short to summarise (42 letters)."
    copy = pickle.loads(pickle.dumps(message))
    assert (copy.code, copy.values, str(copy)) == (message.code, message.values, str(message))
    assert render(message.code, message.values, "hi") == "हिन्दी भाग सारांश के लिए बहुत छोटा है (42 अक्षर)।"


def test_a_reason_about_the_source_reads_about_the_other_version() -> None:
    reason = Message("reason.negation", place="source")
    assert reason == "its closest source sentences differ from it on a negation (not, no, never)"
    assert reason.at("other_version") == (
        "its closest sentences in the other version differ from it on a negation (not, no, never)"
    )
    assert render("reason.negation", reason.at("other_version").values, "hi").startswith("दूसरे संस्करण के")


@given(st.text(min_size=1, max_size=40))
def test_what_a_text_or_a_model_wrote_stays_as_written_in_every_language(name: str) -> None:
    message = Message("reason.name_missing", name=name, place="source")
    for lang in ("en", "hi"):
        assert name in render(message.code, message.values, lang)


@given(st.text(max_size=60))
def test_values_holding_braces_are_never_read_as_template_fields(word: str) -> None:
    message = Message("reason.new_word", words=(word,), place="source")
    assert str(message) == f"word not in the source: {word}"


def _every_message(payload: Any) -> list[tuple[str, dict[str, Any]]]:
    """(English text, its code entry) for each notice and reason of a JSON document, paired item for item."""
    pairs: list[tuple[str, dict[str, Any]]] = []
    if isinstance(payload, dict):
        for texts, codes in (("notices", "notice_codes"), ("reasons", "reason_codes"), ("notes", "note_codes")):
            if texts in payload:
                assert len(payload[codes]) == len(payload[texts]), (texts, payload)
                pairs += list(zip(payload[texts], payload[codes], strict=True))
        if payload.get("notice") is not None:  # a summary's notice: the text of its codes, joined
            coded = payload["notice_codes"]
            assert " ".join(render(c["code"], c["values"]) for c in coded) == payload["notice"]
            pairs += [(render(c["code"], c["values"]), c) for c in coded]
        for value in payload.values():
            pairs += _every_message(value)
    elif isinstance(payload, list):
        for item in payload:
            pairs += _every_message(item)
    return pairs


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_summarize_json_gives_every_notice_its_code_beside_its_text(tmp_path: Path) -> None:
    bilingual = (ROOT / "seeds" / "en_hi_putin_modi_talks_bilingual.txt").read_text(encoding="utf-8")
    short = _write(tmp_path / "short.txt", "Modi met Putin in Moscow on Monday.")
    tamil = _write(tmp_path / "tamil.txt", bilingual + "\n\nஇந்தியா மற்றும் ரஷ்யா இடையே வர்த்தகம் அதிகரித்துள்ளது.")
    result = run_cli("summarize", short, tamil, "--method", "extractive", "--into", "en", "--json")
    assert result.code == 0, result.stderr
    pairs = _every_message(result.json())
    codes = {entry["code"] for _, entry in pairs}
    assert {"notice.text_too_short", "notice.across_extractive"} <= codes
    for text, entry in pairs:
        assert render(entry["code"], entry["values"], "en") == text


def test_compare_json_gives_every_reason_and_note_its_code(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.txt", "Modi met Putin in Moscow on 8 July. Trade reached 65 billion dollars.")
    second = _write(tmp_path / "b.txt", "मोदी ने 9 जुलाई को मास्को में पुतिन से मुलाकात की। व्यापार 60 अरब डॉलर तक पहुँचा।")
    result = run_cli("compare", first, second, "--method", "extractive", "--json")
    assert result.code == 0, result.stderr
    pairs = _every_message(result.json())
    assert any(entry["code"] == "reason.fact_missing" for _, entry in pairs)
    for text, entry in pairs:
        assert render(entry["code"], entry["values"], "en") == text
        assert not re.search(r"[A-Za-z]{3}", _without_values(render(entry["code"], entry["values"], "hi"), entry))


def _without_values(text: str, entry: dict[str, Any]) -> str:
    items = [
        str(item) for value in entry["values"].values() for item in (value if isinstance(value, list) else [value])
    ]
    for item in sorted(items, key=len, reverse=True):  # a longer value holding a shorter one goes first
        text = text.replace(item, "")
    return text


# What a Hindi model error may keep in Latin letters: model and engine names, commands and files as typed.
KEPT_AS_TYPED = re.compile(r"`[^`]*`|--model \S+|\b(?:BART|mT5|IndicBART|CTranslate2)\b")


def _broken_model(folder: Path) -> Path:
    """A local model directory whose config is not JSON: found, but it cannot be loaded."""
    folder.mkdir()
    (folder / "config.json").write_text('{"model_type": "bart", ', encoding="utf-8")
    return folder


def test_a_model_error_is_coded_and_its_english_is_the_error_text(tmp_path: Path) -> None:
    from summarizers.engines.hub import check_directory
    from summarizers.errors import ModelLoadError

    broken = _broken_model(tmp_path / "broken")
    with pytest.raises(ModelLoadError) as raised:
        check_directory(broken)
    assert raised.value.reason.code == "model.config_unreadable"
    assert raised.value.reason.values["path"] == str(broken)
    assert str(raised.value).startswith(f"{broken}: its config cannot be read (")
    hindi = render(raised.value.reason.code, raised.value.reason.values, "hi")
    assert hindi.startswith(f"{broken} के मॉडल की सेटिंग")
    copy = pickle.loads(pickle.dumps(raised.value))  # a worker process hands it back by its code
    assert (type(copy), copy.reason.code, str(copy)) == (ModelLoadError, raised.value.reason.code, str(raised.value))


@pytest.mark.parametrize("code", [code for code in CODES if code.startswith("model.")])
def test_every_model_error_reads_in_hindi_without_english_words(code: str) -> None:
    values: dict[str, Any] = {
        "lang": "hi", "model": "org/model", "path": "/models/x", "error": "Expecting value", "model_type": "gpt2",
        "tokens": 600, "window": 512, "parts": 3, "rounds": 6, "output": "the the", "labels": "{0: 'A'}",
        "wanted": "entail",
    }  # fmt: skip
    english = catalog("en").templates[code]
    message = Message(code, **{key: value for key, value in values.items() if key in _fields(english)})
    hindi = render(message.code, message.values, "hi")
    left = KEPT_AS_TYPED.sub("", hindi)
    for value in sorted(map(str, message.values.values()), key=len, reverse=True):
        left = left.replace(repr(value), "").replace(value, "")
    assert not re.findall(r"[A-Za-z]{2,}", left), hindi


def test_a_notice_words_its_model_error_in_its_own_language_and_json_keeps_both() -> None:
    from summarizers.schema import message_json

    error = Message("model.no_directory", path="/models/x")
    notice = Message("notice.model_unusable", lang="en", error=error)
    assert notice == (
        "English model could not be used; showing an extractive summary. "
        "(model directory /models/x does not exist; check the path given with --model)"
    )
    coded = message_json(notice)
    assert coded["values"]["error"] == str(error)  # the English, as the JSON always had it
    assert coded["values"]["error_code"] == {"code": "model.no_directory", "values": {"path": "/models/x"}}
    hindi = render(coded["code"], coded["values"], "hi")
    assert hindi == render(notice.code, notice.values, "hi")
    assert "मॉडल का फ़ोल्डर /models/x मौजूद नहीं है" in hindi
    assert "does not exist" not in hindi
    # A value whose code this library does not know (a newer writer's) is shown as its text.
    unknown = {**coded["values"], "error_code": {"code": "model.from_the_future", "values": {}}}
    assert str(error) in render(coded["code"], unknown, "hi")
    assert pickle.loads(pickle.dumps(notice)).values["error"].code == "model.no_directory"


@given(st.text(min_size=1, max_size=60))
def test_what_a_model_wrote_stays_as_written_in_its_error(output: str) -> None:
    message = Message("model.no_usable_summary", model="org/model", output=output)
    for lang in ("en", "hi"):
        assert repr(output) in render(message.code, message.values, lang)


def test_a_broken_local_model_gives_a_summary_whose_notice_reads_in_hindi(tmp_path: Path) -> None:
    broken = _broken_model(tmp_path / "broken")
    article = tmp_path / "article.txt"
    article.write_text((ROOT / "seeds" / "en_modi_putin_call_us_tariffs.txt").read_text(encoding="utf-8"))
    result = run_cli("summarize", str(article), "--model", f"en={broken}", "--json")
    assert result.code == 0, result.stderr
    [summary] = result.json()["documents"][0]["summaries"]
    assert summary["method"] == "extractive"
    [notice] = summary["notice_codes"]
    assert notice["code"] == "notice.model_unusable"
    assert notice["values"]["error_code"]["code"] == "model.config_unreadable"
    assert summary["notice"].startswith("English model could not be used; showing an extractive summary. (")
    hindi = render(notice["code"], notice["values"], "hi")
    assert hindi.startswith("अंग्रेज़ी मॉडल यहाँ इस्तेमाल नहीं हो सका")
    assert not re.findall(r"[A-Za-z]{2,}", KEPT_AS_TYPED.sub("", hindi.replace(str(broken), ""))), hindi


@given(st.text(min_size=1, max_size=40), st.sampled_from(["en", "hi"]))
def test_a_nested_model_error_reads_the_same_from_its_json_as_from_itself(path: str, lang: str) -> None:
    """A notice holding a model error, worded from the notice itself and from its JSON (as the pages read a result):
    the same words, the folder as typed, whatever it holds (braces, quotes, Devanagari)."""
    from summarizers.schema import message_json

    notice = Message("notice.model_unusable", lang="hi", error=Message("model.no_config", path=path))
    coded = json.loads(json.dumps(message_json(notice)))
    assert coded["values"]["error"] == str(notice.values["error"])
    worded = render(coded["code"], coded["values"], lang)
    assert worded == render(notice.code, notice.values, lang)
    assert path in worded


# The English of the settings the library refuses, word for word as the command line and the JSON always printed it.
REFUSED_SETTINGS = [
    ({"into": "fr"}, "unknown summary language 'fr'; choose one of en, hi"),
    ({"method": "fast"}, "unknown method 'fast'; choose one of auto, abstractive, extractive"),
    ({"length": "huge"}, "unknown length 'huge'; choose one of short, medium, long"),
    ({"sentences": 3, "share": 0.5}, "ask for a number of sentences or a share of the article, not both"),
    ({"sentences": 51}, "the number of sentences must be between 1 and 50"),
    ({"share": 0.0}, "the share of the article must be above 0 and at most 1 (0.2 is a fifth)"),
    ({"form": "poem"}, "unknown form 'poem'; choose one of paragraph, bullets"),
]


@pytest.mark.parametrize(("settings", "english"), REFUSED_SETTINGS)
def test_a_refused_setting_is_coded_and_its_english_is_as_before(settings: dict[str, Any], english: str) -> None:
    from summarizers.errors import UsageError
    from summarizers.pipeline import Options

    with pytest.raises(UsageError) as raised:
        Options(**settings)
    assert str(raised.value) == english
    assert raised.value.reason.code.startswith("usage.")
    assert render(raised.value.reason.code, raised.value.reason.values, "en") == english
    copy = pickle.loads(pickle.dumps(raised.value))  # a worker process hands it back by its code
    assert (type(copy), copy.reason.code, str(copy)) == (UsageError, raised.value.reason.code, english)


def test_a_usage_error_prints_once_to_stderr_in_its_english(tmp_path: Path) -> None:
    result = run_cli("attribute")
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == "usage error: give SOURCE_FILE and SUMMARY_FILE, or --jsonl FILE\n"
    result = run_cli("batch", str(tmp_path / "missing"), "--out", str(tmp_path / "out.jsonl"))
    assert result.stderr == (
        f"usage error: {tmp_path / 'missing'}: no such file or folder "
        "(give a folder of articles or a JSONL file of id and text)\n"
    )


# Words a usage error may name in Hindi too: programs and file kinds, as they are typed.
USAGE_KEPT = re.compile(r"\b(?:Ray|CPU|JSONL)\b")


@pytest.mark.parametrize("code", [code for code in CODES if code.startswith(("usage.", "stopped."))])
def test_every_usage_error_and_a_stopped_summary_read_in_hindi_without_english_words(code: str) -> None:
    values: dict[str, Any] = {
        "into": "fr", "method": "fast", "length": "huge", "form": "poem", "most": 50, "pair": "hi", "lang": "fr",
        "path": "/data/articles", "model": "org/model", "choices": ("en", "hi"), "known": ("en", "hi", "cross"),
    }  # fmt: skip
    english = catalog("en").templates[code]
    message = Message(code, **{key: value for key, value in values.items() if key in _fields(english)})
    hindi = render(message.code, message.values, "hi")
    left = USAGE_KEPT.sub("", KEPT_AS_TYPED.sub("", hindi))
    for value in sorted((v for v in message.values.values() if isinstance(v, str)), key=len, reverse=True):
        left = left.replace(repr(value), "").replace(value, "")
    assert not re.findall(r"[A-Za-z]{2,}", left), hindi


def test_a_stopped_summary_is_coded_and_keeps_what_was_written_through_pickling() -> None:
    from summarizers.engines.streaming import Part
    from summarizers.errors import GenerationStopped

    stopped = GenerationStopped("org/model", "half a sum", Part("org/model", 2, 3, 1))
    assert str(stopped) == "org/model: stopped while writing the summary"
    assert (stopped.reason.code, stopped.reason.values) == ("stopped.writing", {"model": "org/model"})
    copy = pickle.loads(pickle.dumps(stopped))
    assert (str(copy), copy.reason.code, copy.text, copy.part) == (
        str(stopped),
        "stopped.writing",
        "half a sum",
        stopped.part,
    )
