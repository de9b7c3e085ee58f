"""Shared set-up for the search tests: a throwaway workspace copied from the repo's seeds."""

from __future__ import annotations

from pathlib import Path

from workspace_helpers import seed_workspace as _seed_workspace

from tui.core import articles
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagStore
from tui.core.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]


def seed_workspace(tmp_path: Path, annotator: str = "alice") -> Workspace:
    return _seed_workspace(tmp_path, annotator)


def tag_sentence(ws: Workspace, annotator: str, article_id: str, index: int, label: str,
                 session: TaggingSession | None = None) -> tuple[int, int]:
    """Tag one sentence the way the reader does; returns its span."""
    art = articles.load(ws.article_path(article_id))
    session = session or TaggingSession(TagStore(ws.tags), annotator,
                                        ["speculation", "official statement", "warning"])
    session.open(art)
    s = art.sentences()[index]
    session.toggle(art, [(s.start, s.end)], label)
    return s.start, s.end


def git_write(path: Path, text: str) -> None:
    """Write a file the way `git checkout`/`git pull` does: a new file replaces the old one
    (so its folder's mtime changes, which the index's quick check relies on)."""
    import os

    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
