"""Generate a news-like corpus of N articles (~600 words each) from the seed articles' vocabulary.

A word-bigram chain trained on `seeds/` writes sentences that read like the seeds (same names,
same verbs, same hedges), so search and segmentation costs are realistic. Deterministic: the
same N and seed give the same bytes. Used by the search and start-up benchmarks.

    python bench/gen_corpus.py OUT_DIR N [--words 600] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*")
_SOURCES = ("Reuters", "AP", "Yonhap", "Korea Herald", "NK News", "The Guardian", "Al Jazeera",
            "Kyodo", "TASS", "BBC")
_AUTHORS = ("Kim Tong-hyung", "Jane Doe", "Park Min-su", "Ivan Petrov", "Sarah Lee", "John Smith")


def _sentences(text: str) -> list[list[str]]:
    out: list[list[str]] = []
    for para in re.split(r"\n\s*\n", text):
        for sent in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", para.replace("\n", " ")):
            words = _WORD.findall(sent)
            if 5 <= len(words) <= 60:
                out.append([w.rstrip(".") or w for w in words])
    return out


class Chain:
    """Bigram model over seed sentences; `sentence()` walks it from a sentence-initial word."""

    def __init__(self, sentences: list[list[str]]) -> None:
        self.next: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        self.vocab: list[str] = []
        for words in sentences:
            self.starts.append(words[0])
            for a, b in zip(words, words[1:], strict=False):
                self.next[a].append(b)
            self.next[words[-1]].append("")  # sentence end
            self.vocab.extend(words)

    def sentence(self, rng: random.Random) -> str:
        words = [rng.choice(self.starts)]
        target = rng.randint(12, 30)
        while len(words) < 45:
            options = self.next.get(words[-1])
            nxt = rng.choice(options) if options else ""
            if not nxt:
                if len(words) >= target:
                    break
                nxt = rng.choice(self.vocab)
            words.append(nxt)
        text = " ".join(words)
        return text[0].upper() + text[1:] + rng.choice(".....?") if text else "."


def load_chain(seeds: Path = SEEDS) -> Chain:
    sents: list[list[str]] = []
    for path in sorted(seeds.glob("*.txt")):
        sents.extend(_sentences(path.read_text(encoding="utf-8", errors="replace")))
    return Chain(sents)


def article(chain: Chain, rng: random.Random, i: int, words: int = 600) -> str:
    """One article: headline, date, byline, then paragraphs of 2-5 sentences up to ~`words`."""
    headline = chain.sentence(rng).rstrip(".?")
    head_words = headline.split()[:14]
    day = date(2023, 1, 1) + timedelta(days=rng.randrange(730))
    stamp = f"{day.isoformat()} {rng.randrange(24):02d}:{rng.randrange(60):02d} GMT"
    lines = [" ".join(head_words), "", stamp, "",
             f"By {rng.choice(_AUTHORS)}, {rng.choice(_SOURCES)}", ""]
    count = 0
    while count < words:
        para = [chain.sentence(rng) for _ in range(rng.randint(2, 5))]
        count += sum(len(s.split()) for s in para)
        lines += [" ".join(para), ""]
    return "\n".join(lines)


def generate(out_dir: Path, n: int, words: int = 600, seed: int = 1,
             seeds: Path = SEEDS) -> list[Path]:
    """Write `n` articles as `out_dir/a000000.txt`...; returns their paths (replacing files)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    chain = load_chain(seeds)
    rng = random.Random(seed)
    paths: list[Path] = []
    for i in range(n):
        path = out_dir / f"a{i:06d}.txt"
        path.write_text(article(chain, rng, i, words), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    paths = generate(args.out_dir, args.n, args.words, args.seed)
    print(f"wrote {len(paths)} articles to {args.out_dir}")


if __name__ == "__main__":
    main()
