"""Words of the Summarize page's input list, copy buttons and link notice: one table per language, kept apart from
`wording.LABELS` so that they can move into the per-language catalogs as they are. `pages.common.t` reads them."""

from __future__ import annotations

INPUT_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "inputs_heading": "To summarise",
        "inputs_help": "Summarize reads what is ticked here, in this order. Untick what should not be read.",
        "input_pasted": "Pasted text · {count:,} characters",
        "input_file": "{name} · {size}",
        "input_link": "Link · {url}",
        "remove_file": "Remove",
        "remove_file_help": "Remove {name} from the files to summarise",
        "nothing_ticked": "Nothing is ticked under “To summarise”.",
        "copy_button": "Copy",
        "copied": "Copied",
        "copy_help": "Copy this summary",
        "junk_link": "This is a link, not an article. To summarise the page it points to, paste the link under "
        "By link.",
        "bytes_kb": "{size:,.0f} KB",
        "bytes_mb": "{size:,.1f} MB",
    },
    "hi": {
        "inputs_heading": "सारांश के लिए",
        "inputs_help": "“सारांश बनाएँ” यहाँ चुनी गई चीज़ें इसी क्रम में पढ़ता है। जो नहीं पढ़ना है, उसका निशान हटाएँ।",
        "input_pasted": "चिपकाया गया पाठ · {count:,} अक्षर",
        "input_file": "{name} · {size}",
        "input_link": "लिंक · {url}",
        "remove_file": "हटाएँ",
        "remove_file_help": "{name} को सारांश की फ़ाइलों से हटाएँ",
        "nothing_ticked": "“सारांश के लिए” में कुछ भी चुना नहीं गया है।",
        "copy_button": "कॉपी करें",
        "copied": "कॉपी हो गया",
        "copy_help": "यह सारांश कॉपी करें",
        "junk_link": "यह लेख नहीं, एक लिंक है। जिस पेज का यह लिंक है, उसका सारांश बनाने के लिए लिंक “लिंक से” में चिपकाएँ।",
        "bytes_kb": "{size:,.0f} KB",
        "bytes_mb": "{size:,.1f} MB",
    },
}


def input_word(key: str, ui: str = "en") -> str:
    """The word for `key` in the interface language, English where Hindi lacks it."""
    return INPUT_WORDS.get(ui, INPUT_WORDS["en"]).get(key) or INPUT_WORDS["en"][key]
