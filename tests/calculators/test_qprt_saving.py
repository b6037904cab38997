"""The QPRT's saving at the family level: the second death with the marital deduction and portability."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.calculators.couple.projection import yearly_amount
from advisor.calculators.estate_tax import EstateTaxInput, compute_estate_tax
from advisor.calculators.lean_tax import net_tax
from advisor.calculators.money import to_cents
from advisor.calculators.qprt import remainder_gift
from advisor.calculators.qprt_saving import FamilyTaxInput, TermInput, family_tax, first_term_worth_it, weigh_terms

DAY = dt.date(2026, 11, 23)


def florida(marriage: str, **extra: object) -> FamilyTaxInput:
    return FamilyTaxInput.model_validate(
        {"own_estate": D(14_000_000), "home": D(2_000_000), "marriage": marriage, "year": 2026, "death_date": DAY}
        | extra
    )


def sweep(family: FamilyTaxInput, **extra: object):  # type: ignore[no-untyped-def]
    facts = {"family": family, "valuation_date": DAY, "rate": D("0.048"), "age": 60, "terms": (20, 15, 10, 5),
             "home_growth": D("0.03"), "basis": D(1_000_000), "once_costs": D(15_000)} | extra  # fmt: skip
    return weigh_terms(TermInput.model_validate(facts))


def test_citizen_couple_in_florida_saves_no_federal_tax() -> None:
    """$16M + $0 with a $2M home: two $15M exclusions with portability leave nothing to tax (REVIEW F2)."""
    result = sweep(florida("citizen_spouse"))
    assert all(row.tax_without == 0 and row.federal_saving == 0 for row in result.rows)
    assert result.best.expected_net_value < 0


def test_single_owner_saves_the_tax_on_the_whole_excess() -> None:
    """Without a spouse: $14M + home grown 15 years at 3% ($3,115,934.83) = $17,115,934.83; 40% of the
    $2,115,934.83 above $15M is $846,373.93, and with the
    QPRT the base $14M + the gift is below $15M, so the whole tax is saved."""
    row = next(row for row in sweep(florida("single", inflation=D(0))).rows if row.term == 15)
    assert row.home_at_term_end == D("3115934.83")
    assert abs(row.tax_without - D("846373.93")) <= D("0.01")
    assert row.tax_with == 0 and row.federal_saving == row.tax_without


def test_the_exclusion_at_the_end_of_the_term_is_indexed_past_the_published_years() -> None:
    """15 years on, $15,000,000 indexed at 2.5% a year is $21,720,000 (nearest $10,000, IRC 2010(c)(3)(B)):
    the same single owner then owes nothing on $17.1M."""
    row = next(row for row in sweep(florida("single")).rows if row.term == 15)
    assert row.tax_without == 0
    later = family_tax(florida("single", year=2041, own_estate=D(25_000_000)))
    assert later.exclusion == D(21_720_000)
    assert any(c.parameter.endswith("projected") and c.effective == "2041" for c in later.citations)


def test_new_york_couple_saves_state_tax_with_no_federal_tax() -> None:
    family = FamilyTaxInput(
        own_estate=D(5_000_000), spouse_estate=D(2_000_000), home=D(3_000_000), marriage="citizen_spouse",
        year=2026, state="NY", death_date=DAY,
    )  # fmt: skip
    without, with_trust = family_tax(family), family_tax(family, gift=D(1_000_000))
    assert without.federal == with_trust.federal == 0
    # $10M is above the cliff: $930,800 + 15.2% of $900,000 = $1,067,600; $7M is below the exclusion
    assert without.state == D("1067600.00") and without.over_state_cliff
    assert with_trust.state == 0


def test_noncitizen_spouse_measures_the_grantors_own_estate() -> None:
    family = florida("noncitizen_spouse", spouse_estate=D(10_000_000))
    assert family_tax(family).taxed_estate == D(16_000_000)
    assert family_tax(florida("citizen_spouse", spouse_estate=D(10_000_000))).taxed_estate == D(26_000_000)


@settings(max_examples=40, deadline=None)
@given(
    own=st.integers(0, 40_000_000),
    spouse=st.integers(0, 20_000_000),
    home=st.integers(1_000_000, 8_000_000),
    gift_share=st.integers(10, 100),
    marriage=st.sampled_from(["single", "citizen_spouse", "noncitizen_spouse"]),
)
def test_saving_is_between_nothing_and_the_top_rate_on_what_leaves(
    own: int, spouse: int, home: int, gift_share: int, marriage: str
) -> None:
    family = FamilyTaxInput.model_validate(
        {
            "own_estate": own,
            "spouse_estate": spouse,
            "home": home,
            "marriage": marriage,
            "year": 2026,
            "death_date": DAY,
        }
    )
    gift = D(home) * gift_share / 100
    saving = family_tax(family).federal - family_tax(family, gift=gift).federal
    assert 0 <= saving <= D("0.40") * (home - gift) + D("0.01")


@settings(max_examples=100, deadline=None)
@given(
    own=st.integers(0, 60_000_000),
    spouse=st.integers(0, 30_000_000),
    home=st.integers(0, 10_000_000),
    gifts=st.integers(0, 5_000_000),
    gift=st.one_of(st.none(), st.integers(0, 5_000_000)),
    year=st.integers(2011, 2070),
    marriage=st.sampled_from(["single", "citizen_spouse", "noncitizen_spouse"]),
)
def test_the_family_tax_is_compute_estate_tax_on_the_familys_estate(
    own: int, spouse: int, home: int, gifts: int, gift: int | None, year: int, marriage: str
) -> None:
    """The sweep's lean federal tax gives the cents, exclusion and rows of the full computation with the year's
    (indexed) exclusion given and, with a citizen spouse, the same again ported as the DSUE."""
    family = FamilyTaxInput.model_validate(
        {"own_estate": own, "spouse_estate": spouse, "home": home, "prior_gifts": gifts, "marriage": marriage,
         "year": year, "death_date": DAY}
    )  # fmt: skip
    couple = marriage == "citizen_spouse"
    bea = yearly_amount("basic_exclusion_amount", year, family.inflation)
    full = compute_estate_tax(
        EstateTaxInput(
            taxable_estate=D(own) + (D(home) if gift is None else 0) + (D(spouse) if couple else 0),
            adjusted_taxable_gifts=D(gifts) + D(gift or 0),
            dsue=bea.value if couple else D(0),
            year=year,
            exclusion_amount=bea.value,
        )
    )
    lean = family_tax(family, gift=None if gift is None else D(gift))
    assert lean.federal == full.net_estate_tax
    assert lean.exclusion == full.exclusion_amount
    assert lean.citations == (*full.citations, bea.citation)


@given(
    prior=st.integers(0, 10**7).map(D),
    gift=st.integers(0, 10**7).map(D),
    estate=st.integers(0, 10**8).map(D),
    year=st.integers(2025, 2060),
    couple=st.booleans(),
)
def test_a_gift_added_to_a_net_tax_is_the_net_tax_with_that_gift(
    prior: D, gift: D, estate: D, year: int, couple: bool
) -> None:
    bea = yearly_amount("basic_exclusion_amount", year, D("0.025")).value
    law = {"rate_date": dt.date(year, 12, 31), "basic_exclusion": bea, "dsue": bea if couple else D(0)}
    added = net_tax(adjusted_taxable_gifts=prior, **law).with_gifts(gift)  # type: ignore[arg-type]
    assert added == net_tax(adjusted_taxable_gifts=prior + gift, **law)  # type: ignore[arg-type]
    assert str(added(estate)) == str(net_tax(adjusted_taxable_gifts=prior + gift, **law)(estate))  # type: ignore[arg-type]


terms = st.lists(st.integers(1, 30), min_size=1, max_size=6, unique=True).map(tuple)


@st.composite
def term_inputs(draw: st.DrawFn) -> TermInput:
    family = FamilyTaxInput.model_validate(
        {
            "own_estate": draw(st.integers(0, 40_000_000)),
            "spouse_estate": draw(st.integers(0, 20_000_000)),
            "home": draw(st.integers(0, 8_000_000)),
            "prior_gifts": draw(st.sampled_from([0, 2_000_000])),
            "marriage": draw(st.sampled_from(["single", "citizen_spouse", "noncitizen_spouse"])),
            "year": 2026,
            "state": draw(st.sampled_from([None, "NY", "MA", "WA", "OR"])),
            "death_date": DAY,
        }
    )
    return TermInput(
        family=family,
        valuation_date=DAY,
        rate=draw(st.sampled_from([D("0.048"), D("0.062")])),
        age=draw(st.integers(40, 85)),
        terms=draw(terms),
        home_growth=draw(st.sampled_from([D(0), D("0.03"), D("-0.02")])),
        estate_growth=draw(st.sampled_from([D(0), D("0.04")])),
        basis=draw(st.sampled_from([None, D(500_000)])),
        once_costs=D(15_000),
        yearly_costs=D(500),
    )


@settings(max_examples=60, deadline=None)
@given(facts=term_inputs())
def test_each_term_is_the_family_tax_of_the_family_grown_to_its_end(facts: TermInput) -> None:
    """The sweep's figures and citations are those of :func:`family_tax` on the family at each term's end, without
    the trust and with its gift (the slow path, one validated family per term)."""
    sweep = weigh_terms(facts)
    citations = []
    for term, row in zip(facts.terms, sweep.rows, strict=True):
        assert facts.age is not None
        gift, p, cited = remainder_gift(facts.family.home, term, DAY, facts.age, facts.rate)
        grow = (1 + facts.estate_growth) ** term
        grown = facts.family.model_copy(
            update={
                "year": 2026 + term,
                "own_estate": to_cents(facts.family.own_estate * grow),
                "spouse_estate": to_cents(facts.family.spouse_estate * grow),
                "home": row.home_at_term_end,
            }
        )
        without, with_trust = family_tax(grown), family_tax(grown, gift=gift)
        assert (row.term, row.gift, row.survival_probability) == (term, gift, p)
        assert row.home_at_term_end == to_cents(facts.family.home * (1 + facts.home_growth) ** term)
        assert (row.tax_without, row.tax_with) == (without.total, with_trust.total)
        assert row.federal_saving == without.federal - with_trust.federal
        assert row.state_saving == without.state - with_trust.state
        citations += [*cited, *without.citations]
    assert sweep.citations == tuple(dict.fromkeys(citations))


@settings(max_examples=60, deadline=None)
@given(facts=term_inputs(), least=st.sampled_from([D(0), D("0.5"), D("0.9")]))
def test_the_first_term_worth_it_is_the_first_of_the_sweep(facts: TermInput, least: D) -> None:
    rows = weigh_terms(facts).rows
    worth = (row for row in rows if row.survival_probability >= least and row.expected_net_value > 0)
    assert first_term_worth_it(facts, least) == next(worth, None)
