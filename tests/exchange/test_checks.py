"""Every export places each tag on its article's text, and says what it left out and why."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from html.parser import HTMLParser

import jsonschema
import pytest
from exchange_helpers import REPO, SEED, run, seed_workspace, team_workspace

from tui.core.tagstore import TagStore

FORMATS = ["csv", "jsonl", "doccano", "w3c", "labelstudio", "html", "markdown"]
SCHEMA = json.loads((REPO / "tests/data/w3c-web-annotation.schema.json").read_text())


def test_orphans_are_left_out_and_offsets_out_of_range_are_re_found(tmp_path):
    """An offset past the end is re-found by its quote (as the reader would); an orphan is not."""
    ws = team_workspace(tmp_path)
    store = TagStore(ws.tags)
    loaded = store.load("alice", SEED)
    first, second, *rest = loaded.doc.tags
    broken = (replace(first, end=999999),
              replace(second, orphan=True, quote="words that are nowhere in the article"))
    store.save("alice", replace(loaded.doc, tags=(*broken, *rest)), base=loaded)
    result = run(ws, "export", "--format", "jsonl")
    left = [ln for ln in result.stderr.splitlines() if ln.startswith("left out:")]
    assert len(left) == 1
    assert f"tag {second.id} ({second.label}): orphaned: its quote is no longer" in left[0]
    assert "alice re-attaches or deletes it in the Orphans view" in left[0]
    rows = [json.loads(ln) for ln in result.stdout.splitlines()]
    assert len(rows) == 17
    assert "some offsets do not fit its quotes (1 re-found, 1 orphaned); placed" in result.stderr
    (back,) = [r for r in rows if r["id"] == first.id and r["annotator"] == "alice"]
    assert (back["start"], back["end"], back["quote"]) == (first.start, first.end, first.quote)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("fmt", FORMATS + ["brat"])
def test_exporting_no_tags_gives_a_valid_empty_file_and_a_message(tmp_path, fmt):
    ws = seed_workspace(tmp_path)
    out = tmp_path / ("brat" if fmt == "brat" else f"empty.{fmt}")
    result = run(ws, "export", "--format", fmt, "--out", str(out))
    assert result.exit_code == 0
    assert f"no tags matched; wrote an empty {fmt} export to {out}" in result.stderr
    if fmt == "brat":
        assert sorted(p.name for p in out.iterdir()) == ["annotation.conf", "visual.conf"]
        assert "speculation\nofficial_statement\nwarning\n" in (out / "annotation.conf").read_text()
        return
    text = out.read_text(encoding="utf-8")
    if fmt == "csv":
        assert list(csv.reader(io.StringIO(text, newline=""))) == [
            ["article", "title", "sentence", "start", "end", "label", "annotator", "quote", "note"]]
    elif fmt in ("jsonl", "doccano"):
        assert text == ""  # zero lines is a valid JSON Lines file
    elif fmt == "w3c":
        doc = json.loads(text)
        jsonschema.validate(doc, SCHEMA)
        assert doc["total"] == 0
    elif fmt == "labelstudio":
        assert json.loads(text) == []
        assert (tmp_path / "empty.label_config.xml").read_text().startswith("<View>")
    elif fmt == "html":
        parser = _Text()
        parser.feed(text)
        assert "No tags matched this export." in "".join(parser.text)
    else:
        assert "No tags matched this export." in text


def test_filters_by_label_annotator_and_article(tmp_path):
    ws = team_workspace(tmp_path)
    rows = [json.loads(ln) for ln in run(ws, "export", "--format", "jsonl", "--label", "warning",
                                          "--annotator", "bob").stdout.splitlines()]
    assert {(r["label"], r["annotator"]) for r in rows} == {("warning", "bob")}
    assert len(rows) == 3
    rows = [json.loads(ln) for ln in run(ws, "export", "--format", "jsonl", "--article",
                                          SEED).stdout.splitlines()]
    assert {r["article"] for r in rows} == {SEED} and len(rows) == 12


def test_brat_without_out_is_a_one_line_error(tmp_path):
    ws = seed_workspace(tmp_path)
    result = run(ws, "export", "--format", "brat")
    assert result.exit_code == 1
    expected = "newstag: brat writes a folder of .txt/.ann files; pass --out DIR"
    assert result.stderr.strip() == expected
