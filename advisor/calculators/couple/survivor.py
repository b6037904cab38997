"""The survivor's estate tax in each year of their death, as plain numbers: what the routes' traces
(:mod:`advisor.calculators.couple.paths`) ask of it year after year, with the 2013 credit for the first
decedent's taxes, and the shortcuts that skip a tax the credit or a bound already decides."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from advisor.calculators.lean_tax import Schedule
from advisor.calculators.money import CENT

ZERO = Decimal(0)
SLACK = Decimal("0.02")
"""Where a bound on a tax difference decides a comparison: the bound's cent for the two roundings to the cent, and
a cent more for the subtraction's rounding."""


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, ROUND_HALF_UP)


Credit = tuple[Decimal, Decimal]
"""A credit against the survivor's tentative tax and an amount it shelters: the tentative tax on that amount is at
most the credit, so the tax on any amount up to it is nil (the tentative tax rises with the amount)."""


@dataclass(frozen=True, slots=True)
class Survivor:
    """The survivor's estate tax in each year of death, as plain numbers."""

    schedule: Schedule
    domiciled: bool
    """Citizen or US domiciliary: worldwide estate, basic exclusion + DSUE; otherwise IRC 2101 on the
    US-situs part with the 2102(b)(1) credit and no DSUE (Reg. 20.2010-3(e))."""
    credits: tuple[Credit, ...]
    """The applicable credit without a DSUE for a death in year k (index k - 1): the tentative tax on the year's
    basic exclusion amount, with that amount."""
    nonresident_credit: Credit
    """The 2102(b)(1) credit, with its exemption equivalent."""
    pro_rata: bool = False
    """Not domiciled, with a verified treaty row: the credit is the greater of the 2102(b)(1) credit and the
    year's applicable credit x US-situs / worldwide gross estate (IRC 2102(b)(3)(A))."""

    def credit(self, k: int, dsue: Decimal) -> Credit:
        """The credit against the tentative tax for a death in year k: domiciled, the tax on the year's exclusion
        and the DSUE; otherwise the 2102(b)(1) credit (the pro-rata one depends on the estate, see :meth:`tax`)."""
        if not self.domiciled:
            return self.nonresident_credit
        if not dsue:
            return self.credits[k - 1]
        sheltered = self.credits[k - 1][1] + dsue
        return self.schedule.tentative(sheltered), sheltered

    def year_credits(self, dsue: Decimal) -> tuple[Credit, ...]:
        """:meth:`credit` for every year of death (index k - 1), with a fixed DSUE."""
        if not self.domiciled:
            return (self.nonresident_credit,) * len(self.credits)
        if not dsue:
            return self.credits
        return tuple(self.credit(k, dsue) for k in range(1, len(self.credits) + 1))

    def tax(self, amount: Decimal, k: int, credit: Credit, worldwide: Decimal = ZERO) -> Decimal:
        """The estate tax on ``amount`` (the US tax base) for a death in year k, ``credit`` as :meth:`credit` gives
        it; ``worldwide``: the gross estate wherever situated, for the pro-rata credit."""
        allowed, sheltered = credit
        if amount <= sheltered:  # the tentative tax is at most the credit (a pro-rata credit is not smaller)
            return ZERO
        tentative = self.schedule.tentative(amount if amount > ZERO else ZERO)
        if not self.domiciled:
            if self.pro_rata and worldwide > 0 and amount > 0:
                share = cents(self.credits[k - 1][0] * amount / worldwide)
                allowed = share if share > allowed else allowed
            return tentative - (tentative if tentative < allowed else allowed)
        net = tentative - allowed
        return net if net > ZERO else ZERO

    def after_credit(
        self, estate: Decimal, worldwide: Decimal, k: int, credit: Credit, credit_value: Decimal, first_taxes: Decimal
    ) -> Decimal:
        """The survivor's estate tax after the 2013 credit for the first decedent's taxes: ``estate`` and
        ``worldwide`` as :meth:`tax` takes them, ``credit_value`` the property from the first decedent in it.

        The credit is the lesser of those taxes (first limitation, 2013(b); with the QDOT tax, Reg.
        20.2056A-7(a)(1)) and the survivor's tax less the tax without the property from the first decedent
        (second limitation, 2013(c)), with no percentage phase-down (IRC 2056(d)(3); Reg. 20.2056A-7(a)(3),
        (b)); the QDOT property counts at its value at the survivor's death (Reg. 20.2056A-7(a)(2)). A treaty's
        pro-rata credit is recomputed on both gross estates without that property.

        Without a pro-rata credit the second limitation is the lesser of the tax and the tentative taxes' difference
        with and without the property, which is at least the property times the rate of the lower one's bracket,
        less a cent: the tax without the property is computed only where that bound leaves the lesser in doubt.
        """
        if estate <= credit[1]:  # the tax is nil, see :meth:`tax`
            return ZERO
        gross = self.tax(estate, k, credit, worldwide)
        if gross <= ZERO or first_taxes <= ZERO:
            return gross
        value = credit_value if credit_value < estate else estate
        rest = estate - value
        if gross >= first_taxes and not self.pro_rata and self.schedule.rate_at(rest) * value - first_taxes >= SLACK:
            return gross - first_taxes
        second = gross - self.tax(rest, k, credit, worldwide - value)
        return gross - (second if second < first_taxes else first_taxes)
