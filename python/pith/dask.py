"""pith.dask - a crawl's WARC files to JSON Lines on a Dask cluster.

    python3 -m pith.dask [--scheduler ADDRESS] [--workers N] --output-dir DIR [options] WARC...

    from pith.dask import extract_warcs
    summary = extract_warcs(paths, "out/", client=None, comments=True)

One task per WARC file: a worker reads the file once with pith.extract_warc
and writes the articles, the JSON lines `pith FILE` would write, to one
.jsonl file (.jsonl.gz with compress) in the output folder. A file is written
under a temporary name and renamed when complete, so a complete name is a
complete output; a rerun skips inputs whose output is complete (a crashed job
resumes), and a retried task starts its file again. Inputs with the same base
name get distinct outputs. _summary.json in the output folder has the
records, articles, errors and time of every file; it is rewritten as files
finish. A damaged record is skipped and counted; a file that cannot be read
is reported and the others finish. Exit status as the CLI's: 0 when every
input was read cleanly, 1 when a record or a file was damaged or failed.

Without a scheduler address a distributed.LocalCluster of --workers
processes (default: the cores) is started for the run. Paths must be
readable by the workers under the same names (a shared file system), as must
the output folder.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import socket
import sys
import time
import uuid
from typing import Any, Dict, Iterable, List, Optional, Sequence

import pith

SUMMARY = "_summary.json"
# Suffixes taken off an input's name to make its output's (longest first).
WARC_SUFFIXES = (".warc.gz", ".warc.zst", ".warc", ".arc.gz", ".gz", ".zst")
# Options of pith.extract that do not apply to WARC input (the CLI refuses them too).
NOT_FOR_WARC = {"encoding", "pretty"}


def output_names(paths: Sequence[str], compress: bool = False) -> List[str]:
    """One output file name per input: the base name without its WARC suffix,
    plus '-' and 8 hex digits of the absolute path's SHA-1 when two inputs
    share a base name (stable from run to run, whatever the order)."""
    ext = ".jsonl.gz" if compress else ".jsonl"
    stems = []
    for p in paths:
        base = os.path.basename(p)
        for suf in WARC_SUFFIXES:
            if base.lower().endswith(suf) and len(base) > len(suf):
                base = base[: -len(suf)]
                break
        stems.append(base)
    names = []
    for p, stem in zip(paths, stems):
        if stems.count(stem) > 1:
            stem += "-" + hashlib.sha1(os.path.abspath(p).encode("utf-8", "surrogateescape")).hexdigest()[:8]
        names.append(stem + ext)
    return names


def extract_file(path: str, output: str, options: Dict[str, Any], compress: bool = False) -> Dict[str, Any]:
    """The task: one WARC file to one JSON Lines file. Returns the file's
    summary; a file that cannot be read is a summary with status 'failed'."""
    t0 = time.monotonic()
    tmp = "%s.tmp-%s-%d-%s" % (output, socket.gethostname(), os.getpid(), uuid.uuid4().hex[:8])
    entry: Dict[str, Any] = {"input": path, "output": os.path.basename(output), "worker": socket.gethostname()}
    it = None
    try:
        opener = (lambda p: gzip.open(p, "wt", encoding="utf-8", compresslevel=6)) if compress else \
            (lambda p: open(p, "w", encoding="utf-8"))
        with opener(tmp) as out:
            import warnings
            with warnings.catch_warnings():
                # Damage is counted in the summary; the worker's log need not repeat it.
                warnings.simplefilter("ignore", pith.WarcWarning)
                it = pith.extract_warc(path, format="json", **options)
                for line in it:
                    out.write(line)
                    out.write("\n")
        os.replace(tmp, output)
        entry["status"] = "damaged" if it.errors else "ok"
    except (OSError, pith.Error) as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        entry["status"] = "failed"
        entry["failure"] = "%s: %s" % (type(e).__name__, e)
    stats = it.stats if it is not None else {}
    entry.update({
        "records": stats.get("records", 0),
        "articles": stats.get("articles", 0),
        "errors": [{"offset": e.offset, "code": e.code, "message": e.message} for e in (it.errors if it else [])],
        "seconds": round(time.monotonic() - t0, 3),
    })
    return entry


def _write_summary(outdir: str, summary: Dict[str, Any]) -> None:
    path = os.path.join(outdir, SUMMARY)
    tmp = path + ".tmp-%d" % os.getpid()
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1, ensure_ascii=False)
        f.write("\n")
    os.replace(tmp, path)


def _earlier_entries(outdir: str) -> Dict[str, Dict[str, Any]]:
    """The files of an earlier run's _summary.json, by output name."""
    try:
        with open(os.path.join(outdir, SUMMARY), encoding="utf-8") as f:
            return {e["output"]: e for e in json.load(f).get("files", []) if "output" in e}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def _totals(files: List[Dict[str, Any]], seconds: float) -> Dict[str, Any]:
    return {
        "files": len(files),
        "files_failed": sum(e.get("status") == "failed" for e in files),
        "files_damaged": sum(e.get("status") == "damaged" for e in files),
        "records": sum(e.get("records") or 0 for e in files),
        "articles": sum(e.get("articles") or 0 for e in files),
        "errors": sum(len(e.get("errors") or []) for e in files),
        "seconds": round(seconds, 3),
    }


