"""`newstag stats`: counts by label, annotator and article; orphans apart; bad files reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from workspace_helpers import copy_seeds

from tui.cli.main import cli
from tui.core import articles
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagStore
from tui.core.workspace import open_workspace

REPO = Path(__file__).resolve().parents[2]
A, B = "000_698a1ff201fa72f9", "001_e98dd6f0637d58e7"
LABELS = ["speculation", "official statement", "warning"]


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = copy_seeds(tmp_path / "ws")
    w = open_workspace(root, annotator="ana")
    plan = {("ana", A): [(0, "warning"), (1, "warning"), (2, "speculation")],
            ("ana", B): [(0, "warning")], ("bob", A): [(0, "official statement")]}
    for (who, aid), picks in plan.items():
        art = articles.load(w.article_path(aid))
        session = TaggingSession(TagStore(w.tags), who, LABELS)
        session.open(art)
        for i, label in picks:
            s = art.sentences()[i]
            session.toggle(art, [(s.start, s.end)], label)
    monkeypatch.chdir(root)
    return w


def test_stats_table(ws) -> None:
    run = CliRunner().invoke(cli, ["stats"])
    assert run.exit_code == 0, run.output
    lines = run.output.splitlines()
    assert lines[0].split() == ["label", "tags", "articles", "annotators"]
    rows = {ln.split()[0]: ln.split()[-3:] for ln in lines[2:5]}
    assert rows == {"speculation": ["1", "1", "1"], "official": ["1", "1", "1"],
                    "warning": ["3", "2", "1"]}
    assert any(ln.split()[:4] == ["ana", "4", "2", "0"] for ln in lines)
    assert any(ln.split()[:4] == ["bob", "1", "1", "0"] for ln in lines)
    assert "5 tags by 2 annotator(s) on 2 article(s); 0 orphaned" in run.output
    assert "Concerns rise over potential banned weapons deal" in run.output  # titles, not ids only


def test_stats_json_counts_orphans_apart_and_reports_bad_files(ws) -> None:
    path = ws.tags / "ana" / f"{A}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("end:", "orphan: true\n  end:", 1),
                    encoding="utf-8")
    (ws.tags / "bob" / f"{B}.yaml").write_text("<<<<<<< HEAD\n", encoding="utf-8")
    run = CliRunner().invoke(cli, ["stats", "--json"])
    assert run.exit_code == 0
    data = json.loads(run.stdout)
    assert data["labels"] == LABELS
    assert sum(r["tags"] for r in data["counts"]) == 4
    assert data["orphans"] == [{"annotator": "ana", "article": A, "orphans": 1}]
    assert "merge-conflict marker" in run.stderr


def test_stats_counts_tags_where_they_stand_on_the_current_text(ws) -> None:
    path = ws.article_path(B)
    art = articles.load(path)
    gone = art.sentence_text(art.sentences()[0])  # ana's only tag on B
    path.write_text(art.text.replace(gone, "", 1), encoding="utf-8")
    data = json.loads(CliRunner().invoke(cli, ["stats", "--json"]).stdout)
    assert data["orphans"] == [{"annotator": "ana", "article": B, "orphans": 1}]
    assert sum(r["tags"] for r in data["counts"]) == 4
    assert TagStore(ws.tags).load("ana", B).doc.tags[0].orphan is False  # no file was written
