/*
 * pith_warc.h - reading WARC crawl archives record by record (libpith_warc).
 *
 * This header is the whole public interface of libpith_warc and its manual.
 * libpith_warc is a library of its own, beside libpith: it carries the
 * compression libraries (zlib, libdeflate, zstd, brotli) so that libpith
 * links none. Link it with `pkg-config --libs pith_warc` or CMake's
 * pith::pith_warc (after find_package(pith)).
 *
 * Every symbol starts with pith_warc_ / PITH_WARC_; everything else in the
 * library is hidden. The reader is an opaque handle. The library never
 * prints, aborts or exits: problems are status codes with an error that
 * says what and at which byte offset.
 *
 * A reader opens a path (mmap'ed when it is a regular file), a file
 * descriptor (a pipe is streamed with bounded memory), a memory buffer, or
 * the caller's read callback (e.g. a Python file object). The compression
 * is found from the first bytes, never from a name: plain WARC, gzip (one
 * member per record as Common Crawl writes it, one member for the whole
 * file, or members cut anywhere: the decompressed members are one stream)
 * or zstd (.warc.zst, with the optional dictionary in a leading skippable
 * frame 0x184D2A5D).
 *
 *   pith_warc_error err;
 *   pith_warc_reader *r = pith_warc_open_path("crawl.warc.gz", NULL, &err);
 *   if (!r) { report(err.message); return; }
 *   const pith_warc_record *rec;
 *   for (;;) {
 *       pith_warc_status s = pith_warc_next(r, &rec);
 *       if (s == PITH_WARC_END) break;
 *       if (s == PITH_WARC_ERROR) {        // damage, skipped; the next call goes on
 *           const pith_warc_error *e = pith_warc_last_error(r);
 *           report(e->offset, e->message);
 *           continue;                       // (strict callers stop here instead)
 *       }
 *       if (s == PITH_WARC_FATAL) { report(...); break; }   // I/O error or out of memory
 *       if (!pith_warc_skip_reason(rec, 0)) use(rec->payload, rec->payload_len, rec->charset);
 *   }
 *   pith_warc_close(r);
 *
 * Ownership: the reader owns the record it hands out and every byte the
 * record points to (its window buffer, the mmap'ed file, or, for
 * pith_warc_open_memory, the caller's buffer, which must outlive the
 * reader). A record and all its pointers are valid until the next
 * pith_warc_next() or pith_warc_close() on that reader; a caller that keeps
 * anything longer copies it (or takes it: pith_warc_take_window()). Strings
 * are pointer + length and are not NUL-terminated.
 *
 * Damage: a corrupt stretch (a bad Content-Length, garbage between records,
 * a broken gzip member or zstd frame, a file cut short) is one
 * PITH_WARC_ERROR whose error says what and where (everything a gzip member
 * or zstd frame decodes after damage inside it, until the next member, is
 * the same stretch: flipped bytes garble the rest of a deflate stream); the reader has already
 * resynchronised, so the next call returns the next good record. Every
 * record before the damage is returned first, and every record after it
 * wherever the input has a point to restart from (the next gzip member or
 * zstd frame, or the next "WARC/1." line). Only I/O and allocation
 * failures are PITH_WARC_FATAL; after FATAL every call returns END.
 *
 * Memory: buffers are reused across records (no allocation per record once
 * the largest record seen fits) and bounded by the limits in the options.
 * Threads: one reader per thread; readers share nothing but the table of
 * their large buffers (warc_buffer.c, behind a lock).
 */
#ifndef PITH_WARC_H
#define PITH_WARC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(PITH_WARC_BUILDING) && defined(__GNUC__)
#define PITH_WARC_API __attribute__((visibility("default")))
#else
#define PITH_WARC_API
#endif

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
    PITH_WARC_RECORD = 0, /* *rec is the next record */
    PITH_WARC_END,        /* no more records (also after FATAL) */
    PITH_WARC_ERROR,      /* a damaged stretch was skipped: see pith_warc_last_error(); call again */
    PITH_WARC_FATAL       /* I/O error or out of memory: the reader is done */
} pith_warc_status;

