"""``estate-advisor serve``: the app in a browser through textual-serve, on this machine by default.

The page and its WebSocket carry client data, so the server is shut to everyone but the person who
started it: a secret token made for this run (printed in the URL, as Jupyter does) is required for
both, the WebSocket must come from the served page's own origin (another site's page cannot drive the
app), the Host must be the address served (no DNS rebinding), and at most ``--max-windows`` app
processes run at once. The page loads nothing from another host: the terminal font is the copy
textual-serve ships.
"""

from __future__ import annotations

import argparse
import ipaddress
import secrets
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor.calculators.money import parse_whole
from advisor.cli.app import add_data_dir
from advisor.cli.args import argtype
from advisor.store_database import default_data_dir

if TYPE_CHECKING:
    from aiohttp import web

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_WINDOWS = 4
"""Each window is one app process of about 40 MB."""
PAGE = Path(__file__).resolve().parent.parent / "web"


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Serve the interview to a web browser, on this machine only unless --host says otherwise. "
        "Open the URL it prints: it holds a secret token made for this run, which the page needs."
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    parser.add_argument(
        "--port",
        type=argtype(lambda text: parse_whole(text, low=1, high=65535, what="port"), "port"),
        default=DEFAULT_PORT,
        help=f"port to listen on (default {DEFAULT_PORT})",
    )
    parser.add_argument(
        "--max-windows",
        type=argtype(lambda text: parse_whole(text, low=1, high=64, what="--max-windows"), "count"),
        default=DEFAULT_MAX_WINDOWS,
        metavar="N",
        help=f"at most N browser windows (app processes) at once (default {DEFAULT_MAX_WINDOWS})",
    )
    add_data_dir(parser, saving="the served app saves sessions", again=True)
    parser.add_argument(
        "--no-save", action="store_true", default=argparse.SUPPRESS, help="the served app saves nothing"
    )
    parser.set_defaults(handler=run)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_allowed(header: str, served: str, port: int) -> bool:
    """Whether a request's Host names this server. A name other than the one served is refused, so a page
    that rebinds its own domain to this address (DNS rebinding) is not answered; on a wildcard address
    (0.0.0.0, ::) any IP address of the machine is accepted, on a loopback one only loopback addresses."""
    name, _, given_port = header.rpartition(":")
    if given_port != str(port):
        return False
    name = name.strip("[]")
    if name == served.strip("[]") or (name == "localhost" and is_loopback(served)):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    return address.is_loopback if is_loopback(served) else served in ("0.0.0.0", "::")


def app_command(args: argparse.Namespace) -> tuple[str, str]:
    """The command each window runs (this Python's app, with the save options given to ``serve``), and
    where it saves, in words."""
    argv = [sys.executable, "-m", "advisor"]
    if getattr(args, "no_save", False):
        return shlex.join([*argv, "--no-save"]), "nothing is saved (--no-save)"
    data_dir = default_data_dir() if getattr(args, "data_dir", None) is None else Path(args.data_dir)
    folder = str(data_dir.expanduser().resolve())
    return shlex.join([*argv, "--data-dir", folder]), f"sessions are saved in {folder}"


def run(args: argparse.Namespace) -> int:
    if not is_loopback(args.host):
        print(
            f"estate-advisor: warning: serving on {args.host} lets other machines on that network open the "
            "interview and its saved sessions; use the default 127.0.0.1 unless you mean that",
            file=sys.stderr,
        )
    command, saving = app_command(args)
    server = guarded_server(command, saving, args.host, args.port, args.max_windows)
    server.serve()
    return 0


def guarded_server(command: str, saving: str, host: str, port: int, max_windows: int) -> Any:
    """A textual-serve Server that asks for the run's token, the page's own origin and a free window."""
    import aiohttp_jinja2
    import jinja2
    from aiohttp import web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    class GuardedServer(Server):
        def __init__(self) -> None:
            super().__init__(command, host=host, port=port, title="estate-advisor")
            self.token = secrets.token_urlsafe(24)
            self.windows = 0
            self.url = f"http://{address}/?token={self.token}"

        async def _make_app(self) -> web.Application:
            app = web.Application()
            aiohttp_jinja2.setup(
                app, loader=jinja2.FileSystemLoader(PAGE), autoescape=jinja2.select_autoescape(default=True)
            )
            app.add_routes(
                [
                    web.get("/", self.handle_index),
                    web.get("/ws/{token}", self.handle_websocket),
                    web.static("/static", self.statics_path),
                ]
            )
            app.on_startup.append(self.on_startup)
            return app

        async def on_startup(self, app: web.Application) -> None:
            # Plain prints: the URL must stay on one line to be copied or clicked.
            print(f"estate-advisor is served at {self.url}", flush=True)
            print(f"Open that address (its token is the key); {saving}. Ctrl+C stops.", flush=True)

        def _guard(self, request: web.Request, token: str | None) -> None:
            if not host_allowed(request.host, host, port):
                raise web.HTTPMisdirectedRequest(text=f"this server answers to {address} only\n")
            if token is None or not secrets.compare_digest(token, self.token):
                raise web.HTTPForbidden(
                    text="This address needs the token that estate-advisor serve printed when it started.\n"
                )

        async def handle_index(self, request: web.Request) -> web.Response:
            self._guard(request, request.query.get("token"))
            font_size = request.query.get("fontsize", "16")
            context = {
                "title": self.title,
                "static": "/static/",
                "websocket_url": f"ws://{request.host}/ws/{self.token}",
                "font_size": font_size if font_size.isascii() and font_size.isdecimal() else "16",
            }
            response = aiohttp_jinja2.render_template("index.html", request, context)
            response.headers["Content-Security-Policy"] = (
                f"default-src 'self'; connect-src 'self' ws://{request.host}; "
                "script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'"
            )
            response.headers["Cache-Control"] = "no-store"
            return response

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            self._guard(request, request.match_info.get("token"))
            if request.headers.get("Origin") != f"http://{request.host}":
                raise web.HTTPForbidden(text="the app opens only from its own page\n")
            if self.windows >= max_windows:
                return await self._refuse_window(request)
            self.windows += 1
            try:
                return await super().handle_websocket(request)
            finally:
                self.windows -= 1

        async def _refuse_window(self, request: web.Request) -> web.WebSocketResponse:
            """Say in the page's terminal why no app starts, then close."""
            socket = web.WebSocketResponse()
            await socket.prepare(request)
            message = (
                f"\r\n  estate-advisor: no window opened: the limit of {max_windows} open at once is reached."
                "\r\n  Close one (Ctrl+Q there) and reload this page, or restart serve with --max-windows.\r\n"
            )
            await socket.send_bytes(AppService.encode_packet(b"D", message.encode()))
            await socket.close()
            return socket

    return GuardedServer()
