"""Language analysis: scripts and per-sentence language, language runs (segments), inline spans, page chrome, and
name transliteration between Latin and Devanagari.

Imports: text, errors, settings."""
