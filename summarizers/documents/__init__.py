"""Documents: bytes, pasted text or a link in; a `Document` (decoded text, newlines normalised) out.

Each format has its reader; every reader enforces the size limits in `summarizers.settings`. Imports: text, errors,
settings."""
