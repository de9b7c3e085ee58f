"""A textual-serve `Server` that works offline and only talks to pages it served.

textual-serve's own page links a web font from fonts.googleapis.com and writes absolute URLs built
from the bind address (so a page reached through `ssh -L 9000:127.0.0.1:8000` would dial the
wrong port). Our template (`templates/app_index.html`) uses the Roboto Mono that textual-serve
already bundles and derives every URL from the page's own location.

A websocket is not bound by the same-origin rule: any web page the user has open could dial
`ws://127.0.0.1:PORT/ws` and tag under their name. The socket is therefore refused unless the
browser says it comes from a page this server served (its `Origin` equals the `Host` asked for).
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

from tui.core.workspace import Workspace

TEMPLATES = Path(__file__).resolve().parent / "templates"


def app_command(ws: Workspace) -> str:
    """The shell command each browser tab runs: this Python, this workspace, this annotator."""
    return shlex.join([sys.executable, "-m", "tui", "--root", str(ws.root), "--corpus",
                       str(ws.corpus), "--tags", str(ws.tags), "--annotator", ws.annotator])


def is_loopback(host: str) -> bool:
    """True when only this machine can reach `host` (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str, port: int, annotator: str) -> str:
    """What `serve` prints before it listens: there is no login, the port is the key."""
    who = f"anyone who can reach {host}:{port}"
    if is_loopback(host):
        who = f"anyone with an account on this machine who opens port {port}"
    return (f"warning: no login: {who} can read the corpus and tag as {annotator!r}. "
            "Teammates elsewhere: ssh -L 8000:127.0.0.1:8000 this-host, then open "
            "http://127.0.0.1:8000")


def same_origin(request: web.Request) -> bool:
    """The websocket's `Origin` names the host the browser asked for (a page we served)."""
    origin = request.headers.get("Origin")
    if origin is None:  # not a browser (a script has no page to be tricked by)
        return True
    return urlsplit(origin).netloc.lower() == request.host.lower()


class NewstagServer(Server):
    """textual-serve with our offline page, an origin check and one-line start-up messages."""

    def __init__(self, ws: Workspace, host: str, port: int) -> None:
        super().__init__(app_command(ws), host=host, port=port, title=f"newstag — {ws.annotator}",
                         templates_path=TEMPLATES)
        self.ws = ws

    def initialize_logging(self) -> None:
        """Keep textual-serve's rich log handler off: our start-up lines are plain."""

    async def on_startup(self, app: web.Application) -> None:
        print(f"newstag: serving {self.ws.root} as {self.ws.annotator!r} on {self.public_url} "
              "(one process per browser tab; Ctrl+C stops)", flush=True)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not same_origin(request):
            raise web.HTTPForbidden(text="newstag serve: this page was not served here\n")
        return await super().handle_websocket(request)

    def serve(self, debug: bool = False) -> None:
        print(exposure_warning(self.host, self.port, self.ws.annotator), file=sys.stderr,
              flush=True)
        super().serve(debug)

