"""Run inside a real terminal by bench/frames.py: newstag, recording every frame it writes.

Opens ARTICLE (or stays in the library with `-`), writes READY when settled, then records for
each frame written to the terminal: the time (perf_counter, the same clock in every process),
the CPU time used so far and the cursor position; on quitting it writes them to OUT as JSON.

    python bench/_frames_app.py ARTICLE READY OUT
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path


def _cursor(app) -> object:  # noqa: ANN001
    view = getattr(app.screen, "view", None)
    if view is not None and getattr(view, "cursor", None) is not None:
        return view.cursor.start
    focused = app.screen.focused
    return getattr(focused, "highlighted", None)


def main() -> None:
    article, ready, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _experiments import apply

    apply()
    from tui.app import NewstagApp
    from tui.core.labels import load_labels
    from tui.core.workspace import open_workspace

    ws = open_workspace(Path.cwd())
    app = NewstagApp(ws, load_labels(ws.labels_path, ws.cache))  # as run_app does
    frames: list[tuple[float, float, object]] = []
    shown = app._display

    def display(screen, renderable) -> None:  # noqa: ANN001 - Textual's private hook
        shown(screen, renderable)
        if renderable is not None:
            frames.append((time.perf_counter(), time.process_time(), _cursor(app)))

    app._display = display  # type: ignore[method-assign]

    async def settle() -> None:
        while app.library is None or not app.library.verified:  # the background check done
            await asyncio.sleep(0.02)
        if article != "-":
            app.open_article(article)
        await asyncio.sleep(2.0)  # first layout, background sentence count
        ready.write_text(str(time.perf_counter()))

    app.call_later(lambda: asyncio.ensure_future(settle()))
    app.run()
    out.write_text(json.dumps(frames))


if __name__ == "__main__":
    main()
