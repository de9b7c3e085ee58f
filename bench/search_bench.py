"""Search benchmark: bare Whoosh vs newstag's layer on the same generated corpus, in one run.

    python bench/search_bench.py [--sizes 1000 10000] [--work /tmp/newstag-bench] [--ours-max N]

For each size: build a bare Whoosh article-level index (one process, then procs=2 multisegment),
build newstag's index (articles + sentences + tags, as `newstag index --rebuild` does) cold (no
sentence cache: pySBD runs on every article) and warm (a rebuild, spans from the sentence cache),
then time queries: bare Whoosh on its own article index; bare Whoosh on newstag's index (the same
article-level query on its article documents, top 20, stored fields read); newstag's
`SearchIndex.search` (parsing, article then sentence ranking, KWIC records, highlights), and the
keystrokes of typing a query (`typing=True`: the last word is also a prefix). Last, one changed
article, one tag change and a no-op update, incrementally. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whoosh import index as windex  # noqa: E402  (bench only: measuring bare Whoosh)
from whoosh import query as wq  # noqa: E402
from whoosh.fields import ID, TEXT, Schema  # noqa: E402
from whoosh.qparser import QueryParser  # noqa: E402

from bench.gen_corpus import generate  # noqa: E402
from tui.core import articles  # noqa: E402
from tui.core.search import SearchIndex  # noqa: E402
from tui.core.search.engine import TYPING_SECONDS, Budget  # noqa: E402
from tui.core.search.prepare import prepare  # noqa: E402
from tui.core.search.whoosh_engine import INDEX_NAME, analyzer  # noqa: E402
from tui.core.tagging import TaggingSession  # noqa: E402
from tui.core.tagstore import TagStore  # noqa: E402
from tui.core.workspace import open_workspace  # noqa: E402

WORDS = ["ammunition", "satellite", "putin", "weapons", "sanctions", "technology", "concerns",
         "vladivostok", "warned", "cooperation"]
ANDS = ["kim ammunition", "russia technology", "putin warned", "weapons sanctions",
        "satellite cooperation", "north korea", "military inventory", "advanced fighter",
        "serious concerns", "arms deal"]
PHRASES = ['"supply ammunition"', '"advanced weapons"', '"north korean leader"', '"fighter jet"',
           '"serious concerns"', '"arms deal"', '"military inventory"', '"kim jong un"',
           '"weapons technology"', '"united nations"']
# What the search screen sends while "ammunition supply" is typed (it waits for 2 characters).
TYPED = ["am", "amm", "ammu", "ammun", "ammunition", "ammunition s", "ammunition su",
         "ammunition sup", "ammunition supply"]
REPS = 5
BARE_PROCS = 2  # --bare-procs 1 skips the multi-process bare build (large sizes)


def p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] * 1000


def corpus(work: Path, n: int) -> Path:
    root = work / f"ws{n}"
    folder = root / "corpus"
    if not (folder.is_dir() and len(os.listdir(folder)) == n):
        shutil.rmtree(root, ignore_errors=True)
        generate(folder, n)
        (root / "tags").mkdir(parents=True, exist_ok=True)
        shutil.copy(Path(__file__).resolve().parent.parent / "tags" / "labels.yaml", root / "tags")
    return root


def bare_build(root: Path, procs: int) -> tuple[float, Path]:
    path = root / f"bare-{procs}"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    schema = Schema(id=ID(stored=True, unique=True), title=TEXT(analyzer=analyzer()),
                    body=TEXT(analyzer=analyzer(), phrase=True))
    ix = windex.create_in(str(path), schema)
    t0 = time.perf_counter()
    kw = {"procs": procs, "multisegment": True} if procs > 1 else {}
    w = ix.writer(limitmb=256, **kw)
    for f in sorted((root / "corpus").iterdir()):
        text = f.read_text(encoding="utf-8")
        w.add_document(id=f.stem, title=text.split("\n", 1)[0], body=text)
    w.commit()
    return time.perf_counter() - t0, path


def timed(fn, queries: list[str]) -> list[float]:  # noqa: ANN001
    out = []
    for _ in range(REPS):
        for q in queries:
            t0 = time.perf_counter()
            fn(q)
            out.append(time.perf_counter() - t0)
    return out


def bare_searcher(path: Path, field: str, restrict: wq.Query | None, indexname: str | None = None):
    ix = windex.open_dir(str(path), indexname=indexname or None)
    s = ix.searcher()
    qp = QueryParser(field, ix.schema)

    def run(q: str) -> None:
        parsed = qp.parse(q)
        if restrict is not None:
            parsed = wq.And([parsed, restrict])
        for hit in s.search(parsed, limit=20):
            hit.fields()
    return run


def bench_size(work: Path, n: int, ours: bool, rows: list[str], warm: bool = True,
               reuse: bool = False) -> None:
    root = corpus(work, n)
    row: dict[str, str] = {"n": f"{n:,}"}
    bare1 = root / "bare-1"
    t1 = t2 = 0.0
    if not (reuse and bare1.is_dir()):
        t1, bare1 = bare_build(root, 1)
        row["bare1"] = f"{n / t1:.0f}/s ({t1:.0f} s)"
        if BARE_PROCS > 1:
            t2, _ = bare_build(root, 2)
            row["bare2"] = f"{n / t2:.0f}/s ({t2:.0f} s)"
    sample = sorted((root / "corpus").iterdir())[:200]
    t0 = time.perf_counter()
    for f in sample:
        prepare(f)
    row["seg"] = f"{len(sample) / (time.perf_counter() - t0):.0f}/s"
    run_bare_art = bare_searcher(bare1, "body", None)
    lat = {k: timed(run_bare_art, qs) for k, qs in (("w", WORDS), ("a", ANDS), ("p", PHRASES))}
    row["bare_q"] = " / ".join(f"{p(lat[k], .95):.0f}" for k in "wap")
    if ours:
        ws = open_workspace(root, annotator="bench")
        if not reuse:
            shutil.rmtree(ws.cache, ignore_errors=True)
        index = SearchIndex(ws)
        t0 = time.perf_counter()
        rep = index.ensure(rebuild=not reuse, timeout=5)
        tb = time.perf_counter() - t0
        if rep.rebuilt:
            row["ours_build"] = f"{n / tb:.0f}/s ({tb:.0f} s, {rep.sentences:,} sentences)"
            if t1 and t2:
                row["ratio"] = f"{t2 / tb:.2f}x / {t1 / tb:.2f}x"
        if warm:
            t0 = time.perf_counter()
            index.ensure(rebuild=True, timeout=5)
            tw = time.perf_counter() - t0
            row["warm"] = f"{n / tw:.0f}/s ({tw:.0f} s)"
        run_bare_ours = bare_searcher(index.path, "body", None, INDEX_NAME)
        # the question newstag answers (the 20 best sentences), asked of Whoosh directly
        run_bare_sent = bare_searcher(index.path, "text", wq.Term("kind", "s"), INDEX_NAME)
        ours_lat, bare_lat, sent_lat = {}, {}, {}
        for k, qs in (("w", WORDS), ("a", ANDS), ("p", PHRASES), ("t", TYPED)):
            # interleave so machine noise hits all alike
            bare_lat[k], ours_lat[k], sent_lat[k] = [], [], []
            for _ in range(2):
                bare_lat[k] += timed(run_bare_ours, qs)
                if k == "t":  # what the search screen does per keystroke: a quick look ...
                    ours_lat[k] += timed(lambda q: index.search(
                        q, 20, typing=True, budget=Budget(TYPING_SECONDS)), qs)
                    # ... then the complete ranking, unless the next keystroke cancels it
                    sent_lat[k] += timed(lambda q: index.search(q, 20, typing=True), qs)
                else:
                    ours_lat[k] += timed(lambda q: index.search(q, 20), qs)
                    sent_lat[k] += timed(run_bare_sent, qs)
        row["same_bare_q"] = " / ".join(f"{p(bare_lat[k], .95):.0f}" for k in "wap")
        row["sent_bare_q"] = " / ".join(f"{p(sent_lat[k], .95):.0f}" for k in "wap")
        row["ours_q"] = " / ".join(f"{p(ours_lat[k], .95):.0f}" for k in "wap")
        row["typed"] = f"{p(ours_lat['t'], .95):.0f} / {p(sent_lat['t'], .95):.0f}"
        # Paired, query by query: each query timed bare then newstag (the order alternating),
        # REPS times; its overhead is the ratio of its two medians.
        paired = {}
        for k, qs in (("w", WORDS), ("a", ANDS)):
            ratios = []
            for q in qs:
                tb, to = [], []
                for rep in range(REPS):
                    pair = [(tb, run_bare_ours), (to, lambda x: index.search(x, 20))]
                    for out, fn in (pair if rep % 2 == 0 else pair[::-1]):
                        t0 = time.perf_counter()
                        fn(q)
                        out.append(time.perf_counter() - t0)
                ratios.append(statistics.median(to) / statistics.median(tb) - 1)
            paired[k] = (statistics.median(ratios), max(ratios))
        row["paired"] = " / ".join(f"{a * 100:+.0f}% ({b * 100:+.0f}%)" for a, b in
                                   (paired["w"], paired["a"]))
        over = [(p(ours_lat[k], .95) / p(bare_lat[k], .95) - 1,
                 statistics.median(ours_lat[k]) / statistics.median(bare_lat[k]) - 1) for k in "wa"]
        row["overhead"] = " / ".join(f"{a * 100:+.0f}% ({b * 100:+.0f}%)" for a, b in over)
        # one changed article, incrementally
        f = sorted((root / "corpus").iterdir())[n // 2]
        late = "\nA late paragraph about zeppelins.\n"
        f.write_text(f.read_text(encoding="utf-8") + late, encoding="utf-8")
        t0 = time.perf_counter()
        rep = index.ensure(timeout=5)
        tc = time.perf_counter() - t0
        assert not rep.rebuilt and rep.changed == 1, rep
        assert index.search("zeppelins", 5).hits
        t0 = time.perf_counter()
        index.ensure(timeout=5)
        tn = time.perf_counter() - t0
        # one tag saved in the TUI's way, then applied to the index
        session = TaggingSession(TagStore(ws.tags), "bench", ["speculation"])
        art = articles.load(f)
        session.open(art)
        s = art.sentences()[3]
        session.toggle(art, [(s.start, s.end)], "speculation")
        t0 = time.perf_counter()
        index.update_tags(art.id)
        tt = time.perf_counter() - t0
        row["incr"] = f"{tc * 1000:.0f} ms / {tt * 1000:.0f} ms / {tn * 1000:.0f} ms"
        index.close()
    rows.append("| " + " | ".join(row.get(k, "—") for k in COLS) + " |")
    print(rows[-1], flush=True)


COLS = ["n", "bare1", "bare2", "ours_build", "ratio", "warm", "seg", "bare_q", "same_bare_q",
        "sent_bare_q", "ours_q", "overhead", "paired", "typed", "incr"]
HEADER = ("| articles | bare build, 1 proc | bare build, procs=2 multisegment | newstag build, "
          "cold | cold vs bare (procs=2 / 1 proc) | newstag rebuild, warm sentence cache | pySBD "
          "segmentation alone, 1 proc | bare Whoosh p95 ms, own article index (word / AND / "
          "phrase) | bare Whoosh "
          "p95 ms, newstag's index | bare Whoosh p95 ms, top 20 sentence documents of newstag's "
          "index | newstag p95 ms | newstag overhead, p95 (median), word / AND | "
          "overhead query by query, median (worst) of 10, word / AND | "
          "as-you-type p95 ms: first hits (budget) / complete ranking | one changed article / "
          "one tag / no-op update |")


def main() -> None:
    global BARE_PROCS, REPS
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--work", type=Path, default=Path("/tmp/newstag-bench"))
    ap.add_argument("--no-warm", action="store_true", help="skip the warm rebuild")
    ap.add_argument("--bare-procs", type=int, default=2, choices=(1, 2),
                    help="1: only the one-process bare build")
    ap.add_argument("--reuse", action="store_true",
                    help="reuse the indexes of an earlier run (queries and updates only)")
    ap.add_argument("--ours-max", type=int, default=10**9,
                    help="skip newstag's build above this size")
    ap.add_argument("--reps", type=int, default=REPS,
                    help="repetitions of each query (phrases at 100k take seconds each)")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    BARE_PROCS = args.bare_procs
    REPS = args.reps
    print(HEADER)
    print("|" + "---|" * len(COLS), flush=True)
    rows: list[str] = []
    for n in args.sizes:
        bench_size(args.work, n, n <= args.ours_max, rows, warm=not args.no_warm,
                   reuse=args.reuse)


if __name__ == "__main__":
    main()
