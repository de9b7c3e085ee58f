"""`newstag import-tags FILE --format F`: a teammate's or a model's tags, checked and merged in."""

from __future__ import annotations

from pathlib import Path

import click

from tui.core.exchange import IMPORT_FORMATS, doccano, jsonl, labelstudio, w3c
from tui.core.exchange.imports import import_tags
from tui.core.labels import load_labels
from tui.core.textfile import read_text

from .common import Fail, one_line_errors, workspace_from

READERS = {
    "jsonl": jsonl.read,
    "doccano": doccano.read,
    "w3c": w3c.read,
    "labelstudio": labelstudio.read,
}


def _label_map(pairs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        old, sep, new = pair.partition("=")
        if not sep or not old or not new:
            raise Fail(f"--map {pair!r}: write OLD=NEW, e.g. --map SPEC=speculation")
        out[old] = new
    return out


@click.command("import-tags")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--format", "fmt", type=click.Choice(IMPORT_FORMATS), required=True, help="Format of FILE."
)
@click.option("--annotator", help="Whose tags these become (default: as named in FILE, else you).")
@click.option(
    "--map",
    "mapping",
    multiple=True,
    metavar="OLD=NEW",
    help="Rename a label on the way in (repeatable).",
)
@click.option("--dry-run", is_flag=True, help="Check and report; write nothing.")
@click.pass_context
@one_line_errors
def command(
    ctx: click.Context,
    file: Path,
    fmt: str,
    annotator: str | None,
    mapping: tuple[str, ...],
    dry_run: bool,
) -> None:
    """Import tags, each anchored against the article text and checked like a keyed-in tag.

    Tags on labels missing from labels.yaml are reported, not imported; malformed lines are
    named and skipped; tags already present are left as they are.

    Exit status: 0 when every tag was imported or already there; 1 when any line or tag was
    skipped or its label rejected (each is named on standard error; the good ones were
    imported, or with --dry-run would be), or on an error.
    """
    ws = workspace_from(ctx)
    labels = load_labels(ws.labels_path)
    decoded = read_text(file)
    read = READERS[fmt](decoded.text, str(file))
    report = import_tags(ws, labels, read, annotator, _label_map(mapping), dry_run)
    for line in report.lines():
        click.echo(line, err=True)
    who = ", ".join(f"{n} for {a}" for a, n in sorted(report.added.items())) or "none"
    verb = "would add" if dry_run else "added"
    rejected = len(report.problems) + sum(map(len, report.unknown_labels.values()))
    click.echo(
        f"newstag: {verb} {report.total_added} tag(s) ({who}); {report.already} already there; "
        f"{rejected} not imported" + (" (listed above)" if rejected else ""),
        err=True,
    )
    ctx.exit(1 if rejected else 0)
