"""The sentences of an article that can carry a claim, read through the reader's own model.

Site chrome (share buttons, captions, comment forms), bylines, date lines and fragments of a few
words are left out: they were most of the lexical baseline's false links, and no fact-check would
ever serve them. A dateline ("SEOUL, South Korea — ") is cut off the compared text (not off the
span), since outlets that share it share no claim by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..articles import Article, load
from ..segcache import SegmentCache
from ..textfile import TextFileError
from ..timestamps import DATE, DATE_LINE
from ..workspace import Workspace

MIN_WORDS = 6  # shorter "sentences" are headings, captions, counters: no claim to share
_BYLINE = re.compile(r"^\s*(?:by|written by|reporting by|photo|credit|source|update[sd]?)\b[:\s]",
                     re.IGNORECASE)
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40}(?:, [A-Z][A-Za-z .'-]{1,40})?\s*(?:[–—-]|:)\s+")
_DATE_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b %d %Y", "%d %B %Y",
                 "%d %b %Y")


@dataclass(frozen=True, slots=True)
class Sent:
    """One claim-bearing sentence: its span, its text, and the text compared (no dateline)."""

    start: int
    end: int
    text: str
    compared: str
    title: bool


@dataclass(frozen=True, slots=True)
class ArticleSents:
    id: str
    sha: str
    source: str
    day: date | None
    sents: tuple[Sent, ...]
    title: str = ""

    @property
    def body(self) -> str:
        return "\n".join(s.compared for s in self.sents)


def parse_day(text: str) -> date | None:
    """The calendar day of a metadata date string ("2023-09-16 08:05 GMT", "September 12, 2023")."""
    m = DATE.search(text or "")
    if not m:
        return None
    raw = re.sub(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", "", m.group("date"),
                 flags=re.IGNORECASE)
    raw = raw.replace(".", "").strip()
    if re.match(r"\d{4}-\d{2}-\d{2}", raw):
        raw = raw[:10]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


def eligible(article: Article, headlines: bool = True) -> list[Sent]:
    """The sentences of an article that can be linked to another article's."""
    out: list[Sent] = []
    for s in article.sentences():
        kind = article.kind(s)
        if kind in ("chrome", "byline", "dateline") or (s.title and not headlines):
            continue
        text = article.text[s.start : s.end]
        line = " ".join(text.split())
        if DATE_LINE.match(line) or _BYLINE.match(line):
            continue
        compared = _DATELINE.sub("", line, count=1) if not s.title else line
        if len(compared.split()) < MIN_WORDS:
            continue
        out.append(Sent(s.start, s.end, text, compared, s.title))
    return out


def read_article(article: Article, headlines: bool = True) -> ArticleSents:
    return ArticleSents(article.id, article.sha256, article.meta.source,
                        parse_day(article.meta.date), tuple(eligible(article, headlines)),
                        article.meta.title)


def read_path(path: Path, cache: SegmentCache | None, headlines: bool = True
              ) -> ArticleSents | None:
    """One article file's sentences, or None when the file cannot be read (listed elsewhere)."""
    try:
        return read_article(load(path, cache), headlines)
    except (TextFileError, OSError):
        return None


def segment_cache(ws: Workspace) -> SegmentCache:
    return SegmentCache.for_workspace_cache(ws.cache)
