"""setup.py - the C part of the Python module's build (pyproject.toml has the rest).

The library's sources (src/, every .c as in CMakeLists.txt) are compiled
into a static library with the flags of a CMake Release build, and linked
into the CPython extension pith._pith (python/ext/). The optional
compression libraries (zlib, libdeflate, zstd, brotli) are found with
pkg-config and compiled out when absent, as CMake does. Every library
symbol is hidden (-fvisibility=hidden): only PyInit__pith is exported, so
the extension never clashes with a libpith.so loaded in the same process.

The version is read from include/pith.h, the one place it is written.
"""
import os
import re
import shlex
import subprocess
from concurrent.futures import ThreadPoolExecutor
from glob import glob

from setuptools import Extension, setup
from setuptools.command.build_clib import build_clib
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))


def rel(*parts):
    return os.path.join(*parts)


def read_version():
    with open(os.path.join(HERE, "include", "pith.h"), encoding="utf-8") as f:
        text = f.read()
    parts = [re.search(r"^#define PITH_VERSION_%s +(\d+) *$" % p, text, re.M) for p in ("MAJOR", "MINOR", "PATCH")]
    if not all(parts):
        raise RuntimeError("include/pith.h has no '#define PITH_VERSION_MAJOR/MINOR/PATCH <number>' lines")
    return ".".join(m.group(1) for m in parts)


def pkg_config(name):
    """(cflags, libs) of a pkg-config module, or None when it is not installed."""
    try:
        r = subprocess.run(["pkg-config", "--cflags", "--libs", name], capture_output=True, text=True)
    except OSError:
        return None
    return shlex.split(r.stdout) if r.returncode == 0 else None


# The optional compression libraries: (pkg-config name, PITH_HAVE_ macro).
OPTIONAL = [("zlib", "ZLIB"), ("libdeflate", "LIBDEFLATE"), ("libzstd", "ZSTD"), ("libbrotlidec", "BROTLI")]

macros = [("_POSIX_C_SOURCE", "200809L")]
include_dirs = [rel("include")]
libraries, library_dirs, extra_cflags = [], [], []
for pc, macro in OPTIONAL:
    flags = pkg_config(pc)
    if flags is None:
        print("pith: %s not found (pkg-config): its compression is compiled out" % pc)
        continue
    macros.append(("PITH_HAVE_" + macro, "1"))
    for f in flags:
        if f.startswith("-l"):
            libraries.append(f[2:])
        elif f.startswith("-L"):
            library_dirs.append(f[2:])
        elif f.startswith("-I"):
            include_dirs.append(f[2:])
        else:
            extra_cflags.append(f)

# A CMake Release build's optimisation; later flags win over Python's own
# (Debian's python3 builds extensions with -O2 -fwrapv).
CFLAGS = ["-std=c11", "-O3", "-fno-wrapv", "-fvisibility=hidden", "-Wall", "-Wextra"] + extra_cflags

# The two libraries, as CMakeLists.txt globs them: libpith (src/) and libpith_warc (warc/).
lib_sources = sorted(os.path.relpath(p, HERE) for p in glob(os.path.join(HERE, "src", "**", "*.c"), recursive=True)
                     + glob(os.path.join(HERE, "warc", "*.c")))
lib_include_dirs = [rel("src"), rel("warc")]
ext_sources = sorted(rel(os.path.relpath(p, HERE)) for p in glob(os.path.join(HERE, "python", "ext", "*.c")))


def lto_flags(compiler):
    """Link-time optimisation with GCC, as CMake's Release build has it: the
    hot path crosses files (tokenizer -> tag lookup, DOM walk -> arena) and
    LTO saves ~4 % of the instructions per page. PITH_LTO=0 turns it off;
    other compilers go without."""
    cc = os.path.basename(compiler.compiler_so[0]) if getattr(compiler, "compiler_so", None) else ""
    if os.environ.get("PITH_LTO", "1") == "0" or "gcc" not in cc or "clang" in cc:
        return []
    return ["-flto=auto", "-ffat-lto-objects"]


class pith_build_clib(build_clib):
    """build_clib that compiles the library's ~60 files on every core."""

    def build_libraries(self, libs):
        for name, info in libs:
            cflags = info.get("cflags", []) + lto_flags(self.compiler)
            jobs = int(os.environ.get("PITH_BUILD_JOBS", os.cpu_count() or 1))

            def compile_one(src):
                return self.compiler.compile([src], output_dir=self.build_temp, macros=info.get("macros"),
                                             include_dirs=info.get("include_dirs"), extra_postargs=cflags,
                                             debug=self.debug)

            with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
                objects = [o for objs in pool.map(compile_one, info["sources"]) for o in objs]
            self.compiler.create_static_lib(objects, name, output_dir=self.build_clib, debug=self.debug)


class pith_build_ext(build_ext):
    def build_extension(self, ext):
        # The library is rebuilt every time (build_clib has no dependency
        # tracking), so the extension is relinked every time too.
        self.force = True
        lto = lto_flags(self.compiler)
        ext.extra_compile_args = list(ext.extra_compile_args or []) + lto
        # The link step optimises again with LTO: at -O3, like the objects.
        ext.extra_link_args = list(ext.extra_link_args or []) + (lto + ["-O3"] if lto else [])
        super().build_extension(ext)


setup(
    version=read_version(),
    libraries=[("pith_c", {"sources": lib_sources, "macros": macros, "include_dirs": include_dirs + lib_include_dirs,
                           "cflags": CFLAGS})],
    ext_modules=[Extension(
        "pith._pith",
        sources=ext_sources,
        include_dirs=include_dirs,
        define_macros=macros,
        extra_compile_args=CFLAGS,
        # pith_c first: a static library must come before the libraries it uses.
        libraries=["pith_c"] + libraries + ["m", "pthread"],
        library_dirs=library_dirs,
    )],
    cmdclass={"build_clib": pith_build_clib, "build_ext": pith_build_ext},
    options={"build": {"build_base": "build-python"}},
)
