"""The core never imports Textual or Rich: proved in a fresh interpreter importing every module."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import tui.core

CORE = Path(tui.core.__file__).resolve().parent

SCRIPT = """
import importlib, json, pkgutil, sys
import tui.core
names = ["tui.core"] + [m.name for m in pkgutil.walk_packages(tui.core.__path__, "tui.core.")]
for name in names:
    importlib.import_module(name)
ui = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print(json.dumps({"imported": names, "ui": ui}))
"""


def test_core_imports_neither_textual_nor_rich() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["ui"] == []
    expected = {
        "tui.core." + m.name for m in pkgutil.walk_packages([str(CORE)]) if "." not in m.name
    }
    assert expected <= set(result["imported"])  # every module was really imported
    assert {
        "tui.core.articles",
        "tui.core.sentences",
        "tui.core.library",
        "tui.core.tagstore",
    } <= expected


def test_no_core_source_mentions_textual_or_rich_imports() -> None:
    for path in CORE.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")):
                root = stripped.split()[1].split(".")[0]
                assert root not in ("textual", "rich"), f"{path}: {stripped}"
