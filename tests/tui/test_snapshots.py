"""What the screens look like, at a fixed size: library, reader (tags, chrome, selection), help,
the note modal. Update after a deliberate change with `pytest --snapshot-update`."""

from __future__ import annotations

from textual.widgets import Input
from tui_helpers import (
    CHROMY,
    FIRST,
    make_app,
    open_reader,
    twins_ready,
    wait_for,
    workspace,
)

from tui.core import articles
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagStore
from tui.screens.help import HelpScreen
from tui.screens.note import NoteScreen

SIZE = (100, 32)
LABELS = ["speculation", "official statement", "warning"]


def tagged_workspace(tmp_path):
    """Me (tester) and bob have tagged a few sentences of two articles."""
    ws = workspace(tmp_path)
    # CHROMY's sentences 0-3 are site chrome, 4 its headline, 5 and 6 a date and a photo credit
    # (chrome too), 7 on its story
    plan = [("tester", CHROMY, [(7, "speculation"), (7, "warning"), (8, "official statement")]),
            ("bob", CHROMY, [(7, "warning"), (9, "speculation")]),
            ("tester", FIRST, [(4, "speculation")])]
    for who, article_id, picks in plan:
        art = articles.load(ws.article_path(article_id))
        session = TaggingSession(TagStore(ws.tags), who, LABELS)
        session.open(art)
        for index, label in picks:
            s = art.sentences()[index]
            session.toggle(art, [(s.start, s.end)], label)
        if who == "tester" and article_id == CHROMY:
            ids = [t.id for t in session.doc(CHROMY).tags if t.label == "official statement"]
            session.set_note(art, ids, "Peskov, on the record")
    return ws


def test_library_snapshot(tmp_path, snap_compare) -> None:
    app = make_app(tagged_workspace(tmp_path))

    async def ready(pilot) -> None:
        await wait_for(pilot, lambda: app.library is not None and app.library.verified)
        await pilot.press("j")

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_reader_snapshot_with_mine_theirs_notes_and_chrome(tmp_path, snap_compare) -> None:
    app = make_app(tagged_workspace(tmp_path))

    async def ready(pilot) -> None:
        await open_reader(pilot, CHROMY)
        await twins_ready(pilot)  # the `≈` marks drawn, or not, before the picture
        await pilot.press("j", "j", "j")

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_reader_snapshot_with_a_selection(tmp_path, snap_compare) -> None:
    app = make_app(tagged_workspace(tmp_path))

    async def ready(pilot) -> None:
        await open_reader(pilot, FIRST)
        await twins_ready(pilot)  # the `≈` marks drawn, or not, before the picture
        await pilot.press("j", "v", "j", "j")

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_help_snapshot(tmp_path, snap_compare) -> None:
    app = make_app(workspace(tmp_path))

    async def ready(pilot) -> None:
        await open_reader(pilot, FIRST)
        await twins_ready(pilot)  # the `≈` marks drawn, or not, before the picture
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)


def test_note_snapshot(tmp_path, snap_compare) -> None:
    app = make_app(tagged_workspace(tmp_path))

    async def ready(pilot) -> None:
        await open_reader(pilot, CHROMY)
        await twins_ready(pilot)  # the `≈` marks drawn, or not, before the picture
        await pilot.press("j", "j", "a")  # the sentence with the note
        await wait_for(pilot, lambda: isinstance(app.screen, NoteScreen))
        app.screen.query_one(Input).cursor_blink = False  # a blinking cursor never matches twice

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)
