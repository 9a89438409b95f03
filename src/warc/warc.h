/*
 * warc.h - reading WARC crawl archives record by record (internal API).
 *
 * A reader is opened on a file path (mmap'ed when it is a regular file), a
 * file descriptor (stdin, a pipe: streamed with bounded memory) or a memory
 * buffer. The compression is detected from the first bytes, never from a
 * file name: plain WARC, gzip (one member per record as Common Crawl writes
 * it, or one member for the whole file, or members cut anywhere: the
 * decompressed members are one stream), zstd (.warc.zst, with the optional
 * dictionary in a leading skippable frame 0x184D2A5D).
 *
 *   pith_warc_options o; pith_warc_options_init(&o);
 *   pith_warc_reader *r = pith_warc_open_path("crawl.warc.gz", &o, &err);
 *   pith_warc_record rec;
 *   for (;;) {
 *       pith_warc_status s = pith_warc_next(r, &rec);
 *       if (s == PITH_WARC_END) break;
 *       if (s == PITH_WARC_ERROR) { log(pith_warc_last_error(r)); continue; }
 *       if (s == PITH_WARC_FATAL) { log(...); break; }
 *       if (rec.type == PITH_WARC_RESPONSE && pith_warc_is_html(&rec)) ...
 *   }
 *   pith_warc_close(r);
 *
 * Ownership: the reader owns every byte a record view points to (its
 * window buffer, the mmap'ed file, or the caller's memory buffer for
 * pith_warc_open_memory, which must outlive the reader). A record view and
 * all its pointers are valid until the next pith_warc_next() or
 * pith_warc_close() on that reader; a caller that hands records to another
 * thread copies what it needs first. Strings are pointer+length and are not
 * NUL-terminated.
 *
 * Errors: a corrupt stretch (bad Content-Length, garbage, a broken gzip
 * member...) is one PITH_WARC_ERROR whose pith_warc_error says what and
 * where; the reader has already resynchronised, so the next call returns
 * the following good record. Only I/O and allocation failures are FATAL.
 *
 * Memory: buffers are reused across records (no malloc per record once the
 * largest record seen fits); bounded by the limits in the options.
 * One reader per thread; readers share nothing.
 */
#ifndef PITH_WARC_H
#define PITH_WARC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pith_warc_reader pith_warc_reader;

/* A byte string inside a record (not NUL-terminated); {NULL, 0} = absent. */
typedef struct pith_warc_str {
    const char *ptr;
    size_t len;
} pith_warc_str;

/* One "Name: value" header line; the value has its surrounding
 * whitespace trimmed (continuation lines stay inside it, verbatim). */
typedef struct pith_warc_header {
    pith_warc_str name;
    pith_warc_str value;
} pith_warc_header;

typedef enum pith_warc_type {
    PITH_WARC_UNKNOWN = 0, /* a WARC-Type this reader does not know */
    PITH_WARC_WARCINFO,
    PITH_WARC_RESPONSE,
    PITH_WARC_RESOURCE,
    PITH_WARC_REQUEST,
    PITH_WARC_METADATA,
    PITH_WARC_REVISIT,
    PITH_WARC_CONVERSION,
    PITH_WARC_CONTINUATION
} pith_warc_type;

typedef enum pith_warc_status {
    PITH_WARC_RECORD = 0, /* *rec holds the next record */
    PITH_WARC_END,        /* no more records */
    PITH_WARC_ERROR,      /* a corrupt stretch was skipped: see pith_warc_last_error(); call again */
    PITH_WARC_FATAL       /* I/O error or out of memory: the reader is done */
} pith_warc_status;

typedef enum pith_warc_errcode {
    PITH_WARC_E_NONE = 0,
    PITH_WARC_E_IO,             /* read() failed (FATAL) */
    PITH_WARC_E_NOMEM,          /* allocation failed (FATAL) */
    PITH_WARC_E_GARBAGE,        /* bytes that are not a record ("WARC/1." expected) */
    PITH_WARC_E_BAD_HEADER,     /* malformed header line */
    PITH_WARC_E_BAD_LENGTH,     /* Content-Length missing, not a number, or wrong */
    PITH_WARC_E_HEADER_LIMIT,   /* header block longer than max_header_size or too many lines */
    PITH_WARC_E_TOO_LARGE,      /* record longer than max_record_size (skipped) */
    PITH_WARC_E_TRUNCATED,      /* input ends inside a record */
    PITH_WARC_E_GZIP,           /* corrupt or truncated gzip member */
    PITH_WARC_E_ZSTD,           /* corrupt or truncated zstd frame */
    PITH_WARC_E_BOMB,           /* a member/frame inflates beyond max_member_size */
    PITH_WARC_E_UNSUPPORTED     /* compression compiled out (zstd, gzip) */
} pith_warc_errcode;

