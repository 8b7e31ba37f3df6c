"""Words the pages show: notices in plain language (commands and internals go to a collapsed "Details"), titles
from a document's first line, and the interface labels in English and Hindi."""

from __future__ import annotations

import re

from summarizers.attribution.checkers import OTHER_VERSION_WORDING
from summarizers.text.language_names import name

MODEL_DETAIL = re.compile(r"\s*\(.*\)\s*$")  # "saar-extractive (TF-IDF centrality + position prior)"
TECHNICAL = ("`", "--model", "python -m", "SAAR_", "HF_", "window")
TITLE_CHARS = 90


def short_model(model: str | None, ui: str = "en") -> str:
    """The model's name without the parenthesised description of how it works (that goes in Details)."""
    return MODEL_DETAIL.sub("", model or "") or label("no_model", ui)


def plain_notice(notice: str, ui: str = "en") -> tuple[str, str | None]:
    """(what a reader is told, the full technical text for Details or None when the plain text is all of it). The
    plain sentences this writes are in the interface language; the library's own words stay as it wrote them."""
    across = re.match(r"No (\w+) summary of the (\w+) text: .*Showing the \w+ summary instead\.", notice, re.S)
    if across:
        into, source = (_named_language(group, ui) for group in across.groups())
        return label("notice_across", ui).format(into=into, source=source), notice
    if "not downloaded" in notice and "extractive" in notice:
        return label("notice_offline", ui), notice
    if "could not be used" in notice and "extractive" in notice:
        return label("notice_no_model", ui), notice
    if "summarised in" in notice and "parts" in notice:
        parts = re.search(r"in (\d+) parts", notice)
        count = parts.group(1) if parts else label("notice_several", ui)
        return label("notice_parts", ui).format(count=count), notice
    if "is not summarised" in notice:
        language = _named_language(notice.split(" (", 1)[0], ui)
        return label("notice_unsupported", ui).format(language=language), notice
    for pattern, key in DOCUMENT_NOTICES:
        found = pattern.fullmatch(notice)
        if found:
            values = found.groupdict()
            if "language" in values:
                values["language"] = _named_language(values["language"], ui)
            return label(key, ui).format(**values), None
    if any(word in notice for word in TECHNICAL):
        first = re.split(r"(?<=[.:;])\s", notice, maxsplit=1)[0].rstrip(":;")
        return first if first.endswith(".") else first + ".", notice
    return notice, None


# The library's notices about a whole document, read in the interface language (they carry no command).
DOCUMENT_NOTICES = (
    (re.compile(r"The (?P<language>.+?) part is too short to summarise \((?P<letters>\d+) letters\)\."),
     "notice_part_short"),
    (re.compile(r"The text is very short \((?P<letters>\d+) letters\).*"), "notice_text_short"),
    (re.compile(r"Some text is in no language that could be told.*"), "notice_undetermined"),
    (re.compile(r"Nothing to summarise: .*"), "notice_nothing"),
)  # fmt: skip