def exit_status(summary: Dict[str, Any]) -> int:
    """The CLI's: 0 when every input was read cleanly, else 1."""
    return 0 if all(e.get("status") in ("ok", "skipped") and not e.get("errors") for e in summary["files"]) else 1


def extract_warcs(paths: Iterable[str], output: str, client=None, *, workers: Optional[int] = None,
                  compress: bool = False, retries: int = 0, log=None, **options) -> Dict[str, Any]:
    """Extracts every WARC file of paths on a Dask cluster into the folder output.

    client is a distributed.Client; None starts a LocalCluster of workers
    processes (default: the cores) for this call. options are
    pith.extract_warc's (comments=True, favor="precision", ...). Returns the
    summary also written to output/_summary.json: "files" (per input: input,
    output, status ok/damaged/failed/skipped, records, articles, errors with
    offset and message, seconds) and "totals". log, when given, is called
    with a line per finished file."""
    bad = NOT_FOR_WARC.intersection(options)
    if bad:
        raise TypeError("extract_warcs: %s does not apply to WARC input" % ", ".join(sorted(bad)))
    if "format" in options:
        raise TypeError("extract_warcs writes JSON Lines: format does not apply")
    t0 = time.monotonic()
    seen, inputs = set(), []
    for p in paths:
        a = os.path.abspath(os.fspath(p))
        if a not in seen:
            seen.add(a)
            inputs.append(a)
    outdir = os.path.abspath(os.fspath(output))
    os.makedirs(outdir, exist_ok=True)
    names = output_names(inputs, compress)
    earlier = _earlier_entries(outdir)
    entries: Dict[str, Dict[str, Any]] = {}
    todo = []
    for path, name in zip(inputs, names):
        prev = earlier.get(name)
        if os.path.exists(os.path.join(outdir, name)) and (prev is None or prev.get("input") == path):
            e = dict(prev) if prev else {"input": path, "output": name, "records": None, "articles": None,
                                         "errors": []}
            e["status"] = "skipped"
            e["earlier_status"] = prev.get("status") if prev else "complete"
            entries[name] = e
        else:
            todo.append((path, name))

    def summary() -> Dict[str, Any]:
        files = [entries[n] for n in names if n in entries]
        return {"pith_version": pith.__version__, "options": options, "compress": compress, "files": files,
                "totals": _totals(files, time.monotonic() - t0)}

    own = None
    if client is None and todo:
        from distributed import Client, LocalCluster
        import logging
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        own = client = Client(cluster)
    try:
        if todo:
            from distributed import as_completed
            futures = {}
            for path, name in todo:
                f = client.submit(extract_file, path, os.path.join(outdir, name), options, compress, pure=False,
                                  retries=retries, key="pith-%s-%s" % (name, uuid.uuid4().hex[:8]))
                futures[f] = (path, name)
            for f in as_completed(futures):
                path, name = futures[f]
                try:
                    e = f.result()
                except Exception as ex:  # the task raised (or its worker died past the retries)
                    e = {"input": path, "output": name, "status": "failed", "failure": "%s: %s"
                         % (type(ex).__name__, ex), "records": 0, "articles": 0, "errors": []}
                entries[name] = e
                _write_summary(outdir, summary())
                if log:
                    log(_file_line(e))
        s = summary()
        _write_summary(outdir, s)
        return s
    finally:
        if own is not None:
            cluster = own.cluster
            own.close()
            cluster.close()


