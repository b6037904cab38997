"""estate-advisor serve in a real headless Chromium, and probed with a raw client.

The browser test records every request the page makes and fails on one to any other host (the product
promises nothing leaves the machine); it types without clicking the page first. The raw client checks what
a browser would not show: the page and the WebSocket refused without the run's token, a WebSocket from
another site's page refused, a Host that is not ours refused, and the window cap.

Debian's chromium is driven by Playwright (never ``playwright install``). The page's terminal is xterm.js drawn
on a canvas, so the test reads its text buffer: the served textual.js is given one extra statement that keeps
the terminal object reachable from the page.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
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


@dataclass
class Served:
    url: str
    """The page address with the run's token, as serve printed it."""
    port: int
    token: str
    data_dir: Path


def start_server(data_dir: Path, *extra: str) -> tuple[subprocess.Popen[str], Served]:
    """``estate-advisor serve`` on a free loopback port; returns once it has printed its URL."""
    port = free_port()
    env = {**os.environ, DATA_DIR_ENV: str(data_dir / "from-env")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "advisor", "serve", "--port", str(port), *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + TIMEOUT_S
    for line in proc.stdout:
        if match := re.search(r"served at (http://127\.0\.0\.1:\d+/\?token=(\S+))", line):
            while time.monotonic() < deadline:  # printed on start-up, just before it listens
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    return proc, Served(match.group(1), port, match.group(2), data_dir)
                except OSError:
                    time.sleep(0.02)
        if time.monotonic() > deadline:
            break
    proc.kill()
    pytest.fail(f"estate-advisor serve printed no URL: {proc.communicate()[1]!r}")


def stop_server(proc: subprocess.Popen[str]) -> None:
    os.killpg(proc.pid, signal.SIGTERM)  # the server and the app processes it started
    proc.communicate(timeout=TIMEOUT_S)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Served]:
    proc, served = start_server(tmp_path, "--data-dir", str(tmp_path / "chosen"))
    yield served
    stop_server(proc)


def keep_terminal(route: Route) -> None:
    """textual.js keeps its terminal reachable; every other request goes on unchanged."""
    response = route.fetch()
    script = response.text()
    assert TERMINAL_CREATED in script, "textual-serve's textual.js changed; update TERMINAL_CREATED"
    kept = TERMINAL_CREATED + "(window.__terminals=window.__terminals||[]).push(t);"
    route.fulfill(response=response, body=script.replace(TERMINAL_CREATED, kept))


def wait_for_text(page: Page, text: str) -> None:
    page.wait_for_function(f"(text) => ({SCREEN_TEXT})().includes(text)", arg=text, timeout=TIMEOUT_S * 1000)


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (.ci/run installs Debian's chromium)")
def test_first_question_answered_from_the_keyboard_with_nothing_from_another_host(server: Served) -> None:
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("request", lambda request: requests.append(request.url))
            page.on("websocket", lambda websocket: requests.append(websocket.url))
            page.route("**/js/textual.js", keep_terminal)
            page.goto(server.url)
            wait_for_text(page, "Are you a citizen of the United States?")
            assert "Where is your permanent home" not in page.evaluate(SCREEN_TEXT)
            page.keyboard.press("Enter")  # no click first: the page gives the terminal the keyboard itself
            wait_for_text(page, "Where is your permanent home (your domicile)?")
            assert "Question 2 of about" in page.evaluate(SCREEN_TEXT)
            footer = page.evaluate(SCREEN_TEXT)  # keys the browser leaves to the page
            assert "F2 Review" in footer and "F4 Sessions" in footer and "f9 palette" in footer
            page.keyboard.press("F2")
            wait_for_text(page, "more question(s) to answer on this route")
        finally:
            browser.close()
    own = f"127.0.0.1:{server.port}"
    elsewhere = [url for url in requests if url.split("/")[2] != own]
    assert elsewhere == [], f"the page asked another host: {elsewhere}"
    assert any(url.startswith(f"ws://{own}/ws/") for url in requests)
    store = SessionStore.open(server.data_dir / "chosen")  # --data-dir, not the environment's folder
    [record] = store.list()
    assert store.answers(record.id) == {"citizenship": "us"}
    store.close()
    assert not (server.data_dir / "from-env").exists()


async def handshake(served: Served, *, token: str | None = None, origin: str | None = "own") -> int | bytes:
    """Open the app's WebSocket as a raw client: the HTTP status if refused, else the first bytes received."""
    own = f"http://127.0.0.1:{served.port}"
    headers = {} if origin is None else {"Origin": own if origin == "own" else origin}
    url = f"ws://127.0.0.1:{served.port}/ws/{served.token if token is None else token}?width=80&height=24"
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers, timeout=aiohttp.ClientWSTimeout(ws_close=5)) as ws:
                message = await ws.receive(timeout=TIMEOUT_S)
                return bytes(message.data) if message.type == aiohttp.WSMsgType.BINARY else str(message.data).encode()
        except aiohttp.WSServerHandshakeError as error:
            return error.status


async def page_status(served: Served, query: str, host: str | None = None) -> int:
    async with aiohttp.ClientSession() as session:
        headers = {} if host is None else {"Host": host}
        async with session.get(f"http://127.0.0.1:{served.port}/{query}", headers=headers) as response:
            return response.status


def test_the_page_and_the_socket_need_the_token_their_own_origin_and_host(server: Served) -> None:
    async def probe() -> None:
        assert await page_status(server, "") == 403
        assert await page_status(server, "?token=wrong") == 403
        assert await page_status(server, f"?token={server.token}") == 200
        assert await page_status(server, f"?token={server.token}", host=f"attacker.example:{server.port}") == 421
        assert await handshake(server, token="wrong") == 403
        assert await handshake(server, origin="https://attacker.example") == 403
        assert await handshake(server, origin=None) == 403
        assert await handshake(server, origin=f"http://localhost:{server.port}") == 403  # not the Host asked
        assert isinstance(await handshake(server), bytes)  # the page's own origin with the token: the app starts

    asyncio.run(probe())


def test_the_window_cap_says_why_no_app_starts(tmp_path: Path) -> None:
    proc, served = start_server(tmp_path, "--max-windows", "1", "--no-save")

    async def probe() -> bytes:
        own = f"http://127.0.0.1:{served.port}"
        url = f"ws://127.0.0.1:{served.port}/ws/{served.token}?width=80&height=24"
        async with aiohttp.ClientSession() as session, session.ws_connect(url, headers={"Origin": own}) as first:
            await first.receive(timeout=TIMEOUT_S)  # the first window's app is running
            second = await handshake(served)
            assert isinstance(second, bytes)
            return second

    try:
        refused = asyncio.run(probe())
    finally:
        stop_server(proc)
    assert b"the limit of 1 open at once is reached" in refused and b"--max-windows" in refused
    assert not (tmp_path / "from-env").exists(), "--no-save: nothing saved"


def test_serve_help_lists_where_it_saves() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "advisor", "serve", "--help"], capture_output=True, text=True, check=True
    )
    assert "--data-dir DIR" in proc.stdout and DATA_DIR_ENV in proc.stdout and "--no-save" in proc.stdout
    assert "--max-windows N" in proc.stdout
