"""The Models page in Hindi through Streamlit's AppTest: every text it writes is Hindi apart from model and licence
names, commands, settings and folders set as code; a model directory that cannot be used is refused in Hindi."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from pages._views.report import escape_markdown
from pages._views.wording import summary_notices
from pages.common import KEPT_PREFIX, UI_LANGUAGE_KEY
from summarizers.documents.reading import read_path
from summarizers.models import ALTERNATIVES, CROSS_LANGUAGE, spec_for
from summarizers.pipeline import Options, summarize
from summarizers.schema import result_json
from tests.conftest import ROOT

TIMEOUT = 120
# Left as written: code spans (commands, settings, folders), links' addresses, model names and licence names, the
# extractive engine's name and the fast engine's (CTranslate2).
CODE_AND_LINKS = re.compile(r"`[^`]*`|\]\([^)]*\)")
ENGINE_NAMES = ("saar-extractive", "CTranslate2")


def _hindi_models_page() -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / "models.py"), default_timeout=TIMEOUT)
    app.session_state[KEPT_PREFIX + UI_LANGUAGE_KEY] = "hi"
    app.run()
    assert not app.exception, app.exception
    return app


def _texts(app: AppTest) -> list[str]:
    texts = [element.value for kind in ("markdown", "caption", "warning", "info", "error", "title") for element in
             getattr(app, kind)]  # fmt: skip
    texts += [button.label for button in app.button]
    texts += [text for field in app.text_input for text in (field.label, field.placeholder, field.help or "")]
    return [str(text) for text in texts]


def _names() -> list[str]:
    specs = [spec_for(lang, {}) for lang in ("en", "hi", CROSS_LANGUAGE)]
    specs += [alternative for alternatives in ALTERNATIVES.values() for alternative in alternatives]
    names = [spec.model_id for spec in specs if spec is not None]
    names += [spec.licence.split(" (")[0] for spec in specs if spec is not None]
    return sorted({*names, *ENGINE_NAMES}, key=len, reverse=True)


def _english_words(text: str) -> list[str]:
    text = CODE_AND_LINKS.sub(" ", text)
    for name in _names():
        text = text.replace(name, " ")
    return re.findall(r"[A-Za-z]{2,}", text)


def test_the_models_page_in_hindi_writes_no_english_word() -> None:
    texts = _texts(_hindi_models_page())
    assert any(text.startswith("### हिन्दी") for text in texts)
    left = {text: _english_words(text) for text in texts}
    assert {text: words for text, words in left.items() if words} == {}


def test_the_check_finds_english_on_the_page() -> None:
    assert _english_words("Download size: 1,222 MB (`HF_HOME`), csebuetnlp/mT5_multilingual_XLSum") == [
        "Download", "size", "MB",
    ]  # fmt: skip


def test_a_model_directory_with_a_broken_config_is_refused_in_hindi(tmp_path: Path) -> None:
    broken = tmp_path / "broken-model"
    broken.mkdir()
    (broken / "config.json").write_text('{"model_type": "mt5", ', encoding="utf-8")
    app = _hindi_models_page()
    app.text_input[1].input(str(broken))
    [button for button in app.button if button.label == "लागू करें"][1].click().run()
    assert not app.exception, app.exception
    [error] = [error.value for error in app.error]
    typed = escape_markdown(str(broken))  # as typed: the page escapes it for Markdown
    assert error.startswith(f"{typed} के मॉडल की सेटिंग वाली फ़ाइल (`config.json`)")
    assert not _english_words(error.replace(typed, "")), error
    assert "model_overrides" not in app.session_state  # the broken directory is not used


def test_a_missing_model_directory_is_refused_in_hindi(tmp_path: Path) -> None:
    app = _hindi_models_page()
    app.text_input[0].input(str(tmp_path / "missing"))
    next(button for button in app.button if button.label == "लागू करें").click().run()
    typed = escape_markdown(str(tmp_path / "missing"))
    assert [error.value for error in app.error] == [f"मॉडल का फ़ोल्डर {typed} मौजूद नहीं है; दिया गया पता जाँचें"]


def test_a_summary_with_a_broken_model_tells_why_in_hindi(tmp_path: Path) -> None:
    """A summary asked of a broken English model, as the Summarize page shows it in Hindi (`summary_notices`: the
    notice under the summary, and in full under Details): key sentences instead, and the model's error in Hindi."""
    broken = tmp_path / "broken-model"
    broken.mkdir()
    (broken / "config.json").write_text('{"model_type": "bart", ', encoding="utf-8")
    document = read_path(ROOT / "seeds" / "en_modi_putin_call_us_tariffs.txt")
    [summary] = result_json(summarize(document, Options(models={"en": str(broken)})))["summaries"]
    assert summary["method"] == "extractive"
    [notice] = summary_notices(summary, "hi")
    assert notice.plain == "लिखने वाला मॉडल यहाँ इस्तेमाल नहीं हो सका: लेख के मुख्य वाक्य दिखाए जा रहे हैं।"
    assert notice.details is not None
    assert notice.details.startswith("अंग्रेज़ी मॉडल यहाँ इस्तेमाल नहीं हो सका")
    assert f"{broken} के मॉडल की सेटिंग वाली फ़ाइल (`config.json`) पढ़ी नहीं जा सकी" in notice.details
    assert not _english_words(notice.details.replace(str(broken), "")), notice.details