def _file_line(e: Dict[str, Any]) -> str:
    name = os.path.basename(e["input"])
    if e["status"] == "failed":
        return "pith.dask: %s: failed: %s" % (name, e.get("failure"))
    errs = "".join("\npith.dask: %s: offset %s: %s" % (name, x["offset"], x["message"]) for x in e["errors"])
    return "pith.dask: %s: %d articles of %d records, %d error%s (%.1f s)%s" % (
        name, e["articles"], e["records"], len(e["errors"]), "" if len(e["errors"]) == 1 else "s",
        e.get("seconds", 0), errs)


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python3 -m pith.dask",
        description="Extracts the articles of WARC files on a Dask cluster: one task per file, one JSON Lines "
                    "file per input in DIR (written under a temporary name, renamed when complete), and "
                    "DIR/_summary.json. A rerun skips inputs whose output is complete.",
        epilog="exit status: 0 every input read cleanly, 1 a record or file was damaged or failed, 2 usage error")
    ap.add_argument("warcs", nargs="+", metavar="WARC", help="WARC files (plain, .gz, .zst)")
    ap.add_argument("--output-dir", "-o", required=True, metavar="DIR", help="the folder of the outputs")
    ap.add_argument("--scheduler", metavar="ADDRESS", help="a Dask scheduler (tcp://host:8786); default: a "
                    "LocalCluster for this run")
    ap.add_argument("--workers", "-j", type=int, metavar="N", help="LocalCluster worker processes (default: cores)")
    ap.add_argument("--compress", action="store_true", help="write .jsonl.gz")
    ap.add_argument("--retries", type=int, default=0, metavar="N", help="retry a failed task N times")
    ap.add_argument("--quiet", "-q", action="store_true", help="no line per file on stderr")
    ap.add_argument("--all-statuses", dest="all_statuses", action="store_true",
                    help="extract HTTP responses of any status, as the CLI's --all-statuses (default: 200 only)")
    # The extraction options, from pith.OPTIONS: the CLI's flags.
    for name, kind, default, choices, doc in pith.OPTIONS:
        if name in NOT_FOR_WARC:
            continue
        flag = "--" + name.replace("_", "-")
        if kind == "bool":
            if default:
                ap.add_argument("--no-" + name.replace("_", "-"), dest=name, action="store_false", default=None,
                                help="leave out (default: in): " + doc.split(" (")[0])
            else:
                ap.add_argument(flag, dest=name, action="store_true", default=None, help=doc)
        elif kind == "enum":
            ap.add_argument(flag, dest=name, choices=choices, default=None, help=doc)
        elif kind == "types":
            ap.add_argument(flag, dest=name, default=None, metavar="TYPES",
                            help="%s; comma-separated: %s" % (doc, ",".join(choices)))
        elif kind == "size":
            ap.add_argument(flag, dest=name, type=int, default=None, metavar="N", help=doc)
        else:
            ap.add_argument(flag, dest=name, default=None, help=doc)
    return ap


def main(argv: Optional[Sequence[str]] = None) -> int:
    a = _parser().parse_args(argv)
    options = {name: getattr(a, name) for name, *_ in pith.OPTIONS
               if name not in NOT_FOR_WARC and getattr(a, name) is not None}
    if a.all_statuses:
        options["all_statuses"] = True
    client = None
    if a.scheduler:
        from distributed import Client
        client = Client(a.scheduler)
    log = None if a.quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    try:
        s = extract_warcs(a.warcs, a.output_dir, client, workers=a.workers, compress=a.compress,
                          retries=a.retries, log=log, **options)
    finally:
        if client is not None:
            client.close()
    t = s["totals"]
    if not a.quiet:
        print("pith.dask: %d files (%d skipped, %d failed, %d damaged): %d articles of %d records, %d errors, "
              "%.1f s; summary in %s" % (t["files"], sum(e["status"] == "skipped" for e in s["files"]),
                                          t["files_failed"], t["files_damaged"], t["articles"], t["records"],
                                          t["errors"], t["seconds"], os.path.join(a.output_dir, SUMMARY)),
              file=sys.stderr)
    return exit_status(s)


if __name__ == "__main__":
    # Run as pith.dask, not __main__: the workers import the tasks by that name.
    from pith.dask import main as _main
    sys.exit(_main())
