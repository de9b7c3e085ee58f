"""Counting an article's sentences for the progress figure without freezing the reader.

Small or already-cached articles are counted on the spot; a big one is segmented in worker
processes (pySBD's segmenter object is not thread-safe, so never in a thread of ours) and its
sentences are installed on the UI thread when they arrive.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.screen import Screen

from tui.core.articles import Article

SYNC_COUNT_CHARS = 60_000  # below this, counting on the spot is quicker than starting processes
BACKGROUND_DELAY = 1.5  # seconds after opening a big article before its full count starts


def _to_tag(article: Article) -> int:
    return sum(1 for s in article.sentences() if not s.chrome)


class SentenceCounter:
    """`total`: the current article's sentences that are not site chrome (None while counting)."""

    def __init__(self, screen: Screen, counted: Callable[[Article], None]) -> None:
        self.screen = screen
        self.counted = counted  # called on the UI thread once a background count lands
        self.total: int | None = None
        self._article: Article | None = None

    def count(self, article: Article) -> None:
        self._article = article
        self.total = None
        if article.segmented or article.load_cached() or len(article.text) < SYNC_COUNT_CHARS:
            self.total = _to_tag(article)
            return
        # Let the first screens and the first keys go by before processes compete for the CPU.
        self.screen.set_timer(BACKGROUND_DELAY, partial(self._start, article))

    def _start(self, article: Article) -> None:
        if article is self._article and self.total is None:
            self.screen.run_worker(partial(self._segment, article), thread=True, exclusive=True,
                                   group="segment", description=f"segmenting {article.id}",
                                   exit_on_error=False)

    def _segment(self, article: Article) -> None:
        from concurrent.futures.process import BrokenProcessPool

        from tui.core import segcache

        try:
            # One core is left to the reader, so scrolling stays smooth while this runs.
            with segcache.make_pool(max(1, segcache.default_workers() - 1)) as pool:
                if len(article.text) >= segcache.PARALLEL_MIN_CHARS:
                    spans = segcache.segment_parallel(article.text, pool=pool, cache=article.cache)
                else:
                    spans = pool.submit(segcache.spans_for, article.text, article.cache).result()
        except (OSError, RuntimeError, BrokenProcessPool) as exc:
            # No processes here (a sandbox, a frozen build): the count stays "…", reading goes on.
            self.screen.app.call_from_thread(
                self.screen.notify, f"cannot count the sentences of {article.id}: {exc}",
                severity="warning", markup=False, timeout=5)
            return
        self.screen.app.call_from_thread(self._install, article, spans)

    def _install(self, article: Article, spans: list[tuple[int, int]]) -> None:
        if not article.segmented:
            article.set_sentences(spans)
        if article is self._article:
            self.total = _to_tag(article)
            self.counted(article)
