"""pith's exceptions. The C extension raises these; pith re-exports them."""

from __future__ import annotations

from typing import Optional


class Error(Exception):
    """Base class of pith's errors.

    ``message`` is the C library's message, ``code`` a short name of the
    kind of error ("limit", "encoding", "nomem", "invalid", "warc", ...).
    """

    def __init__(self, message: str, code: str = "error") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class LimitError(Error):
    """A configured limit (max_input_bytes, max_memory, max_output_bytes) stopped the work."""


class EncodingError(Error, LookupError):
    """The encoding given (encoding=...) is not a known label."""


class OutOfMemoryError(Error, MemoryError):
    """An allocation failed."""


class WarcError(Error):
    """A damaged WARC record (with strict=True), or a WARC file that cannot be read.

    ``offset`` is the byte offset in the file (for compressed files: of the
    gzip member or zstd frame) where the damage lies, or None.
    """

    def __init__(self, message: str, code: str = "warc", offset: Optional[int] = None,
                 path: Optional[str] = None) -> None:
        super().__init__(message, code)
        self.offset = offset
        self.path = path

    def __str__(self) -> str:
        where = []
        if self.path is not None:
            where.append(str(self.path))
        if self.offset is not None:
            where.append("offset %d" % self.offset)
        return ": ".join(where + [self.message])


class WarcWarning(UserWarning):
    """A damaged WARC record was skipped (reported with the warnings module)."""
