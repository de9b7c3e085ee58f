"""The tag files: `tags/<annotator>/<article-id>.yaml`, the only place that reads or writes them.

Writes are atomic, deterministic (same tags, same bytes) and skipped when nothing changed. Saving
is a three-way merge against what is on disk now, under a lock file beside the data, so a second
instance or a `git pull` between our load and our save never loses a tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from . import yamlsafe
from .atomic import clean_stale_temps, remove_atomic, write_atomic
from .tagfiles import file_stem, merge
from .tags import SCHEMA, Tag, TagDoc

if TYPE_CHECKING:
    from filelock import FileLock

__all__ = ["LOCK_NAME", "Loaded", "Parsed", "TagFileError", "TagStore", "dump", "file_stem",
           "merge", "parse", "parse_file"]

_TAG_FIELDS = ("id", "label", "start", "end", "quote", "prefix", "suffix", "note", "created",
               "orphan")
_REQUIRED = ("id", "label", "start", "end", "quote")
LOCK_NAME = ".newstag.lock"


class TagFileError(Exception):
    """A tag file we cannot use; `str()` is `file:line: what is wrong; what to do`."""


class _Dumper(yaml.SafeDumper):
    """Pure-Python dumper on purpose: its bytes are the same on every machine."""


_QUOTE_IF = re.compile("[\n\r\t\x85\u2028\u2029]")  # YAML would fold these in a plain scalar
_SURROGATE = re.compile("[\ud800-\udfff]")


def _str_rep(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # A lone surrogate (from a JSON import, say) would be written as an escape YAML cannot read
    # back, locking the file; U+FFFD keeps the file loadable.
    value = _SURROGATE.sub("\ufffd", value)
    style = '"' if _QUOTE_IF.search(value) or (value and value != value.strip()) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_rep)


def dump(doc: TagDoc) -> str:
    tags = []
    for t in sorted(doc.tags, key=lambda t: t.sort_key):
        item = {"id": t.id, "label": t.label, "start": t.start, "end": t.end, "quote": t.quote,
                "prefix": t.prefix, "suffix": t.suffix, "note": t.note, "created": t.created}
        if t.orphan:
            item["orphan"] = True
        tags.append(item)
    data = {"schema": SCHEMA, "article": doc.article, "text_sha256": doc.text_sha256, "tags": tags}
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


def _item_lines(node: yaml.Node | None) -> list[int]:
    """1-based line of each entry of the top-level `tags:` list (from the composed YAML)."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if getattr(key, "value", None) == "tags" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _key_line(node: yaml.Node | None, name: str) -> int:
    """1-based line of a top-level key (1 when it is not there)."""
    if isinstance(node, yaml.MappingNode):
        for key, _value in node.value:
            if getattr(key, "value", None) == name:
                return int(key.start_mark.line) + 1
    return 1


