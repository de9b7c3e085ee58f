"""`newstag serve`: the TUI in a browser tab for teammates who will not install a terminal tool."""

from __future__ import annotations

import click

from .common import Fail, one_line_errors, workspace_from


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but 127.0.0.1/localhost lets other machines in.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
@click.option("--annotator", "serve_as", metavar="NAME",
              help="Whose tags the page writes (default: the workspace's annotator).")
@click.pass_context
@one_line_errors
def command(ctx: click.Context, host: str, port: int, serve_as: str | None) -> None:
    """Serve the TUI to a browser (one process per tab; no login: the port is the key).

    For a teammate on another machine keep the default host and let them tunnel:
    `ssh -L 8000:127.0.0.1:8000 you@this-host`, then open http://127.0.0.1:8000.
    """
    if serve_as is not None:
        ctx.find_root().obj["annotator"] = serve_as
    ws = workspace_from(ctx)
    try:
        from tui.serve.server import NewstagServer
    except ImportError as exc:  # a partial install: say what to add
        raise Fail(f"serve needs textual-serve ({exc.name} is missing): "
                   "pip install textual-serve") from None
    try:
        NewstagServer(ws, host, port).serve()
    except OSError as exc:
        raise Fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
