"""`newstag init DIR` runs `git init` when DIR is not in a repository; no git is no failure."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from git_helpers import git, git_env  # noqa: F401 (fixture)

from tui.cli.main import cli


def _init(target: Path):
    return CliRunner().invoke(cli, ["init", str(target)], catch_exceptions=False)


def test_init_runs_git_init_and_says_so(tmp_path, git_env):  # noqa: F811
    root = tmp_path / "ws"
    result = _init(root)
    assert result.exit_code == 0, result.output
    assert (root / ".git").is_dir()
    assert git(root, "rev-parse", "--show-toplevel").strip() == str(root.resolve())
    assert (f"git: initialised a repository in {root}; commit the corpus and labels with "
            "`git add -A && git commit`, your tags from newstag (ctrl+p, Commit tags…)"
            ) in result.stdout
    # The scaffold can be committed as is, and .newstag/ stays out of it.
    (root / ".newstag").mkdir()
    (root / ".newstag" / "cache").write_text("x", encoding="utf-8")
    git(root, "add", "-A")
    assert git(root, "diff", "--cached", "--name-only").split() == [".gitignore",
                                                                    "tags/labels.yaml"]
    again = _init(root)
    assert "git: already in the git repository; tags are committed there" in again.stdout


def test_init_inside_a_repository_does_not_nest_one(tmp_path, git_env):  # noqa: F811
    outer = tmp_path / "project"
    outer.mkdir()
    git(outer, "init", "-q")
    result = _init(outer / "newsroom")
    assert result.exit_code == 0
    assert not (outer / "newsroom" / ".git").exists()
    assert (f"git: already in the git repository at {outer.resolve()}; tags are committed there"
            in result.stdout)


def test_init_without_git_still_makes_the_workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin-here"))
    root = tmp_path / "ws"
    result = _init(root)
    assert result.exit_code == 0
    assert (root / "tags" / "labels.yaml").is_file() and (root / "corpus").is_dir()
    assert not (root / ".git").exists()
    assert (f"git: not initialised (git is not installed; install git to share tags); the "
            f"workspace works without it: run `git init` in {root} when you want to share tags"
            ) in result.stdout


def test_a_failing_git_init_is_reported_not_fatal(tmp_path, git_env):  # noqa: F811
    root = tmp_path / "ws"
    root.mkdir()
    (root / ".git").write_text("not a gitfile\n", encoding="utf-8")
    result = _init(root)
    assert result.exit_code == 0
    assert (root / "tags" / "labels.yaml").is_file()
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("git: "))
    assert line.startswith("git: `git init` failed (fatal: ")
    assert line.endswith(f"fix that and run `git init` in {root} to share tags")


def test_init_on_a_file_is_one_line(tmp_path):
    target = tmp_path / "afile"
    target.write_text("x", encoding="utf-8")
    result = _init(target)
    assert result.exit_code == 1
    assert result.stderr == (f"newstag: {target}: is a file; give a folder (it is created if "
                             "missing)\n")
