"""The user's keymap: `$XDG_CONFIG_HOME/newstag/keymap.yaml`, one `binding-id: keys` per line.

```yaml
reader.next-sentence: ctrl+n
reader.undo: u, ctrl+z
```

A bad file is one line naming the file and the entry and the defaults stay: bad YAML (or not a
mapping) drops the whole file; an unknown id, a key that is no key, or a key already doing
something else on the same screen (another row, a label key, a key every screen has) drops that
entry only, and its binding keeps its default keys. Two entries swapping keys are fine: a clash
is judged against the keys in force once every entry is applied.

No Textual here: what the bindings are (ids, default keys, which screens share keys) and what a
key name is come from the caller (`tui/keymap.py`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.sanitize import one_line

MAX_BYTES = 64 * 1024


def keymap_path(environ: Mapping[str, str] | None = None) -> Path:
    """`$XDG_CONFIG_HOME/newstag/keymap.yaml`, `~/.config/newstag/keymap.yaml` without it."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CONFIG_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return root / "newstag" / "keymap.yaml"


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    keys: tuple[str, ...]  # normalized key names
    line: int


@dataclass(frozen=True, slots=True)
class Keymap:
    """What to hand to Textual (`{id: "key,key"}`), and one line per problem."""

    keys: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Bindings:
    """What the keymap may change: every binding id with its default keys (normalized), and
    which ids can clash (`scope(id)`: ids of one scope, or of scope "app", share keys)."""

    defaults: Mapping[str, tuple[str, ...]]
    scope: Callable[[str], str]
    is_key: Callable[[str], bool]  # a key name Textual knows ("ctrl+n", "question_mark")
    normalize: Callable[[str], str]  # "?" -> "question_mark"
    reserved: Mapping[str, str] = field(default_factory=dict)  # key -> what it does, never taken


def load_keymap(path: Path, bindings: Bindings) -> Keymap:
    """The keymap in force from `path` (empty when there is no file)."""
    from tui.core import yamlsafe  # here: no YAML import at start-up without a keymap

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Keymap()
    except OSError as exc:
        return Keymap(problems=(f"{path}: cannot read it ({exc.strerror}); default keys used",))
    if len(raw) > MAX_BYTES:
        return Keymap(problems=(f"{path}: larger than {MAX_BYTES // 1024} KB, not a keymap; "
                                "default keys used",))
    try:
        text = raw.decode("utf-8")
        data, node = yamlsafe.load_marked(text)
    except UnicodeDecodeError:
        return Keymap(problems=(f"{path}: not UTF-8 text; default keys used",))
    except yamlsafe.YamlError as exc:
        return Keymap(problems=(one_line(f"{exc.where(str(path))}; default keys used", 400),))
    if data is None:
        return Keymap()
    if not isinstance(data, dict) or node is None:
        return Keymap(problems=(f"{path}:1: expected `binding-id: key` lines, like "
                                "`reader.next-sentence: ctrl+n`; default keys used",))
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return check(path, parse(path, data, lines, bindings), bindings)


def parse(path: Path, data: dict[object, object], lines: Mapping[str, int],
          bindings: Bindings) -> tuple[list[Entry], list[str]]:
    """Entries with a known id and real key names; one problem line for each other entry."""
    entries: list[Entry] = []
    problems: list[str] = []
    for raw_id, raw_keys in data.items():
        binding_id = str(raw_id)
        line = lines.get(binding_id, 1)
        where = f"{path}:{line}: {one_line(binding_id, 60)}"
        if binding_id not in bindings.defaults:
            problems.append(f"{where}: no binding has this id (the ids are in ? and "
                            "tui/actions.py); entry ignored")
            continue
        if isinstance(raw_keys, bool) or not isinstance(raw_keys, str | int) \
                or not str(raw_keys).strip():
            problems.append(f"{where}: give a key such as ctrl+n (in quotes if YAML reads it as "
                            "something else); default kept")
            continue
        names = [k.strip() for k in str(raw_keys).split(",")] if str(raw_keys).strip() != "," \
            else [","]
        keys = tuple(bindings.normalize(k) if k else "" for k in names)
        bad = [name for name, key in zip(names, keys, strict=True)
               if not key or not bindings.is_key(key)]
        if bad:
            problems.append(f"{where}: {one_line(bad[0], 30)!r} is not a key name (examples: j, "
                            "ctrl+n, f2, escape, question_mark); default kept")
            continue
        taken = [key for key in keys if key in bindings.reserved]
        if taken:
            problems.append(f"{where}: {taken[0]} is {bindings.reserved[taken[0]]}; default kept")
            continue
        entries.append(Entry(binding_id, keys, line))
    return entries, problems


def check(path: Path, parsed: tuple[list[Entry], list[str]], bindings: Bindings) -> Keymap:
    """Drop entries whose keys clash with what the other bindings have once the rest apply."""
    entries, problems = parsed
    accepted = list(entries)
    while True:
        in_force = dict(bindings.defaults)
        in_force.update({e.id: e.keys for e in accepted})
        clashes = [(e, clash) for e in accepted if (clash := _clash(e, in_force, bindings))]
        if not clashes:
            break
        for entry, clash in clashes:
            problems.append(f"{path}:{entry.line}: {entry.id}: {clash}; default kept")
            accepted.remove(entry)
    problems.sort(key=_line_of)
    return Keymap({e.id: ",".join(e.keys) for e in accepted}, tuple(problems))


def _clash(entry: Entry, in_force: Mapping[str, tuple[str, ...]], bindings: Bindings) -> str:
    mine = bindings.scope(entry.id)
    defaults = set(bindings.defaults[entry.id])
    for other, keys in in_force.items():
        if other == entry.id:
            continue
        theirs = bindings.scope(other)
        if not (mine == theirs or "app" in (mine, theirs)):
            continue
        for key in entry.keys:
            if key in keys and not (key in defaults and key in bindings.defaults[other]):
                return f"{key} is already {other}'s key"
    return ""


def _line_of(problem: str) -> int:
    parts = problem.split(":")
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
