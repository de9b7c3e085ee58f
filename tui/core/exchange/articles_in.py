"""Adding articles to the corpus from .txt, .md, .html and .jsonl — never overwriting one.

HTML is reduced to its main text with trafilatura (headline once, date and byline kept as the
first lines, so the article reader finds them as it does in scraped text; paragraphs separated by
blank lines). Markdown becomes plain text (`markdown_in`) and is stored as `.txt`. A new file
is created with `O_EXCL`: if an article with that id exists (in any case, as `.txt` or `.md`),
it is left alone and the import says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..textfile import TextFileError, decode_bytes
from ..workspace import ARTICLE_SUFFIXES
from .markdown_in import markdown_to_text, same_line

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MIN_HTML_TEXT = 80  # characters of main text below which a page holds no article
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")


@dataclass
class ArticleImport:
    created: list[Path] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # skipped inputs and warnings, one line each
    skipped: int = 0  # inputs (files, lines) not imported: the command exits 1 when any

    def skip(self, message: str) -> None:
        self.messages.append(message)
        self.skipped += 1


def article_id(wanted: str, text: str) -> str:
    """`wanted` when it is a safe file stem, else a slug of it plus a hash of the text."""
    wanted = wanted.strip()
    if _SAFE_ID.match(wanted) and not wanted.endswith(".") and ".." not in wanted:
        return wanted
    slug = re.sub(r"[^a-z0-9]+", "-", wanted.lower()).strip("-")[:40] or "article"
    return f"{slug}-{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"


def html_to_text(data: bytes) -> str | None:
    """Main text of a web page with its headline, date and byline on top; None when none found."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    doc: Any = trafilatura.bare_extraction(  # a Document (its fields read below)
        data, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if doc is None or isinstance(doc, dict) or len((doc.text or "").strip()) < MIN_HTML_TEXT:
        return None  # nothing, or a menu word or two: not an article
    # trafilatura ends each paragraph, heading or list item with one newline; the corpus ends
    # them with a blank line (what stops a sentence there), and the page's own headline often
    # opens the text too: it is said once, on top.
    body = [" ".join(ln.split()) for ln in (doc.text or "").splitlines() if ln.strip()]
    title = " ".join((doc.title or "").split())
    if title and body and same_line(title, body[0]):
        body.pop(0)
    head = [x for x in (title, (doc.date or "").strip()) if x]
    if doc.author:
        head.append(f"By {doc.author.strip()}")
    if doc.sitename:  # `Source:` says it is the outlet (see `metadata`): shown dimmed, as chrome
        head.append(f"Source: {doc.sitename.strip()}")
    return "\n\n".join(head + body) + "\n"


class _Corpus:
    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus
        self.taken = {
            p.stem.lower(): p
            for p in corpus.iterdir()
            if p.is_file() and p.suffix in ARTICLE_SUFFIXES
        }
        self.origin: dict[str, str] = {}  # id -> the input (file, or file:line) that added it

    def add(self, aid: str, suffix: str, data: bytes, source: str, report: ArticleImport) -> None:
        existing = self.taken.get(aid.lower())
        first = self.origin.get(aid.lower())
        if existing is not None and first is not None:  # added by this import, a moment ago
            same_file = first.rpartition(":")[0] == source.rpartition(":")[0] != ""
            if same_file:
                report.skip(f"{source}: id {aid!r} is already used on line "
                            f"{first.rpartition(':')[2]} of this file; give this line another "
                            "id (or drop it to derive one from the title)")
            else:
                report.skip(f"{source}: article {aid!r} was just added from {first}; give this "
                            "one another id or name")
            return
        if existing is not None:
            if existing.name == f"{aid}{suffix}" and _same_bytes(existing, data):
                report.messages.append(f"{source}: already in the corpus as {existing} (the "
                                       "same text); nothing to do")
                return
            report.skip(
                f"{source}: article {aid!r} already exists ({existing}); not "
                "overwritten (rename the input to import it as a new article)"
            )
            return
        path = self.corpus / f"{aid}{suffix}"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            report.skip(f"{source}: {path} already exists; not overwritten")
            return
        except OSError as exc:
            report.skip(f"{source}: cannot create {path} ({exc.strerror or exc}); "
                                   "skipped")
            return
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            path.unlink(missing_ok=True)  # no half-written article left behind
            report.skip(f"{source}: cannot write {path} ({exc.strerror or exc}); "
                                   "skipped")
            return
        self.taken[aid.lower()] = path
        self.origin[aid.lower()] = source
        report.created.append(path)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _decode(data: bytes, source: str, report: ArticleImport) -> str | None:
    if not data.strip():
        report.skip(f"{source}: empty; skipped")
        return None
    try:
        decoded = decode_bytes(data, source)
    except TextFileError as exc:
        report.skip(str(exc))
        return None
    if decoded.warning:
        report.messages.append(
            decoded.warning.replace("re-save the file as UTF-8", "saved as UTF-8")
        )
    return decoded.text