typedef enum pith_warc_errcode {
    PITH_WARC_E_NONE = 0,
    PITH_WARC_E_IO,             /* reading failed (FATAL; also: cannot open) */
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
    PITH_WARC_E_UNSUPPORTED,    /* compression compiled out (zstd, gzip) */
    PITH_WARC_E_INVALID         /* a bad argument (NULL pointer) */
} pith_warc_errcode;

typedef struct pith_warc_error {
    pith_warc_errcode code;
    const char *message;    /* static English text, never NULL after an error */
    uint64_t offset;        /* byte offset in the input as it is (compressed bytes for gzip and
                               zstd): the record (plain input), the gzip member / zstd frame
                               holding it, or, inside a member that holds many records (a
                               whole-file .gz), where the decoder stood at most 16 KiB of
                               decompressed output before the failure (a zstd frame: 64 KiB) */
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

/* A record. Owned by the reader; valid until the next pith_warc_next() or
 * pith_warc_close(). New fields are only ever added at the end. */
typedef struct pith_warc_record {
    /* What most callers need. */
    pith_warc_type type;
    pith_warc_str record_id;    /* WARC-Record-ID, as written ("<urn:uuid:...>") */
    pith_warc_str target_uri;   /* WARC-Target-URI (angle brackets of WARC/1.0 drafts removed) */
    pith_warc_str date;         /* WARC-Date */
    int http_status;            /* HTTP responses: e.g. 200; 0 when there is no HTTP message or its
                                   status line is unusable */
    pith_warc_str content_type; /* the payload's declared type: the HTTP Content-Type of an HTTP
                                   response, else the record's Content-Type */
    pith_warc_str charset;      /* the payload's charset (the HTTP Content-Type's, else for resource
                                   and conversion records the record's): the transport encoding
                                   to parse the page with; {NULL, 0} when none is declared */
    /* The payload: the HTTP body (de-chunked, decoded) for response records
     * with HTTP; the block for resource and conversion records; empty
     * otherwise. */
    const uint8_t *payload;
    size_t payload_len;
    pith_warc_payload_status payload_status;
    uint64_t offset;            /* input offset: the record (plain) or its gzip member / zstd frame */
    uint64_t stream_offset;     /* offset of "WARC/" in the decompressed stream */

    /* The record in detail. */
    int version_major;          /* 1 */
    int version_minor;          /* 0 or 1 */
    pith_warc_str type_name;    /* WARC-Type as written */
    pith_warc_str warc_content_type;       /* the record's own Content-Type header
                                              (e.g. application/http; msgtype=response) */
    pith_warc_str identified_payload_type; /* WARC-Identified-Payload-Type */
    uint64_t content_length;
    const pith_warc_header *headers;       /* every WARC header, in order */
    size_t n_headers;
    const uint8_t *block;       /* the record block: Content-Length bytes */
    size_t block_len;

    /* Response records with an HTTP message in the block (has_http). */
    bool has_http;
    const pith_warc_header *http_headers;
    size_t n_http_headers;
    pith_warc_str http_content_type;       /* full Content-Type value */
    pith_warc_str http_mime;               /* its type/subtype, trimmed, as written (compare caselessly) */
    pith_warc_str http_content_encoding;
    pith_warc_str http_transfer_encoding;
    bool dechunked;                        /* the body was chunked and has been de-chunked */
    bool decoded;                          /* a Content-Encoding has been removed */
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

/* Fills o with the defaults given above. */
PITH_WARC_API void pith_warc_options_init(pith_warc_options *o);

/* ---------------------------------------------------------------- opening
 * Each returns a reader the caller owns and closes with pith_warc_close(),
 * or NULL with *err (when err is non-NULL) saying why. opts may be NULL
 * (the defaults); it is copied. */

/* Opens the file at path. A regular file is mmap'ed (and read in place);
 * anything else (a FIFO) is streamed. The reader closes what it opened. */
PITH_WARC_API pith_warc_reader *pith_warc_open_path(const char *path, const pith_warc_options *opts,
                                                    pith_warc_error *err);

/* Reads fd from its current position. A regular file at offset 0 is
 * mmap'ed; anything else is streamed with bounded memory. The caller keeps
 * fd open until pith_warc_close() and closes it afterwards. */
PITH_WARC_API pith_warc_reader *pith_warc_open_fd(int fd, const pith_warc_options *opts, pith_warc_error *err);

/* Reads data[0..len) in place: the caller keeps it alive and unchanged
 * until pith_warc_close(). */
PITH_WARC_API pith_warc_reader *pith_warc_open_memory(const void *data, size_t len,
                                                      const pith_warc_options *opts, pith_warc_error *err);

/* The caller's read function: fills buf with up to cap bytes and returns
 * how many (> 0), 0 at the end of the input, or -1 on an error (the
 * reader then reports PITH_WARC_E_IO, FATAL). It is called only from
 * inside pith_warc_open_read() and pith_warc_next(), on the calling thread,
 * with cap of at most 1 MiB. */
typedef ptrdiff_t (*pith_warc_read_fn)(void *user, void *buf, size_t cap);

/* Streams the input through read(user, ...), with bounded memory: for a
 * Python file object, a socket, a decompressor of the caller's. user is
 * the caller's; the reader only passes it to read. */
PITH_WARC_API pith_warc_reader *pith_warc_open_read(pith_warc_read_fn read, void *user,
                                                    const pith_warc_options *opts, pith_warc_error *err);

/* Closes the reader and frees what it owns. NULL is a no-op. */
PITH_WARC_API void pith_warc_close(pith_warc_reader *r);

/* ---------------------------------------------------------------- reading */

/* The next record (*rec points to it, owned by the reader), END, or one
 * ERROR per damaged stretch (then call again: the reader has moved past
 * it). A caller that wants to stop at the first damage ("strict") stops at
 * the first ERROR. On anything but RECORD, *rec is NULL. */
PITH_WARC_API pith_warc_status pith_warc_next(pith_warc_reader *r, const pith_warc_record **rec);

/* The error behind the last ERROR/FATAL status (code PITH_WARC_E_NONE after
 * a RECORD or END). Owned by the reader, valid until its next call. */
PITH_WARC_API const pith_warc_error *pith_warc_last_error(const pith_warc_reader *r);

/* Zero-copy handoff of the record just returned: when `view` (any pointer
 * into the record, e.g. rec->payload) lies in the reader's decompression
 * window, the caller takes that window and gives the reader *buf (capacity
 * *cap; NULL/0 allowed; from malloc, or taken by an earlier call, of this
 * reader or another) to go on with; the record counts as consumed. When the
 * view lies in the buffer a payload was decoded into (de-chunked, or
 * Content-Encoding), the caller takes that buffer the same way. The
 * record's pointers into what was taken stay valid at the same addresses,
 * now in memory the caller owns: release it with pith_warc_buffer_free(),
 * never free() or realloc() (a large one is a memory mapping of its own,
 * in huge pages where the system has them). Returns false and changes
 * nothing when the view is elsewhere (input read in place) or when much of
 * the stream after the record is already decoded (it would have to be
 * copied over: whole-file gzip). For pipelines that would otherwise copy
 * every payload out before the next read. */
PITH_WARC_API bool pith_warc_take_window(pith_warc_reader *r, const void *view, char **buf, size_t *cap);

/* Releases a buffer pith_warc_take_window handed out (and, as free() does,
 * a malloc'ed one, or NULL). Any thread, before or after its reader is
 * closed. */
PITH_WARC_API void pith_warc_buffer_free(void *buf);

/* Parallel gzip: lets other threads inflate the gzip members ahead of the
 * one the reader is in (one member per record, as Common Crawl writes, and
 * the input in memory or an mmap'ed file; false and nothing changes
 * otherwise). Call once, before the first pith_warc_next(). Records, errors
 * and offsets are the same as without: the reader uses a helper's output
 * only for the member it has reached, and inflates anything else itself. */
PITH_WARC_API bool pith_warc_enable_helpers(pith_warc_reader *r);
/* Called from any thread but the reader's, while the reader is open (the
 * caller makes sure no call is running when pith_warc_close() starts):
 * inflates one member ahead of the reader. Returns false when there is
 * nothing to do now (enough members are ready, or the input is all
 * claimed). Thread-safe with pith_warc_next() and other helpers. */
PITH_WARC_API bool pith_warc_help(pith_warc_reader *r);

/* ---------------------------------------------------------------- helpers */

/* Flags for pith_warc_skip_reason(). */
#define PITH_WARC_ANY_STATUS 1u /* take HTTP responses whatever their status (default: 200 only) */

/* Is the record an HTML page to extract? NULL when it is; otherwise why not,
 * as a static string: "request record" (any record type but response and
 * resource), "http status 404", "not html", "payload: ..." (a
 * Content-Encoding that failed to decode), "empty payload". The pith CLI
 * and Python module decide with this. */
PITH_WARC_API const char *pith_warc_skip_reason(const pith_warc_record *rec, unsigned flags);

/* The value of the first header named `name` (caseless) in h[0..n), or
 * {NULL, 0}. */
PITH_WARC_API pith_warc_str pith_warc_header_get(const pith_warc_header *h, size_t n, const char *name);

/* Does the record's payload look like HTML? For HTTP responses: the
 * Content-Type says text/html or application/xhtml+xml; for resource
 * records the record Content-Type does; when no type says (absent,
 * text/plain, application/octet-stream, unknown/unknown) the first bytes
 * are sniffed (after whitespace and a BOM: <!doctype html, <html, <head,
 * <body, <script, <!--, ...). Other records: false. */
PITH_WARC_API bool pith_warc_is_html(const pith_warc_record *rec);

/* The same sniff on raw bytes. */
PITH_WARC_API bool pith_warc_sniff_html(const uint8_t *p, size_t n);

typedef enum pith_warc_sniff_result {
    PITH_WARC_SNIFF_NO = 0, /* not a WARC file */
    PITH_WARC_SNIFF_YES,    /* a WARC file (plain, gzip or zstd) */
    PITH_WARC_SNIFF_MORE    /* cannot tell yet: give more of the input's first bytes */
} pith_warc_sniff_result;

/* Is p[0..n), the first bytes of an input, the start of a WARC file?
 * "WARC/" at the start, or a gzip / zstd stream whose decompressed bytes
 * start with "WARC/", or the zstd dictionary frame only .warc.zst files
 * carry. A compressed stream that is damaged or cut before its first bytes
 * decode (a zstd frame with a whole, valid header whose first block is not
 * all in p: zstd decodes a block only once it is whole) is YES too: it is
 * no page, and the reader reports its damage and keeps what follows.
 * 64 KiB always suffice to decide. */
PITH_WARC_API pith_warc_sniff_result pith_warc_sniff(const void *p, size_t n);

/* For parallel reading of one file held in memory (or mmap'ed): the offset
 * of the first gzip member / zstd frame / plain record at or after `from`
 * that really starts a record (it decodes, begins with "WARC/1.", and ends
 * at the end of the input or right before another member), or len when
 * there is none. Cutting at such offsets gives ranges that are WARC files
 * of their own: open one reader per range with pith_warc_open_memory(). A
 * whole-file .gz has no inner starts, and the zstd dictionary variant
 * cannot be cut (the ranges would lack the dictionary): both return len.
 * Cost: one member decoded per candidate magic. opts may be NULL. */
PITH_WARC_API size_t pith_warc_find_member(const void *data, size_t len, size_t from,
                                           const pith_warc_options *opts);

/* Static names: "response", "request", ... ("unknown"); "gzip",
 * "bad-length", ... for error codes. */
PITH_WARC_API const char *pith_warc_type_str(pith_warc_type t);
PITH_WARC_API const char *pith_warc_errcode_str(pith_warc_errcode c);

/* ---------------------------------------------------------------- counters */

typedef enum pith_warc_compression {
    PITH_WARC_PLAIN = 0,
    PITH_WARC_GZIP,
    PITH_WARC_ZSTD
} pith_warc_compression;

typedef struct pith_warc_stats {
    pith_warc_compression compression;
    uint64_t input_bytes;      /* input bytes consumed so far */
    uint64_t output_bytes;     /* decompressed bytes produced so far */
    uint64_t members;          /* gzip members / zstd frames started */
    double decompress_seconds; /* time inside the decompressor (when timing is on) */
} pith_warc_stats;

/* Counters for progress lines and benchmarks; timing costs two clock reads
 * per member/refill, so it is off unless enabled. */
PITH_WARC_API void pith_warc_enable_timing(pith_warc_reader *r, bool on);
PITH_WARC_API void pith_warc_get_stats(const pith_warc_reader *r, pith_warc_stats *st);

#ifdef __cplusplus
}
#endif

#endif
