"""Suggestions in the reader: ghosts from cues, `+` accepts, `-` dismisses, `}`/`{` step, quiet
cues, and nothing written without a keystroke."""

from __future__ import annotations

import json

from tui_helpers import FIRST, SIZE, make_app, open_reader, tags_on_disk, wait_for, workspace

from tui.screens.help import HelpScreen

AMMUNITION = (710, 849)  # "Speculation is rife that Kim may supply ammunition ..."


def here(app) -> tuple[int, int]:
    cur = app.screen.view.cursor
    return cur.start, cur.end


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_next_suggestion_then_plus_writes_an_ordinary_tag_noting_its_cue(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        screen = app.screen
        await pilot.press("j", "k", "j")  # moving around writes nothing
        assert not (ws.tags / "tester").exists()
        await pilot.press("g", "right_curly_bracket")
        assert here(app) == AMMUNITION
        assert [s.label for s in screen.suggestions_on(*AMMUNITION)] == ["speculation"]
        assert "s?" in screen.view.painter.markers(screen.view.cursor).plain
        assert not (ws.tags / "tester").exists()  # a ghost is not a tag
        await pilot.press("plus")
        assert tags_on_disk(ws, FIRST) == [
            ("speculation", *AMMUNITION, "suggested by cues 'speculat*', 'may'")]
        assert screen.suggestions_on(*AMMUNITION) == []  # the ghost became the tag
        stats = json.loads((ws.cache / "suggest" / "tester.json").read_text())
        assert stats["cues"]["speculation"] == {"may": [1, 0], "speculat*": [1, 0]}
        await pilot.press("u")  # an ordinary tag: undo takes it away
        assert tags_on_disk(ws, FIRST) == []


async def test_minus_dismisses_for_good_and_braces_step_over_it(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        second = here(app)
        await pilot.press("right_curly_bracket")
        third = here(app)
        assert AMMUNITION[0] < second[0] < third[0]
        await pilot.press("left_curly_bracket")
        assert here(app) == second
        labels = [s.label for s in app.screen.suggestions_on(*second)]
        for _ in labels:
            await pilot.press("minus")
        assert app.screen.suggestions_on(*second) == []
        assert not (ws.tags / "tester").exists()  # dismissing writes no tag
        await pilot.press("g", "right_curly_bracket", "right_curly_bracket")
        assert here(app) == third  # the dismissed sentence is stepped over
        await pilot.press("minus")
    app = make_app(ws)  # a new session: the dismissals are remembered
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        assert app.screen.suggestions_on(*second) == []
        await pilot.press("g", "right_curly_bracket", "right_curly_bracket")
        assert here(app) != second


async def test_a_cue_mostly_dismissed_goes_quiet_and_help_says_so(tmp_path) -> None:
    ws = workspace(tmp_path)
    path = ws.labels_path
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("cues: [warn*,", "cues: [the, warn*,"), encoding="utf-8")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, FIRST)
        screen = app.screen
        dismissed = 0
        for _ in range(30):  # the first five sentences whose ghosts include cue "the"
            await pilot.press("right_curly_bracket")
            while (ghosts := screen.suggestions_on(*here(app))) and ghosts[0].cues != ("the",):
                await pilot.press("plus")  # other labels' ghosts first: accepted, they stay loud
            if ghosts:
                await pilot.press("minus")
                dismissed += 1
            if dismissed == 5:
                break
        assert dismissed == 5
        assert any("'the' of warning is mostly dismissed" in m for m in messages(app))
        assert app.suggester.stats.is_quiet("warning", "the")
        # No ghost of "the" anywhere now, though most sentences have the word.
        assert len([s for s in screen.found.items if "the" in s.cues]) > 5
        for s in screen.found.items:
            live = app.suggester.live(screen.found, s)
            assert live is None or "the" not in live.cues
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        said = app.screen.query_one("#help-suggestions").render()
        assert "warning: 'the' 0 accepted / 5 dismissed" in str(said)
        assert all("'the'" not in note for *_, note in tags_on_disk(ws, FIRST))
