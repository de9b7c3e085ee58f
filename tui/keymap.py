"""The user's keymap for this label set: every id of the action table and of the label keys,
checked by `tui.core.keymap` with Textual's key names. The App hands `keys` to `set_keymap`."""

from __future__ import annotations

from pathlib import Path

from textual.keys import REPLACED_KEYS, Keys, key_to_character

from tui.actions import ACTIONS, LABEL_SCREENS
from tui.bindings import normalize
from tui.core.keymap import Bindings, Keymap, load_keymap
from tui.core.labels import Label

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_NAMED = frozenset(k.value for k in Keys) | {"space", "enter", "tab", "backspace"} \
    | frozenset(REPLACED_KEYS)  # "minus", "plus", "slash": what "-", "+", "/" normalize to
# Keys Textual itself uses on every screen (App.BINDINGS, Screen.BINDINGS): never remapped onto.
RESERVED = {"ctrl+c": "Textual's copy / quit key", "ctrl+q": "Textual's quit key",
            "tab": "Textual's next-field key", "shift+tab": "Textual's previous-field key"}


def is_key(key: str) -> bool:
    """A key name Textual can bind: `j`, `G`, `question_mark`, `ctrl+n`, `f2`, `pagedown`."""
    if key in _NAMED:
        return True
    *mods, base = key.split("+")
    if not base or any(m not in MODIFIERS for m in mods):
        return False
    return (len(base) == 1 and base.isprintable()) or base in _NAMED \
        or key_to_character(base) is not None


def defaults(labels: list[Label]) -> dict[str, tuple[str, ...]]:
    """Every remappable id with its default keys, normalized: the table, then each label
    screen's `1`-`9` and label keys (as `tui.bindings.label_bindings` binds them)."""
    out = {a.id: tuple(normalize(a.keys).split(",")) for a in ACTIONS if a.keys}
    for screen in LABEL_SCREENS:
        for n in range(1, 10):
            out[f"{screen}.label-{n}"] = (str(n),)
        for n, label in enumerate(labels, 1):
            if label.key:
                out[f"{screen}.label-key-{n}"] = (normalize(label.key),)
    return out


def user_keymap(path: Path, labels: list[Label]) -> Keymap:
    known = Bindings(defaults(labels), scope=lambda i: i.partition(".")[0], is_key=is_key,
                     normalize=normalize, reserved=RESERVED)
    return load_keymap(path, known)