def _jsonl(path: Path, text: str, corpus: _Corpus, report: ArticleImport) -> None:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            report.skip(
                f"{where}: not valid JSON ({exc.msg}, column {exc.colno}); skipped"
            )
            continue
        problem = _jsonl_problem(obj)
        if problem:
            report.skip(f"{where}: {problem}; skipped")
            continue
        body = obj["text"]
        title = obj.get("title")
        if isinstance(title, str) and title.strip() and not body.lstrip().startswith(title.strip()):
            body = f"{title.strip()}\n\n{body}"
        wanted = obj.get("id")
        if wanted is None or not str(wanted).strip():
            wanted = title if isinstance(title, str) and title.strip() else f"{path.stem}-{lineno}"
            aid = article_id(f"{wanted}!", body)  # "!" forces the hash: same text, same id
        else:
            aid = article_id(str(wanted), body)
        corpus.add(aid, ".txt", body.encode("utf-8"), where, report)


def _jsonl_problem(obj: object) -> str:
    """What is wrong with one .jsonl line's object, said about the field at fault ("" if ok)."""
    if not isinstance(obj, dict):
        return f'expected an object {{"text": ..., "title"?, "id"?}}, not {type(obj).__name__}'
    if "text" not in obj:
        return 'no "text" field (the article\'s text); expected {"text": ..., "title"?, "id"?}'
    if not isinstance(obj["text"], str):
        return f'"text" must be a string, not {type(obj["text"]).__name__}'
    if not obj["text"].strip():
        return '"text" is empty'
    return ""


def _expand(paths: Iterable[Path], report: ArticleImport) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
            if not found:
                report.skip(f"{path}: no .txt, .md, .html or .jsonl file in this "
                                       "folder; nothing to import")
            yield from found
        elif path.is_file():
            yield path
        else:
            report.skip(f"{path}: no such file; skipped")


def import_articles(paths: Iterable[Path], corpus: Path) -> ArticleImport:
    report = ArticleImport()
    corpus.mkdir(parents=True, exist_ok=True)
    target = _Corpus(corpus)
    for path in _expand(paths, report):
        suffix = path.suffix.lower()
        if suffix not in SUFFIXES:
            report.skip(f"{path}: not .txt, .md, .html or .jsonl; skipped")
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            report.skip(f"{path}: cannot read ({exc.strerror}); skipped")
            continue
        if suffix in (".html", ".htm"):
            text = html_to_text(data) if data.strip() else None
            if text is None:
                report.skip(f"{path}: no main text found in the page; skipped")
                continue
            target.add(article_id(path.stem, text), ".txt", text.encode("utf-8"), str(path), report)
            continue
        text = _decode(data, str(path), report)
        if text is None:
            continue
        if suffix == ".jsonl":
            _jsonl(path, text, target, report)
            continue
        if suffix == ".md":
            plain = markdown_to_text(text)
            if not plain.strip():
                report.skip(f"{path}: no text once the Markdown is read; skipped")
                continue
            target.add(article_id(path.stem, plain), ".txt", plain.encode("utf-8"), str(path),
                       report)
            continue
        clean = (
            data
            if text.encode("utf-8") == data.removeprefix(b"\xef\xbb\xbf")
            else text.encode("utf-8")
        )
        target.add(article_id(path.stem, text), suffix, clean, str(path), report)
    return report
