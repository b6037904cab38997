"""Decimal fields of the calculators' pydantic models, and how each is written in JSON.

Kept apart from :mod:`advisor.calculators.money` so that reading an answer never loads pydantic.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import PlainSerializer

from advisor.calculators.money import CENT

Money = Annotated[Decimal, PlainSerializer(lambda d: str(d.quantize(CENT)), return_type=str, when_used="json")]
"""Dollars: exact decimals, written in JSON as strings with two decimals (``"1234.56"``)."""
Factor = Annotated[Decimal, PlainSerializer(float, return_type=float, when_used="json")]
"""An actuarial factor or probability: full precision, a JSON number."""
Percent = Annotated[Decimal, PlainSerializer(lambda d: float(d * 100), return_type=float, when_used="json")]
"""A rate held as a fraction (0.052) and written in JSON as a percent (5.2), as the command line takes it."""
