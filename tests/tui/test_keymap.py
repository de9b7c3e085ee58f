"""A user keymap (DESIGN.md, "Keymap") moves keys by binding id; the footer, `?` and the palette
show the keys in force; a bad keymap is one notice per entry naming the file, defaults kept."""

from __future__ import annotations

import io
from pathlib import Path

from palette_helpers import run_command
from rich.console import Console
from textual.widgets import Static
from tui_helpers import FIRST, SIZE, open_reader, tags_on_disk, wait_for

from tui.app import NewstagApp
from tui.core.keymap import keymap_path
from tui.core.labels import load_labels
from tui.core.workspace import Workspace
from tui.screens.help import HelpScreen
from tui.widgets.key_bar import KeyBar


def keymapped(ws: Workspace, tmp_path: Path, text: str) -> tuple[NewstagApp, Path]:
    path = keymap_path({"XDG_CONFIG_HOME": str(tmp_path / "config")})
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return NewstagApp(ws, load_labels(ws.labels_path), keymap=path), path


def sentence(app: NewstagApp) -> int:
    view = app.screen.view  # type: ignore[attr-defined]
    return view.cursor.start


def help_text(app: NewstagApp) -> str:
    """What the help screen says, as plain text."""
    console = Console(width=120, record=True, file=io.StringIO())
    for static in app.screen.query(Static):
        console.print(static.content)
    return console.export_text()


async def test_ctrl_n_moves_to_the_next_sentence_and_every_list_of_keys_says_so(
        seed_ws, tmp_path, notices) -> None:
    app, _ = keymapped(seed_ws, tmp_path, "reader.next-sentence: ctrl+n\n")
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        first = sentence(app)
        await pilot.press("j")  # j no longer moves: the keymap took it off next-sentence
        assert sentence(app) == first
        await pilot.press("ctrl+n")
        second = sentence(app)
        assert second > first
        await pilot.press("k")
        assert sentence(app) == first
        bar = app.screen.query_one(KeyBar).render().plain
        assert "^n/k Sentence" in bar, bar
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        shown = help_text(app)
        assert "ctrl+n / k, ↑" in shown and "j / k" not in shown, shown
    assert notices.messages("warning") == []


async def test_the_palette_names_the_key_in_force(seed_ws, tmp_path) -> None:
    app, _ = keymapped(seed_ws, tmp_path, "app.help: f1\n")
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        await run_command(pilot, "help", "Help: keys and label guidelines (f1)")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        await pilot.press("escape")
        await pilot.press("question_mark")  # moved away: ? does nothing now
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "help by f1")


async def test_bad_entries_are_one_line_each_and_keep_their_defaults(seed_ws, tmp_path,
                                                                   notices) -> None:
    text = ("reader.next-sentence: s\n"  # the speculation label's key
            "reader.no-such-thing: ctrl+x\n"
            "reader.undo: x\n"  # reader.clear's key
            "reader.redo: ctrl+y\n")  # fine
    app, path = keymapped(seed_ws, tmp_path, text)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        warned = notices.messages("warning")
        assert len(warned) == 3, warned
        assert all(m.startswith(f"{path}:") and "\n" not in m for m in warned)
        assert "reader.next-sentence: s is already reader.label-key-" in warned[0]
        assert ":2: reader.no-such-thing: no binding has this id" in warned[1]
        assert "reader.undo: x is already reader.clear's key" in warned[2]
        first = sentence(app)
        await pilot.press("j")  # the default stayed
        assert sentence(app) > first
        await pilot.press("s", "u")  # tag, undo (u kept: its entry was refused)
        assert tags_on_disk(seed_ws, FIRST) == []
        await pilot.press("ctrl+y")  # the good entry applies
        assert [t[0] for t in tags_on_disk(seed_ws, FIRST)] == ["speculation"]


async def test_a_keymap_that_is_not_yaml_is_one_notice_and_changes_nothing(seed_ws, tmp_path,
                                                                          notices) -> None:
    app, path = keymapped(seed_ws, tmp_path, "reader.next-sentence: [ctrl+n\n")
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        warned = notices.messages("warning")
        assert len(warned) == 1 and warned[0].startswith(f"{path}:"), warned
        assert "default keys used" in warned[0]
        first = sentence(app)
        await pilot.press("j")
        assert sentence(app) > first
