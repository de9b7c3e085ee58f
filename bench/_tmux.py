"""Time until text is on screen in a real terminal: a tmux pane, polled with `capture-pane`.

The clock starts when the command line is sent to an idle shell in the pane (`exec CMD`, so the
shell's own start-up is not counted) and stops when every awaited string shows in the pane.
Polling costs ~2 ms per capture, which bounds the resolution.
"""

from __future__ import annotations

import itertools
import os
import shlex
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

_ids = itertools.count()


def tmux(*args: str, retries: int = 5) -> str:
    for attempt in range(retries):
        out = subprocess.run(["tmux", *args], capture_output=True, text=True)
        if out.returncode == 0:
            return out.stdout
        if attempt == retries - 1:
            raise RuntimeError(f"tmux {' '.join(args[:2])}: {out.stderr.strip()}")
        time.sleep(0.1)  # the server may be shutting down after its last session closed
    return ""


def capture(session: str) -> str:
    return tmux("capture-pane", "-p", "-t", session)


@dataclass
class Pane:
    """A tmux session with an idle shell, ready to run one measured command."""

    session: str
    width: int = 120
    height: int = 40

    @classmethod
    def start(
        cls, cwd: Path, env: Mapping[str, str] | None = None, width: int = 120, height: int = 40
    ) -> Pane:
        name = f"ntbench-{os.getpid()}-{next(_ids)}"
        envs = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        shell = f"env {envs} PS1='READY$ ' bash --norc --noprofile"
        tmux(
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            str(width),
            "-y",
            str(height),
            "-c",
            str(cwd),
            shell,
        )
        pane = cls(name, width, height)
        pane.wait_for(["READY$"], timeout=10)
        return pane

    def wait_for(
        self, needles: Sequence[str], timeout: float = 60.0, t0: float | None = None
    ) -> dict[str, float]:
        """Seconds from `t0` until each needle first appears; raises TimeoutError."""
        t0 = time.perf_counter() if t0 is None else t0
        seen: dict[str, float] = {}
        while True:
            screen = capture(self.session)
            now = time.perf_counter() - t0
            for n in needles:
                if n not in seen and n in screen:
                    seen[n] = now
            if len(seen) == len(needles):
                return seen
            if now > timeout:
                missing = [n for n in needles if n not in seen]
                raise TimeoutError(f"not on screen after {timeout:.0f}s: {missing}\n{screen}")
            time.sleep(0.001)

    def run(self, command: str, needles: Sequence[str], timeout: float = 60.0) -> dict[str, float]:
        """Send `exec command` and time the needles; the command replaces the shell."""
        tmux("send-keys", "-t", self.session, "-l", f"exec {command}")
        t0 = time.perf_counter()
        tmux("send-keys", "-t", self.session, "Enter")
        return self.wait_for(needles, timeout, t0)

    def keys(self, *keys: str) -> None:
        tmux("send-keys", "-t", self.session, *keys)

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.session], capture_output=True)

    def __enter__(self) -> Pane:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def time_command(
    command: str,
    needles: Sequence[str],
    cwd: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 60.0,
    quit_keys: Sequence[str] = ("q",),
) -> dict[str, float]:
    """One measured run in a fresh pane; the app is then asked to quit and the pane closed."""
    with Pane.start(cwd, env) as pane:
        result = pane.run(command, needles, timeout)
        for key in quit_keys:
            pane.keys(key)
        time.sleep(0.2)
        return result
