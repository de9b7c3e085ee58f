"""Claims: groups of linked sentences, grown so that unrelated sentences are never chained.

Connected components chain: A~B and B~C put A with C even when they share nothing (on a big
story everything ends up in one claim). Here groups grow by average linkage, strongest link
first: two groups merge only when the average similarity of every cross-article pair between
them reaches `floor` (pairs never compared, or below the `near` cut, count as 0). So a claim
stays close to a clique of similar sentences, whatever its size.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .model import Link

Node = tuple[str, int, int]  # (article, start, end)
Pair = frozenset[Node]


def node_pair(lk: Link) -> tuple[Node, Node]:
    return (lk.a, *lk.a_span), (lk.b, *lk.b_span)


def cluster(links: Iterable[Link], sims: Mapping[Pair, float], floor: float) -> list[list[Node]]:
    """Groups of sentences from at least two articles, largest first, members sorted."""
    ordered = sorted(links, key=lambda lk: (-lk.similarity, lk.a, lk.a_span, lk.b, lk.b_span))
    group: dict[Node, int] = {}
    members: dict[int, list[Node]] = {}
    for lk in ordered:
        x, y = node_pair(lk)
        gx = group[x] if x in group else _new(members, group, x)
        gy = group[y] if y in group else _new(members, group, y)
        if gx == gy:
            continue
        if _average(members[gx], members[gy], sims) >= floor:
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


def _average(xs: list[Node], ys: list[Node], sims: Mapping[Pair, float]) -> float:
    pairs = 0
    total = 0.0
    for x in xs:
        for y in ys:
            if x[0] == y[0]:
                continue
            pairs += 1
            total += sims.get(frozenset((x, y)), 0.0)
    return total / pairs if pairs else 0.0
