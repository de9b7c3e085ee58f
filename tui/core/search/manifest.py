"""What the index was built from: a signature and content hash per article and tag file.

Stored beside the index (`newstag-manifest.bin`, Python's `marshal` of plain lists: 100k entries
load in a tenth of a second, where JSON took a third) so an update re-reads only files whose bytes
changed: a new size or mtime is only a hint, the sha256 decides.

`newstag-state.bin` is the small part read first: the mtimes of the corpus folder and of every
tag folder at the last update. A file added, removed, renamed or replaced (a `git pull`, an
editor's save-by-rename, every newstag tag save) changes its folder's mtime, so while they are
all unchanged the quick check is a handful of `stat` calls whatever the corpus size. An edit
that rewrites a file in place leaves its folder alone: `newstag index` (and `--full`) always
compares every file's size and mtime.
`newstag-files.json` lists the index's own files and sizes after each commit, which is how a
truncated or deleted segment file is caught before a query trips over it.
"""

from __future__ import annotations

import json
import marshal
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_atomic

VERSION = 4
MANIFEST = "newstag-manifest.bin"
STATE = "newstag-state.bin"
FILES = "newstag-files.json"


@dataclass
class Manifest:
    schema: int
    engine: str
    # file name -> [article id, size, mtime_ns, sha256, message ("" when indexed), inode]
    articles: dict[str, list[object]] = field(default_factory=dict)
    # "annotator/file.yaml" -> [article id, size, mtime_ns, sha256]
    tags: dict[str, list[object]] = field(default_factory=dict)
    folders: list[object] = field(default_factory=list)  # see `folders_signature`


def folders_signature(corpus: Path, tags: Path) -> list[object]:
    """[corpus folder mtime, tags folder mtime, each annotator folder's mtime (by name)]."""
    out: list[object] = []
    for p in (corpus, tags):
        try:
            out.append(p.stat().st_mtime_ns)
        except OSError:
            out.append(0)
    try:
        with os.scandir(tags) as it:
            subs = sorted((e.name, e.stat().st_mtime_ns) for e in it
                          if e.is_dir() and not e.name.startswith("."))
    except OSError:
        subs = []
    return [*out, *(f"{name}={mtime}" for name, mtime in subs)]


def load_state(folder: Path, schema: int, engine: str) -> list[object] | None:
    """The folder signature of the last update, if the index is of this schema and engine."""
    data = _read(folder, STATE)
    if data is None or (data.get("schema"), data.get("engine")) != (schema, engine):
        return None
    folders = data.get("folders")
    return folders if isinstance(folders, list) else None


def _read(folder: Path, name: str = MANIFEST) -> dict[str, object] | None:
    try:
        data = marshal.loads((folder / name).read_bytes())
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
    folders = data.get("folders")
    return Manifest(schema, engine, articles if isinstance(articles, dict) else {},
                    tags if isinstance(tags, dict) else {},
                    folders if isinstance(folders, list) else [])


def save(folder: Path, m: Manifest) -> None:
    data = {"version": VERSION, "schema": m.schema, "engine": m.engine, "articles": m.articles,
            "tags": m.tags, "folders": m.folders}
    write_atomic(folder / MANIFEST, marshal.dumps(data))
    save_state(folder, m)


def save_state(folder: Path, m: Manifest) -> None:
    """Written after the manifest: a state file always describes a complete manifest."""
    state = {"version": VERSION, "schema": m.schema, "engine": m.engine, "folders": m.folders}
    write_atomic(folder / STATE, marshal.dumps(state))


def save_files(folder: Path, files: dict[str, int]) -> None:
    write_atomic(folder / FILES, json.dumps(files, sort_keys=True).encode("utf-8"))


def damaged_files(folder: Path, actual: dict[str, int]) -> list[str]:
    """Index files recorded at the last commit that are now missing or of another size."""
    try:
        recorded = json.loads((folder / FILES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ["(no record of the index files)"]
    return sorted(name for name, size in recorded.items() if actual.get(name) != size)
