"""QDOT security rules (Instructions for Form 706-QDT, Security for Payment of the Tax) by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from advisor.calculators.qdot_security import SecurityInput, security_requirements

D = Decimal


def options(result: object) -> dict[str, bool]:
    return {a.name: a.satisfies for a in result.arrangements}  # type: ignore[attr-defined]


def test_over_two_million_needs_bank_bond_or_letter_of_credit() -> None:
    # 3,000,000 with a 500,000 residence: 2,500,000 > 2,000,000; bond = 65% x 2,500,000 = 1,625,000
    result = security_requirements(SecurityInput(trust_value=D(3_000_000), residence=D(500_000)))
    assert result.over_threshold and result.value_for_threshold == D(2_500_000)
    assert result.bond_amount == D(1_625_000)
    satisfied = options(result)
    assert sum(satisfied.values()) == 3
    assert not next(v for k, v in satisfied.items() if k.startswith("no security"))


def test_residence_exclusion_brings_the_trust_under_the_threshold() -> None:
    # 2,500,000 less a residence worth 800,000, limited to 600,000: 1,900,000 <= 2,000,000
    result = security_requirements(
        SecurityInput(trust_value=D(2_500_000), residence=D(800_000), foreign_real_property=D(500_000))
    )
    assert result.residence_exclusion == D(600_000) and not result.over_threshold
    assert result.bond_amount == D(1_235_000)  # 65% x (2,500,000 - 600,000)
    assert result.foreign_real_property_share == D("0.2")
    assert all(options(result).values())
    assert any("600,000" in note for note in result.notes)


def test_exactly_two_million_is_not_over() -> None:
    assert not security_requirements(SecurityInput(trust_value=D(2_000_000))).over_threshold
    assert security_requirements(SecurityInput(trust_value=D("2000000.01"))).over_threshold


def test_small_trust_with_too_much_foreign_real_property_needs_security() -> None:
    # 1,000,000 trust, 360,000 abroad = 36% > 35%: only the over-$2M arrangements satisfy
    result = security_requirements(SecurityInput(trust_value=D(1_000_000), foreign_real_property=D(360_000)))
    assert not result.over_threshold
    assert [name for name, ok in options(result).items() if not ok] == [
        "no security, foreign real property at most 35% of FMV"
    ]
    at_limit = security_requirements(SecurityInput(trust_value=D(1_000_000), foreign_real_property=D(350_000)))
    assert all(options(at_limit).values())


def test_the_spouses_qdots_are_aggregated() -> None:
    # 1,500,000 + 700,000 in another QDOT = 2,200,000 > 2,000,000; the bond is on this trust's FMV (65% x 1.6m)
    result = security_requirements(
        SecurityInput(trust_value=D(1_500_000), other_qdots=D(700_000), trust_fmv=D(1_600_000))
    )
    assert result.aggregate_value == D(2_200_000) and result.over_threshold
    assert result.bond_amount == D(1_040_000)


def test_cites_the_instructions() -> None:
    result = security_requirements(SecurityInput(trust_value=D(1)))
    assert len(result.citations) == 4
    assert all("20.2056A-2(d)" in c.source and "706-QDT" in c.source for c in result.citations)


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ({"trust_value": D(100), "residence": D(200)}, "residence"),
        ({"trust_value": D(100), "foreign_real_property": D(101)}, "foreign real property"),
        ({"trust_value": D(-1)}, "greater than or equal to 0"),
    ],
)
def test_rejects_inconsistent_values(facts: dict[str, Decimal], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        SecurityInput(**facts)
