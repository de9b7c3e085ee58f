"""Label colours as CSS hex, for formats read outside the terminal (HTML, Label Studio, brat)."""

from __future__ import annotations

import re

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
# Terminal colour names from labels.yaml, chosen light enough to read black text on.
NAMED = {
    "black": "#9e9e9e",
    "red": "#ff8a80",
    "green": "#a5d6a7",
    "yellow": "#fff176",
    "blue": "#90caf9",
    "magenta": "#f48fb1",
    "cyan": "#80deea",
    "white": "#eeeeee",
    "orange": "#ffcc80",
    "purple": "#ce93d8",
    "pink": "#f8bbd0",
    "gray": "#cfd8dc",
    "grey": "#cfd8dc",
    "brown": "#bcaaa4",
    "teal": "#80cbc4",
    "lime": "#e6ee9c",
    "olive": "#c5c58a",
    "navy": "#9fa8da",
    "maroon": "#d7a0a0",
    "aqua": "#84ffff",
    "fuchsia": "#ea80fc",
    "silver": "#e0e0e0",
    "gold": "#ffe082",
    "violet": "#d1c4e9",
    "indigo": "#b39ddb",
    "coral": "#ffab91",
    "salmon": "#ffab91",
    "turquoise": "#a7ffeb",
    "khaki": "#f0e68c",
    "orchid": "#e1bee7",
    "bright_red": "#ff5252",
    "bright_green": "#69f0ae",
    "bright_yellow": "#ffff00",
    "bright_blue": "#82b1ff",
    "bright_magenta": "#ff80ab",
    "bright_cyan": "#18ffff",
}


def css_color(name: str) -> str:
    """`#rrggbb` for a labels.yaml colour; unknown names fall back to grey."""
    if _HEX.match(name):
        return name.lower()
    return NAMED.get(name.lower(), NAMED["gray"])
