"""Where a span of an old version of a text is in the new version (the reader's cursor when the
article file changes under it): the same words nearest the same place, else the same context."""

from __future__ import annotations

CONTEXT = 32  # characters before the span tried when its own words are gone


def _nearest(text: str, needle: str, near: int) -> int | None:
    best: int | None = None
    at = text.find(needle)
    while at >= 0:
        if best is None or abs(at - near) < abs(best - near):
            best = at
        if at > near:  # occurrences only get further from here on
            break
        at = text.find(needle, at + 1)
    return best


def relocate(old: str, new: str, start: int, end: int) -> int:
    """The offset in `new` of what was `old[start:end]`: its words where found nearest to where
    they were (scaled to the new length), else just after the words that preceded it, else the
    same relative place."""
    scale = len(new) / len(old) if old else 0.0
    near = int(start * scale)
    quote = old[start:end].strip()
    if quote:
        found = _nearest(new, quote, near)
        if found is not None:
            return found
    before = old[max(0, start - CONTEXT):start]
    if before.strip():
        found = _nearest(new, before, max(0, near - len(before)))
        if found is not None:
            return min(len(new), found + len(before))
    return min(max(0, near), max(0, len(new) - 1))
