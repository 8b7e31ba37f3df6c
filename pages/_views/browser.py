"""What the Summarize page does in the reader's browser, where Streamlit's widgets cannot: keep the draft being
typed, copy a summary with one click, and bring a new result into view.

The scripts are constant text (no user or model text inside them); what a button copies travels HTML-escaped in a
`data-copy` attribute. Each script runs when its element is drawn, and installs its listeners once per tab.
"""

from __future__ import annotations

import html
import json

PASTE_KEY = "pasted_text"  # the paste box's widget key: Streamlit marks its container `st-key-pasted_text`
RESULTS_ANCHOR = "saar-results"  # the Results heading's id
COMPARISON_KEY = "comparison_result"  # the Compare page's result container: Streamlit marks it `st-key-...`

# The paste box sends its text to the server only when it loses focus; a click on another page that lands before
# that is sent (a quick click, a tap) used to lose the draft. Every keystroke is kept in the tab's sessionStorage,
# and a box drawn empty while a draft is kept gets it back, sent on as if the reader had clicked away.
_DRAFT = """
(() => {
  const KEY = "saar:draft";
  const SELECTOR = ".st-key-PASTE_KEY textarea";
  if (!window.__saarDraft) {
    window.__saarDraft = true;
    document.addEventListener("input", (event) => {
      if (event.target instanceof HTMLTextAreaElement && event.target.matches(SELECTOR)) {
        sessionStorage.setItem(KEY, event.target.value);
      }
    }, true);
  }
  let tries = 0;
  const restore = () => {
    const box = document.querySelector(SELECTOR);
    if (!box) { if (tries++ < 50) setTimeout(restore, 100); return; }
    const draft = sessionStorage.getItem(KEY);
    if (!draft || box.value) return;
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set;
    setValue.call(box, draft);
    box.dispatchEvent(new Event("input", {bubbles: true}));
    // Sent once the box has redrawn with the text: its blur handler sends only what it has seen typed.
    setTimeout(() => box.dispatchEvent(new FocusEvent("focusout", {bubbles: true})), 100);
  };
  restore();
})();
""".replace("PASTE_KEY", PASTE_KEY)

# One listener for every copy button: the Clipboard API where the page is a secure context (https, localhost),
# else a selected hidden text box and execCommand("copy"), which plain http on a local network still allows.
_COPY = """
(() => {
  if (window.__saarCopy) return;
  window.__saarCopy = true;
  const fallback = (text) => {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { return document.execCommand("copy"); } finally { area.remove(); }
  };
  document.addEventListener("click", async (event) => {
    const button = event.target instanceof Element ? event.target.closest("button.saar-copy") : null;
    if (!button) return;
    const text = button.dataset.copy || "";
    let copied = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        copied = true;
      }
    } catch (error) { copied = false; }
    if (!copied) copied = fallback(text);
    if (!copied) return;
    // The accessible name changes with the words shown, so a screen reader hears "Copied" too.
    const label = button.querySelector(".saar-copy-label");
    const [before, name] = [label.textContent, button.getAttribute("aria-label")];
    label.textContent = button.dataset.done;
    button.setAttribute("aria-label", button.dataset.done);
    button.classList.add("saar-copied");
    setTimeout(() => {
      label.textContent = before;
      button.setAttribute("aria-label", name);
      button.classList.remove("saar-copied");
    }, 2000);
  });
})();
"""

_COPY_STYLE = """
button.saar-copy {
  font: inherit; font-size: 0.875rem; line-height: 1.6; cursor: pointer;
  padding: 0.25rem 0.75rem; border-radius: 0.5rem;
  border: 1px solid rgba(49, 51, 63, 0.2); background: #fff; color: #31333f;
}
button.saar-copy:hover, button.saar-copy:focus-visible { border-color: #b4441a; color: #b4441a; }
button.saar-copy.saar-copied { border-color: #177233; color: #177233; }
"""


def page_scripts_html() -> str:
    """The Summarize page's listener: the draft keeper."""
    return f"<script>{_DRAFT}</script>"


def copy_scripts_html() -> str:
    """The copy buttons' look and handler, for every page: a summary is drawn with its copy button on Summarize,
    Compare, History and a shared link's page alike."""
    return f"<style>{_COPY_STYLE}</style><script>{_COPY}</script>"


def copy_button_html(text: str, label: str, done: str, help_text: str) -> str:
    """A button that copies `text` (a summary) to the clipboard, saying `done` for a moment when it has."""
    return (
        f'<button type="button" class="saar-copy" data-copy="{html.escape(text)}" data-done="{html.escape(done)}" '
        f'title="{html.escape(help_text)}" aria-label="{html.escape(help_text)}">'
        f'<span aria-hidden="true">📋</span> <span class="saar-copy-label">{html.escape(label)}</span></button>'
    )


def scroll_into_view_html(run_id: str, selector: str = f"#{RESULTS_ANCHOR}") -> str:
    """Brings the result (the Results heading, or the element `selector` finds) to the top of the screen once, after
    the run `run_id` made it: on a phone the form fills the first screen, and a result drawn below it went unseen.
    Drawn again only for a new run. `selector` is the page's own constant, never user text."""
    script = f"""
(() => {{
  const run = {json.dumps(run_id)};
  if (window.__saarShown === run) return;
  window.__saarShown = run;
  let tries = 0;
  const show = () => {{
    const target = document.querySelector({json.dumps(selector)});
    if (!target) {{ if (tries++ < 50) setTimeout(show, 100); return; }}
    // Below the app's top bar: a heading has its own margin for it, a container none.
    if (getComputedStyle(target).scrollMarginTop === "0px") target.style.scrollMarginTop = "4rem";
    target.scrollIntoView({{block: "start", behavior: "instant"}});
  }};
  requestAnimationFrame(show);
}})();
"""
    return f"<script>{script}</script>"


def comparison_into_view_html(run_id: str) -> str:
    """`scroll_into_view_html` for the Compare page's result, drawn in the container keyed `COMPARISON_KEY`."""
    return scroll_into_view_html(run_id, f".st-key-{COMPARISON_KEY}")
