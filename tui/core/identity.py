"""Who is tagging: `--annotator`, else NEWSTAG_ANNOTATOR, else git's user.name, else the login.

The name becomes a folder under `tags/`, so it is turned into a slug that is the same on every OS
and can never escape that folder.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import re
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

ENV_VAR = "NEWSTAG_ANNOTATOR"
MAX_LEN = 64


def safe_name(name: str) -> str:
    """A folder name for a person: `Ana María` -> `ana-maria`, `李雷` -> `user-<hash>`."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:MAX_LEN].strip("-")
    if slug:
        return slug
    if name.strip():  # a name with no Latin letters: stable, and distinct from other such names
        digest = hashlib.sha256(name.strip().encode("utf-8", "surrogatepass")).hexdigest()
        return f"user-{digest[:8]}"
    return "anonymous"


def git_user_name(cwd: Path | None = None) -> str:
    """`git config user.name` as seen from `cwd` (repository config first), or ""."""
    try:
        out = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True,
                             timeout=2, cwd=cwd, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def explain_annotator(cli_value: str | None = None, cwd: Path | None = None) -> tuple[str, str]:
    """(slug, where it came from): the first non-blank of flag, environment, git, login."""
    sources: tuple[tuple[str, Callable[[], str | None]], ...] = (
        ("--annotator", lambda: cli_value),
        (ENV_VAR, lambda: os.environ.get(ENV_VAR)),
        ("git config user.name", lambda: git_user_name(cwd)),
        ("login name", login_name),
    )
    for origin, get in sources:
        value = get()
        if value and value.strip():
            return safe_name(value), origin
    return "anonymous", "default"


def resolve_annotator(cli_value: str | None = None, cwd: Path | None = None) -> str:
    return explain_annotator(cli_value, cwd)[0]
