"""The team's label set (`tags/labels.yaml`): names, keys, colours and the tagging guideline.

Validation reports every problem as `file:line: what is wrong; what to do` and keeps what it
can: a label with a bad colour still loads with a default one; a label whose key collides loses
only its key (it stays reachable by number and in the palette).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

# The reader's own keys (DESIGN.md's table); a label may not take one of them.
READER_KEYS: dict[str, str] = {
    "j": "next sentence", "k": "previous sentence", "n": "next article", "p": "previous article",
    " ": "page down", "space": "page down", "g": "first sentence", "G": "last sentence",
    "v": "select", "x": "clear tags", "a": "note", "u": "undo", "]": "next tagged sentence",
    "[": "previous tagged sentence", "/": "search", "?": "help", "q": "quit",
    "h": "narrow the selection's end", "l": "widen the selection's end",
    "H": "narrow the selection's start", "L": "widen the selection's start",
    "escape": "back", "enter": "open", "tab": "focus", ".": "next search match",
    ",": "previous search match", "=": "twins", "+": "accept suggestion",
    "-": "dismiss suggestion", "}": "next suggestion", "{": "previous suggestion",
    **{str(d): f"label number {d}" for d in range(1, 10)},
}
KNOWN_FIELDS = ("name", "key", "color", "description", "cues")
NAMED_COLORS = frozenset({
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", "orange", "purple",
    "pink", "gray", "grey", "brown", "teal", "lime", "olive", "navy", "maroon", "aqua", "fuchsia",
    "silver", "gold", "violet", "indigo", "coral", "salmon", "turquoise", "khaki", "orchid",
    "bright_red", "bright_green", "bright_yellow", "bright_blue", "bright_magenta", "bright_cyan",
})
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_KEY = re.compile(r"^[!-~]$")  # one printable ASCII character, not a space
_BAD_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f]")
DEFAULT_COLORS = ("yellow", "green", "red", "cyan", "magenta", "blue", "orange", "purple", "teal")
MAX_NAME = 60


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    key: str  # "" when it has none (it is still reachable by its number)
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
        """The label on a key: its own key, or its number 1-9."""
        found = next((lb for lb in self.labels if lb.key and lb.key == key), None)
        if found is None and len(key) == 1 and key.isdigit():
            found = self.by_number(int(key))
        return found

    def by_number(self, n: int) -> Label | None:
        return self.labels[n - 1] if 1 <= n <= min(9, len(self.labels)) else None

    def number_of(self, label: Label) -> int | None:
        """The label's number key (1-9), or None past the ninth label."""
        i = self.labels.index(label) + 1
        return i if i <= 9 else None

    @property
    def names(self) -> list[str]:
        return [lb.name for lb in self.labels]


class LabelsError(Exception):
    """labels.yaml cannot be used at all (missing, not YAML, wrong shape); `str()` is one line."""


def _positions(text: str) -> tuple[dict[str, int], list[tuple[int, dict[str, int]]]]:
    """Line numbers: of each top-level key, and of each label item and its fields."""
    import yaml

    top: dict[str, int] = {}
    items: list[tuple[int, dict[str, int]]] = []
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)  # already vetted by yamlsafe.load
    except yaml.YAMLError:
        return top, items
    if not isinstance(root, yaml.MappingNode):
        return top, items
    for k, v in root.value:
        top[str(k.value)] = k.start_mark.line + 1
        if k.value == "labels" and isinstance(v, yaml.SequenceNode):
            for item in v.value:
                fields = {}
                if isinstance(item, yaml.MappingNode):
                    fields = {str(fk.value): fk.start_mark.line + 1 for fk, _ in item.value}
                items.append((item.start_mark.line + 1, fields))
    return top, items


