"""The couple model: what a non-citizen survivor's routes cost over both deaths.

Implements REVIEW-advice section 5 (the two-death QDOT comparison): 5.1 actors, timing and measure (both
orders of death weighted by the two lives, Table 2010CM, independent lives; growth and discount separate);
5.2 the building blocks (the first decedent's net tax recomputed, IRC 2001, 2010, 2101-2102; the
survivor's own tax with the basic exclusion of the year of death, a DSUE only where the law allows);
5.3 pay now (IRC 2056(d)(1), the 2013 credit as 2056(d)(3) and Reg. 20.2056A-7(b) modify it);
5.4 the QDOT (IRC 2056A(b), the highest-rate rule of 2056A(b)(2)(B)-(C), the 2013 credit of Reg.
20.2056A-7(a), the DSUE redetermined under Reg. 20.2010-2(c)(4), the 2056A(b)(12) naturalisation
branch, incremental costs with the security rules of Reg. 20.2056A-2(d)); 5.5 naturalisation before
the return (IRC 2056(d)(4); Reg. 20.2056A-1(b)); 5.6 yearly 2523(i) gifts from now on; 5.7 the outputs
(expected present values of taxes and costs, expected value to the heirs, the break-evens and the r - g
sensitivity). Treaty elections are not modelled: a treaty route is one more :class:`Route`.

Public API:
- :func:`compare_routes` (:class:`ComparisonInput` -> :class:`ComparisonResult`): one order of deaths,
  the first on a given date; every route as a :class:`RouteResult`, the best one, the break-evens.
- :func:`breakeven_spread`: the one break-even a screening shows (r - g), without the others' searches.
- :func:`compare_couple` (:class:`CoupleInput` -> :class:`CoupleResult`): both orders, each weighted by
  its probability under the two lives.
- :data:`ROUTES` and :class:`Route`: the routes as data and functions.

Pure Decimal arithmetic inside (:mod:`advisor.calculators.couple.paths`); pydantic only at the boundary.
"""

from advisor.calculators.couple.breakevens import breakeven_spread
from advisor.calculators.couple.compare import compare_couple, compare_routes
from advisor.calculators.couple.models import (
    Breakevens,
    ComparisonInput,
    ComparisonResult,
    CoupleInput,
    CoupleResult,
    Domicile,
    OrderResult,
    RouteResult,
    Spouse,
    SpreadRow,
)
from advisor.calculators.couple.routes import ROUTES, Route

__all__ = [
    "ROUTES",
    "Breakevens",
    "ComparisonInput",
    "ComparisonResult",
    "CoupleInput",
    "CoupleResult",
    "Domicile",
    "OrderResult",
    "Route",
    "RouteResult",
    "Spouse",
    "SpreadRow",
    "breakeven_spread",
    "compare_couple",
    "compare_routes",
]
