"""`newstag claims`: every claim found in two or more articles, with each article's labels."""

from __future__ import annotations

import json

import click

from tui.core.sanitize import one_line

from .common import one_line_errors, workspace_from
from .progress import ProgressBar


@click.command("claims")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output (DESIGN.md shape).")
@click.pass_context
@one_line_errors
def command(ctx: click.Context, as_json: bool) -> None:
    """Claims made by two or more articles (twins), and the labels each article's sentence got.

    The links are cached under .newstag/claims/ and brought up to date with the corpus first.
    """
    from tui.core.claims import TagLookup, open_index
    from tui.core.claims.table import build_table, claims_json

    ws = workspace_from(ctx)
    bar = ProgressBar()
    idx = open_index(ws, progress=lambda done, total: bar(done, total, "linking"))
    bar.close()
    lookup = TagLookup(ws)
    if as_json:
        click.echo(json.dumps(claims_json(idx, lookup), ensure_ascii=False, indent=1))
        return
    table = build_table(idx, lookup)
    if not table.rows:
        click.echo("no claim found in two or more articles")
        return
    for n, row in enumerate(table.rows, 1):
        click.echo(f"{n}. {one_line(row.text, 100)}")
        for col in table.columns:
            cell = row.cells.get(col.article)
            if cell is None:
                continue
            labels = ", ".join(cell.shown(None)) or "-"
            for m in cell.members:
                click.echo(f"   {one_line(col.heading, 24):<24}  [{labels}]  "
                           f"{one_line(m.text, 70)}")
        click.echo("")
    click.echo(f"{len(table.rows)} claims across {len(table.columns)} articles")
