# Type hints of the pith package (the functions are in the C extension pith._pith).
# The extraction options are pith.OPTIONS, one row per keyword; keep this file in
# step with python/ext/options.c (tests/python/test_options.py checks the names).
from typing import Any, Dict, Iterator, List, Literal, Optional, Tuple, TypedDict, Union, overload

__version__: str

Html = Union[bytes, bytearray, memoryview, str]
Format = Literal["text", "txt", "markdown", "md", "html", "json", "jsonl"]
Favor = Literal["balanced", "precision", "recall"]

class Article(TypedDict):
    """The object `pith -f json` prints (README.md, "JSON schema")."""
    url: Optional[str]
    canonical_url: Optional[str]
    title: Optional[str]
    authors: List[str]
    contributors: List[str]
    date_published: Optional[str]
    date_modified: Optional[str]
    site_name: Optional[str]
    language: Optional[str]
    description: Optional[str]
    image: Optional[str]
    tags: List[str]
    categories: List[str]
    license: Optional[str]
    encoding: str
    text: str
    blocks: List[Dict[str, Any]]
    comments: List[Dict[str, Optional[str]]]
    warnings: List[str]

# (name, kind, default, choices, doc) per extraction option; kind is "bool",
# "enum", "str" or "size".
OPTIONS: Tuple[Tuple[str, str, Any, Optional[Tuple[str, ...]], str], ...]

# The keyword options of extract() and Extractor(), with their defaults:
#   comments: bool = False          extract the comment thread apart (comments[])
#   tables: bool = True             data tables in the article (CLI: --no-tables)
#   links: bool = False             keep link targets (markdown, html, json)
#   images: bool = False            keep images as figures with their captions
#   captions: bool = False          figure captions in the text output
#   favor: Favor = "balanced"       precision (less noise) or recall (nothing lost)
#   encoding: Optional[str] = None  the transport encoding (HTTP charset); bytes only
#   pretty: bool = False            indent JSON (format="json")
#   max_input_bytes: int            larger pages raise LimitError (256 MiB)
#   max_nodes: int                  the parse stops there; warnings: ["max_nodes"] (4,000,000)
#   max_depth: int                  deeper elements attach at the limit (512)
#   max_memory: int                 per-page memory; beyond it LimitError (1 GiB)
#   max_output_bytes: int           a larger rendering raises LimitError (64 MiB)

@overload
def extract(html: Html, url: Optional[str] = ..., *, format: Optional[Literal["dict"]] = ...,
            comments: bool = ..., tables: bool = ..., links: bool = ..., images: bool = ...,
            captions: bool = ..., favor: Favor = ..., encoding: Optional[str] = ..., pretty: bool = ...,
            max_input_bytes: int = ..., max_nodes: int = ..., max_depth: int = ..., max_memory: int = ...,
            max_output_bytes: int = ...) -> Article: ...
@overload
def extract(html: Html, url: Optional[str] = ..., *, format: Format,
            comments: bool = ..., tables: bool = ..., links: bool = ..., images: bool = ...,
            captions: bool = ..., favor: Favor = ..., encoding: Optional[str] = ..., pretty: bool = ...,
            max_input_bytes: int = ..., max_nodes: int = ..., max_depth: int = ..., max_memory: int = ...,
            max_output_bytes: int = ...) -> str: ...

class Extractor:
    """A reusable extractor (one per thread); keyword options as extract()'s."""
    def __init__(self, *, format: Optional[Union[Format, Literal["dict"]]] = ...,
                 comments: bool = ..., tables: bool = ..., links: bool = ..., images: bool = ...,
                 captions: bool = ..., favor: Favor = ..., encoding: Optional[str] = ..., pretty: bool = ...,
                 max_input_bytes: int = ..., max_nodes: int = ..., max_depth: int = ..., max_memory: int = ...,
                 max_output_bytes: int = ...) -> None: ...
    def extract(self, html: Html, url: Optional[str] = ..., *, encoding: Optional[str] = ...,
                format: Optional[Union[Format, Literal["dict"]]] = ...) -> Any: ...

class Error(Exception):
    message: str
    code: str
    def __init__(self, message: str, code: str = ...) -> None: ...
class LimitError(Error): ...
class EncodingError(Error, LookupError): ...
class OutOfMemoryError(Error, MemoryError): ...
class WarcError(Error):
    offset: Optional[int]
    path: Optional[str]
    def __init__(self, message: str, code: str = ..., offset: Optional[int] = ...,
                 path: Optional[str] = ...) -> None: ...
class WarcWarning(UserWarning): ...
