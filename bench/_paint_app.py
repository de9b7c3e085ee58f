"""Run inside tmux by bench/startup.py --cpu: start, paint the first screen, exit at once.

`bare`: the one-Static app; `newstag`: the TUI on the current folder, exiting at the first frame
written after the library's rows are shown. With PAINT_CPU_OUT set, the process's CPU seconds at
that frame (interpreter start included) are written there: the CPU start-up costs up to the
first screen, which a busy machine disturbs much less than wall-clock time. (Run under
`/usr/bin/time` instead, the figure would also count what runs after the first screen until the
process ends: the library's background check, `git status`, shutting down.)

    python bench/_paint_app.py bare|newstag
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def _exit_after_frame(app, ready) -> None:  # noqa: ANN001
    shown = app._display
    out = os.environ.get("PAINT_CPU_OUT")

    def display(screen, renderable) -> None:  # noqa: ANN001 - Textual's private hook
        shown(screen, renderable)
        if renderable is not None and ready():
            if out:
                Path(out).write_text(f"{time.process_time():.4f}")
            app.exit()

    app._display = display  # type: ignore[method-assign]


def main() -> None:
    if sys.argv[1] == "bare":
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from bare_app import Bare

        app = Bare()
        _exit_after_frame(app, lambda: True)
        app.run()
        return
    import tui.cli.main  # noqa: F401 - what plain `newstag` imports first (not click)
    from tui.app import NewstagApp
    from tui.core.labels import load_labels
    from tui.core.workspace import open_workspace

    ws = open_workspace(Path.cwd())
    app = NewstagApp(ws, load_labels(ws.labels_path, ws.cache))  # as run_app does
    _exit_after_frame(app, lambda: app.library is not None)
    app.run()


if __name__ == "__main__":
    main()
