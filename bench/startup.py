"""Issue 2's start-up target, measured in tmux: newstag's first screen vs a bare Textual app.

For each workspace (the seeds, and generated corpora of 10k and 100k articles) it times, in the
same run and interleaved, a bare Textual app with one Static and `newstag`: until the app has
painted (the library's column header) and until the first article's title is on screen. Warm
runs have the `.newstag/` cache from an earlier start; the cold run has none.

    python bench/startup.py [--runs 5] [--sizes seeds,10000,100000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _tmux import time_command  # noqa: E402
from _workspace import (  # noqa: E402
    REPO,
    VENV_BIN,
    clear_cache,
    first_title,
    generated_workspace,
    seeds_workspace,
)

ENV = {"NEWSTAG_ANNOTATOR": "bench", "PATH": f"{VENV_BIN}:/usr/bin:/bin", "COLORTERM": "truecolor"}
BARE = f"{VENV_BIN}/python {REPO}/bench/bare_app.py"
NEWSTAG = f"{VENV_BIN}/newstag"
DIRECT = f"{VENV_BIN}/python {REPO}/bench/launch_tui.py"  # the same app, without tui.cli.main


def bare(cwd: Path) -> float:
    return time_command(BARE, ["BARE-APP-READY"], cwd, ENV)["BARE-APP-READY"]


def newstag(
    root: Path, title: str, timeout: float = 120.0, command: str = NEWSTAG
) -> tuple[float, float]:
    needle = title[:24]
    got = time_command(command, ["Source", needle], root, ENV, timeout=timeout)
    return got["Source"], got[needle]


def measure(label: str, root: Path, runs: int) -> list[str]:
    title = first_title(root)  # also warms the library cache for `warm` runs
    clear_cache(root)
    cold_paint, cold_rows = newstag(root, title, timeout=900)
    b, p, r, d = [], [], [], []
    for _ in range(runs):
        b.append(bare(root))
        paint, rows = newstag(root, title)
        p.append(paint)
        r.append(rows)
        d.append(newstag(root, title, command=DIRECT)[1])
    mb, mp, mr, md = (statistics.median(x) for x in (b, p, r, d))
    return [
        f"| {label} | {mb:.3f} | {mp:.3f} | {mr:.3f} | **{mr / mb:.2f}×** | {md:.3f} | "
        f"{cold_rows:.3f} |"
    ]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="seeds,10000,100000")
    args = ap.parse_args(argv)
    print(
        "| corpus | bare Textual (s) | newstag painted (s) | newstag first rows (s) | rows ÷ bare "
        "| first rows without the CLI (s) | first rows, no cache (s) |"
    )
    print("|---|---|---|---|---|---|---|")
    for size in args.sizes.split(","):
        if size == "seeds":
            root, label = seeds_workspace(), "5 seeds"
        else:
            root, label = generated_workspace(int(size)), f"{int(size):,} generated"
        for line in measure(label, root, args.runs):
            print(line, flush=True)


if __name__ == "__main__":
    main()
