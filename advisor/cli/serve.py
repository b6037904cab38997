"""``estate-advisor serve``: the app in a browser through textual-serve, on this machine by default."""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys

from advisor.calculators.money import parse_whole
from advisor.cli.args import argtype

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = "Serve the interview to a web browser, on this machine only unless --host says otherwise."
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    parser.add_argument(
        "--port",
        type=argtype(lambda text: parse_whole(text, low=1, high=65535, what="port"), "port"),
        default=DEFAULT_PORT,
        help=f"port to listen on (default {DEFAULT_PORT})",
    )
    parser.set_defaults(handler=run)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    from textual_serve.server import Server

    if not is_loopback(args.host):
        print(
            f"estate-advisor: warning: serving on {args.host} lets other machines on that network open the "
            "interview and its saved sessions; use the default 127.0.0.1 unless you mean that",
            file=sys.stderr,
        )
    command = shlex.join([sys.executable, "-m", "advisor"])
    Server(command, host=args.host, port=args.port, title="estate-advisor").serve()
    return 0
