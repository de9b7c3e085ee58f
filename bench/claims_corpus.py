"""A corpus of real news sentences for the claims benchmarks: the Lee corpus and the seeds.

    python bench/claims_corpus.py OUT_DIR --n 10000 [--lee DIR]

The Lee corpus (gensim's test data: 349 short Australian news stories, 1999–2001) is fetched
with `pip download --no-deps gensim==4.4.0` (only its two .cor files are used). Output: the seeds
as they are, every Lee story as one article, then variants until N articles: a variant of a story
keeps each of its sentences with probability 0.75, drops a word here and there (a rewording
stand-in), shuffles paragraphs and borrows one or two sentences from another story. So a story
has ~N/350 outlets, which is far more near-duplicates per story than real news: a stress test
of linking, not a quality test.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def lee_docs(folder: Path | None = None) -> list[str]:
    """Lines of lee_background.cor and lee.cor, downloaded once into a temp folder."""
    folder = folder or Path(tempfile.gettempdir()) / "newstag-lee"
    files = [folder / "lee_background.cor", folder / "lee.cor"]
    if not all(f.exists() for f in files):
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d",
                        str(folder), "gensim==4.4.0"], check=True)
        wheel = next(folder.glob("gensim-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            for f in files:
                f.write_bytes(z.read(f"gensim/test/test_data/{f.name}"))
    return [ln.strip() for f in files for ln in f.read_text("latin-1").splitlines() if ln.strip()]


def paragraphs(sents: list[str], rnd: random.Random) -> str:
    out, i = [], 0
    while i < len(sents):
        k = rnd.randint(1, 3)
        out.append(" ".join(sents[i : i + k]))
        i += k
    return "\n\n".join(out) + "\n"


def reword(s: str, rnd: random.Random) -> str:
    words = s.split()
    if len(words) > 8 and rnd.random() < 0.5:
        del words[rnd.randrange(1, len(words) - 1)]
    return " ".join(words)


def make(out: Path, n: int, lee: Path | None = None, seed: int = 7) -> int:
    rnd = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    stories = [_SPLIT.split(d) for d in lee_docs(lee)]
    written = 0
    for p in sorted((REPO / "seeds").glob("*.txt")):
        (out / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
        written += 1
    for i, sents in enumerate(stories):
        if written >= n:
            return written
        (out / f"lee_{i:04d}.txt").write_text(paragraphs(sents, rnd), encoding="utf-8")
        written += 1
    k = 0
    while written < n:
        base = stories[k % len(stories)]
        other = stories[rnd.randrange(len(stories))]
        sents = [reword(s, rnd) for s in base if rnd.random() < 0.75] or base[:1]
        sents.insert(rnd.randrange(len(sents) + 1), rnd.choice(other))
        (out / f"var_{k:05d}.txt").write_text(paragraphs(sents, rnd), encoding="utf-8")
        written += 1
        k += 1
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--lee", type=Path, default=None)
    a = ap.parse_args()
    print(f"{make(a.out, a.n, a.lee)} articles in {a.out}")


if __name__ == "__main__":
    main()
