"""A crash is not a success: one line on stderr naming a log with the traceback, exit non-zero.

The TUI runs headless in a subprocess, started the way `newstag` starts it (`tui.cli.main`);
a screen's handler raises as a bug would.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tui_helpers import REPO, workspace

PROBE = """
import sys
from textual.app import App

real_run = App.run
App.run = lambda self, **kw: real_run(self, headless=True, size=(100, 30))

from tui.screens.library import LibraryScreen

def broken(self):
    raise RuntimeError("a bug \\x1b[31m in a handler")

LibraryScreen.on_mount = broken
sys.argv = ["newstag"]
from tui.cli import main
main.main()
"""


def test_an_unexpected_error_exits_non_zero_with_one_line_and_a_log(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    run = subprocess.run([sys.executable, "-c", PROBE], cwd=ws.root, capture_output=True,
                         text=True, timeout=120, env={"PYTHONPATH": str(REPO),
                                                      "NEWSTAG_ANNOTATOR": "tester",
                                                      "PATH": "/usr/bin:/bin"})
    assert run.returncode == 70, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("newstag: stopped by an unexpected error (RuntimeError: a bug")
    assert "\x1b" not in lines[0]  # the error's text is shown, not executed
    found = re.search(r"details in (\S+\.log)", lines[0])
    assert found, lines[0]
    log = Path(found.group(1))
    assert log.is_relative_to(ws.cache) and "Traceback" in log.read_text(encoding="utf-8")
    assert "def broken" not in run.stdout + run.stderr  # the traceback is in the log only
    assert "in broken" in log.read_text(encoding="utf-8")
