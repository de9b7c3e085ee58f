"""An article edited on disk while open is reloaded: tags re-anchored, cursor on its sentence."""

from __future__ import annotations

import os

from hypothesis import given
from hypothesis import strategies as st
from tui_helpers import FIRST, SIZE, make_app, open_reader, tags_on_disk, wait_for, workspace

from tui.core.relocate import relocate
from tui.screens.reader import ReaderScreen


async def test_an_article_edited_on_disk_is_reloaded_with_the_cursor_kept(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    path = ws.article_path(FIRST)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("j", "j", "j", "j", "w")  # a body sentence, tagged
        await wait_for(pilot, lambda: tags_on_disk(ws, FIRST), "the tag")
        await pilot.press("j")
        cur = screen.view.cursor
        text = path.read_text(encoding="utf-8")
        sentence = text[cur.start:cur.end]
        (tagged,) = tags_on_disk(ws, FIRST)
        quote = text[tagged[1]:tagged[2]]
        # An editor inserts a correction near the top (and the file's time moves on).
        head, sep, rest = text.partition("\n\n")
        path.write_text(f"{head}{sep}Correction: an earlier version misnamed the city.\n\n{rest}",
                        encoding="utf-8")
        st_ = path.stat()
        os.utime(path, ns=(st_.st_atime_ns, st_.st_mtime_ns + 1_000_000_000))
        screen.check_disk()  # what the two-second poll does
        await pilot.pause()
        new_text = path.read_text(encoding="utf-8")
        assert screen.article.text == new_text
        cur = screen.view.cursor
        assert new_text[cur.start:cur.end] == sentence  # the same sentence, at its new place
        assert any(new_text[m.start:m.end] == quote and m.label == "warning"
                   for m in screen.view.marks.marks)  # the tag moved with its words
        assert any("changed on disk" in n.message for n in app._notifications)


@given(st.text(min_size=1, max_size=60), st.text(max_size=30), st.text(max_size=30),
       st.text(min_size=1, max_size=30))
def test_relocate_finds_the_words_after_an_insertion(before, inserted, after, span) -> None:
    old = before + span + after
    new = inserted + before + span + after
    at = relocate(old, new, len(before), len(before) + len(span))
    if span.strip():
        assert new[at:at + len(span.strip())] == span.strip()
    assert 0 <= at <= len(new)
