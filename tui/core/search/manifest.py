"""What the index was built from: a signature and content hash per article and tag file.

Stored beside the index (`newstag-manifest.json`) so an update re-reads only files whose bytes
changed: a new size or mtime is only a hint, the sha256 decides. `newstag-files.json` lists the
index's own files and sizes after each commit, which is how a truncated or deleted segment file
is caught before a query trips over it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_atomic

VERSION = 1
MANIFEST = "newstag-manifest.json"
FILES = "newstag-files.json"


@dataclass
class Manifest:
    schema: int
    engine: str
    # file name -> [article id, size, mtime_ns, sha256, message ("" when indexed)]
    articles: dict[str, list] = field(default_factory=dict)
    # "annotator/file.yaml" -> [article id, size, mtime_ns, sha256]
    tags: dict[str, list] = field(default_factory=dict)


def load(folder: Path, schema: int, engine: str) -> Manifest | None:
    """The manifest if it belongs to this schema and engine, else None (meaning: rebuild)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    if (data.get("version"), data.get("schema"), data.get("engine")) != (VERSION, schema, engine):
        return None
    return Manifest(schema, engine, data.get("articles") or {}, data.get("tags") or {})


def save(folder: Path, m: Manifest) -> None:
    data = {"version": VERSION, "schema": m.schema, "engine": m.engine, "articles": m.articles,
            "tags": m.tags}
    write_atomic(folder / MANIFEST, json.dumps(data, separators=(",", ":")).encode("utf-8"))


def save_files(folder: Path, files: dict[str, int]) -> None:
    write_atomic(folder / FILES, json.dumps(files, sort_keys=True).encode("utf-8"))


def damaged_files(folder: Path, actual: dict[str, int]) -> list[str]:
    """Index files recorded at the last commit that are now missing or of another size."""
    try:
        recorded = json.loads((folder / FILES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ["(no record of the index files)"]
    return sorted(name for name, size in recorded.items() if actual.get(name) != size)
