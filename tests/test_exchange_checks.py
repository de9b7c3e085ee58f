"""Every export checks each tag's offsets against its quote, and says what it left out and why."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import jsonschema
import pytest
from exchange_helpers import REPO, SEED, run, seed_workspace, team_workspace

FORMATS = ["csv", "jsonl", "doccano", "w3c", "labelstudio", "html", "markdown"]
SCHEMA = json.loads((REPO / "tests/data/w3c-web-annotation.schema.json").read_text())


def _edit_article(ws) -> None:
    """Someone edits the seed behind newstag's back: an early sentence gets longer."""
    path = ws.article_path(SEED)
    text = path.read_text(encoding="utf-8")
    assert "North Korean leader" in text
    path.write_text(text.replace("North Korean leader", "The North Korean leader", 1),
                    encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_tags_whose_offsets_no_longer_match_are_left_out_and_named(tmp_path, fmt):
    ws = team_workspace(tmp_path)
    _edit_article(ws)
    result = run(ws, "export", "--format", fmt, "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    left = [ln for ln in result.stderr.splitlines() if ln.startswith("left out:")]
    # Every tag of both annotators on the edited article sits after the edit: all 12 are left out.
    assert len(left) == 12
    assert all("no longer match its quote" in ln for ln in left)
    assert all(f"{SEED}.yaml tag " in ln for ln in left)
    assert "exported 6 tag(s) from 1 article(s)" in result.stderr
    assert "left out 12 (listed above)" in result.stderr
    written = (tmp_path / "out").read_text(encoding="utf-8")
    assert SEED not in written


def test_orphaned_and_out_of_range_tags_are_left_out_with_their_reason(tmp_path):
    ws = team_workspace(tmp_path)
    path = ws.tags / "alice" / f"{SEED}.yaml"
    head, *blocks = path.read_text(encoding="utf-8").split("\n- id: ")
    assert len(blocks) == 6
    first, second = blocks[0].split("\n"), blocks[1]
    blocks[0] = "\n".join("  end: 999999" if ln.startswith("  end: ") else ln for ln in first)
    blocks[1] = second.replace("  created:", "  orphan: true\n  created:", 1)
    path.write_text("\n- id: ".join([head, *blocks]), encoding="utf-8")
    result = run(ws, "export", "--format", "jsonl")
    left = [ln for ln in result.stderr.splitlines() if ln.startswith("left out:")]
    assert len(left) == 2
    assert any("run past the end of the article" in ln for ln in left)
    assert any("orphaned (its quote is no longer in the article)" in ln for ln in left)
    assert len(result.stdout.splitlines()) == 16


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
