"""Real git in tmp_path for the team-workflow tests: an isolated config, a bare hub, clones."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from workspace_helpers import copy_seeds

from tui.core.workspace import Workspace, open_workspace

REPO = Path(__file__).resolve().parents[2]


def git(cwd: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, f"git {' '.join(args)}: {proc.stderr}"
    return proc.stdout


@pytest.fixture
def git_env(tmp_path, monkeypatch):
    """No global or system config leaks in; a known identity; merges, not rebases, on pull."""
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Test Person\n\temail = test@newstag.invalid\n"
                      "[init]\n\tdefaultBranch = main\n[pull]\n\trebase = false\n"
                      "[advice]\n\tdetachedHead = false\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(var, raising=False)
    return config


def new_workspace_repo(root: Path) -> None:
    """A workspace as a team starts one: seeds, labels, the .gitignore of `newstag init`."""
    copy_seeds(root)
    (root / ".gitignore").write_text(".newstag/\ntags/**/.newstag.lock\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "workspace")


def workspace(root: Path, annotator: str) -> Workspace:
    return open_workspace(root, annotator=annotator)
