"""Start the TUI on the current folder without the CLI (to tell CLI import cost from the app's)."""

from __future__ import annotations

from pathlib import Path

from tui.app import run_app
from tui.core.workspace import open_workspace

if __name__ == "__main__":
    run_app(open_workspace(Path.cwd()))