def parse_labels(text: str, name: str) -> LabelSet:
    """Validate a label set. Every problem is one `file:line: ...` line; usable labels are kept."""
    from . import yamlsafe  # with PyYAML: imported only when a label set is really parsed

    try:
        data = yamlsafe.load(text)
    except yamlsafe.YamlError as exc:
        raise LabelsError(exc.where(name)) from None
    if not isinstance(data, dict) or not isinstance(data.get("labels"), list):
        raise LabelsError(f"{name}:1: expected a mapping with a 'labels:' list; "
                          "see `newstag init` or the README for the format")
    top, items = _positions(text)
    problems: list[str] = []
    for extra in sorted(set(map(str, data)) - {"labels"}):
        problems.append(f"{name}:{top.get(extra, 1)}: unknown top-level field {extra!r}; "
                        "only 'labels:' is read, remove it")
    labels: list[Label] = []
    seen_names: dict[str, int] = {}
    seen_keys: dict[str, tuple[str, int]] = {}
    for i, entry in enumerate(data["labels"]):
        line, fields = items[i] if i < len(items) else (top.get("labels", 1), {})
        label = _check_entry(entry, i, name, line, fields, seen_names, seen_keys, len(labels),
                             problems)
        if label is not None:
            labels.append(label)
    if not labels and not problems:
        problems.append(f"{name}:{top.get('labels', 1)}: no labels; add at least one "
                        "(name, key, color, description)")
    if len(labels) > 9:
        extra_names = ", ".join(repr(lb.name) for lb in labels[9:] if not lb.key)
        if extra_names:
            problems.append(f"{name}:{top.get('labels', 1)}: only labels 1-9 have number keys; "
                            f"give {extra_names} a key of their own")
    return LabelSet(tuple(labels), tuple(problems))


def _check_entry(entry: object, i: int, name: str, line: int, fields: dict[str, int],
                 seen_names: dict[str, int], seen_keys: dict[str, tuple[str, int]],
                 position: int, problems: list[str]) -> Label | None:
    where = f"{name}:{line}"
    if not isinstance(entry, dict):
        problems.append(f"{where}: label #{i + 1} is not a mapping; write name:, key:, color:, "
                        "description:")
        return None
    for extra in sorted(set(map(str, entry)) - set(KNOWN_FIELDS)):
        problems.append(f"{name}:{fields.get(extra, line)}: unknown field {extra!r} in label "
                        f"#{i + 1}; allowed: {', '.join(KNOWN_FIELDS)}")
    lname = entry.get("name")
    if not isinstance(lname, str) or not lname.strip():
        problems.append(f"{where}: label #{i + 1} has no name; add name: (a word or short phrase)")
        return None
    lname = lname.strip()
    if _BAD_NAME.search(lname) or len(lname) > MAX_NAME:
        problems.append(f"{name}:{fields.get('name', line)}: label name {lname[:MAX_NAME]!r} must "
                        f"be one line of at most {MAX_NAME} characters; shorten it")
        return None
    if lname in seen_names:
        problems.append(f"{name}:{fields.get('name', line)}: duplicate label name {lname!r} "
                        f"(first on line {seen_names[lname]}); rename or remove one")
        return None
    seen_names[lname] = fields.get("name", line)
    key = _check_key(entry.get("key"), lname, f"{name}:{fields.get('key', line)}", seen_keys,
                     problems)
    if key:
        seen_keys[key] = (lname, fields.get("key", line))
    default = DEFAULT_COLORS[position % len(DEFAULT_COLORS)]
    color = entry.get("color")
    color = default if color is None else str(color).strip()
    if color.lower() not in NAMED_COLORS and not _HEX.match(color):
        problems.append(f"{name}:{fields.get('color', line)}: colour {color!r} of {lname!r} is "
                        f"not a colour name or #rrggbb; using {default}")
        color = default
    cues = entry.get("cues") or []
    if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
        problems.append(f"{name}:{fields.get('cues', line)}: cues of {lname!r} must be a list of "
                        "phrases, like [may, might]")
        cues = []
    desc = entry.get("description") or ""
    if not isinstance(desc, str):
        problems.append(f"{name}:{fields.get('description', line)}: description of {lname!r} "
                        "must be text")
        desc = str(desc)
    return Label(lname, key, color if color.startswith("#") else color.lower(), desc.strip(),
                 tuple(c.strip() for c in cues if c.strip()))


