"""Sentence spans cached under `.newstag/cache/` by text hash, and segmentation over processes.

Segmenting costs ~0.1-0.3 s per megabyte, so an article is segmented once per text (its sha256)
and machine: reopening it, or indexing it, reads the spans back in microseconds. Bulk work (the
search index, a huge article opened cold) is spread over a process pool; every entry point also
works with no cache (a read-only workspace) and with `workers=1` (no processes at all).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import struct
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import sentences as seg
from .textfile import TextFileError, read_text

if TYPE_CHECKING:
    from concurrent.futures import Executor, ProcessPoolExecutor

Spans = list[tuple[int, int]]
_MAGIC = b"NTSPANS\x01"
_HEADER = struct.Struct("<8sQQ")  # magic, text length, number of spans
PARALLEL_MIN_CHARS = 200_000  # below this one process is faster than starting a pool


def text_sha256(text: str) -> str:
    """The hash that names a text in caches and in tag files (`text_sha256:`)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class SegmentCache:
    """`<folder>/v<segmenter version>/<sha[:2]>/<sha>.spans`: little-endian uint32 pairs."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / f"v{seg.SEGMENTER_VERSION}"

    @classmethod
    def for_workspace_cache(cls, cache_root: Path) -> SegmentCache:
        """The cache inside a workspace's `.newstag/` folder."""
        return cls(cache_root / "cache" / "sentences")

    def path(self, sha: str) -> Path:
        return self.folder / sha[:2] / f"{sha}.spans"

    def get(self, sha: str, text_len: int) -> Spans | None:
        """The cached spans of a text, or None (missing, from another text length, or damaged)."""
        try:
            data = self.path(sha).read_bytes()
        except OSError:
            return None
        if len(data) < _HEADER.size:
            return None
        magic, length, count = _HEADER.unpack_from(data)
        if magic != _MAGIC or length != text_len or len(data) != _HEADER.size + 8 * count:
            return None
        flat = array("I")
        flat.frombytes(data[_HEADER.size :])
        if struct.pack("<I", 1) != array("I", [1]).tobytes():  # pragma: no cover - big-endian
            flat.byteswap()
        spans = list(zip(flat[0::2], flat[1::2], strict=True))
        if not _plausible(spans, text_len):
            return None
        return spans

    def put(self, sha: str, text_len: int, spans: Spans) -> None:
        """Store spans; a cache that cannot be written is silently skipped (it is only a cache)."""
        if text_len >= 2**32:
            return
        flat = array("I", [x for sp in spans for x in sp])
        if struct.pack("<I", 1) != array("I", [1]).tobytes():  # pragma: no cover - big-endian
            flat.byteswap()
        path = self.path(sha)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(_HEADER.pack(_MAGIC, text_len, len(spans)) + flat.tobytes())
            os.replace(tmp, path)  # no fsync: a cache entry lost in a crash is just recomputed
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()


def _plausible(spans: Spans, text_len: int) -> bool:
    prev = 0
    for start, end in spans:
        if not prev <= start < end <= text_len:
            return False
        prev = end
    return True


def spans_for(text: str, cache: SegmentCache | None = None, sha: str | None = None) -> Spans:
    """All sentence spans of a text: from the cache when there, else segmented and stored."""
    sha = sha or text_sha256(text)
    if cache is not None and (hit := cache.get(sha, len(text))) is not None:
        return hit
    spans = seg.segment_tuples(text)
    if cache is not None:
        cache.put(sha, len(text), spans)
    return spans


# -- processes ------------------------------------------------------------------------------------
def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def make_pool(workers: int | None = None, quiet: bool = True) -> ProcessPoolExecutor:
    """A process pool safe to start from inside the TUI (see `procpool`)."""
    from .procpool import make_pool as _make_pool  # multiprocessing: imported when first needed

    return _make_pool(workers or default_workers(), quiet)


