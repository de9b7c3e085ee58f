"""`newstag init DIR`: scaffold a workspace without overwriting anything."""

from __future__ import annotations

from pathlib import Path

import click

from tui.core.gitstatus import init_repo
from tui.core.workspace import init_workspace

from .common import Fail, one_line_errors


@click.command("init")
@click.argument("directory", type=click.Path(path_type=Path), default=".")
@one_line_errors
def command(directory: Path) -> None:
    """Create corpus/, tags/labels.yaml and a .gitignore in DIRECTORY (existing files are kept).

    Unless DIRECTORY is already inside a git work tree, also run `git init` there, so tags can
    be committed ("Commit tags…" in newstag) and shared. Without git the workspace is still
    created, and init says so.
    """
    if directory.exists() and not directory.is_dir():
        raise Fail(f"{directory}: is a file; give a folder (it is created if missing)")
    try:
        created = init_workspace(directory)
    except OSError as exc:
        raise Fail(f"{exc.filename or directory}: cannot create the workspace "
                   f"({exc.strerror or exc}); choose another folder") from None
    for path in created:
        click.echo(f"created {path}")
    if not created:
        click.echo(f"{directory}: already a workspace; nothing changed")
    click.echo(init_repo(directory))
    click.echo(f"next: put article .txt files in {directory / 'corpus'} and run `newstag` there")
