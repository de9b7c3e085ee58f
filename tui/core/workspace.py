"""A workspace: the corpus folder, the tags folder, the `.newstag/` cache and who is tagging."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .identity import resolve_annotator
from .labels import DEFAULT_LABELS_YAML

ARTICLE_SUFFIXES = (".txt", ".md")
CORPUS_CANDIDATES = ("corpus", "seeds", "articles")
STATE_NAME = "state.json"


class WorkspaceError(Exception):
    """The workspace cannot be opened; `str()` is one line."""


@dataclass(frozen=True)
class Workspace:
    root: Path
    corpus: Path
    tags: Path
    cache: Path  # `.newstag/`: derived data only, always rebuildable
    annotator: str

    @property
    def labels_path(self) -> Path:
        return self.tags / "labels.yaml"

    def article_path(self, article_id: str) -> Path | None:
        for suffix in ARTICLE_SUFFIXES:
            p = self.corpus / f"{article_id}{suffix}"
            if p.is_file():
                return p
        return None


def open_workspace(root: Path | None = None, corpus: Path | None = None, tags: Path | None = None,
                   annotator: str | None = None) -> Workspace:
    """Resolve the folders the way DESIGN.md says: flags first, then the conventional names."""
    root = (root or Path.cwd()).resolve()
    if corpus is None:
        corpus = next((root / c for c in CORPUS_CANDIDATES if (root / c).is_dir()), root / "corpus")
    corpus = corpus.resolve()
    if not corpus.is_dir():
        raise WorkspaceError(f"{corpus}: no corpus folder here; pass --corpus DIR or run "
                             "`newstag init DIR`")
    tags = (tags or root / "tags").resolve()
    if tags.exists() and not tags.is_dir():
        raise WorkspaceError(f"{tags}: is a file, not a tags folder; pass --tags DIR")
    return Workspace(root, corpus, tags, root / ".newstag", resolve_annotator(annotator, root))


def init_workspace(root: Path) -> list[Path]:
    """Scaffold an empty workspace; never overwrites an existing file. Returns what it created."""
    created: list[Path] = []
    for folder in (root / "corpus", root / "tags"):
        if not folder.exists():
            folder.mkdir(parents=True)
            created.append(folder)
    files = {
        root / "tags" / "labels.yaml": DEFAULT_LABELS_YAML,
        root / ".gitignore": ".newstag/\ntags/**/.newstag.lock\n",
    }
    for path, content in files.items():
        if not path.exists():
            path.write_text(content, encoding="utf-8")
            created.append(path)
    return created


# -- small per-user state under .newstag/ (the article last read, ...) ------------------------
def read_state(ws: Workspace) -> dict[str, Any]:
    """What the TUI remembers between runs; {} when nothing (or something unreadable) is there."""
    try:
        data = json.loads((ws.cache / STATE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_state(ws: Workspace, **values: Any) -> None:
    """Merge `values` into the state file; a read-only workspace just forgets."""
    state = read_state(ws)
    state.update(values)
    path = ws.cache / STATE_NAME
    tmp = path.with_name(f".{STATE_NAME}.{os.getpid()}.tmp")
    try:
        ws.cache.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(state, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def last_read(ws: Workspace) -> str | None:
    """The id of the article this user read last in this workspace (the library's cursor)."""
    value = read_state(ws).get(f"last_read:{ws.annotator}")
    return value if isinstance(value, str) else None


def set_last_read(ws: Workspace, article_id: str) -> None:
    write_state(ws, **{f"last_read:{ws.annotator}": article_id})
