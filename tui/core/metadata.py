"""Finding an article's headline, date, source and dateline among the lines at its top."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chrome import is_chrome_line

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?: ?[A-Z]{2,4})?)?"
    rf"|{_MONTHS} \d{{1,2}},? \d{{4}}"
    rf"|\d{{1,2}} {_MONTHS},? \d{{4}})",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(r"^\s*(?:(?:updated?|published|posted)\s*(?:on)?:?\s*)?" + _DATE.pattern + r"\s*$",
                        re.IGNORECASE)
_BYLINE = re.compile(r"^\s*(?:by|written by|source:|credit:|photo credit:)\s+(?P<who>.{2,80}?)\s*$",
                     re.IGNORECASE)
_BASED_ON = re.compile(r"based on content (?:written )?by (?P<who>.{2,80}?)\.?\s*$", re.IGNORECASE)
_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z .'-]{1,40}(?:, [A-Z][A-Za-z .'-]{1,40})?)\s*(?:[–—-]|:)\s",)
_SENTENCE_END = re.compile(r"[.;,]\s*$")

HEAD_LINES = 12  # the headline is near the top; never scan a whole (possibly huge) article


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    title_line: int | None  # index among the article's lines, None if no headline was found
    date: str
    source: str
    dateline: str


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        4 <= len(words) <= 30
        and len(line) <= 200
        and not _SENTENCE_END.search(line)
        and not is_chrome_line(line)
        and not _DATE_LINE.match(line)
        and not _BYLINE.match(line)
    )


def extract(lines: list[str], fallback_title: str) -> Metadata:
    """Read metadata from the article's first lines (and its last lines for "based on" credits).

    `lines` are the non-empty lines of the article, stripped; only the first `HEAD_LINES` and last
    few are looked at, so a 5 MB article costs the same as a seed.
    """
    head = lines[:HEAD_LINES]
    title_line = next((i for i, line in enumerate(head) if _is_headline(line)), None)
    title = head[title_line] if title_line is not None else (head[0] if head else fallback_title)
    date = ""
    # Prefer a date after the headline: one before it is usually the site's "today".
    order = list(range(title_line or 0, len(head))) + list(range(0, title_line or 0))
    for i in order:
        m = _DATE_LINE.match(head[i]) or (_DATE.search(head[i]) if i != title_line else None)
        if m:
            date = m.group("date")
            break
    source = ""
    for line in head + lines[-8:]:
        m = _BYLINE.match(line) or _BASED_ON.search(line)
        if m:
            source = m.group("who").strip()
            break
    dateline = ""
    for line in lines[(title_line or 0) + 1 : HEAD_LINES + 4]:
        if len(line.split()) > 12:
            m = _DATELINE.match(line)
            dateline = m.group("place").strip() if m else ""
            break
    return Metadata(title.strip(), title_line, date, source, dateline)
