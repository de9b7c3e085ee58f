"""A workspace: the corpus folder, the tags folder, the `.newstag/` cache and who is tagging."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .identity import resolve_annotator
from .labels import DEFAULT_LABELS_YAML

ARTICLE_SUFFIXES = (".txt", ".md")
CORPUS_CANDIDATES = ("corpus", "seeds", "articles")


class WorkspaceError(Exception):
    """The workspace cannot be opened; `str()` is one line."""


@dataclass(frozen=True)
class Workspace:
    root: Path
    corpus: Path
    tags: Path
    cache: Path  # `.newstag/`: derived data only, always rebuildable
    annotator: str

    @property
    def labels_path(self) -> Path:
        return self.tags / "labels.yaml"

    def article_path(self, article_id: str) -> Path | None:
        for suffix in ARTICLE_SUFFIXES:
            p = self.corpus / f"{article_id}{suffix}"
            if p.is_file():
                return p
        return None


def open_workspace(root: Path | None = None, corpus: Path | None = None, tags: Path | None = None,
                   annotator: str | None = None) -> Workspace:
    """Resolve the folders the way DESIGN.md says: flags first, then the conventional names."""
    root = (root or Path.cwd()).resolve()
    if corpus is None:
        corpus = next((root / c for c in CORPUS_CANDIDATES if (root / c).is_dir()), root / "corpus")
    corpus = corpus.resolve()
    if not corpus.is_dir():
        raise WorkspaceError(f"{corpus}: no corpus folder here; pass --corpus DIR or run "
                             "`newstag init DIR`")
    tags = (tags or root / "tags").resolve()
    if tags.exists() and not tags.is_dir():
        raise WorkspaceError(f"{tags}: is a file, not a tags folder; pass --tags DIR")
    return Workspace(root, corpus, tags, root / ".newstag", resolve_annotator(annotator, root))


def init_workspace(root: Path) -> list[Path]:
    """Scaffold an empty workspace; never overwrites an existing file. Returns what it created."""
    created: list[Path] = []
    for folder in (root / "corpus", root / "tags"):
        if not folder.exists():
            folder.mkdir(parents=True)
            created.append(folder)
    files = {
        root / "tags" / "labels.yaml": DEFAULT_LABELS_YAML,
        root / ".gitignore": ".newstag/\ntags/**/.newstag.lock\ntags/**/*.newstag-tmp\n",
    }
    for path, content in files.items():
        if not path.exists():
            path.write_text(content, encoding="utf-8")
            created.append(path)
    return created
