"""Tag files without their YAML: which file an article's tags live in, and the three-way merge.

Both are pure (no I/O); `tagstore` uses them and re-exports them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from .tags import TagDoc

_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,120}$")


def file_stem(article_id: str) -> str:
    """A file name for an article id that can never escape `tags/` or collide with a case twin."""
    if _SAFE_ID.match(article_id) and not article_id.endswith("."):
        return article_id
    base = re.sub(r"[^a-z0-9._-]+", "_", article_id.lower()).strip("._")[:80] or "article"
    digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{base}-{digest}"


def merge(base: TagDoc | None, ours: TagDoc, disk: TagDoc | None) -> TagDoc:
    """Three-way merge by tag id: keep what disk added, apply what we added, removed or edited."""
    if disk is None:
        return ours
    base_tags = {t.id: t for t in (base.tags if base else ())}
    our_tags = {t.id: t for t in ours.tags}
    result = {t.id: t for t in disk.tags}
    for tid, tag in our_tags.items():
        if tid not in base_tags or base_tags[tid] != tag:
            result[tid] = tag
    for tid in base_tags:
        if tid not in our_tags:
            result.pop(tid, None)
    return replace(ours, tags=tuple(result.values())).sorted()
