"""One long-lived ``vellum serve --stdio`` process per binary, so that many renders pay the binary's start-up once."""

from __future__ import annotations

import atexit
import base64
import json
import os
import subprocess
import threading
from typing import Any, Optional


class ProcessUnavailable(Exception):
    """The binary has no ``serve --stdio`` (an older build) or the process could not be started."""


class RenderProcess:
    """A ``vellum serve --stdio`` child answering one JSON request a line; restarted if it dies."""

    def __init__(self, executable: str):
        self.executable = executable
        self._lock = threading.Lock()
        self._process: Optional[subprocess.Popen] = None
        self._owner = 0
        # Set when the binary refused the mode (an older build): later calls fall back at once.
        self._refused = False

    def _start(self) -> subprocess.Popen:
        # A forked child (multiprocessing) must not share its parent's pipes: it starts its own process.
        if self._process is not None and self._process.poll() is None and self._owner == os.getpid():
            return self._process
        try:
            self._process = subprocess.Popen(
                [self.executable, "serve", "--stdio"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError as error:
            raise ProcessUnavailable(str(error)) from None
        self._owner = os.getpid()
        return self._process

    def request(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Sends one request and returns the decoded answer (outputs still base64)."""
        line = (json.dumps(payload, separators=(",", ":")) + "\n").encode("utf-8")
        with self._lock:
            if self._refused:
                raise ProcessUnavailable("this vellum binary has no serve --stdio")
            process = self._start()
            try:
                process.stdin.write(line)
                process.stdin.flush()
                answer = process.stdout.readline()
            except (BrokenPipeError, OSError):
                answer = b""
            except BaseException:
                # Interrupted between the request and its answer (KeyboardInterrupt, a notebook's "Interrupt
                # kernel"): the answer would be read by the next request, and every later one would be one behind.
                # The process goes; the next request starts a fresh one.
                self._discard(process)
                raise
            if not answer:
                # The binary refused the mode (exit 2: an older build) or died: the caller falls back.
                status = process.wait()
                self._process = None
                # Exit status 2 is a usage error: the binary does not know the mode, and never will.
                self._refused = status == 2
                raise ProcessUnavailable(f"vellum serve --stdio exited with status {status}")
        return json.loads(answer)

    def _discard(self, process: subprocess.Popen) -> None:
        process.kill()
        process.wait()
        self._process = None

    def close(self) -> None:
        with self._lock:
            if self._process is not None and self._owner == os.getpid():
                self._process.stdin.close()
                self._process.wait()
            self._process = None


_processes: dict[str, RenderProcess] = {}
_processes_lock = threading.Lock()


def process_for(executable: str) -> RenderProcess:
    """The shared process of ``executable``, created on first use."""
    with _processes_lock:
        process = _processes.get(executable)
        if process is None:
            process = _processes[executable] = RenderProcess(executable)
        return process


def decode_outputs(answer: dict[str, Any], names: list[str]) -> dict[str, bytes]:
    return {name: base64.b64decode(answer["outputs"][name]) for name in names}


@atexit.register
def _close_all() -> None:
    for process in list(_processes.values()):
        process.close()
