"""The reader's twins: `≈N` in the gutter, the outlets on the status line, `=` to act on them.

Twins come from the claim index cached under `.newstag/claims/` (`tui.core.claims`): an
article's twins are one indexed SQLite query (`twins(ws, id)`, ~1 ms at any corpus size), asked
in a worker when the article opens, from the cache as it is. Once per session the cache is
brought up to date with the corpus in a child process (the first build reads and segments the
whole corpus: in-process it would hold the GIL and slow every key of the reader), and the open
article's twins are asked again. The whole index (every link) is never loaded for the reader.
Nothing is tagged on a twin unless the user picks it on the `=` screen; tagging a sentence that
has twins says so, once per sentence.
"""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from tui.core.sanitize import one_line

from .twins import TwinRow, TwinsScreen

if TYPE_CHECKING:
    from tui.core.articles import Article, Sentence
    from tui.core.claims import Twin
    from tui.core.tagging import Change
    from tui.host import Host
    from tui.widgets.article_view import ArticleView

Span = tuple[int, int]
TWINS_DELAY = 1.0  # seconds after the first article opens before the claim index is looked at

# The child process: bring the index under .newstag/claims/ up to date, print nothing.
_REFRESH = ("import sys; from pathlib import Path; from tui.core.workspace import Workspace; "
            "from tui.core.claims import refresh; "
            "refresh(Workspace(*map(Path, sys.argv[1:5]), sys.argv[5]))")


def refresh_index(ws: object, started: list[subprocess.Popen[bytes]] | None = None) -> str | None:
    """Run the index update in a child process; None when it worked, "" when it was killed,
    else one line saying why it failed.

    The child is appended to `started` so its owner can kill it when the reader goes away, and
    is killed at exit anyway (its writes are atomic: nothing half-written is left, the next
    start carries on).
    """
    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [root, *filter(None, [os.environ.get("PYTHONPATH")])])}
    args = [str(getattr(ws, f)) for f in ("root", "corpus", "tags", "cache", "annotator")]
    proc = subprocess.Popen([sys.executable, "-c", _REFRESH, *args], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    atexit.register(proc.kill)
    if started is not None:
        started.append(proc)
    _, err = proc.communicate()
    atexit.unregister(proc.kill)
    if proc.returncode == 0:
        return None
    if proc.returncode < 0:
        return ""  # killed (the reader went away): nothing to tell anyone
    last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit {proc.returncode}"]
    return last[0]


class TwinActions:
    """Mixed into ReaderScreen, which provides `app`, `article`, `view` and `refresh_tags`."""

    app: Host
    article: Article | None
    view: ArticleView
    twins: dict[Span, list[Twin]]
    _twins_noticed: set[tuple[str, int, int]]
    _children: list[subprocess.Popen[bytes]]

    if TYPE_CHECKING:  # provided by ReaderScreen and Screen; never defined here at run time
        def notify(self, message: str, **kw: object) -> None: ...
        def run_worker(self, work: object, **kw: object) -> object: ...
        def refresh_tags(self, mine: object = None) -> None: ...
        def _update_info(self) -> None: ...
        def set_timer(self, delay: float, callback: object) -> object: ...
        def _saving(self, change: object) -> Change | None: ...

    # -- finding them ------------------------------------------------------------------------
    def start_twins(self, article: Article) -> None:
        """The article's twins from the cache (a worker); the cache refreshed once a session."""
        self.twins = {}
        services = self.app.services
        self._fetch_twins(article.id)
        if services.claims_fresh or services.claims_opening:
            return
        services.claims_opening = True
        # A moment after opening: the first screen and keys first, and a glance at an article
        # (or a short test) starts no child process.
        self.set_timer(TWINS_DELAY, self._start_index)

    def _fetch_twins(self, article_id: str) -> None:
        self.run_worker(lambda: self._ask_twins(article_id, fresh=False), thread=True,
                        group="twins", exit_on_error=False, description="this article's twins")

    def _ask_twins(self, article_id: str, fresh: bool) -> None:
        """Worker: one article's twins from the cache, handed to the UI thread."""
        from tui.core.claims import twins

        found = twins(self.app.ws, article_id)
        self.app.call_from_thread(self._twins_found, article_id, found, fresh)

    def _start_index(self) -> None:
        self.run_worker(self._refresh_index, thread=True, group="claims", exit_on_error=False,
                        description="linking the same claims across articles")

    def _refresh_index(self) -> None:
        """Worker: the cache brought up to date in a child, then this article's twins again."""
        from tui.core.claims import refresh

        ws = self.app.ws
        try:
            problem = refresh_index(ws, self._children)
        except OSError:  # no child processes here (a sandbox): do it in this thread instead
            problem = None
            try:
                refresh(ws)
            except Exception as exc:  # twins are a help, never a reason to stop reading
                problem = str(exc)
        if problem is None:
            article = self.article
            self._ask_twins(article.id if article is not None else "", fresh=True)
        elif problem:
            self.app.call_from_thread(
                self.notify, f"twins unavailable: {one_line(problem, 160)}",
                severity="warning", markup=False, timeout=6)

    def stop_twins(self) -> None:
        """The reader is going away (newstag quits): stop an index update still running."""
        for proc in self._children:
            if proc.poll() is None:
                proc.kill()
                if not self.app.services.claims_fresh:
                    self.app.services.claims_opening = False

    def _twins_found(self, article_id: str, found: dict[Span, list[Twin]], fresh: bool) -> None:
        if fresh:
            self.app.services.claims_fresh = True
        if self.article is None or not self.is_mounted:
            return
        if self.article.id != article_id:
            if fresh:  # the user moved on while the cache was refreshed: ask for this one
                self._fetch_twins(self.article.id)
            return
        self.twins = found
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
        if not self.app.session.doc(article.id).at(cur.start, cur.end):
            return  # a label taken off: nothing to share (the file, not the redraw to come)
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
            ready = self.app.services.claims_fresh
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
