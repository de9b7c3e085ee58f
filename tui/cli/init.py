"""`newstag init DIR`: scaffold a workspace without overwriting anything."""

from __future__ import annotations

from pathlib import Path

import click

from tui.core.workspace import init_workspace

from .common import one_line_errors


@click.command("init")
@click.argument("directory", type=click.Path(path_type=Path), default=".")
@one_line_errors
def command(directory: Path) -> None:
    """Create corpus/, tags/labels.yaml and a .gitignore in DIRECTORY (existing files are kept)."""
    created = init_workspace(directory)
    for path in created:
        click.echo(f"created {path}")
    if not created:
        click.echo(f"{directory}: already a workspace; nothing changed")
    click.echo(f"next: put article .txt files in {directory / 'corpus'} and run `newstag` there")
