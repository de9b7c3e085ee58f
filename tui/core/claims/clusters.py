"""Claims: groups of linked sentences, grown so that unrelated sentences are never chained.

Connected components chain: A~B and B~C put A with C even when they share nothing (on a big
story everything ends up in one claim). Here groups grow by average linkage over the links,
strongest link first: two groups merge only when at least `SUPPORT` of the cross-article pairs
between them are themselves linked (so a group stays close to a clique).
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Link

Node = tuple[str, int, int]  # (article, start, end)
SUPPORT = 0.5


def cluster(links: Iterable[Link], support: float = SUPPORT) -> list[list[Node]]:
    """Groups of two or more sentences from at least two articles, largest first."""
    ordered = sorted(links, key=lambda lk: (-lk.similarity, lk.a, lk.a_span, lk.b, lk.b_span))
    linked: set[frozenset[Node]] = set()
    group: dict[Node, int] = {}
    members: dict[int, list[Node]] = {}
    for lk in ordered:
        x: Node = (lk.a, *lk.a_span)
        y: Node = (lk.b, *lk.b_span)
        linked.add(frozenset((x, y)))
    for lk in ordered:
        x = (lk.a, *lk.a_span)
        y = (lk.b, *lk.b_span)
        gx, gy = group.get(x), group.get(y)
        if gx is None:
            gx = _new(members, group, x)
        if gy is None:
            gy = _new(members, group, y)
        if gx == gy:
            continue
        if _support(members[gx], members[gy], linked) >= support:
            small, big = (gx, gy) if len(members[gx]) < len(members[gy]) else (gy, gx)
            for n in members[small]:
                group[n] = big
            members[big].extend(members.pop(small))
    out = [sorted(m) for m in members.values() if len({n[0] for n in m}) >= 2]
    out.sort(key=lambda m: (-len(m), m))
    return out


def _new(members: dict[int, list[Node]], group: dict[Node, int], n: Node) -> int:
    gid = len(group)
    while gid in members:
        gid += 1
    members[gid] = [n]
    group[n] = gid
    return gid


def _support(xs: list[Node], ys: list[Node], linked: set[frozenset[Node]]) -> float:
    pairs = hits = 0
    for x in xs:
        for y in ys:
            if x[0] == y[0]:
                continue
            pairs += 1
            hits += frozenset((x, y)) in linked
    return hits / pairs if pairs else 0.0
