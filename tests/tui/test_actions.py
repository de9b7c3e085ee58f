"""The action table is the only place keys are declared, and it is consistent: every row runs an
action that exists, no two rows of a screen share a key, labels cannot take the reader's keys, and
the README's key table says what the table says."""

from __future__ import annotations

import importlib
import inspect
import re

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from tui_helpers import REPO

from tui.actions import ACTIONS, BY_ID, for_screen
from tui.bindings import bindings, normalize
from tui.core.labels import READER_KEYS
from tui.screens.help import LABEL_ROW, reader_rows

ID = re.compile(r"^[a-z][a-z-]*\.[a-z][a-z0-9-]*$")


def _node_classes() -> list[type[DOMNode]]:
    """Every widget, screen and app class defined in newstag."""
    found: list[type[DOMNode]] = []
    for path in sorted((REPO / "tui").rglob("*.py")):
        name = ".".join(path.relative_to(REPO).with_suffix("").parts)
        if name.startswith(("tui.core", "tui.cli", "tui.__main__")):
            continue
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, DOMNode) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def _screen_of(cls: type[DOMNode]) -> str | None:
    ids = {b.id for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)}
    screens = {i.partition(".")[0] for i in ids if i}
    assert len(screens) <= 1, f"{cls.__name__} binds rows of several screens: {screens}"
    return screens.pop() if screens else None


def test_ids_are_unique_and_well_formed() -> None:
    assert len(BY_ID) == len(ACTIONS)
    assert [a.id for a in ACTIONS if not ID.match(a.id)] == []


def test_every_binding_comes_from_the_table_and_every_row_is_bound() -> None:
    bound: set[str] = set()
    for cls in _node_classes():
        own = cls.__dict__.get("BINDINGS", [])
        screen = _screen_of(cls)
        if not own:
            continue
        assert screen is not None, f"{cls.__name__}: BINDINGS without ids (not from the table)"
        assert [(b.id, b.key, b.action) for b in own] == \
            [(b.id, b.key, b.action) for b in bindings(screen)], cls.__name__
        for binding in own:
            method = "action_" + binding.action.partition("(")[0]
            assert hasattr(cls, method), f"{binding.id}: {cls.__name__} has no {method}"
        bound |= {b.id for b in own}
    assert bound == set(BY_ID), "rows no class binds (dead entries)"


@pytest.mark.parametrize("screen", sorted({a.screen for a in ACTIONS}))
def test_no_two_rows_of_a_screen_share_a_key(screen: str) -> None:
    seen: dict[str, str] = {}
    for action in for_screen(screen):
        for key in normalize(action.keys).split(","):
            assert key not in seen, f"{key}: {seen.get(key)} and {action.id}"
            seen[key] = action.id


def test_labels_cannot_take_a_reader_or_app_key() -> None:
    reserved = {normalize(k) for k in READER_KEYS if k != " "}
    for action in [*for_screen("reader"), *for_screen("app")]:
        for key in normalize(action.keys).split(","):
            if "+" in key or len(key) > 1 and key in {"down", "up", "pagedown", "pageup"}:
                continue  # not a character a label could take
            assert key in reserved, f"labels.py READER_KEYS lacks {action.id}'s {key!r}"


def test_readme_key_table_matches_the_help() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("### Keys in the reader", 1)[1].split("\n### ", 1)[0]
    readme = [line.split("|")[1].strip().replace("`", "") for line in section.splitlines()
              if line.startswith("| ") and not line.startswith("| key")]
    shown = [keys for keys, _ in reader_rows(None) if (keys, _) != LABEL_ROW]
    readme = [k for k in readme if not k.startswith("1–9")]
    assert readme == shown


def test_the_footer_priorities_name_rows_of_the_table() -> None:
    from tui.widgets.key_bar import PRIORITY

    assert set(PRIORITY) - set(BY_ID) == set()
