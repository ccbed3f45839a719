"""`vellum serve`: the live preview in headless Chromium, what it refuses to serve, and `--stdio` renders."""

from __future__ import annotations

import base64
import http.client
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

import vellum

BROWSERS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]

SPEC = """\
title: {title}
data: {{runs: runs.csv}}
axes:
  layers:
    - line: {{data: runs, x: step, y: loss}}
"""


def browser() -> str:
    for path in BROWSERS:
        if os.access(path, os.X_OK):
            return path
    if os.environ.get("CI") or os.environ.get("VELLUM_REQUIRE_BROWSER"):
        pytest.fail("chromium is not installed (make gallery-test installs it)")
    pytest.skip("chromium is not installed (make gallery-test installs it)")


class Preview:
    """`vellum serve FOLDER --port 0`, stopped at the end of the test."""

    def __init__(self, folder: Path):
        self.process = subprocess.Popen(
            [vellum.binary(), "serve", str(folder), "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        ready, _, _ = select.select([self.process.stdout], [], [], 30)
        assert ready, "vellum serve printed no address within 30 s"
        line = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, f"unexpected first line: {line!r} {self.process.stderr.read() if self.process.poll() else ''}"
        self.port = int(match[1])
        self.address = match[0]

    def get(self, path: str, host: str | None = None) -> tuple[int, str, bytes]:
        """Sends `path` exactly as written (no normalisation of `..` or `//`), naming `host` if given."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.putrequest("GET", path, skip_host=host is not None, skip_accept_encoding=True)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, response.getheader("Content-Type") or "", body

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class DevTools:
    """Chromium driven through `--remote-debugging-pipe`: NUL-terminated JSON messages on file descriptors 3 and 4."""

    def __init__(self, executable: str, profile: Path):
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def wire() -> None:
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            # Chromium reads fds 3 and 4: put there after fork, kept open (pass_fds would keep only the originals).
            preexec_fn=wire,
            close_fds=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.session = None

    def call(self, method: str, timeout: float = 20, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self.next_id:
                    if "error" in reply:
                        raise AssertionError(f"{method}: {reply['error']}")
                    return reply["result"]
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no answer to {method}"
            ready, _, _ = select.select([self.from_browser], [], [], remaining)
            if ready:
                chunk = os.read(self.from_browser, 1 << 16)
                assert chunk, "chromium closed its pipe"
                self.buffer += chunk

    def open(self, url: str) -> None:
        target = self.call("Target.createTarget", url=url)["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float) -> float:
        """Seconds until `expression` is true in the page; fails after `timeout`."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if self.evaluate(expression):
                return time.monotonic() - start
            time.sleep(0.02)
        raise AssertionError(f"not true within {timeout} s: {expression}")

    def close(self) -> None:
        self.session = None
        try:
            self.call("Browser.close", timeout=5)
        except AssertionError:
            pass
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.to_browser)
        os.close(self.from_browser)


def write_figure(folder: Path, title: str = "Loss") -> Path:
    (folder / "runs.csv").write_text("step,loss\n0,1.0\n1,0.5\n2,0.25\n")
    spec = folder / "loss.yaml"
    spec.write_text(SPEC.format(title=title))
    return spec


def replace(path: Path, text: str) -> None:
    """Saves as editors do: a new file renamed over the old one."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text)
    os.replace(temporary, path)


FIGURE_TEXT = "(document.querySelector('#figure svg') || {textContent: ''}).textContent"


def test_the_page_follows_the_spec_without_reloading(tmp_path):
    executable = browser()
    site = tmp_path / "site"
    site.mkdir()
    spec = write_figure(site)
    preview = Preview(site)
    chromium = DevTools(executable, tmp_path / "profile")
    try:
        chromium.open(preview.address + "figures/loss")
        chromium.wait_for(f"{FIGURE_TEXT}.includes('Loss')", timeout=20)
        # A mark on the page's window: a reload would lose it.
        chromium.evaluate("window.vellumTestMark = 'kept'; true")

        replace(spec, SPEC.format(title="Validation loss"))
        seconds = chromium.wait_for(f"{FIGURE_TEXT}.includes('Validation loss')", timeout=5)
        assert seconds < 1, f"the new title took {seconds:.2f} s"
        assert chromium.evaluate("window.vellumTestMark") == "kept"
        assert chromium.evaluate("document.getElementById('title').textContent") == "Validation loss"

        # A broken spec: the located error over the last good figure, its line highlighted.
        replace(spec, SPEC.format(title="Broken").replace("line:", "lines:"))
        chromium.wait_for("!document.getElementById('overlay').hidden", timeout=5)
        error = chromium.evaluate("document.getElementById('error').textContent")
        assert re.search(r"loss\.yaml:5:\d+: error: ", error), error
        assert chromium.evaluate("document.querySelector('#spec li.error-line').textContent").strip().startswith(
            "- lines:"
        )
        assert "Validation loss" in chromium.evaluate(FIGURE_TEXT)
        assert chromium.evaluate("window.vellumTestMark") == "kept"

        # Fixed: the overlay goes and the figure follows the spec again.
        replace(spec, SPEC.format(title="Fixed"))
        chromium.wait_for(f"document.getElementById('overlay').hidden && {FIGURE_TEXT}.includes('Fixed')", timeout=5)

        # The colour-vision menu (issue 31) puts the figure through the deficiency's filter, and says so in the address.
        chromium.evaluate(
            "const menu = document.getElementById('vision'); menu.value = 'deuteranopia';"
            " menu.dispatchEvent(new Event('change')); true"
        )
        assert chromium.evaluate("getComputedStyle(document.querySelector('#figure svg')).filter").endswith(
            '#deuteranopia")'
        )
        assert chromium.evaluate("location.hash") == "#deuteranopia"
        assert chromium.evaluate("document.querySelector('filter#deuteranopia feColorMatrix') !== null")

        # A data edit re-renders too, and the page's table shows the new value.
        (site / "runs.csv").write_text("step,loss\n0,1.0\n1,0.5\n2,0.125\n")
        chromium.wait_for("document.getElementById('tables').textContent.includes('0.125')", timeout=5)
        assert chromium.evaluate("window.vellumTestMark") == "kept"
    finally:
        chromium.close()
        preview.stop()


def test_it_serves_nothing_but_the_specs_and_their_renders(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    write_figure(site)
    secret = tmp_path / "secret.yaml"
    secret.write_text(SPEC.format(title="Secret").replace("runs.csv", str(site / "runs.csv")))
    (site / "linked.yaml").symlink_to(secret)
    (site / "note.txt").write_text("not a figure")
    # A title that is markup: every page shows it as text.
    (site / "hostile.yaml").write_text(SPEC.format(title="'<img src=x onerror=alert(1)><script>alert(2)</script>'"))
    preview = Preview(site)
    try:
        status, kind, body = preview.get("/")
        assert status == 200 and kind.startswith("text/html")
        assert b"/figures/loss" in body and b"linked" not in body and b"Secret" not in body

        for path in ("/", "/figures/hostile"):
            _, _, page = preview.get(path)
            assert b"<img src=x" not in page and b"<script>alert" not in page
            assert b"&lt;img src=x onerror=alert(1)&gt;" in page
        for path, expected in [
            ("/figures/loss", "text/html; charset=utf-8"),
            ("/figures/loss.svg", "image/svg+xml"),
            ("/figures/loss.pdf", "application/pdf"),
            ("/figures/loss.png", "image/png"),
            ("/figures/loss.json", "application/json"),
            ("/figures/loss.scene", "text/plain; charset=utf-8"),
            ("/vellum-serve.js", "text/javascript; charset=utf-8"),
        ]:
            status, kind, _ = preview.get(path)
            assert (status, kind) == (200, expected), path

        outside = [
            "/../../../../etc/passwd",
            "/figures/../../../../etc/passwd",
            "/figures/..%2f..%2f..%2fetc%2fpasswd",
            "/figures/%2e%2e",
            "//etc/passwd",
            "/etc/passwd",
            str(site / "loss.yaml"),
            "/loss.yaml",
            "/runs.csv",
            "/note.txt",
            "/figures/runs",
            "/figures/linked",
            "/figures/linked.svg",
            "/figures/secret",
            "/figures/loss.yaml",
            "/figures/loss.svg/../../secret.yaml",
            "/figures/",
            "/figures",
        ]
        for path in outside:
            status, _, body = preview.get(path)
            assert status == 404, f"{path} → {status}"
            assert b"root:" not in body and b"Secret" not in body
        # A request naming another site (DNS rebinding) is refused; this machine's names are not.
        for host in ("evil.example", "evil.example:%d" % preview.port, "127.0.0.1.evil.example", ""):
            status, _, body = preview.get("/figures/loss.json", host=host)
            assert status == 421 and b"loss" not in body, host
        for host in ("localhost:%d" % preview.port, "127.0.0.1", "[::1]:%d" % preview.port, "LOCALHOST"):
            assert preview.get("/figures/loss.json", host=host)[0] == 200, host
        _, _, script = preview.get("/vellum-serve.js")
        assert b"innerHTML" not in script  # every value from a spec or a data file is set as text
    finally:
        preview.stop()
    assert "outside its folder" in preview.process.stderr.read()


def test_stdio_renders_as_render_does(tmp_path):
    """The same bytes as `vellum render`, a located error without ending the loop, and warnings passed on."""
    spec = write_figure(tmp_path)
    process = subprocess.Popen(
        [vellum.binary(), "serve", "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        requests = [
            {"spec": spec.read_text(), "directory": str(tmp_path), "formats": ["svg", "png"], "dpi": 50},
            {"spec": "axes: {layers: [{line: {x: 1}}]}\n", "directory": str(tmp_path)},
            "not json",
            {"spec": spec.read_text(), "name": str(spec), "directory": str(tmp_path), "formats": ["pdf"]},
            {"spec": "# " + "x" * (2 << 20) + "\n" + spec.read_text(), "directory": str(tmp_path)},
            # Options `vellum render` takes as arguments: wrong, they are usage errors (exit 2) here as there.
            {"spec": spec.read_text(), "directory": str(tmp_path), "dpi": 0},
            {"spec": spec.read_text(), "directory": str(tmp_path), "style": "nuerips"},
            {"spec": spec.read_text(), "directory": str(tmp_path), "theme": "sepia"},
        ]
        answers = []
        for request in requests:
            process.stdin.write((request if isinstance(request, str) else json.dumps(request)) + "\n")
            process.stdin.flush()
            answers.append(json.loads(process.stdout.readline()))
    finally:
        process.stdin.close()
        assert process.wait(20) == 0

    out = tmp_path / "out"
    subprocess.run(
        [vellum.binary(), "render", str(spec), "--out", str(out), "--format", "svg,png", "--dpi", "50"], check=True
    )
    assert base64.b64decode(answers[0]["outputs"]["svg"]) == (out / "loss.svg").read_bytes()
    assert base64.b64decode(answers[0]["outputs"]["png"]) == (out / "loss.png").read_bytes()
    assert answers[1]["exit_code"] == 1 and re.match(r"<stdin>:1:\d+: error: ", answers[1]["error"])
    assert answers[2]["exit_code"] == 2 and answers[2]["error"].startswith("error: request 3 ")
    assert base64.b64decode(answers[3]["outputs"]["pdf"]).startswith(b"%PDF")
    assert answers[4]["exit_code"] == 1 and "limited to 1 MiB" in answers[4]["error"]
    assert [answer["exit_code"] for answer in answers[5:]] == [2, 2, 2], answers[5:]
    assert "did you mean 'neurips'?" in answers[6]["error"]


def test_the_package_keeps_one_process_for_many_renders(tmp_path, monkeypatch):
    write_figure(tmp_path)
    spec = tmp_path / "loss.yaml"
    shared = [vellum.render(spec, formats=["svg"])["svg"] for _ in range(3)]
    monkeypatch.setenv("VELLUM_STDIO", "0")
    alone = vellum.render(spec, formats=["svg"])["svg"]
    assert shared[0] == shared[1] == shared[2] == alone
    from vellum import _process

    process = _process.process_for(vellum.binary())._process
    assert process is not None and process.poll() is None


def test_ctrl_c_ends_it_while_a_page_listens(tmp_path):
    """An open event stream never ends by itself; Ctrl-C must still stop the server at once."""
    write_figure(tmp_path)
    preview = Preview(tmp_path)
    connection = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=10)
    try:
        connection.request("GET", "/figures/loss.events")
        response = connection.getresponse()
        assert response.status == 200 and response.getheader("Content-Type") == "text/event-stream"
        assert response.read(len(b"retry: 500\n\n")) == b"retry: 500\n\n"
        preview.process.send_signal(2)
        assert preview.process.wait(5) == 0
    finally:
        connection.close()
        if preview.process.poll() is None:
            preview.process.kill()
            preview.process.wait()


def test_a_binary_without_stdio_renders_one_process_a_call(tmp_path, monkeypatch):
    """An older binary refuses `serve` (usage error, exit 2): the package renders through `vellum render` instead,
    and asks only once."""
    write_figure(tmp_path)
    wrapper = tmp_path / "old-vellum"
    wrapper.write_text(f'#!/bin/sh\n[ "$1" = serve ] && exit 2\nexec {vellum.binary()} "$@"\n')
    wrapper.chmod(0o755)
    expected = vellum.render(tmp_path / "loss.yaml")["svg"]
    monkeypatch.setenv("VELLUM_BIN", str(wrapper))
    assert vellum.render(tmp_path / "loss.yaml")["svg"] == expected
    from vellum import _process

    assert _process.process_for(str(wrapper))._refused
    assert vellum.render(tmp_path / "loss.yaml")["svg"] == expected
