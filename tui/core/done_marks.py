"""Which articles an annotator has marked done: `tags/<annotator>/done.txt`, in git with the tags.

One article id per line, sorted, so two branches that each mark articles done merge line by line
like any text file. It sits beside the annotator's tag files (a `.txt`, so no reader of tag YAML
mistakes it for one) and is written atomically. An article with no tags can be done too: the
annotator read it and found nothing to tag, which agreement counts as a deliberate "no".
"""

from __future__ import annotations

from pathlib import Path

from .atomic import write_atomic
from .textfile import TextFileError

DONE_NAME = "done.txt"


def done_path(tags_root: Path, annotator: str) -> Path:
    return tags_root / annotator / DONE_NAME


def load_done(tags_root: Path, annotator: str) -> set[str]:
    """The ids this annotator marked done (empty when the file is missing or unreadable)."""
    try:
        raw = done_path(tags_root, annotator).read_bytes()
    except OSError:
        return set()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TextFileError(f"{done_path(tags_root, annotator)}: not UTF-8 ({exc.reason}); "
                            "keep one article id per line") from None
    return {line.strip() for line in text.splitlines() if line.strip()
            and not line.lstrip().startswith("#")}


def save_done(tags_root: Path, annotator: str, done: set[str]) -> Path:
    """Write the set (sorted, one id a line); an empty set removes the file."""
    path = done_path(tags_root, annotator)
    if not done:
        path.unlink(missing_ok=True)
        return path
    write_atomic(path, "".join(f"{a}\n" for a in sorted(done)).encode("utf-8"))
    return path


def set_done(tags_root: Path, annotator: str, article_id: str, done: bool) -> set[str]:
    """Mark or unmark one article, re-reading the file first (a `git pull` may have changed it)."""
    marks = load_done(tags_root, annotator)
    if done:
        marks.add(article_id)
    else:
        marks.discard(article_id)
    save_done(tags_root, annotator, marks)
    return marks
