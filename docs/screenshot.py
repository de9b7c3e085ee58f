"""Regenerate docs/screenshot.svg: the reader on a seed article with a few tags (run from the repo).

    python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

from tui.app import NewstagApp
from tui.core import articles
from tui.core.labels import load_labels
from tui.core.tagging import TaggingSession
from tui.core.tagstore import TagStore
from tui.core.workspace import open_workspace

REPO = Path(__file__).resolve().parent.parent
ARTICLE = "003_420c701de47a1b0c"
PLAN = [
    ("ana", [(5, "speculation"), (8, "official statement"), (10, "warning"),
             (10, "official statement")]),
    ("bob", [(5, "warning"), (9, "speculation")]),
]


async def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "seeds", root / "seeds")
        (root / "tags").mkdir()
        shutil.copy(REPO / "tags" / "labels.yaml", root / "tags" / "labels.yaml")
        ws = open_workspace(root, annotator="ana")
        labels = load_labels(ws.labels_path)
        art = articles.load(ws.article_path(ARTICLE))
        for who, picks in PLAN:
            session = TaggingSession(TagStore(ws.tags), who, labels.names)
            session.open(art)
            for index, label in picks:
                s = art.sentences()[index]
                session.toggle(art, [(s.start, s.end)], label)
            if who == "ana":
                ids = [t.id for t in session.doc(ARTICLE).tags if t.label == "warning"]
                session.set_note(art, ids, "US officials, on the record")
        app = NewstagApp(ws, labels)
        async with app.run_test(size=(110, 34)) as pilot:
            while app.library is None:
                await pilot.pause(0.05)
            app.open_article(ARTICLE)
            await pilot.pause(0.3)
            await pilot.press("j", "j", "j", "j")
            await pilot.pause(0.3)
            app.save_screenshot(filename=out.name, path=str(out.parent))


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshot.svg"))
