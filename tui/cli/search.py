"""`newstag search QUERY`: hits as highlighted sentences on a terminal, or stable JSON."""

from __future__ import annotations

import json
import sys

import click

from tui.core.sanitize import one_line
from tui.core.search import Hit, IndexBusy, QueryError, Results, SearchError, SearchIndex

from .common import Fail, one_line_errors, workspace_from
from .index import summary
from .progress import ProgressBar


def hit_json(h: Hit) -> dict[str, object]:
    """One hit; `sentence` counts from 1 as on screen, in CSV and in `agree` (null for an
    article hit)."""
    return {"kind": h.kind, "article": h.article, "title": h.title,
            "sentence": h.index + 1 if h.kind == "sentence" else None,
            "start": h.start, "end": h.end, "text": h.text, "labels": list(h.labels),
            "annotators": list(h.annotators), "score": round(h.score, 4),
            "marks": [list(m) for m in h.marks]}


def results_json(r: Results, limit: int) -> str:
    """DESIGN.md's shape: query, took_ms, articles, total, more, hits (plus kind, terms, hint)."""
    hits = r.hits[:limit]
    data: dict[str, object] = {
        "query": r.query, "took_ms": r.took_ms, "articles": r.articles, "total": r.total,
        "more": r.more or len(r.hits) > limit, "hits": [hit_json(h) for h in hits],
        "kind": r.kind, "terms": list(r.terms)}
    if r.hint:
        data["hint"] = r.hint
    return json.dumps(data, ensure_ascii=False, indent=2)


def marked(text: str, marks: tuple[tuple[int, int], ...], color: bool) -> str:
    """The sentence on one line, matched words in bold reverse video on a terminal."""
    flat = one_line(text, limit=len(text) + 1)  # same length as `text`, so marks still line up
    if not color or not marks:
        return flat
    out, pos = [], 0
    for start, end in marks:
        out += [flat[pos:start], click.style(flat[start:end], bold=True, reverse=True)]
        pos = end
    out.append(flat[pos:])
    return "".join(out)


def render(r: Results, color: bool, limit: int) -> str:
    """One line per sentence hit (its article, number from 1, title, labels), then the sentence."""
    lines = []
    for h in r.hits[:limit]:
        where = h.article if h.kind == "article" else f"{h.article} #{h.index + 1}"
        labels = f"  [{', '.join(one_line(lb, 40) for lb in h.labels)}]" if h.labels else ""
        head = f"{where}  {one_line(h.title, 70)}{labels}"
        lines.append(click.style(head, fg="cyan") if color else head)
        if h.kind == "sentence":
            lines.append("    " + marked(h.text, h.marks, color))
    noun = "article" if r.kind == "article" else "sentence"
    shown = min(limit, len(r.hits))
    arts = "" if r.kind == "article" else \
        f" in {r.articles} matching article{'' if r.articles == 1 else 's'}"
    if r.more or len(r.hits) > limit:
        lines.append(f"{shown} matching {noun}s shown{arts} (raise --limit for more)")
    else:
        plural = "" if r.total == 1 else "s"
        hint = f" ({r.hint})" if r.hint else ""
        lines.append(f"{r.total} matching {noun}{plural}{arts}{hint}")
    return "\n".join(lines)


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", "-n", default=20, show_default=True, type=click.IntRange(1, 100_000),
              help="Show at most this many hits.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the hits as JSON (stable keys, for scripts).")
@click.option("--engine", type=click.Choice(["whoosh", "tantivy"]), default=None,
              help="Search engine (default: NEWSTAG_ENGINE, the existing index's, else by "
                   "corpus size).")
@click.pass_context
@one_line_errors
def command(ctx: click.Context, query: tuple[str, ...], limit: int, as_json: bool,
            engine: str | None) -> None:
    """Search sentences and articles, e.g. ammunition, "supply ammunition", label:speculation,
    annotator:alice, title:putin, source:reuters, article:003*, date:[2023-09-01 TO 2023-09-30],
    untagged, with AND / OR / NOT and wildcards. One line per sentence hit, best articles first."""
    ws = workspace_from(ctx)
    text = " ".join(query)
    try:
        index = SearchIndex(ws, engine=engine)
    except QueryError as exc:  # NEWSTAG_ENGINE=something-else
        raise Fail(str(exc)) from None
    if index.notice:
        click.echo(f"newstag: {index.notice}", err=True)
    bar = ProgressBar()
    try:
        index.check_query(text)  # a typo is reported at once, not after an index build
        try:
            report = index.ensure(progress=bar)
            for message in report.messages:
                click.echo(f"newstag: {message}", err=True)
            if report.rebuilt:
                click.echo(f"newstag: {summary(report)}", err=True)
        except IndexBusy as exc:
            click.echo(f"newstag: {exc}; searching the index as it is", err=True)
        results = index.search(text, limit + 1, progress=bar)
    except QueryError as exc:
        raise Fail(str(exc)) from None
    except SearchError as exc:
        raise Fail(f"{exc}; run `newstag index --rebuild`") from None
    finally:
        bar.close()
        index.close()
    click.echo(results_json(results, limit) if as_json
               else render(results, sys.stdout.isatty(), limit))
