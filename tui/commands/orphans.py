"""Palette: "Orphans", the tags whose text is gone from their article (see screens/orphans.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import NewstagApp

NAME = "Orphans: tags whose text is gone from their article"
HELP = "Re-attach them to the current sentence or delete them (newstag validate lists them too)"


def reanchor_notice(app: NewstagApp, article_id: str) -> str | None:
    """One line after opening an article that changed since it was tagged (None otherwise)."""
    report = app.session.reanchored.pop(article_id, None)
    if report is None or not report.changed:
        return None
    tail = "; ctrl+p Orphans to settle them" if report.orphaned else ""
    return f"This article changed since it was tagged: {report.summary()}{tail}"


def show_orphans(app: NewstagApp) -> None:
    """Open the Orphans view, aimed at the reader's article and sentence when there is one."""
    from tui.screens.orphans import OrphansScreen
    from tui.screens.reader import ReaderScreen

    screen = app.screen
    if isinstance(screen, OrphansScreen):
        return
    article, sentence = None, None
    if isinstance(screen, ReaderScreen) and screen.article is not None:
        article = screen.article
        cursor = screen.view.cursor
        sentence = (cursor.start, cursor.end) if cursor is not None else None
    app.push_screen(OrphansScreen(article, sentence))


class OrphanCommands(Provider):
    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        score = matcher.match(NAME)
        if score > 0:
            yield Hit(score, matcher.highlight(NAME), lambda: show_orphans(self.app), text=NAME,
                      help=HELP)

    async def discover(self) -> Hits:
        yield DiscoveryHit(NAME, lambda: show_orphans(self.app), help=HELP)
