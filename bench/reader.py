"""Issue 2's reader targets, in a real terminal (tmux), as a user would press the keys.

(c) a 3 MB article: `enter` in the library until its first body sentence is on screen, then `G`
    until its last sentence is (the article is scrollable end to end) — with no span cache
    (first time ever) and with one (every later time);
(d) a tag keystroke to the file on disk: `s` in the reader until `tags/<annotator>/<id>.yaml`
    exists, `s` again until it is gone (polled with stat every 0.2 ms).

    python bench/reader.py [--runs 3] [--tags 20] [--megabytes 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _tmux import Pane  # noqa: E402
from _workspace import (  # noqa: E402
    BIG_BEGIN,
    BIG_END,
    VENV_BIN,
    big_article_workspace,
    clear_cache,
    first_title,
    seeds_workspace,
)

# bytecode cached in __pycache__/ as for a user (the build sessions set PYTHONDONTWRITEBYTECODE=1)
ENV = {"NEWSTAG_ANNOTATOR": "bench", "PATH": f"{VENV_BIN}:/usr/bin:/bin", "COLORTERM": "truecolor",
       "PYTHONDONTWRITEBYTECODE": ""}
NEWSTAG = f"{VENV_BIN}/newstag"


def big_article(root: Path, title: str, keep_span_cache: bool) -> tuple[float, float]:
    """Seconds from `enter` to the body on screen, and from `G` to the last sentence on screen."""
    if not keep_span_cache:
        clear_cache(root)
    for state in (root / ".newstag").glob("state*.json"):  # open at the top, not where left
        state.unlink()
    with Pane.start(root, ENV) as pane:
        pane.run(NEWSTAG, [title[:24]], timeout=120)
        pane.keys("G")
        pane.wait_for(["A very long article"], timeout=30)
        t0 = time.perf_counter()
        pane.keys("Enter")
        opened = pane.wait_for([BIG_BEGIN], timeout=120, t0=t0)[BIG_BEGIN]
        t0 = time.perf_counter()
        pane.keys("G")
        end = pane.wait_for([BIG_END], timeout=120, t0=t0)[BIG_END]
        if not keep_span_cache:  # let the background count finish so the cache gets written
            pane.wait_for(["sentences"], timeout=5)
            deadline = time.time() + 300
            while "…" in _status(pane) and time.time() < deadline:
                time.sleep(0.5)
        pane.keys("q")
        time.sleep(0.3)
    return opened, end


def _status(pane: Pane) -> str:
    from _tmux import capture

    lines = [ln for ln in capture(pane.session).splitlines() if "tagged" in ln]
    return lines[-1] if lines else ""


def wait_file(path: Path, exists: bool, t0: float, timeout: float = 10.0) -> float:
    while True:
        if os.path.exists(path) == exists:
            return time.perf_counter() - t0
        if time.perf_counter() - t0 > timeout:
            raise TimeoutError(f"{path} exists={not exists} after {timeout}s")
        time.sleep(0.0002)


def tag_keystrokes(root: Path, title: str, n: int) -> tuple[list[float], list[float]]:
    path = root / "tags" / "bench" / "000_698a1ff201fa72f9.yaml"
    on, off = [], []
    with Pane.start(root, ENV) as pane:
        pane.run(NEWSTAG, [title[:24]], timeout=60)
        pane.keys("Enter")
        pane.wait_for(["Speculation is rife"], timeout=30)
        pane.keys("j")
        time.sleep(0.3)
        for _ in range(n):
            t0 = time.perf_counter()
            pane.keys("s")
            on.append(wait_file(path, True, t0))
            time.sleep(0.05)
            t0 = time.perf_counter()
            pane.keys("s")
            off.append(wait_file(path, False, t0))
            time.sleep(0.05)
        pane.keys("q")
        time.sleep(0.3)
    return on, off


def ms(xs: list[float]) -> str:
    xs = sorted(xs)
    p90 = xs[int(0.9 * (len(xs) - 1))]
    return f"{statistics.median(xs) * 1e3:.1f} | {p90 * 1e3:.1f} | {xs[-1] * 1e3:.1f}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tags", type=int, default=20)
    ap.add_argument("--megabytes", type=float, default=3.0)
    args = ap.parse_args(argv)

    root = big_article_workspace(args.megabytes)
    title = first_title(root)
    size = (root / "seeds" / "zzz_big.txt").stat().st_size
    print(f"(c) a {size / 1e6:.1f} MB article\n")
    print("| span cache | runs | enter → first sentence on screen, median (max) s "
          "| G → last sentence on screen, median (max) s |")
    print("|---|---|---|---|")
    cold = [big_article(root, title, keep_span_cache=False) for _ in range(args.runs)]
    warm = [big_article(root, title, keep_span_cache=True) for _ in range(args.runs)]
    for name, runs in (("none (first open ever)", cold), ("warm (opened before)", warm)):
        opened, ended = [r[0] for r in runs], [r[1] for r in runs]
        print(
            f"| {name} | {len(runs)} | {statistics.median(opened):.3f} ({max(opened):.3f}) | "
            f"{statistics.median(ended):.3f} ({max(ended):.3f}) |",
            flush=True,
        )

    root = seeds_workspace()
    title = first_title(root)
    on, off = tag_keystrokes(root, title, args.tags)
    print(f"\n(d) tag keystroke to file on disk, {args.tags} times each, via tmux\n")
    print("| key | median ms | p90 ms | max ms |")
    print("|---|---|---|---|")
    print(f"| `s` (tag: file written) | {ms(on)} |")
    print(f"| `s` again (untag: file removed) | {ms(off)} |")


if __name__ == "__main__":
    main()