# A checker's reasons, as the library words them about "the source" (Compare's read "the other version" instead:
# `about_other_version`), each with its Hindi; {place} is where the sentence was sought, in the oblique case.
_REASONS_HI = (
    (r"date (.+) is not in the source", "तारीख़ {0} {place} में नहीं है"),
    (r"name (.+) not in the source", "नाम {0} {place} में नहीं है"),
    (r"“(.+)” where the source has “(.+)”", "{place} में “{1}” है, यहाँ “{0}”"),
    (r"words? not in the source: (.+)", "{place} में न मिले शब्द: {0}"),
    (
        r"its closest source sentences differ from it on a negation \(not, no, never\)",
        "{place} के इससे सबसे मिलते वाक्यों और इसमें निषेध (नहीं, न, कभी नहीं) का अंतर है",
    ),
    (r"little of its wording is found in the source", "इसके शब्दों में से कम ही {place} में मिलते हैं"),
    (r"it joins statements from far-apart places in the source", "यह {place} में दूर-दूर कही गई बातों को जोड़ता है"),
    (r"“(.+)” and “(.+)” are never stated together in the source", "{place} में “{0}” और “{1}” कभी एक साथ नहीं कहे गए"),
    (
        r"its words do not come together in any one or two source sentences",
        "इसके शब्द {place} के किसी एक या दो वाक्यों में एक साथ नहीं आते",
    ),
    (
        r"nothing in it \(numbers, dates, names\) could be compared with the source",
        "इसमें ऐसा कुछ (संख्या, तारीख़, नाम) नहीं जिसे {place} से मिलाया जा सके",
    ),
    (r"no source sentence aligns with it", "{place} का कोई वाक्य इससे मेल नहीं खाता"),
    (
        r"its closest source sentences contradict it \(entailment ([\d.]+), contradiction ([\d.]+)\)",
        "{place} के इससे सबसे मिलते वाक्य इसका खंडन करते हैं (समर्थन {0}, खंडन {1})",
    ),
    (
        r"its closest source sentences do not imply it \(entailment ([\d.]+), contradiction ([\d.]+)\)",
        "{place} के इससे सबसे मिलते वाक्य इसकी पुष्टि नहीं करते (समर्थन {0}, खंडन {1})",
    ),
    (r"(.+) is not in the source", "{0} {place} में नहीं है"),
)
REASONS_HI = tuple((re.compile(pattern), hindi) for pattern, hindi in _REASONS_HI)
# Where a sentence was sought, in the oblique case: the source, the other version (Compare), or the source in the
# other language (a cross-language check).
PLACES_HI = {"the source": "स्रोत", "the other version": "दूसरे संस्करण", "the other-language source": "दूसरी भाषा के स्रोत"}
OTHER_LANGUAGE_SOURCE = "the other-language source"


def reason_text(reason: str, ui: str = "en") -> str:
    """A checker's reason for a flag, in the interface language; one the table does not know stays as written."""
    if ui != "hi":
        return reason
    place = "the source"
    if OTHER_LANGUAGE_SOURCE in reason:
        reason, place = reason.replace(OTHER_LANGUAGE_SOURCE, "the source"), OTHER_LANGUAGE_SOURCE
    elif "the other version" in reason:  # read back into the source form the patterns above are written in
        place = "the other version"
        for source_form, other_form in OTHER_VERSION_WORDING:
            if source_form != OTHER_LANGUAGE_SOURCE:  # read back as plain "the source"
                reason = reason.replace(other_form, source_form)
    for pattern, hindi in REASONS_HI:
        found = pattern.fullmatch(reason)
        if found:
            return hindi.format(*found.groups(), place=PLACES_HI[place])
    return reason


