"""The Compare page read in the reader's language, through Streamlit's AppTest (offline: no cross-language model)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

TIMEOUT = 300


def _compare(reader: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / "compare.py"), default_timeout=TIMEOUT)
    app.run()
    next(radio for radio in app.radio if radio.label == "Read the summaries in").set_value(reader)
    next(button for button in app.button if button.label == "Compare").click().run()
    assert not app.exception, app.exception
    return app


def test_read_in_hindi_offline_shows_the_english_version_own_summary_with_a_warning() -> None:
    app = _compare("hi")
    english, hindi = app.session_state["comparison"]["sides"]
    (summary,) = english["summaries"]
    assert (summary["lang"], summary["source_lang"]) == ("en", "en")  # never English text labelled Hindi
    assert summary["notice"].startswith("No Hindi summary of the English text")
    assert any(warning.value.startswith("No Hindi summary of the English text") for warning in app.warning)
    assert [entry["lang"] for entry in hindi["summaries"]] == ["hi"]
    assert not any("No Hindi summary" in (entry["notice"] or "") for entry in hindi["summaries"])


def test_sentences_only_one_version_carries_link_to_their_marked_place() -> None:
    app = _compare("en")
    assert any(block.value == "What only one version says" for block in app.subheader)
    html = "\n".join(element.proto.body for element in app.get("html"))
    links = [part.split('"', 1)[0] for part in html.split('href="#')[1:]]
    for anchor in links:
        assert f'id="{anchor}"' in html  # each link has its target in the versions' text
    assert app.session_state["comparison_texts"]  # the text the marks are placed in


def test_notices_speak_plainly_and_keep_commands_under_details() -> None:
    app = _compare("en")
    notices = [element.value for element in [*app.info, *app.warning]]
    assert notices, "offline, each version's summary carries a notice"
    assert not any("python -m" in notice or "--model" in notice for notice in notices)
    assert any("python -m summarizers download" in caption.value for caption in app.caption)
    assert any(expander.label == "Details" for expander in app.expander)


def test_by_default_each_version_is_summarised_in_its_own_language_with_no_stand_in_notice() -> None:
    app = AppTest.from_file(str(ROOT / "pages" / "compare.py"), default_timeout=TIMEOUT)
    app.run()
    next(button for button in app.button if button.label == "Compare").click().run()
    assert not app.exception, app.exception
    assert app.session_state["comparison_reader"] is None
    for side in app.session_state["comparison"]["sides"]:
        assert [summary["lang"] for summary in side["summaries"]] == [side["language"]]
        assert not any("summary of the" in (summary["notice"] or "") for summary in side["summaries"])
    assert not app.warning
