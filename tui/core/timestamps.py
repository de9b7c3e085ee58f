"""Dates and times as scraped pages print them: finding the article's date, and telling a line that
is only a timestamp ("Updated: 13 Sep 2023, 10:42 am AEST", "3 hours ago") from one that says
something."""

from __future__ import annotations

import functools
import re

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,? )?"
_ISO = r"\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?: ?[A-Z]{2,4})?)?"
_ISO_DATE = re.compile(rf"(?P<date>{_ISO})", re.IGNORECASE)  # DATE's first form alone
_MONTH = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.IGNORECASE)
DATE = re.compile(
    rf"(?P<date>{_ISO}"
    rf"|{_WEEKDAY}{MONTHS} \d{{1,2}},? \d{{4}}"
    rf"|{_WEEKDAY}\d{{1,2}} {MONTHS},? \d{{4}})",
    re.IGNORECASE,
)
DATE_LINE = re.compile(r"^\s*(?:(?:updated?|published|posted|last updated)\s*(?:on|at)?:?\s*)?"
                       + DATE.pattern + r"\s*(?:\|.*)?$", re.IGNORECASE)

# The pieces a timestamp line is made of. A line is a timestamp when, once these are taken out,
# nothing that says something is left, and at least one of them was a date or a time.
_WHEN = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?![\w])"
    r"|\d{1,2}\s*[ap]\.?m\.?(?![\w])"
    r"|\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|"
    r"months?|y|yrs?|years?)\s+ago"
    r"|\b(?:yesterday|today|tonight|just now)\b"
    rf"|\b{MONTHS}(?![\w])"
    r"|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b\.?",
    re.IGNORECASE,
)
DIGIT = re.compile(r"\d")
# Every `_WHEN` match without a digit contains one of these (in any case).
_WHEN_WORDS = ("yesterday", "today", "tonight", "just now", "jan", "feb", "mar", "apr", "may",
               "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue", "wed", "thu",
               "fri", "sat", "sun")
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_FILLER = re.compile(
    r"\b(?:updated?|published|posted|last|first|modified|edited|on|at|date|time|"
    r"gmt|utc|bst|cet|cest|[ecmp][sd]?t|aest|aedt|acst|awst|nzst|nzdt|kst|jst|ist|msk|hkt|sgt|"
    r"local)\b|\d{1,4}(?:st|nd|rd|th)?\b|[\s,.;:|•·/()\-–—]+",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)  # pure; asked of a line by chrome, headline and byline rules
def is_timestamp(line: str) -> bool:
    """True for a line that is only a date or time, with at most an "Updated"-style label."""
    if len(line) > 80:
        return False
    if not DIGIT.search(line):
        # Without a digit only a word can be a date or time (`_WHEN`): a quick no for the
        # headline-like lines of every article (IGNORECASE's ı, İ, ſ and K folded first).
        low = line.lower() if line.isascii() else line.translate(_FOLD).lower()
        if not any(w in low for w in _WHEN_WORDS):
            return False
    elif DATE_LINE.match(line):  # every `DATE` has a digit
        return True
    rest, found = _WHEN.subn(" ", line)
    return found > 0 and not _FILLER.sub("", rest)


def search_date(line: str) -> re.Match[str] | None:
    """`DATE.search(line)`, the same match, faster: without a month name only the ISO form can
    match, and its pattern alone finds it several times faster than the whole alternation."""
    if not _MONTH.search(line):  # re's IGNORECASE folds as in DATE
        return _ISO_DATE.search(line)
    return DATE.search(line)


def find_date(line: str) -> str | None:
    """The date in a line, as written; None when it has none."""
    m = search_date(line)
    return m.group("date") if m else None
