"""The team's label set (`tags/labels.yaml`): names, keys, colours and the tagging guideline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlsafe

# Keys the reader uses for itself (DESIGN.md); a label may not take one of them.
READER_KEYS = frozenset("jknpgGvxauq[]/? 123456789") | {"space", "escape", "enter", "tab"}
KNOWN_FIELDS = {"name", "key", "color", "description", "cues"}
NAMED_COLORS = {
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", "orange", "purple",
    "pink", "gray", "grey", "brown", "teal", "lime", "olive", "navy", "maroon", "aqua", "fuchsia",
    "silver", "gold", "violet", "indigo", "coral", "salmon", "turquoise", "khaki", "orchid",
    "bright_red", "bright_green", "bright_yellow", "bright_blue", "bright_magenta", "bright_cyan",
}
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_COLORS = ["yellow", "green", "red", "cyan", "magenta", "blue", "orange", "purple", "teal"]


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    key: str
    color: str
    description: str = ""
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class LabelSet:
    labels: tuple[Label, ...] = ()
    problems: tuple[str, ...] = field(default=())

    def by_name(self, name: str) -> Label | None:
        return next((lb for lb in self.labels if lb.name == name), None)

    def by_key(self, key: str) -> Label | None:
        return next((lb for lb in self.labels if lb.key == key), None)

    def by_number(self, n: int) -> Label | None:
        return self.labels[n - 1] if 1 <= n <= len(self.labels) else None

    @property
    def names(self) -> list[str]:
        return [lb.name for lb in self.labels]


class LabelsError(Exception):
    """labels.yaml cannot be used at all (missing, not YAML); `str()` is one line."""


def _line_of(text: str, needle: str, after: int = 0) -> int:
    idx = text.find(needle, after)
    return text.count("\n", 0, idx) + 1 if idx >= 0 else 0


def parse_labels(text: str, name: str) -> LabelSet:
    """Validate a label set. Bad entries are skipped with a `file:line: ...` problem each."""
    try:
        data = yamlsafe.load(text)
    except yamlsafe.YamlError as exc:
        raise LabelsError(exc.where(name)) from None
    if not isinstance(data, dict) or not isinstance(data.get("labels"), list):
        raise LabelsError(f"{name}:1: expected a mapping with a 'labels:' list (see DESIGN.md)")
    problems: list[str] = []
    labels: list[Label] = []
    seen_names: dict[str, int] = {}
    seen_keys: dict[str, str] = {}
    for extra in sorted(set(data) - {"labels"}):
        problems.append(f"{name}:{_line_of(text, str(extra))}: unknown top-level field {extra!r}; remove it")
    for i, entry in enumerate(data["labels"]):
        ln = _line_of(text, f"name: {entry.get('name')}") if isinstance(entry, dict) else 0
        where = f"{name}:{ln or '?'}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: label #{i + 1} is not a mapping; write name:, key:, color:")
            continue
        unknown = sorted(set(entry) - KNOWN_FIELDS)
        if unknown:
            problems.append(f"{where}: unknown field(s) {', '.join(map(str, unknown))} in label "
                            f"{entry.get('name')!r}; allowed: {', '.join(sorted(KNOWN_FIELDS))}")
        lname = entry.get("name")
        if not isinstance(lname, str) or not lname.strip():
            problems.append(f"{where}: label #{i + 1} has no name; add name:")
            continue
        if lname in seen_names:
            problems.append(f"{where}: duplicate label name {lname!r} (first on line {seen_names[lname]}); rename one")
            continue
        key = entry.get("key", "")
        key = str(key) if key is not None else ""
        if key and len(key) != 1:
            problems.append(f"{where}: key {key!r} of {lname!r} must be a single character")
            key = ""
        elif key in READER_KEYS:
            problems.append(f"{where}: key {key!r} of {lname!r} is a reader key ({key!r} is taken); pick another")
            key = ""
        elif key and key in seen_keys:
            problems.append(f"{where}: key {key!r} of {lname!r} is already used by {seen_keys[key]!r}; pick another")
            key = ""
        color = str(entry.get("color") or DEFAULT_COLORS[len(labels) % len(DEFAULT_COLORS)])
        if color.lower() not in NAMED_COLORS and not _HEX.match(color):
            problems.append(f"{where}: colour {color!r} of {lname!r} is not a colour name or #rrggbb")
            color = DEFAULT_COLORS[len(labels) % len(DEFAULT_COLORS)]
        cues = entry.get("cues") or []
        if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
            problems.append(f"{where}: cues of {lname!r} must be a list of phrases")
            cues = []
        desc = entry.get("description") or ""
        if not isinstance(desc, str):
            problems.append(f"{where}: description of {lname!r} must be text")
            desc = str(desc)
        seen_names[lname] = ln
        if key:
            seen_keys[key] = lname
        labels.append(Label(lname, key, color.lower() if not color.startswith("#") else color,
                            desc.strip(), tuple(cues)))
    return LabelSet(tuple(labels), tuple(problems))


def load_labels(path: Path) -> LabelSet:
    """Load `labels.yaml`; raises `LabelsError` (one line) when the file is unusable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LabelsError(f"{path}: no label set; run `newstag init` or create it (see README)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LabelsError(f"{path}: cannot read ({exc}); fix the file's encoding or permissions") from None
    return parse_labels(text, str(path))


DEFAULT_LABELS_YAML = """\
# The team's label set: the key tags a sentence in the reader, the description is the guideline.
labels:
  - name: speculation
    key: s
    color: yellow
    description: >-
      A claim the writer or a source presents as possible but unconfirmed: "may", "might",
      "could", "experts believe", "is seen as". Tag the sentence that carries the hedge, not
      every sentence that mentions the topic.
    cues: [speculation, may, might, could, experts believe, is seen as]
  - name: official statement
    key: o
    color: green
    description: >-
      Words attributed to a named official, government or organisation on the record ("Putin
      said", "the office said", "Kremlin spokesperson ... indicated"). Not anonymous sources.
    cues: [said, told, stated, announced, spokesperson, according to]
  - name: warning
    key: w
    color: red
    description: >-
      A threat of consequences, or an alarm raised by a party ("will have to pay a price",
      "warned of consequences", "serious concerns"). Tag it even when it is also an official
      statement.
    cues: [warn, warning, consequences, pay a price, concern, threat]
"""
