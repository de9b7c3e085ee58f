"""The reader with a suggestion ghost (`s?`) and a twins mark (`≈2`) on the ammunition claim.
Update after a deliberate change with `pytest --snapshot-update`, and look at the SVG."""

from __future__ import annotations

from tui_helpers import FIRST, make_app, open_reader, twins_ready, workspace

SIZE = (100, 32)


def test_reader_snapshot_with_a_ghost_and_twins(tmp_path, snap_compare) -> None:
    app = make_app(workspace(tmp_path))

    async def ready(pilot) -> None:
        await open_reader(pilot, FIRST)
        await twins_ready(pilot)
        await pilot.press("right_curly_bracket")  # the ammunition claim: s? and ≈2

    assert snap_compare(app, terminal_size=SIZE, run_before=ready)
