"""The gutter in dense wire copy: a letter never seems to belong to the words a line begins with."""

from __future__ import annotations

import html
import re

from tui_helpers import make_app, open_reader, tags_on_disk, wait_for, workspace

DENSE = ("Officials meet in Geneva for a second day of talks\n\n"
         "The talks resumed on Tuesday morning. Delegates said progress was slow but steady. "
         "A spokesman warned that the deadline could slip again. Observers were not surprised. "
         "The next round is due in March.\n")


def screen_lines(app) -> list[str]:
    svg = app.export_screenshot()
    rows: dict[float, list[str]] = {}
    for m in re.finditer(r'<text[^>]*y="([\d.]+)"[^>]*>(.*?)</text>', svg):
        rows.setdefault(float(m.group(1)), []).append(
            html.unescape(re.sub("<[^>]+>", "", m.group(2))).replace("\xa0", " "))
    return ["".join(rows[y]) for y in sorted(rows)]


async def test_a_sentence_starting_mid_line_has_its_marker_pointed(tmp_path) -> None:
    ws = workspace(tmp_path)
    (ws.corpus / "dense.txt").write_text(DENSE, encoding="utf-8")
    app = make_app(ws)
    async with app.run_test(size=(80, 30)) as pilot:
        await open_reader(pilot, "dense")
        view = app.screen.view
        await pilot.press("j", "j")  # the second body sentence: it starts mid-line
        assert app.ws.article_path("dense").read_text()[view.cursor.start:].startswith("Delegates")
        await pilot.press("w")
        await wait_for(pilot, lambda: tags_on_disk(ws, "dense"), "the tag file")
        await pilot.pause()
        lines = screen_lines(app)
        first = next(line for line in lines if "The talks resumed" in line)
        assert "›W" in first  # the line begins with sentence 1: the W is pointed at "Delegates"
        assert re.match(r"^\s*W\b", first[:8]) is None
        await pilot.press("k", "w")  # now the first sentence too: plain W, then the pointed one
        await wait_for(pilot, lambda: len(tags_on_disk(ws, "dense")) == 2, "two tags")
        await pilot.pause()
        first = next(line for line in screen_lines(app) if "The talks resumed" in line)
        assert re.search(r"W\s*›W", first), first
