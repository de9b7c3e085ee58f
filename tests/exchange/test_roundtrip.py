"""Export then import-tags reproduces every tag, for each format newstag can read back."""

from __future__ import annotations

import shutil

import pytest
import yaml
from exchange_helpers import run, tag_files, team_workspace

# What each format carries; `created` has no place in doccano, and Label Studio keeps one time
# per annotation, not per region, so those two reproduce every tag but not its creation time.
LOSSLESS = {"jsonl", "w3c"}
FIELDS = ("id", "label", "start", "end", "quote", "prefix", "suffix", "note")


def _tags(files: dict[str, bytes], fields: tuple[str, ...]) -> dict[str, list[tuple]]:
    out = {}
    for name, data in files.items():
        doc = yaml.safe_load(data)
        out[name] = [tuple(t[f] for f in fields) for t in doc["tags"]]
    return out


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "w3c", "labelstudio"])
def test_export_then_import_reproduces_every_tag(tmp_path, fmt):
    ws = team_workspace(tmp_path)
    before = tag_files(ws)
    assert sum(len(v) for v in _tags(before, ("id",)).values()) == 18
    out = tmp_path / f"export.{fmt}"
    result = run(ws, "export", "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert "exported 18 tag(s) from 2 article(s)" in result.stderr

    shutil.rmtree(ws.tags / "alice")
    shutil.rmtree(ws.tags / "bob")
    result = run(ws, "import-tags", str(out), "--format", fmt)
    assert result.exit_code == 0, result.stderr
    summary = "added 18 tag(s) (9 for alice, 9 for bob); 0 already there; 0 not imported"
    assert summary in result.stderr
    after = tag_files(ws)
    assert after.keys() == before.keys()
    if fmt in LOSSLESS:
        assert after == before  # byte for byte, creation times included
    else:
        fields = FIELDS if fmt == "labelstudio" else tuple(f for f in FIELDS if f != "note")
        assert _tags(after, fields) == _tags(before, fields)


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "w3c", "labelstudio"])
def test_importing_the_same_export_twice_changes_nothing(tmp_path, fmt):
    ws = team_workspace(tmp_path)
    out = tmp_path / f"export.{fmt}"
    run(ws, "export", "--format", fmt, "--out", str(out))
    before = tag_files(ws)
    mtimes = {p: p.stat().st_mtime_ns for p in ws.tags.rglob("*.yaml")}
    result = run(ws, "import-tags", str(out), "--format", fmt)
    assert "added 0 tag(s) (none); 18 already there" in result.stderr
    assert tag_files(ws) == before
    assert {p: p.stat().st_mtime_ns for p in ws.tags.rglob("*.yaml")} == mtimes
