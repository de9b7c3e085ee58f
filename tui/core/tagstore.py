"""The tag files: `tags/<annotator>/<article-id>.yaml`, the only place that reads or writes them.

Writes are atomic, deterministic (same tags, same bytes) and skipped when nothing changed. Saving
is a three-way merge against what is on disk now, under a lock file beside the data, so a second
instance or a `git pull` between our load and our save never loses a tag.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import yaml
from filelock import FileLock, Timeout

from . import yamlsafe
from .atomic import clean_stale_temps, remove_atomic, write_atomic
from .tags import SCHEMA, Tag, TagDoc

_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,120}$")
_TAG_FIELDS = ("id", "label", "start", "end", "quote", "prefix", "suffix", "note", "created", "orphan")
_REQUIRED = ("id", "label", "start", "end", "quote")
LOCK_NAME = ".newstag.lock"


class TagFileError(Exception):
    """A tag file we cannot use; `str()` is `file:line: what is wrong; what to do`."""


class _Dumper(yaml.SafeDumper):
    """Pure-Python dumper on purpose: its bytes are the same on every machine."""


def _str_rep(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if any(ch in value for ch in "\n\r\t") or (value and value != value.strip()) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_rep)


def file_stem(article_id: str) -> str:
    """A file name for an article id that can never escape `tags/` or collide with a case twin."""
    if _SAFE_ID.match(article_id) and not article_id.endswith("."):
        return article_id
    base = re.sub(r"[^a-z0-9._-]+", "_", article_id.lower()).strip("._")[:80] or "article"
    digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{base}-{digest}"


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


def _line_of_tag(text: str, tag_id: object, index: int) -> int:
    idx = text.find(f"- id: {tag_id}") if tag_id is not None else -1
    if idx < 0:
        idx = -1
        for _ in range(index + 1):
            idx = text.find("\n  - ", idx + 1)
            if idx < 0:
                return 0
        idx += 1
    return text.count("\n", 0, idx) + 1


def _as_text(value: object) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def parse(text: str, name: str, labels: set[str] | None = None) -> tuple[TagDoc, list[str]]:
    """Parse and validate a tag file. Fatal problems raise; per-tag problems are returned.

    A tag with a problem is still kept in the document when it can be (an unknown label is kept
    and reported, never silently dropped); only tags missing the fields we need are left out.
    """
    try:
        data = yamlsafe.load(text)
    except yamlsafe.YamlError as exc:
        raise TagFileError(exc.where(name)) from None
    if not isinstance(data, dict):
        raise TagFileError(f"{name}:1: expected a mapping with schema, article, text_sha256, tags")
    schema = data.get("schema")
    if schema != SCHEMA:
        raise TagFileError(f"{name}:1: unsupported schema {schema!r} (this newstag reads schema {SCHEMA}); "
                           "upgrade newstag")
    article = data.get("article")
    raw = data.get("tags") or []
    if not isinstance(article, str) or not isinstance(raw, list):
        raise TagFileError(f"{name}:1: 'article' must be text and 'tags' a list")
    problems: list[str] = []
    unknown_top = set(data) - {"schema", "article", "text_sha256", "tags"}
    if unknown_top:
        problems.append(f"{name}:1: unknown field(s) {', '.join(sorted(map(str, unknown_top)))}; they are ignored")
    tags: list[Tag] = []
    for i, item in enumerate(raw):
        line = _line_of_tag(text, item.get("id") if isinstance(item, dict) else None, i)
        where = f"{name}:{line}"
        if not isinstance(item, dict):
            problems.append(f"{where}: tag #{i + 1} is not a mapping; fix or remove it")
            continue
        missing = [f for f in _REQUIRED if f not in item]
        if missing:
            problems.append(f"{where}: tag #{i + 1} lacks {', '.join(missing)}; fix or remove it")
            continue
        extra = set(item) - set(_TAG_FIELDS)
        if extra:
            problems.append(f"{where}: unknown field(s) {', '.join(sorted(map(str, extra)))}; they are ignored")
        start, end = item["start"], item["end"]
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or start < 0 or end <= start:
            problems.append(f"{where}: start/end must be whole numbers with start < end; fix or remove the tag")
            continue
        label = _as_text(item["label"])
        if labels is not None and label not in labels:
            problems.append(f"{where}: unknown label {label!r}; add it to labels.yaml or fix the tag")
        tags.append(Tag(_as_text(item["id"]), label, start, end, _as_text(item["quote"]),
                        _as_text(item.get("prefix")), _as_text(item.get("suffix")),
                        _as_text(item.get("note")), _as_text(item.get("created")),
                        bool(item.get("orphan", False))))
    ids = [t.id for t in tags]
    for dup in sorted({x for x in ids if ids.count(x) > 1}):
        problems.append(f"{name}:{_line_of_tag(text, dup, 0)}: tag id {dup} appears twice; a bad merge? keep one")
    return TagDoc(article, _as_text(data.get("text_sha256")), tuple(tags)), problems


@dataclass(frozen=True)
class Loaded:
    doc: TagDoc | None
    raw: bytes | None  # the bytes on disk when loaded: the base of the next three-way merge
    problems: tuple[str, ...] = ()


def merge(base: TagDoc | None, ours: TagDoc, disk: TagDoc | None) -> TagDoc:
    """Three-way merge by tag id: keep what disk added, apply what we added, removed or edited."""
    if disk is None:
        return ours
    base_tags = {t.id: t for t in (base.tags if base else ())}
    our_tags = {t.id: t for t in ours.tags}
    result = {t.id: t for t in disk.tags}
    for tid, tag in our_tags.items():
        if tid not in base_tags or base_tags[tid] != tag:
            result[tid] = tag
    for tid in base_tags:
        if tid not in our_tags:
            result.pop(tid, None)
    return replace(ours, tags=tuple(result.values())).sorted()


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
        assert path.resolve().is_relative_to(self.root.resolve()), path
        return path

    def annotators(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and not p.name.startswith("."))

    def load(self, annotator: str, article_id: str, labels: set[str] | None = None) -> Loaded:
        path = self.path_for(annotator, article_id)
        return self.load_path(path, labels)

    def load_path(self, path: Path, labels: set[str] | None = None) -> Loaded:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return Loaded(None, None)
        except OSError as exc:
            raise TagFileError(f"{path}: cannot read ({exc.strerror}); check permissions") from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise TagFileError(f"{path}:{line}: not UTF-8; restore the file from git") from None
        doc, problems = parse(text, str(path), labels)
        return Loaded(doc, raw, tuple(problems))

    def iter_files(self) -> Iterator[tuple[str, Path]]:
        """(annotator, path) of every tag file, in a stable order."""
        for annotator in self.annotators():
            for path in sorted((self.root / annotator).glob("*.yaml")):
                yield annotator, path

    def lock(self, annotator: str) -> FileLock:
        folder = self.root / annotator
        folder.mkdir(parents=True, exist_ok=True)
        return FileLock(str(folder / LOCK_NAME), timeout=self.lock_timeout)

    def save(self, annotator: str, doc: TagDoc, base: Loaded | None = None) -> Loaded:
        """Write `doc` (merged with any change made on disk since `base`); returns what is on disk.

        With `base=None` the doc replaces the file outright (imports, tests). An empty doc
        removes the file, so an article nobody tagged has no file in git.
        """
        path = self.path_for(annotator, doc.article)
        try:
            with self.lock(annotator):
                current = self.load_path(path)
                if base is not None and current.raw != base.raw and current.doc is not None:
                    doc = merge(base.doc, doc, current.doc)
                doc = doc.sorted()
                if not doc.tags:
                    if current.raw is not None:
                        remove_atomic(path)
                    return Loaded(None, None)
                data = dump(doc).encode("utf-8")
                if data != current.raw:
                    write_atomic(path, data)
                return Loaded(doc, data)
        except Timeout:
            raise TagFileError(f"{path}: another newstag holds the lock; try again") from None
        except OSError as exc:
            raise TagFileError(f"{path}: could not save ({exc.strerror or exc}); the file on disk is "
                               "unchanged; free space or fix permissions, then retry") from None
