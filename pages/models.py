"""Models: which model serves each language, whether it is here, its size, licence and device; download or point
to a local copy."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import streamlit as st

from pages._views.report import escape_markdown
from pages._views.wording import language_name, model_text, progress_writer, reason_text
from pages.common import OVERRIDES_KEY, model_overrides, t, ui_language
from summarizers import models, settings
from summarizers.engines.extractive import MODEL as EXTRACTIVE_MODEL
from summarizers.errors import ModelError
from summarizers.messages import Message
from summarizers.models import ALTERNATIVES, CROSS_LANGUAGE, ModelSpec, spec_for
from summarizers.text.language_names import SUMMARISED

HUB_HOST = ("huggingface.co", 443)
FACT_HEADINGS = ("models_weights", "models_size", "models_licence", "models_device")
ENGINE_VARIABLES = "SAAR_BACKEND, SAAR_CT2_QUANTIZATION, SAAR_CT2_THREADS, SAAR_VOCABULARY_FILTER, SAAR_RESULT_CACHE"


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
def gpu_name() -> str | None:
    import torch

    return torch.cuda.get_device_name(0) if torch.cuda.is_available() else None


def device_description() -> str:
    gpu = gpu_name()
    return t("models_gpu").format(gpu=gpu) if gpu else t("models_cores").format(count=os.cpu_count())


def engine_settings() -> str:
    """How generation runs here, in one line (the settings come from the environment the app started with)."""
    generation = models.generation()
    if generation.backend == "transformers" or not generation.converts:
        engine = t("models_plain")
    else:
        engine = t("models_ct2").format(quantization=generation.quantization, folder=generation.converted_folder)
    vocabulary = t("models_on") if settings.vocabulary_filter() else t("models_whole_vocabulary")
    capacity = settings.result_cache_capacity()
    cache = t("models_cache").format(count=capacity) if capacity else t("models_off")
    return t("models_engine").format(engine=engine, vocabulary=vocabulary, cache=cache, variables=ENGINE_VARIABLES)


def _error_markdown(error: ModelError) -> str:
    """A model error in the reader's language, for a Markdown-rendering widget: its values (a typed path, a model's
    name) escaped, so they read as typed; the wording's own code spans (a file's name) stay code."""
    values = {
        key: escape_markdown(value) if isinstance(value, str) else value for key, value in error.reason.values.items()
    }
    return reason_text(Message(error.reason.code, **values), ui_language())


def _apply_override(lang: str, target: str) -> None:
    overrides = model_overrides()
    target = target.strip()
    if not target:
        overrides.pop(lang, None)
    else:
        overrides[lang] = target
    st.session_state[OVERRIDES_KEY] = overrides


def _model_card(lang: str, spec: ModelSpec, online: bool) -> None:
    """A model's card: a language's summariser, or (`lang` "cross") the one writing a summary in the other language."""
    downloaded = models.is_downloaded(spec)
    local = models.is_local(spec.model_id)
    cross = lang == CROSS_LANGUAGE
    language = t("models_cross") if cross else language_name(lang, ui_language())
    with st.container(border=True):
        st.markdown(f"### {language}")
        model_id = spec.model_id.replace("`", "")  # shown in a code span, where Markdown escapes do not apply
        st.markdown(f"`{model_id}`" + (f" · [{t('models_card')}]({spec.card})" if spec.card else ""))
        # A table, not st.metric: metric values are cut off at the column width ("Not downlo…").
        size = t("models_megabytes").format(size=f"{spec.download_mb:,}") if spec.download_mb else "—"
        status = t("models_ready") if downloaded else t("models_missing")
        cells = (status, size, spec.licence.split(" (")[0], device_description())
        headings = [t(heading) for heading in FACT_HEADINGS]
        st.markdown(
            f"| {' | '.join(headings)} |\n|{'---|' * len(headings)}\n"
            f"| {' | '.join(escape_markdown(cell) for cell in cells)} |"
        )
        if not spec.commercial_use:
            # The licence's name only: the warning itself says, in the interface language, what it forbids.
            licence = spec.licence.split(" (")[0]
            st.warning(t("models_noncommercial").format(model=spec.model_id, licence=licence), icon="⚠️")
        st.caption(t("models_window").format(tokens=spec.max_input_tokens, beams=spec.num_beams))
        if not downloaded:
            until = t("models_cross_until") if cross else t("models_until")
            st.caption(until.format(language=language, model=model_text(EXTRACTIVE_MODEL, ui_language())))
        if not local:
            disabled = downloaded or not online
            button = t("models_cross_download") if cross else t("models_download").format(language=language)
            if st.button(button, key=f"download-{lang}", disabled=disabled, type="primary"):
                with st.status(t("models_downloading").format(model=spec.model_id), expanded=True) as progress:
                    try:
                        models.download(spec, progress=progress_writer(progress.write, ui_language()))
                        progress.update(label=t("models_downloaded").format(model=spec.model_id), state="complete")
                    except ModelError as error:
                        why = _error_markdown(error)
                        progress.update(label=t("models_download_failed").format(error=why), state="error")
            st.caption(t("models_terminal").format(command=f"`python -m summarizers download {lang}`"))
        # Applied by its button only: Enter to submit would have Streamlit write "Press Enter to submit form" under
        # the field, in English whatever the interface language, with no setting to word it.
        with st.form(f"local-{lang}", enter_to_submit=False):
            target = st.text_input(
                t("models_other"),
                value=model_overrides().get(lang, ""),
                placeholder=t("models_other_placeholder"),
                help=t("models_other_help").format(flag=f"--model {lang}=…", variable=f"SAAR_MODEL_{lang.upper()}"),
            )
            if st.form_submit_button(t("models_apply")):
                try:
                    if target.strip() and models.looks_like_path(target.strip()):
                        models.check_directory(Path(target.strip()).expanduser())
                except ModelError as error:
                    st.error(_error_markdown(error))
                else:
                    _apply_override(lang, target)
                    st.rerun()
        for alternative in ALTERNATIVES.get(lang, ()):
            size = f"{alternative.download_mb:,}"
            model = f"`{alternative.model_id}`"
            st.caption(t("models_alternative").format(model=model, licence=alternative.licence, size=size))


st.title(t("models_title"))
st.caption(t("models_caption"))
online = hub_reachable()
if not online:
    reason = t("models_offline_set") if settings.hub_offline() else t("models_unreachable")
    st.info(t("models_offline").format(reason=reason), icon="📴")
for language in (*SUMMARISED, CROSS_LANGUAGE):
    chosen = spec_for(language, model_overrides())
    if chosen is not None:
        _model_card(language, chosen, online)
st.caption(engine_settings())
