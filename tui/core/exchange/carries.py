"""What each export format cannot carry, said per export so a round trip loses nothing silently.

Every format carries the article, the span (offsets and quote), the label and the annotator; the
table lists the rest of a tag that a format has no place for. `newstag export` prints the line
`losses()` gives for the tags actually being written (a doccano export of tags with notes says
how many notes stay behind).
"""

from __future__ import annotations

from collections.abc import Sequence

from .collect import Collection

# format -> the parts of a tag it cannot hold
CANNOT_CARRY: dict[str, tuple[str, ...]] = {
    "csv": ("creation times", "tag ids"),
    "jsonl": (),
    "doccano": ("notes", "creation times", "tag ids"),
    "brat": ("creation times", "tag ids"),
    "w3c": (),
    "labelstudio": (),
    "html": ("creation times",),
    "markdown": ("creation times", "tag ids"),
}
FULL = ("jsonl", "w3c", "labelstudio")  # formats that carry every part of a tag


def losses(fmt: str, col: Collection) -> str | None:
    """One line naming what this export leaves out (None when it keeps everything)."""
    missing: Sequence[str] = CANNOT_CARRY.get(fmt, ())
    if not missing or not col.items:
        return None
    parts = []
    for what in missing:
        if what == "notes":
            n = sum(1 for i in col.items if i.tag.note)
            if n:
                parts.append(f"notes ({n} not written)")
        else:
            parts.append(what)
    if not parts:
        return None
    full = ", ".join(FULL)
    return (f"{fmt} has no place for {', '.join(parts)}; the tag files keep them (export "
            f"{full} for a full round trip)")
