"""Speed of the twins (issue 12): a whole corpus linked, one article's twins on open, one new
article linked incrementally.

    python bench/claims_speed.py [--n 10000] [--dir /tmp/newstag-bench/claims-N]

The corpus is real sentences (bench/claims_corpus.py: Lee corpus + seeds). Steps, each timed
in this process (prints the machine load before and after, since the machine is shared):
  1. segment every article into the segment cache (what the library/search also pay once);
  2. link the whole corpus from scratch (`build` + `save`), sentence spans from the cache;
  3. `load` the cached index (what the reader does once, in the background) and `twins_of` for
     200 articles (what each article open costs after that);
  4. write one new article (a seed's text, reworded) and bring the index up to date
     (`open_index`: stat the corpus, link the one article, save), and `link_article` alone.
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
    root = a.dir or Path(os.environ.get("NEWSTAG_BENCH_DIR", "/tmp/newstag-bench")) / f"claims-{a.n}"
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

    t = time.perf_counter()
    idx = cidx.build(ws, files=files)
    built = time.perf_counter() - t
    t = time.perf_counter()
    cidx.save(idx, ws)
    saved = time.perf_counter() - t
    rows.append(("link the whole corpus (`build`, spans from the cache)", f"{built:.1f} s"))
    rows.append(("save the index under .newstag/claims/", ms(saved)))
    rows.append(("links / claims", f"{len(idx.links)} / {len(idx.claims())}"))

    t = time.perf_counter()
    loaded = cidx.load(ws)
    t_load = time.perf_counter() - t
    assert loaded is not None
    rows.append(("`load` the cached index (once, in the background)", ms(t_load)))
    ids = random.Random(3).sample(sorted(files), min(200, len(files)))
    first = time.perf_counter()
    loaded.twins_of(ids[0])
    rows.append(("first `twins_of` (groups every link once)", ms(time.perf_counter() - first)))
    times = []
    for aid in ids:
        t = time.perf_counter()
        loaded.twins_of(aid)
        times.append(time.perf_counter() - t)
    times.sort()
    rows.append(("`twins_of` one article after that: median / p95 / max",
                 f"{ms(statistics.median(times))} / {ms(times[int(0.95 * len(times)) - 1])} / "
                 f"{ms(times[-1])}"))

    seed = (ROOT / "seeds" / "004_0413e7c0cc1f7413.txt").read_text(encoding="utf-8")
    new = corpus / "zz_new_article.txt"
    new.write_text(seed.replace("Observers believe", "Analysts think"), encoding="utf-8")
    try:
        t = time.perf_counter()
        fresh = cidx.open_index(ws)
        rows.append(("one new article: `open_index` (stat all, link it, save)",
                     ms(time.perf_counter() - t)))
        t = time.perf_counter()
        n = cidx.link_article(fresh, ws, new.stem, new)
        rows.append((f"one new article: `link_article` alone ({n} links)",
                     ms(time.perf_counter() - t)))
    finally:
        new.unlink()
        cidx.open_index(ws)
    print("\n| step | time |\n|---|---|")
    for what, value in rows:
        print(f"| {what} | {value} |")
    print(f"\nload average after: {load_avg()}")


if __name__ == "__main__":
    main()
