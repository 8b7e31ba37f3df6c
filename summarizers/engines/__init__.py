"""Summarization engines behind one `Engine` protocol (`base`), found by name in `registry`.

`extractive` needs no weights; `abstractive/` drives seq2seq checkpoints (loading, model specs, chunk -> generate ->
reduce, backends). Imports: text, errors, settings."""