def comparison_note(note: str, ui: str = "en") -> str:
    """A note of the facts comparison (how names are read), in the interface language."""
    return label("compare_names_note", ui) if note.startswith("Names are read from capitalised words") else note


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
        "pasted_name": "Pasted text",
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
        "sample_again": "Nothing pasted, uploaded or linked: Summarize summarises the sample “{title}” again, with "
        "the settings above.",
        "results": "Results",
        "history": "History",
        "copy": "Copy the summary",
        "details": "Details",
        "source_text": "Source text",
        "interface": "Interface language",
        "nothing": "Paste some text, upload a file, give a link or pick a sample article first.",
        "sidebar_tagline": "**Saar · सार**: the gist of English and Hindi news.",
        "upload_help": "Text, Markdown, HTML, PDF or Word files, up to 20 MB each. Several at once are summarised one "
        "by one.",
        "link_caption": "The page is fetched and its article text kept; menus, adverts and comments are left out.",
        "link_fetching": "Fetching the page…",
        "method_help": "Auto and Abstractive write a new summary with a model where one is installed; otherwise they "
        "show key sentences from the article, and say so. Extractive always shows key sentences.",
        "into": "Summary language",
        "into_same": "Same as the article",
        "into_help": "English or Hindi summaries of every text, written by a cross-language model where it is "
        "installed; without it, each text's own-language summary with a notice.",
        "stop": "Stop",
        "stop_help": "Stop writing the summary; what is written so far stays.",
        "document_one": "document",
        "document_many": "documents",
        "status_running": "Summarising {count} {documents}…",
        "status_done": "Summarised {done} of {count} {documents}",
        "status_failed": " · {failed} could not be summarised",
        "junk_links": "This is a list of links, not an article. To summarise a web page, paste its address under By "
        "link.",
        "junk_html": "This looks like the HTML source of a web page, not its article. Paste the article's text, or "
        "paste the page's address under By link.",
        "stopped_warning": "Stopped before the summary was finished. Below is what had been written so far: it is not "
        "a summary of the whole article, it has not been checked against it, and it is not kept in History. Your text "
        "and settings are as you left them; press Summarize to start again.",
        "live_part": "writing part {index} of {total} of the article",
        "live_combining": "combining the parts: {index} of {total}",
        "live_checking": "checking it against the article…",
        "live_complete": "complete, not checked",
        "live_stopped": "stopped",
        "live_nothing": "Nothing had been written yet.",
        "download_markdown": "⬇ Markdown",
        "download_word": "⬇ Word",
        "download_json": "⬇ JSON",
        "document_choice": "Document ({count} in all)",
        "language_heading": "Language",
        "pick_sentence": "Show where a summary sentence comes from",
        "pick_help": "Pick a sentence to outline its sources in the text below.",
        "no_source": "{sentence} has no source in the text.",
        "source_caption": "Each summary sentence's source is highlighted in its colour. Grey struck-through text is "
        "page furniture (menus, share buttons) left out of the summaries.",
        "supports": "supports summary sentence {sentences}",
        "ignored": "ignored: {reason}",
        "reason_page_chrome": "page chrome",
        "reason_repeated_title": "repeated title",
        "reason_repeated_line": "repeated line",
        "not_checked": "Not checked: nothing in it could be compared with the source.",
        "no_model": "no model",
        "no_method": "none",
        "picked_source": "Source of the picked sentence: characters {start}–{end} · match {score}",
        "language_runs": "Language runs",
        "runs_language": "language",
        "runs_characters": "characters",
        "runs_ignored": "ignored",
        "runs_text": "text",
        "notice_offline": "Working offline: showing key sentences from the article.",
        "notice_no_model": "The writing model could not be used here: showing key sentences from the article.",
        "notice_parts": "The article was long: summarised in {count} parts, then combined.",
        "notice_several": "several",
        "notice_part_short": "The {language} part is too short to summarise ({letters} letters).",
        "notice_text_short": "The text is very short ({letters} letters), so there is little to summarise: paste the "
        "whole article for a summary.",
        "notice_undetermined": "Some text is in no language that could be told (symbols, numbers or an unknown "
        "script).",
        "notice_nothing": "Nothing to summarise: the document has no article text (only page menus, links or symbols).",
        "notice_across": "No {into} summary of the {source} text here (see Details). Showing the {source} summary "
        "instead.",
        "notice_unsupported": "{language} text is not summarised: Saar summarises English and Hindi.",
        # Compare versions
        "compare_title": "Compare versions",
        "compare_caption": "Two versions of one story, read in your language: each version's summary side by side, "
        "the numbers, dates and names both state or only one does, and what only one version says, with a link to "
        "its place.",
        "compare_mode": "What to compare",
        "compare_mode_one": "Language versions in one document",
        "compare_mode_two": "Two documents",
        "compare_mode_help": "Seed articles often carry an English article and its Hindi version in one file.",
        "compare_document": "Document",
        "compare_first": "First document",
        "compare_second": "Second document",
        "compare_text_both": "Text with an English and a Hindi version",
        "compare_first_text": "First text",
        "compare_second_text": "Second text",
        "compare_sample": "Sample: {title}",
        "compare_summarized": "Summarized: {name}",
        "compare_paste": "Paste text…",
        "compare_pasted": "Pasted text",
        "compare_names_note": "Names are read from capitalised words, so a name that appears only in the text "
        "without capitals (Hindi) cannot be listed; names it shares with the other text are matched by "
        "transliteration.",
        "compare_read_in": "Read the summaries in",
        "compare_reader_own": "Each version's own language",
        "compare_reader_help": "A version in another language is summarised in yours by the cross-language model "
        "where it is installed; without it, its own-language summary is shown, with a notice.",
        "compare_button": "Compare",
        "compare_paste_first": "Paste the text to compare first.",
        "compare_not_both": "{name} does not hold both an English and a Hindi version. Choose “Two documents” to "
        "compare it with another article.",
        "compare_choose_both": "Choose or paste both documents first.",
        "compare_running": "Comparing…",
        "compare_done": "Compared",
        "compare_failed": "Could not compare: {error}",
        "compare_nothing_to_check": "– nothing to check against the other version",
        "compare_supported": "✓ the other version says this too",
        "compare_other_version": "the other version",
        "compare_read_as": " · read in {language}",
        "compare_side_caption": "{title} · language: {language}",
        "compare_facts": "Facts: numbers, dates and names",
        "compare_in_both": "In both ({count})",
        "compare_only_in": "Only in {label} ({count})",
        "compare_kind": "kind",
        "compare_fact": "text",
        "compare_only_one": "What only one version says",
        "compare_all_supported": "Every summary sentence that could be checked is supported by the other version.",
        "compare_texts": "The versions' text",
        "compare_marked": "Marked: the source of each sentence above; its link leads here.",
        "compare_unmarked": "Nothing is marked: no summary sentence was found missing from the other version.",
        "compare_none": "None",
        # History
        "history_empty": "Nothing summarised yet in this session. Summaries you make are kept here until you close "
        "the page.",
        "history_failed": "{created} · could not be summarised: {error}",
        "history_no_summary": "no summary",
        "history_open": "Open",
        # Models
        "models_title": "Models",
        "models_caption": "Abstractive summaries need a model per language; without one, Saar picks key sentences "
        "instead.",
        "models_offline": "Offline ({reason}): models cannot be downloaded from here. Copy a saved model onto this "
        "machine and point to its directory below, or download on a connected machine into the Hugging Face cache "
        "(HF_HOME).",
        "models_offline_set": "HF_HUB_OFFLINE is set",
        "models_unreachable": "huggingface.co cannot be reached",
        "models_card": "model card",
        "models_weights": "Weights",
        "models_size": "Download size",
        "models_licence": "Licence",
        "models_device": "Device",
        "models_ready": "Ready",
        "models_missing": "Not downloaded",
        "models_cores": "CPU ({count} cores)",
        "models_noncommercial": "{model} is licensed {licence}: do not use its summaries commercially.",
        "models_window": "Input window {tokens} tokens (longer text is summarised in parts), beams {beams}.",
        "models_until": "Until it is here, {language} summaries are extractive ({model}), and say so.",
        "models_cross": "Summaries in the other language",
        "models_cross_until": "Until it is here, a summary asked for in the other language (Summary language, and "
        "Compare read in one language) is the text's own summary, and says so.",
        "models_cross_download": "Download the cross-language model",
        "models_download": "Download {language} model",
        "models_downloading": "Downloading {model}…",
        "models_downloaded": "{model} downloaded",
        "models_download_failed": "Download failed: {error}",
        "models_terminal": "From a terminal: {command}",
        "models_other": "Use another model: a local directory or a hub id",
        "models_other_placeholder": "/path/to/saved/model  or  organisation/model-name",
        "models_other_help": "The same as {flag} on the command line or {variable} in the environment. Leave empty "
        "for the default.",
        "models_apply": "Apply",
        "models_alternative": "Alternative: {model} ({licence}, about {size} MB).",
        "models_engine": "Generation: {engine}. Hindi vocabulary filter: {vocabulary}. Result cache: {cache}. Change "
        "with {variables}.",
        "models_plain": "plain transformers (float32)",
        "models_ct2": "CTranslate2 ({quantization}), converted once into {folder}",
        "models_on": "on",
        "models_off": "off",
        "models_whole_vocabulary": "off (the whole vocabulary is scored)",
        "models_cache": "the last {count} summaries per model",
    },
    "hi": {
        "summarize_title": "सारांश",
        "summarize_caption": "अंग्रेज़ी और हिन्दी समाचारों का सारांश, हर वाक्य के स्रोत के साथ।",
        "paste_tab": "पाठ चिपकाएँ",
        "upload_tab": "फ़ाइलें अपलोड करें",
        "link_tab": "लिंक से",
        "paste_label": "लेख चिपकाएँ",
        "pasted_name": "चिपकाया गया पाठ",
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
        "sample_again": "कुछ चिपकाया, अपलोड या लिंक नहीं किया गया: “सारांश बनाएँ” नमूना “{title}” का सारांश ऊपर की "
        "सेटिंग से फिर बनाएगा।",
        "results": "परिणाम",
        "history": "इतिहास",
        "copy": "सारांश कॉपी करें",
        "details": "विवरण",
        "source_text": "मूल पाठ",
        "interface": "इंटरफ़ेस की भाषा",
        "nothing": "पहले कुछ पाठ चिपकाएँ, फ़ाइल अपलोड करें, लिंक दें या नमूना लेख चुनें।",
        "sidebar_tagline": "**Saar · सार**: अंग्रेज़ी और हिन्दी समाचारों का सार।",
        "upload_help": "टेक्स्ट, Markdown, HTML, PDF या Word फ़ाइलें, हर फ़ाइल 20 MB तक। एक साथ कई फ़ाइलें हों तो उनका "
        "सारांश एक-एक करके बनता है।",
        "link_caption": "पेज लाकर उसके लेख का पाठ रखा जाता है; मेन्यू, विज्ञापन और टिप्पणियाँ छोड़ दी जाती हैं।",
        "link_fetching": "पेज लाया जा रहा है…",
        "method_help": "स्वचालित और नया लेखन, मॉडल इंस्टॉल हो तो उससे नया सारांश लिखते हैं; वरना लेख के मुख्य वाक्य "
        "दिखाते हैं और यह बताते हैं। मुख्य वाक्य वाला तरीका हमेशा लेख के मुख्य वाक्य दिखाता है।",
        "into": "सारांश की भाषा",
        "into_same": "लेख वाली भाषा",
        "into_help": "हर पाठ का अंग्रेज़ी या हिन्दी सारांश, जिसे क्रॉस-लैंग्वेज मॉडल लिखता है, जहाँ वह इंस्टॉल हो; उसके "
        "बिना हर पाठ का उसकी अपनी भाषा में सारांश, एक सूचना के साथ।",
        "stop": "रोकें",
        "stop_help": "सारांश लिखना रोकें; जितना लिखा जा चुका है, वह बना रहेगा।",
        "document_one": "दस्तावेज़",
        "document_many": "दस्तावेज़ों",
        "status_running": "{count} {documents} का सारांश बन रहा है…",
        "status_done": "सारांश बना: {count} में से {done} दस्तावेज़",
        "status_failed": " · {failed} का सारांश नहीं बन सका",
        "junk_links": "यह लेख नहीं, लिंक की सूची है। किसी वेब पेज का सारांश बनाने के लिए उसका पता “लिंक से” में चिपकाएँ।",
        "junk_html": "यह वेब पेज के लेख के बजाय उसका HTML सोर्स लगता है। लेख का पाठ चिपकाएँ, या पेज का पता “लिंक से” में चिपकाएँ।",
        "stopped_warning": "सारांश पूरा होने से पहले रोक दिया गया। नीचे वह है जो तब तक लिखा गया था: यह पूरे लेख का सारांश "
        "नहीं है, लेख से इसकी जाँच नहीं हुई है, और यह इतिहास में नहीं रखा जाता। आपका पाठ और सेटिंग्स वैसी ही हैं जैसी "
        "आपने छोड़ी थीं; फिर से शुरू करने के लिए “सारांश बनाएँ” दबाएँ।",
        "live_part": "लेख के {total} भागों में से भाग {index} लिखा जा रहा है",
        "live_combining": "भागों को जोड़ा जा रहा है: {total} में से {index}",
        "live_checking": "लेख से इसकी जाँच हो रही है…",
        "live_complete": "पूरा, जाँच नहीं हुई",
        "live_stopped": "रोका गया",
        "live_nothing": "अभी तक कुछ नहीं लिखा गया था।",
        "download_markdown": "⬇ Markdown फ़ाइल",
        "download_word": "⬇ Word फ़ाइल",
        "download_json": "⬇ JSON फ़ाइल",
        "document_choice": "दस्तावेज़ (कुल {count})",
        "language_heading": "भाषा",
        "pick_sentence": "देखें कि सारांश का कोई वाक्य कहाँ से आया है",
        "pick_help": "कोई वाक्य चुनें: नीचे के पाठ में उसके स्रोत रेखांकित हो जाएँगे।",
        "no_source": "{sentence} का पाठ में कोई स्रोत नहीं है।",
        "source_caption": "सारांश के हर वाक्य का स्रोत उसी के रंग में रंगा है। धूसर, कटा हुआ पाठ पेज का ढाँचा (मेन्यू, "
        "शेयर बटन) है, जिसे सारांश में नहीं लिया गया।",
        "supports": "सारांश के वाक्य {sentences} का स्रोत",
        "ignored": "छोड़ा गया: {reason}",
        "reason_page_chrome": "पेज का ढाँचा",
        "reason_repeated_title": "दोहराया गया शीर्षक",
        "reason_repeated_line": "दोहराई गई पंक्ति",
        "not_checked": "जाँच नहीं हुई: इसमें स्रोत से मिलाने लायक कुछ नहीं था।",
        "no_model": "कोई मॉडल नहीं",
        "no_method": "कोई नहीं",
        "picked_source": "चुने गए वाक्य का स्रोत: अक्षर {start}–{end} · मेल {score}",
        "language_runs": "भाषा के हिस्से",
        "runs_language": "भाषा",
        "runs_characters": "अक्षर",
        "runs_ignored": "छोड़ा गया",
        "runs_text": "पाठ",
        "notice_offline": "ऑफ़लाइन: लेख के मुख्य वाक्य दिखाए जा रहे हैं।",
        "notice_no_model": "लिखने वाला मॉडल यहाँ इस्तेमाल नहीं हो सका: लेख के मुख्य वाक्य दिखाए जा रहे हैं।",
        "notice_parts": "लेख लंबा था: {count} भागों में सारांश बनाकर उन्हें जोड़ा गया।",
        "notice_several": "कई",
        "notice_part_short": "{language} भाग सारांश के लिए बहुत छोटा है ({letters} अक्षर)।",
        "notice_text_short": "पाठ बहुत छोटा है ({letters} अक्षर), इसलिए सारांश में कहने को कुछ ख़ास नहीं: सारांश के लिए "
        "पूरा लेख चिपकाएँ।",
        "notice_undetermined": "कुछ पाठ की भाषा पहचानी नहीं जा सकी (चिह्न, संख्याएँ या कोई अनजानी लिपि)।",
        "notice_nothing": "सारांश के लिए कुछ नहीं: इसमें लेख का पाठ नहीं है (केवल वेबसाइट के मेन्यू, लिंक या चिह्न)।",
        "notice_across": "{source} पाठ का {into} सारांश यहाँ नहीं बन सका (विवरण देखें)। इसकी जगह {source} सारांश "
        "दिखाया गया है।",
        "notice_unsupported": "{language} पाठ का सारांश नहीं बनता: सार अंग्रेज़ी और हिन्दी का सारांश बनाता है।",
        # संस्करणों की तुलना
        "compare_title": "संस्करणों की तुलना",
        "compare_caption": "एक ही ख़बर के दो संस्करण, आपकी भाषा में: हर संस्करण का सारांश आमने-सामने, वे संख्याएँ, "
        "तारीख़ें और नाम जो दोनों में हैं या केवल एक में, और जो बात केवल एक संस्करण कहता है, उसकी जगह के लिंक के साथ।",
        "compare_mode": "किसकी तुलना करें",
        "compare_mode_one": "एक दस्तावेज़ के भाषा-संस्करण",
        "compare_mode_two": "दो दस्तावेज़",
        "compare_mode_help": "नमूना लेखों में अक्सर एक ही फ़ाइल में अंग्रेज़ी लेख और उसका हिन्दी संस्करण होता है।",
        "compare_document": "दस्तावेज़",
        "compare_first": "पहला दस्तावेज़",
        "compare_second": "दूसरा दस्तावेज़",
        "compare_text_both": "अंग्रेज़ी और हिन्दी संस्करण वाला पाठ",
        "compare_first_text": "पहला पाठ",
        "compare_second_text": "दूसरा पाठ",
        "compare_sample": "नमूना: {title}",
        "compare_summarized": "सारांशित: {name}",
        "compare_paste": "पाठ चिपकाएँ…",
        "compare_pasted": "चिपकाया गया पाठ",
        "compare_names_note": "नाम कैपिटल अक्षर से शुरू होने वाले अंग्रेज़ी शब्दों से पहचाने जाते हैं, इसलिए जो नाम केवल बिना "
        "कैपिटल वाले पाठ (हिन्दी) में है, वह सूची में नहीं आ सकता; दूसरे पाठ के साथ साझा नाम लिप्यंतरण से मिलाए जाते हैं।",
        "compare_read_in": "सारांश इस भाषा में पढ़ें",
        "compare_reader_own": "हर संस्करण की अपनी भाषा",
        "compare_reader_help": "दूसरी भाषा के संस्करण का सारांश आपकी भाषा में क्रॉस-लैंग्वेज मॉडल बनाता है, जहाँ वह "
        "इंस्टॉल हो; उसके बिना संस्करण की अपनी भाषा का सारांश एक सूचना के साथ दिखाया जाता है।",
        "compare_button": "तुलना करें",
        "compare_paste_first": "पहले तुलना के लिए पाठ चिपकाएँ।",
        "compare_not_both": "{name} में अंग्रेज़ी और हिन्दी, दोनों संस्करण नहीं हैं। इसे किसी दूसरे लेख से मिलाने के लिए “दो दस्तावेज़” चुनें।",
        "compare_choose_both": "पहले दोनों दस्तावेज़ चुनें या चिपकाएँ।",
        "compare_running": "तुलना हो रही है…",
        "compare_done": "तुलना पूरी हुई",
        "compare_failed": "तुलना नहीं हो सकी: {error}",
        "compare_nothing_to_check": "– दूसरे संस्करण से जाँचने के लिए इसमें कुछ नहीं",
        "compare_supported": "✓ दूसरा संस्करण भी यही कहता है",
        "compare_other_version": "दूसरे संस्करण",
        "compare_read_as": " · {language} में",
        "compare_side_caption": "{title} · भाषा: {language}",
        "compare_facts": "तथ्य: संख्याएँ, तारीख़ें और नाम",
        "compare_in_both": "दोनों में ({count})",
        "compare_only_in": "केवल {label} में ({count})",
        "compare_kind": "प्रकार",
        "compare_fact": "पाठ",
        "compare_only_one": "जो केवल एक संस्करण कहता है",
        "compare_all_supported": "सारांश के जिन वाक्यों की जाँच हो सकी, उन सबका समर्थन दूसरा संस्करण करता है।",
        "compare_texts": "संस्करणों का पाठ",
        "compare_marked": "चिह्नित: ऊपर के हर वाक्य का स्रोत; वाक्य का लिंक यहीं लाता है।",
        "compare_unmarked": "कुछ चिह्नित नहीं: सारांश का कोई वाक्य दूसरे संस्करण से ग़ायब नहीं मिला।",
        "compare_none": "कोई नहीं",
        # इतिहास
        "history_empty": "इस सत्र में अभी तक कुछ सारांशित नहीं हुआ। आपके बनाए सारांश पेज बंद करने तक यहाँ रहते हैं।",
        "history_failed": "{created} · सारांश नहीं बन सका: {error}",
        "history_no_summary": "कोई सारांश नहीं",
        "history_open": "खोलें",
        # मॉडल
        "models_title": "मॉडल",
        "models_caption": "नए लेखन (Abstractive) वाले सारांश के लिए हर भाषा का एक मॉडल चाहिए; मॉडल न हो तो सार लेख के "
        "मुख्य वाक्य चुनता है।",
        "models_offline": "ऑफ़लाइन ({reason}): यहाँ से मॉडल डाउनलोड नहीं हो सकते। सहेजा हुआ मॉडल इस मशीन पर कॉपी करें और "
        "नीचे उसकी डायरेक्टरी बताएँ, या इंटरनेट से जुड़ी किसी मशीन पर Hugging Face कैश (HF_HOME) में डाउनलोड करें।",
        "models_offline_set": "HF_HUB_OFFLINE सेट है",
        "models_unreachable": "huggingface.co तक पहुँचा नहीं जा सकता",
        "models_card": "मॉडल कार्ड",
        "models_weights": "मॉडल फ़ाइलें",
        "models_size": "डाउनलोड का आकार",
        "models_licence": "लाइसेंस",
        "models_device": "डिवाइस",
        "models_ready": "तैयार",
        "models_missing": "डाउनलोड नहीं हुआ",
        "models_cores": "CPU ({count} कोर)",
        "models_noncommercial": "{model} का लाइसेंस {licence} है: इसके सारांश व्यावसायिक काम में न लें।",
        "models_window": "इनपुट सीमा {tokens} टोकन (लंबा पाठ हिस्सों में सारांशित होता है), बीम {beams}।",
        "models_until": "जब तक यह मॉडल यहाँ नहीं है, {language} सारांश मुख्य वाक्यों से बनेंगे (Extractive, {model}), "
        "और यह बताया जाएगा।",
        "models_cross": "दूसरी भाषा में सारांश",
        "models_cross_until": "जब तक यह मॉडल यहाँ नहीं है, दूसरी भाषा में माँगा गया सारांश (सारांश की भाषा, और एक भाषा में "
        "पढ़ी गई तुलना) पाठ की अपनी भाषा में बनेगा, और यह बताया जाएगा।",
        "models_cross_download": "दूसरी भाषा वाला मॉडल डाउनलोड करें",
        "models_download": "{language} मॉडल डाउनलोड करें",
        "models_downloading": "{model} डाउनलोड हो रहा है…",
        "models_downloaded": "{model} डाउनलोड हो गया",
        "models_download_failed": "डाउनलोड नहीं हो सका: {error}",
        "models_terminal": "टर्मिनल से: {command}",
        "models_other": "दूसरा मॉडल इस्तेमाल करें: लोकल डायरेक्टरी या हब आईडी",
        "models_other_placeholder": "/path/to/saved/model  या  organisation/model-name",
        "models_other_help": "कमांड लाइन पर {flag} या एनवायरनमेंट में {variable} जैसा ही। डिफ़ॉल्ट के लिए ख़ाली छोड़ें।",
        "models_apply": "लागू करें",
        "models_alternative": "विकल्प: {model} ({licence}, लगभग {size} MB)।",
        "models_engine": "जनरेशन: {engine}। हिन्दी शब्दावली फ़िल्टर: {vocabulary}। परिणाम कैश: {cache}। बदलने के लिए: "
        "{variables}।",
        "models_plain": "सादा transformers (float32)",
        "models_ct2": "CTranslate2 ({quantization}), एक बार {folder} में बदला गया",
        "models_on": "चालू",
        "models_off": "बंद",
        "models_whole_vocabulary": "बंद (पूरी शब्दावली पर स्कोर)",
        "models_cache": "हर मॉडल के पिछले {count} सारांश",
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
        "number": "number",
        "date": "date",
        "name": "name",
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
        "number": "संख्या",
        "date": "तारीख़",
        "name": "नाम",
    },
}


