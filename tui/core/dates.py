"""Dates as the library shows and sorts them: `2023-09-16` for the forms the metadata finds."""

from __future__ import annotations

import re

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_DAY_YEAR = re.compile(r"([a-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([a-z]{3})[a-z]*\.?,? (\d{4})", re.IGNORECASE)


def short_date(date: str) -> str:
    """`2023-09-16` for the date forms the metadata finds; anything else as it is."""
    if m := _ISO.search(date):
        return m.group(0)
    for pattern, order in ((_MONTH_DAY_YEAR, (3, 1, 2)), (_DAY_MONTH_YEAR, (3, 2, 1))):
        if (m := pattern.search(date)) and (month := _MONTHS.get(m.group(order[1]).lower())):
            return f"{m.group(order[0])}-{month:02d}-{int(m.group(order[2])):02d}"
    return date


def iso_date(date: str) -> str:
    """`YYYY-MM-DD` when the date can be read, else "" (sorts undated articles apart)."""
    short = short_date(date) if date else ""
    return short if _ISO.fullmatch(short) else ""
