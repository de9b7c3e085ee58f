"""Shared set-up for the exchange, agreement and review tests: seeds and two or three annotators."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from workspace_helpers import seed_workspace as _seed_workspace

from tui.cli.main import cli
from tui.core import articles
from tui.core.articles import Article
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagStore
from tui.core.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
LABELS = ["speculation", "official statement", "warning"]
SEED = "000_698a1ff201fa72f9"
HOSTILE_NOTE = 'He said, "no"\nthen: naïve café — 東京, 100%; =SUM(A1)'


def seed_workspace(tmp_path: Path, annotator: str = "alice") -> Workspace:
    return _seed_workspace(tmp_path, annotator)


def load(ws: Workspace, article_id: str = SEED) -> Article:
    path = ws.article_path(article_id)
    assert path is not None
    return articles.load(path)


def prose(art: Article) -> list[tuple[int, int]]:
    """Spans of the sentences the cursor visits (not site chrome)."""
    return [(s.start, s.end) for s in art.sentences() if not s.chrome]


def tag(ws: Workspace, annotator: str, article_id: str, picks: dict[str, list[int]],
        note: str = "") -> TaggingSession:
    """Tag prose sentences by position, as the reader does; the first tag gets `note`."""
    session = TaggingSession(TagStore(ws.tags), annotator, LABELS)
    art = load(ws, article_id)
    session.open(art)
    spans = prose(art)
    for label, indexes in picks.items():
        session.toggle(art, [spans[i] for i in indexes], label)
    if note:
        first = session.doc(art.id).tags[0]
        session.set_note(art, [first.id], note)
    return session


def team_workspace(tmp_path: Path) -> Workspace:
    """alice and bob tag two seeds (partly agreeing); alice's first tag has a hostile note."""
    ws = seed_workspace(tmp_path)
    other = "001_e98dd6f0637d58e7"
    tag(ws, "alice", SEED, {"speculation": [3, 5, 9], "official statement": [1, 7],
                            "warning": [10]}, note=HOSTILE_NOTE)
    tag(ws, "bob", SEED, {"speculation": [3, 6, 9], "official statement": [1], "warning": [10, 11]})
    tag(ws, "alice", other, {"speculation": [0, 2], "warning": [4]})
    tag(ws, "bob", other, {"speculation": [2], "official statement": [3], "warning": [4]})
    return ws


def run(ws: Workspace, *args: str) -> Result:
    """`newstag --root WS ARGS...` in-process; stdout and stderr kept apart."""
    return CliRunner().invoke(cli, ["--root", str(ws.root), "--annotator", ws.annotator, *args],
                              catch_exceptions=False)


def tag_files(ws: Workspace) -> dict[str, bytes]:
    return {str(p.relative_to(ws.tags)): p.read_bytes() for p in sorted(ws.tags.rglob("*.yaml"))
            if p.name != "labels.yaml"}
