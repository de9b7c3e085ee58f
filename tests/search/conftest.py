"""Search tests run against both engines: a test module opts in with
`pytestmark = pytest.mark.usefixtures("engine")`, and NEWSTAG_ENGINE picks the engine."""

from __future__ import annotations

import pytest


@pytest.fixture(params=["whoosh", "tantivy"])
def engine(request, monkeypatch):
    monkeypatch.setenv("NEWSTAG_ENGINE", request.param)
    return request.param
