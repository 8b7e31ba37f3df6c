"""What the pages share: cached models, the sample articles, model choices kept for the session, summarising with
progress. Not a page itself (app.py lists the pages)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import streamlit as st

from pages._views.highlight import STYLE
from pages._views.report import escape_markdown
from summarizers.documents.reading import Document, read_path
from summarizers.engines.base import Length
from summarizers.errors import SummarizerError
from summarizers.language.segment import analyse
from summarizers.pipeline import Options, Result, summarize
from summarizers.schema import result_json
from summarizers.text.languages import name

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"
SEED_TITLES = {
    "en_hi_putin_modi_talks_bilingual.txt": "Putin–Modi talks · English + Hindi",
    "en_modi_putin_call_after_alaska_summit.txt": "Modi–Putin call after the Alaska summit",
    "en_modi_putin_call_us_tariffs.txt": "Modi–Putin call amid US tariffs",
    "en_modi_moscow_visit_2024.txt": "Modi in Moscow, 2024 (with site menus)",
    "en_strategic_autonomy_markdown.md": "India's strategic autonomy (Markdown)",
}
OVERRIDES_KEY = "model_overrides"  # {lang: hub id or local directory}, chosen on the Models page
METHOD_LABELS = {"auto": "Auto", "abstractive": "Abstractive", "extractive": "Extractive"}
LENGTH_LABELS = {"short": "Short", "medium": "Medium", "long": "Long"}
# The summary language a reader can choose: None keeps each text's own language.
SUMMARY_LANGUAGES: tuple[str | None, ...] = (None, "en", "hi")
SUMMARY_LANGUAGE_LABELS = {None: "Same as the article", "en": "English", "hi": "Hindi"}


def seed_paths() -> list[Path]:
    known = [SEEDS_DIR / filename for filename in SEED_TITLES if (SEEDS_DIR / filename).is_file()]
    others = sorted(path for path in SEEDS_DIR.glob("*") if path.is_file() and path not in known)
    return known + others


def seed_title(path: Path) -> str:
    return SEED_TITLES.get(path.name, path.stem.replace("_", " "))


def read_seed(path: Path) -> Document:
    return replace(read_path(path), name=path.name)


def model_overrides() -> dict[str, str]:
    return dict(st.session_state.get(OVERRIDES_KEY, {}))


def use_styles() -> None:
    st.html(STYLE)


def plain(text: str) -> str:
    """User text shown through Markdown-rendering widgets, as text."""
    return escape_markdown(text)


def result_dict(document: Document, result: Result) -> dict[str, Any]:
    """A document's result as the session keeps it: strings, numbers and small dicts only."""
    return {"name": document.name, "text": document.text, **result_json(result)}


def summarize_with_status(
    documents: list[Document], method: str, length: Length, into: str | None = None
) -> list[dict[str, Any]]:
    """Summarise each document under an `st.status` that shows every slow stage as it starts; `into`: the summary
    language (None: each text's own)."""
    results: list[dict[str, Any]] = []
    label = f"Summarising {len(documents)} document{'s' if len(documents) != 1 else ''}…"
    with st.status(label, expanded=True) as status:
        for document in documents:
            status.write(f"**{plain(document.name)}**: detecting languages")
            try:
                analysis = analyse(document.text)
                languages = ", ".join(name(lang) for lang in analysis.shares())
                status.write(f"Found: {languages or 'no language'}")
                options = Options(method, length, model_overrides(), progress=status.write, into=into)
                result = summarize(document, options, analysis)
            except SummarizerError as error:
                results.append({"name": document.name, "text": document.text, "error": str(error)})
                status.write(f"**{plain(document.name)}**: failed ({plain(str(error))})")
                continue
            results.append(result_dict(document, result))
        failed = sum("error" in result for result in results)
        done = f"Summarised {len(results) - failed} of {len(results)} document{'s' if len(results) != 1 else ''}"
        status.update(label=done, state="error" if failed else "complete", expanded=False)
    return results
