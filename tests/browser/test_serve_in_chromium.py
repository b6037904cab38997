"""estate-advisor serve in a real headless Chromium: the first question renders and is answered from the keyboard.

Debian's chromium is driven by Playwright (never ``playwright install``). The page's terminal is xterm.js drawn
on a canvas, so the test reads its text buffer: the served textual.js is given one extra statement that keeps
the terminal object reachable from the page.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, sync_playwright

from advisor.store import DATA_DIR_ENV, SessionStore

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_S = 30
TERMINAL_CREATED = "const t=new w(e,{ping:r});"
"""Where textual-serve's textual.js creates each terminal; the test keeps a reference to it."""
SCREEN_TEXT = """() => {
    const terminal = window.__terminals && window.__terminals[0];
    if (!terminal) return "";
    const buffer = terminal.terminal.buffer.active;
    const lines = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i).translateToString(true));
    return lines.join("\\n");
}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """``estate-advisor serve`` on a free loopback port, saving into a temporary data directory."""
    port = free_port()
    env = {**os.environ, DATA_DIR_ENV: str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "advisor", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + TIMEOUT_S
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"estate-advisor serve did not listen on {port}: {proc.communicate()[1]!r}")
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    os.killpg(proc.pid, signal.SIGTERM)  # the server and the app processes it started
    proc.wait(timeout=TIMEOUT_S)
    proc.stderr.close()  # type: ignore[union-attr]


def local_only(route: Route) -> None:
    """Nothing leaves the machine (the page asks Google for a font); textual.js keeps its terminal reachable."""
    url = route.request.url
    if not url.startswith("http://127.0.0.1:"):
        route.abort()
    elif url.endswith("/js/textual.js"):
        response = route.fetch()
        script = response.text()
        assert TERMINAL_CREATED in script, "textual-serve's textual.js changed; update TERMINAL_CREATED"
        kept = TERMINAL_CREATED + "(window.__terminals=window.__terminals||[]).push(t);"
        route.fulfill(response=response, body=script.replace(TERMINAL_CREATED, kept))
    else:
        route.continue_()


def wait_for_text(page: Page, text: str) -> None:
    page.wait_for_function(f"(text) => ({SCREEN_TEXT})().includes(text)", arg=text, timeout=TIMEOUT_S * 1000)


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (.ci/run installs Debian's chromium)")
def test_first_question_answered_in_the_browser(server: str, tmp_path: Path) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", local_only)
            page.goto(server)
            wait_for_text(page, "Are you a citizen of the United States?")
            assert "Where is your permanent home" not in page.evaluate(SCREEN_TEXT)
            page.locator(".xterm-helper-textarea").focus()
            page.keyboard.press("Enter")  # the first option, US citizen, is highlighted
            wait_for_text(page, "Where is your permanent home (your domicile)?")
            assert "Question 2 of about" in page.evaluate(SCREEN_TEXT)
        finally:
            browser.close()
    store = SessionStore.open(tmp_path)
    [record] = store.list()
    assert store.answers(record.id) == {"citizenship": "us"}
    store.close()
