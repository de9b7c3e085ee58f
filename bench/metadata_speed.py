"""How fast the reader's title/source/date rules (`metadata.read`) are, and whether a change to them
kept every answer: the search build reads every article through them.

    PYTHONPATH=. python bench/metadata_speed.py DIR [DIR ...]
    PYTHONPATH=. python bench/metadata_speed.py DIR --compare OLD_TREE

Prints microseconds per article for each folder of `.txt` articles (best of three passes; the
per-line caches are emptied before each pass, so repeated lines are only cheap within a pass, as
in one build). With `--compare`, the same is run with OLD_TREE (e.g. `git archive <rev> | tar -x
-C /tmp/old`) on PYTHONPATH in a child process, and every article's full `Metadata` from both
trees is compared: the script exits 1 if any differs.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

CACHED = [("tui.core.chrome", "_chrome_reason"), ("tui.core.chrome", "chrome_reason"),
          ("tui.core.credits", "_parse_byline"), ("tui.core.credits", "parse_byline"),
          ("tui.core.credits", "_staff_outlet"), ("tui.core.credits", "based_on"),
          ("tui.core.timestamps", "is_timestamp")]


def texts(folders: list[Path], limit: int) -> list[tuple[str, str]]:
    out = []
    for d in folders:
        for p in sorted(d.glob("*.txt"))[:limit]:
            out.append((p.read_text(encoding="utf-8", errors="replace"), p.stem))
    return out


def clear_caches() -> None:
    import importlib

    for mod, name in CACHED:
        f = getattr(importlib.import_module(mod), name, None)
        if hasattr(f, "cache_clear"):
            f.cache_clear()


def measure(folders: list[Path], limit: int) -> tuple[dict[str, float], list[tuple[object, ...]]]:
    from tui.core.metadata import read

    speeds: dict[str, float] = {}
    answers: list[tuple[object, ...]] = []
    for d in folders:
        arts = texts([d], limit)
        best = float("inf")
        for _ in range(3):
            clear_caches()
            t0 = time.perf_counter()
            for text, aid in arts:
                read(text, aid)
            best = min(best, (time.perf_counter() - t0) / max(len(arts), 1))
        speeds[str(d)] = best * 1e6
        answers += [dataclasses.astuple(read(text, aid)) for text, aid in arts]
    return speeds, answers


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", type=Path, nargs="+")
    ap.add_argument("--limit", type=int, default=5000, help="articles read per folder")
    ap.add_argument("--compare", type=Path, help="an older tree to time and check against")
    ap.add_argument("--dump", type=Path, help=argparse.SUPPRESS)  # the child's answers
    args = ap.parse_args()
    speeds, answers = measure(args.folders, args.limit)
    if args.dump:
        args.dump.write_bytes(pickle.dumps((speeds, answers)))
        return
    old: tuple[dict[str, float], list[tuple[object, ...]]] | None = None
    if args.compare:
        dump = Path(f"/tmp/metadata-speed-{os.getpid()}.pkl")
        env = {**os.environ, "PYTHONPATH": str(args.compare.resolve())}
        subprocess.run([sys.executable, __file__, *map(str, args.folders), "--limit",
                        str(args.limit), "--dump", str(dump)], env=env, check=True)
        old = pickle.loads(dump.read_bytes())
        dump.unlink()
    for d, us in speeds.items():
        was = f" (old tree: {old[0][d]:.0f} us, {old[0][d] / us:.1f}x)" if old else ""
        print(f"{d}: {us:.0f} us an article{was}")
    if old:
        differ = sum(a != b for a, b in zip(old[1], answers, strict=True))
        print(f"{len(answers)} articles: {differ} with a different title, source, date, byline, "
              "dateline or span")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
