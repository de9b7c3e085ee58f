"""Tag files and git: which tag changes are not committed yet, committing only `tags/`, and
`git init` for a new workspace.

Runs the `git` command (no library): it is what the team already uses, it respects their hooks
and config, and a workspace that is not a git repository simply reports so. Lock and temp files
of the tag store are never staged.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

EXCLUDES = (":(exclude,glob)**/.newstag.lock", ":(exclude,glob)**/*.newstag-tmp")
TIMEOUT = 20.0


class GitError(Exception):
    """git refused or is missing; `str()` is one line a user can act on."""


@dataclass(frozen=True)
class TagChanges:
    """Uncommitted changes under the tags folder: (porcelain status, path from the repo root)."""

    in_git: bool
    files: tuple[tuple[str, str], ...] = ()

    @property
    def count(self) -> int:
        return len(self.files)

    def what(self) -> str:
        """The changed files by kind: `2 tag files, labels.yaml and done marks` — the label set
        and the done lists (`done.txt`) are not tag files, and are not called that."""
        tag_files = labels = done = other = 0
        for _status, path in self.files:
            name = path.rsplit("/", 1)[-1]
            if name == "labels.yaml":
                labels += 1
            elif name == "done.txt":
                done += 1
            elif name.endswith(".yaml"):
                tag_files += 1
            else:
                other += 1
        parts = []
        if tag_files:
            parts.append(f"{tag_files} tag file{'s' if tag_files != 1 else ''}")
        if labels:
            parts.append("labels.yaml")
        if done:
            parts.append("done marks")
        if other:
            parts.append(f"{other} other file{'s' if other != 1 else ''}")
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]

    def summary(self) -> str:
        if not self.in_git:
            return "tags not in git"
        if not self.files:
            return "tags committed"
        return f"{self.what()} uncommitted"


def _git(tags: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", "-C", str(tags), *args], capture_output=True, text=True,
                              timeout=TIMEOUT, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed; install git to share tags") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took longer than {TIMEOUT:.0f} s; try again") from None


def _first_line(proc: subprocess.CompletedProcess[str]) -> str:
    text = (proc.stderr or proc.stdout).strip()
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("hint:")]
    return lines[0] if lines else f"git exited with {proc.returncode}"


def is_repo(tags: Path) -> bool:
    if not tags.is_dir():
        return False
    proc = _git(tags, "rev-parse", "--is-inside-work-tree")
    return proc.returncode == 0 and proc.stdout.strip() == "true"


def work_tree(path: Path) -> Path | None:
    """The top of the git work tree holding `path`, or None (not in one, or no git)."""
    proc = _git(path, "rev-parse", "--show-toplevel")
    return Path(proc.stdout.strip()) if proc.returncode == 0 and proc.stdout.strip() else None


def init_repo(root: Path) -> str:
    """`git init` in `root` unless it is already in a git work tree; one line saying what happened.

    Never raises: a workspace works without git (sharing tags is what needs it), so a missing or
    failing git is reported, not fatal.
    """
    try:
        top = work_tree(root)
        if top is not None:
            where = "" if top.resolve() == root.resolve() else f" at {top}"
            return f"git: already in the git repository{where}; tags are committed there"
        proc = _git(root, "init", "-q")
    except GitError as exc:
        return (f"git: not initialised ({exc}); the workspace works without it: run `git init` "
                f"in {root} when you want to share tags")
    if proc.returncode != 0:
        return (f"git: `git init` failed ({_first_line(proc)}); the workspace works without it: "
                f"fix that and run `git init` in {root} to share tags")
    return (f"git: initialised a repository in {root}; commit the corpus and labels with `git add "
            "-A && git commit`, your tags from newstag (ctrl+p, Commit tags…)")


def tag_changes(tags: Path) -> TagChanges:
    """What `git status` says about the tags folder (new, modified and deleted tag files)."""
    if not is_repo(tags):
        return TagChanges(False)
    proc = _git(tags, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ".",
                *EXCLUDES)
    if proc.returncode != 0:
        raise GitError(f"git status: {_first_line(proc)}")
    files: list[tuple[str, str]] = []
    entries = proc.stdout.split("\0")
    i = 0
    while i < len(entries):
        entry = entries[i]
        i += 1
        if len(entry) < 4:
            continue
        status, path = entry[:2], entry[3:]
        if status[0] in "RC":
            i += 1  # the rename's source path follows as its own entry
        files.append((status.strip() or status, path))
    return TagChanges(True, tuple(files))


def commit_tags(tags: Path, message: str) -> str:
    """Stage and commit everything under the tags folder, and nothing else; returns the commit id.

    Other staged or modified files in the repository are left exactly as they were.
    """
    message = message.strip()
    if not message:
        raise GitError("the commit message is empty; write what these tags are")
    if not is_repo(tags):
        raise GitError(f"{tags} is not in a git repository; run `git init` in the workspace first")
    if tag_changes(tags).count == 0:
        raise GitError("no tag changes to commit")
    add = _git(tags, "add", "-A", "--", ".", *EXCLUDES)
    if add.returncode != 0:
        raise GitError(f"git add: {_first_line(add)}")
    proc = _git(tags, "commit", "-q", "-m", message, "--", ".", *EXCLUDES)
    if proc.returncode != 0:
        raise GitError(f"git commit: {_first_line(proc)}")
    head = _git(tags, "rev-parse", "--short", "HEAD")
    return head.stdout.strip()
