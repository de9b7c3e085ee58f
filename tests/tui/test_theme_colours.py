"""Label colours per theme: every label's letter and underline reads on every built-in theme."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES
from tui_helpers import SIZE, library_ready, make_app, workspace

from tui.core.labels import load_labels
from tui.widgets.marks import MIN_CONTRAST, contrast, label_looks

COLOURS = ["yellow", "green", "red", "226", "blue", "magenta", "cyan", "white", "black",
           "#ffd700", "bright_yellow"]
THEMES = sorted(n for n, t in BUILTIN_THEMES.items() if not n.startswith("ansi"))


def _bg(app, name: str) -> Color:
    app.theme = name
    return Color.parse(app.get_css_variables()["background"])


@pytest.mark.parametrize("theme", THEMES)
async def test_every_label_reads_on_every_theme(tmp_path, theme: str) -> None:
    ws = workspace(tmp_path)
    labels_yaml = "labels:\n" + "".join(
        f"  - name: l{i}\n    key: {'bcdefhimrtyz'[i]}\n    color: '{c}'\n"
        for i, c in enumerate(COLOURS))
    ws.labels_path.write_text(labels_yaml, encoding="utf-8")
    labels = load_labels(ws.labels_path)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        bg = _bg(app, theme)
        await pilot.pause()
        for label in labels.labels:
            look = app.looks[label.name]
            for style in (look.swatch, look.theirs):
                fg = Color.from_rich_color(style.color)
                assert contrast(fg, bg) >= MIN_CONTRAST - 0.01, (theme, label.color, fg, bg)


def test_yellow_stays_itself_where_it_reads_and_darkens_on_light_grey() -> None:
    dark = label_looks(_yellow_set(), "#121212")["y"].swatch.color
    light = label_looks(_yellow_set(), "#E0E0E0")["y"].swatch.color
    assert Color.from_rich_color(dark) == Color.parse("#ffff00")
    assert contrast(Color.from_rich_color(light), Color.parse("#E0E0E0")) >= MIN_CONTRAST


def _yellow_set():
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "labels.yaml"
        p.write_text("labels:\n  - name: y\n    key: y\n    color: '226'\n", encoding="utf-8")
        return load_labels(p)
