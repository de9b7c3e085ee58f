"""`newstag export --format F`: tags out for people and tools that don't run newstag."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tui.core.atomic import write_atomic
from tui.core.claims.table import Table
from tui.core.exchange import (
    EXPORT_FORMATS,
    brat,
    collect,
    doccano,
    html,
    jsonl,
    labelstudio,
    markdown,
    w3c,
)
from tui.core.exchange import csv as csv_fmt
from tui.core.labels import load_labels
from tui.core.workspace import Workspace

from .common import Fail, one_line_errors, path_option, workspace_from

RENDER = {
    "csv": csv_fmt.render,
    "jsonl": jsonl.render,
    "doccano": doccano.render,
    "w3c": w3c.render,
    "labelstudio": labelstudio.render,
    "html": html.render,
    "markdown": markdown.render,
}


SUFFIX = {"jsonl": "jsonl", "doccano": "jsonl", "w3c": "jsonld", "labelstudio": "json",
          "html": "html", "markdown": "md", "csv": "csv"}


def _check_out(out: Path, fmt: str) -> None:
    """Refuse an --out that cannot work before anything is written (no parent folders made up)."""
    if fmt == "brat":
        if out.exists() and not out.is_dir():
            raise Fail(f"--out {out}: is a file; brat writes a folder of .txt/.ann files, so "
                       "give a folder path (it is created if its parent exists)")
        if not out.exists() and not out.parent.is_dir():
            raise Fail(f"--out {out}: folder {out.parent} does not exist; create it first or "
                       "choose another place")
        return
    if out.is_dir():
        example = out / f"tags.{SUFFIX[fmt]}"
        raise Fail(f"--out {out}: is a folder; give a file path, e.g. {example}")
    if not out.parent.is_dir():
        raise Fail(f"--out {out}: folder {out.parent} does not exist; create it first or "
                   "choose another place")


def _write(path: Path, data: str) -> None:
    try:
        write_atomic(path, data.encode("utf-8"))
    except OSError as exc:
        raise Fail(f"{path}: cannot write ({exc.strerror or exc}); nothing was replaced") from None


def _claims(ws: Workspace, col: collect.Collection, only: tuple[str, ...]) -> Table | None:
    """The claims table for the HTML export, its labels from the exported tags (and with
    `--article`, only the claims those articles make); None (and a note) when the claims cannot
    be linked, so the export itself still goes out."""
    from tui.core.claims import open_index
    from tui.core.claims.table import build_table
    from tui.core.exchange.html_claims import labels_from

    try:
        table = build_table(open_index(ws), labels_from(col))
    except (OSError, ValueError) as exc:
        click.echo(f"newstag: note: no claims table in the export: {exc}", err=True)
        return None
    if only:
        table.rows = [r for r in table.rows if set(only) & set(r.cells)]
        keep = {a for r in table.rows for a in r.cells}
        table.columns = [c for c in table.columns if c.article in keep]
    return table


@click.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Output format."
)
@path_option(
    "--out",
    help="File to write, in an existing folder (for brat a folder, created if its parent "
    "exists). Default: standard output.",
)
@click.option("--label", "labels", multiple=True, help="Only this label (repeatable).")
@click.option("--annotator", "annotators", multiple=True, help="Only this annotator (repeatable).")
@click.option("--article", "article_ids", multiple=True, help="Only this article id (repeatable).")
@click.pass_context
@one_line_errors
def command(
    ctx: click.Context,
    fmt: str,
    out: Path | None,
    labels: tuple[str, ...],
    annotators: tuple[str, ...],
    article_ids: tuple[str, ...],
) -> None:
    """Export tags as csv, jsonl, doccano, brat, w3c, labelstudio, html or markdown.

    jsonl, w3c and labelstudio carry every part of a tag; the others say on standard error
    what they leave out (doccano: notes, creation times and ids; csv, brat, markdown: creation
    times and ids; html: creation times).

    Every tag is placed on its article's current text first, as the reader places it: a tag
    file made on an earlier version of the article is re-anchored in memory (the file is not
    changed) and a note says so. Tags that cannot be placed (orphans) are left out and listed
    on standard error with the reason; `newstag validate` lists them too.
    """
    if fmt == "brat" and out is None:
        raise Fail("brat writes a folder of .txt/.ann files; pass --out DIR")
    if out is not None:
        _check_out(out, fmt)
    ws = workspace_from(ctx)
    label_set = load_labels(ws.labels_path)
    for name in labels:
        if label_set.by_name(name) is None:
            click.echo(f"newstag: note: label {name!r} is not in {ws.labels_path}", err=True)
    col = collect.collect(ws, label_set, labels, annotators, article_ids)
    for line in col.placed:
        click.echo(f"newstag: note: {line}", err=True)
    for skipped in col.skipped:
        click.echo(f"left out: {skipped}", err=True)
    if fmt == "brat":
        assert out is not None
        try:
            out.mkdir(exist_ok=True)
            written = brat.write(col, out)
        except OSError as exc:
            where = exc.filename or out
            raise Fail(f"{where}: cannot write ({exc.strerror or exc}); the brat folder is "
                       "incomplete") from None
        where = f"{out}/ ({len(written)} files)"
    else:
        data = (html.render(col, _claims(ws, col, article_ids)) if fmt == "html"
                else RENDER[fmt](col))
        if out is None:
            sys.stdout.write(data)
            sys.stdout.flush()
            where = "standard output"
        else:
            _write(out, data)
            where = str(out)
        if fmt == "labelstudio":
            if out is None:
                click.echo(
                    "newstag: note: pass --out FILE to also get the labelling config", err=True
                )
            else:
                config = out.with_name(out.stem + ".label_config.xml")
                _write(config, labelstudio.label_config(label_set))
                where += f" (labelling config: {config})"
    from tui.core.exchange.carries import losses

    if (lost := losses(fmt, col)) is not None:
        click.echo(f"newstag: note: {lost}", err=True)
    left = f"; left out {len(col.skipped)} (listed above)" if col.skipped else ""
    if not col.items:
        click.echo(
            f"newstag: no tags matched; wrote an empty {fmt} export to {where}{left}", err=True
        )
    else:
        click.echo(
            f"newstag: exported {len(col.items)} tag(s) from {len(col.articles)} article(s) "
            f"as {fmt} to {where}{left}",
            err=True,
        )
