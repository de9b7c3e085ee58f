"""The `newstag` click group: the global options, and one lazily imported module per subcommand
(named in SUBCOMMANDS). Plain `newstag` does not come here (see `main.main`)."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from typing import Any

import click

from tui import __version__

from .common import Fail, path_option, workspace_from

# One module per subcommand, each defining `command`; a module that is absent is skipped so a
# partial install still starts.
SUBCOMMANDS = ("init", "validate", "stats", "index", "search", "export", "importing",
               "import_tags", "agree", "review", "claims", "sentences", "serve")
_NAMES = {"importing": "import"}  # module -> command name when it is not the module's own name


class LazyGroup(click.Group):
    """Imports a subcommand's module only when it runs (or `--help` lists it): `newstag --corpus X`
    starts the TUI without loading search, export and the rest (~0.4 s of imports)."""

    def _modules(self) -> dict[str, str]:
        found = {}
        for mod in SUBCOMMANDS:
            if importlib.util.find_spec(f"tui.cli.{mod}") is not None:
                found[_NAMES.get(mod, mod.replace("_", "-"))] = mod
        return found

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self._modules()))

    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        """Click's own errors (a missing option, a bad value, an unknown command) as one line,
        like every other error: `newstag: export: Missing option '--format'. ...`."""
        standalone = kwargs.pop("standalone_mode", True)
        try:
            rv = super().main(*args, standalone_mode=False, **kwargs)
            if not standalone:
                return rv
            sys.exit(rv if isinstance(rv, int) else 0)  # `ctx.exit(n)` comes back as n
        except click.UsageError as exc:
            if not standalone:
                raise
            where = exc.ctx.command_path if exc.ctx is not None else "newstag"
            message = " ".join(exc.format_message().split()).replace(": ,", ":")
            sub = where.partition(" ")[2]
            click.echo(f"newstag: {sub + ': ' if sub else ''}{message} (see {where} --help)",
                       err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            if not standalone:
                raise
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            if not standalone:
                raise
            click.echo("newstag: aborted", err=True)
            sys.exit(1)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and (mod := self._modules().get(name)) is not None:
            self.add_command(importlib.import_module(f"tui.cli.{mod}").command, name)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@path_option("--corpus", help="Folder of article text files (default: corpus/ or seeds/).")
@path_option("--tags", help="Folder of labels.yaml and tag files (default: tags/).")
@click.option("--annotator",
              help="Your name for tag files (default: $NEWSTAG_ANNOTATOR, git user.name, login).")
@path_option("--root", hidden=True, help="Workspace root (default: current folder).")
@click.version_option(__version__, prog_name="newstag")
@click.pass_context
def cli(ctx: click.Context, corpus: Path | None, tags: Path | None, annotator: str | None,
        root: Path | None) -> None:
    """Read news in the terminal and tag sentences; tags are YAML files for git.

    With no command, opens the reader on the workspace in the current folder.
    """
    ctx.obj = {"corpus": corpus, "tags": tags, "annotator": annotator, "root": root}
    if ctx.invoked_subcommand is None:
        ws = workspace_from(ctx)
        from tui.app import run_app  # Textual is only imported when the TUI is wanted
        from tui.core.labels import LabelsError

        try:
            code = run_app(ws)
        except LabelsError as exc:
            raise Fail(str(exc)) from None
        except KeyboardInterrupt:
            sys.exit(130)
        if code:
            sys.exit(code)
