"""Text primitives every layer uses: sentence and word spans, stop words and stems, scripts, language names.

Imports nothing else from the library (except errors): it is the ground floor."""
