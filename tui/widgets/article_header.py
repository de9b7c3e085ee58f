"""The reader's header: the article's title and what is known about it (source, date, file)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.core.articles import Article
from tui.core.sanitize import one_line


def header_text(article: Article, position: str = "") -> Text:
    """Title on the first line; source, byline, date, dateline, id and any read warning on the
    second (the facts the library, `newstag sentences` and the exports show too)."""
    meta = article.meta
    title = Text(one_line(article.title or article.id, 300), style="bold")
    facts = [one_line(x, 80) for x in meta.facts()]
    facts.append(one_line(article.id, 80))
    if position:
        facts.append(position)
    second = Text(" · ".join(facts), style="dim")
    if article.warning:
        second.append("  ⚠ not UTF-8: read with a guessed encoding", style="bold")
    return Text("\n").join([title, second])


class ArticleHeader(Static):
    """Two lines above the text; never markup, always `Text` (titles are untrusted)."""

    def show(self, article: Article, position: str = "") -> None:
        self.update(header_text(article, position))
