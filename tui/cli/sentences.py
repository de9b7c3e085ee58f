"""`newstag sentences PATH...`: how the reader sees a file — title, source, byline, date,
dateline, and every sentence with its offsets and kind (headline, byline, dateline, chrome, body).

It is how a user checks a split and how scripts get the reader's sentences: `--json` prints one
object per file, one per line, with `text == file_text[start:end]` and `n` counted from 1. A file
that cannot be read is one line on stderr naming it; the others are still printed, and the exit
status is 1.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from tui.core import articles
from tui.core.metadata import FACTS
from tui.core.sanitize import one_line
from tui.core.textfile import TextFileError
from tui.core.workspace import ARTICLE_SUFFIXES

from .common import Fail

FIELDS = ("title", *FACTS)  # title, source, byline, date, dateline


def article_json(art: articles.Article) -> dict[str, Any]:
    """The reader's view of one article as plain data (see DESIGN.md, `sentences --json`)."""
    meta = art.meta
    return {
        "article": art.id,
        "path": str(art.path) if art.path is not None else None,
        "title": art.title,
        "title_from": meta.title_from,
        "source": meta.source,
        "byline": meta.byline,
        "date": meta.date,
        "dateline": meta.dateline,
        "sentences": [{"n": i, "start": s.start, "end": s.end, "kind": art.kind(s),
                       "text": art.text[s.start : s.end]}
                      for i, s in enumerate(art.sentences(), start=1)],
    }


def render(art: articles.Article) -> str:
    """A header of the fields that are known, then one sentence per line: n, kind, offsets."""
    meta = art.meta
    lines = [one_line(str(art.path or art.id), 400)]
    for name in FIELDS:
        value = art.title if name == "title" else getattr(meta, name)
        if value:
            suffix = "  (its first sentence)" if name == "title" and meta.title_from == "lead" \
                else ""
            lines.append(f"  {name + ':':<10}{one_line(value, 400)}{suffix}")
    sents = art.sentences()
    width = len(str(len(sents)))
    span_width = 2 * len(str(len(art.text))) + 1
    for i, s in enumerate(sents, start=1):
        text = one_line(art.text[s.start : s.end], s.end - s.start + 1)
        span = f"{s.start}-{s.end}"
        lines.append(f"  {i:>{width}} {art.kind(s):<8} {span:<{span_width}}  {text}")
    return "\n".join(lines)


def _files(paths: tuple[Path, ...]) -> Iterator[Path]:
    """The paths given, a folder standing for its article files (sorted)."""
    for p in paths:
        if p.is_dir():
            yield from sorted(f for f in p.iterdir()
                              if f.is_file() and f.name.endswith(ARTICLE_SUFFIXES)
                              and not f.name.startswith("."))
        else:
            yield p


@click.command("sentences")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per file, one per line (stable keys, for scripts).")
def command(paths: tuple[Path, ...], as_json: bool) -> None:
    """Show how the reader sees article files (or folders of them): title, source, byline, date,
    dateline, and every sentence with its character offsets and kind (headline, byline,
    dateline, chrome, body)."""
    failed = 0
    first = True
    for path in _files(paths):
        try:
            if not path.exists():
                raise TextFileError(f"{path}: no such file")
            if path.is_dir():
                raise TextFileError(f"{path}: is a folder with no article files")
            art = articles.load(path)
        except TextFileError as exc:
            failed += 1
            click.echo(f"newstag: {one_line(str(exc), 400)}", err=True)
            continue
        if art.warning:
            click.echo(f"newstag: {one_line(art.warning, 400)}", err=True)
        if as_json:
            click.echo(json.dumps(article_json(art), ensure_ascii=False))
        else:
            click.echo(("" if first else "\n") + render(art))
        first = False
    if failed:
        raise Fail(f"{failed} file(s) could not be read")