typedef struct pith_warc_error {
    pith_warc_errcode code;
    const char *message;    /* static string */
    uint64_t offset;        /* byte offset in the input file (for compressed input: the start of the
                               gzip member / zstd frame where the problem lies) */
    uint64_t stream_offset; /* offset in the decompressed stream (= offset for plain input) */
} pith_warc_error;

/* What happened to an HTTP payload on its way out of the record. */
typedef enum pith_warc_payload_status {
    PITH_WARC_PAYLOAD_OK = 0,        /* payload = the HTTP body, de-chunked and decoded as needed */
    PITH_WARC_PAYLOAD_BAD_CHUNKED,   /* chunked framing broken: payload = raw body */
    PITH_WARC_PAYLOAD_BAD_ENCODING,  /* Content-Encoding failed to decode: payload = undecoded body */
    PITH_WARC_PAYLOAD_UNSUPPORTED,   /* unknown Content-Encoding or support compiled out (br) */
    PITH_WARC_PAYLOAD_TOO_LARGE      /* decoding exceeded max_payload_size: payload = undecoded body */
} pith_warc_payload_status;

/* A record view. Valid until the next pith_warc_next()/pith_warc_close(). */
typedef struct pith_warc_record {
    uint64_t offset;        /* input offset: the record (plain) or its gzip member / zstd frame */
    uint64_t stream_offset; /* offset of "WARC/" in the decompressed stream */
    int version_major;      /* 1 */
    int version_minor;      /* 0 or 1 */
    pith_warc_type type;
    pith_warc_str type_name;    /* WARC-Type as written */
    pith_warc_str record_id;    /* WARC-Record-ID */
    pith_warc_str target_uri;   /* WARC-Target-URI (angle brackets of WARC/1.0 drafts removed) */
    pith_warc_str date;         /* WARC-Date */
    pith_warc_str content_type; /* the record's Content-Type (e.g. application/http; msgtype=response) */
    pith_warc_str identified_payload_type; /* WARC-Identified-Payload-Type */
    uint64_t content_length;
    const pith_warc_header *headers; /* every WARC header, in order */
    size_t n_headers;
    const uint8_t *block; /* the record block: Content-Length bytes */
    size_t block_len;

    /* response records with an HTTP message in the block (has_http): */
    bool has_http;
    int http_status;                        /* e.g. 200; 0 when the status line is unusable */
    const pith_warc_header *http_headers;
    size_t n_http_headers;
    pith_warc_str http_content_type;        /* full Content-Type value */
    pith_warc_str http_mime;                /* its type/subtype, trimmed, as written (compare caselessly) */
    pith_warc_str http_charset;             /* its charset parameter, unquoted; the transport encoding */
    pith_warc_str http_content_encoding;
    pith_warc_str http_transfer_encoding;
    bool dechunked;                         /* the body was chunked and has been de-chunked */
    bool decoded;                           /* a Content-Encoding has been removed */

    /* The payload: the HTTP body (de-chunked, decoded) for response records with
     * HTTP; the block for resource and conversion records; empty otherwise. */
    const uint8_t *payload;
    size_t payload_len;
    pith_warc_payload_status payload_status;
} pith_warc_record;

typedef enum pith_warc_gzip_engine {
    PITH_WARC_GZIP_AUTO = 0,  /* libdeflate on memory/mmap input, zlib on streams */
    PITH_WARC_GZIP_ZLIB,      /* always zlib (streaming) */
    PITH_WARC_GZIP_LIBDEFLATE /* libdeflate where the input is in memory (else zlib) */
} pith_warc_gzip_engine;

typedef struct pith_warc_options {
    uint64_t max_record_size;  /* header + block; larger records are reported and skipped (64 MiB) */
    size_t max_header_size;    /* a WARC or HTTP header block, hence any header line (64 KiB) */
    size_t max_headers;        /* header lines per block (256) */
    size_t max_payload_size;   /* an HTTP payload after de-chunking/decoding (64 MiB) */
    uint64_t max_member_size;  /* decompressed bytes of one gzip member / zstd frame; 0 = auto:
                                  max_record_size + 1 MiB for every member after the first one
                                  that ended (the first may be a whole-file member) */
    pith_warc_gzip_engine gzip_engine;
    bool parse_http;           /* parse HTTP in response records (true) */
    bool decode_payload;       /* de-chunk and remove Content-Encoding (true) */
} pith_warc_options;

void pith_warc_options_init(pith_warc_options *o);

