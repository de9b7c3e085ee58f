"""`newstag serve` for real: a served workspace, headless Chromium typing in the page, the YAML on
disk, and no request leaving 127.0.0.1 (the page ships its own font and derives its URLs)."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pytest
import yaml
from cdp import CHROMIUM, chromium_page
from click.testing import CliRunner
from tui_helpers import REPO, workspace

from tui.cli.main import cli
from tui.core import articles
from tui.serve.server import exposure_warning, is_loopback

ANSI = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Served:
    """`newstag serve` in its own process on a free port, stopped (with its tabs) on exit."""

    def __init__(self, root: Path, annotator: str) -> None:
        self.port = free_port()
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tui", "serve", "--port", str(self.port), "--annotator",
             annotator], cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, start_new_session=True)
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError as exc:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"serve did not start: {self.proc.communicate()}") from exc
                time.sleep(0.1)
        self.url = f"http://127.0.0.1:{self.port}/"

    def stop(self) -> tuple[str, str]:
        self.proc.terminate()
        try:
            return self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.communicate()


async def until(check, what: str, limit: float = 90) -> None:
    deadline = time.monotonic() + limit
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.2)


def screen_text(page) -> str:
    return ANSI.sub("", page.received_text())


@pytest.mark.skipif(CHROMIUM is None,
                    reason="chromium is not installed (Debian: apt-get install chromium)")
async def test_chromium_tags_a_sentence_through_the_served_page(tmp_path):
    ws = workspace(tmp_path)
    first = sorted(ws.corpus.glob("*.txt"))[0]
    title_words = " ".join(articles.load(first).title.split()[:3])
    served = Served(ws.root, "webby")
    try:
        async with chromium_page(tmp_path / "profile") as page:
            await page.call("Page.navigate", url=served.url)
            # The library renders: a seed's headline reaches the page through the app's socket.
            await until(lambda: title_words in screen_text(page), f"the library ({title_words!r})")
            await page.call("Runtime.evaluate",
                            expression="document.querySelector('.xterm-helper-textarea').focus()")
            await page.key("Enter", "\r", "Enter", 13)
            await until(lambda: "▶" in screen_text(page), "the reader's cursor")
            for _ in range(4):  # down to a body sentence (j, as a user would)
                await page.key("j", "j", "KeyJ", 74)
            await page.key("s", "s", "KeyS", 83)
            tag_dir = ws.tags / "webby"
            await until(lambda: any(tag_dir.glob("*.yaml")), "a tag file under tags/webby/")
            await asyncio.sleep(1.0)  # let the page paint the mark before the picture
            shot = tmp_path / "served.png"
            await page.screenshot(shot)
            urls = page.request_urls()
    finally:
        out, err = served.stop()
    (path,) = tag_dir.glob("*.yaml")
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert doc["article"] == first.stem
    assert [t["label"] for t in doc["tags"]] == ["speculation"]
    assert doc["tags"][0]["start"] > len(articles.load(first).title)  # moved past the headline
    text = first.read_text(encoding="utf-8")
    assert all(text[t["start"]:t["end"]] == t["quote"] for t in doc["tags"])
    # Page, script, stylesheet, font and socket all came from this server, nothing else.
    assert urls, "no request recorded"
    off_host = [u for u in urls if not u.startswith("data:")
                and urlsplit(u).hostname != "127.0.0.1"]
    assert off_host == []
    assert any(u.endswith(".ttf") for u in urls)  # the bundled font, not a web font
    assert any(u.startswith("ws://127.0.0.1") for u in urls)
    assert "no login" in err and "webby" in err
    assert shot.stat().st_size > 20_000  # a painted page, not a blank one
    if os.environ.get("NEWSTAG_UPDATE_DOCS"):
        shutil.copy(shot, REPO / "docs" / "serve.png")


async def test_a_socket_from_another_site_is_refused(tmp_path):
    """Any web page could dial ws://127.0.0.1:PORT: only pages this server served may."""
    ws = workspace(tmp_path)
    served = Served(ws.root, "webby")
    try:
        async with aiohttp.ClientSession() as http:
            async with http.get(served.url) as resp:
                page = await resp.text()
            assert resp.status == 200
            assert "googleapis" not in page and "https://" not in page
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(served.url + "ws",
                                      headers={"Origin": "http://evil.example"})
            assert refused.value.status == 403
    finally:
        served.stop()
    assert not (ws.tags / "webby").exists()


def test_serve_binds_loopback_by_default_and_says_how_to_tunnel():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "ssh -L" in result.output
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    assert "anyone who can reach 0.0.0.0:8000" in exposure_warning("0.0.0.0", 8000, "bob")


def test_serve_on_a_busy_port_is_one_line(tmp_path):
    ws = workspace(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "tui", "serve", "--port", str(port)], cwd=ws.root,
            env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True,
            timeout=60)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"newstag: cannot listen on 127.0.0.1:{port}")
    assert "Traceback" not in result.stderr
