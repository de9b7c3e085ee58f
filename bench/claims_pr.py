"""Precision and recall of the twins on a same-claim gold set, over thresholds (the curve).

    python bench/claims_pr.py [--gold tests/data/claims/seeds-claims.yaml] [--dir seeds]
                              [--thresholds 0.25:0.50:0.025] [--no-headlines] [--pairs]

Reads the articles once, then links them at each threshold with everything else at its default
(`tui/core/claims/linker.py`), clusters as `newstag claims` does and scores the clusters with the
gold's own scorer (`tests/data/claims/score.py`, a copy of `../shared/claims/score.py`).
`--pairs` scores the raw links (each link a two-member cluster) instead of the clusters.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.claims.corpus import read_path  # noqa: E402
from tui.core.claims.index import build_from  # noqa: E402
from tui.core.claims.linker import Params  # noqa: E402


def scorer() -> object:
    spec = importlib.util.spec_from_file_location("claims_score",
                                                  ROOT / "tests/data/claims/score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def frange(text: str) -> list[float]:
    lo, hi, step = (float(x) for x in text.split(":"))
    out, x = [], lo
    while x <= hi + 1e-9:
        out.append(round(x, 4))
        x += step
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(ROOT / "tests/data/claims/seeds-claims.yaml"))
    ap.add_argument("--dir", default=str(ROOT / "seeds"))
    ap.add_argument("--thresholds", default="0.20:0.50:0.025")
    ap.add_argument("--no-headlines", action="store_true")
    ap.add_argument("--pairs", action="store_true", help="score links, not clusters")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override another Params field, e.g. --set mutual=0")
    a = ap.parse_args()
    S = scorer()
    G = S.load_gold(a.gold, a.dir)  # type: ignore[attr-defined]
    paths = sorted(Path(a.dir).glob("*.txt"))
    arts = [x for x in (read_path(p, None, not a.no_headlines) for p in paths) if x is not None]
    extra = {}
    for kv in a.set:
        k, v = kv.split("=", 1)
        field_type = {f.name: f.type for f in dataclasses.fields(Params)}[k]
        extra[k] = (v not in ("0", "false")) if field_type in (bool, "bool") else float(v)
    print(f"gold {a.gold}: {len(G['gold'])} gold pairs; {len(arts)} articles; "
          f"{'links' if a.pairs else 'clusters'}; overrides {extra or 'none'}")
    print("| threshold | precision | recall | F1 | TP | FP | hard negatives linked |")
    print("|---|---|---|---|---|---|---|")
    default = Params().threshold
    for t in frange(a.thresholds):
        idx = build_from(arts, None, Params(**{**dataclasses.asdict(Params()), **extra,
                                               "threshold": t}))
        if a.pairs:
            clusters = [sorted({(lk.a, *lk.a_span), (lk.b, *lk.b_span)}) for lk in idx.links]
        else:
            clusters = [sorted({(m.article, m.start, m.end) for m in c.members})
                        for c in idx.claims()]
        r = S.score(G, clusters)  # type: ignore[attr-defined]
        mark = " (default)" if abs(t - default) < 1e-9 else ""
        print(f"| {t:.3f}{mark} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
              f"{r['tp']} | {r['fp']} | {r['related_linked']}/{r['related']} |")


if __name__ == "__main__":
    main()
