"""`newstag review`: the TUI straight in review mode, to settle the team's disagreements."""

from __future__ import annotations

from pathlib import Path

import click

from .common import Fail, one_line_errors, workspace_from


@click.command("review")
@click.option("--label", "labels", multiple=True, help="Only this label (repeatable).")
@click.option("--annotators", help="Comma-separated annotators to review (default: all but you).")
@click.pass_context
@one_line_errors
def command(ctx: click.Context, labels: tuple[str, ...], annotators: str | None) -> None:
    """Step through the sentences annotators disagree on; your verdicts become your own tags.

    Keys: j/k move, y the label applies, n it does not, ] next unsettled, u undo, o open in the
    reader, escape back to the library. Nobody else's tag file is ever written.

    By default everyone but you is compared: your own tags are left out because you are the
    reviewer (your verdicts become your tags). Pass --annotators with your name to compare
    yours too.
    """
    import tui.app
    from tui.app import NewstagApp
    from tui.core.labels import load_labels
    from tui.screens.review import ReviewScreen

    ws = workspace_from(ctx)
    label_set = load_labels(ws.labels_path)
    unknown = [lb for lb in labels if label_set.by_name(lb) is None]
    if unknown:
        raise Fail(f"unknown label(s) {', '.join(map(repr, unknown))}; "
                   f"labels: {', '.join(label_set.names)}")
    who = tuple(a.strip() for a in annotators.split(",") if a.strip()) if annotators else ()
    from tui.core.review import scope
    from tui.core.tagstore import TagStore

    problem = scope(TagStore(ws.tags), ws.annotator, who).problem()
    if problem is not None:  # say why before opening a screen with nothing on it
        raise Fail(problem)

    class ReviewApp(NewstagApp):
        CSS_PATH = Path(tui.app.__file__).with_name("app.tcss")  # relative paths follow the module

        def on_ready(self) -> None:
            self.push_screen(ReviewScreen(who, labels))

    try:
        ReviewApp(ws, label_set).run()
    except KeyboardInterrupt:
        raise SystemExit(130) from None
