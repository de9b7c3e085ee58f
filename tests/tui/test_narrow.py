"""Narrowing a selection by words (`h`/`l` its end, `H`/`L` its start): the tag is that span."""

from __future__ import annotations

from tui_helpers import FIRST, SIZE, make_app, open_reader, tag_file, tags_on_disk, workspace


def words(text: str, start: int, end: int) -> list[str]:
    return text[start:end].split()


async def test_narrow_tag_undo_redo_a_half_sentence(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        view = app.screen.view
        await pilot.press("j")
        text = view.article.text
        s, e = view.cursor.start, view.cursor.end
        full = words(text, s, e)
        assert len(full) >= 6
        await pilot.press("h", "h")  # the last two words off the end
        assert view.narrow is not None and view.narrow[0] == s
        assert words(text, *view.narrow) == full[:-2]
        await pilot.press("H")  # the first word off the start
        assert words(text, *view.narrow) == full[1:-2]
        await pilot.press("l")  # one word back on the end
        assert words(text, *view.narrow) == full[1:-1]
        a, b = view.narrow
        assert view.selected_spans() == [(a, b)]
        await pilot.press("s")
        assert tags_on_disk(ws, FIRST) == [("speculation", a, b, "")]
        doc = tag_file(ws, FIRST)
        assert doc["tags"][0]["quote"] == text[a:b]
        assert view.narrow is None  # tagging ends the selection
        # the reader highlights exactly the span: my mark is the span, not the sentence
        assert [(m.start, m.end) for m in view.marks.marks] == [(a, b)]
        painted = view.painter.paint(view._layout, view._layout.line_of(a), view.cursor, [])
        assert "S" in painted.plain[:11]  # the tag's marker on the line where it starts
        await pilot.press("u")
        assert tags_on_disk(ws, FIRST) == []
        await pilot.press("ctrl+r")
        assert tags_on_disk(ws, FIRST) == [("speculation", a, b, "")]
        await pilot.press("x")  # x on the sentence removes my tag on part of it
        assert tags_on_disk(ws, FIRST) == []


async def test_widen_across_the_next_sentence_and_escape(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        view = app.screen.view
        await pilot.press("j")
        for _ in range(30):  # a sentence followed by another in the same paragraph
            nxt = view.nav.next(view.cursor)
            if nxt is not None and nxt.block == view.cursor.block:
                break
            await pilot.press("j")
        s, e = view.cursor.start, view.cursor.end
        assert nxt is not None and nxt.block == view.cursor.block
        await pilot.press("l", "l")
        a, b = view.narrow
        assert a == s and b > nxt.start and b < nxt.end  # into the next sentence, by two words
        assert words(view.article.text, e, b) == words(view.article.text, nxt.start, nxt.end)[:2]
        await pilot.press("escape")
        assert view.narrow is None and app.screen.view is view  # escape cancels, stays
        await pilot.press("j", "L")  # widening the start takes in the last word of the one before
        assert view.cursor.start == nxt.start
        a, b = view.narrow
        assert b == nxt.end and words(view.article.text, a, nxt.start) == words(
            view.article.text, s, e)[-1:]
        await pilot.press("escape", "k")
        await pilot.press("h")  # a fresh start from the sentence again
        assert view.narrow[0] == view.cursor.start
        await pilot.press("j")  # moving by sentences leaves words behind
        assert view.narrow is None
        await pilot.press("h", "2")
        tags = tags_on_disk(ws, FIRST)
        assert len(tags) == 1 and tags[0][1] == view.cursor.start and tags[0][2] < view.cursor.end


async def test_narrowing_never_empties_the_span(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        view = app.screen.view
        await pilot.press("j", *["h"] * 80)
        a, b = view.narrow
        assert len(words(view.article.text, a, b)) == 1
        await pilot.press(*["H"] * 5)
        assert view.narrow == (a, b)

