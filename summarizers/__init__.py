"""Saar's library: reading documents, language analysis, summarization and source attribution.

No Streamlit import anywhere in this package: it serves the app, the command line and tests alike.
"""

from summarizers.documents import Document, from_text, read_bytes, read_path
from summarizers.errors import DocumentError, ModelError, ModelLoadError, ModelUnavailable, SummarizerError, UsageError
from summarizers.language import Analysis, Segment, analyse, segment

__all__ = [
    "Analysis",
    "Document",
    "DocumentError",
    "ModelError",
    "ModelLoadError",
    "ModelUnavailable",
    "Segment",
    "SummarizerError",
    "UsageError",
    "analyse",
    "from_text",
    "read_bytes",
    "read_path",
    "segment",
]
