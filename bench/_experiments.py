"""Bench-only patches that measure a proposed change to UI code before its owner makes it.

Selected with NEWSTAG_BENCH_EXPERIMENT (comma-separated); nothing here is used by newstag itself.

- `info-no-layout`: the one-line SentenceInfo updates without a relayout of the whole screen.
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
    return wanted
