"""QDOT security for payment of the tax: Instructions for Form 706-QDT (Rev. August 2025), "Security for
Payment of the Tax" (Regulations section 20.2056A-2(d), as those instructions cite it).

The $2 million test takes the estate tax value of all the surviving spouse's QDOTs together, less the
elected personal-residence exclusion; the bond or letter of credit is a percentage of the trust's
FMV after the same exclusion. The foreign-real-property limit is tested on the trust's whole FMV.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from advisor.calculators.money import InputError, format_money, to_cents
from advisor.calculators.parameters import Citation, qdot_security
from advisor.calculators.units import Money, Percent

ZERO = Decimal(0)


class SecurityInput(BaseModel):
    """One QDOT and the others the surviving spouse benefits from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    trust_value: Decimal = Field(ge=0)
    """Estate tax value of the assets passing to this QDOT, without regard to indebtedness."""
    other_qdots: Decimal = Field(default=ZERO, ge=0)
    """Estate tax value of the spouse's other QDOTs (they are aggregated for the $2 million test)."""
    trust_fmv: Decimal | None = Field(default=None, ge=0)
    """Fair market value of this trust's assets for the bond and the 35% test (default: the trust value)."""
    residence: Decimal = Field(default=ZERO, ge=0)
    """Value of the spouse's personal residence owned by the QDOT, with its furnishings, for which the
    executor elects the exclusion."""
    foreign_real_property: Decimal = Field(default=ZERO, ge=0)
    """FMV of the trust's real property located outside the United States."""

    @model_validator(mode="after")
    def _consistent(self) -> SecurityInput:
        if self.residence > self.fmv:
            raise InputError(
                f"the residence ({format_money(self.residence)}) is worth more than the trust "
                f"({format_money(self.fmv)}); the exclusion covers only a residence the QDOT owns"
            )
        if self.foreign_real_property > self.fmv:
            raise InputError(
                f"the foreign real property ({format_money(self.foreign_real_property)}) is worth more than the "
                f"trust ({format_money(self.fmv)})"
            )
        return self

    @property
    def fmv(self) -> Decimal:
        return self.trust_value if self.trust_fmv is None else self.trust_fmv


class Arrangement(BaseModel):
    """One way of securing the tax, and whether it meets the rules for this trust."""

    model_config = ConfigDict(frozen=True)

    name: str
    satisfies: bool
    detail: str


class SecurityResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    aggregate_value: Money
    """All of the spouse's QDOTs, estate tax value."""
    residence_exclusion: Money
    """The elected exclusion: the residence up to the limit."""
    value_for_threshold: Money
    over_threshold: bool
    """The aggregate less the exclusion exceeds $2 million: a bank trustee, a bond or a letter of credit is needed."""
    bond_amount: Money
    """Bond or letter of credit: the percentage of the trust's FMV less the exclusion."""
    foreign_real_property_share: Percent
    arrangements: tuple[Arrangement, ...]
    citations: tuple[Citation, ...]
    notes: tuple[str, ...]


def security_requirements(facts: SecurityInput) -> SecurityResult:
    """Which security arrangements satisfy the rules, and the bond or letter of credit amount."""
    threshold = qdot_security("security_threshold")
    limit = qdot_security("residence_exclusion_limit")
    bond_share = qdot_security("bond_or_letter_of_credit_percent")
    foreign_limit = qdot_security("foreign_real_property_max_percent")
    aggregate = facts.trust_value + facts.other_qdots
    exclusion = min(facts.residence, limit.value)
    for_threshold = max(ZERO, aggregate - exclusion)
    over = for_threshold > threshold.value
    bond = to_cents(bond_share.value * (facts.fmv - exclusion))
    share = facts.foreign_real_property / facts.fmv if facts.fmv else ZERO
    bond_text = f"{bond_share.citation.value} of FMV less the residence exclusion: {format_money(bond, cents=True)}"
    arrangements = [
        Arrangement(name="a bank (IRC 581) as a US trustee", satisfies=True, detail="meets the rules at any value"),
        Arrangement(name="bond in favor of the IRS", satisfies=True, detail=bond_text),
        Arrangement(name="irrevocable letter of credit from a bank", satisfies=True, detail=bond_text),
    ]
    within_limit = share <= foreign_limit.value
    if over:
        detail = f"not available: the QDOTs exceed {format_money(threshold.value)} after the residence exclusion"
    else:
        detail = (
            f"foreign real property is {share * 100:.2f}% of FMV, "
            f"{'within' if within_limit else 'above'} the {foreign_limit.citation.value} limit; tested each year on "
            "the last day of the trust's tax year"
        )
    arrangements.append(
        Arrangement(
            name=f"no security, foreign real property at most {foreign_limit.citation.value} of FMV",
            satisfies=not over and within_limit,
            detail=detail,
        )
    )
    notes = []
    if facts.residence > limit.value:
        notes.append(f"the residence exclusion is limited to {limit.citation.value}, furnishings included")
    if facts.other_qdots:
        notes.append("all of the spouse's QDOTs count together for the $2 million test")
    return SecurityResult(
        aggregate_value=aggregate,
        residence_exclusion=exclusion,
        value_for_threshold=for_threshold,
        over_threshold=over,
        bond_amount=bond,
        foreign_real_property_share=share,
        arrangements=tuple(arrangements),
        citations=(threshold.citation, limit.citation, bond_share.citation, foreign_limit.citation),
        notes=tuple(notes),
    )
