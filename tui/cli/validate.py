"""`newstag validate`: check labels.yaml and every tag file; exit 1 with one line per problem.

Fit for CI and a pre-commit hook: problems go to stdout as `file:line: what; what to do`, the
summary to stderr, and the exit code says it all (0 clean, 1 problems).
"""

from __future__ import annotations

from pathlib import Path

import click

from tui.core.validation import validate

from .common import one_line_errors, workspace_from


@click.command("validate")
@click.option("--fix", is_flag=True,
              help="First re-anchor your tag files whose article changed (as opening them "
                   "would); other annotators' files are only reported.")
@click.option("-q", "--quiet", is_flag=True, help="No summary line; only problems.")
@click.pass_context
@one_line_errors
def command(ctx: click.Context, fix: bool, quiet: bool) -> None:
    """Check labels.yaml and every tag file: unknown labels, bad offsets, quotes that no longer
    match their article, orphaned tags, duplicate ids and keys, merge-conflict markers."""
    ws = workspace_from(ctx)
    result = validate(ws, fix=fix)
    here = f"{Path.cwd()}/"

    def rel(line: str) -> str:  # paths relative to where it runs, as git and editors show them
        return line[len(here):] if line.startswith(here) else line

    for line in result.fixed + result.notes:
        click.echo(rel(line), err=True)
    for line in result.problems:
        click.echo(rel(line))
    if not quiet:
        summary = (f"{result.files} tag files, {result.tags} tags, {result.orphans} orphaned: "
                   f"{len(result.problems)} problem(s)")
        head = "newstag validate" if result.problems else "ok"
        click.echo(f"{head}: {summary}", err=True)
    ctx.exit(1 if result.problems else 0)
