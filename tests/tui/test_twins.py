"""Twins in the reader: `≈N`, the outlets on the status line, `=` to tag chosen twins as one
undo step, and the once-only notice. Never a twin tagged without the user picking it."""

from __future__ import annotations

from tui_helpers import FIRST, SIZE, make_app, open_reader, tags_on_disk, wait_for, workspace

from tui.screens.reader import ReaderScreen
from tui.screens.twins import TwinsScreen

AMMUNITION = (710, 849)  # seed 000: "Speculation is rife that Kim may supply ammunition ..."
# Among its twins (the linker may find more): "Kim might trade ammunition ..." (001) and
# "Observers believe that Kim may provide ammunition ..." (004).
TWIN_ARTICLES = {"001_e98dd6f0637d58e7", "004_0413e7c0cc1f7413"}


async def at_ammunition(pilot) -> ReaderScreen:
    app = pilot.app
    await open_reader(pilot, FIRST)
    await wait_for(pilot, lambda: app.services.claims_fresh,
                   "the claim index", limit=120)
    screen = app.screen
    screen.view.to_offset(AMMUNITION[0])
    await pilot.pause()
    cur = screen.view.cursor
    assert (cur.start, cur.end) == AMMUNITION
    return screen


async def test_the_ammunition_claim_shows_its_twins_and_names_the_outlets(tmp_path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_ammunition(pilot)
        found = {t.article for t in screen.twins_here()}
        assert found >= TWIN_ARTICLES and FIRST not in found
        assert f"≈{len(found)}" in screen.view.painter.markers(screen.view.cursor).plain
        status = screen.twins_status().plain
        outlets = {t.source or t.article for t in screen.twins_here()}
        assert status.startswith("≈ also in ") and all(o in status for o in outlets)


async def test_equals_lists_the_twins_and_tags_the_picked_ones_as_one_undo_step(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await at_ammunition(pilot)
        await pilot.press("s")
        await pilot.press("equals_sign")
        await wait_for(pilot, lambda: isinstance(app.screen, TwinsScreen))
        twins = app.screen
        assert {r.article for r in twins.rows} >= TWIN_ARTICLES
        assert all(r.labels == {} for r in twins.rows)  # nobody tagged them yet
        await pilot.press("enter")  # nothing picked: nothing happens
        assert isinstance(app.screen, TwinsScreen)
        await pilot.press("space", "j", "space", "enter")  # the first two twins
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        picked, left = twins.rows[:2], twins.rows[2:]
        for row in picked:
            assert tags_on_disk(ws, row.article) == [
                ("speculation", row.start, row.end, f"same claim as in {FIRST}")]
        assert all(tags_on_disk(ws, row.article) == [] for row in left)  # never tagged unpicked
        assert tags_on_disk(ws, FIRST) == [("speculation", *AMMUNITION, "")]
        await pilot.press("u")  # one step takes both twins' tags away, and only them
        assert all(tags_on_disk(ws, row.article) == [] for row in twins.rows)
        assert tags_on_disk(ws, FIRST) == [("speculation", *AMMUNITION, "")]
        assert app.screen.article.id == FIRST  # the reader stays where the user is
        await pilot.press("ctrl+r")
        assert all(len(tags_on_disk(ws, row.article)) == 1 for row in picked)
        await pilot.press("equals_sign")  # the twins' tags are listed now
        await wait_for(pilot, lambda: isinstance(app.screen, TwinsScreen))
        tagged = {r.article: r for r in app.screen.rows}
        assert all(tagged[row.article].labels == {"tester": ["speculation"]}
                   and tagged[row.article].has_all for row in picked)


async def test_escape_and_an_untagged_sentence_tag_no_twin(tmp_path, notices) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await at_ammunition(pilot)
        await pilot.press("equals_sign")
        await wait_for(pilot, lambda: isinstance(app.screen, TwinsScreen))
        await pilot.press("space", "enter")  # this sentence has no label of mine to give
        assert "Tag this sentence first: its labels are what the twins get" in notices.messages()
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert not (ws.tags / "tester").exists()


async def test_tagging_a_sentence_with_twins_says_so_once(tmp_path, notices) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_ammunition(pilot)
        n = len({t.article for t in screen.twins_here()})
        notice = f"also in {n} articles: = to see them"
        await pilot.press("s")
        assert notices.messages().count(notice) == 1
        await pilot.press("s", "s", "o")  # off, on again, another label: not said again
        assert notices.messages().count(notice) == 1
        said = len(notices.messages())
        await pilot.press("g")
        while screen.twins_here():  # a sentence without twins
            await pilot.press("j")
        await pilot.press("s")  # says nothing
        assert len(notices.messages()) == said
