"""Who is tagging (flag, environment, git, login) and where the workspace's files are."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tui.core import identity
from tui.core.workspace import WorkspaceError, init_workspace, open_workspace


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose own config names the user; no global or system config leaks in."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("GIT_CONFIG_GLOBAL", raising=False)
    monkeypatch.delenv(identity.ENV_VAR, raising=False)
    root = tmp_path / "ws"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "config", "user.name", "Ana María"], check=True)
    return root


def test_resolution_order(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(identity, "login_name", lambda: "loginuser")
    monkeypatch.setenv(identity.ENV_VAR, "Env Person")
    assert identity.explain_annotator("Flag Person", repo) == ("flag-person", "--annotator")
    assert identity.explain_annotator("   ", repo) == ("env-person", identity.ENV_VAR)
    monkeypatch.setenv(identity.ENV_VAR, "")
    assert identity.explain_annotator(None, repo) == ("ana-maria", "git config user.name")
    outside = repo.parent / "not-a-repo"
    outside.mkdir()
    assert identity.explain_annotator(None, outside) == ("loginuser", "login name")
    monkeypatch.setattr(identity, "login_name", lambda: "")
    assert identity.explain_annotator(None, outside) == ("anonymous", "default")


def test_no_git_at_all(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr(identity, "login_name", lambda: "someone")
    assert identity.resolve_annotator(None, repo) == "someone"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Ana María", "ana-maria"),
        ("  O'Brien, Seán ", "o-brien-sean"),
        ("../../etc/passwd", "etc-passwd"),
        ("UPPER_case.Name", "upper-case-name"),
        ("x" * 100, "x" * 64),
        ("", "anonymous"),
    ],
)
def test_safe_name(name: str, slug: str) -> None:
    assert identity.safe_name(name) == slug


def test_names_without_latin_letters_get_distinct_stable_slugs() -> None:
    a, b = identity.safe_name("李雷"), identity.safe_name("韩梅梅")
    assert a.startswith("user-") and b.startswith("user-") and a != b
    assert identity.safe_name("李雷") == a


def test_workspace_folders(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    ws = open_workspace(tmp_path, annotator="Me")
    assert (ws.corpus, ws.tags, ws.cache, ws.annotator) == (
        tmp_path / "seeds",
        tmp_path / "tags",
        tmp_path / ".newstag",
        "me",
    )
    (tmp_path / "corpus").mkdir()
    assert open_workspace(tmp_path, annotator="me").corpus == tmp_path / "corpus"  # corpus/ wins
    other = tmp_path / "elsewhere"
    other.mkdir()
    ws = open_workspace(tmp_path, corpus=other, tags=tmp_path / "t2", annotator="me")
    assert (ws.corpus, ws.tags) == (other, tmp_path / "t2")


def test_workspace_errors_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no corpus folder here; pass --corpus DIR"):
        open_workspace(tmp_path, annotator="me")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "tags").write_text("oops")
    with pytest.raises(WorkspaceError, match="is a file, not a tags folder"):
        open_workspace(tmp_path, annotator="me")


def test_init_never_overwrites(tmp_path: Path) -> None:
    created = init_workspace(tmp_path)
    assert (
        tmp_path / "tags" / "labels.yaml" in created
        and ".newstag/" in (tmp_path / ".gitignore").read_text()
    )
    (tmp_path / "tags" / "labels.yaml").write_text("mine")
    assert init_workspace(tmp_path) == []
    assert (tmp_path / "tags" / "labels.yaml").read_text() == "mine"
