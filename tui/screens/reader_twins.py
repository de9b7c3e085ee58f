"""The reader's twins: `≈N` in the gutter, the outlets on the status line, `=` to act on them.

Twins come from the claim index (`tui.core.claims`), opened once per session in a worker (the
first build reads the whole corpus; the reader never waits for it) and kept on the app; after
that, an article's twins are a dictionary lookup. Nothing is tagged on a twin unless the user
picks it on the `=` screen; tagging a sentence that has twins says so, once per sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from tui.core.sanitize import one_line

from .twins import TwinRow, TwinsScreen

if TYPE_CHECKING:
    from tui.core.articles import Article, Sentence
    from tui.core.claims import ClaimIndex, Twin
    from tui.core.tagging import Change
    from tui.host import Host
    from tui.widgets.article_view import ArticleView

Span = tuple[int, int]


class TwinActions:
    """Mixed into ReaderScreen, which provides `app`, `article`, `view` and `refresh_tags`."""

    app: Host
    article: Article | None
    view: ArticleView
    twins: dict[Span, list[Twin]]
    _twins_noticed: set[tuple[str, int, int]]

    if TYPE_CHECKING:  # provided by ReaderScreen and Screen; never defined here at run time
        def notify(self, message: str, **kw: object) -> None: ...
        def run_worker(self, work: object, **kw: object) -> object: ...
        def refresh_tags(self, mine: object = None) -> None: ...
        def _update_info(self) -> None: ...
        def _saving(self, change: object) -> Change | None: ...

    # -- finding them ------------------------------------------------------------------------
    def start_twins(self, article: Article) -> None:
        """The article's twins from the index; the index opened in a worker the first time."""
        self.twins = {}
        index: ClaimIndex | None = getattr(self.app, "claims_index", None)
        if index is not None:
            self.twins = index.twins_of(article.id)
            return
        if getattr(self.app, "_claims_opening", False):
            return
        self.app._claims_opening = True  # type: ignore[attr-defined]
        self.run_worker(self._open_index, thread=True, group="claims", exit_on_error=False,
                        description="linking the same claims across articles")

    def _open_index(self) -> None:
        from tui.core.claims import open_index

        try:
            index = open_index(self.app.ws)
        except Exception as exc:  # twins are a help, never a reason to stop reading
            self.app.call_from_thread(
                self.notify, f"twins unavailable: {one_line(str(exc), 160)}",
                severity="warning", markup=False, timeout=6)
            return
        self.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: ClaimIndex) -> None:
        self.app.claims_index = index  # type: ignore[attr-defined]
        if self.article is not None:
            self.twins = index.twins_of(self.article.id)
            self.view.redraw()
            self._update_info()

    # -- what is shown -----------------------------------------------------------------------
    def twins_here(self, s: Sentence | None = None) -> list[Twin]:
        s = s if s is not None else self.view.cursor
        return self.twins.get((s.start, s.end), []) if s is not None else []

    def twin_marker(self, s: Sentence) -> Text:
        """`≈2`: the sentence's claim is made in 2 other articles."""
        n = len({t.article for t in self.twins_here(s)})
        return Text(f"≈{n}", style="bold") if n else Text()

    def twins_status(self) -> Text | None:
        """For the status line: the outlets that make the cursor's claim too."""
        here = self.twins_here()
        if not here:
            return None
        names = list(dict.fromkeys(one_line(t.source or t.article, 30) for t in here))
        return Text.assemble(("≈ also in ", "dim"), ", ".join(names), ("  = to see", "dim"))

    def twins_notice(self) -> None:
        """After tagging: "also in 3 articles", once per sentence, when it has twins."""
        cur, article = self.view.cursor, self.article
        here = self.twins_here()
        if cur is None or article is None or not here:
            return
        key = (article.id, cur.start, cur.end)
        if key in self._twins_noticed:
            return
        if not any(m.mine for m in self.view.marks.on(cur.start, cur.end)):
            return  # a label taken off: nothing to share
        self._twins_noticed.add(key)
        n = len({t.article for t in here})
        self.notify(f"also in {n} article{'s' if n > 1 else ''}: = to see them", timeout=5)

    # -- `=` ---------------------------------------------------------------------------------
    def action_show_twins(self) -> None:
        cur, article = self.view.cursor, self.article
        if cur is None or article is None:
            return
        here = self.twins_here()
        if not here:
            ready = getattr(self.app, "claims_index", None) is not None
            said = ("No twins: this claim was not found in another article" if ready
                    else "Still linking the same claims across articles: try again shortly")
            self.notify(said, timeout=3)
            return
        order = {name: i for i, name in enumerate(self.app.labels.names)}
        labels = sorted({m.label for m in self.view.marks.on(cur.start, cur.end) if m.mine},
                        key=lambda x: (order.get(x, len(order)), x))
        rows = self._twin_rows(here, labels)
        quote = one_line(article.text[cur.start : cur.end], 200)
        about = Text.assemble(("Same claim in other articles: ", "bold"), f"“{quote}”")
        me = self.app.ws.annotator

        def chosen(picked: list[TwinRow] | None) -> None:
            if picked:
                self._tag_twins(article, picked, labels)

        self.app.push_screen(TwinsScreen(about, rows, me, self.app.looks, labels), chosen)

    def _twin_rows(self, here: list[Twin], labels: list[str]) -> list[TwinRow]:
        from tui.core.claims import TagLookup

        lookup = TagLookup(self.app.ws)  # fresh: the twins' tags as they are on disk now
        lib = self.app.library
        me = self.app.ws.annotator
        rows = []
        for t in here:
            i = lib.index_of(t.article) if lib is not None else None
            title = lib.entries[i].title if lib is not None and i is not None else ""
            tagged = lookup.labels(t.article, t.start, t.end)
            has_all = bool(labels) and set(labels) <= set(tagged.get(me, ()))
            rows.append(TwinRow(t.article, t.source, title, t.start, t.end, t.text,
                                t.similarity, tagged, has_all))
        return rows

    def _tag_twins(self, article: Article, picked: list[TwinRow], labels: list[str]) -> None:
        """The picked twins get `labels`, as one undo step; a twin whose text moved is skipped."""
        wanted = []
        skipped = []
        for row in picked:
            twin = self.app.load_article(row.article)
            if twin is None or twin.text[row.start : row.end] != row.text:
                skipped.append(row.source or row.article)
                continue
            wanted.append((twin, [(row.start, row.end)], labels))
        names = ", ".join(labels)
        n = len(wanted)
        what = f"add {names} to {n} twin{'s' if n != 1 else ''}"
        change = self._saving(lambda: self.app.session.add_many(
            wanted, note=f"same claim as in {article.id}", description=what))
        if skipped:
            self.notify(f"Not tagged (changed since the claims were linked): "
                        f"{', '.join(skipped)}", severity="warning", markup=False, timeout=6)
        if change is None:
            if not skipped:
                self.notify("The picked twins have these labels already", timeout=3)
            return  # the marks come with the saves' TagsChanged (one per article)
        self.notify(f"Tagged {len(change.articles)} twin{'s' if len(change.articles) > 1 else ''}"
                    f" with {names} (u undoes them all)", markup=False, timeout=4)
