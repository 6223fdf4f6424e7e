"""Compressed copies of the site's text files, made once at build time.

A small server (or a busy one) should not compress the same page on every request: nginx's
`gzip_static` and `brotli_static`, Apache's rewrite rules (see the generated `.htaccess`), and
GitLab Pages serve `page.html.gz` or `page.html.br` when it exists and the browser accepts it.
gzip at level 9 for every browser; Brotli at quality 11, about a sixth smaller than gzip, for the
browsers that accept it (all current ones, over HTTPS).

Brotli at quality 11 is slow (about 7 seconds for the whole site): copies of the files the build
copies unchanged (Material's scripts and styles, the same in every build) are kept in
`.cache/precompressed/` under their content's hash and reused, as `.cache/templates/` keeps
compiled templates. Pages, search indexes and captions are written by each build and always
compressed again.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import brotli

# What is worth compressing: text. Images and videos are compressed already.
COMPRESSED_SUFFIXES = (".html", ".css", ".js", ".json", ".svg", ".vtt", ".xml")
# Files the build copies as they are, whose compressed copies may be reused between builds.
CACHED_SUFFIXES = (".css", ".js", ".svg")
# Below this, a compressed answer saves less than its headers cost.
MIN_BYTES = 512
ENCODINGS = {".gz": "gzip", ".br": "br"}


@dataclass
class PrecompressReport:
    files: int = 0  # files with compressed copies
    original_bytes: int = 0
    gzip_bytes: int = 0
    brotli_bytes: int = 0


def gzip_bytes(data: bytes) -> bytes:
    # mtime=0 and no file name: the same input gives the same bytes in every build.
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data: bytes, text_mode: bool = True) -> bytes:
    return brotli.compress(data, mode=brotli.MODE_TEXT if text_mode else brotli.MODE_GENERIC, quality=11)


def precompress_site(site_dir: Path, cache_dir: Path | None = None) -> PrecompressReport:
    """Write `x.gz` and `x.br` next to every text file `x` of `site_dir` worth compressing.

    A stale copy (of a file now too small to compress) is removed, so a copy never differs from
    its file.
    """
    report = PrecompressReport()
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSED_SUFFIXES:
            continue
        data = path.read_bytes()
        copies = {".gz": lambda: gzip_bytes(data), ".br": lambda: brotli_bytes(data)}
        if len(data) < MIN_BYTES:
            for suffix in copies:
                path.with_name(path.name + suffix).unlink(missing_ok=True)
            continue
        cacheable = cache_dir is not None and path.suffix in CACHED_SUFFIXES
        digest = hashlib.sha256(data).hexdigest() if cacheable else ""
        stat = path.stat()
        for suffix, compress in copies.items():
            compressed = _cached(cache_dir / f"{digest}{suffix}", compress) if cacheable and cache_dir else compress()
            target = path.with_name(path.name + suffix)
            target.write_bytes(compressed)
            # The copy carries its file's date: Last-Modified is the same whichever is served.
            os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            if suffix == ".gz":
                report.gzip_bytes += len(compressed)
            else:
                report.brotli_bytes += len(compressed)
        report.files += 1
        report.original_bytes += len(data)
    return report


def _cached(entry: Path, compress: Callable[[], bytes]) -> bytes:
    """The bytes kept in `entry`, or `compress()` kept there for next time."""
    try:
        return entry.read_bytes()
    except OSError:
        pass
    compressed = compress()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        scratch = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
        scratch.write_bytes(compressed)
        os.replace(scratch, entry)  # whole or absent, for builds running side by side
    except OSError:
        pass  # a folder that cannot be written only costs time
    return compressed
