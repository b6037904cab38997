"""``estate-advisor self-check``: the published figures, reproduced on this machine."""

from __future__ import annotations

import argparse

from advisor.calculators.selfcheck import run_checks


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = "Recompute every bundled IRS table factor and worked example and say whether each matches."
    parser.add_argument("--verbose", action="store_true", help="also print each example's source")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    results = run_checks()
    for result in results:
        mark = "PASS" if result.passed else "FAIL"
        detail = f"expected {result.example.expected}, got {result.actual}"
        print(f"{mark}  {result.example.name}: {detail}")
        if args.verbose:
            print(f"      source: {result.example.source}")
    failed = sum(not result.passed for result in results)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0
