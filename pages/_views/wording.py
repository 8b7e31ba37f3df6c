"""Words the pages show: notices in plain language (commands and internals go to a collapsed "Details"), titles
from a document's first line, and the interface labels in English and Hindi."""

from __future__ import annotations

import re

MODEL_DETAIL = re.compile(r"\s*\(.*\)\s*$")  # "saar-extractive (TF-IDF centrality + position prior)"
TECHNICAL = ("`", "--model", "python -m", "SAAR_", "HF_", "window")
TITLE_CHARS = 90


def short_model(model: str | None) -> str:
    """The model's name without the parenthesised description of how it works (that goes in Details)."""
    return MODEL_DETAIL.sub("", model or "") or "no model"


def plain_notice(notice: str) -> tuple[str, str | None]:
    """(what a reader is told, the full technical text for Details or None when the plain text is all of it)."""
    across = re.match(r"(No \w+ summary of the \w+ text): .*(Showing the \w+ summary instead\.)", notice, re.S)
    if across:
        return f"{across.group(1)} here (see Details). {across.group(2)}", notice
    if "not downloaded" in notice and "extractive" in notice:
        return "Working offline: showing key sentences from the article.", notice
    if "could not be used" in notice and "extractive" in notice:
        return "The writing model could not be used here: showing key sentences from the article.", notice
    if "summarised in" in notice and "parts" in notice:
        parts = re.search(r"in (\d+) parts", notice)
        count = parts.group(1) if parts else "several"
        return f"The article was long: summarised in {count} parts, then combined.", notice
    if "is not summarised" in notice:
        language = notice.split(" (", 1)[0]
        return f"{language} text is not summarised: Saar summarises English and Hindi.", notice
    if any(word in notice for word in TECHNICAL):
        first = re.split(r"(?<=[.:;])\s", notice, maxsplit=1)[0].rstrip(":;")
        return first if first.endswith(".") else first + ".", notice
    return notice, None


def document_title(text: str, fallback: str) -> str:
    """A heading for a document: its first line of text (a headline, usually), shortened at a word."""
    for line in text.splitlines():
        line = " ".join(line.strip().lstrip("#").split())
        if sum(ch.isalpha() for ch in line) >= 3:
            if len(line) <= TITLE_CHARS:
                return line.rstrip(".")
            cut = line[:TITLE_CHARS].rsplit(" ", 1)[0]
            return cut.rstrip(",;:") + "…"
    return fallback


LABELS: dict[str, dict[str, str]] = {
    "en": {
        "summarize_title": "Summarize",
        "summarize_caption": "English and Hindi news summarised side by side, each summary sentence linked to where "
        "it comes from.",
        "paste_tab": "Paste text",
        "upload_tab": "Upload files",
        "link_tab": "By link",
        "paste_label": "Paste an article",
        "paste_placeholder": "Paste English, Hindi or mixed text here",
        "upload_label": "Upload files",
        "link_label": "Link to a news article",
        "method": "Method",
        "length": "Length",
        "count": "Sentences",
        "share": "Share of the article (%)",
        "form": "Form",
        "summarize_button": "Summarize",
        "samples": "Or try a sample article:",
        "results": "Results",
        "history": "History",
        "copy": "Copy the summary",
        "details": "Details",
        "source_text": "Source text",
        "interface": "Interface language",
        "nothing": "Paste some text, upload a file, give a link or pick a sample article first.",
    },
    "hi": {
        "summarize_title": "सारांश",
        "summarize_caption": "अंग्रेज़ी और हिन्दी समाचारों का सारांश, हर वाक्य के स्रोत के साथ।",
        "paste_tab": "पाठ चिपकाएँ",
        "upload_tab": "फ़ाइलें अपलोड करें",
        "link_tab": "लिंक से",
        "paste_label": "लेख चिपकाएँ",
        "paste_placeholder": "अंग्रेज़ी, हिन्दी या मिला-जुला पाठ यहाँ चिपकाएँ",
        "upload_label": "फ़ाइलें अपलोड करें",
        "link_label": "समाचार लेख का लिंक",
        "method": "तरीका",
        "length": "लंबाई",
        "count": "वाक्य",
        "share": "लेख का हिस्सा (%)",
        "form": "रूप",
        "summarize_button": "सारांश बनाएँ",
        "samples": "या कोई नमूना लेख आज़माएँ:",
        "results": "परिणाम",
        "history": "इतिहास",
        "copy": "सारांश कॉपी करें",
        "details": "विवरण",
        "source_text": "मूल पाठ",
        "interface": "इंटरफ़ेस की भाषा",
        "nothing": "पहले कुछ पाठ चिपकाएँ, फ़ाइल अपलोड करें, लिंक दें या नमूना लेख चुनें।",
    },
}
OPTION_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "auto": "Auto",
        "abstractive": "Abstractive",
        "extractive": "Extractive",
        "short": "Short",
        "medium": "Medium",
        "long": "Long",
        "sentences": "Number of sentences",
        "share": "Share of the article",
        "paragraph": "Paragraph",
        "bullets": "Bullet points",
    },
    "hi": {
        "auto": "स्वचालित",
        "abstractive": "नया लेखन (Abstractive)",
        "extractive": "मुख्य वाक्य (Extractive)",
        "short": "छोटा",
        "medium": "मध्यम",
        "long": "लंबा",
        "sentences": "वाक्यों की संख्या",
        "share": "लेख का हिस्सा",
        "paragraph": "अनुच्छेद",
        "bullets": "बिंदु",
    },
}


def label(key: str, lang: str = "en") -> str:
    return LABELS.get(lang, LABELS["en"]).get(key, LABELS["en"][key])


def option_label(key: str, lang: str = "en") -> str:
    return OPTION_LABELS.get(lang, OPTION_LABELS["en"]).get(key, key)
