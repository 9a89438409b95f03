"""One version: pith.h's three lines, read by CMake and by setup.py."""
import re
from importlib import metadata

import pith
from conftest import CLI, ROOT


def header_version():
    text = (ROOT / "include" / "pith.h").read_text()
    return ".".join(re.search(r"^#define PITH_VERSION_%s (\d+)$" % p, text, re.M).group(1)
                    for p in ("MAJOR", "MINOR", "PATCH"))


def test_module_version_is_the_header_version():
    v = header_version()
    assert pith.__version__ == v
    assert metadata.version("pith") == v
    major, minor, patch = map(int, v.split("."))
    assert pith._pith.version_number() == major * 10000 + minor * 100 + patch


def test_cli_and_cmake_agree(cli):
    v = header_version()
    assert cli(["--version"]).stdout.decode().strip() == "pith " + v
    pc = CLI.parent / "pith.pc"
    if pc.exists():  # written by CMake from project()'s version
        assert re.search(r"^Version: (.*)$", pc.read_text(), re.M).group(1) == v