def _as_text(value: object) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def _offset(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


@dataclass(frozen=True)
class Parsed:
    """A tag file read and checked: the doc, one-line problems, and where each tag is."""

    doc: TagDoc
    problems: tuple[str, ...]
    lines: dict[str, int] = field(default_factory=dict)  # tag id -> line of its entry
    incomplete: bool = False  # an entry could not be kept: never overwrite this file


def parse_file(text: str, name: str, labels: set[str] | None = None) -> Parsed:
    """Parse and validate a tag file. Fatal problems raise `TagFileError`; the rest are reported.

    A tag with a problem is kept whenever its quote is there: an unknown label is kept and
    reported; a tag with unusable offsets is kept as an orphan (re-attach it by hand). Only an
    entry with no id, label or quote is left out, and then the file is `incomplete`.
    """
    try:
        data, root = yamlsafe.load_marked(text)
    except yamlsafe.YamlError as exc:
        raise TagFileError(exc.where(name)) from None
    if not isinstance(data, dict):
        raise TagFileError(f"{name}:1: expected a mapping with schema, article, text_sha256, tags; "
                           "restore the file from git")
    schema = data.get("schema")
    if schema != SCHEMA:
        raise TagFileError(f"{name}:1: unsupported schema {schema!r} (this newstag reads schema "
                           f"{SCHEMA}); upgrade newstag or fix the file")
    article = data.get("article")
    raw = data.get("tags") or []
    if not isinstance(article, str):
        raise TagFileError(f"{name}:{_key_line(root, 'article')}: 'article' must be the "
                           f"article's id as text, not {type(article).__name__}; fix the file")
    if not isinstance(raw, list):
        raise TagFileError(f"{name}:{_key_line(root, 'tags')}: 'tags' must be a list of tags "
                           f"(each starting with '- id:'), not {type(raw).__name__}; fix the file")
    item_lines = _item_lines(root)
    problems: list[str] = []
    unknown_top = set(data) - {"schema", "article", "text_sha256", "tags"}
    if unknown_top:
        problems.append(f"{name}:1: unknown field(s) {', '.join(sorted(map(str, unknown_top)))}; "
                        "remove them (newstag does not keep them)")
    tags: list[Tag] = []
    lines: dict[str, int] = {}
    incomplete = False
    for i, item in enumerate(raw):
        line = item_lines[i] if i < len(item_lines) else 1
        where = f"{name}:{line}"
        if not isinstance(item, dict):
            problems.append(f"{where}: tag #{i + 1} is not a mapping; fix or remove it")
            incomplete = True
            continue
        missing = [f for f in _REQUIRED if f not in item]
        if missing:
            problems.append(f"{where}: tag #{i + 1} lacks {', '.join(missing)}; fix or remove it")
            incomplete = True
            continue
        extra = set(item) - set(_TAG_FIELDS)
        if extra:
            problems.append(f"{where}: unknown field(s) {', '.join(sorted(map(str, extra)))}; "
                            "remove them (newstag does not keep them)")
        for f in ("label", "quote", "prefix", "suffix", "note"):
            if item.get(f) is not None and not isinstance(item[f], str):
                problems.append(f"{where}: {f} should be text, not {type(item[f]).__name__}; "
                                "quote it")
        orphan = item.get("orphan", False)
        if not isinstance(orphan, bool):
            problems.append(f"{where}: orphan must be true or false; fix it")
            orphan = True
        start, end = _offset(item["start"]), _offset(item["end"])
        if start is None or end is None or end <= start:
            problems.append(f"{where}: start/end must be whole numbers with start < end; kept as "
                            "an orphan: re-attach it in the Orphans view or fix the numbers")
            start, end, orphan = start or 0, max(end or 0, start or 0), True
        label = _as_text(item["label"])
        if labels is not None and label not in labels:
            problems.append(f"{where}: unknown label {label!r}; add it to labels.yaml or fix "
                            "the tag")
        tag = Tag(_as_text(item["id"]), label, start, end, _as_text(item["quote"]),
                  _as_text(item.get("prefix")), _as_text(item.get("suffix")),
                  _as_text(item.get("note")), _as_text(item.get("created")), orphan)
        if tag.id in lines:
            problems.append(f"{where}: tag id {tag.id} appears twice (first on line "
                            f"{lines[tag.id]}), a bad merge?; keep one of them")
            incomplete = True  # a save would merge them into one: let a person choose
        else:
            lines[tag.id] = line
        tags.append(tag)
    doc = TagDoc(article, _as_text(data.get("text_sha256")), tuple(tags))
    return Parsed(doc, tuple(problems), lines, incomplete)


def parse(text: str, name: str, labels: set[str] | None = None) -> tuple[TagDoc, list[str]]:
    """`parse_file` for callers that only want the doc and the problems."""
    parsed = parse_file(text, name, labels)
    return parsed.doc, list(parsed.problems)


@dataclass(frozen=True)
class Loaded:
    doc: TagDoc | None
    raw: bytes | None  # the bytes on disk when loaded: the base of the next three-way merge
    problems: tuple[str, ...] = ()
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # tag id -> line
    incomplete: bool = False  # some entry could not be read: saving over it would lose it


class TagStore:
    """All tag files under one `tags/` folder."""

    def __init__(self, root: Path, lock_timeout: float = 5.0) -> None:
        self.root = root
        self.lock_timeout = lock_timeout

    def start(self) -> list[Path]:
        """Housekeeping at start-up: remove temp files that killed writers left behind."""
        return clean_stale_temps(self.root)

    def path_for(self, annotator: str, article_id: str) -> Path:
        if not re.match(r"^[a-z0-9][a-z0-9-]{0,63}$", annotator):
            raise ValueError(f"annotator {annotator!r} is not a safe folder name")
        path = self.root / annotator / f"{file_stem(article_id)}.yaml"
        if not path.resolve().is_relative_to(self.root.resolve()):  # a symlinked folder, say
            raise TagFileError(f"{path}: resolves outside {self.root}; remove the link")
        return path

    def annotators(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir()
                      if p.is_dir() and not p.name.startswith("."))

    def load(self, annotator: str, article_id: str, labels: set[str] | None = None) -> Loaded:
        path = self.path_for(annotator, article_id)
        loaded = self.load_path(path, labels)
        _check_owner(path, loaded, article_id)
        return loaded

    def load_path(self, path: Path, labels: set[str] | None = None) -> Loaded:
        raw = _read(path)
        if raw is None:
            return Loaded(None, None)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise TagFileError(f"{path}:{line}: not UTF-8; restore the file from git") from None
        parsed = parse_file(text, str(path), labels)
        return Loaded(parsed.doc, raw, parsed.problems, parsed.lines, parsed.incomplete)

    def iter_files(self) -> Iterator[tuple[str, Path]]:
        """(annotator, path) of every tag file, in a stable order."""
        for annotator in self.annotators():
            for path in sorted((self.root / annotator).glob("*.yaml")):
                yield annotator, path

    def lock(self, annotator: str) -> FileLock:
        """The lock beside the data: `os.replace` swaps the data file out, never this one."""
        from filelock import FileLock  # here: its import is slow, and only saving needs it

        folder = self.root / annotator
        folder.mkdir(parents=True, exist_ok=True)
        # Poll often: a save holds the lock for milliseconds, and a waiter that polls every 50 ms
        # (the default) can lose every race to a busy second instance for seconds on end.
        return FileLock(str(folder / LOCK_NAME), timeout=self.lock_timeout, poll_interval=0.001)

    def save(self, annotator: str, doc: TagDoc, base: Loaded | None = None) -> Loaded:
        """Write `doc` (merged with any change made on disk since `base`); returns what is on disk.

        With `base=None` the doc replaces the file outright (imports, tests). An empty doc
        removes the file, so an article nobody tagged has no file in git. Under the lock, the
        file's bytes are compared with `base` (a second instance or `git pull` changed it?) and
        again just before the write (a writer that does not take our lock, like git).
        """
        from filelock import Timeout

        path = self.path_for(annotator, doc.article)
        try:
            with self.lock(annotator):
                for _ in range(5):
                    current = self.load_path(path)
                    _check_owner(path, current, doc.article)
                    if current.incomplete:
                        raise TagFileError(f"{path}: has entries newstag cannot read, and saving "
                                           "would drop them; run newstag validate and fix them")
                    merged = doc
                    if base is not None and current.raw != base.raw:
                        disk = current.doc or TagDoc(doc.article, doc.text_sha256)
                        merged = merge(base.doc, doc, disk)
                    merged = merged.sorted()
                    data = dump(merged).encode("utf-8") if merged.tags else None
                    if _read(path) != current.raw:
                        continue  # changed while we merged: merge again
                    if data is None:
                        if current.raw is not None:
                            remove_atomic(path)
                        return Loaded(None, None)
                    if data != current.raw:
                        write_atomic(path, data)
                    return Loaded(merged, data)
                raise TagFileError(f"{path}: keeps changing on disk while we save; try again")
        except Timeout:
            raise TagFileError(f"{path}: another newstag holds the lock; try again") from None
        except OSError as exc:
            raise TagFileError(f"{path}: could not save ({exc.strerror or exc}); the file on disk "
                               "is unchanged; free space or fix permissions, then retry") from None


def _read(path: Path) -> bytes | None:
    """The file's bytes (None when absent), refusing oversized files before reading them."""
    try:
        size = path.stat().st_size
        if size > yamlsafe.MAX_BYTES:
            raise TagFileError(f"{path}:1: file is {size:,} bytes, over the {yamlsafe.MAX_BYTES:,} "
                               "limit; split it or restore it from git")
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise TagFileError(f"{path}: cannot read ({exc.strerror}); check permissions") from None


def _check_owner(path: Path, loaded: Loaded, article_id: str) -> None:
    """Two article ids never share a file; if a crafted file name makes them, refuse it."""
    if loaded.doc is not None and loaded.doc.article != article_id:
        raise TagFileError(f"{path}:2: holds tags of article {loaded.doc.article!r}, not "
                           f"{article_id!r}; rename the article file or move the tag file")
