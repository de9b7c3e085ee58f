"""`newstag import PATH...`: add articles to the corpus; an existing one is never overwritten."""

from __future__ import annotations

from pathlib import Path

import click

from tui.core.exchange.articles_in import import_articles

from .common import Fail, one_line_errors, workspace_from


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
@one_line_errors
def command(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Add articles from .txt, .md, .html (main text extracted) and .jsonl files or folders.

    Articles are stored as plain text: .md is converted (headings become lines, emphasis and
    links keep their words) and saved as .txt; .html keeps its main text with the headline,
    date and byline on top. A .jsonl file holds one article per line: {"text": ..., "title":
    ..., "id": ...} (title and id optional). Inputs whose id is already in the corpus are
    skipped, never overwritten (the same text again is not an error).

    Exit status: 0 when every input was imported; 1 when any file or line was skipped (each
    is named on standard error; everything else was imported), or on an error.
    """
    ws = workspace_from(ctx)
    try:
        report = import_articles(paths, ws.corpus)
    except OSError as exc:  # the corpus folder itself cannot be listed or created
        raise Fail(f"{exc.filename or ws.corpus}: {exc.strerror or exc}; check the corpus folder "
                   "(--corpus DIR)") from None
    for message in report.messages:
        click.echo(message, err=True)
    for path in report.created:
        click.echo(f"added {path}")
    skipped = f"; {report.skipped} skipped (listed above)" if report.skipped else ""
    notes = len(report.messages) - report.skipped
    click.echo(
        f"newstag: {len(report.created)} article(s) added to {ws.corpus}{skipped}"
        + (f"; {notes} note(s) above" if notes else ""),
        err=True,
    )
    ctx.exit(1 if report.skipped else 0)
