"""Splitter throughput side by side in one run: pySBD (what newstag used), sentencex alone, newstag.

Texts: the five seeds (each article whole), and one article of about `--megabytes` MB made of
the seeds' paragraphs (blank lines between). pySBD runs the way newstag ran it (per unit of text,
`clean=False`), sentencex alone is one call per text, newstag is `segment_tuples` (blocks, pieces,
sentencex and the rules). Rounds alternate the splitters so they see the same machine load.

    python bench/splitters.py [--megabytes 1] [--rounds 3]

pySBD comes from the `bench` extra (`pip install -e .[bench]`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.core import sentences as seg  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def texts(megabytes: float) -> dict[str, list[str]]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    paras = [p for s in seeds for p in s.split("\n\n")[2:] if len(p) > 200]
    out, size, i = [], 0, 0
    while size < megabytes * 1e6:
        out.append(paras[i % len(paras)])
        size += len(out[-1]) + 2
        i += 1
    return {"5 seeds": seeds, f"{megabytes:g} MB article": ["\n\n".join(out)]}


def pysbd_fn() -> Callable[[str], object] | None:
    try:
        import pysbd
    except ImportError:
        return None
    sbd = pysbd.Segmenter(language="en", clean=False, char_span=False)

    def run(text: str) -> int:
        return sum(len(sbd.segment(text[u.start:u.end])) for b in seg.blocks(text)
                   for u in seg.units(text, b))

    return run


def sentencex_fn(text: str) -> int:
    import sentencex

    return len(list(sentencex.get_sentence_boundaries("en", text)))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megabytes", type=float, default=1.0)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    fns: dict[str, Callable[[str], object]] = {}
    old = pysbd_fn()
    if old is not None:
        fns["pySBD 0.3.4, per unit"] = old
    fns["sentencex 1.0.32 alone"] = sentencex_fn
    fns["newstag segment_tuples (sentencex + rules)"] = seg.segment_tuples
    print(f"load average before: {os.getloadavg()[0]:.1f}; {os.cpu_count()} cores\n")
    print("| texts | splitter | median s | M chars/s | ÷ pySBD |")
    print("|---|---|---|---|---|")
    for name, group in texts(args.megabytes).items():
        chars = sum(map(len, group))
        secs: dict[str, list[float]] = {k: [] for k in fns}
        for _ in range(args.rounds):
            for k, fn in fns.items():
                t0 = time.perf_counter()
                for t in group:
                    fn(t)
                secs[k].append(time.perf_counter() - t0)
        base = statistics.median(secs[next(iter(fns))])
        for k in fns:
            med = statistics.median(secs[k])
            print(f"| {name} ({chars / 1e6:.2f} M chars) | {k} | {med:.3f} | "
                  f"{chars / med / 1e6:.2f} | {base / med:.0f}× |", flush=True)
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
