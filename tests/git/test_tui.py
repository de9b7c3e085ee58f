"""The status line shows uncommitted tag changes; the palette's "Commit tags…" commits them."""

from __future__ import annotations

from exchange_helpers import SEED, tag
from git_helpers import git, git_env, new_workspace_repo, workspace  # noqa: F401 (fixture)
from palette_helpers import run_command
from textual.widgets import Input
from tui_helpers import SIZE, library_ready, make_app, wait_for

from tui.screens.commit import CommitScreen
from tui.widgets.status_line import StatusLine


def _status(app) -> str:
    return str(app.screen.query_one(StatusLine).render())


async def test_status_segment_and_commit_from_the_palette(tmp_path, git_env):  # noqa: F811
    root = tmp_path / "ws"
    new_workspace_repo(root)
    ws = workspace(root, "alice")
    (root / "scratch.txt").write_text("not mine to commit\n", encoding="utf-8")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        await wait_for(pilot, lambda: "tags committed" in _status(app), "the git segment")
        tag(ws, "alice", SEED, {"warning": [10]})  # as if tagged in another window
        app.git_segment.poke()
        await wait_for(pilot, lambda: "1 tag file uncommitted" in _status(app), "the change")
        await run_command(pilot, "commit", "Commit tags…")
        await wait_for(pilot, lambda: isinstance(app.screen, CommitScreen), "the commit box")
        box = app.screen.query_one(Input)
        assert box.value == "alice: "
        await pilot.press("enter")  # no message yet: refused, box stays
        assert isinstance(app.screen, CommitScreen)
        await pilot.press(*"warning in the Kim article", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, CommitScreen), "box closed")
        await wait_for(pilot, lambda: "tags committed" in _status(app), "the segment after commit")
    assert git(root, "log", "-1", "--format=%s").strip() == "alice: warning in the Kim article"
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == [
        f"tags/alice/{SEED}.yaml"]
    assert "?? scratch.txt" in git(root, "status", "--porcelain")


async def test_outside_git_the_segment_is_silent_and_commit_says_why(tmp_path, git_env,  # noqa: F811
                                                                     notices) -> None:
    from tui_helpers import workspace as plain_workspace

    ws = plain_workspace(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        await wait_for(pilot, lambda: app.git_segment.changes is not None, "git status")
        assert not app.git_segment.changes.in_git
        assert "uncommitted" not in _status(app) and "committed" not in _status(app)
        await run_command(pilot, "commit", "Commit tags…")
        await pilot.pause()
        assert not isinstance(app.screen, CommitScreen)
        assert any("is not in a git repository" in n.message for n in notices)
