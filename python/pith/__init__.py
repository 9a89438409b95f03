"""pith: the main content of web pages, as a dict, text, Markdown or safe HTML.

    >>> import pith
    >>> doc = pith.extract(open("page.html", "rb").read(), url="https://example.com/a")
    >>> doc["title"], doc["text"][:80]

``pith.extract`` returns the object ``pith -f json`` prints, key for key;
``format="text" | "markdown" | "html" | "json"`` gives that output as a str.
``pith.Extractor`` keeps its memory between pages (one per thread).
``pith.read_warc`` and ``pith.extract_warc`` read crawl archives, and
``python3 -m pith.dask`` runs a crawl's WARC files on a Dask cluster.

The work is done in C (libpith) with the GIL released, so threads scale.
"""

from __future__ import annotations

from ._errors import EncodingError, Error, LimitError, OutOfMemoryError, WarcError, WarcWarning
from ._pith import OPTIONS, Extractor, WarcRecord, extract, extract_warc, read_warc
from ._pith import version as __version__

__all__ = [
    "extract", "Extractor", "OPTIONS", "read_warc", "extract_warc", "WarcRecord", "Error", "LimitError", "EncodingError", "OutOfMemoryError",
    "WarcError", "WarcWarning", "__version__",
]
