"""What every subcommand shares: the workspace options and one-line errors instead of tracebacks."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from tui.core.labels import LabelsError
from tui.core.textfile import TextFileError
from tui.core.workspace import Workspace, WorkspaceError, open_workspace

F = TypeVar("F", bound=Callable[..., Any])


def user_errors() -> tuple[type[Exception], ...]:
    """Exceptions whose message is already one line a user can act on.

    The tag store's is imported only here: it pulls in PyYAML and filelock, which plain
    `newstag` (the TUI) should not pay for before its first screen.
    """
    from tui.core.tagstore import TagFileError

    return (LabelsError, TagFileError, TextFileError, WorkspaceError)


class Fail(click.ClickException):
    """Exit 1 with `newstag: <message>` on stderr."""

    def show(self, file: Any = None) -> None:
        click.echo(f"newstag: {self.format_message()}", err=True)


def one_line_errors(func: F) -> F:
    """Turn user mistakes into one line and exit 1; Ctrl-C into exit 130, quietly."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except Exception as exc:
            if isinstance(exc, user_errors()):
                raise Fail(str(exc)) from None
            raise
        except KeyboardInterrupt:
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


def workspace_from(ctx: click.Context) -> Workspace:
    """The workspace chosen by the top-level options (--corpus, --tags, --annotator)."""
    opts = ctx.find_root().obj or {}
    try:
        return open_workspace(opts.get("root"), opts.get("corpus"), opts.get("tags"),
                              opts.get("annotator"))
    except WorkspaceError as exc:
        raise Fail(str(exc)) from None


def path_option(*names: str, **kw: Any) -> Callable[[F], F]:
    return click.option(*names, type=click.Path(path_type=Path), **kw)
