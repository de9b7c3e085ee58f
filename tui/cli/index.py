"""`newstag index [--rebuild]`: bring the search index up to date, with a progress bar."""

from __future__ import annotations

import click

from tui.core.search import IndexBusy, QueryError, Report, SearchError, SearchIndex

from .common import Fail, one_line_errors, workspace_from
from .progress import ProgressBar


def summary(report: Report) -> str:
    if report.rebuilt:
        return (f"indexed {report.articles} articles, {report.tags} tags in "
                f"{report.seconds:.1f} s with {report.engine} (full build: {report.reason})")
    if not report.touched:
        return f"index up to date (checked in {report.seconds:.2f} s)"
    return (f"index updated in {report.seconds:.2f} s: {report.added} added, "
            f"{report.changed} changed, {report.removed} removed, "
            f"{report.retagged} with new tags")


@click.command("index")
@click.option("--rebuild", is_flag=True,
              help="Throw the index away and build it again from the files.")
@click.option("--wait", default=600.0, show_default=True,
              help="Seconds to wait for another newstag that is updating the index.")
@click.option("--engine", type=click.Choice(["whoosh", "tantivy"]), default=None,
              help="Search engine (default: NEWSTAG_ENGINE, the existing index's, else tantivy "
                   "over 20,000 articles and Whoosh below). Switching engines rebuilds.")
@click.pass_context
@one_line_errors
def command(ctx: click.Context, rebuild: bool, wait: float, engine: str | None) -> None:
    """Build or update the search index in .newstag/index/ (only changed files are re-read)."""
    ws = workspace_from(ctx)
    try:
        index = SearchIndex(ws, engine=engine)
    except QueryError as exc:  # NEWSTAG_ENGINE=something-else
        raise Fail(str(exc)) from None
    if index.notice:
        click.echo(f"newstag: {index.notice}", err=True)
    bar = ProgressBar()
    try:
        report = index.ensure(progress=bar, rebuild=rebuild, timeout=wait, full=True)
    except IndexBusy as exc:
        raise Fail(f"{exc}; try again when it has finished") from None
    except SearchError as exc:
        raise Fail(str(exc)) from None
    finally:
        bar.close()
        index.close()
    for message in report.messages:
        click.echo(f"newstag: {message}", err=True)
    click.echo(summary(report))
