"""What the index was built from: a signature and content hash per article and tag file.

Stored beside the index so an update re-reads only files whose bytes changed (a new size, mtime
or inode is only a hint; the sha256 decides), in three parts, each Python `marshal` of plain
values (fast to load, our own cache files only):

- `newstag-state.bin`, read first and small: the schema and engine, the tag files' signatures,
  and the mtimes of the corpus folder and of every tag folder at the last update. A file added,
  removed, renamed or replaced (a `git pull`, an editor's save-by-rename, every newstag tag save)
  changes its folder's mtime, so while they are all unchanged the check is a few `stat` calls.
- `newstag-inodes.bin`: every article file's name and inode. When the corpus folder changed,
  `scandir` gives each entry's inode without a `stat`, and comparing the two maps finds the new,
  removed and replaced files at C speed.
- `newstag-articles-NN.bin`: the full record of each file (article id, size, mtime, sha256,
  message, inode) in 64 shards by name, so one changed article loads and saves one shard.

An edit that rewrites a file in place keeps its inode and its folder's mtime: `newstag index`
(`full`) compares every file's size and mtime as well. `newstag-files.json` lists the index's
own files and sizes after each commit, which is how a truncated or deleted segment file is
caught before a query trips over it.
"""

from __future__ import annotations

import json
import marshal
import os
import zlib
from pathlib import Path

from ..atomic import write_atomic

VERSION = 5
STATE = "newstag-state.bin"
INODES = "newstag-inodes.bin"
SHARDS = 64
FILES = "newstag-files.json"

Entry = list[object]  # [article id ("" when skipped), size, mtime_ns, sha256, message, inode]


def _shard_of(name: str) -> int:
    return zlib.crc32(name.encode("utf-8", "surrogatepass")) % SHARDS


def _shard_file(folder: Path, shard: int) -> Path:
    return folder / f"newstag-articles-{shard:02d}.bin"


def _read(path: Path) -> object:
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


class Manifest:
    """The state, the inode map, and the per-file records loaded shard by shard on demand."""

    def __init__(self, folder: Path, schema: int, engine: str, tags: dict[str, list[object]],
                 folders: list[object], inodes: dict[str, int] | None = None) -> None:
        self.folder = folder
        self.schema = schema
        self.engine = engine
        self.tags = tags  # "annotator/file.yaml" -> [article id, size, mtime_ns, sha256]
        self.folders = folders  # see `folders_signature`
        self.inodes: dict[str, int] = inodes if inodes is not None else {}
        self._shards: dict[int, dict[str, Entry]] = {}
        self._dirty: set[int] = set()
        self._fresh = inodes is None  # a new manifest: no shard on disk to read

    def _shard(self, name: str, i: int | None = None) -> dict[str, Entry]:
        i = _shard_of(name) if i is None else i
        shard = self._shards.get(i)
        if shard is None:
            data = None if self._fresh else _read(_shard_file(self.folder, i))
            shard = data if isinstance(data, dict) else {}
            self._shards[i] = shard
        return shard

    def get(self, name: str) -> Entry | None:
        if name not in self.inodes:
            return None
        return self._shard(name).get(name)

    def set(self, name: str, entry: Entry) -> None:
        shard = _shard_of(name)
        self._shard(name, shard)[name] = entry
        self.inodes[name] = int(entry[5])  # type: ignore[call-overload]
        self._dirty.add(shard)

    def delete(self, name: str) -> None:
        self._shard(name).pop(name, None)
        self.inodes.pop(name, None)
        self._dirty.add(_shard_of(name))

    def save(self, folder: Path | None = None) -> None:
        """Shards first, then the inode map, then the state (which says they are complete)."""
        folder = folder or self.folder
        if folder != self.folder or self._fresh:
            for i in range(SHARDS):
                self._shards.setdefault(i, {})
            self._dirty = set(range(SHARDS))
        for i in sorted(self._dirty):
            write_atomic(_shard_file(folder, i), marshal.dumps(self._shards[i]))
        self._dirty.clear()
        self.folder, self._fresh = folder, False
        names = list(self.inodes)
        write_atomic(folder / INODES, marshal.dumps((names, [self.inodes[n] for n in names])))
        self.save_state()

    def save_state(self) -> None:
        state = {"version": VERSION, "schema": self.schema, "engine": self.engine,
                 "tags": self.tags, "folders": self.folders}
        write_atomic(self.folder / STATE, marshal.dumps(state))


def folders_signature(corpus: Path, tags: Path) -> list[object]:
    """[corpus folder mtime, tags folder mtime, "annotator=mtime" of each tag folder]."""
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


def _state(folder: Path) -> dict[str, object] | None:
    data = _read(folder / STATE)
    return data if isinstance(data, dict) and data.get("version") == VERSION else None


def engine_of(folder: Path) -> str:
    """The engine an existing index was built with ("" when there is none)."""
    data = _state(folder)
    return str(data.get("engine", "")) if data else ""


def load_state(folder: Path, schema: int, engine: str) -> list[object] | None:
    """The folder signature of the last update, if the index is of this schema and engine."""
    data = _state(folder)
    if data is None or (data.get("schema"), data.get("engine")) != (schema, engine):
        return None
    folders = data.get("folders")
    return folders if isinstance(folders, list) else None


def load(folder: Path, schema: int, engine: str) -> Manifest | None:
    """The state and the inode map (shards load when asked), or None (meaning: rebuild)."""
    data = _state(folder)
    if data is None or (data.get("schema"), data.get("engine")) != (schema, engine):
        return None
    inodes = _read(folder / INODES)
    if not (isinstance(inodes, tuple) and len(inodes) == 2):
        return None
    tags = data.get("tags")
    folders = data.get("folders")
    return Manifest(folder, schema, engine, tags if isinstance(tags, dict) else {},
                    folders if isinstance(folders, list) else [],
                    dict(zip(inodes[0], inodes[1], strict=True)))


def save_files(folder: Path, files: dict[str, int]) -> None:
    write_atomic(folder / FILES, json.dumps(files, sort_keys=True).encode("utf-8"))


def damaged_files(folder: Path, actual: dict[str, int]) -> list[str]:
    """Index files recorded at the last commit that are now missing or of another size."""
    try:
        recorded = json.loads((folder / FILES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ["(no record of the index files)"]
    return sorted(name for name, size in recorded.items() if actual.get(name) != size)
