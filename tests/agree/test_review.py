"""Review mode: verdicts become the reviewer's own tags; nobody else's file is touched."""

from __future__ import annotations

from exchange_helpers import SEED, load, prose, seed_workspace, tag, tag_files
from palette_helpers import run_command
from tui_helpers import SIZE, library_ready, make_app, wait_for

from tui.core.labels import load_labels
from tui.core.review import Review, key
from tui.screens.review import ReviewScreen

OTHER = "001_e98dd6f0637d58e7"


def _team(tmp_path, reviewer: str = "carol"):
    ws = seed_workspace(tmp_path, annotator=reviewer)
    tag(ws, "alice", SEED, {"speculation": [3, 5], "official statement": [1], "warning": [10]})
    tag(ws, "bob", SEED, {"speculation": [3, 6], "official statement": [1]})
    return ws


def _mine(ws, who: str = "carol", article: str = SEED) -> set[tuple[str, int]]:
    from tui.core.tagstore import TagStore

    doc = TagStore(ws.tags).load(who, article).doc
    return {(t.label, t.start) for t in doc.tags} if doc else set()


def test_verdicts_are_the_reviewers_tags_seeded_with_what_everyone_agreed(tmp_path):
    ws = _team(tmp_path)
    others = tag_files(ws)
    review = Review(ws, load_labels(ws.labels_path), "carol")
    spans = prose(load(ws))
    got = [(d.label, d.unit.start, d.yes, d.no) for d in review.items]
    assert got == [("speculation", spans[5][0], ("alice",), ("bob",)),
                   ("speculation", spans[6][0], ("bob",), ("alice",)),
                   ("warning", spans[10][0], ("alice",), ("bob",))]
    assert review.verdict(review.items[0]) is None and review.remaining == 3

    review.settle(review.items[0], True)
    # The first verdict copies in what alice and bob agreed on (speculation 3, statement 1).
    assert _mine(ws) == {("speculation", spans[3][0]), ("official statement", spans[1][0]),
                         ("speculation", spans[5][0])}
    review.settle(review.items[1], False)
    review.settle(review.items[2], True)
    assert _mine(ws) == {("speculation", spans[3][0]), ("official statement", spans[1][0]),
                         ("speculation", spans[5][0]), ("warning", spans[10][0])}
    assert review.remaining == 0
    assert [review.verdict(d) for d in review.items] == [True, False, True]
    assert {k: v for k, v in tag_files(ws).items() if not k.startswith("carol/")} == others

    assert review.undo() is review.items[2]
    assert ("warning", spans[10][0]) not in _mine(ws) and review.remaining == 1
    again = Review(ws, load_labels(ws.labels_path), "carol")  # progress survives a restart
    assert [key(d) in again.settled for d in again.items] == [True, True, False]


def test_changing_a_verdict_replaces_it(tmp_path):
    ws = _team(tmp_path)
    review = Review(ws, load_labels(ws.labels_path), "carol", only_labels=["warning"])
    assert [d.label for d in review.items] == ["warning"]
    (item,) = review.items
    review.settle(item, True)
    review.settle(item, False)
    assert ("warning", item.unit.start) not in _mine(ws) and review.settled[key(item)] is False


def test_a_reviewer_who_is_also_an_annotator_only_edits_their_own_file(tmp_path):
    ws = _team(tmp_path, reviewer="alice")
    bob_before = tag_files(ws)[f"bob/{SEED}.yaml"]
    review = Review(ws, load_labels(ws.labels_path), "alice", annotators=["alice", "bob"])
    assert len(review.items) == 3
    spans = prose(load(ws))
    alice_before = _mine(ws, "alice")
    review.settle(review.items[1], True)  # bob was right about sentence 6
    assert _mine(ws, "alice") == alice_before | {("speculation", spans[6][0])}
    assert tag_files(ws)[f"bob/{SEED}.yaml"] == bob_before


async def test_review_screen_settles_with_keys_from_the_palette(tmp_path):
    ws = _team(tmp_path)
    before = tag_files(ws)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        await run_command(pilot, "review", "Review disagreements")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen)
                       and app.screen.review is not None, "the review")
        screen = app.screen
        header = str(screen.query_one("#review-header").render())
        assert header.startswith("Review 1 of 3 · 3 to settle · y applies  n does not  ] next")
        assert "annotators alice, bob" in header
        body = str(screen.query_one("#review-body").render())
        assert "yes    alice" in body and "no     bob" in body and "not settled" in body
        await pilot.press("y")  # applies; moves on to the next unsettled one
        assert screen.position == 1
        await pilot.press("n")
        assert screen.position == 2
        await pilot.press("k")
        body = str(screen.query_one("#review-body").render())
        assert "settled: does not apply" in body
        await pilot.press("j", "y")
        assert "0 to settle" in str(screen.query_one("#review-header").render())
        await pilot.press("u")
        assert "1 to settle" in str(screen.query_one("#review-header").render())
        await pilot.press("escape")
        assert not isinstance(app.screen, ReviewScreen)
    after = tag_files(ws)
    assert {k: v for k, v in after.items() if not k.startswith("carol/")} == before
    spans = prose(load(ws))
    assert _mine(ws) == {("speculation", spans[3][0]), ("official statement", spans[1][0]),
                         ("speculation", spans[5][0])}


