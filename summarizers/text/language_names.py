"""Human names of the language codes the product shows."""

NAMES = {
    "en": "English", "hi": "Hindi", "mr": "Marathi", "ne": "Nepali", "ur": "Urdu", "bn": "Bengali", "ta": "Tamil",
    "te": "Telugu", "gu": "Gujarati", "pa": "Punjabi", "kn": "Kannada", "ml": "Malayalam", "or": "Odia",
    "ar": "Arabic", "fa": "Persian", "fr": "French", "de": "German", "es": "Spanish", "und": "undetermined",
    "mixed": "mixed",
}  # fmt: skip
SUMMARISED = ("en", "hi")


def name(code: str) -> str:
    return NAMES.get(code, code)
