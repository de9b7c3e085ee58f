"""Shared set-up for the TUI tests: a throwaway workspace and an app driven by Pilot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from textual.pilot import Pilot
from workspace_helpers import seed_workspace

from tui.app import NewstagApp
from tui.core.labels import load_labels
from tui.core.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
SIZE = (120, 40)
FIRST, SECOND = "000_698a1ff201fa72f9", "001_e98dd6f0637d58e7"
CHROMY = "003_420c701de47a1b0c"  # starts with a date, a slogan and a phone number


def workspace(tmp_path: Path, annotator: str = "tester") -> Workspace:
    """The five seed articles and the default labels in a folder of their own."""
    return seed_workspace(tmp_path, annotator)


def make_app(ws: Workspace) -> NewstagApp:
    return NewstagApp(ws, load_labels(ws.labels_path))


async def wait_for(pilot: Pilot, ready: Callable[[], object], what: str = "",
                   limit: float = 10) -> None:
    """Let the app run until `ready()` is true (workers, screens); fail after `limit` seconds."""
    waited = 0.0
    while not ready():
        if waited >= limit:
            raise AssertionError(f"timed out waiting for {what or ready}")
        await pilot.pause(0.02)
        waited += 0.02
    await pilot.pause()


async def library_ready(pilot: Pilot) -> None:
    """The library is shown and checked against the files (titles and tag counts final)."""
    app = pilot.app
    await wait_for(pilot, lambda: app.library is not None and app.library.verified,  # type: ignore[attr-defined]
                   "the library")


async def open_reader(pilot: Pilot, article_id: str = FIRST) -> None:
    """From the library, open an article the way a user does (move to it, enter)."""
    from tui.screens.reader import ReaderScreen

    await library_ready(pilot)
    app = pilot.app
    target = app.library.index_of(article_id)  # type: ignore[attr-defined]
    await pilot.press("g", *["j"] * target, "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                   and app.screen.article is not None, "the reader")


async def twins_ready(pilot: Pilot) -> None:
    """The claims cache was brought up to date and the open article's twins asked again: `≈`
    marks are final."""
    app = pilot.app
    await wait_for(pilot, lambda: app.services.claims_fresh,
                   "the claim index", limit=120)
    await pilot.pause()


def tag_file(ws: Workspace, article_id: str, annotator: str | None = None) -> dict | None:
    path = ws.tags / (annotator or ws.annotator) / f"{article_id}.yaml"
    if not path.exists():
        return None
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def tags_on_disk(ws: Workspace, article_id: str, annotator: str | None = None) -> list[tuple]:
    """(label, start, end, note) of every tag in the file, checking each quote against the text."""
    data = tag_file(ws, article_id, annotator)
    if data is None:
        return []
    text = ws.article_path(article_id).read_bytes().decode("utf-8")
    out = []
    for t in data["tags"]:
        assert text[t["start"] : t["end"]] == t["quote"]
        out.append((t["label"], t["start"], t["end"], t["note"]))
    return out
