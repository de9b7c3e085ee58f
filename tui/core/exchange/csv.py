"""CSV for spreadsheets: one row per tag, RFC 4180 quoting (commas, quotes, newlines survive)."""

from __future__ import annotations

import csv
import io

from .collect import Collection

HEADER = ("article", "title", "sentence", "start", "end", "label", "annotator", "quote", "note")


def render(col: Collection) -> str:
    """The whole file, `\\r\\n` line ends as RFC 4180 asks; the header even with no tags."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(HEADER)
    for item in col.items:
        t = item.tag
        title = col.articles[item.article_id].title
        writer.writerow(
            (
                item.article_id,
                title,
                item.sentence,
                t.start,
                t.end,
                t.label,
                item.annotator,
                t.quote,
                t.note,
            )
        )
    return buf.getvalue()
