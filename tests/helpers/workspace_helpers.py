"""The seed workspace every layer's tests start from: `seeds/` (five articles) and the default
`tags/labels.yaml`, copied under a folder of the test's own. The one copy routine (it was written
out eight times)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tui.core.workspace import Workspace, open_workspace

REPO = Path(__file__).resolve().parents[2]


def copy_seeds(root: Path, labels: bool = True) -> Path:
    """`root/seeds` and `root/tags` (with the default labels unless `labels=False`); `root`."""
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "tags").mkdir(parents=True, exist_ok=True)
    if labels:
        shutil.copy(REPO / "tags" / "labels.yaml", root / "tags" / "labels.yaml")
    return root


def seed_workspace(tmp_path: Path, annotator: str = "tester") -> Workspace:
    """The seed workspace in `tmp_path/ws`, opened as `annotator`."""
    return open_workspace(copy_seeds(tmp_path / "ws"), annotator=annotator)
