"""Search benchmark, article documents: newstag's build and queries against bare engine writers.

    python bench/search_bench.py --sizes 10000 --engines whoosh tantivy
    python bench/search_bench.py --sizes 100000 --engines tantivy --memory

Corpus: real sentences (the Lee corpus shipped with gensim's tests, 349 news articles, and the
seeds) recombined into N articles with varied ids, headlines and dates (`--lee DIR` holds
lee_background.cor and lee.cor; `pip download --no-deps gensim==4.4.0` and unzip them).
For each size and engine, side by side in one run: a bare writer of article documents (read
each file, add one document with id, title and body) and `newstag index --rebuild`, `--builds`
pairs back to back with the median ratio (a shared machine's speed drifts by minutes); then
as-you-type first hits (the budgeted first pass, every keystroke), phrase queries, the complete
grouped answer (first page of articles with their sentences), an update where nothing changed
and one where one article changed; with `--memory`, the peak RSS of `newstag index --rebuild`
in a child process. The load average is printed with every figure (the machine is shared).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.search import SearchIndex  # noqa: E402
from tui.core.search.engine import TYPING_SECONDS, Budget  # noqa: E402
from tui.core.workspace import open_workspace  # noqa: E402
from tui.screens.search import LIMIT, PAGE_ARTICLES  # noqa: E402

TYPED = ["bushfires near sydney", "palestinian security forces", "afghanistan taliban"]
PHRASES = ['"hill top"', '"new south wales"', '"security forces"', '"prime minister"',
           '"the united states"', '"west bank"', '"bin laden"', '"at least"']
COMPLETE = ["fire", "bushfire AND sydney", "palestinian OR israeli", "taliban NOT bombing",
            "minist*", '"prime minister"', "title:fire", "label:speculation",
            "untagged qantas", "date:2023-09 fire"]


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def ms(values: list[float]) -> str:
    return (f"median {statistics.median(values) * 1000:.1f} ms, "
            f"p95 {pct(values, 0.95) * 1000:.1f} ms")


def corpus(work: Path, n: int, lee: Path) -> Path:
    """N articles of recombined real sentences; reused when it is already there."""
    root = work / f"lee{n}"
    seeds = root / "seeds"
    if seeds.is_dir() and sum(1 for _ in os.scandir(seeds)) == n:
        return root
    shutil.rmtree(root, ignore_errors=True)
    seeds.mkdir(parents=True)
    (root / "tags").mkdir()
    shutil.copy(ROOT / "tags" / "labels.yaml", root / "tags" / "labels.yaml")
    texts = []
    for name in ("lee_background.cor", "lee.cor"):
        texts += [t for t in (lee / name).read_text(encoding="latin-1").splitlines() if t.strip()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    arts = [[s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", " ".join(t.split())) if s]
            for t in texts]
    rng = random.Random(n)
    for i in range(n):
        a, b = rng.choice(arts), rng.choice(arts)
        body = a[: rng.randint(3, max(3, len(a)))] + b[: rng.randint(1, max(1, len(b) // 2))]
        paras, k = [], 0
        while k < len(body):
            step = rng.randint(2, 5)
            paras.append(" ".join(body[k : k + step]))
            k += step
        head = " ".join(rng.choice(a).split()[:rng.randint(5, 10)]).rstrip(".,")
        day = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        aid = f"{i:06d}_{rng.getrandbits(48):012x}"
        text = f"{head}\n\nBy Staff Reporter | {day}\n\n" + "\n\n".join(paras) + "\n"
        (seeds / f"{aid}.txt").write_text(text, encoding="utf-8")
    return root


def bare_build(engine: str, corpus_dir: Path, out: Path) -> float:
    """A bare writer of article documents: read every file, one document each, commit."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    t0 = time.perf_counter()
    # Sorted as strings (100k Path objects sort 2x slower), as `newstag index` sorts them.
    paths = [Path(p) for p in sorted(e.path for e in os.scandir(corpus_dir)
                                     if e.name.endswith(".txt"))]
    if engine == "tantivy":
        import tantivy

        b = tantivy.SchemaBuilder()
        b.add_text_field("article", stored=True, tokenizer_name="raw")
        b.add_text_field("title", tokenizer_name="en_stem")
        b.add_text_field("body", tokenizer_name="en_stem")
        ix = tantivy.Index(b.build(), str(out))
        w = ix.writer(heap_size=128_000_000, num_threads=1)
        for p in paths:
            text = p.read_bytes().decode("utf-8")
            w.add_document(tantivy.Document(article=p.stem, title=text.split("\n", 1)[0],
                                            body=text))
        w.commit()
        w.wait_merging_threads()
    else:
        from whoosh import index as windex
        from whoosh.analysis import StemmingAnalyzer
        from whoosh.fields import ID, TEXT, Schema

        stem = StemmingAnalyzer(stoplist=None, minsize=1)
        ix = windex.create_in(str(out), Schema(article=ID(stored=True), title=TEXT(analyzer=stem),
                                               body=TEXT(analyzer=stem, phrase=True)))
        w = ix.writer(limitmb=256)
        for p in paths:
            text = p.read_bytes().decode("utf-8")
            w.add_document(article=p.stem, title=text.split("\n", 1)[0], body=text)
        w.commit()
    return time.perf_counter() - t0


