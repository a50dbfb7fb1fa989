"""Headless Chromium for the tests, driven over the DevTools protocol on the remote-debugging pipe.

Opens a page, records what a reader's browser would complain about (console messages,
uncaught exceptions, log entries) and every request the page makes, evaluates
JavaScript in it (to click, and to read the DOM), and takes screenshots. Debian's
``chromium`` package provides the browser; ``find_chromium()`` is None without it.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TIMEOUT = 60.0  # seconds for any one step: generous, never reached by a working browser


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


class BrowserError(RuntimeError):
    pass


def _above_four(fd: int) -> int:
    """The same pipe end on a descriptor above 4 (closing ``fd``), so that moving the browser's ends onto 3 and 4 in
    the child overwrites none of them."""
    import fcntl

    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class Page:
    """One page in a headless browser; use as a context manager."""

    def __init__(self, binary: str, width: int = 1000, height: int = 1400):
        self.width, self.height = width, height
        self.events: list[dict[str, Any]] = []
        self._profile = tempfile.TemporaryDirectory(prefix="privlint-chromium-")
        to_browser_read, self._to_browser = (_above_four(fd) for fd in os.pipe())
        self._from_browser, from_browser_write = (_above_four(fd) for fd in os.pipe())

        def give_pipes() -> None:  # the browser reads commands on fd 3 and writes answers on fd 4
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        self._process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
             "--hide-scrollbars", f"--user-data-dir={self._profile.name}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=give_pipes, pass_fds=(3, 4),
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._next_id = 0
        self._buffer = b""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=False)

    def __enter__(self) -> Page:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        self._profile.cleanup()

    # -- the protocol ---------------------------------------------------------------

    def call(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._receive()
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def _receive(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self._from_browser], [], [], remaining)[0]:
                raise BrowserError("the browser did not answer in time")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise BrowserError("the browser closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _wait_for(self, method: str) -> None:
        if any(event.get("method") == method for event in self.events):
            return
        while True:
            event = self._receive()
            self.events.append(event)
            if event.get("method") == method:
                return

    # -- what the tests use --------------------------------------------------------

    def open(self, path: Path) -> None:
        self.events.clear()
        self.call("Page.navigate", session=True, url=path.resolve().as_uri())
        self._wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def complaints(self) -> list[str]:
        """Console messages, uncaught exceptions and warnings or errors the browser logged."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled":
                found.append(f"console.{params['type']}: " + " ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                found.append(f"exception: {details.get('exception', {}).get('description') or details.get('text')}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                found.append(f"log {params['entry']['level']}: {params['entry']['text']}")
        return found

    def requests(self) -> list[str]:
        """The address of every request the page made."""
        return [event["params"]["request"]["url"] for event in self.events if event.get("method") == "Network.requestWillBeSent"]

    def screenshot(self, destination: Path, full_page: bool = True) -> None:
        clip = None
        if full_page:
            height = self.evaluate("Math.ceil(document.documentElement.scrollHeight)")
            clip = {"x": 0, "y": 0, "width": self.width, "height": min(height, 4000), "scale": 1}
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": full_page}
        if clip:
            params["clip"] = clip
        data = self.call("Page.captureScreenshot", session=True, **params)["data"]
        destination.write_bytes(base64.b64decode(data))


def main() -> None:
    """``python tests/browser.py``: the README's screenshots, docs/img/statement.png and docs/img/report.png."""
    root = Path(__file__).resolve().parent.parent
    binary = find_chromium()
    if binary is None:
        raise SystemExit("headless Chromium is not installed (apt-get install chromium)")
    images = root / "docs" / "img"
    images.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.html"
        subprocess.run(
            [str(Path(sys.executable).parent / "privlint"), "--today", "2026-11-23", "--ignore", "unbumped-last-changed", "--no-cache",
             "--format", "html", "--output-file", str(report), "seeds", "examples/complete.privacy.yaml",
             "examples/rules/missing-right/fail.privacy.yaml", "examples/rules/yaml-syntax/fail.privacy.yaml"],
            cwd=root, stdout=subprocess.DEVNULL, check=False,
        )
        with Page(binary, width=900, height=1100) as page:
            page.open(root / "examples" / "rendered" / "complete.nl.html")
            page.screenshot(images / "statement.png", full_page=False)
        with Page(binary, width=1640, height=960) as page:
            page.open(report)
            page.screenshot(images / "report.png", full_page=False)


if __name__ == "__main__":
    main()
