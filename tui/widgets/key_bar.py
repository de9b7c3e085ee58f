"""The footer: the keys that matter now, as many as fit, the essential ones always.

Textual's `Footer` lays its keys out left to right and cuts whatever passes the right edge, which
at 80 columns took `esc`, `/`, `?` and `q`. This bar drops the least important keys first instead
(by binding id, see PRIORITY), shows the rest in their usual order with compact key names
(`j/k`, `]/[`, `^r`), and is one line of text: redrawn, never recomposed, on every change.
A click on a key presses it; hovering shows its tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widget import Widget

from tui.actions import ACTIONS

# Higher stays longer. Keys not listed get DEFAULT_PRIORITY, minus a little per position, so
# among those the rightmost go first; disabled (dimmed) keys go before any enabled one.
PRIORITY: dict[str, int] = {
    "app.quit": 100,
    "app.help": 98,
    "reader.back": 96,
    "search.close": 96,
    "app.search": 94,
    "app.palette": 92,
    "reader.next-sentence": 80,
    "library.open": 80,
    "library.down": 78,
    "reader.next-match": 75,
    "reader.note": 70,
    "reader.undo": 68,
    "reader.clear": 64,
    "reader.select": 62,
    "reader.next-tagged": 58,
    "reader.redo": 54,
}
DEFAULT_PRIORITY = 40
ORDER = {action.id: i for i, action in enumerate(ACTIONS)}
GAP = "  "


@dataclass(frozen=True, slots=True)
class KeyItem:
    keys: str  # as shown: "j/k", "esc", "^p"
    press: str  # the key a click sends
    description: str
    tooltip: str
    enabled: bool
    priority: float

    @property
    def cells(self) -> int:
        return len(self.keys) + 1 + len(self.description)


def key_items(screen: Screen) -> list[KeyItem]:
    """The screen's shown bindings, one item per action, groups merged (`j/k Sentence`)."""
    app = screen.app
    by_action: dict[str, list[tuple[Binding, bool, str]]] = {}
    for _key, (_node, binding, enabled, tooltip) in sorted(screen.active_bindings.items(),
                                                           key=_table_order):
        if binding.show:
            by_action.setdefault(binding.action, []).append((binding, enabled, tooltip))
    items: list[KeyItem] = []
    pending_group: list[tuple[Binding, bool, str]] = []

    def flush_group() -> None:
        if not pending_group:
            return
        first, enabled, tooltip = pending_group[0]
        group = first.group
        keys = "/".join(app.get_key_display(b) for b, _, _ in pending_group)
        description = group.description if group is not None and len(pending_group) > 1 \
            else first.description
        items.append(_item(keys, first, description, tooltip, enabled, len(items)))
        pending_group.clear()

    for bindings in by_action.values():
        binding, enabled, tooltip = bindings[0]
        if pending_group and (binding.group is None or binding.group != pending_group[0][0].group):
            flush_group()
        if binding.group is not None:
            pending_group.append((binding, enabled, tooltip))
            continue
        items.append(_item(app.get_key_display(binding), binding, binding.description, tooltip,
                           enabled, len(items)))
    flush_group()
    palette = next((b for b in screen.active_bindings.values() if b.binding.id == "app.palette"),
                   None)
    if app.ENABLE_COMMAND_PALETTE and palette is not None:
        b = palette.binding
        items.append(KeyItem(app.get_key_display(b), b.key, b.description, b.tooltip,
                             palette.enabled, PRIORITY["app.palette"]))
    return items


def _table_order(item: tuple[str, ActiveBinding]) -> tuple[int, int]:
    """The action table's order, the screen's keys before the app's (a key a keymap moved
    keeps its place; Textual appends it at the end); a stable sort keeps the rest as bound."""
    binding = item[1].binding
    row = ORDER.get(binding.id or "")
    if row is None:
        return (0, len(ORDER))
    return (1 if binding.id and binding.id.startswith("app.") else 0, row)


def _item(keys: str, binding: Binding, description: str, tooltip: str, enabled: bool,
          position: int) -> KeyItem:
    priority = PRIORITY.get(binding.id or "", DEFAULT_PRIORITY - position / 100)
    if not enabled:
        priority -= 100
    return KeyItem(keys, binding.key.split(",")[0], description,
                   tooltip or binding.tooltip or description, enabled, priority)


def fit(items: list[KeyItem], width: int) -> list[KeyItem]:
    """The items that fit in `width` cells, dropping the lowest priority first; order kept."""
    kept = list(items)
    while kept and sum(i.cells for i in kept) + len(GAP) * (len(kept) - 1) > width:
        kept.remove(min(kept, key=lambda i: i.priority))
    return kept


class KeyBar(Widget):
    """One line at the bottom of a screen: what the keys do here."""

    COMPONENT_CLASSES = {"key-bar--key"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
        padding: 0 1;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: list[tuple[int, int, KeyItem]] = []  # x range of each key on screen
        self._items: list[KeyItem] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        self._items = None
        self.refresh()

    def render(self) -> Text:
        if self._items is None:
            self._items = key_items(self.screen)
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        dim = Style(dim=True)
        out = Text(no_wrap=True, overflow="crop", end="")
        self._shown = []
        for item in fit(self._items, self.content_size.width):
            if out:
                out.append(GAP)
            start = out.cell_len
            out.append(item.keys, key_style if item.enabled else key_style + dim)
            out.append(" " + item.description, None if item.enabled else dim)
            self._shown.append((start, out.cell_len, item))
        return out

    def _item_at(self, x: int) -> KeyItem | None:
        x -= self.styles.padding.left
        return next((item for a, b, item in self._shown if a <= x < b), None)

    def on_click(self, event: events.Click) -> None:
        item = self._item_at(event.x)
        if item is not None and item.enabled:
            self.app.simulate_key(item.press)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        item = self._item_at(event.x)
        self.tooltip = item.tooltip if item is not None else None