async def test_review_screen_with_nothing_to_settle(tmp_path):
    ws = seed_workspace(tmp_path, annotator="carol")
    tag(ws, "alice", OTHER, {"warning": [4]})
    tag(ws, "bob", OTHER, {"warning": [4]})
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        app.push_screen(ReviewScreen())
        await wait_for(pilot, lambda: app.screen.review is not None, "the review")
        header = str(app.screen.query_one("#review-header").render())
        assert "no disagreements, comparing alice, bob" in header
        await pilot.press("y", "n", "j", "u")  # nothing happens, nothing breaks
    assert tag_files(ws).keys() == {f"alice/{OTHER}.yaml", f"bob/{OTHER}.yaml"}


def test_review_command_help_and_one_line_errors(tmp_path):
    from exchange_helpers import run

    ws = _team(tmp_path)
    text = " ".join(run(ws, "review", "--help").stdout.split())
    assert "your verdicts become your own tags" in text
    assert "Nobody else's tag file is ever written." in text
    result = run(ws, "review", "--label", "rumour")
    assert result.exit_code == 1
    assert result.stderr.startswith("newstag: unknown label(s) 'rumour'; labels: speculation")


def test_a_reviewer_who_tagged_is_told_their_tags_are_left_out_and_who_was_compared(tmp_path):
    ws = seed_workspace(tmp_path, annotator="alice")
    tag(ws, "alice", SEED, {"speculation": [3, 5]})
    tag(ws, "bob", SEED, {"speculation": [3, 6]})
    review = Review(ws, load_labels(ws.labels_path), "alice")
    assert review.items == [] and review.annotators == ["bob"]
    header, body = review.empty_message()
    assert header == ("Review: nothing to compare, only bob; your own tags (alice) are left out: "
                      "you are the reviewer")
    assert body == ("nothing to review: a disagreement needs two annotators, and bob is compared "
                    "(your own tags, as alice, are left out because you are the reviewer); pass "
                    "--annotators alice,bob to compare yours too, or review as someone else with "
                    "--annotator NAME")
    assert "no disagreements among bob" not in header + body
    with_mine = Review(ws, load_labels(ws.labels_path), "alice", annotators=["alice", "bob"])
    assert len(with_mine.items) == 2 and with_mine.scope.describe() == "comparing alice, bob"


def test_no_disagreements_names_who_was_compared_and_whose_tags_were_left_out(tmp_path):
    ws = seed_workspace(tmp_path, annotator="carol")
    for who in ("alice", "bob", "carol"):
        tag(ws, who, OTHER, {"warning": [4]})
    header, body = Review(ws, load_labels(ws.labels_path), "carol").empty_message()
    assert header == ("Review: no disagreements, comparing alice, bob; your own tags (carol) are "
                      "left out: you are the reviewer, and your verdicts become your tags")
    assert body.startswith("Every sentence two or more annotators covered has the same labels")
    fresh = seed_workspace(tmp_path / "fresh", annotator="dora")
    header, body = Review(fresh, load_labels(fresh.labels_path), "dora").empty_message()
    assert header == "Review: nothing to compare, no other annotator"
    assert body == ("nothing to review: a disagreement needs two annotators, and no annotator is "
                    "compared")


def test_review_command_explains_an_empty_comparison_before_opening_the_tui(tmp_path):
    from exchange_helpers import run

    ws = seed_workspace(tmp_path, annotator="alice")
    tag(ws, "alice", SEED, {"speculation": [3, 5]})
    tag(ws, "bob", SEED, {"speculation": [3, 6]})
    result = run(ws, "review")
    assert result.exit_code == 1
    assert result.stderr == (
        "newstag: nothing to review: a disagreement needs two annotators, and bob is compared "
        "(your own tags, as alice, are left out because you are the reviewer); pass --annotators "
        "alice,bob to compare yours too, or review as someone else with --annotator NAME\n")
    text = " ".join(run(ws, "review", "--help").stdout.split())
    assert "your own tags are left out because you are the reviewer" in text


async def test_review_screen_names_whose_tags_were_left_out(tmp_path):
    ws = seed_workspace(tmp_path, annotator="alice")
    tag(ws, "alice", SEED, {"speculation": [3, 5]})
    tag(ws, "bob", SEED, {"speculation": [3, 6]})
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        app.push_screen(ReviewScreen())
        await wait_for(pilot, lambda: app.screen.review is not None, "the review")
        header = str(app.screen.query_one("#review-header").render())
        assert "nothing to compare, only bob; your own tags (alice) are left out" in header
        body = str(app.screen.query_one("#review-body").render())
        assert "quit (q) and run `newstag review --annotators alice,bob`" in body
