"""Headlines and chrome on the 350 Lee articles (ABC news 2001-02, shipped inside gensim's wheel).

Prints, for the tree on PYTHONPATH: how many titles are the bare file id, how many come from a
headline line / the first sentence, and how many body sentences are dimmed as chrome. Every
sentence of these articles is story text, so every dimmed sentence is a mistake. Each article is
tried in three shapes: as shipped (one line), one sentence per paragraph (blank lines between),
and one sentence per line (single newlines): the last two put every sentence through the
line-level chrome rules on its own.

    python bench/lee_meta.py [--corpus DIR] [--write DIR] [--show N]

The corpus is fetched once with `pip download --no-deps gensim==4.4.0` into DIR (default
`$NEWSTAG_BENCH_DIR/lee`, `/tmp/newstag-bench/lee`). `--write DIR` also writes the articles as
`lee_000.txt`... files there (a workspace corpus to open in the TUI). To compare with an older
tree, run this file with that tree first on PYTHONPATH (`git archive main | tar -x -C /tmp/old`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

FILES = ("gensim/test/test_data/lee_background.cor", "gensim/test/test_data/lee.cor")


def fetch(folder: Path) -> list[str]:
    """The 350 articles, one per line of the two files (downloaded once)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / name.rsplit("/", 1)[1] for name in FILES]
    if not all(p.exists() for p in paths):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q",
                            "gensim==4.4.0", "-d", tmp], check=True)
            wheel = next(Path(tmp).glob("gensim-*.whl"))
            with zipfile.ZipFile(wheel) as z:
                for name, path in zip(FILES, paths, strict=True):
                    path.write_bytes(z.read(name))
    out: list[str] = []
    for p in paths:
        data = p.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")  # the files are Latin-1 ("£")
        out += [ln.strip() for ln in text.splitlines() if ln.strip()]
    return out


def kind(art: object, s: object) -> str:
    k = getattr(art, "kind", None)
    if k is not None:
        return str(k(s))
    if getattr(s, "title", False):
        return "headline"
    return "chrome" if s.chrome else "body"  # type: ignore[attr-defined]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    base = Path(os.environ.get("NEWSTAG_BENCH_DIR", "/tmp/newstag-bench"))
    ap.add_argument("--corpus", type=Path, default=base / "lee")
    ap.add_argument("--write", type=Path, default=None)
    ap.add_argument("--show", type=int, default=5, help="print this many examples of each problem")
    args = ap.parse_args()
    from tui.core import articles
    from tui.core.sentences import segment

    texts = fetch(args.corpus)
    if args.write is not None:
        args.write.mkdir(parents=True, exist_ok=True)
        for i, t in enumerate(texts):
            (args.write / f"lee_{i:03d}.txt").write_text(t + "\n", encoding="utf-8")
    t0 = time.perf_counter()
    print(f"tree: {articles.__file__}  load: {os.getloadavg()[0]:.1f}  articles: {len(texts)}\n")
    print("| shape | titles = file id | from a headline line | from the first sentence "
          "| sentences | dimmed (chrome) | other kinds |")
    print("|---|---|---|---|---|---|---|")
    examples: list[str] = []
    titles: list[str] = []
    for shape, sep in (("as shipped (one line)", None), ("a paragraph per sentence", "\n\n"),
                       ("a line per sentence", "\n")):
        ids = from_line = from_lead = n_sent = dimmed = 0
        kinds: Counter[str] = Counter()
        for i, t in enumerate(texts):
            aid = f"lee_{i:03d}"
            text = t if sep is None else sep.join(t[s.start : s.end] for s in segment(t))
            art = articles.parse(text, aid)
            if sep is None:
                titles.append(art.title)
            ids += art.title == aid
            src = getattr(art.meta, "title_from", "headline" if art.meta.title_line is not None
                          else "id")
            from_line += src == "headline"
            from_lead += src == "lead"
            for s in art.sentences():
                n_sent += 1
                k = kind(art, s)
                if k == "chrome":
                    dimmed += 1
                    if len(examples) < args.show * 3:
                        examples.append(f"{shape}: {aid}: dimmed {art.sentence_text(s)!r}")
                elif k != "body":
                    kinds[k] += 1
        other = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "none"
        print(f"| {shape} | {ids} | {from_line} | {from_lead} | {n_sent} | {dimmed} | {other} |")
    print(f"\n{time.perf_counter() - t0:.1f} s; load {os.getloadavg()[0]:.1f}")
    for e in examples:
        print(e)
    print("\nfirst titles:")
    for t in titles[: args.show]:
        print(f"  {t}")


if __name__ == "__main__":
    main()
