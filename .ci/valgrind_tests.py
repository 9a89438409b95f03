#!/usr/bin/env python3
"""Runs ctest's tests under valgrind memcheck (any error, or a definite or
indirect leak, fails the test), a few at a time.

The test list and each test's command line come from ctest itself
(--show-only=json-v1), so new tests are picked up without edits here.
Exit code 77 counts as skipped, as in ctest. Prints one line per test with
its time, then a summary; exits 1 if any test failed.

usage: .ci/valgrind_tests.py BUILD_DIR INCLUDE_REGEX [EXCLUDE_REGEX] [-j N]
"""
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import time

VALGRIND = ["valgrind", "--error-exitcode=1", "--leak-check=full", "--errors-for-leak-kinds=definite,indirect",
            "--show-leak-kinds=definite,indirect", "--quiet",
            "--suppressions=" + os.path.join(os.path.dirname(os.path.abspath(__file__)), "valgrind.supp")]


def tests(build, include, exclude):
    out = subprocess.run(["ctest", "--show-only=json-v1"], cwd=build, check=True, capture_output=True).stdout
    for t in json.loads(out)["tests"]:
        name = t["name"]
        if not re.search(include, name) or (exclude and re.search(exclude, name)):
            continue
        cwd = build
        for p in t.get("properties", []):
            if p["name"] == "WORKING_DIRECTORY":
                cwd = p["value"]
        yield name, t["command"], cwd


def run(test):
    name, cmd, cwd = test
    t0 = time.monotonic()
    # Interpreted tests (bash scripts) are not what memcheck is for.
    if os.path.basename(cmd[0]) in ("bash", "sh", "python3"):
        return name, "skipped", 0.0, ""
    p = subprocess.run(VALGRIND + cmd, cwd=cwd, capture_output=True, text=True, errors="replace")
    secs = time.monotonic() - t0
    status = "passed" if p.returncode == 0 else "skipped" if p.returncode == 77 else "FAILED"
    return name, status, secs, (p.stdout[-3000:] + p.stderr[-6000:]) if status == "FAILED" else ""


def main():
    args = sys.argv[1:]
    jobs = 2
    if "-j" in args:
        i = args.index("-j")
        jobs = int(args[i + 1])
        del args[i:i + 2]
    build, include = args[0], args[1]
    exclude = args[2] if len(args) > 2 else None
    # Longest first (hostile inputs, the tree builder's tests), so that the
    # long pole overlaps everything else.
    todo = sorted(tests(build, include, exclude),
                  key=lambda t: 0 if t[0].startswith("hostile/") or "treebuilder" in t[0] else 1)
    failed = 0
    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for name, status, secs, log in pool.map(run, todo):
            print(f"  {name:<40} {status:<8} {secs:7.1f}s", flush=True)
            if status == "FAILED":
                failed += 1
                print(log, flush=True)
    print(f"valgrind: {len(todo) - failed} of {len(todo)} tests passed or skipped, {failed} failed, "
          f"{time.monotonic() - t0:.0f}s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
