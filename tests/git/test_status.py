"""What the status line and "Commit tags…" rely on: git status of tags/, and commits of only it."""

from __future__ import annotations

import pytest
from exchange_helpers import SEED, tag
from git_helpers import git, git_env, new_workspace_repo, workspace  # noqa: F401 (fixture)

from tui.core.gitstatus import GitError, commit_tags, tag_changes


def test_changes_and_a_commit_of_only_the_tags(tmp_path, git_env):  # noqa: F811
    root = tmp_path / "ws"
    new_workspace_repo(root)
    ws = workspace(root, "alice")
    assert tag_changes(ws.tags).count == 0
    assert tag_changes(ws.tags).summary() == "tags committed"
    session = tag(ws, "alice", SEED, {"speculation": [3]})
    (root / "notes.txt").write_text("my own notes, not for this commit\n", encoding="utf-8")
    (root / "seeds" / "new.txt").write_text("A new article staged by hand\n\nText.\n")
    git(root, "add", "seeds/new.txt")
    changes = tag_changes(ws.tags)
    assert changes.files == (("??", f"tags/alice/{SEED}.yaml"),)
    assert changes.summary() == "1 tag file uncommitted"
    assert (ws.tags / "alice" / ".newstag.lock").exists()  # the store's lock: never committed

    commit_id = commit_tags(ws.tags, "alice: speculation in the Kim article")
    assert commit_id == git(root, "rev-parse", "--short", "HEAD").strip()
    shown = git(root, "show", "--name-only", "--format=%s", "HEAD").split()
    assert shown[-1] == f"tags/alice/{SEED}.yaml"
    assert "speculation in the Kim article" in git(root, "log", "-1", "--format=%s")
    status = git(root, "status", "--porcelain")
    assert "A  seeds/new.txt" in status  # someone's staged file is still staged, uncommitted
    assert "?? notes.txt" in status
    assert ".newstag.lock" not in git(root, "ls-files")

    art = session._articles[SEED]
    session.toggle(art, [(art.sentences()[5].start, art.sentences()[5].end)], "warning")
    assert tag_changes(ws.tags).files == (("M", f"tags/alice/{SEED}.yaml"),)
    session.undo()
    session.undo()
    assert tag_changes(ws.tags).files == (("D", f"tags/alice/{SEED}.yaml"),)
    commit_tags(ws.tags, "alice: nothing after all")
    assert tag_changes(ws.tags).count == 0


def test_one_line_errors(tmp_path, git_env):  # noqa: F811
    plain = tmp_path / "plain"
    (plain / "tags").mkdir(parents=True)
    assert tag_changes(plain / "tags").summary() == "tags not in git"
    with pytest.raises(GitError, match="is not in a git repository; run `git init`"):
        commit_tags(plain / "tags", "x")
    root = tmp_path / "ws"
    new_workspace_repo(root)
    with pytest.raises(GitError, match="^no tag changes to commit$"):
        commit_tags(root / "tags", "nothing")
    with pytest.raises(GitError, match="the commit message is empty"):
        commit_tags(root / "tags", "   ")
    hook = root / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'tags/x.yaml:3: broken; fix it' >&2\nexit 1\n")
    hook.chmod(0o755)
    tag(workspace(root, "alice"), "alice", SEED, {"warning": [10]})
    with pytest.raises(GitError) as err:
        commit_tags(root / "tags", "blocked by the hook")
    assert str(err.value) == "git commit: tags/x.yaml:3: broken; fix it"


def test_the_status_says_labels_yaml_and_done_marks_by_name(tmp_path, git_env):  # noqa: F811
    """labels.yaml and done.txt are not tag files: the status line does not call them that."""
    from tui.core.done_marks import set_done

    root = tmp_path / "ws"
    new_workspace_repo(root)
    ws = workspace(root, "alice")
    labels = ws.labels_path.read_text(encoding="utf-8")
    ws.labels_path.write_text(labels + "\n", encoding="utf-8")
    assert tag_changes(ws.tags).summary() == "labels.yaml uncommitted"
    tag(ws, "alice", SEED, {"speculation": [3]})
    set_done(ws.tags, "alice", SEED, True)
    assert tag_changes(ws.tags).summary() == "1 tag file, labels.yaml and done marks uncommitted"
