"""The saved library's words on the pages (History as a library, links, the shared view, notices about saving), in
English and Hindi. The library itself speaks in codes (`StorageError.code`); they are worded here."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "search": "Search titles and text",
        "search_placeholder": "words of a title or of the article",
        "language_filter": "Summary language",
        "any_language": "Any",
        "since": "Saved from",
        "until": "Saved until",
        "page_of": "Page {page} of {pages} · {total} saved",
        "previous": "Previous",
        "next": "Next",
        "delete": "Delete",
        "deleted": "Deleted: “{title}” is gone from the library.",
        "export": "Export all (JSONL)",
        "export_help": "Every saved summary, one JSON line each, as the command line's batch command writes them.",
        "nothing_found": "Nothing saved matches these filters.",
        "library_empty": "Nothing saved yet. Summaries you make are kept here, for this browser only.",
        "library_login": "Signed in: your saved summaries follow you to any browser.",
        "share": "Link to this summary",
        "share_caption": "Anyone with this link can read this summary (read-only). Revoke it to end that.",
        "revoke": "Revoke the link",
        "revoked": "The link is revoked: it no longer opens this summary.",
        "bad_link": "This link does not open a saved summary or comparison.",
        "bad_link_help": "It may have been mistyped, or its maker may have revoked it.",
        "shared_title": "Shared summary",
        "shared_caption": "Read-only, opened from a link. Nothing is added to your History unless you keep a copy.",
        "keep_copy": "Keep a copy in my History",
        "kept": "A copy is in your History.",
        "not_saved": "This summary is not saved, so it has no link.",
        "storage_read_only": "Summaries are not being saved: the library's disk is read-only. Everything else works.",
        "storage_full": "Summaries are not being saved: the library's disk is full. Everything else works.",
        "storage_unavailable": "Summaries are not being saved: the library cannot be reached. Everything else works.",
        "saving_off": "Saving is off here: History lists this session's summaries only.",
        "sign_in": "Sign in",
        "sign_in_help": "Signed in, your saved summaries follow you to any browser.",
        "sign_out": "Sign out",
        "signed_in_as": "Signed in as {name}",
    },
    "hi": {
        "search": "शीर्षक और पाठ में खोजें",
        "search_placeholder": "शीर्षक या लेख के शब्द",
        "language_filter": "सारांश की भाषा",
        "any_language": "कोई भी",
        "since": "कब से सहेजे गए",
        "until": "कब तक सहेजे गए",
        "page_of": "पृष्ठ {page} / {pages} · {total} सहेजे गए",
        "previous": "पिछला",
        "next": "अगला",
        "delete": "मिटाएँ",
        "deleted": "मिटाया गया: “{title}” अब संग्रह में नहीं है।",
        "export": "सब निर्यात करें (JSONL)",
        "export_help": "हर सहेजा गया सारांश, एक-एक JSON पंक्ति में, जैसे कमांड लाइन का batch कमांड लिखता है।",
        "nothing_found": "इन शर्तों से मेल खाता कुछ भी सहेजा नहीं गया है।",
        "library_empty": "अभी कुछ सहेजा नहीं गया। आपके बनाए सारांश यहाँ रखे जाते हैं, केवल इसी ब्राउज़र के लिए।",
        "library_login": "आप साइन इन हैं: आपके सहेजे सारांश हर ब्राउज़र में आपके साथ हैं।",
        "share": "इस सारांश का लिंक",
        "share_caption": "इस लिंक वाला कोई भी यह सारांश पढ़ सकता है (बदल नहीं सकता)। रोकने के लिए लिंक रद्द करें।",
        "revoke": "लिंक रद्द करें",
        "revoked": "लिंक रद्द हो गया: अब यह यह सारांश नहीं खोलता।",
        "bad_link": "यह लिंक न कोई सहेजा गया सारांश खोलता है, न कोई तुलना।",
        "bad_link_help": "हो सकता है यह ग़लत लिखा गया हो, या बनाने वाले ने इसे रद्द कर दिया हो।",
        "shared_title": "साझा सारांश",
        "shared_caption": "केवल पढ़ने के लिए, लिंक से खोला गया। प्रति रखे बिना आपके इतिहास में कुछ नहीं जुड़ता।",
        "keep_copy": "मेरे इतिहास में एक प्रति रखें",
        "kept": "एक प्रति आपके इतिहास में है।",
        "not_saved": "यह सारांश सहेजा नहीं गया है, इसलिए इसका लिंक नहीं है।",
        "storage_read_only": "सारांश सहेजे नहीं जा रहे: संग्रह की डिस्क केवल पढ़ने योग्य है। बाकी सब काम करता है।",
        "storage_full": "सारांश सहेजे नहीं जा रहे: संग्रह की डिस्क भर गई है। बाकी सब काम करता है।",
        "storage_unavailable": "सारांश सहेजे नहीं जा रहे: संग्रह तक पहुँचा नहीं जा सका। बाकी सब काम करता है।",
        "saving_off": "यहाँ सहेजना बंद है: इतिहास में केवल इस सत्र के सारांश हैं।",
        "sign_in": "साइन इन करें",
        "sign_in_help": "साइन इन करने पर आपके सहेजे सारांश हर ब्राउज़र में आपके साथ रहते हैं।",
        "sign_out": "साइन आउट करें",
        "signed_in_as": "{name} के रूप में साइन इन",
    },
}


def word(key: str, ui: str = "en") -> str:
    """A phrase in the interface language, English where Hindi lacks it."""
    return WORDS.get(ui, WORDS["en"]).get(key) or WORDS["en"][key]


def storage_notice(code: str, ui: str = "en") -> str:
    """What a `StorageError` code means for the reader: saving has stopped, the page still works."""
    return word(f"storage_{code}" if f"storage_{code}" in WORDS["en"] else "storage_unavailable", ui)
