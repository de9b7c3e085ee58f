"""Throwaway workspaces for the benchmarks: the seeds, or a generated corpus of N articles.

Generated corpora come from `bench/gen_corpus.py` and are kept under `$NEWSTAG_BENCH_DIR`
(default /tmp/newstag-bench) between runs, since 100,000 articles take minutes to write.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(os.environ.get("NEWSTAG_BENCH_DIR", "/tmp/newstag-bench"))
VENV_BIN = Path(sys.executable).parent
LABELS = REPO / "tags" / "labels.yaml"
BIG_BEGIN, BIG_END = "BEGIN-OF-BIG-ARTICLE", "END-OF-BIG-ARTICLE"


def _labels(root: Path) -> None:
    (root / "tags").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(LABELS, root / "tags" / "labels.yaml")


def seeds_workspace(name: str = "ws-seeds") -> Path:
    """A fresh copy of the seeds with the repo's label set and no tags, no cache."""
    root = BENCH_DIR / name
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(REPO / "seeds", root / "seeds")
    _labels(root)
    return root


def generated_workspace(n: int, words: int = 600) -> Path:
    """`corpus/` with n generated articles (made once, then reused); tags/ holds labels only."""
    sys.path.insert(0, str(REPO / "bench"))
    import gen_corpus  # noqa: PLC0415 - the search engineer's generator, shared by all benches

    root = BENCH_DIR / f"ws-{n}"
    done = root / f".generated-{n}-{words}"
    if not done.exists():
        shutil.rmtree(root, ignore_errors=True)
        print(f"generating {n:,} articles in {root} (once) ...", file=sys.stderr, flush=True)
        gen_corpus.generate(root / "corpus", n, words)
        done.write_text("ok")
    shutil.rmtree(root / "tags", ignore_errors=True)
    _labels(root)
    return root


def big_article_workspace(megabytes: float = 3.0) -> Path:
    """The seeds plus one article of about `megabytes` MB made of the seeds' paragraphs.

    Made once and kept (with its `.newstag/` caches) for the next benchmark; callers that want
    a cold start clear the cache themselves.
    """
    root = BENCH_DIR / f"ws-big-{megabytes:g}"
    big = root / "seeds" / "zzz_big.txt"
    if big.exists():
        return root
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(REPO / "seeds", root / "seeds")
    _labels(root)
    paras = [
        p
        for s in sorted((REPO / "seeds").glob("*.txt"))
        for p in s.read_text(encoding="utf-8").split("\n\n")[2:]
        if len(p) > 200
    ]
    out = [
        "A very long article made of the seeds for the reader benchmark",
        "",
        f"{BIG_BEGIN} is the first sentence of the body.",
        "",
    ]
    size, i = 0, 0
    while size < megabytes * 1_000_000:
        para = paras[i % len(paras)]
        out += [para, ""]
        size += len(para.encode()) + 2
        i += 1
    out += [f"The last sentence is {BIG_END}.", ""]
    big.write_text("\n".join(out), encoding="utf-8")
    return root


def warm_spans(root: Path) -> None:
    """Segment every article of the workspace into its span cache (what a first open leaves)."""
    sys.path.insert(0, str(REPO))
    from tui.core.segcache import SegmentCache, segment_parallel

    cache = SegmentCache.for_workspace_cache(root / ".newstag")
    for path in sorted((root / "seeds").glob("*.txt")):
        segment_parallel(path.read_text(encoding="utf-8"), workers=2, cache=cache)


def clear_cache(root: Path) -> None:
    shutil.rmtree(root / ".newstag", ignore_errors=True)


def first_title(root: Path) -> str:
    """The title the library shows on its first row (to wait for on screen)."""
    sys.path.insert(0, str(REPO))
    from tui.core.library import load_library
    from tui.core.workspace import open_workspace

    lib = load_library(open_workspace(root, annotator="bench"))
    return lib[0].title
