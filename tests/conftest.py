"""Fixtures every layer shares: a seed workspace, the app on it, an opened reader, and the
notifications the app showed.

- `seed_ws`: the five seed articles and the default labels in `tmp_path/ws` (annotator "tester").
- `app`: a `NewstagApp` on `seed_ws`, not running (add a keymap file first with `keymap_file`).
- `pilot`: the app running under Pilot at `SIZE`, the library loaded.
- `reader`: `pilot` with the first seed article open in the reader.
- `notices`: every `notify` call of any app in the test, as `Notice(message, severity)`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from tui_helpers import FIRST, SIZE, library_ready, make_app, open_reader, workspace

from tui.app import NewstagApp
from tui.core.workspace import Workspace


@dataclass(frozen=True)
class Notice:
    message: str
    severity: str


class Notices(list[Notice]):
    def messages(self, severity: str | None = None) -> list[str]:
        return [n.message for n in self if severity is None or n.severity == severity]

    def about(self, text: str) -> list[Notice]:
        return [n for n in self if text in n.message]


@pytest.fixture
def notices(monkeypatch: pytest.MonkeyPatch) -> Iterator[Notices]:
    """What the user was told: recorded at `App.notify`, then shown as usual."""
    seen = Notices()
    original = App.notify

    def notify(self: App[object], message: str, *args: object, **kw: object) -> None:
        seen.append(Notice(str(message), str(kw.get("severity", "information"))))
        original(self, message, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(App, "notify", notify)
    yield seen


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own ~/.config/newstag (a keymap) never reaches a test."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture
def seed_ws(tmp_path: Path) -> Workspace:
    return workspace(tmp_path)


@pytest.fixture
def app(seed_ws: Workspace) -> NewstagApp:
    return make_app(seed_ws)


@pytest.fixture
async def pilot(app: NewstagApp) -> AsyncIterator[Pilot[None]]:
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        yield pilot


@pytest.fixture
async def reader(pilot: Pilot[None]) -> Pilot[None]:
    await open_reader(pilot, FIRST)
    return pilot
