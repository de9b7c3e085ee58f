"""`newstag`: with no subcommand, the TUI; subcommands live one per module in `tui.cli`.

Plain `newstag` (no arguments at all) goes straight to the TUI without importing click, whose
import and parsing were a fifth of what the first screen cost beyond Textual's own start; any
argument goes through the click group (`group.py`), which is also what `cli` here gives.
"""

from __future__ import annotations

import sys
from typing import Any

# One module per subcommand, each defining `command`; a module that is absent is skipped so a
# partial install still starts.
SUBCOMMANDS = ("init", "validate", "stats", "index", "search", "export", "importing",
               "import_tags", "agree", "review", "claims", "sentences")
_NAMES = {"importing": "import"}  # module -> command name when it is not the module's own name


def start_tui() -> int:
    """`newstag` with no arguments: the TUI on the workspace in the current folder."""
    from tui.core.labels import LabelsError
    from tui.core.workspace import WorkspaceError, open_workspace

    try:
        ws = open_workspace()
        from tui.app import run_app  # after the workspace: a wrong folder is said at once

        return run_app(ws)  # non-zero after a crash (one line on stderr names the log)
    except (WorkspaceError, LabelsError) as exc:
        print(f"newstag: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def main() -> None:
    if len(sys.argv) <= 1:
        sys.exit(start_tui())
    from .group import cli

    cli(prog_name="newstag")


def __getattr__(name: str) -> Any:
    """`from tui.cli.main import cli` (tests, scripts): the click group, imported on first use."""
    if name in ("cli", "LazyGroup"):
        from . import group

        return getattr(group, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
