"""Speed of the twins (issue 12): a whole corpus linked, one article's twins on open, one new
article linked incrementally.

    python bench/claims_speed.py [--n 10000] [--dir /tmp/newstag-bench/claims-N]

The corpus is real sentences (bench/claims_corpus.py: Lee corpus + seeds). Steps, each timed
in this process (prints the machine load before and after, since the machine is shared):
  1. segment every article into the segment cache (what the library/search also pay once);
  2. link the whole corpus from scratch (`build` + `save`), sentence spans from the cache;
  3. `twins` for 200 articles (what the reader asks on each article open: one SQLite query),
     then `load` every link and cluster them (the claims view, the CLI);
  4. write one new article (a seed's text, reworded) and `refresh` (stat the corpus, link the
     one article against its candidates, replace its rows in the store).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from claims_corpus import make  # noqa: E402

from tui.core.claims import index as cidx  # noqa: E402
from tui.core.segcache import SegmentCache, segment_files  # noqa: E402
from tui.core.workspace import open_workspace  # noqa: E402


def load_avg() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def ms(t: float) -> str:
    return f"{t * 1000:.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--dir", type=Path, default=None)
    ap.add_argument("--workers", type=int, default=2, help="processes for the segmentation")
    a = ap.parse_args()
    bench_dir = Path(os.environ.get("NEWSTAG_BENCH_DIR", "/tmp/newstag-bench"))
    root = a.dir or bench_dir / f"claims-{a.n}"
    corpus = root / "corpus"
    if not corpus.is_dir() or len(list(corpus.iterdir())) != a.n:
        make(corpus, a.n)
        (root / "tags").mkdir(exist_ok=True)
    ws = open_workspace(root, annotator="bench")
    print(f"corpus {corpus}: {a.n} articles; load average before: {load_avg()}")
    rows: list[tuple[str, str]] = []

    files = cidx.corpus_files(ws)
    cache = SegmentCache.for_workspace_cache(ws.cache)
    t = time.perf_counter()
    for _ in segment_files(list(files.values()), cache, workers=a.workers):
        pass
    rows.append(("segment every article into the cache (once per text, shared with the reader)",
                 f"{time.perf_counter() - t:.1f} s"))

    t, cpu = time.perf_counter(), time.process_time()
    idx = cidx.build(ws, files=files)
    built, built_cpu = time.perf_counter() - t, time.process_time() - cpu
    t = time.perf_counter()
    cidx.save(idx, ws)
    saved = time.perf_counter() - t
    rows.append(("link the whole corpus (`build`, spans from the cache): wall / CPU",
                 f"{built:.1f} s / {built_cpu:.1f} s"))
    rows.append(("save the index under .newstag/claims/", ms(saved)))
    rows.append(("links", f"{len(idx.links)}"))

    ids = random.Random(3).sample(sorted(files), min(200, len(files)))
    times = []
    for aid in ids:
        t = time.perf_counter()
        cidx.twins(ws, aid)
        times.append(time.perf_counter() - t)
    times.sort()
    rows.append(("twins of one article on open (`twins`: one SQLite query): median / p95 / max",
                 f"{ms(statistics.median(times))} / {ms(times[int(0.95 * len(times)) - 1])} / "
                 f"{ms(times[-1])}"))
    t = time.perf_counter()
    loaded = cidx.load(ws)
    rows.append(("`load` every link (claims view, CLI)", ms(time.perf_counter() - t)))
    assert loaded is not None
    t = time.perf_counter()
    n_claims = len(loaded.claims())
    rows.append((f"cluster into claims ({n_claims})", ms(time.perf_counter() - t)))

    seed = (ROOT / "seeds" / "004_0413e7c0cc1f7413.txt").read_text(encoding="utf-8")
    new = corpus / "zz_new_article.txt"
    new.write_text(seed.replace("Observers believe", "Analysts think"), encoding="utf-8")
    try:
        t = time.perf_counter()
        cidx.refresh(ws)
        rows.append(("one new article: `refresh` (stat the corpus, link it, write its rows)",
                     ms(time.perf_counter() - t)))
        rows.append(("... its twins", f"{sum(len(v) for v in cidx.twins(ws, new.stem).values())}"))
    finally:
        new.unlink()
        cidx.refresh(ws)
    print("\n| step | time |\n|---|---|")
    for what, value in rows:
        print(f"| {what} | {value} |")
    print(f"\nload average after: {load_avg()}")


if __name__ == "__main__":
    main()