def _segment_units(piece: str, offset: int, unit_spans: list[tuple[int, int]]) -> Spans:
    """Worker: sentences of some units of one text, given as a slice starting at `offset`."""
    out: Spans = []
    for start, end in unit_spans:
        for sp in seg.split_unit(piece, seg.Span(start - offset, end - offset)):
            out.append((sp.start + offset, sp.end + offset))
    return out


def _groups(text: str, parts: int) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Contiguous runs of units of about equal size: (slice start, slice end, units)."""
    units = [(u.start, u.end) for b in seg.blocks(text) for p in seg.pieces(text, b)
             for u in seg.units(text, p)]
    total = sum(e - s for s, e in units) or 1
    target = max(total // parts, 1)
    groups: list[tuple[int, int, list[tuple[int, int]]]] = []
    cur: list[tuple[int, int]] = []
    size = 0
    for u in units:
        cur.append(u)
        size += u[1] - u[0]
        if size >= target:
            groups.append((cur[0][0], cur[-1][1], cur))
            cur, size = [], 0
    if cur:
        groups.append((cur[0][0], cur[-1][1], cur))
    return groups


def segment_parallel(text: str, pool: Executor | None = None, workers: int | None = None,
                     cache: SegmentCache | None = None) -> Spans:
    """`spans_for` for one big text, its units split over processes (same result, sooner)."""
    sha = text_sha256(text)
    if cache is not None and (hit := cache.get(sha, len(text))) is not None:
        return hit
    workers = workers or default_workers()
    if len(text) < PARALLEL_MIN_CHARS or (workers <= 1 and pool is None):
        return spans_for(text, cache, sha)
    own = pool is None
    ex = pool or make_pool(workers)
    try:
        groups = _groups(text, workers * 4)
        futures = [ex.submit(_segment_units, text[a:b], a, us) for a, b, us in groups]
        spans = [sp for f in futures for sp in f.result()]
    finally:
        if own:
            ex.shutdown()
    if cache is not None:
        cache.put(sha, len(text), spans)
    return spans


@dataclass(frozen=True, slots=True)
class FileSpans:
    """One file's segmentation: spans and the hash of the text they index (or a one-line error)."""

    path: Path
    sha256: str = ""
    spans: tuple[tuple[int, int], ...] = ()
    error: str = ""
    cached: bool = False


def _file_spans(path: Path, cache_folder: Path | None) -> FileSpans:
    try:
        text = read_text(path).text
    except TextFileError as exc:
        return FileSpans(path, error=str(exc))
    sha = text_sha256(text)
    cache = SegmentCache(cache_folder) if cache_folder is not None else None
    if cache is not None and (hit := cache.get(sha, len(text))) is not None:
        return FileSpans(path, sha, tuple(hit), cached=True)
    spans = seg.segment_tuples(text)
    if cache is not None:
        cache.put(sha, len(text), spans)
    return FileSpans(path, sha, tuple(spans))


def _file_batch(paths: list[Path], cache_folder: Path | None) -> list[FileSpans]:
    return [_file_spans(p, cache_folder) for p in paths]


def segment_files(paths: Iterable[Path], cache: SegmentCache | None = None,
                  workers: int | None = None, progress: Callable[[int], None] | None = None,
                  batch: int = 32) -> Iterator[FileSpans]:
    """Segment many article files (indexing, warming the cache), in input order.

    Workers read the files themselves (no article text is pickled), look in and fill the cache,
    and send back only spans. `progress(n)` is called with the number of files done so far.
    With `workers=1` everything runs in this process.
    """
    paths = list(paths)
    folder = cache.folder.parent if cache is not None else None
    workers = workers or default_workers()
    done = 0
    if workers <= 1 or len(paths) <= batch:
        for p in paths:
            yield _file_spans(p, folder)
            done += 1
            if progress:
                progress(done)
        return
    chunks = [paths[i : i + batch] for i in range(0, len(paths), batch)]
    with make_pool(workers) as pool:
        for results in pool.map(_file_batch, chunks, [folder] * len(chunks)):
            yield from results
            done += len(results)
            if progress:
                progress(done)
