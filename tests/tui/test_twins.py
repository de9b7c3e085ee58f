"""Twins in the reader: `≈N`, the outlets on the status line, `=` to tag chosen twins as one
undo step, and the once-only notice. Never a twin tagged without the user picking it."""

from __future__ import annotations

from tui_helpers import FIRST, SIZE, make_app, open_reader, tags_on_disk, wait_for, workspace

from tui.screens.reader import ReaderScreen
from tui.screens.twins import TwinsScreen

AMMUNITION = (710, 849)  # seed 000: "Speculation is rife that Kim may supply ammunition ..."
# "Kim might trade ...", "North Korea could provide ammunition ...", "Kim may provide ammunition
# ..." (all three in the seeds' gold claim with it)
TWIN_ARTICLES = {"001_e98dd6f0637d58e7", "002_ac2d878c38bad475", "004_0413e7c0cc1f7413"}


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def at_ammunition(pilot) -> ReaderScreen:
    app = pilot.app
    await open_reader(pilot, FIRST)
    await wait_for(pilot, lambda: getattr(app, "claims_index", None) is not None,
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
        assert {t.article for t in screen.twins_here()} == TWIN_ARTICLES
        assert f"≈{len(TWIN_ARTICLES)}" in screen.view.painter.markers(screen.view.cursor).plain
        status = screen.twins_status().plain
        assert status.startswith("≈ also in ")
        assert all((t.source or t.article) in status for t in screen.twins_here())


async def test_equals_lists_the_twins_and_tags_the_picked_ones_as_one_undo_step(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await at_ammunition(pilot)
        await pilot.press("s")
        await pilot.press("equals_sign")
        await wait_for(pilot, lambda: isinstance(app.screen, TwinsScreen))
        twins = app.screen
        assert {r.article for r in twins.rows} == TWIN_ARTICLES
        assert all(r.labels == {} for r in twins.rows)  # nobody tagged them yet
        await pilot.press("enter")  # nothing picked: nothing happens
        assert isinstance(app.screen, TwinsScreen)
        await pilot.press("space", *["j", "space"] * (len(TWIN_ARTICLES) - 1), "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        for row in twins.rows:
            assert tags_on_disk(ws, row.article) == [
                ("speculation", row.start, row.end, f"same claim as in {FIRST}")]
        assert tags_on_disk(ws, FIRST) == [("speculation", *AMMUNITION, "")]
        await pilot.press("u")  # one step takes both twins' tags away, and only them
        assert all(tags_on_disk(ws, a) == [] for a in TWIN_ARTICLES)
        assert tags_on_disk(ws, FIRST) == [("speculation", *AMMUNITION, "")]
        assert app.screen.article.id == FIRST  # the reader stays where the user is
        await pilot.press("ctrl+r")
        assert all(len(tags_on_disk(ws, a)) == 1 for a in TWIN_ARTICLES)
        await pilot.press("equals_sign")  # the twins' tags are listed now
        await wait_for(pilot, lambda: isinstance(app.screen, TwinsScreen))
        assert all(r.labels == {"tester": ["speculation"]} and r.has_all for r in app.screen.rows)


async def test_escape_and_an_untagged_sentence_tag_no_twin(tmp_path) -> None:
    ws = workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await at_ammunition(pilot)
        await pilot.press("equals_sign")
        await wait_for(pilot, lambda: isinstance(app.screen, TwinsScreen))
        await pilot.press("space", "enter")  # this sentence has no label of mine to give
        assert "Tag this sentence first: its labels are what the twins get" in messages(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert not (ws.tags / "tester").exists()


async def test_tagging_a_sentence_with_twins_says_so_once(tmp_path) -> None:
    app = make_app(workspace(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await at_ammunition(pilot)
        notice = f"also in {len(TWIN_ARTICLES)} articles: = to see them"
        await pilot.press("s")
        assert messages(app).count(notice) == 1
        await pilot.press("s", "s", "o")  # off, on again, another label: not said again
        assert messages(app).count(notice) == 1
        await pilot.press("g", "s")  # a sentence without twins says nothing
        assert messages(app).count(notice) == 1
