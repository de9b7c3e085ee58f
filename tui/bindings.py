"""The action table (`tui/actions.py`) as Textual bindings, and the one place that touches
Textual's binding internals.

Screens get their BINDINGS from `bindings(screen)`; label keys, which depend on the label set, are
added per screen instance by `add_label_bindings` (Textual has no public API for bindings added
after a class is defined: this module writes into `DOMNode._bindings`, nothing else does).
`keys_in_force(app, id)` is what the footer, `?` and the palette show: the user's keymap if it
moved the key, else the default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.keys import REPLACED_KEYS, _normalize_key_list, format_key, key_to_character

from tui.actions import ACTIONS, BY_ID, Action, for_screen

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

    from tui.core.labels import Label

_GROUPS: dict[str, Binding.Group] = {}

# Keys shown by name rather than by Textual's identifier.
_SHOWN = {"down": "↓", "up": "↑", "left": "←", "right": "→", "pagedown": "pgdn",
          "pageup": "pgup", "escape": "escape", "space": "space", "enter": "enter",
          "tab": "tab", "delete": "delete", "home": "home", "end": "end"}


def group(name: str) -> Binding.Group:
    """One Group object per name (the footer merges consecutive keys of equal groups)."""
    if name not in _GROUPS:
        _GROUPS[name] = Binding.Group(name, compact=True)
    return _GROUPS[name]


def binding(action: Action) -> Binding:
    return Binding(action.keys, action.action, action.label, show=action.show, id=action.id,
                   tooltip=action.hover, group=group(action.group) if action.group else None,
                   priority=action.priority)


def bindings(screen: str) -> list[Binding]:
    """A screen's BINDINGS, generated from the table."""
    return [binding(a) for a in for_screen(screen) if a.keys]


def label_bindings(screen: str, labels: list[Label], skip: frozenset[str] = frozenset(),
                   footer: str = "") -> list[Binding]:
    """`1`-`9` and each label's own key, toggling that label (`toggle_label(n)`).

    Digits with no label are bound too (the action says there is none, rather than nothing
    happening). A label key in `skip` is left out (the screen uses it for something else).
    `footer`, when given, is shown on the first label key's entry (for all of them).
    """
    out: list[Binding] = []
    for n in range(1, 10):
        name = labels[n - 1].name if n <= len(labels) else f"label {n}"
        out.append(Binding(str(n), f"toggle_label({n})", name, show=False,
                           id=f"{screen}.label-{n}", tooltip=f"Toggle {name}"))
    for n, label in enumerate(labels, 1):
        if label.key and label.key not in skip:
            first = bool(footer) and not any(b.show for b in out)
            out.append(Binding(label.key, f"toggle_label({n})", footer if first else label.name,
                               show=first, id=f"{screen}.label-key-{n}",
                               tooltip=f"Toggle {label.name}"))
    return out


def add_bindings(node: DOMNode, extra: list[Binding]) -> None:
    """Bind `extra` on this node only (not its class). The one write into Textual internals:
    `_bindings` is the node's own copy of its class's BindingsMap; the keymap is applied on top
    of it whenever Textual builds the binding chain, so these ids are remappable too."""
    for b in Binding.make_bindings(extra):
        node._bindings.key_to_bindings.setdefault(b.key, []).append(b)


def normalize(keys: str) -> str:
    """Textual's long names ("?" -> "question_mark"), as App.set_keymap stores them; a lone
    "," is the comma key, not an empty list."""
    return "comma" if keys.strip() == "," else _normalize_key_list(keys)


def show_key(key: str) -> str:
    """One key as `?` and the palette show it: `?`, `ctrl+r`, `↓`, `pgdn`."""
    *mods, base = key.split("+")
    if base in _SHOWN:
        shown = _SHOWN[base]
    else:
        char = key_to_character(REPLACED_KEYS.get(base, base))
        shown = char if char is not None and char.isprintable() else format_key(base)
    return "+".join([*mods, shown])


def keys_in_force(app: App[object] | None, action_id: str) -> list[str]:
    """The keys that run `action_id` now: the user's keymap, else the table's default."""
    keymap = app._keymap if app is not None else {}  # set by App.set_keymap, normalized
    keys = keymap.get(action_id) or BY_ID[action_id].keys
    return [k.strip() for k in keys.split(",") if k.strip()]


def shown_keys(app: App[object] | None, action_id: str) -> str:
    return ", ".join(show_key(k) for k in keys_in_force(app, action_id))


def label_keys(app: App[object] | None, screen: str, n: int, own: str) -> str:
    """Label `n`'s keys in force on `screen` ("s, 1"): its own key first, then its digit."""
    keymap = app._keymap if app is not None else {}
    keys = [keymap.get(f"{screen}.label-key-{n}") or own,
            keymap.get(f"{screen}.label-{n}") or (str(n) if n <= 9 else "")]
    return ", ".join(show_key(k) for part in keys for k in part.split(",") if k)


def help_rows(app: App[object] | None, screen: str) -> list[tuple[str, str]]:
    """`?`'s (keys, what they do) rows for a screen, pairs folded (`j, ↓ / k, ↑`)."""
    rows: list[tuple[list[list[str]], str]] = []
    for action in for_screen(screen):
        keys = [show_key(k) for k in keys_in_force(app, action.id)]
        if not action.help and rows:
            rows[-1][0].append(keys)
        else:
            rows.append(([keys], action.help))
    return [(_pair(keys), text) for keys, text in rows]


def _pair(keys: list[list[str]]) -> str:
    """`[[j, ↓], [k, ↑]]` -> "j / k, ↓ / ↑"; unequal lists -> "space, pgdn / pgup"."""
    if len(keys) > 1 and len({len(k) for k in keys}) == 1:
        return ", ".join(" / ".join(column) for column in zip(*keys, strict=True))
    return " / ".join(", ".join(k) for k in keys)


def all_ids() -> set[str]:
    return {a.id for a in ACTIONS}
