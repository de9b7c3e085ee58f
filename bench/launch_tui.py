"""Start the TUI on the current folder without the CLI (to tell CLI import cost from the app's),
optionally with a bench experiment applied (see _experiments.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _experiments import apply  # noqa: E402

from tui.app import run_app  # noqa: E402
from tui.core.workspace import open_workspace  # noqa: E402

if __name__ == "__main__":
    apply()
    run_app(open_workspace(Path.cwd()))