def our_build(root: Path, engine: str) -> tuple[float, SearchIndex]:
    shutil.rmtree(root / ".newstag", ignore_errors=True)
    ws = open_workspace(root, annotator="bench")
    ix = SearchIndex(ws, engine=engine)
    t0 = time.perf_counter()
    ix.ensure(rebuild=True, timeout=60)
    return time.perf_counter() - t0, ix


def typing_times(ix: SearchIndex) -> list[float]:
    out = []
    for q in TYPED:
        for k in range(2, len(q) + 1):
            t0 = time.perf_counter()
            ix.search(q[:k], LIMIT, typing=True, budget=Budget(TYPING_SECONDS),
                      articles=PAGE_ARTICLES)
            out.append(time.perf_counter() - t0)
    return out


def query_times(ix: SearchIndex, queries: list[str], reps: int) -> list[float]:
    out = []
    for _ in range(reps):
        for q in queries:
            t0 = time.perf_counter()
            ix.search(q, LIMIT, articles=PAGE_ARTICLES)  # the screen's first page
            out.append(time.perf_counter() - t0)
    return out


def update_times(root: Path, ix: SearchIndex) -> tuple[float, float, float]:
    """(nothing changed, quick check; nothing changed, full check; one article replaced as
    `git pull` replaces it, quick check)."""
    t0 = time.perf_counter()
    r = ix.ensure(timeout=60)
    nothing = time.perf_counter() - t0
    assert r.touched == 0, r
    t0 = time.perf_counter()
    r = ix.ensure(timeout=60, full=True)
    nothing_full = time.perf_counter() - t0
    assert r.touched == 0, r
    names = sorted(os.listdir(root / "seeds"))
    victim = root / "seeds" / names[len(names) // 2]
    tmp = victim.with_name(".pulling")
    tmp.write_text(victim.read_text(encoding="utf-8") + "\nA late correction was added.\n",
                   encoding="utf-8")
    os.replace(tmp, victim)
    t0 = time.perf_counter()
    r = ix.ensure(timeout=60)
    one = time.perf_counter() - t0
    assert r.changed == 1, r
    return nothing, nothing_full, one


def peak_memory(root: Path, engine: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "tui", "--root", str(root), "index", "--rebuild",
                    "--engine", engine], env=env, check=True, capture_output=True)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # MB (Linux: KB)


def builds(engine: str, n: int, root: Path, args: argparse.Namespace) -> SearchIndex:
    """`--builds` pairs, each a bare writer then `newstag index --rebuild`, back to back: on a
    shared machine one pair can land in a slow minute, so the median ratio is the figure."""
    ratios: list[float] = []
    ix: SearchIndex | None = None
    for k in range(1, args.builds + 1):
        if ix is not None:
            ix.close()
        bare = None
        if not args.no_bare:
            bare = bare_build(engine, root / "seeds", args.work / f"bare-{engine}-{n}")
            print(f"{engine} bare writer #{k}: {bare:.1f} s ({n / bare:.0f} articles/s) "
                  f"[{load()}]", flush=True)
        ours, ix = our_build(root, engine)
        ratio = ""
        if bare is not None:
            ratios.append(bare / ours)
            ratio = f", {bare / ours:.2f}x bare"
        print(f"{engine} newstag build #{k}: {ours:.1f} s ({n / ours:.0f} articles/s){ratio} "
              f"[{load()}]", flush=True)
    if len(ratios) > 1:
        print(f"{engine} build, median of {len(ratios)} pairs: {statistics.median(ratios):.2f}x "
              f"bare (each: {', '.join(f'{r:.2f}' for r in ratios)})", flush=True)
    assert ix is not None
    return ix


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000])
    ap.add_argument("--engines", nargs="+", default=["whoosh", "tantivy"])
    ap.add_argument("--work", type=Path, default=Path("/tmp/newstag-bench"))
    ap.add_argument("--lee", type=Path, default=Path("/tmp/search-lee"))
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--builds", type=int, default=3, help="bare/newstag build pairs")
    ap.add_argument("--memory", action="store_true")
    ap.add_argument("--no-bare", action="store_true")
    ap.add_argument("--reuse", action="store_true", help="keep the index there: queries only")
    args = ap.parse_args()
    for n in args.sizes:
        root = corpus(args.work, n, args.lee)
        print(f"## {n} articles ({root})", flush=True)
        for engine in args.engines:
            if args.reuse:
                ix = SearchIndex(open_workspace(root, annotator="bench"), engine=engine)
                ix.ensure(timeout=60)
            else:
                ix = builds(engine, n, root, args)
            query_times(ix, COMPLETE, 1)  # warm: sentence cache and OS page cache
            print(f"{engine} as-you-type first hits: {ms(typing_times(ix))} [{load()}]", flush=True)
            print(f"{engine} phrase: {ms(query_times(ix, PHRASES, args.reps))} [{load()}]",
                  flush=True)
            print(f"{engine} complete grouped answer: "
                  f"{ms(query_times(ix, COMPLETE, args.reps))} [{load()}]", flush=True)
            nothing, nothing_full, one = update_times(root, ix)
            print(f"{engine} nothing changed: {nothing:.3f} s (quick check), {nothing_full:.2f} s "
                  f"(full check, as `newstag index`); one article replaced: {one:.2f} s "
                  f"[{load()}]", flush=True)
            ix.close()
            if args.memory:
                print(f"{engine} peak RSS of newstag index --rebuild: "
                      f"{peak_memory(root, engine):.0f} MB [{load()}]", flush=True)


if __name__ == "__main__":
    main()
