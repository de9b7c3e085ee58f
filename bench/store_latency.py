"""Tag keystroke to file on disk, in the core: `TaggingSession.toggle` returns once the file is
written (temp file, fsync, rename, fsync of the folder), so its duration is the latency.

    python bench/store_latency.py [--n 200]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.core import articles  # noqa: E402
from tui.core.tagging import TaggingSession  # noqa: E402
from tui.core.tagstore import TagStore  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=REPO.parent if (REPO.parent).is_dir() else None) as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "seeds", root / "seeds")
        art = articles.load(root / "seeds" / "001_e98dd6f0637d58e7.txt")
        sents = [s for s in art.sentences() if not s.chrome]
        session = TaggingSession(TagStore(root / "tags"), "bench", ["speculation", "warning"])
        session.open(art)
        path = session.store.path_for("bench", art.id)
        times: dict[str, list[float]] = {
            "add a tag": [],
            "remove a tag": [],
            "undo": [],
            "redo": [],
        }
        for i in range(args.n):
            s = sents[i % len(sents)]
            for what, fn in (
                ("add a tag", lambda s=s: session.toggle(art, [(s.start, s.end)], "warning")),
                ("undo", session.undo),
                ("redo", session.redo),
                ("remove a tag", lambda s=s: session.toggle(art, [(s.start, s.end)], "warning")),
            ):
                t = time.perf_counter()
                fn()
                times[what].append(time.perf_counter() - t)
        assert not path.exists() or "warning" not in path.read_text()
        tags_after = len(session.doc(art.id).tags)
    print(f"{args.n} rounds on {art.id} ({tags_after} tags left); file system of {REPO.parent}\n")
    print("| operation (write + fsync + rename) | median ms | p95 ms | max ms |")
    print("|---|---|---|---|")
    for what, xs in times.items():
        xs.sort()
        print(
            f"| {what} | {statistics.median(xs) * 1e3:.2f} | {xs[int(0.95 * len(xs))] * 1e3:.2f} | "
            f"{xs[-1] * 1e3:.2f} |"
        )


if __name__ == "__main__":
    main()
