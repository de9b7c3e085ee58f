"""Turning article files and tag files into index records (no engine here, so it runs in a pool).

No segmentation at build time: an article is one document (its text, title, source, date) and
its sentences are found at query time. Tags are placed on the article's current text first
(`current_doc`, as `stats` and `export` place them), so the index counts what they count.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ..articles import Article, read_metadata
from ..articles import parse as parse_article
from ..current import current_doc
from ..segcache import text_sha256
from ..tags import TagDoc
from ..textfile import TextFileError, decode_bytes
from .engine import ArticleRecord, TagRecord

MAX_BYTES = 8 * 1024 * 1024  # bigger files are skipped with a message

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MDY = re.compile(r"([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})")
_DMY = re.compile(r"(\d{1,2}) ([A-Za-z]{3})[a-z]*\.?,? (\d{4})")


def iso_date(raw: str) -> str:
    """The article's date as yyyy-mm-dd (what `date:` ranges compare), or "" if unreadable."""
    if m := _ISO.search(raw):
        return m.group(0)
    for rx, (mi, di, yi) in ((_MDY, (1, 2, 3)), (_DMY, (2, 1, 3))):
        if (m := rx.search(raw)) and (month := _MONTHS.get(m.group(mi).lower())):
            return f"{m.group(yi)}-{month:02d}-{int(m.group(di)):02d}"
    return ""


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Prepared:
    """An article file read for the index, or the reason it was skipped."""

    name: str
    size: int
    mtime_ns: int
    sha256: str  # of the file's bytes (the manifest's change test)
    article: ArticleRecord | None = None
    message: str = ""  # a warning (read with a fallback encoding) or why it was skipped
    inode: int = 0  # a file replaced (git, save-by-rename) has a new one


def read_article(path: Path, max_bytes: int = MAX_BYTES) -> tuple[Prepared, str | None]:
    """Read one article file and its title, source and date (from its top and bottom lines
    only: no blocks, no sentences); the text too. Never raises for a bad file."""
    try:
        with open(path, "rb", buffering=0) as f:  # unbuffered: half the cost of read_bytes()
            st = os.fstat(f.fileno())
            if st.st_size > max_bytes:
                return Prepared(path.name, st.st_size, st.st_mtime_ns, "",
                                message=f"{path}: {st.st_size / 1e6:.1f} MB is over the "
                                        f"{max_bytes / 1e6:.0f} MB indexing limit; not "
                                        "searchable (split the file)"), None
            data = f.readall()
    except OSError as exc:
        return Prepared(path.name, 0, 0, "",
                        message=f"{path}: cannot read ({exc.strerror or exc}); skipped"), None
    sha = sha256_bytes(data)
    try:
        if not data.strip():
            raise TextFileError(f"{path}: empty file; not searchable (add text or remove it)")
        decoded = decode_bytes(data, str(path))
    except TextFileError as exc:
        return Prepared(path.name, st.st_size, st.st_mtime_ns, sha, message=str(exc),
                        inode=st.st_ino), None
    text = decoded.text
    meta = read_metadata(text, path.stem)
    # A plain UTF-8 file's text hashes as its bytes: no second encode and hash.
    text_sha = sha if decoded.warning is None and not data.startswith(b"\xef\xbb\xbf") \
        else text_sha256(text)
    record = ArticleRecord(path.stem, path.name, text_sha, meta.title, meta.source,
                           iso_date(meta.date), text)
    return Prepared(path.name, st.st_size, st.st_mtime_ns, sha, record,
                    decoded.warning or "", st.st_ino), text


def prepare(path: Path, max_bytes: int = MAX_BYTES) -> Prepared:
    return read_article(path, max_bytes)[0]


Wire = tuple[str, int, int, str, str, int, "tuple[str, str, str, str, str, str, str] | None"]


def prepare_job(job: tuple[str, int]) -> Wire:
    """Pool entry point: a file read, as plain tuples (a dataclass pickles and unpickles several
    times slower, and the build's main process unpickles 100k of them)."""
    p = prepare(Path(job[0]), job[1])
    a = p.article
    return (p.name, p.size, p.mtime_ns, p.sha256, p.message, p.inode,
            None if a is None else (a.id, a.file, a.sha256, a.title, a.source, a.date, a.body))


def from_wire(w: Wire) -> Prepared:
    a = w[6]
    return Prepared(w[0], w[1], w[2], w[3], None if a is None else ArticleRecord(*a), w[4], w[5])


def article_of(record: ArticleRecord, path: Path) -> Article:
    """The full Article (blocks, lazily its sentences) for placing tags on its text."""
    return parse_article(record.body, record.id, path)


def tag_records(article: Article, docs: Iterable[tuple[str, TagDoc]]) -> list[TagRecord]:
    """Every annotator's tags placed on the article's current text; orphans left out."""
    out: list[TagRecord] = []
    for annotator, doc in docs:
        placed = current_doc(doc, article)[0]
        out.extend(TagRecord(article.id, t.label, annotator, t.start, t.end,
                             article.text[t.start:t.end]) for t in placed.tags if not t.orphan)
    return out


def with_tags(record: ArticleRecord, tags: list[TagRecord]) -> ArticleRecord:
    return replace(record, labels=tuple(sorted({t.label.lower() for t in tags})),
                   annotators=tuple(sorted({t.annotator.lower() for t in tags})))
