"""How each keystroke's first (budgeted) answer compares with the complete ranking that follows.

    python bench/typing_preview.py [--root /tmp/newstag-bench/ws10000] [--budget 0.04]

Needs an index built by `search_bench.py` (or `newstag index` in ROOT). For each keystroke of
typing "ammunition supply": the first answer's time (min and max of 3), whether the budget cut
it short, and how many of its hits are among the complete ranking's.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.search_bench import TYPED  # noqa: E402
from tui.core.search import SearchIndex  # noqa: E402
from tui.core.search.engine import TYPING_SECONDS, Budget  # noqa: E402
from tui.core.workspace import open_workspace  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=Path("/tmp/newstag-bench/ws10000"))
    ap.add_argument("--budget", type=float, default=TYPING_SECONDS)
    args = ap.parse_args(argv)
    index = SearchIndex(open_workspace(args.root, annotator="bench"))
    index.search("warm", 20)
    print("| keystroke | first answer ms (min / max of 3) | cut short | first hits in the complete "
          "top 20 |")
    print("|---|---|---|---|")
    for q in TYPED:
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            first = index.search(q, 20, typing=True, budget=Budget(args.budget))
            times.append(time.perf_counter() - t0)
        full = index.search(q, 20, typing=True)
        keys = {(h.article, h.index) for h in full.hits}
        same = sum((h.article, h.index) in keys for h in first.hits)
        print(f"| `{q}` | {min(times) * 1000:.0f} / {max(times) * 1000:.0f} | "
              f"{'yes' if first.partial else 'no'} | {same} of {len(first.hits)} |", flush=True)
    index.close()


if __name__ == "__main__":
    main()
