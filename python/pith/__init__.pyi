# Type hints of the pith package (the functions are in the C extension pith._pith).
# The extraction options are pith.OPTIONS, one row per keyword; keep this file in
# step with python/ext/options.c (tests/python/test_options.py checks the names).
from typing import Any, Dict, Iterable, Iterator, List, Literal, Optional, Tuple, TypedDict, Union, overload

__version__: str

Html = Union[bytes, bytearray, memoryview, str]
Format = Literal["text", "txt", "markdown", "md", "html", "json", "jsonl"]
Favor = Literal["balanced", "precision", "recall"]
PageType = Literal["article", "forum", "product", "collection", "listing", "documentation", "service"]
# "article,documentation", or an iterable of PageType names; None: every type.
Only = Optional[Union[str, Iterable[PageType]]]

class Product(TypedDict):
    """The product a product page sells, from its JSON-LD or microdata (README.md, "Product fields")."""
    name: Optional[str]
    brand: Optional[str]
    sku: Optional[str]
    price: Optional[str]
    currency: Optional[str]
    availability: Optional[str]
    rating: Optional[str]

class Article(TypedDict):
    """The object `pith -f json` prints (README.md, "JSON schema")."""
    url: Optional[str]
    canonical_url: Optional[str]
    title: Optional[str]
    authors: List[str]
    contributors: List[str]
    sources: List[str]
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
    page_type: str
    product: Optional[Product]
    text: str
    blocks: List[Dict[str, Any]]
    comments: List[Dict[str, Optional[str]]]
    posts: List[Dict[str, Optional[str]]]
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
#   reference_date: Optional[str] = None  "now" for the page, ISO 8601: relative dates resolve against it
#                                   (never without it); no date after it is given (CLI: --date)
#   pretty: bool = False            indent JSON (format="json")
#   front_matter: bool = False      Markdown starts with a YAML header of the metadata (CLI: --front-matter)
#   only: Only = None               extract pages of these types only; others give no article
#   max_input_bytes: int            larger pages raise LimitError (256 MiB)
#   max_nodes: int                  the parse stops there; warnings: ["max_nodes"] (4,000,000)
#   max_depth: int                  deeper elements attach at the limit (512)
#   max_memory: int                 per-page memory; beyond it LimitError (1 GiB)
#   max_output_bytes: int           a larger rendering raises LimitError (64 MiB)

@overload
def extract(html: Html, url: Optional[str] = ..., *, format: Optional[Literal["dict"]] = ...,
            comments: bool = ..., tables: bool = ..., links: bool = ..., images: bool = ...,
            captions: bool = ..., favor: Favor = ..., encoding: Optional[str] = ..., reference_date: Optional[str] = ...,
            pretty: bool = ..., front_matter: bool = ..., only: Only = ...,
            max_input_bytes: int = ..., max_nodes: int = ..., max_depth: int = ..., max_memory: int = ...,
            max_output_bytes: int = ...) -> Article: ...
@overload
def extract(html: Html, url: Optional[str] = ..., *, format: Format,
            comments: bool = ..., tables: bool = ..., links: bool = ..., images: bool = ...,
            captions: bool = ..., favor: Favor = ..., encoding: Optional[str] = ..., reference_date: Optional[str] = ...,
            pretty: bool = ..., front_matter: bool = ..., only: Only = ...,
            max_input_bytes: int = ..., max_nodes: int = ..., max_depth: int = ..., max_memory: int = ...,
            max_output_bytes: int = ...) -> str: ...

class Extractor:
    """A reusable extractor (one per thread); keyword options as extract()'s."""
    def __init__(self, *, format: Optional[Union[Format, Literal["dict"]]] = ...,
                 comments: bool = ..., tables: bool = ..., links: bool = ..., images: bool = ...,
                 captions: bool = ..., favor: Favor = ..., encoding: Optional[str] = ..., reference_date: Optional[str] = ...,
                 pretty: bool = ..., front_matter: bool = ..., only: Only = ...,
                 max_input_bytes: int = ..., max_nodes: int = ..., max_depth: int = ..., max_memory: int = ...,
                 max_output_bytes: int = ...) -> None: ...
    def extract(self, html: Html, url: Optional[str] = ..., *, encoding: Optional[str] = ...,
                format: Optional[Union[Format, Literal["dict"]]] = ...) -> Any: ...

class WarcRecord(Tuple[Any, ...]):
    """One WARC record (a named tuple)."""
    type: str                        # "response", "request", "resource", "warcinfo", ... "unknown"
    record_id: Optional[str]         # WARC-Record-ID as written
    target_uri: Optional[str]
    date: Optional[str]
    http_status: Optional[int]
    content_type: Optional[str]      # the payload's: HTTP Content-Type, else the record's
    charset: Optional[str]           # the transport encoding
    payload: bytes                   # HTTP body (de-chunked, decoded), or the resource's block
    payload_status: str              # "ok", "bad-chunked", "bad-encoding", "unsupported", "too-large"
    skip_reason: Optional[str]       # None when extract_warc extracts it; "http status 404" for a
                                     # response other than 200 unless all_statuses=True
    offset: int                      # byte offset of the record (or its gzip member / zstd frame)
    headers: Tuple[Tuple[str, str], ...]
    http_headers: Tuple[Tuple[str, str], ...]

# A path (str, bytes, os.PathLike) or a binary file object (read in pieces).
WarcSource = Any

class read_warc(Iterator[WarcRecord]):
    errors: List["WarcError"]        # the damage skipped so far (a copy)
    stats: Dict[str, int]            # records, pages, articles, failed, errors
    name: str
    def __init__(self, source: WarcSource, *, strict: bool = ..., all_statuses: bool = ...) -> None: ...
    def __next__(self) -> WarcRecord: ...
    def close(self) -> None: ...
    def __enter__(self) -> "read_warc": ...
    def __exit__(self, *exc: Any) -> None: ...

class extract_warc(Iterator[Any]):
    """Yields dicts (Article plus warc_record_id, warc_target_uri, warc_date,
    http_status, content_type), or with format="json" the JSON line as a str."""
    errors: List["WarcError"]
    stats: Dict[str, int]
    name: str
    def __init__(self, source: WarcSource, *, strict: bool = ..., all_statuses: bool = ...,
                 format: Optional[Literal["dict", "json"]] = ..., comments: bool = ..., tables: bool = ...,
                 links: bool = ..., images: bool = ..., captions: bool = ..., favor: Favor = ...,
                 only: Only = ..., max_input_bytes: int = ..., max_nodes: int = ..., max_depth: int = ...,
                 max_memory: int = ...,
                 max_output_bytes: int = ...) -> None: ...
    def __next__(self) -> Any: ...
    def close(self) -> None: ...
    def __enter__(self) -> "extract_warc": ...
    def __exit__(self, *exc: Any) -> None: ...

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
