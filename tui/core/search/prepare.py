"""Turning article files and tag files into index records (no engine here, so it runs in a pool).

Sentences come from the same segmentation the reader uses, so a hit's index is the reader's
sentence index and a tag made from a hit lands on exactly the reader's sentence.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ..articles import parse as parse_article
from ..segcache import SegmentCache
from ..tags import TagDoc
from ..textfile import TextFileError, decode_bytes
from .engine import ArticleRecord, SentenceRecord

MAX_BYTES = 8 * 1024 * 1024  # bigger files are skipped with a message: segmenting one takes minutes

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
    sha256: str
    article: ArticleRecord | None = None
    sentences: tuple[SentenceRecord, ...] = ()
    message: str = ""  # a warning (read with a fallback encoding) or why it was skipped


def prepare(path: Path, max_bytes: int = MAX_BYTES, cache_root: Path | None = None) -> Prepared:
    """Read, parse and segment one article file. Never raises for a bad file.

    With `cache_root` (the workspace's `.newstag/`) sentence spans come from, and go to, the
    sentence cache the reader uses, so an article is segmented once for both.
    """
    try:
        st = path.stat()
        if st.st_size > max_bytes:
            return Prepared(path.name, st.st_size, st.st_mtime_ns, "",
                            message=f"{path}: {st.st_size / 1e6:.1f} MB is over the "
                                    f"{max_bytes / 1e6:.0f} MB indexing limit; not searchable "
                                    "(split the file)")
        data = path.read_bytes()
    except OSError as exc:
        return Prepared(path.name, 0, 0, "",
                        message=f"{path}: cannot read ({exc.strerror or exc}); skipped")
    sha = sha256_bytes(data)
    try:
        if not data.strip():
            raise TextFileError(f"{path}: empty file; not searchable (add text or remove it)")
        decoded = decode_bytes(data, str(path))
    except TextFileError as exc:
        return Prepared(path.name, st.st_size, st.st_mtime_ns, sha, message=str(exc))
    cache = SegmentCache.for_workspace_cache(cache_root) if cache_root is not None else None
    art = parse_article(decoded.text, path.stem, path, decoded.warning, cache)
    sents = tuple(SentenceRecord(art.id, s.index, s.start, s.end, art.text[s.start:s.end],
                                 chrome=s.chrome) for s in art.sentences())
    record = ArticleRecord(art.id, path.name, art.sha256, art.title, art.meta.source,
                           iso_date(art.meta.date), art.text, len(sents))
    return Prepared(path.name, st.st_size, st.st_mtime_ns, sha, record, sents,
                    decoded.warning or "")


def prepare_job(job: tuple[str, int, str | None]) -> Prepared:
    """Pool entry point (picklable arguments)."""
    return prepare(Path(job[0]), job[1], Path(job[2]) if job[2] else None)


def _placed(tag_start: int, tag_end: int, quote: str, s: SentenceRecord) -> bool:
    """Whether the tag's quote still reads the same over this sentence (text may have changed)."""
    lo, hi = max(tag_start, s.start), min(tag_end, s.end)
    return s.text[lo - s.start : hi - s.start] == quote[lo - tag_start : hi - tag_start]


def overlay(sentences: Iterable[SentenceRecord], docs: Iterable[tuple[str, TagDoc]],
            article_sha: str) -> list[SentenceRecord]:
    """The sentences with the labels and annotators of every tag that overlaps them.

    Offsets are trusted when the tag file was made on this exact text; otherwise only where the
    quoted text still matches (anchoring moved tags is the store's job, not the index's).
    """
    sents = list(sentences)
    labels: dict[int, set[str]] = {}
    who: dict[int, set[str]] = {}
    starts = [s.start for s in sents]
    for annotator, doc in docs:
        exact = doc.text_sha256 == article_sha
        for t in doc.tags:
            if t.orphan:
                continue
            i = max(0, bisect.bisect_right(starts, t.start) - 1)
            while i < len(sents) and sents[i].start < t.end:
                s = sents[i]
                if s.end > t.start and (exact or _placed(t.start, t.end, t.quote, s)):
                    labels.setdefault(i, set()).add(t.label)
                    who.setdefault(i, set()).add(annotator)
                i += 1
    return [replace(s, labels=tuple(sorted(labels.get(i, ()))),
                    annotators=tuple(sorted(who.get(i, ())))) for i, s in enumerate(sents)]