def _check_key(raw: object, lname: str, where: str, seen: dict[str, tuple[str, int]],
               problems: list[str]) -> str:
    if raw is None or raw == "":
        return ""
    key = str(raw)
    if isinstance(raw, bool) or not _KEY.match(key):
        problems.append(f"{where}: key {key!r} of {lname!r} must be one letter, digit or symbol; "
                        "write it in quotes if YAML reads it as something else")
        return ""
    if key in READER_KEYS:
        problems.append(f"{where}: key {key!r} of {lname!r} is the reader's "
                        f"'{READER_KEYS[key]}' key; pick another")
        return ""
    if key in seen:
        other, other_line = seen[key]
        problems.append(f"{where}: key {key!r} of {lname!r} is already taken by {other!r} (line "
                        f"{other_line}); pick another")
        return ""
    return key


CACHE_NAME = "labels-v1.json"


def _cached(cache_dir: Path | None, path: Path, sha: str) -> LabelSet | None:
    if cache_dir is None:
        return None
    try:
        data = json.loads((cache_dir / CACHE_NAME).read_text(encoding="utf-8"))
        if data["sha256"] != sha or data["path"] != str(path):
            return None
        labels = tuple(Label(**{**lb, "cues": tuple(lb["cues"])}) for lb in data["labels"])
        return LabelSet(labels, tuple(data["problems"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _store(cache_dir: Path, path: Path, sha: str, ls: LabelSet) -> None:
    out = cache_dir / CACHE_NAME
    tmp = out.with_name(f".{CACHE_NAME}.{os.getpid()}.tmp")
    data = {"sha256": sha, "path": str(path), "labels": [asdict(lb) for lb in ls.labels],
            "problems": list(ls.problems)}
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, out)
    except OSError:
        pass  # only a cache


def load_labels(path: Path, cache_dir: Path | None = None) -> LabelSet:
    """Load `labels.yaml`; raises `LabelsError` (one line) when the file is unusable.

    With `cache_dir` (the workspace's `.newstag/`), the validated set is kept as JSON keyed by
    the file's hash, so starting the TUI does not import or run the YAML parser at all.
    """
    try:
        raw = path.read_bytes()
        sha = hashlib.sha256(raw).hexdigest()
        if (hit := _cached(cache_dir, path, sha)) is not None:
            return hit
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise LabelsError(f"{path}:1: no label set here; run `newstag init DIR` or create it "
                          "(see README)") from None
    except UnicodeDecodeError:
        raise LabelsError(f"{path}:1: not UTF-8 text; re-save it as UTF-8") from None
    except OSError as exc:
        raise LabelsError(f"{path}:1: cannot read ({exc.strerror or exc}); check permissions"
                          ) from None
    ls = parse_labels(text, str(path))
    if cache_dir is not None:
        _store(cache_dir, path, sha, ls)
    return ls


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
    # Cues propose this label as a ghost mark (+ accepts, - dismisses): word-boundary,
    # case-insensitive; `word*` also matches longer words. Rules: modal verbs of possibility,
    # verbs of belief and suggestion, adverbs of likelihood, "speculat*" in any form.
    cues: [speculat*, may, might, could, experts believe, believe*, suggest*, is seen as,
           likely, possibly, possibility, reportedly, allegedly, remains to be seen, uncertain,
           unclear]
  - name: official statement
    key: o
    color: green
    description: >-
      Words attributed to a named official, government or organisation on the record ("Putin
      said", "the office said", "Kremlin spokesperson ... indicated"). Not anonymous sources.
    # Rules: verbs of attribution that put words on the record (said, emphasized, urged,
    # insists...), the people whose job that is, and "according to".
    cues: [said, says, told, stated, announced, declared, emphasized, emphasised, stressed,
           urged, urging, insist*, indicated, denounced, reiterated, confirmed, expressed,
           spokesperson, spokesman, spokeswoman, statement*, according to]
  - name: warning
    key: w
    color: red
    description: >-
      A threat of consequences, or an alarm raised by a party ("will have to pay a price",
      "warned of consequences", "serious concerns"). Tag it even when it is also an official
      statement.
    # Rules: warn* in every form, consequences and prices, concern only when it is raised
    # ("serious concerns", "expressed concern"), threatening verbs. Bare "concern" and "threat"
    # are gone: on the seeds they leaked onto worried reporting ("widespread concern in
    # Seoul", "the regional threat") that warns nobody of anything.
    cues: [warn*, consequences, pay a price, serious concern*, expressed concern*, threaten*,
           react strongly, stand idle]
"""
