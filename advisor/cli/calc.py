"""``estate-advisor calc …``: the calculators, one sub-command each."""

from __future__ import annotations

import argparse

from advisor.cli import calc_compare, calc_estate, calc_qdot, calc_qprt


def register(calc: argparse.ArgumentParser) -> None:
    calc.description = "The core calculators."
    calculators = calc.add_subparsers(title="calculators", metavar="CALCULATOR", required=True, parser_class=type(calc))
    calc_estate.register(calculators)
    calc_qprt.register(calculators)
    calc_qdot.register(calculators)
    calc_compare.register(calculators)
