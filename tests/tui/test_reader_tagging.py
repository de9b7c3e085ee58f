"""The reader's tagging keys, checked on the YAML files they write (every keystroke saves)."""

from __future__ import annotations

from textual.widgets import Input
from tui_helpers import (
    FIRST,
    SECOND,
    SIZE,
    make_app,
    open_reader,
    tags_on_disk,
    wait_for,
    workspace,
)

from tui.core import articles
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagStore
from tui.screens.library import LibraryScreen
from tui.screens.note import NotePickerScreen, NoteScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.status_line import StatusLine
from tui.widgets.tag_legend import SentenceInfo

LABELS = ["speculation", "official statement", "warning"]


def span(view) -> tuple[int, int]:
    return view.cursor.start, view.cursor.end


async def test_label_keys_and_numbers_toggle_labels_on_the_sentence(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        view = app.screen.view
        await pilot.press("j")
        s, e = span(view)
        await pilot.press("s")
        assert tags_on_disk(ws, FIRST) == [("speculation", s, e, "")]
        await pilot.press("o", "3")
        assert sorted(t[0] for t in tags_on_disk(ws, FIRST)) == sorted(LABELS)
        await pilot.press("1", "2")  # numbers toggle too: speculation and official statement off
        assert tags_on_disk(ws, FIRST) == [("warning", s, e, "")]
        await pilot.press("w")  # the last tag gone: no file left for git
        assert tags_on_disk(ws, FIRST) == []
        assert not (ws.tags / "tester" / f"{FIRST}.yaml").exists()


async def test_a_digit_with_no_label_says_so_and_tags_nothing(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        await pilot.press("4", "9")
        messages = [n.message for n in app._notifications]
        assert "No label 4 — labels are 1–3 (see ?)" in messages
        assert "No label 9 — labels are 1–3 (see ?)" in messages
        assert tags_on_disk(ws, FIRST) == []


async def test_a_tenth_label_is_toggled_by_its_key(tmp_path) -> None:
    ws = workspace(tmp_path)
    extra = "".join(f"  - name: extra {i}\n    key: {k}\n    color: blue\n"
                    for i, k in enumerate("bcdefhilm", 4))
    labels = ws.labels_path
    labels.write_text(labels.read_text(encoding="utf-8") + extra, encoding="utf-8")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        assert len(app.labels.labels) == 12
        await pilot.press("m")  # the twelfth label: no digit, only its key
        assert [t[0] for t in tags_on_disk(ws, FIRST)] == ["extra 12"]


async def test_a_sentence_with_two_of_my_labels_shows_both_colours(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        view = app.screen.view
        await pilot.press("j", "s", "w", "k")  # tag, then move away so the cursor style is off
        looks = app.looks
        want = {looks["speculation"].mine.bgcolor, looks["warning"].mine.bgcolor}
        tagged = next(m for m in view.marks.marks if m.label == "warning")
        first, last = view.lines_of(view.nav.containing(tagged.start))
        for y in range(first, last + 1):  # every line of the sentence shows both colours
            line = view.painter.paint(view._layout, y, None, set())
            shown = {seg.style.bgcolor for seg in line.render(app.console) if seg.style}
            assert want <= shown, y  # what is drawn, not what was asked for


async def test_v_selects_several_sentences_and_a_label_tags_them_all(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        view = app.screen.view
        await pilot.press("j", "v", "v", "j")  # v starts, v takes in the next, j extends further
        chosen = [(x.start, x.end) for x in view.selection()]
        assert len(chosen) == 3
        assert "3 sentences selected" in str(app.screen.query_one(SentenceInfo).render())
        await pilot.press("o")
        assert [(t[1], t[2]) for t in tags_on_disk(ws, FIRST)] == chosen
        assert view.anchor is None  # the selection is used up
        await pilot.press("v", "k", "k")  # select upwards over the same three
        assert [(x.start, x.end) for x in view.selection()] == chosen
        await pilot.press("x")
        assert tags_on_disk(ws, FIRST) == []


async def test_x_clears_every_label_of_mine_on_the_sentence(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        await pilot.press("s", "w", "j", "o")
        assert len(tags_on_disk(ws, FIRST)) == 3
        await pilot.press("k", "x")
        assert [t[0] for t in tags_on_disk(ws, FIRST)] == ["official statement"]


async def test_a_edits_the_note_of_the_tags_on_the_sentence(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        await pilot.press("a")  # nothing of mine here yet: a notice, no modal
        assert not isinstance(app.screen, NoteScreen)
        assert any("tag the sentence first" in n.message for n in app._notifications)
        await pilot.press("s", "a")  # one tag here: straight to its note
        await wait_for(pilot, lambda: isinstance(app.screen, NoteScreen))
        await pilot.press(*"check [b]the[/b] source", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert {t[3] for t in tags_on_disk(ws, FIRST)} == {"check [b]the[/b] source"}
        assert "check [b]the[/b] source" in str(app.screen.query_one(SentenceInfo).render())
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteScreen))
        await pilot.press("x", "escape")  # escape keeps the note as it was
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert {t[3] for t in tags_on_disk(ws, FIRST)} == {"check [b]the[/b] source"}


async def test_a_with_two_tags_asks_which_and_never_touches_the_other_note(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    path = ws.tags / "tester" / f"{FIRST}.yaml"

    def notes() -> dict[str, str]:
        return {t[0]: t[3] for t in tags_on_disk(ws, FIRST)}

    async def note_on(choice: int, typed: str) -> Input:
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, NotePickerScreen))
        await pilot.press(*["j"] * choice, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteScreen))
        box = app.screen.query_one(Input)
        prefilled = box.value
        await pilot.press(*typed, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        return prefilled

    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        await pilot.press("s", "w")
        assert await note_on(0, "maybe") == ""  # the first label: speculation
        assert notes() == {"speculation": "maybe", "warning": ""}
        assert await note_on(1, "alarm") == ""  # the second: warning; speculation's stays
        assert notes() == {"speculation": "maybe", "warning": "alarm"}
        before = (path.read_bytes(), path.stat().st_mtime_ns)
        assert await note_on(0, "") == "maybe"  # pre-filled; submitted unchanged: no write
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before
        await pilot.press("a")  # escape in the picker changes nothing either
        await wait_for(pilot, lambda: isinstance(app.screen, NotePickerScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before
        # Notes agree (both empty) on another sentence: "all tags here" is offered, last.
        await pilot.press("j", "s", "o")
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, NotePickerScreen))
        targets = app.screen.targets
        assert [t.label for t in targets] == ["speculation", "official statement", ""]
        await pilot.press("escape")


async def test_undo_and_redo_survive_switching_articles(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        screen = app.screen
        await pilot.press("s")
        first_tags = tags_on_disk(ws, FIRST)
        await pilot.press("n", "j", "o")
        assert screen.article.id == SECOND and len(tags_on_disk(ws, SECOND)) == 1
        await pilot.press("u")
        assert tags_on_disk(ws, SECOND) == [] and tags_on_disk(ws, FIRST) == first_tags
        await pilot.press("u")  # this change was made in the first article: undo it there
        assert tags_on_disk(ws, FIRST) == []
        assert screen.article.id == FIRST
        assert screen.view.cursor.start == first_tags[0][1]
        await pilot.press("u")  # nothing left: the key is shown dimmed and does nothing
        assert screen.check_action("undo_change", ()) is None
        assert tags_on_disk(ws, FIRST) == [] and tags_on_disk(ws, SECOND) == []
        await pilot.press("ctrl+r")
        assert tags_on_disk(ws, FIRST) == first_tags
        await pilot.press("n", "ctrl+r")  # redo from another article reaches the second one
        assert len(tags_on_disk(ws, SECOND)) == 1
        # ...and the library shows the counts the undo/redo left (TagsChanged reached it),
        # recounted when it is shown again, not on every key pressed in the reader.
        library = app.screen_stack[-2]
        assert isinstance(library, LibraryScreen) and library._stale == {FIRST, SECOND}
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen))
        counts = app.library.counts
        assert counts[FIRST]["speculation"] == 1 and counts[SECOND]["official statement"] == 1
        rows = app.screen.query_one(ArticleList)
        # the first row's count columns (speculation, official statement, warning) as drawn
        assert str(rows.row_text(0)).split()[-3:] == ["1", "·", "·"]
        assert str(rows.row_text(1)).split()[-3:] == ["·", "1", "·"]


async def test_other_annotators_tags_are_shown_as_theirs(tmp_path) -> None:
    ws = workspace(tmp_path)
    art = articles.load(ws.article_path(FIRST))
    bob = TaggingSession(TagStore(ws.tags), "bob", LABELS)
    bob.open(art)
    s = art.sentences()[1]
    bob.toggle(art, [(s.start, s.end)], "warning")
    bob.set_note(art, [t.id for t in bob.doc(FIRST).tags], "a threat")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        view = app.screen.view
        await pilot.press("j")
        theirs = view.marks.on(*span(view))
        assert [(m.annotator, m.label, m.mine) for m in theirs] == [("bob", "warning", False)]
        info = str(app.screen.query_one(SentenceInfo).render())
        assert "bob" in info and "warning" in info and "a threat" in info
        assert "+w✎" in str(view.painter.markers(view.cursor))
        await pilot.press("w")  # my own tag beside bob's; bob's file is untouched
        assert [t[0] for t in tags_on_disk(ws, FIRST)] == ["warning"]
        assert [t[3] for t in tags_on_disk(ws, FIRST, "bob")] == ["a threat"]
        assert str(view.painter.markers(view.cursor)).startswith("W+w")


async def test_changes_made_outside_show_up_in_the_open_reader(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        screen = app.screen
        assert screen.view.marks.marks == []
        art = articles.load(ws.article_path(FIRST))
        elsewhere = TaggingSession(TagStore(ws.tags), "tester", LABELS)  # a second instance
        elsewhere.open(art)
        s = art.sentences()[2]
        elsewhere.toggle(art, [(s.start, s.end)], "speculation")
        carol = TaggingSession(TagStore(ws.tags), "carol", LABELS)
        carol.open(art)
        carol.toggle(art, [(s.start, s.end)], "warning")
        screen.check_disk()  # what the two-second timer does
        assert {(m.annotator, m.label) for m in screen.view.marks.marks} == {
            ("tester", "speculation"), ("carol", "warning")}
        await pilot.press("j", "j", "o")  # and my next keystroke merges with it, losing nothing
        labels = sorted(t[0] for t in tags_on_disk(ws, FIRST))
        assert labels == ["official statement", "speculation"]


async def test_a_broken_tag_file_is_reported_and_never_overwritten(tmp_path) -> None:
    ws = workspace(tmp_path)
    path = ws.tags / "tester" / f"{FIRST}.yaml"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"schema: 1\narticle: x\ntags: [\n")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        assert any(str(path) in n.message for n in app._notifications)
        before = len(app._notifications)
        await pilot.press("s", "j", "o")
        assert path.read_bytes() == b"schema: 1\narticle: x\ntags: [\n"
        # A refusal is said where it stays: on the status line (no toast to pile up).
        status = str(app.screen.query_one(StatusLine).render())
        assert "not saved" in status and "not valid YAML" in status
        assert path.name in app.screen.refused  # the whole line names the file
        assert len(app._notifications) == before
        assert all("\n" not in n.message for n in app._notifications)
        assert isinstance(app.screen, ReaderScreen) and app.is_running
