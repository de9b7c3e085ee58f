"""Sentence segmentation throughput: the splitter cold, the span cache warm, a process pool.

    python bench/segment.py [--articles 400] [--megabytes 3]

Prints a Markdown table. Articles come from a generated corpus (bench/gen_corpus.py); the big
article is the seeds' paragraphs repeated to the given size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _workspace import big_article_workspace, generated_workspace  # noqa: E402

from tui.core import segcache  # noqa: E402
from tui.core.sentences import segment_tuples  # noqa: E402


def timed(fn, *args, **kw):
    t = time.perf_counter()
    out = fn(*args, **kw)
    return time.perf_counter() - t, out


def row(what: str, seconds: float, chars: int, note: str = "") -> str:
    return f"| {what} | {seconds:.3f} | {chars / seconds / 1e6:.3f} | {note} |"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--megabytes", type=float, default=3.0)
    args = ap.parse_args(argv)
    corpus = generated_workspace(10_000) / "corpus"
    paths = sorted(corpus.glob("*.txt"))[: args.articles]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    chars = sum(map(len, texts))
    print(
        f"{len(paths)} generated articles, {chars / 1e6:.2f} M chars; "
        f"{segcache.default_workers()} cores\n"
    )
    print("| what | seconds | M chars/s | note |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        cache = segcache.SegmentCache(Path(tmp) / "c1")
        secs, _ = timed(lambda: [segcache.spans_for(t, cache) for t in texts])
        print(row("segment_tuples per text, cold, 1 process (and cache filled)", secs, chars),
              flush=True)
        secs, _ = timed(lambda: [segcache.spans_for(t, cache) for t in texts])
        print(
            row(
                "same texts from the span cache",
                secs,
                chars,
                f"{secs / len(texts) * 1e6:.0f} µs per article",
            ),
            flush=True,
        )
        for workers in (1, 2):
            c = segcache.SegmentCache(Path(tmp) / f"pool{workers}")
            secs, res = timed(lambda c=c, w=workers: list(segcache.segment_files(paths, c, w)))
            assert all(r.spans for r in res)
            print(
                row(
                    f"segment_files, cold, workers={workers}",
                    secs,
                    chars,
                    "includes reading the files and starting the pool",
                ),
                flush=True,
            )
        secs, _ = timed(lambda: list(segcache.segment_files(paths, c, 2)))
        print(row("segment_files, warm cache, workers=2", secs, chars), flush=True)

        big = (big_article_workspace(args.megabytes) / "seeds" / "zzz_big.txt").read_text(
            encoding="utf-8"
        )
        n = len(big)
        note = f"{n / 1e6:.1f} M chars"
        secs1, one = timed(segment_tuples, big)
        print(row("big article, cold, 1 process", secs1, n, note), flush=True)
        bc = segcache.SegmentCache(Path(tmp) / "big")
        secs2, two = timed(segcache.segment_parallel, big, None, 2, bc)
        assert two == one
        print(row("big article, cold, segment_parallel on 2 processes", secs2, n, note), flush=True)
        reads = [timed(bc.get, segcache.text_sha256(big), n)[0] for _ in range(5)]
        sha = [timed(segcache.text_sha256, big)[0] for _ in range(5)]
        print(
            row(
                "big article, from the span cache (read only)",
                statistics.median(reads),
                n,
                f"+ {statistics.median(sha) * 1e3:.0f} ms to hash the text",
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
