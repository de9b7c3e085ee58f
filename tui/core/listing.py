"""The corpus folder as the library sees it: file names, stats, one article's listing details,
and how an entry is stored as a cache row (so unchanged rows are recognised without decoding)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .textfile import TextFileError, read_text
from .workspace import ARTICLE_SUFFIXES

_json_str = json.encoder.encode_basestring  # json.dumps(s, ensure_ascii=False), minus the overhead


@dataclass(frozen=True, slots=True)
class Entry:
    """One article as the library shows it."""

    id: str
    file: str
    size: int = -1
    mtime_ns: int = -1
    title: str = ""
    source: str = ""
    date: str = ""
    byline: str = ""  # the author(s), beside the outlet in `source`
    dateline: str = ""
    error: str = ""  # a file we could not read (binary, empty): listed, not openable
    warning: str = ""  # read, but with a problem worth showing (not UTF-8)
    pending: bool = False  # title not read yet: `title` is the id until `refresh_library` says

    def row(self) -> str:
        return json.dumps([self.file, self.size, self.mtime_ns, self.title, self.source, self.date,
                           self.error, self.warning, self.byline, self.dateline],
                          ensure_ascii=False)


def entry_from_row(line: bytes) -> Entry:
    f, size, mtime, title, source, date, error, warning, byline, dateline = json.loads(line)
    return Entry(stem(f), f, size, mtime, title, source, date, byline, dateline, error, warning)


def row_source_error(line: bytes) -> tuple[str, str]:
    """A cached row's source and error, without making an Entry (see `Library.recount`)."""
    row = json.loads(line)
    return row[4], row[6]


def row_prefix(name: str, size: int, mtime_ns: int) -> bytes:
    """How the cached row of an unchanged file starts (see `Entry.row`): no decoding needed."""
    return f"[{_json_str(name)}, {size}, {mtime_ns}, ".encode()


def stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name else name


def list_names(corpus: Path) -> list[str]:
    """Article file names in the corpus folder, sorted; no stat (directory entries only)."""
    try:
        with os.scandir(corpus) as it:
            names = [e.name for e in it if e.name.endswith(ARTICLE_SUFFIXES)
                     and not e.name.startswith(".") and e.is_file()]
    except OSError:
        return []
    names.sort()
    return names


def read_entry(path: Path, size: int, mtime_ns: int) -> Entry:
    """Read one article's listing details (title, source, byline, date, dateline) from its top and
    bottom lines: the same fields the reader's header, `newstag sentences` and exports show."""
    from . import articles  # not at import: opening the listing from its cache needs no parser

    sid = path.stem
    try:
        decoded = read_text(path)
    except TextFileError as exc:
        return Entry(sid, path.name, size, mtime_ns, title=sid, error=str(exc))
    meta = articles.read_metadata(decoded.text, sid)
    return Entry(sid, path.name, size, mtime_ns, meta.title, meta.source, meta.date, meta.byline,
                 meta.dateline, warning=decoded.warning or "")


def read_batch(jobs: list[tuple[str, int, int]]) -> list[Entry]:
    return [read_entry(Path(p), s, m) for p, s, m in jobs]


def stat_all(corpus: Path, stop: Callable[[], bool] | None = None) -> dict[str, tuple[int, int]]:
    """(size, mtime) of every article file; stops early (incomplete) once `stop()` says so."""
    found: dict[str, tuple[int, int]] = {}
    try:
        with os.scandir(corpus) as it:
            for n, e in enumerate(it):
                if stop is not None and n % 1024 == 1023 and stop():
                    break
                if e.name.endswith(ARTICLE_SUFFIXES) and not e.name.startswith("."):
                    try:
                        if e.is_file():
                            st = e.stat()
                            found[e.name] = (st.st_size, st.st_mtime_ns)
                    except OSError:
                        continue
    except OSError:
        pass
    return found
