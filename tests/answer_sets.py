"""Random answers files that a whole interview accepts, for holding fast paths to the slow ones."""

from __future__ import annotations

from hypothesis import strategies as st

COUNTRIES = ("JP", "CA", "GB", "DE", "FR", "CH", "unknown")
STATES = ("FL", "NY", "IL", "MA", "OR", "WA", "CT", "MN", "ME", "VT", "HI", "CA", "TX", "unknown")
millions = st.integers(0, 40).map(lambda m: m * 1_000_000) | st.integers(0, 60_000_000)


@st.composite
def answer_sets(draw: st.DrawFn) -> dict[str, object]:
    """Every question answered (off-route answers are ignored), amounts from nothing to $60M, ages 25 to 100; the
    home is part of the estate."""
    estate = draw(millions)
    spouse_estate = draw(millions)

    def part(whole: int) -> int:
        return draw(st.sampled_from([0, whole, whole // 2, whole // 5]) | st.integers(0, whole))

    return {
        "citizenship": draw(st.sampled_from(["us", "non_us"])),
        "citizenship_country": draw(st.sampled_from(COUNTRIES)),
        "domicile": draw(st.sampled_from(["us", "abroad"])),
        "domicile_country": draw(st.sampled_from(COUNTRIES)),
        "state": draw(st.sampled_from(STATES)),
        "age": draw(st.integers(25, 100)),
        "married": draw(st.booleans()),
        "spouse_citizenship": draw(st.sampled_from(["us", "non_us"])),
        "spouse_citizenship_country": draw(st.sampled_from(COUNTRIES)),
        "spouse_domicile": draw(st.sampled_from(["us", "abroad"])),
        "spouse_domicile_country": draw(st.sampled_from(COUNTRIES)),
        "spouse_plans_to_naturalize": draw(st.booleans()),
        "spouse_age": draw(st.integers(25, 100) | st.just("unknown")),
        "estate_total": str(estate),
        "estate_us_situs": str(part(estate)),
        "spouse_estate_total": str(spouse_estate),
        "spouse_estate_us_situs": str(part(spouse_estate)),
        "prior_taxable_gifts": str(draw(st.sampled_from([0, 0, 1_000_000]) | st.integers(0, 10_000_000))),
        "estate_growth": f"{draw(st.sampled_from([0, 2, 4, 7]))}%",
        "foreign_real_estate": str(part(estate)),
        "retirement_accounts": str(part(estate)),
        "joint_property": str(draw(st.sampled_from([0, 500_000]))),
        "owns_residence": draw(st.sampled_from([True, True, False])),
        "residence_type": draw(st.sampled_from(["principal", "vacation"])),
        "residence_value": str(min(estate, draw(st.sampled_from([900_000, 1_000_000, 3_000_000]) | millions))),
        "residence_mortgage": "0",
        "residence_basis": draw(st.sampled_from(["unknown", "400000", "2000000"])),
        "residence_to_children": draw(st.sampled_from([True, True, False])),
    }
