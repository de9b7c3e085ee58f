"""Every export says what its format cannot carry (doccano drops notes: it says how many)."""

from __future__ import annotations

import pytest
from exchange_helpers import run, team_workspace

from tui.core.exchange import EXPORT_FORMATS
from tui.core.exchange.carries import CANNOT_CARRY, FULL


def test_the_table_covers_every_export_format() -> None:
    assert set(CANNOT_CARRY) == set(EXPORT_FORMATS)
    assert all(CANNOT_CARRY[f] == () for f in FULL)


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_each_export_names_what_it_leaves_out(tmp_path, fmt) -> None:
    ws = team_workspace(tmp_path)  # alice's first tag has a note
    args = ["export", "--format", fmt] + (["--out", str(tmp_path / "brat")] if fmt == "brat"
                                          else [])
    result = run(ws, *args)
    assert result.exit_code == 0, result.stderr
    notes = [ln for ln in result.stderr.splitlines() if "has no place for" in ln]
    if not CANNOT_CARRY[fmt]:
        assert notes == []
    else:
        (line,) = notes
        assert line.startswith(f"newstag: note: {fmt} has no place for")
        for what in CANNOT_CARRY[fmt]:
            assert what in line
        if "notes" in CANNOT_CARRY[fmt]:
            assert "notes (1 not written)" in line
