"""A 3 MB article of every shape in a real terminal (tmux): open, `G`, `j`, as a user presses them.

Shapes: paragraphs between blank lines; paragraphs on single newlines (one blank-line block);
the same with CRLF line ends; the whole body on one line. Each is opened cold (no span cache:
the first open ever) and warm (opened before). Times:

- open: `enter` in the library until the article's first body sentence is on screen;
- `G`: until its last sentence is on screen;
- `j`: each of `--moves` presses (60 ms apart) until the screen shows the cursor moved
  (capture-pane polling costs ~2 ms, the resolution).

    python bench/big_shapes.py [--runs 3] [--moves 20] [--megabytes 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _tmux import Pane, capture  # noqa: E402
from _workspace import BENCH_DIR, BIG_BEGIN, BIG_END, REPO, VENV_BIN, clear_cache  # noqa: E402

ENV = {"NEWSTAG_ANNOTATOR": "bench", "PATH": f"{VENV_BIN}:/usr/bin:/bin", "COLORTERM": "truecolor",
       "PYTHONDONTWRITEBYTECODE": "", "PYTHONPATH": str(REPO)}  # this tree, not the installed one
NEWSTAG = f"{VENV_BIN}/newstag"
SHAPES = {"blank lines": "\n\n", "single newlines": "\n", "CRLF single newlines": "\r\n",
          "one line": " "}


def shape_workspace(name: str, sep: str, megabytes: float) -> Path:
    """A workspace whose only article is ~`megabytes` MB of the seeds' paragraphs, `sep` between."""
    root = BENCH_DIR / f"ws-shape-{name.replace(' ', '-')}-{megabytes:g}"
    big = root / "seeds" / "big.txt"
    if big.exists():
        return root
    shutil.rmtree(root, ignore_errors=True)
    (root / "seeds").mkdir(parents=True)
    (root / "tags").mkdir()
    shutil.copyfile(REPO / "tags" / "labels.yaml", root / "tags" / "labels.yaml")
    paras = [" ".join(p.split()) for s in sorted((REPO / "seeds").glob("*.txt"))
             for p in s.read_text(encoding="utf-8").split("\n\n")[2:] if len(p) > 200]
    body, size, i = [f"{BIG_BEGIN} is the first sentence of the body."], 0, 0
    while size < megabytes * 1_000_000:
        body.append(paras[i % len(paras)])
        size += len(body[-1]) + len(sep)
        i += 1
    body.append(f"The last sentence is {BIG_END}.")
    nl = "\r\n" if sep == "\r\n" else "\n"
    text = f"A very long article in one shape for the reader benchmark{nl}{nl}" + sep.join(body)
    big.write_bytes((text + nl).encode("utf-8"))
    return root


def _moves(pane: Pane, n: int) -> list[float]:
    out = []
    for _ in range(n):
        before = capture(pane.session)
        t0 = time.perf_counter()
        pane.keys("j")
        while capture(pane.session) == before:
            if time.perf_counter() - t0 > 5:
                break
        out.append(time.perf_counter() - t0)
        time.sleep(0.06)
    return out


def run(root: Path, cold: bool, moves: int) -> tuple[float, float, list[float]]:
    if cold:
        clear_cache(root)
    for state in (root / ".newstag").glob("state*.json"):  # reading positions (per annotator)
        state.unlink()
    with Pane.start(root, ENV) as pane:
        pane.run(NEWSTAG, ["1 articles"], timeout=120)  # the library, its only row highlighted
        time.sleep(0.5)
        t0 = time.perf_counter()
        pane.keys("Enter")
        opened = pane.wait_for([BIG_BEGIN], timeout=120, t0=t0)[BIG_BEGIN]
        time.sleep(0.3)
        js = _moves(pane, moves)
        t0 = time.perf_counter()
        pane.keys("G")
        end = pane.wait_for([BIG_END], timeout=120, t0=t0)[BIG_END]
        time.sleep(3.0 if cold else 0.3)  # the background count writes the span cache
        pane.keys("q")
        time.sleep(0.3)
    return opened, end, js


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--moves", type=int, default=20)
    ap.add_argument("--megabytes", type=float, default=3.0)
    args = ap.parse_args(argv)
    print(f"load average before: {os.getloadavg()[0]:.1f}; {os.cpu_count()} cores; tmux 120x40\n")
    print("| shape | span cache | runs | open, median (max) s | `G`, median (max) s "
          "| `j` → screen, median / p90 / max ms |")
    print("|---|---|---|---|---|---|")
    for name, sep in SHAPES.items():
        root = shape_workspace(name, sep, args.megabytes)
        for cold in (True, False):
            runs = [run(root, cold, args.moves) for _ in range(args.runs)]
            opened, ended = [r[0] for r in runs], [r[1] for r in runs]
            js = sorted(x for r in runs for x in r[2])
            p90 = js[int(0.9 * (len(js) - 1))]
            print(f"| {name} | {'none (first open)' if cold else 'warm'} | {len(runs)} | "
                  f"{statistics.median(opened):.3f} ({max(opened):.3f}) | "
                  f"{statistics.median(ended):.3f} ({max(ended):.3f}) | "
                  f"{statistics.median(js) * 1e3:.1f} / {p90 * 1e3:.1f} / {js[-1] * 1e3:.1f} |",
                  flush=True)
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
