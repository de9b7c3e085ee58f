"""Suggestions' cost: proposing for an article (once per open), and `j` with and without ghosts.

(a) `propose` on each seed and on a 3 MB article made of the seeds (cue regexes + the per-
    sentence model), what the reader does once per article (inline under 20,000 characters,
    else in a worker);
(b) training the team's model and its cross-validated gate on N synthetic tags;
(c) `j` in the reader (Pilot, in-process) over the seeds with the default cues and with no cues,
    side by side in one run: the time from the key to the cursor's screen line being drawn.

    python bench/suggest_bench.py [--presses 60] [--megabytes 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _workspace import big_article_workspace, warm_spans  # noqa: E402

from tui.core import articles  # noqa: E402
from tui.core.labels import load_labels  # noqa: E402
from tui.core.segcache import SegmentCache  # noqa: E402
from tui.core.suggest.cues import CueMatcher  # noqa: E402
from tui.core.suggest.engine import propose  # noqa: E402
from tui.core.suggest.model import gated  # noqa: E402


def load_avg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def bench_propose(megabytes: float) -> None:
    labels = load_labels(REPO / "tags" / "labels.yaml")
    matcher = CueMatcher.from_labels(labels.labels)
    for path in sorted((REPO / "seeds").glob("*.txt")):
        art = articles.load(path)
        sents = [(s.start, s.end, s.chrome) for s in art.sentences()]
        times = []
        for _ in range(50):
            t0 = time.perf_counter()
            found = propose(art.id, art.text, sents, matcher)
            times.append(time.perf_counter() - t0)
        print(f"  propose {art.id}: {len(sents)} sentences, {len(found)} suggestions, "
              f"median {statistics.median(times) * 1e3:.3f} ms")
    root = big_article_workspace(megabytes)
    warm_spans(root)
    art = articles.load(root / "seeds" / "zzz_big.txt",
                        SegmentCache.for_workspace_cache(root / ".newstag"))
    sents = [(s.start, s.end, s.chrome) for s in art.sentences()]
    pos = [art.text[a:b] for a, b, _ in sents[:400] if " may " in art.text[a:b]] * 5
    neg = [art.text[a:b] for a, b, _ in sents[:2000] if " may " not in art.text[a:b]]
    _gate, model = gated("speculation", pos[:60], neg)
    for name, models in (("cues only", None), ("cues + a model", {"speculation": model}
                                                  if model else None)):
        t0 = time.perf_counter()
        found = propose(art.id, art.text, sents, matcher, models)
        took = time.perf_counter() - t0
        print(f"  propose {len(art.text) / 1e6:.1f} MB article ({name}): {len(sents)} sentences, "
              f"{len(found)} suggestions, {took * 1e3:.0f} ms (in a worker: never on `j`)")


def bench_training(n: int) -> None:
    rnd = random.Random(1)
    words = ["the", "visit", "talks", "week", "city", "train", "leader", "nations",
             "cooperation", "deal", "may", "might", "said", "warned", "experts", "believe",
             "officials", "confirmed"]
    pos = [" ".join(rnd.choice(words) for _ in range(20)) + " may happen" for _ in range(n)]
    neg = [" ".join(rnd.choice(words) for _ in range(20)) for _ in range(n * 10)]
    t0 = time.perf_counter()
    gate, _model = gated("speculation", pos, neg)
    print(f"  train + 5-fold gate on {n} tags and {n * 10} other sentences: "
          f"{(time.perf_counter() - t0) * 1e3:.0f} ms ({gate.why})")


async def j_times(presses: int, cues: bool) -> list[float]:
    sys.path.insert(0, str(REPO / "tests" / "helpers"))
    from tui_helpers import FIRST, make_app, open_reader, workspace

    tmp = Path(tempfile.mkdtemp())
    try:
        ws = workspace(tmp)
        if not cues:
            text = ws.labels_path.read_text(encoding="utf-8")
            lines = [ln for ln in text.splitlines() if "cues:" not in ln and
                     not ln.startswith("           ")]
            ws.labels_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        app = make_app(ws)
        out: list[float] = []
        async with app.run_test(size=(120, 40)) as pilot:
            await open_reader(pilot, FIRST)
            screen = app.screen
            assert bool(screen.found) == cues, "suggestions not as asked"
            for i in range(presses):
                key = "j" if (i // 12) % 2 == 0 else "k"
                t0 = time.perf_counter()
                await pilot.press(key)
                out.append(time.perf_counter() - t0)
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--presses", type=int, default=60)
    ap.add_argument("--megabytes", type=float, default=3.0)
    args = ap.parse_args(argv)
    print(f"load average: {load_avg()}")
    print("(a) proposing, once per article:")
    bench_propose(args.megabytes)
    print("(b) the team's model:")
    for n in (20, 200, 1000):
        bench_training(n)
    print("(c) j / k in the reader on seed 000, Pilot, key to screen updated:")
    for round_ in range(2):  # alternated, so drift in machine load hits both alike
        for cues in (True, False):
            t = asyncio.run(j_times(args.presses, cues))
            print(f"  round {round_ + 1}, {'default cues' if cues else 'no cues    '}: median "
                  f"{statistics.median(t) * 1e3:.1f} ms, p90 "
                  f"{sorted(t)[int(len(t) * 0.9)] * 1e3:.1f} ms over {len(t)} presses")
    print(f"load average: {load_avg()}")


if __name__ == "__main__":
    main()