/* Open a reader. opts may be NULL (defaults). On failure NULL is returned
 * and *err (if non-NULL) says why. */
pith_warc_reader *pith_warc_open_path(const char *path, const pith_warc_options *opts,
                                      pith_warc_error *err);
/* Streams from fd (not closed by the reader). A regular file is mmap'ed. */
pith_warc_reader *pith_warc_open_fd(int fd, const pith_warc_options *opts, pith_warc_error *err);
/* Reads data[0..len) in place: the caller keeps it alive until close. */
pith_warc_reader *pith_warc_open_memory(const void *data, size_t len,
                                        const pith_warc_options *opts, pith_warc_error *err);

/* The next record, END, or one ERROR per corrupt stretch (then call again). */
pith_warc_status pith_warc_next(pith_warc_reader *r, pith_warc_record *rec);

/* Zero-copy handoff of the record just returned: when its view (any
 * pointer into it, e.g. rec->payload) lies in the reader's decompression
 * window, the caller takes that window and gives the reader *buf (capacity
 * *cap; NULL/0 allowed; from malloc) to go on with; the record counts as
 * consumed. When the view lies in the buffer a payload was decoded into
 * (de-chunked, or Content-Encoding), the caller takes that buffer the same
 * way. The views into what was taken stay valid at the same addresses, now
 * in memory the caller owns (free() it). Returns false and changes nothing
 * when the view is elsewhere (input read in place) or when much of the
 * stream after the record is already decoded (it would have to be copied
 * over: whole-file gzip). For pipelines that would otherwise copy every
 * payload out before the next read. */
bool pith_warc_take_window(pith_warc_reader *r, const void *view, char **buf, size_t *cap);

/* The error behind the last ERROR/FATAL status (or E_NONE). */
const pith_warc_error *pith_warc_last_error(const pith_warc_reader *r);

typedef enum pith_warc_compression {
    PITH_WARC_PLAIN = 0,
    PITH_WARC_GZIP,
    PITH_WARC_ZSTD
} pith_warc_compression;

typedef struct pith_warc_stats {
    pith_warc_compression compression;
    uint64_t input_bytes;    /* compressed bytes consumed so far */
    uint64_t output_bytes;   /* decompressed bytes produced so far */
    uint64_t members;        /* gzip members / zstd frames started */
    double decompress_seconds; /* time inside the decompressor (when timing is on) */
} pith_warc_stats;

/* Counters for benchmarks; timing costs two clock reads per member/refill,
 * so it is off unless enabled. */
void pith_warc_enable_timing(pith_warc_reader *r, bool on);
void pith_warc_get_stats(const pith_warc_reader *r, pith_warc_stats *st);

void pith_warc_close(pith_warc_reader *r);

/* ---------------------------------------------------------------- helpers */

/* The value of the first header named `name` (caseless), or {NULL, 0}. */
pith_warc_str pith_warc_header_get(const pith_warc_header *h, size_t n, const char *name);

/* Does the record's payload look like HTML? For HTTP responses: the
 * Content-Type says text/html or application/xhtml+xml; for resource
 * records the record Content-Type does; when no type says (absent,
 * text/plain, application/octet-stream, unknown/unknown) the first bytes
 * are sniffed (after whitespace and a BOM: <!doctype html, <html, <head,
 * <body, <script, <!--, ...). Other records: false. */
bool pith_warc_is_html(const pith_warc_record *rec);

/* The same sniff on raw bytes. */
bool pith_warc_sniff_html(const uint8_t *p, size_t n);

/* The charset to hand to the HTML parser as transport encoding: the HTTP
 * Content-Type charset, else for resource records the record
 * Content-Type's; {NULL, 0} when none. */
pith_warc_str pith_warc_charset(const pith_warc_record *rec);

/* For parallel reading of one file held in memory (or mmap'ed): the offset
 * of the first gzip member / zstd frame / plain record at or after `from`
 * that really starts a record (it decodes, begins with "WARC/1.", and ends
 * at the end of the input or right before another member), or len when
 * there is none. Cutting at such offsets gives ranges that are WARC files
 * of their own: open one reader per range with pith_warc_open_memory(). A
 * whole-file .gz has no inner starts, and the zstd dictionary variant
 * cannot be cut (the ranges would lack the dictionary): both return len.
 * Cost: one member decoded per candidate magic. opts may be NULL. */
size_t pith_warc_find_member(const void *data, size_t len, size_t from, const pith_warc_options *opts);

const char *pith_warc_type_str(pith_warc_type t);
const char *pith_warc_errcode_str(pith_warc_errcode c);

#endif
