"""Bench-only patches that measure a proposed change to UI code before its owner makes it.

Selected with NEWSTAG_BENCH_EXPERIMENT (comma-separated); nothing here is used by newstag itself.

- `info-no-layout`: the one-line SentenceInfo updates without a relayout of the whole screen.
- `open-first`: the library screen shows `open_library` (the cache, no stat, no parsing) at once
  and runs `refresh_library` afterwards, instead of `load_library` before the first row.
"""

from __future__ import annotations

import os


def apply() -> list[str]:
    wanted = [x for x in os.environ.get("NEWSTAG_BENCH_EXPERIMENT", "").split(",") if x]
    if "info-no-layout" in wanted:
        import tui.widgets.tag_legend as legend

        update = legend.SentenceInfo.update
        legend.SentenceInfo.update = lambda self, content="", *, layout=True: update(
            self, content, layout=False
        )
    if "open-first" in wanted:
        from textual import work

        from tui.screens.library import LibraryScreen

        @work(thread=True, exclusive=True, group="library")
        def load_library(self: LibraryScreen) -> None:
            from tui.core.library import open_library, refresh_library

            app = self.app
            library = open_library(app.ws)
            options = self.articles.make_options(library.entries, library.counts)
            app.call_from_thread(self._show_library, library, options)
            app.store.start()
            for update in refresh_library(app.ws, library, app.labels.names):
                if update.library is not None:
                    library = update.library
            options = self.articles.make_options(library.entries, library.counts)
            app.call_from_thread(self._show_library, library, options)

        LibraryScreen.load_library = load_library
    return wanted
