"""Attribution: each summary sentence linked to its source sentences, within a language and across languages, and
checked for facts (numbers, dates, names) its sources do not state.

Works on the analysis it is given; it never re-analyses text. Imports: text, language, errors, settings."""
