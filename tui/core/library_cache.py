"""The library's listing cache file, opened in constant time whatever the corpus size.

`library-v5.rows`: a JSON header line (format, row count, the stats the first screen shows),
one JSON row per article and a line feed after each, then the byte offset of every row (little-
endian uint64, one more than there are rows) and, in the last 8 bytes, where that table starts.
Opening maps the file and reads the table; a row is cut out when it is first asked for
(reading and splitting 100,000 lines took ~45 ms, most of what opening cost). Caches of older
newstags (`library-v4.rows`, `library-v3.jsonl`) are not read: their titles and sources were
found by older rules (v5 added the byline and dateline and finds headlines by evidence), so the
first check re-reads every article and removes them.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import sys
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

CACHE_NAME = "library-v5.rows"
OLD_CACHE_NAMES = ("library-v4.rows", "library-v3.jsonl")  # superseded: removed when saving
HEADER = {"newstag": "library", "version": 5}
Stats = tuple[int, int]  # the longest source (characters), the number of unreadable files


class CachedRows:
    """The rows of a cache file as bytes, each cut from the file's buffer on access; rows set
    later (decoded entries, re-read files) are kept beside it."""

    def __init__(self, data: bytes | mmap.mmap, offsets: array[int]) -> None:
        self._data = data
        self._offsets = offsets
        self._n = len(offsets) - 1
        self._set: dict[int, Any] = {}

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: int) -> Any:
        if i < 0:
            i += self._n
        hit = self._set.get(i)
        if hit is not None:
            return hit
        if not 0 <= i < self._n:
            raise IndexError(i)
        return self._data[self._offsets[i] : self._offsets[i + 1] - 1]  # minus the line feed

    def __setitem__(self, i: int, row: Any) -> None:
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        self._set[i] = row

    def __iter__(self) -> Iterator[Any]:
        return (self[i] for i in range(self._n))


def _map(path: Path) -> bytes | mmap.mmap:
    """The file's bytes; mapped where replacing a mapped file is allowed (POSIX), so opening
    costs nothing whatever its size (100,000 rows: 19 MB, ~15 ms to read)."""
    if os.name != "posix":
        return path.read_bytes()
    with open(path, "rb") as f:
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


def _header(data: bytes | mmap.mmap, expected: dict[str, Any]) -> dict[str, Any] | None:
    end = data.find(b"\n")
    try:
        header = json.loads(data[: end if end >= 0 else len(data)])
    except ValueError:
        return None
    if not isinstance(header, dict) or any(header.get(k) != v for k, v in expected.items()):
        return None
    return header


def _stats(header: dict[str, Any]) -> Stats | None:
    stats = (header.get("source_cells"), header.get("unreadable"))
    return stats if all(isinstance(n, int) for n in stats) else None  # type: ignore[return-value]


def read_cache(folder: Path) -> tuple[CachedRows | list[bytes], Stats | None] | None:
    """The cached rows, undecoded, and their stats (None when they must be recounted: an old
    cache); None without a usable cache."""
    try:
        data = _map(folder / CACHE_NAME)
    except (OSError, ValueError):  # unreadable, or empty (mmap refuses those)
        return None
    header = _header(data, HEADER)
    if header is None or len(data) < 8:
        return None
    table = int.from_bytes(data[-8:], "little")
    offsets = array("Q")
    offsets.frombytes(data[table:-8])
    if sys.byteorder != "little":
        offsets.byteswap()
    n = header.get("rows")
    if n != len(offsets) - 1 or not offsets or offsets[-1] != table:
        return None  # cut short or written by something else: rebuilt by the next check
    return CachedRows(data, offsets), _stats(header)


def write_cache(folder: Path, rows: Iterable[bytes], stats: Stats) -> None:
    """Replace the cache atomically; a read-only workspace just goes without one."""
    body = [row + b"\n" for row in rows]
    header = json.dumps({**HEADER, "rows": len(body), "source_cells": stats[0],
                         "unreadable": stats[1]}).encode() + b"\n"
    offsets = array("Q", [len(header)])
    for row in body:
        offsets.append(offsets[-1] + len(row))
    table = offsets[-1]
    if sys.byteorder != "little":
        offsets.byteswap()
    path = folder / CACHE_NAME
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(header)
            f.writelines(body)
            f.write(offsets.tobytes())
            f.write(table.to_bytes(8, "little"))
        os.replace(tmp, path)
    except OSError:
        return  # the cache is an optimisation
    for old in OLD_CACHE_NAMES:
        with contextlib.suppress(OSError):
            (folder / old).unlink(missing_ok=True)  # superseded
