"""Who is tagging: `--annotator`, else NEWSTAG_ANNOTATOR, else git's user.name, else the login."""

from __future__ import annotations

import getpass
import os
import re
import subprocess
import unicodedata


def safe_name(name: str) -> str:
    """Turn a person's name into a folder name that is the same on every OS: `Ana María` → `ana-maria`."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return slug[:64] or "anonymous"


def _git_user() -> str:
    try:
        out = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, timeout=2)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def resolve_annotator(cli_value: str | None = None) -> str:
    for candidate in (cli_value, os.environ.get("NEWSTAG_ANNOTATOR"), _git_user()):
        if candidate and candidate.strip():
            return safe_name(candidate)
    try:
        return safe_name(getpass.getuser())
    except (OSError, KeyError):
        return "anonymous"
