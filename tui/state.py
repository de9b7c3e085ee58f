"""Where the reader left off (last article, cursor per article), one file per annotator:
`.newstag/state-<annotator>.json` (two people sharing a workspace, or `serve` tabs as different
annotators, each come back to their own place).

Derived, disposable data like everything under `.newstag/`: a missing or damaged file just means
starting at the top.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.atomic import write_atomic

VERSION = 1
MAX_POSITIONS = 500  # cursor positions remembered; the oldest are forgotten first


@dataclass
class ReadingState:
    path: Path
    last_read: str = ""
    positions: dict[str, int] = field(default_factory=dict)  # article id -> cursor offset

    @classmethod
    def for_annotator(cls, cache: Path, annotator: str) -> ReadingState:
        """This annotator's reading state (the name is already a safe folder name)."""
        return cls.load(cache / f"state-{annotator}.json")

    @classmethod
    def load(cls, path: Path) -> ReadingState:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path)
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return cls(path)
        last = data.get("last_read")
        raw = data.get("positions")
        positions = ({str(k): v for k, v in raw.items() if isinstance(v, int)}
                     if isinstance(raw, dict) else {})
        return cls(path, last if isinstance(last, str) else "", positions)

    def remember(self, article_id: str, offset: int | None = None) -> None:
        self.last_read = article_id
        if offset is not None:
            self.positions.pop(article_id, None)
            self.positions[article_id] = offset
            while len(self.positions) > MAX_POSITIONS:
                self.positions.pop(next(iter(self.positions)))

    def save(self) -> bool:
        """Write the file; False (and nothing raised) when the workspace is read-only."""
        data = {"version": VERSION, "last_read": self.last_read, "positions": self.positions}
        try:
            write_atomic(self.path, (json.dumps(data, indent=1) + "\n").encode())
        except OSError:
            return False
        return True
