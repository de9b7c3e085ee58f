"""Library listing cost on big corpora: what start-up pays before the first rows, and after.

    python bench/library_listing.py [--sizes 10000,100000]

`open_library` is what the library screen needs for its first rows (the cache, or bare file
names); `refresh_library` is the background check it runs after the first paint (stat
everything, re-read changed files); `load_library` is both in one call (the CLI).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _workspace import generated_workspace  # noqa: E402

from tui.core.library import ensure_entries, load_library, open_library, refresh_library  # noqa: E402
from tui.core.workspace import open_workspace  # noqa: E402


def timed(fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - t, out


def drain(ws, lib):
    return list(refresh_library(ws, lib))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    args = ap.parse_args(argv)
    print("| corpus | step | seconds |")
    print("|---|---|---|")
    for n in map(int, args.sizes.split(",")):
        root = generated_workspace(n)
        ws = open_workspace(root, annotator="bench")
        shutil.rmtree(ws.cache, ignore_errors=True)
        label = f"{n:,}"
        secs, lib = timed(open_library, ws)
        print(f"| {label} | open_library, no cache (file names only) | {secs:.3f} |", flush=True)
        secs, _ = timed(ensure_entries, ws, lib, range(40))
        print(f"| {label} | ensure_entries for the 40 rows on screen | {secs:.3f} |", flush=True)
        secs, _ = timed(drain, ws, lib)
        print(
            f"| {label} | refresh_library, no cache (reads all, in processes) | {secs:.3f} |",
            flush=True,
        )
        secs, lib = timed(open_library, ws)
        print(
            f"| {label} | open_library, warm (first rows can show now) | {secs:.3f} |", flush=True
        )
        secs, _ = timed(lambda lib=lib: [lib[i].title for i in range(40)])
        print(f"| {label} | decode the 40 rows on screen | {secs:.4f} |", flush=True)
        secs, _ = timed(drain, ws, lib)
        print(
            f"| {label} | refresh_library, warm (stat only, nothing re-read) | {secs:.3f} |",
            flush=True,
        )
        secs, _ = timed(lambda ws=ws: [e.title for e in open_library(ws)])
        print(f"| {label} | open_library + decode every row (nothing does this now) | "
              f"{secs:.3f} |", flush=True)
        secs, _ = timed(load_library, ws)
        print(f"| {label} | load_library, warm (open + refresh) | {secs:.3f} |", flush=True)


if __name__ == "__main__":
    main()
