"""Saar's library: reading documents, language analysis, summarization and source attribution.

The public API is what this module exports; everything else is internal. No Streamlit and no HTML anywhere in this
package: it serves the app, the command line and tests alike.

    from summarizers import Options, read_path, summarize
    result = summarize(read_path("story.txt"), Options(length="short"))
"""

from summarizers.documents.reading import Document, from_text, read_bytes, read_path
from summarizers.engines.base import LENGTHS, Length
from summarizers.errors import DocumentError, ModelError, ModelLoadError, ModelUnavailable, SummarizerError, UsageError
from summarizers.language.segment import Analysis, Segment, analyse, segment
from summarizers.pipeline import METHODS, Options, Result, Summary, summarize
from summarizers.schema import SCHEMA_VERSION, result_json

__all__ = [
    "LENGTHS",
    "METHODS",
    "SCHEMA_VERSION",
    "Analysis",
    "Document",
    "DocumentError",
    "Length",
    "ModelError",
    "ModelLoadError",
    "ModelUnavailable",
    "Options",
    "Result",
    "Segment",
    "SummarizerError",
    "Summary",
    "UsageError",
    "analyse",
    "from_text",
    "read_bytes",
    "read_path",
    "result_json",
    "segment",
    "summarize",
]