def label(key: str, lang: str = "en") -> str:
    return LABELS.get(lang, LABELS["en"]).get(key, LABELS["en"][key])


def option_label(key: str, lang: str = "en") -> str:
    return OPTION_LABELS.get(lang, OPTION_LABELS["en"]).get(key, key)


def ignored_reason(reason: str | None, lang: str = "en") -> str:
    """Why a stretch of a page was left out ("page chrome", "repeated line"), as the library tags it, in the
    interface language; a reason it does not know stays as the library wrote it."""
    key = "reason_" + (reason or "page chrome").replace(" ", "_")
    return label(key, lang) if key in LABELS["en"] else str(reason)


# Language names in Hindi; a code not listed keeps its English name.
HINDI_NAMES = {
    "en": "अंग्रेज़ी", "hi": "हिन्दी", "mr": "मराठी", "ne": "नेपाली", "ur": "उर्दू", "bn": "बांग्ला", "ta": "तमिल",
    "te": "तेलुगु", "gu": "गुजराती", "pa": "पंजाबी", "kn": "कन्नड़", "ml": "मलयालम", "or": "ओड़िया", "ar": "अरबी",
    "fa": "फ़ारसी", "fr": "फ़्रांसीसी", "de": "जर्मन", "es": "स्पेनिश", "und": "अनिर्धारित", "mixed": "मिली-जुली",
}  # fmt: skip


def _named_language(english_name: str, ui: str) -> str:
    """A language the library named in English, named in the interface language."""
    codes = {name(code): code for code in HINDI_NAMES}
    return language_name(codes[english_name], ui) if english_name in codes else english_name


def language_name(code: str, lang: str = "en") -> str:
    """A language's name in the interface language."""
    return HINDI_NAMES.get(code, name(code)) if lang == "hi" else name(code)
