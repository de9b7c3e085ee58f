"""Issue 2's start-up target, measured in tmux: newstag's first screen vs a bare Textual app.

For each workspace (the seeds, and generated corpora of 10k and 100k articles) it times, in the
same run and in pairs (bare, newstag; then newstag, bare; ...), a bare Textual app with one
Static and `newstag`: until the app has painted (the library's column header) and until the
first article's title is on screen. The ratio of each pair's two runs is the figure least moved
by other work on the machine. Warm runs have the `.newstag/` cache from an earlier start; the
cold run has none.

    python bench/startup.py [--runs 5] [--sizes seeds,10000,100000]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _tmux import Pane, time_command  # noqa: E402
from _workspace import (  # noqa: E402
    REPO,
    VENV_BIN,
    clear_cache,
    first_title,
    generated_workspace,
    seeds_workspace,
)

# Python writes and reuses bytecode caches (__pycache__/) as it does for a user; the sessions
# that build newstag run with PYTHONDONTWRITEBYTECODE=1, which made every start compile
# newstag's own ~40 modules from source (~50 ms; the bare app's come precompiled from pip).
# `--no-bytecode` measures that way too (it removes tui/'s __pycache__ before each start).
ENV = {"NEWSTAG_ANNOTATOR": "bench", "PATH": f"{VENV_BIN}:/usr/bin:/bin", "COLORTERM": "truecolor",
       "PYTHONDONTWRITEBYTECODE": ""}
BARE = f"{VENV_BIN}/python {REPO}/bench/bare_app.py"
NEWSTAG = f"{VENV_BIN}/newstag"


def bare(cwd: Path) -> float:
    return time_command(BARE, ["BARE-APP-READY"], cwd, ENV)["BARE-APP-READY"]


def newstag(root: Path, title: str, timeout: float = 120.0) -> tuple[float, float]:
    if ENV["PYTHONDONTWRITEBYTECODE"]:
        for cache in (REPO / "tui").rglob("__pycache__"):
            shutil.rmtree(cache, ignore_errors=True)
    needle = title[:24]
    got = time_command(NEWSTAG, ["Source", needle], root, ENV, timeout=timeout)
    return got["Source"], got[needle]


def cpu(root: Path, mode: str) -> float:
    """CPU seconds (user + system, all threads) from exec to the first screen's frame."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cpu"
        cmd = f"{VENV_BIN}/python {REPO}/bench/_paint_app.py {mode}"
        with Pane.start(root, {**ENV, "PAINT_CPU_OUT": str(out)}) as pane:
            pane.run(cmd, [], timeout=5)
            deadline = time.time() + 300
            while (not out.exists() or not out.read_text().strip()) and time.time() < deadline:
                time.sleep(0.05)
            time.sleep(0.3)  # let it exit before the pane closes
        return float(out.read_text())


def measure_cpu(label: str, root: Path, runs: int) -> str:
    first_title(root)  # a warm cache
    b, n = [], []
    for _ in range(runs):  # in pairs, like the wall-clock runs
        b.append(cpu(root, "bare"))
        n.append(cpu(root, "newstag"))
    mb, mn = statistics.median(b), statistics.median(n)
    paired = statistics.median(y / x for x, y in zip(b, n, strict=True))
    return f"| {label} | {mb:.3f} | {mn:.3f} | **{mn / mb:.2f}×** | **{paired:.2f}×** |"


def measure(label: str, root: Path, runs: int, pooled: list[tuple[str, float, float]]
            ) -> list[str]:
    title = first_title(root)  # also warms the library cache for `warm` runs
    clear_cache(root)
    cold_paint, cold_rows = newstag(root, title, timeout=900)
    first_title(root)  # the cold run quit before its background check saved the cache
    b, p, r = [], [], []
    for k in range(runs):  # pairs, each run right after the other, in alternating order
        if k % 2:
            paint, rows = newstag(root, title)
            b.append(bare(root))
        else:
            b.append(bare(root))
            paint, rows = newstag(root, title)
        p.append(paint)
        r.append(rows)
    mb, mp, mr = (statistics.median(x) for x in (b, p, r))
    paired = statistics.median(y / x for x, y in zip(b, r, strict=True))
    pooled.extend((label, x, y) for x, y in zip(b, r, strict=True))
    return [
        f"| {label} | {mb:.3f} | {mp:.3f} | {mr:.3f} | **{mr / mb:.2f}×** | **{paired:.2f}×** | "
        f"{cold_paint:.3f} | {cold_rows:.3f} |"
    ]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="seeds,10000,100000")
    ap.add_argument("--cpu", action="store_true", help="CPU seconds to the first screen instead")
    ap.add_argument("--no-bytecode", action="store_true",
                    help="start with PYTHONDONTWRITEBYTECODE=1 (compile newstag at every start)")
    args = ap.parse_args(argv)
    if args.no_bytecode:
        ENV["PYTHONDONTWRITEBYTECODE"] = "1"
    if args.cpu:
        print("| corpus | bare Textual, CPU s | newstag, CPU s to first rows | ÷ bare "
              "| median of paired ratios |")
        print("|---|---|---|---|---|")
        for size in args.sizes.split(","):
            if size == "seeds":
                root, label = seeds_workspace(), "5 seeds"
            else:
                root, label = generated_workspace(int(size)), f"{int(size):,} generated"
            print(measure_cpu(label, root, args.runs), flush=True)
        return
    print(
        "| corpus | bare Textual (s) | newstag painted (s) | newstag first rows (s) | ÷ bare "
        "| median of paired ratios | no cache: painted (s) | no cache: first rows (s) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    pooled: list[tuple[str, float, float]] = []
    for size in args.sizes.split(","):
        if size == "seeds":
            root, label = seeds_workspace(), "5 seeds"
        else:
            root, label = generated_workspace(int(size)), f"{int(size):,} generated"
        for line in measure(label, root, args.runs, pooled):
            print(line, flush=True)
    # The bare app does not depend on the corpus: the median of all its runs is a steadier
    # denominator than each size's own few runs on a busy machine.
    bare_all = statistics.median(x for _, x, _ in pooled)
    ratios = []
    for label in dict.fromkeys(lb for lb, _, _ in pooled):
        rows = statistics.median(y for lb, _, y in pooled if lb == label)
        ratios.append(f"{label} **{rows / bare_all:.2f}×**")
    print(f"\nbare Textual, all {len(pooled)} runs: median {bare_all:.3f} s; newstag first rows "
          f"÷ that: {', '.join(ratios)}")


if __name__ == "__main__":
    main()
