"""Tag records: a label on a span of an article, anchored by offsets and by quote + context."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

CONTEXT = 32  # characters of prefix/suffix kept to re-find a quote that appears more than once
SCHEMA = 1


@dataclass(frozen=True, slots=True)
class Tag:
    """One label on one span. `id` is derived from content, so branches never collide."""

    id: str
    label: str
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    created: str = ""
    orphan: bool = False  # its quote could not be found in the current article text

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.label, self.id)


@dataclass(frozen=True)
class TagDoc:
    """One annotator's tags on one article: the content of `tags/<annotator>/<article>.yaml`."""

    article: str
    text_sha256: str
    tags: tuple[Tag, ...] = field(default=())

    def sorted(self) -> TagDoc:
        return replace(self, tags=tuple(sorted(self.tags, key=lambda t: t.sort_key)))

    def at(self, start: int, end: int) -> list[Tag]:
        return [t for t in self.tags if t.start == start and t.end == end and not t.orphan]


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def tag_id(article_id: str, label: str, quote: str, prefix: str, suffix: str) -> str:
    """Content-derived id: the same tag made on two branches gets the same id (clean merges)."""
    joined = "\x1f".join([article_id, label, prefix, quote, suffix])
    h = hashlib.sha256(joined.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:8]


def make_tag(article_id: str, text: str, start: int, end: int, label: str, note: str = "",
             created: str | None = None) -> Tag:
    """A new tag on `text[start:end]` with its quote and context captured."""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"span {start}-{end} is outside the text (length {len(text)})")
    quote = text[start:end]
    prefix = text[max(0, start - CONTEXT) : start]
    suffix = text[end : end + CONTEXT]
    return Tag(tag_id(article_id, label, quote, prefix, suffix), label, start, end, quote, prefix,
               suffix, note, created or now_utc())
