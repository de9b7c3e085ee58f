"""Which sentences of the seeds each label's cues propose, to judge the cues by eye.

    python bench/cue_report.py [labels.yaml] [--label NAME]

One line per (sentence, label): article, sentence number (from 1), label, the cues that hit,
and the sentence. Site chrome gets no suggestions and is not listed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tui.core import articles  # noqa: E402
from tui.core.labels import load_labels  # noqa: E402
from tui.core.suggest.cues import CueMatcher  # noqa: E402
from tui.core.suggest.engine import propose  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="?", type=Path, default=REPO / "tags" / "labels.yaml")
    ap.add_argument("--label", default="")
    args = ap.parse_args(argv)
    matcher = CueMatcher.from_labels(load_labels(args.labels).labels)
    counts: dict[str, int] = {}
    for path in sorted((REPO / "seeds").glob("*.txt")):
        art = articles.load(path)
        sents = art.sentences()
        number = {s.start: s.index + 1 for s in sents}
        found = propose(art.id, art.text, [(s.start, s.end, s.chrome) for s in sents], matcher)
        for sug in found.items:
            if args.label and sug.label != args.label:
                continue
            counts[sug.label] = counts.get(sug.label, 0) + 1
            text = " ".join(art.text[sug.start : sug.end].split())
            print(f"{art.id[:3]} {number[sug.start]:>2} {sug.label[:12]:<12} "
                  f"{','.join(sug.cues):<28} {text[:110]}")
    print("suggestions per label:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
