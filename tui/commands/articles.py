"""Palette: "go to article", by id (what validate, stats and CSV print) or fuzzy by title,
quick enough for 100,000 titles."""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.core.sanitize import one_line

if TYPE_CHECKING:
    from tui.host import Host

MAX_HITS = 40
MAX_SCORED = 3000  # fuzzy-score at most this many prefiltered titles per keystroke


class ArticleCommands(Provider):
    """Open any readable article by typing part of its id or a few letters of its title."""

    async def startup(self) -> None:
        app: Host = self.app  # type: ignore[assignment]
        lib = app.library
        entries = [e for e in lib.entries if not e.error] if lib else []
        self._titles = [(e.id, one_line(e.title or e.id, 160)) for e in entries]
        self._lower = [t.lower() for _, t in self._titles]

    def _open(self, article_id: str) -> None:
        self.app.open_article(article_id)  # type: ignore[attr-defined]

    async def search(self, query: str) -> Hits:
        letters = [c for c in query.lower() if not c.isspace()]
        if not letters:
            return
        shown: set[str] = set()
        needle = query.strip().lower()
        if len(needle) >= 3 and " " not in needle:  # an id, or a piece of one (`003`, `420c70`)
            for article_id, title in self._titles:
                at = article_id.lower().find(needle)
                if at < 0:
                    continue
                shown.add(article_id)
                score = 1.0 if at == 0 else 0.9
                label = Text.assemble((one_line(article_id, 60), "bold"), "  ", title)
                yield Hit(score, label, partial(self._open, article_id),
                          text=f"{article_id} {title}", help="Open article (by id)")
                if len(shown) >= MAX_HITS:
                    return
        # A cheap in-order letters prefilter in C before the (slow) fuzzy scorer.
        prefilter = re.compile(".*?".join(map(re.escape, letters)))
        candidates = [i for i, t in enumerate(self._lower) if prefilter.search(t)][:MAX_SCORED]
        matcher = self.matcher(query)
        scored = []
        for i in candidates:
            score = matcher.match(self._titles[i][1])
            if score > 0:
                scored.append((score, i))
        scored.sort(key=lambda si: -si[0])
        for score, i in scored[:MAX_HITS]:
            article_id, title = self._titles[i]
            if article_id in shown:
                continue
            yield Hit(score, matcher.highlight(title), partial(self._open, article_id),
                      text=title, help=f"Open article {one_line(article_id, 60)}")

    async def discover(self) -> Hits:
        app: Host = self.app  # type: ignore[assignment]
        last = app.state.last_read
        for article_id, title in self._titles:
            if article_id == last:
                yield DiscoveryHit(f"Open article: {title}", partial(self._open, article_id),
                                   help="The article you read last")
