"""The pre-commit hook in docs/team-workflow.md, run verbatim by real git."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from exchange_helpers import SEED, tag
from git_helpers import REPO, git, git_env, new_workspace_repo, workspace  # noqa: F401 (fixture)

HAS_VALIDATE = importlib.util.find_spec("tui.cli.validate") is not None


def documented_hook() -> str:
    doc = (REPO / "docs" / "team-workflow.md").read_text(encoding="utf-8")
    after = doc.split("<!-- the hook below is tested verbatim by tests/git/test_hooks.py -->", 1)[1]
    match = re.search(r"```sh\n(.*?)```", after, re.S)
    assert match is not None
    return match.group(1)


def _install(root: Path) -> None:
    hook = root / ".git" / "hooks" / "pre-commit"
    hook.write_text(documented_hook(), encoding="utf-8")
    hook.chmod(0o755)


def _commit(root: Path, path: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    subprocess.run(["git", "add", "-A", "--", path], cwd=root, check=True)
    return subprocess.run(["git", "commit", "-q", "-m", "test"], cwd=root, env=env,
                          capture_output=True, text=True, check=False)


def test_the_hook_is_a_shell_script_that_only_guards_tag_changes(tmp_path, git_env):  # noqa: F811
    hook = documented_hook()
    assert hook.startswith("#!/bin/sh\n") and "exec newstag validate" in hook
    root = tmp_path / "ws"
    new_workspace_repo(root)
    _install(root)
    env = {**os.environ, "PATH": "/usr/bin:/bin"}  # newstag is not on this PATH
    (root / "README.md").write_text("notes\n", encoding="utf-8")
    assert _commit(root, "README.md", env).returncode == 0  # no tag change: the hook passes
    tag(workspace(root, "alice"), "alice", SEED, {"warning": [10]})
    refused = _commit(root, "tags", env)
    assert refused.returncode == 1
    assert "pre-commit: newstag is not on PATH" in refused.stderr


@pytest.mark.skipif(not HAS_VALIDATE, reason="`newstag validate` is not in this build yet")
def test_the_hook_refuses_broken_tag_files_and_passes_good_ones(tmp_path, git_env):  # noqa: F811
    root = tmp_path / "ws"
    new_workspace_repo(root)
    _install(root)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    tag(workspace(root, "alice"), "alice", SEED, {"warning": [10]})
    assert _commit(root, "tags", env).returncode == 0
    path = root / "tags" / "alice" / f"{SEED}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("label: warning", "label: rumour"),
                    encoding="utf-8")
    refused = _commit(root, "tags", env)
    assert refused.returncode == 1
    assert f"alice/{SEED}.yaml:" in refused.stderr + refused.stdout
    assert "rumour" in refused.stderr + refused.stdout
