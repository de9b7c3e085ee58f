"""What screens, widgets and palette providers may use of the App: a `Protocol`, not the App.

Screens annotate `app: Host` and import this module, never `tui.app`: the App imports the
screens, and nothing imports the App back, so there is no import cycle through it and a screen
can be driven by any App that provides these members. The Textual part (`notify`,
`push_screen`, ...) is what `textual.app.App` already has.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.worker import Worker

    from tui.core.articles import Article
    from tui.core.labels import LabelSet
    from tui.core.library import Library
    from tui.core.tagging import TaggingSession
    from tui.core.tagstore import TagStore
    from tui.core.workspace import Workspace
    from tui.services import Services
    from tui.state import ReadingState
    from tui.widgets.marks import LabelLook
    from tui.widgets.status_line import StatusSegment


class Host(Protocol):
    """The newstag App as its screens see it."""

    ws: Workspace
    labels: LabelSet
    looks: dict[str, LabelLook]
    state: ReadingState
    library: Library | None
    services: Services
    status_segments: list[StatusSegment]

    @property
    def store(self) -> TagStore: ...
    @property
    def session(self) -> TaggingSession: ...

    def load_article(self, article_id: str) -> Article | None: ...
    def open_article(self, article_id: str, sentence: int | None = None,
                     highlight: Sequence[str] = ()) -> bool: ...
    def add_status_segment(self, segment: StatusSegment) -> None: ...
    def refresh_status(self) -> None: ...

    # -- the Textual App members screens use ----------------------------------------------------
    @property
    def screen(self) -> Screen[Any]: ...
    @property
    def screen_stack(self) -> list[Screen[Any]]: ...
    @property
    def size(self) -> Any: ...
    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = True) -> None: ...
    def push_screen(self, screen: Any, callback: Any = None, wait_for_dismiss: bool = False
                    ) -> Any: ...
    def pop_screen(self) -> Any: ...
    def call_from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any
                         ) -> Any: ...
    def call_after_refresh(self, callback: Callable[..., Any], *args: Any, **kwargs: Any
                           ) -> bool: ...
    def run_worker(self, work: Any, name: str | None = "", group: str = "default",
                   description: str = "", exit_on_error: bool = True, start: bool = True,
                   exclusive: bool = False, thread: bool = False) -> Worker[Any]: ...
    def post_message(self, message: Any) -> bool: ...
    def bell(self) -> None: ...
