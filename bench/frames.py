"""Issue 2's "moving the cursor never drops below 60 frames a second", in a real terminal.

newstag runs in tmux and records every frame it writes (bench/_frames_app.py). Keys are typed
through tmux one at a time, GAP ms apart; for each, the key-to-frame time is from sending the key
to the first frame that shows the cursor at its new place. Also reported: the CPU time the app
used per move (what has to fit in 16.7 ms for 60 frames a second).

    python bench/frames.py [--n 100] [--gap 60]
"""

from __future__ import annotations

import argparse
import bisect
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _tmux import Pane  # noqa: E402
from _workspace import (  # noqa: E402
    REPO,
    VENV_BIN,
    big_article_workspace,
    generated_workspace,
    warm_spans,
)

# bytecode cached in __pycache__/ as for a user (the build sessions set PYTHONDONTWRITEBYTECODE=1)
ENV = {"NEWSTAG_ANNOTATOR": "bench", "PATH": f"{VENV_BIN}:/usr/bin:/bin", "COLORTERM": "truecolor",
       "PYTHONDONTWRITEBYTECODE": ""}


def run(root: Path, article: str, key: str, n: int, gap: float, experiment: str = "") -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        ready, out = Path(tmp) / "ready", Path(tmp) / "frames.json"
        for state in (root / ".newstag").glob("state*.json"):
            state.unlink()
        env = {**ENV, "NEWSTAG_BENCH_EXPERIMENT": experiment}
        with Pane.start(root, env) as pane:
            pane.run(
                f"{VENV_BIN}/python {REPO}/bench/_frames_app.py {article} {ready} {out}",
                [],
                timeout=5,
            )
            deadline = time.time() + 600
            while not ready.exists() and time.time() < deadline:
                time.sleep(0.1)
            sent = []
            for _ in range(n):
                sent.append(time.perf_counter())
                pane.keys(key)
                time.sleep(gap)
            time.sleep(0.5)
            pane.keys("q")
            while not out.exists() and time.time() < deadline:
                time.sleep(0.1)
        frames = json.loads(out.read_text())
    return {"sent": sent, "frames": frames}


def analyse(r: dict) -> tuple[list[float], int, float]:
    """Key-to-frame latencies (moves that showed), moves that never showed, CPU s per move."""
    times = [f[0] for f in r["frames"]]
    lat, lost = [], 0
    for t_send in r["sent"]:
        i = bisect.bisect_left(times, t_send)
        before = r["frames"][i - 1][2] if i > 0 else None
        j = next((k for k in range(i, len(times)) if r["frames"][k][2] != before), None)
        if j is None:
            lost += 1
            continue
        lat.append(times[j] - t_send)
    i0 = bisect.bisect_left(times, r["sent"][0])
    cpu = (r["frames"][-1][1] - r["frames"][max(0, i0 - 1)][1]) / len(r["sent"])
    return lat, lost, cpu


def row(what: str, r: dict) -> str:
    lat, lost, cpu = analyse(r)
    lat.sort()
    p95 = lat[int(0.95 * (len(lat) - 1))]
    return (
        f"| {what} | {statistics.median(lat) * 1e3:.1f} | {p95 * 1e3:.1f} | {lat[-1] * 1e3:.1f} | "
        f"{cpu * 1e3:.1f} | {1 / max(cpu, 1e-9):.0f} |" + (f" {lost} not shown |" if lost else " |")
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--gap", type=float, default=60, help="ms between keys")
    ap.add_argument("--experiment", default="", help="info-no-layout: see _frames_app.py")
    ap.add_argument("--library-only", action="store_true", help="only the 100k library rows")
    args = ap.parse_args(argv)
    gap = args.gap / 1000
    print(
        "| what | key→frame median ms | p95 ms | max ms | app CPU ms per move "
        "| moves/s the CPU allows |"
    )
    print("|---|---|---|---|---|---|")
    x = args.experiment
    if args.library_only:
        library_row(args.n, gap, x)
        return
    big = big_article_workspace()
    warm_spans(big)  # else the first open segments 3 MB in the background while we measure
    print(
        row("reader, seed 000, `j` ×10", run(big, "000_698a1ff201fa72f9", "j", 10, gap, x)),
        flush=True,
    )
    print(
        row(f"reader, 3 MB article, `j` ×{args.n}", run(big, "zzz_big", "j", args.n, gap, x)),
        flush=True,
    )
    print(
        row(
            f"reader, 3 MB article, `space` ×{args.n // 4}",
            run(big, "zzz_big", "space", args.n // 4, gap, x),
        ),
        flush=True,
    )
    library_row(args.n, gap, x)


def library_row(n: int, gap: float, x: str) -> None:
    ws = generated_workspace(100_000)
    print(row(f"library, 100,000 articles, `j` ×{n}", run(ws, "-", "j", n, gap, x)), flush=True)
    print(row(f"library, 100,000 articles, `space` ×{n // 4}",
              run(ws, "-", "space", n // 4, gap, x)), flush=True)


if __name__ == "__main__":
    main()
