"""The interface language a new session opens in, from its address (`?lang=`), through Streamlit's AppTest; the
browser's cookie is tested in a real browser (test_browser_reader_language.py)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from pages.language import PARAMETER
from pages.saved import LINK_PARAMETER
from tests.conftest import ROOT

TIMEOUT = 120


def _open(**parameters: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for name, value in parameters.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception, app.exception
    return app


def _interface(app: AppTest) -> str:
    return str(next(radio for radio in app.sidebar.radio if radio.key == "ui_language").value)


@pytest.mark.parametrize(("asked", "shown"), [("hi", "hi"), ("en", "en"), ("xx", "en"), ("<script>", "en")])
def test_the_address_names_the_language_a_new_session_opens_in(asked: str, shown: str) -> None:
    app = _open(**{PARAMETER: asked})
    assert _interface(app) == shown
    assert app.query_params.get(PARAMETER) == ("hi" if shown == "hi" else None)  # English needs none


def test_a_links_parameter_stays_beside_the_language() -> None:
    app = _open(**{PARAMETER: "hi", LINK_PARAMETER: "some-token"})
    assert _interface(app) == "hi"
    assert app.query_params[LINK_PARAMETER] == "some-token"
