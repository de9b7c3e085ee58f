"""What screens, widgets and palette providers may use of the App: a `Protocol`, not the App.

Screens annotate `app: Host` and import this module, never `tui.app`: the App imports the
screens, and nothing imports the App back, so there is no import cycle through it and a screen
can be driven by any App that provides these members (`HostServices`); the Textual part
(`notify`, `push_screen`, ...) is what `textual.app.App` already has.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from textual.app import App

    from tui.core.articles import Article
    from tui.core.labels import LabelSet
    from tui.core.library import Library
    from tui.core.suggest.engine import Suggester
    from tui.core.suggest.model import Gate
    from tui.core.tagging import TaggingSession
    from tui.core.tagstore import TagStore
    from tui.core.workspace import Workspace
    from tui.services import Services
    from tui.state import ReadingState
    from tui.widgets.git_segment import GitStatusSegment
    from tui.widgets.marks import LabelLook
    from tui.widgets.status_line import StatusSegment


class HostServices(Protocol):
    """What newstag adds to a Textual App, as its screens see it (`NewstagApp` provides it)."""

    ws: Workspace
    labels: LabelSet
    looks: dict[str, LabelLook]
    state: ReadingState
    library: Library | None
    services: Services
    status_segments: list[StatusSegment]
    suggest_gates: dict[str, Gate]
    git_segment: GitStatusSegment | None

    @property
    def suggester(self) -> Suggester: ...
    @property
    def store(self) -> TagStore: ...
    @property
    def session(self) -> TaggingSession: ...

    def load_article(self, article_id: str) -> Article | None: ...
    def open_article(self, article_id: str, sentence: int | None = None,
                     highlight: Sequence[str] = ()) -> bool: ...
    def add_status_segment(self, segment: StatusSegment) -> None: ...
    def refresh_status(self) -> None: ...
    def action_show_library(self) -> None: ...


if TYPE_CHECKING:
    class Host(App[None], HostServices):
        """For annotations only (`app: Host` on a screen): a Textual App with newstag's members.
        Never instantiated or imported at run time."""
