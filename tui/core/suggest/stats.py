"""Each cue's record with one annotator: how often its ghost was accepted, how often dismissed.

Kept in `.newstag/suggest/<annotator>.json`, beside the other per-user state (reading
positions): it is this annotator's taste, not the team's data, and losing it costs nothing but
a quiet cue speaking again and dismissed ghosts coming back. It is not in `tags/`, where every
file is an article's tags that validate, stats, export and git merges expect.

A cue goes quiet when it has been decided on `QUIET_AFTER` times or more and accepted less than
`QUIET_BELOW` of them; it speaks again if its rate recovers (it never does by itself: a quiet
cue proposes nothing, so only its model-shared decisions could move it).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_atomic

QUIET_AFTER = 5
QUIET_BELOW = 0.25
MODEL = "(model)"  # the name the learned model's decisions are counted under
SCHEMA = 1


def sentence_key(label: str, text: str) -> str:
    """A dismissal survives edits elsewhere in the article: keyed by the sentence's words."""
    words = " ".join(text.split())
    return f"{label}:{hashlib.sha256(words.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"


@dataclass
class CueStats:
    """Accepted / dismissed counts per (label, cue), and the ghosts dismissed per article."""

    path: Path | None = None
    counts: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    dismissed: dict[str, set[str]] = field(default_factory=dict)
    problem: str | None = None  # why the file could not be read (it is then started afresh)

    @classmethod
    def load(cls, path: Path) -> CueStats:
        stats = cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return stats
        except (OSError, ValueError) as exc:
            stats.problem = f"{path}: unreadable ({exc}); cue statistics start again"
            return stats
        if not isinstance(data, dict):
            stats.problem = f"{path}: not a JSON object; cue statistics start again"
            return stats
        for label, cues in (data.get("cues") or {}).items():
            if isinstance(cues, dict):
                for cue, pair in cues.items():
                    if (isinstance(pair, list) and len(pair) == 2
                            and all(isinstance(n, int) and n >= 0 for n in pair)):
                        stats.counts.setdefault(str(label), {})[str(cue)] = [pair[0], pair[1]]
        for article, keys in (data.get("dismissed") or {}).items():
            if isinstance(keys, list):
                stats.dismissed[str(article)] = {str(k) for k in keys}
        return stats

    def save(self) -> None:
        if self.path is None:
            return
        data = {
            "schema": SCHEMA,
            "cues": {lb: dict(sorted(c.items())) for lb, c in sorted(self.counts.items())},
            "dismissed": {a: sorted(k) for a, k in sorted(self.dismissed.items()) if k},
        }
        write_atomic(self.path, (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode())

    # -- decisions ---------------------------------------------------------------------------
    def record(self, label: str, cues: tuple[str, ...], accepted: bool) -> None:
        for cue in cues:
            pair = self.counts.setdefault(label, {}).setdefault(cue, [0, 0])
            pair[0 if accepted else 1] += 1

    def dismiss(self, article_id: str, label: str, sentence: str) -> None:
        self.dismissed.setdefault(article_id, set()).add(sentence_key(label, sentence))

    def is_dismissed(self, article_id: str, label: str, sentence: str) -> bool:
        keys = self.dismissed.get(article_id)
        return keys is not None and sentence_key(label, sentence) in keys

    # -- what the counts say -----------------------------------------------------------------
    def rate(self, label: str, cue: str) -> tuple[int, int]:
        """(accepted, dismissed) for one cue."""
        pair = self.counts.get(label, {}).get(cue, [0, 0])
        return pair[0], pair[1]

    def is_quiet(self, label: str, cue: str) -> bool:
        accepted, dismissed = self.rate(label, cue)
        decided = accepted + dismissed
        return decided >= QUIET_AFTER and accepted / decided < QUIET_BELOW

    def quiet(self) -> dict[str, list[tuple[str, int, int]]]:
        """label -> [(cue, accepted, dismissed)] of the quiet cues."""
        out: dict[str, list[tuple[str, int, int]]] = {}
        for label, cues in sorted(self.counts.items()):
            for cue in sorted(cues):
                if self.is_quiet(label, cue):
                    out.setdefault(label, []).append((cue, *self.rate(label, cue)))
        return out
