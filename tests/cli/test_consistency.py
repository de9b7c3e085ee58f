"""After an article is edited, validate, stats and export count the same tags and orphans."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner
from workspace_helpers import copy_seeds

from tui.cli.main import cli
from tui.core import articles
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagStore
from tui.core.workspace import open_workspace

REPO = Path(__file__).resolve().parents[2]
AID = "000_698a1ff201fa72f9"
LABELS = ["speculation", "official statement", "warning"]
GONE = "Kim is also scheduled to visit Russia's Pacific fleet, a university, and other facilities."


def test_every_command_reports_the_same_orphans_on_an_edited_article(
    tmp_path: Path, monkeypatch
) -> None:
    root = copy_seeds(tmp_path / "ws")
    ws = open_workspace(root, annotator="ana")
    art = articles.load(ws.article_path(AID))
    body = [s for s in art.sentences() if not s.chrome]
    gone = next(s for s in body if art.sentence_text(s) == GONE)
    for who in ("ana", "bob"):
        session = TaggingSession(TagStore(ws.tags), who, LABELS)
        session.open(art)
        picks = ((body[3], "speculation"), (body[5], "warning"), (gone, "official statement"))
        for s, label in picks:
            session.toggle(art, [(s.start, s.end)], label)
    before = {p: p.read_bytes() for p in ws.tags.rglob("*.yaml")}
    path = ws.article_path(AID)
    path.write_text("A NEW FIRST LINE\n\n" + art.text.replace(GONE, ""), encoding="utf-8")
    monkeypatch.chdir(root)
    run = CliRunner()

    val = run.invoke(cli, ["validate"])
    assert val.exit_code == 1
    assert val.stdout.count("is an orphan") == 2  # one per annotator: the deleted sentence
    assert "2 orphaned" in val.stderr and "2 tag(s) re-found" in val.stderr

    stats = json.loads(run.invoke(cli, ["stats", "--json"]).stdout)
    orphans = [row for row in stats["orphans"] if row["article"] == AID]
    assert sorted((r["annotator"], r["orphans"]) for r in orphans) == [("ana", 1), ("bob", 1)]
    assert sum(r["tags"] for r in stats["counts"]) == 4

    out = root / "x.csv"
    exp = run.invoke(cli, ["export", "--format", "csv", "--out", str(out)])
    assert exp.exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert len(rows) == 4 and "official statement" not in {r["label"] for r in rows}
    text = path.read_text(encoding="utf-8")
    assert all(text[int(r["start"]) : int(r["end"])] == r["quote"] for r in rows)
    assert {p: p.read_bytes() for p in ws.tags.rglob("*.yaml")} == before  # nobody's file written


def test_usage_errors_are_one_line_and_stats_without_labels_fails(tmp_path) -> None:
    """click's own errors look like every other error: one line, `newstag: ...`, exit 2; and
    `stats` with no labels.yaml exits 1 as `validate` does."""
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    root = tmp_path / "ws"
    shutil.copytree(repo / "seeds", root / "seeds")
    (root / "tags").mkdir()
    env = {**os.environ, "PYTHONPATH": str(repo)}

    def newstag(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tui", *args], cwd=root, env=env,
                              capture_output=True, text=True, timeout=60)

    for args, says in ((["export"], "newstag: export: Missing option '--format'"),
                       (["frobnicate"], "newstag: No such command 'frobnicate'"),
                       (["stats", "--bogus"], "newstag: stats: No such option '--bogus'")):
        result = newstag(*args)
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1 and result.stderr.startswith(says), result.stderr
    assert newstag("--help").returncode == 0
    stats, validate = newstag("stats"), newstag("validate")
    assert stats.returncode == validate.returncode == 1
    assert "labels.yaml:1: no label set here" in stats.stderr
