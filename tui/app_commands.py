"""The App's palette commands that are not keys: Orphans, Commit tags…, Review disagreements,
Problems, Library. App actions (a mixin of `NewstagApp`), offered through Textual's
`get_system_commands`; the keyed actions come from the action table (`tui.commands.actions`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.host import Host

    _Base = Host
else:
    _Base = object


class AppCommands(_Base):
    """Mixed into `NewstagApp` (before `App`), which provides everything `Host` names."""

    # -- the palette -------------------------------------------------------------------------
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        from tui.screens.library import LibraryScreen

        if not isinstance(screen, LibraryScreen):  # offered only where it goes somewhere
            yield SystemCommand("Library: back to the list of articles", "Close the reader",
                                self.action_show_library)
        yield SystemCommand("Orphans: tags whose text is gone from their article",
                            "Re-attach them to the current sentence or delete them (newstag "
                            "validate lists them too)", self.action_show_orphans)
        yield SystemCommand("Commit tags…", "git commit of the changed files under tags/ "
                            "(nothing else), with a message you type", self.action_commit_tags)
        yield SystemCommand("Review disagreements", "Step through sentences annotators "
                            "disagree on; your verdicts become your own tags",
                            self.action_review_disagreements)
        problems = len(self.services.problems)
        yield SystemCommand(f"Problems: tag files that cannot be used ({problems})",
                            "List the broken tag files known now (newstag validate checks all)",
                            self.action_show_problems, discover=problems > 0)


    def action_show_orphans(self) -> None:
        """The Orphans view, aimed at the reader's article and sentence when there is one."""
        from tui.screens.orphans import OrphansScreen
        from tui.screens.reader import ReaderScreen

        screen = self.screen
        if isinstance(screen, OrphansScreen):
            return
        article, sentence = None, None
        if isinstance(screen, ReaderScreen) and screen.article is not None:
            article = screen.article
            cursor = screen.view.cursor
            sentence = (cursor.start, cursor.end) if cursor is not None else None
        self.push_screen(OrphansScreen(article, sentence))

    def action_show_problems(self) -> None:
        from tui.screens.problems import ProblemsScreen

        if not isinstance(self.screen, ProblemsScreen):
            self.push_screen(ProblemsScreen(self.services.problems.all()))

    def action_commit_tags(self) -> None:
        """Ask for a message and commit every changed file under tags/ (and nothing else)."""
        from tui.core.gitstatus import GitError, tag_changes
        from tui.screens.commit import CommitScreen

        try:
            changes = tag_changes(self.ws.tags)
        except GitError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        if not changes.in_git:
            self.notify(f"{self.ws.tags} is not in a git repository; run `git init` in the "
                        "workspace", severity="warning", markup=False)
            return
        if not changes.count:
            self.notify("No tag changes to commit", timeout=3)
            return

        def done(message: str | None) -> None:
            if message:
                self.run_worker(lambda: self._commit(message), thread=True, exclusive=True,
                                group="git-commit")

        self.push_screen(CommitScreen(changes, self.ws.annotator), done)

    def _commit(self, message: str) -> None:
        """In a worker: `git commit` of the tag files, then one line saying how it went."""
        from tui.core.gitstatus import GitError, commit_tags

        try:
            commit_id = commit_tags(self.ws.tags, message)
        except GitError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", markup=False,
                                  timeout=8)
            return
        self.call_from_thread(self.notify, f"Committed the tag files as {commit_id}",
                              markup=False)
        if self.git_segment is not None:
            self.call_from_thread(self.git_segment.poke)

    def action_review_disagreements(self) -> None:
        from tui.screens.review import ReviewScreen

        if not isinstance(self.screen, ReviewScreen):
            self.push_screen(ReviewScreen())
