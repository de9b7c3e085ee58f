"""The palette's "Screenshot": saved in the workspace (`screenshots/`), and the user is told where.

Textual's own delivers to the Downloads folder, which may not exist (a server, a container), and
says nothing either way. In a browser tab (`newstag serve`) the browser downloads it instead.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.host import Host

FOLDER = "screenshots"


def screenshot_name(now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H-%M-%S")
    return f"newstag-{stamp}.svg"


def save_screenshot(app: Host, filename: str | None = None, path: str | None = None
                    ) -> Path | None:
    """Write the screen as SVG under the workspace; notify the path (or why it failed)."""
    folder = Path(path) if path else app.ws.root / FOLDER
    target = folder / (filename or screenshot_name())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(app.export_screenshot(), encoding="utf-8")
    except OSError as exc:
        app.notify(f"Screenshot not saved: {target}: {exc.strerror or exc}", severity="error",
                   markup=False, timeout=8)
        return None
    app.notify(f"Screenshot saved to {target}", markup=False, timeout=6)
    return target
