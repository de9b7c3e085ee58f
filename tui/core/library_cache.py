"""The library's listing cache file: a header line (format, and the stats the first screen shows
without decoding rows), then one JSON row per article, kept as bytes until a row is shown."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

CACHE_NAME = "library-v3.jsonl"
HEADER = {"newstag": "library", "version": 3}
Stats = tuple[int, int]  # the longest source (characters), the number of unreadable files


def read_cache(path: Path) -> tuple[list[bytes], Stats | None] | None:
    """The cached rows, undecoded (100,000 rows: one read and one split, ~20 ms), and the
    stats (None in a cache written before they were kept); None without a usable cache."""
    try:
        rows = path.read_bytes().split(b"\n")
        header = json.loads(rows[0])
        if not isinstance(header, dict) or any(header.get(k) != v for k, v in HEADER.items()):
            return None
    except (OSError, ValueError):
        return None
    del rows[0]
    if rows and not rows[-1]:
        rows.pop()
    stats = (header.get("source_cells"), header.get("unreadable"))
    if not all(isinstance(n, int) for n in stats):
        return rows, None
    return rows, stats  # type: ignore[return-value]


def write_cache(path: Path, rows: Iterable[bytes], stats: Stats) -> None:
    """Replace the cache atomically; a read-only workspace just goes without one."""
    header = {**HEADER, "source_cells": stats[0], "unreadable": stats[1]}
    data = b"\n".join([json.dumps(header).encode(), *rows]) + b"\n"
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass  # the cache is an optimisation
