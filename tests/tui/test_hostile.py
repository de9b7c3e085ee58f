"""Untrusted text is shown, never obeyed: markup, escape sequences and controls in articles."""

from __future__ import annotations

from tui_helpers import SIZE, make_app, open_reader, wait_for, workspace

from tui.screens.reader import ReaderScreen

HOSTILE = (
    "Markup [@click=app.quit]click me[/] and [bold red]red[/] in a headline today\n\n"
    "The first sentence has an escape \x1b]0;pwned\x07 and a clear \x1b[2J in it. "
    "A bidi \u202eoverride\u202c sits here, and a bell \x07 too.\n"
)


def plain(app) -> str:
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")


async def test_markup_and_escapes_in_an_article_are_displayed_literally(tmp_path) -> None:
    ws = workspace(tmp_path)
    (ws.corpus / "999_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, "999_hostile")
        shown = plain(app)
        assert "[@click=app.quit]click me[/]" in shown  # in the header and in the text
        assert "[bold red]red[/]" in shown
        assert "\x1b" not in app.export_screenshot()
        assert "␛]0;pwned␇" in shown and "␛[2J" in shown
        # Clicking on the literal "[@click=...]" text must not quit.
        await pilot.click("#article-header", offset=(12, 0))
        await pilot.click("#article-view", offset=(20, 1))
        await pilot.press("s")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ReaderScreen)


async def test_hostile_label_names_and_notes_are_displayed_literally(tmp_path) -> None:
    ws = workspace(tmp_path)
    labels = ws.labels_path.read_text(encoding="utf-8")
    ws.labels_path.write_text(labels.replace("name: warning", "name: \"[@click=app.quit]w\""),
                              encoding="utf-8")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        await pilot.press("w", "a")
        await wait_for(pilot, lambda: not isinstance(app.screen, ReaderScreen))
        await pilot.press(*"[red]x[/red]", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        shown = plain(app)
        assert "[@click=app.quit]w" in shown and "[red]x[/red]" in shown
        assert app.is_running
