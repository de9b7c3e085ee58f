"""Finding an article's headline, date, source and dateline among the lines at its top."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chrome import is_chrome_line

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,? )?"
DATE = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?: ?[A-Z]{2,4})?)?"
    rf"|{_WEEKDAY}{_MONTHS} \d{{1,2}},? \d{{4}}"
    rf"|{_WEEKDAY}\d{{1,2}} {_MONTHS},? \d{{4}})",
    re.IGNORECASE,
)
DATE_LINE = re.compile(r"^\s*(?:(?:updated?|published|posted|last updated)\s*(?:on|at)?:?\s*)?"
                       + DATE.pattern + r"\s*(?:\|.*)?$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*(?:by|written by|words by|reporting by)\s+(?P<who>[^.!?]{2,80}?)\s*$",
                     re.IGNORECASE)
_CREDIT = re.compile(r"^\s*(?:source|credit|photo credit)\s*:\s*(?P<who>.{2,80}?)\s*$",
                     re.IGNORECASE)
_BASED_ON = re.compile(r"based on (?:content|reporting) (?:written )?by (?P<who>.{2,80}?)\.?\s*$",
                       re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]{1,40}(?:, [A-Z][A-Za-z .'-]{1,40})?)\s*(?:[–—-]|:)\s")
_DATELINE_COLON = re.compile(r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?):\s")
_SENTENCE_END = re.compile(r"[.;,]\s*$")

HEAD_LINES = 12  # the headline is near the top; never scan a whole (possibly huge) article
TAIL_LINES = 8  # "This article is based on content written by ..." sits at the bottom


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    title_line: int | None  # index among the article's non-empty head lines; None if not found
    date: str
    source: str
    dateline: str


def _plain(line: str) -> bool:
    return not is_chrome_line(line) and not DATE_LINE.match(line) and not _BYLINE.match(line) \
        and not _CREDIT.match(line)


def _is_headline(line: str) -> bool:
    words = line.split()
    return (4 <= len(words) <= 30 and len(line) <= 200 and not _SENTENCE_END.search(line)
            and _plain(line))


def _is_short_title(line: str) -> bool:
    """A weaker headline for when no line looks like one: short, not chrome, not a date."""
    return 1 <= len(line.split()) <= 30 and len(line) <= 200 and _plain(line)


def find_title(head: list[str]) -> int | None:
    """Index of the headline among the first lines: a headline-shaped line, else a short one."""
    head = head[:HEAD_LINES]
    found = next((i for i, line in enumerate(head) if _is_headline(line)), None)
    if found is None:
        found = next((i for i, line in enumerate(head) if _is_short_title(line)), None)
    return found


def extract(head: list[str], fallback_title: str, tail: list[str] | None = None) -> Metadata:
    """Read metadata from the article's first lines (and its last lines for "based on" credits).

    `head` and `tail` are non-empty lines, stripped; only the first `HEAD_LINES` and the last
    `TAIL_LINES` are looked at, so a 5 MB article costs the same as a seed.
    """
    head = head[:HEAD_LINES]
    tail = (tail or [])[-TAIL_LINES:]
    title_line = find_title(head)
    title = head[title_line] if title_line is not None else fallback_title
    date = ""
    # Prefer a date after the headline: one before it is usually the site's "today".
    after = title_line if title_line is not None else 0
    order = list(range(after, len(head))) + list(range(0, after))
    for i in order:
        loose = i != title_line and len(head[i]) < 80  # a date inside a short line, not a headline
        m = DATE_LINE.match(head[i]) or (DATE.search(head[i]) if loose else None)
        if m:
            date = m.group("date")
            break
    source = _source(head, tail)
    dateline = ""
    for line in head[after + 1 :]:
        if len(line.split()) > 12:
            m = _DATELINE.match(line) or _DATELINE_COLON.match(line)
            dateline = m.group("place").strip() if m else ""
            break
    return Metadata(title.strip(), title_line, date, source, dateline)


def _source(head: list[str], tail: list[str]) -> str:
    """Byline first, then a "based on content by" note, then a credit line."""
    for rx, lines in ((_BYLINE, head), (_BASED_ON, head + tail), (_CREDIT, head + tail)):
        for line in lines:
            m = rx.search(line) if rx is _BASED_ON else rx.match(line)
            if m:
                return m.group("who").strip()
    return ""
