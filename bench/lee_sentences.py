"""pySBD against newstag's splitter on the 350 Lee corpus articles (ABC wire copy, 2001-02).

The corpus ships inside gensim's wheel; this script downloads the wheel once into a temporary
folder (`pip download --no-deps gensim==4.4.0`, ~28 MB; nothing is installed) and reads
`gensim/test/test_data/lee_background.cor` (300 articles) and `lee.cor` (50), one article a
line. It prints, for each splitter: sentences that are only punctuation, sentences over 600
characters (several sentences run together), sentences that start with a closing quotation
mark or bracket, and the articles each is seen in; `--show` prints the offending sentences.

    python bench/lee_sentences.py [--wheel PATH] [--show]

pySBD comes from the `bench` extra (`pip install -e .[bench]`); without it only ours is counted.
The test suite never needs this download.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.core.sentences import segment_tuples  # noqa: E402

MEMBERS = ("gensim/test/test_data/lee_background.cor", "gensim/test/test_data/lee.cor")
LONG = 600
_CLOSING_START = re.compile(r"[”’)\]]|\"(\s|$)")

Splitter = Callable[[str], list[tuple[int, int]]]


def lee_articles(wheel: Path | None) -> list[str]:
    """The 350 articles, one per line of the two files, in order."""
    with tempfile.TemporaryDirectory() as tmp:
        if wheel is None:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q",
                            "gensim==4.4.0", "-d", tmp], check=True)
            wheel = next(Path(tmp).glob("gensim-*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            lines = [ln for m in MEMBERS
                     for ln in zf.read(m).decode("utf-8", "replace").splitlines()]
    return [ln for ln in lines if ln.strip()]


def pysbd_splitter() -> Splitter | None:
    try:
        import pysbd
    except ImportError:
        return None
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def spans(text: str) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in seg.segment(text)]

    return spans


def count(name: str, fn: Splitter, articles: list[str], show: bool) -> None:
    punct: list[str] = []
    long: list[str] = []
    closing: list[str] = []
    arts = {"punct": set(), "long": set(), "closing": set()}
    total = 0
    t0 = time.perf_counter()
    for i, text in enumerate(articles):
        for a, b in fn(text):
            s = text[a:b].strip()
            if not s:
                continue
            total += 1
            if not any(c.isalnum() for c in s):
                punct.append(f"lee_{i:03d}: {s!r}")
                arts["punct"].add(i)
            if len(s) > LONG:
                long.append(f"lee_{i:03d} ({len(s)} chars): {s[:90]!r}...")
                arts["long"].add(i)
            if _CLOSING_START.match(s):
                closing.append(f"lee_{i:03d}: {s[:60]!r}")
                arts["closing"].add(i)
    secs = time.perf_counter() - t0
    chars = sum(map(len, articles))
    print(f"| {name} | {total} | {len(punct)} ({len(arts['punct'])} articles) | "
          f"{len(long)} ({len(arts['long'])} articles) | "
          f"{len(closing)} ({len(arts['closing'])} articles) | {chars / secs / 1e6:.2f} |")
    if show:
        for what, items in (("punctuation only", punct), (f"over {LONG}", long),
                            ("starts with a closing mark", closing)):
            for item in items:
                print(f"    {name}, {what}: {item}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, help="a gensim wheel already downloaded")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    articles = lee_articles(args.wheel)
    print(f"{len(articles)} Lee articles, {sum(map(len, articles)):,} characters\n")
    print(f"| splitter | sentences | punctuation-only | over {LONG} chars | starts with a closing "
          "quote/bracket | M chars/s |")
    print("|---|---|---|---|---|---|")
    old = pysbd_splitter()
    if old is not None:
        count("pySBD 0.3.4 (clean=False, char_span=True)", old, articles, args.show)
    count("newstag (sentencex 1.0.32 + rules)", segment_tuples, articles, args.show)


if __name__ == "__main__":
    main()
