"""Where exports and imports write: a bad --out or a failing disk is one line, never a traceback."""

from __future__ import annotations

import errno

import pytest
from exchange_helpers import SEED, load, prose, run, seed_workspace, tag_files, team_workspace

from tui.cli import export as export_cli
from tui.core.exchange import articles_in
from tui.core.tagstore import TagFileError, TagStore

SINGLE_FILE = ["csv", "jsonl", "doccano", "w3c", "labelstudio", "html", "markdown"]


def _one_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_brat_into_an_existing_file_is_refused(tmp_path):
    ws = team_workspace(tmp_path)
    target = tmp_path / "notes.txt"
    target.write_text("keep me", encoding="utf-8")
    line = _one_line(run(ws, "export", "--format", "brat", "--out", str(target)))
    assert line == (f"newstag: --out {target}: is a file; brat writes a folder of .txt/.ann files, "
                    "so give a folder path (it is created if its parent exists)")
    assert target.read_text(encoding="utf-8") == "keep me"


def test_brat_creates_only_its_own_folder(tmp_path):
    ws = team_workspace(tmp_path)
    deep = tmp_path / "missing" / "brat"
    line = _one_line(run(ws, "export", "--format", "brat", "--out", str(deep)))
    assert line == (f"newstag: --out {deep}: folder {deep.parent} does not exist; create it "
                    "first or choose another place")
    assert not deep.parent.exists()
    ok = tmp_path / "brat"
    result = run(ws, "export", "--format", "brat", "--out", str(ok))
    assert result.exit_code == 0
    assert (ok / "alice" / f"{SEED}.ann").is_file() and (ok / "annotation.conf").is_file()


@pytest.mark.parametrize("fmt", SINGLE_FILE)
def test_a_missing_parent_folder_is_refused_not_created(tmp_path, fmt):
    ws = team_workspace(tmp_path)
    out = tmp_path / "nonexistent" / "dir" / f"x.{fmt}"
    line = _one_line(run(ws, "export", "--format", fmt, "--out", str(out)))
    assert line == (f"newstag: --out {out}: folder {out.parent} does not exist; create it first "
                    "or choose another place")
    assert not (tmp_path / "nonexistent").exists()


def test_a_folder_given_for_a_file_is_refused(tmp_path):
    ws = team_workspace(tmp_path)
    line = _one_line(run(ws, "export", "--format", "csv", "--out", str(tmp_path)))
    assert line == (f"newstag: --out {tmp_path}: is a folder; give a file path, e.g. "
                    f"{tmp_path / 'tags.csv'}")


def test_a_failing_disk_is_one_line_and_the_old_file_stays(tmp_path, monkeypatch):
    ws = team_workspace(tmp_path)
    out = tmp_path / "x.csv"
    out.write_text("old", encoding="utf-8")

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(export_cli, "write_atomic", full)
    line = _one_line(run(ws, "export", "--format", "csv", "--out", str(out)))
    assert line == f"newstag: {out}: cannot write (No space left on device); nothing was replaced"
    assert out.read_text(encoding="utf-8") == "old"


def test_brat_writing_failure_is_one_line(tmp_path):
    ws = team_workspace(tmp_path)
    out = tmp_path / "brat"
    out.mkdir()
    (out / "alice").write_text("a file where an annotator folder goes", encoding="utf-8")
    result = run(ws, "export", "--format", "brat", "--out", str(out))
    line = _one_line(result)
    assert line.startswith("newstag: ") and "cannot write (" in line
    assert line.endswith("the brat folder is incomplete")


def test_import_that_cannot_create_an_article_names_it_and_goes_on(tmp_path, monkeypatch):
    ws = seed_workspace(tmp_path)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Headline A\n\nA story about something.\n", encoding="utf-8")
    (src / "b.txt").write_text("Headline B\n\nAnother story about something.\n", encoding="utf-8")
    real_open = articles_in.os.open

    def refuse_a(path, flags, mode=0o777):
        if str(path).endswith("/a.txt") and str(ws.corpus) in str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(articles_in.os, "open", refuse_a)
    result = run(ws, "import", str(src))
    assert "Traceback" not in result.output
    assert (f"{src / 'a.txt'}: cannot create {ws.corpus / 'a.txt'} (Permission denied); skipped"
            in result.stderr)
    assert (ws.corpus / "b.txt").is_file() and not (ws.corpus / "a.txt").exists()


def test_an_empty_folder_to_import_is_said(tmp_path):
    ws = seed_workspace(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(ws, "import", str(empty))
    assert (f"{empty}: no .txt, .md, .html or .jsonl file in this folder; nothing to import"
            in result.stderr)


def test_import_tags_that_cannot_save_one_file_reports_it_and_saves_the_rest(tmp_path,
                                                                            monkeypatch):
    ws = team_workspace(tmp_path)
    out = tmp_path / "all.jsonl"
    run(ws, "export", "--format", "jsonl", "--annotator", "alice", "--out", str(out))
    real_save = TagStore.save

    def fail_seed(self, annotator, doc, base=None):
        if doc.article == SEED:
            raise TagFileError(f"{self.path_for(annotator, doc.article)}: could not save (No "
                               "space left on device); the file on disk is unchanged")
        return real_save(self, annotator, doc, base)

    monkeypatch.setattr(TagStore, "save", fail_seed)
    result = run(ws, "import-tags", str(out), "--format", "jsonl", "--annotator", "dora")
    assert "Traceback" not in result.output
    assert (f"dora/{SEED}.yaml: could not save (No space left on device); the file on disk is "
            "unchanged; 6 tag(s) for it not imported") in result.stderr
    assert "added 3 tag(s) (3 for dora)" in result.stderr
    assert set(tag_files(ws)) - {k for k in tag_files(ws) if not k.startswith("dora/")} == {
        "dora/001_e98dd6f0637d58e7.yaml"}
    assert prose(load(ws))  # the corpus is intact
