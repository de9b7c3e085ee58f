"""What the index was built from: a signature and content hash per article and tag file.

Stored beside the index (`newstag-manifest.bin`, Python's `marshal` of plain lists: 100k entries
load in tens of milliseconds, where JSON took a third of a second) so an update re-reads only files
whose bytes changed: a new size or mtime is only a hint, the sha256 decides. It also records the
corpus folder's mtime: while it is unchanged no file was added, removed or renamed.
`newstag-files.json` lists the index's own files and sizes after each commit, which is how a
truncated or deleted segment file is caught before a query trips over it.
"""

from __future__ import annotations

import json
import marshal
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_atomic

VERSION = 2
MANIFEST = "newstag-manifest.bin"
FILES = "newstag-files.json"


@dataclass
class Manifest:
    schema: int
    engine: str
    # file name -> [article id, size, mtime_ns, sha256, message ("" when indexed)]
    articles: dict[str, list[object]] = field(default_factory=dict)
    # "annotator/file.yaml" -> [article id, size, mtime_ns, sha256]
    tags: dict[str, list[object]] = field(default_factory=dict)
    corpus_mtime: int = 0


def _read(folder: Path) -> dict[str, object] | None:
    try:
        data = marshal.loads((folder / MANIFEST).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return data if isinstance(data, dict) and data.get("version") == VERSION else None


def engine_of(folder: Path) -> str:
    """The engine an existing index was built with ("" when there is none)."""
    data = _read(folder)
    return str(data.get("engine", "")) if data else ""


def load(folder: Path, schema: int, engine: str) -> Manifest | None:
    """The manifest if it belongs to this schema and engine, else None (meaning: rebuild)."""
    data = _read(folder)
    if data is None or (data.get("schema"), data.get("engine")) != (schema, engine):
        return None
    articles = data.get("articles")
    tags = data.get("tags")
    mtime = data.get("corpus_mtime")
    return Manifest(schema, engine, articles if isinstance(articles, dict) else {},
                    tags if isinstance(tags, dict) else {},
                    mtime if isinstance(mtime, int) else 0)


def save(folder: Path, m: Manifest) -> None:
    data = {"version": VERSION, "schema": m.schema, "engine": m.engine, "articles": m.articles,
            "tags": m.tags, "corpus_mtime": m.corpus_mtime}
    write_atomic(folder / MANIFEST, marshal.dumps(data))


def save_files(folder: Path, files: dict[str, int]) -> None:
    write_atomic(folder / FILES, json.dumps(files, sort_keys=True).encode("utf-8"))


def damaged_files(folder: Path, actual: dict[str, int]) -> list[str]:
    """Index files recorded at the last commit that are now missing or of another size."""
    try:
        recorded = json.loads((folder / FILES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ["(no record of the index files)"]
    return sorted(name for name, size in recorded.items() if actual.get(name) != size)
