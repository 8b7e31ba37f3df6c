"""Models: which model serves each language, whether it is here, its size, licence and device; download or point
to a local copy."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import streamlit as st

from pages._views.report import escape_markdown
from pages.common import OVERRIDES_KEY, model_overrides
from summarizers import settings
from summarizers.engines.abstractive import loading as models
from summarizers.engines.abstractive.backends import ctranslate2 as ctranslate2_backend
from summarizers.engines.abstractive.specs import ALTERNATIVES, ModelSpec, spec_for
from summarizers.engines.extractive import MODEL as EXTRACTIVE_MODEL
from summarizers.errors import ModelError
from summarizers.text.language_names import SUMMARISED, name

HUB_HOST = ("huggingface.co", 443)
FACT_HEADINGS = ("Weights", "Download size", "Licence", "Device")


@st.cache_data(ttl=60, show_spinner=False)
def hub_reachable() -> bool:
    if settings.hub_offline():
        return False
    try:
        with socket.create_connection(HUB_HOST, timeout=1.5):
            return True
    except OSError:
        return False


@st.cache_resource(show_spinner=False)
def device_description() -> str:
    import torch

    if torch.cuda.is_available():
        return f"GPU: {torch.cuda.get_device_name(0)}"
    return f"CPU ({os.cpu_count()} cores)"


def engine_settings() -> str:
    """How generation runs here, in one line (the settings come from the environment the app started with)."""
    backend = settings.backend()
    if backend == "transformers" or not ctranslate2_backend.available():
        engine = "plain transformers (float32)"
    else:
        engine = f"CTranslate2 ({settings.quantization()}), converted once into {ctranslate2_backend.cache_root()}"
    vocabulary = "on" if settings.vocabulary_filter() else "off (the whole vocabulary is scored)"
    capacity = settings.result_cache_capacity()
    cache = f"the last {capacity} summaries per model" if capacity else "off"
    return (
        f"Generation: {engine}. Hindi vocabulary filter: {vocabulary}. Result cache: {cache}. "
        "Change with SAAR_BACKEND, SAAR_CT2_QUANTIZATION, SAAR_CT2_THREADS, SAAR_VOCABULARY_FILTER, SAAR_RESULT_CACHE."
    )


def _apply_override(lang: str, target: str) -> None:
    overrides = model_overrides()
    target = target.strip()
    if not target:
        overrides.pop(lang, None)
    else:
        overrides[lang] = target
    st.session_state[OVERRIDES_KEY] = overrides


def _model_card(lang: str, spec: ModelSpec, online: bool) -> None:
    downloaded = models.is_downloaded(spec)
    local = models.is_local(spec.model_id)
    with st.container(border=True):
        st.markdown(f"### {name(lang)}")
        model_id = spec.model_id.replace("`", "")  # shown in a code span, where Markdown escapes do not apply
        st.markdown(f"`{model_id}`" + (f" · [model card]({spec.card})" if spec.card else ""))
        # A table, not st.metric: metric values are cut off at the column width ("Not downlo…").
        size = f"{spec.download_mb:,} MB" if spec.download_mb else "—"
        cells = ("Ready" if downloaded else "Not downloaded", size, spec.licence.split(" (")[0], device_description())
        st.markdown(
            f"| {' | '.join(FACT_HEADINGS)} |\n|{'---|' * len(FACT_HEADINGS)}\n"
            f"| {' | '.join(escape_markdown(cell) for cell in cells)} |"
        )
        if not spec.commercial_use:
            st.warning(f"{spec.model_id} is licensed {spec.licence}: do not use its summaries commercially.", icon="⚠️")
        st.caption(
            f"Input window {spec.max_input_tokens} tokens (longer text is summarised in parts), beams {spec.num_beams}."
        )
        if not downloaded:
            st.caption(f"Until it is here, {name(lang)} summaries are extractive ({EXTRACTIVE_MODEL}), and say so.")
        if not local:
            disabled = downloaded or not online
            if st.button(f"Download {name(lang)} model", key=f"download-{lang}", disabled=disabled, type="primary"):
                with st.status(f"Downloading {spec.model_id}…", expanded=True) as status:
                    try:
                        models.download(spec, progress=status.write)
                        status.update(label=f"{spec.model_id} downloaded", state="complete")
                    except ModelError as error:
                        status.update(label=f"Download failed: {error}", state="error")
            st.caption(f"From a terminal: `python -m summarizers download {lang}`")
        with st.form(f"local-{lang}"):
            target = st.text_input(
                "Use another model: a local directory or a hub id",
                value=model_overrides().get(lang, ""),
                placeholder="/path/to/saved/model  or  organisation/model-name",
                help=f"The same as --model {lang}=… on the command line or SAAR_MODEL_{lang.upper()} in the "
                "environment. Leave empty for the default.",
            )
            if st.form_submit_button("Apply"):
                try:
                    if target.strip() and models.looks_like_path(target.strip()):
                        models.check_directory(Path(target.strip()).expanduser())
                except ModelError as error:
                    st.error(str(error))
                else:
                    _apply_override(lang, target)
                    st.rerun()
        for alternative in ALTERNATIVES.get(lang, ()):
            st.caption(
                f"Alternative: `{alternative.model_id}` ({alternative.licence}, about {alternative.download_mb:,} MB)."
            )


st.title("Models")
st.caption("Abstractive summaries need a model per language; without one, Saar picks key sentences instead.")
online = hub_reachable()
if not online:
    reason = "HF_HUB_OFFLINE is set" if settings.hub_offline() else "huggingface.co cannot be reached"
    st.info(
        f"Offline ({reason}): models cannot be downloaded from here. Copy a saved model onto this machine and point "
        "to its directory below, or download on a connected machine into the Hugging Face cache (HF_HOME).",
        icon="📴",
    )
for language in SUMMARISED:
    chosen = spec_for(language, model_overrides())
    if chosen is not None:
        _model_card(language, chosen, online)
st.caption(engine_settings())
