"""`newstag validate` without the command line: each problem in labels and tag files, one line.

A problem is `file:line: what is wrong; what to do`, so CI logs and editors can jump to it. The
checks: the label set (fields, names, keys); each tag file (YAML it refuses, types, unknown labels,
duplicate ids and keys, conflict markers); each tag against its article (missing article, offsets
outside the text, a quote that no longer matches, orphans); files where no tag file belongs.
With `fix`, the annotator's own tag files whose article changed are re-anchored first (as
opening them would); other annotators' files are only reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import articles
from .atomic import TMP_SUFFIX
from .current import current_doc
from .labels import LabelsError, load_labels
from .sanitize import one_line
from .tagging import TaggingSession
from .tags import Tag, TagDoc
from .tagstore import Loaded, TagFileError, TagStore, file_stem
from .textfile import TextFileError
from .workspace import ARTICLE_SUFFIXES, Workspace

ORPHANS_HINT = "re-attach or delete it in the Orphans view (ctrl+p, Orphans)"
# Articles read during one validation, by id: the Article, or why it could not be read.
ArticleCache = dict[str, "articles.Article | str"]


@dataclass
class Result:
    problems: list[str] = field(default_factory=list)
    files: int = 0
    tags: int = 0
    orphans: int = 0
    fixed: list[str] = field(default_factory=list)  # one line per re-anchored file (with --fix)
    # Stale anchors that re-anchor cleanly: reported, not failures.
    notes: list[str] = field(default_factory=list)


def corpus_ids(ws: Workspace) -> dict[str, Path]:
    """Article id -> file, from a listing of the corpus (never a path built from a tag file)."""
    if not ws.corpus.is_dir():
        return {}
    found: dict[str, Path] = {}
    for p in sorted(ws.corpus.iterdir()):
        if p.is_file() and p.name.endswith(ARTICLE_SUFFIXES) and not p.name.startswith("."):
            found.setdefault(p.stem, p)
    return found


def validate(ws: Workspace, fix: bool = False) -> Result:
    res = Result()
    labels: set[str] | None = None
    try:
        label_set = load_labels(ws.labels_path)
        labels = set(label_set.names)
        res.problems.extend(p.replace(":?:", ":1:") for p in label_set.problems)
    except LabelsError as exc:
        res.problems.append(_with_line(str(exc)))
    store = TagStore(ws.tags)
    corpus = corpus_ids(ws)
    _stray_files(ws, store, res)
    cache: ArticleCache = {}
    for annotator, path in store.iter_files():
        res.files += 1
        if fix and annotator == ws.annotator:  # each annotator's files are theirs to rewrite
            _fix(store, annotator, path, corpus, cache, labels, res)
        try:
            loaded = store.load_path(path, labels)
        except TagFileError as exc:
            res.problems.append(_with_line(str(exc)))
            continue
        res.problems.extend(loaded.problems)
        if loaded.doc is not None:
            _check_doc(path, loaded, corpus, cache, res)
    return res


def _with_line(message: str) -> str:
    """`file: message` -> `file:1: message`, so every line has the same shape."""
    head, sep, rest = message.partition(": ")
    if sep and not head.rsplit(":", 1)[-1].isdigit():
        return f"{head}:1: {rest}"
    return message


def _stray_files(ws: Workspace, store: TagStore, res: Result) -> None:
    if not ws.tags.is_dir():
        res.problems.append(f"{ws.tags}:1: no tags folder; run `newstag init` or pass --tags DIR")
        return
    for p in sorted(ws.tags.iterdir()):
        if p.is_file() and p.suffix == ".yaml" and p.name != "labels.yaml":
            res.problems.append(f"{p}:1: a tag file outside an annotator folder; move it to "
                                f"{ws.tags}/<annotator>/")
    for tmp in sorted(ws.tags.rglob(f"*{TMP_SUFFIX}")):
        res.problems.append(f"{tmp}:1: temp file left by an interrupted save; newstag removes "
                            "it at its next start (or delete it)")
    for annotator in store.annotators():
        try:
            store.path_for(annotator, "x")
        except (ValueError, TagFileError):
            res.problems.append(f"{ws.tags / annotator}:1: {annotator!r} is not a safe annotator "
                                "folder name; rename it (lower case letters, digits, dashes)")


def _article(aid: str, corpus: dict[str, Path], cache: ArticleCache) -> articles.Article | str:
    if aid not in cache:
        path = corpus.get(aid)
        if path is None:
            cache[aid] = "missing"
        else:
            try:
                cache[aid] = articles.load(path)
            except TextFileError as exc:
                cache[aid] = str(exc)
    return cache[aid]


def _fix(store: TagStore, annotator: str, path: Path, corpus: dict[str, Path], cache: ArticleCache,
         labels: set[str] | None, res: Result) -> None:
    try:
        loaded = store.load_path(path)
    except TagFileError:
        return
    if loaded.doc is None or loaded.incomplete:
        return
    art = _article(loaded.doc.article, corpus, cache)
    if isinstance(art, str) or path.name != f"{file_stem(art.id)}.yaml":
        return
    session = TaggingSession(store, annotator, labels or ())
    try:
        session.open(art)
    except TagFileError as exc:
        res.problems.append(_with_line(str(exc)))
        return
    report = session.reanchored.get(art.id)
    if report is not None:
        res.fixed.append(f"{path}: re-anchored on the changed article: {report.summary()}")


def _check_doc(path: Path, loaded: Loaded, corpus: dict[str, Path], cache: ArticleCache,
               res: Result) -> None:
    doc: TagDoc = loaded.doc  # type: ignore[assignment]
    expected = f"{file_stem(doc.article)}.yaml"
    if path.name != expected:
        res.problems.append(f"{path}:2: holds tags of article {one_line(doc.article)!r}, whose "
                            f"file would be {expected}; rename the file or fix 'article:'")
    res.tags += len(doc.tags)
    art = _article(doc.article, corpus, cache)
    if art == "missing":
        res.problems.append(f"{path}:2: article {one_line(doc.article)!r} is not in the corpus; "
                            "restore the article file or remove this tag file")
        return
    if isinstance(art, str):
        res.problems.append(f"{path}:2: its article cannot be read ({art}); fix the article")
        return
    changed = doc.text_sha256 != art.sha256
    # Place the tags on the current text the way every other command does (in memory), so
    # validate, stats, export and agree report the same orphans; re-findable tags are a note.
    placed = {t.id: t for t in current_doc(doc, art)[0].tags} if changed else {}
    stale = 0
    for tag in doc.tags:
        where = f"{path}:{loaded.lines.get(tag.id, 1)}"
        what = f"tag {tag.id} ({one_line(tag.label, 40)}, {one_line(tag.quote, 40)!r})"
        now = placed.get(tag.id, tag)
        if changed and not now.orphan and not tag.orphan:
            stale += 1
            continue
        problem = _check_tag(now, art.text, changed)
        if now.orphan:
            res.orphans += 1
            if any(p.startswith(f"{where}: start/end") for p in loaded.problems):
                continue  # the parser already said it was kept as an orphan
        if problem:
            res.problems.append(f"{where}: {what} {problem}")
    if stale:
        owner = path.parent.name
        res.notes.append(f"{path}:1: made on an earlier version of the article; {stale} tag(s) "
                         f"re-found on its current text; {owner}'s newstag re-anchors the file "
                         f"when they open the article (or: newstag --annotator {owner} "
                         "validate --fix)")


def _check_tag(tag: Tag, text: str, changed: bool) -> str:
    if tag.orphan:
        return f"is an orphan: its text is not in the article any more; {ORPHANS_HINT}"
    if tag.end > len(text):
        return (f"ends at {tag.end}, past the article's {len(text)} characters; "
                "open the article in newstag (or newstag validate --fix) to re-anchor it")
    if text[tag.start : tag.end] != tag.quote:
        if changed:
            return ("was made on another version of the article; open it in newstag "
                    "(or newstag validate --fix) to re-anchor it")
        return (f"quote does not match the article at {tag.start}-{tag.end}; fix the offsets or "
                "the quote")
    return ""
