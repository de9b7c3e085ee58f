"""A corpus of edited articles with known answers, to measure re-anchoring (support, not a test).

Every sentence of the five seed articles is tagged; then each article is edited the way news sites
edit stories (typo fixes, a changed word, a clause added, re-wrapped lines, curly quotes, CRLF,
sentences deleted, rewritten, moved, duplicated, and sentences from *other* reports of the same
story slipped in, the hardest case for a wrong match). Each edit records where every original
sentence went, so a re-anchored tag can be scored: right place, wrong place, or orphaned.

    python tests/helpers/reliability_edits.py        # the table for several thresholds
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tui.core import anchoring  # noqa: E402
from tui.core.articles import text_sha256  # noqa: E402
from tui.core.sentences import segment  # noqa: E402
from tui.core.tags import TagDoc, make_tag  # noqa: E402

SEEDS = ROOT / "seeds"
LIGHT = ("typo", "word", "clause", "wrap", "quotes", "number")
HEAVY = ("rewrite",)


@dataclass
class Piece:
    text: str
    origin: int | None  # index of the original sentence, None for separators and inserted text
    fate: str = "same"  # what happened to it: same, typo, word, ..., rewrite, deleted
    copy_of: int | None = None  # a verbatim copy of this original sentence (duplicate op)


@lru_cache(maxsize=64)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((s.start, s.end) for s in segment(text))


def _tagged(text: str) -> list[tuple[int, int]]:
    return [(a, b) for a, b in _spans(text) if b - a >= 20]


def _pieces(text: str) -> tuple[list[Piece], int]:
    spans = _tagged(text)
    out: list[Piece] = []
    pos = 0
    for i, (a, b) in enumerate(spans):
        out.append(Piece(text[pos:a], None))
        out.append(Piece(text[a:b], i))
        pos = b
    out.append(Piece(text[pos:], None))
    return out, len(spans)


def _light(rng: random.Random, s: str, kind: str) -> str:
    words = list(re.finditer(r"[A-Za-z]{4,}", s))
    if kind == "typo" and words:
        m = rng.choice(words)
        w = m.group()
        i = rng.randrange(1, len(w) - 1)
        return s[: m.start()] + w[:i] + w[i + 1] + w[i] + w[i + 2 :] + s[m.end() :]
    if kind == "word" and words:
        m = rng.choice(words)
        word = rng.choice(["reportedly", "officials", "allegedly", "sources"])
        return s[: m.start()] + word + s[m.end() :]
    if kind == "clause":
        cut = len(s) - 1 if s[-1] in ".!?" else len(s)
        clause = rng.choice([", officials said", ", according to reports", " on Tuesday"])
        return s[:cut] + clause + s[cut:]
    if kind == "wrap":
        spaces = [m.start() for m in re.finditer(" ", s)]
        if spaces:
            i = rng.choice(spaces)
            return s[:i] + rng.choice(["\n", "  "]) + s[i + 1 :]
    if kind == "quotes":
        if "’" in s:
            return s.replace("’", "'")
        return s.replace('"', "“", 1) if '"' in s else s.replace(" ", "  ", 1)
    if kind == "number":
        digits = list(re.finditer(r"\d+", s))
        if digits:
            m = rng.choice(digits)
            return s[: m.start()] + str(int(m.group()) + 1) + s[m.end() :]
        return s.rstrip(".") + "!" if s.endswith(".") else s + "."
    return s


def _rewrite(rng: random.Random, s: str, vocab: list[str]) -> str:
    words = s.split()
    for i in rng.sample(range(len(words)), k=max(1, int(len(words) * 0.6))):
        words[i] = rng.choice(vocab)
    return " ".join(words)


def edit(text: str, rng: random.Random, others: list[str]) -> tuple[str, list[Piece], int]:
    """One edited version of `text`; the pieces say where each original sentence went."""
    pieces, n = _pieces(text)
    vocab = re.findall(r"[A-Za-z]{3,}", " ".join(others))
    foreign = [o[a:b] for o in others for a, b in _spans(o) if b - a >= 40 and o[a:b] not in text]
    for _ in range(rng.randint(2, 6)):
        op = rng.choice(LIGHT + HEAVY + ("delete", "move", "duplicate", "insert", "insert", "crlf"))
        sents = [i for i, p in enumerate(pieces) if p.origin is not None and p.fate != "deleted"]
        if not sents:
            break
        i = rng.choice(sents)
        p = pieces[i]
        if op in LIGHT:
            new = _light(rng, p.text, op)
            if new != p.text:
                p.text, p.fate = new, op if p.fate == "same" else p.fate
        elif op == "rewrite":
            p.text, p.fate = _rewrite(rng, p.text, vocab), "rewrite"
        elif op == "delete":
            pieces[i] = Piece("", None)
            pieces.append(Piece("", p.origin, "deleted"))  # kept only to record the fate
        elif op == "move":
            del pieces[i]
            seps = [k for k, q in enumerate(pieces) if q.origin is None and k < len(pieces) - 1]
            j = rng.choice(seps or [0])
            pieces[j : j + 1] = [Piece(pieces[j].text, None), p, Piece(" ", None)]
            p.fate = "moved" if p.fate == "same" else p.fate
        elif op == "duplicate":
            j = rng.choice(range(len(pieces)))
            pieces.insert(j, Piece("\n\n", None))
            pieces.insert(j, Piece(p.text, None, copy_of=p.origin))
        elif op == "insert":
            j = rng.choice(range(len(pieces)))
            pieces.insert(j, Piece(rng.choice(foreign) + "\n\n", None))
        elif op == "crlf":
            for q in pieces:
                q.text = q.text.replace("\r\n", "\n").replace("\n", "\r\n")
    return "".join(q.text for q in pieces if q.fate != "deleted"), pieces, n


Span = tuple[int, int]


def expected_spans(pieces: list[Piece]) -> tuple[dict[int, Span | None], dict[int, list[Span]]]:
    """Original sentence index -> its span in the edited text (None when deleted), and the spans
    of verbatim copies of each original sentence."""
    out: dict[int, tuple[int, int] | None] = {}
    copies: dict[int, list[tuple[int, int]]] = {}
    pos = 0
    for q in pieces:
        if q.fate == "deleted":
            out[q.origin] = None  # type: ignore[index]
            continue
        if q.origin is not None:
            out[q.origin] = (pos, pos + len(q.text))
        if q.copy_of is not None:
            copies.setdefault(q.copy_of, []).append((pos, pos + len(q.text)))
        pos += len(q.text)
    return out, copies


def same_place(got: tuple[int, int], want: tuple[int, int]) -> bool:
    """Mostly the same text: the overlap is at least 2/3 of each span."""
    inter = max(0, min(got[1], want[1]) - max(got[0], want[0]))
    return inter >= 2 / 3 * (got[1] - got[0]) and inter >= 2 / 3 * (want[1] - want[0])


OUTCOMES = ("right", "wrong", "orphaned", "missed")


def evaluate(threshold: float, versions: int = 40, seed: int = 7) -> tuple[Counter, Counter]:
    """Outcome counts over the corpus, and the same per edit kind.

    right: placed on the sentence's new span (`same_place`), or on a verbatim copy of it when the
    sentence itself was deleted; wrong: placed anywhere else; orphaned: orphan when the sentence
    was deleted or rewritten beyond recognition (60% of its words replaced), the right outcome;
    missed: orphan although the sentence is still there with a light edit.
    """
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    total: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    for v in range(versions):
        for aid, text in texts.items():
            rng = random.Random(f"{seed}:{v}:{aid}")
            others = [t for k, t in texts.items() if k != aid]
            new, pieces, _n = edit(text, rng, others)
            tags = tuple(make_tag(aid, text, a, b, "warning", "", "") for a, b in _tagged(text))
            doc = TagDoc(aid, text_sha256(text), tags)
            moved, _ = anchoring.reanchor(doc, new, text_sha256(new), threshold, units=_spans(new))
            by_id = {t.id: t for t in moved.tags}
            fates = {q.origin: q.fate for q in pieces if q.origin is not None}
            want, copies = expected_spans(pieces)
            for i, tag in enumerate(doc.tags):
                got = by_id[tag.id]
                exp = want.get(i)
                kind = fates.get(i, "same")
                span = (got.start, got.end)
                if got.orphan:
                    outcome = "orphaned" if exp is None or kind == "rewrite" else "missed"
                elif exp is None:
                    found_copy = any(same_place(span, c) for c in copies.get(i, ()))
                    outcome = "right" if found_copy else "wrong"
                else:
                    outcome = "right" if same_place(span, exp) else "wrong"
                total[outcome] += 1
                by_kind[f"{kind}:{outcome}"] += 1
    return total, by_kind


def main() -> None:
    for th in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        total, by_kind = evaluate(th)
        print(f"threshold {th:.2f}: " + ", ".join(f"{k} {total[k]}" for k in OUTCOMES))
    total, by_kind = evaluate(anchoring.FUZZY_THRESHOLD)
    for k in sorted(by_kind):
        print(f"  {k:24} {by_kind[k]}")


if __name__ == "__main__":
    main()
