"""Palette commands for working as a team: commit the tag files, review disagreements.

`install_team(app)` also puts the git segment on the status line. Both commands work on any screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.core.gitstatus import GitError, commit_tags, tag_changes
from tui.widgets.git_segment import GitStatusSegment

if TYPE_CHECKING:
    from tui.app import NewstagApp


def install_team(app: NewstagApp) -> None:
    """Called once from the App's mount: the git segment on every status line."""
    segment = GitStatusSegment(app)
    app.git_segment = segment  # type: ignore[attr-defined]
    app.add_status_segment(segment)


def start_commit(app: NewstagApp) -> None:
    """Ask for a message and commit every changed file under tags/ (and nothing else)."""
    from tui.screens.commit import CommitScreen

    try:
        changes = tag_changes(app.ws.tags)
    except GitError as exc:
        app.notify(str(exc), severity="error", markup=False)
        return
    if not changes.in_git:
        app.notify(f"{app.ws.tags} is not in a git repository; run `git init` in the workspace",
                   severity="warning", markup=False)
        return
    if not changes.count:
        app.notify("No tag changes to commit", timeout=3)
        return

    def done(message: str | None) -> None:
        if message:
            _commit(app, message)

    app.push_screen(CommitScreen(changes, app.ws.annotator), done)


def _commit(app: NewstagApp, message: str) -> None:
    def run() -> None:
        try:
            commit_id = commit_tags(app.ws.tags, message)
        except GitError as exc:
            app.call_from_thread(app.notify, str(exc), severity="error", markup=False, timeout=8)
            return
        app.call_from_thread(app.notify, f"Committed the tag files as {commit_id}", markup=False)
        segment = getattr(app, "git_segment", None)
        if segment is not None:
            app.call_from_thread(segment.poke)

    app.run_worker(run, thread=True, exclusive=True, group="git-commit")


def start_review(app: NewstagApp) -> None:
    from tui.screens.review import ReviewScreen

    if not isinstance(app.screen, ReviewScreen):
        app.push_screen(ReviewScreen())


class TeamCommands(Provider):
    """Commit tags…, Review disagreements."""

    def _commands(self) -> list[tuple[str, str, object]]:
        app: NewstagApp = self.app  # type: ignore[assignment]
        return [
            ("Commit tags…", "git commit of the changed files under tags/ (nothing else), "
             "with a message you type", lambda: start_commit(app)),
            ("Review disagreements", "Step through sentences annotators disagree on; your "
             "verdicts become your own tags", lambda: start_review(app)),
        ]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name,  # type: ignore[arg-type]
                          help=help_text)

    async def discover(self) -> Hits:
        for name, help_text, command in self._commands():
            yield DiscoveryHit(name, command, text=name, help=help_text)  # type: ignore[arg-type]
