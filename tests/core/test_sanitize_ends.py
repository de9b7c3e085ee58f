"""`both_ends`: a long selection shown on one line keeps its first and last words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.sanitize import both_ends


def test_short_text_is_unchanged_and_long_text_keeps_both_ends() -> None:
    assert both_ends("a short one", 40) == "a short one"
    text = "of people have been forced to vacate their homes as strong winds today pushed a"
    shown = both_ends(text, 40)
    assert len(shown) <= 40 and "…" in shown
    assert shown.startswith("of people") and shown.endswith("pushed a")


@given(st.text(min_size=0, max_size=300), st.integers(min_value=0, max_value=120))
def test_never_longer_than_the_limit_and_one_line(text: str, limit: int) -> None:
    shown = both_ends(text, limit)
    assert len(shown) <= max(limit, 0)
    assert "\n" not in shown
