"""The IRC 2001(c) tax of an amount on a rate table, and its inverse: shared by the federal, state, treaty
and self-check computations, so it stands apart from any one of them."""

from __future__ import annotations

from decimal import Decimal

from advisor.calculators.money import InputError, to_cents
from advisor.calculators.parameters import Bracket, RateSchedule


def tax_on(amount: Decimal, brackets: tuple[Bracket, ...]) -> Decimal:
    """The tax a bracket table gives an amount: base of its bracket plus the marginal rate on the excess."""
    if amount < 0:
        raise InputError(f"tentative tax: the amount {amount} is negative")
    for bracket in brackets:
        if bracket.not_over is None or amount <= bracket.not_over:
            return to_cents(bracket.base_tax + bracket.rate * (amount - bracket.over))
    raise AssertionError("the top bracket of a table has no upper limit")


def tentative_tax(amount: Decimal, schedule: RateSchedule) -> Decimal:
    """The IRC 2001(c) tax on an amount."""
    return tax_on(amount, schedule.brackets)


def exemption_equivalent(credit: Decimal, schedule: RateSchedule) -> Decimal:
    """The amount whose IRC 2001(c) tentative tax is this credit (the inverse of :func:`tentative_tax`)."""
    for bracket in schedule.brackets:
        top = bracket.not_over
        if top is None or credit <= bracket.base_tax + bracket.rate * (top - bracket.over):
            return to_cents(bracket.over + (credit - bracket.base_tax) / bracket.rate)
    raise AssertionError("the top bracket of a rate schedule has no upper limit")


def marginal_rate(amount: Decimal, schedule: RateSchedule) -> Decimal:
    """The rate the next dollar above this amount is taxed at."""
    for bracket in schedule.brackets:
        if bracket.not_over is None or amount < bracket.not_over:
            return bracket.rate
    raise AssertionError("the top bracket of a rate schedule has no upper limit")
