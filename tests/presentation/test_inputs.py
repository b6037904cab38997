"""Inputs generated from the input models: the model's docstring is the help, its bounds bound the reader,
and the command line and the app read a field the same way."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import pytest

from advisor.calculators.estate_tax import EstateTaxInput
from advisor.calculators.money import InputError
from advisor.presentation import estate_tax, qdot_compare, qdot_deferral, qprt
from advisor.presentation.inputs import Input, attribute_docs


def by_name(inputs: Sequence[Input]) -> dict[str, Input]:
    return {spec.name: spec for spec in inputs}


def test_every_field_of_the_model_is_a_flag_with_its_docstring_as_help() -> None:
    inputs = by_name(estate_tax.CALCULATOR.inputs)
    assert set(inputs) == set(EstateTaxInput.model_fields)
    docs = attribute_docs(EstateTaxInput)
    for name in EstateTaxInput.model_fields:
        assert docs.get(name), f"{name} has no docstring to be its help"
        assert inputs[name].help == " ".join(docs[name].split())
    assert docs["year"] == "Calendar year of death: picks the basic exclusion amount."
    assert inputs["worldwide_gross_estate"].flag == "--worldwide-estate"
    assert inputs["taxable_estate"].required and not inputs["dsue"].required


def test_bounds_come_from_the_model() -> None:
    year = by_name(estate_tax.CALCULATOR.inputs)["year"]
    assert year.parse("2200") == 2200
    with pytest.raises(InputError, match="outside 1900 to 2200"):
        year.parse("2201")
    worldwide = by_name(estate_tax.CALCULATOR.inputs)["worldwide_gross_estate"]
    with pytest.raises(InputError, match="must be above 0"):
        worldwide.parse("0")


def test_the_apps_fields_are_a_labelled_subset_read_as_the_command_line_reads_them() -> None:
    fields = estate_tax.CALCULATOR.ui_inputs
    assert [f.name for f in fields][:2] == ["taxable_estate", "year"]
    assert all(f.label for f in fields)
    nonresident = by_name(fields)["nonresident"]
    assert nonresident.parse("yes") is True and nonresident.parse("") is False
    assert by_name(fields)["taxable_estate"].parse("$20,000,000") == Decimal(20_000_000)


def test_every_calculator_flag_has_help_and_every_field_a_label() -> None:
    from advisor.cli.calc import PRESENTED

    for calculator in PRESENTED:
        flags = [spec.flag for spec in calculator.inputs]
        assert len(flags) == len(set(flags)), calculator.key
        for spec in calculator.inputs:
            assert spec.help, f"{calculator.key} {spec.flag} has no docstring to be its help"
        for spec in calculator.ui_inputs:
            assert spec.label, f"{calculator.key} field {spec.name} has no label in content/calculators/"


def test_a_percent_flag_says_it_takes_a_percent_never_a_fraction() -> None:
    """The models hold rates as fractions; the flags and fields read them as percents (``--rate 5`` is 5%),
    so the help of every percent flag says so and no docstring may say otherwise."""
    from advisor.cli.calc import PRESENTED

    percents = [spec for calculator in PRESENTED for spec in calculator.inputs if spec.kind == "percent"]
    assert len(percents) > 10
    for spec in percents:
        assert not re.search(r"\bfractions?\b", spec.help, re.IGNORECASE), f"{spec.flag}: {spec.help}"
        assert "In percent (5.2 for 5.2%)." in spec.help, spec.flag


def test_a_percent_default_is_shown_as_typed() -> None:
    trustee_fee = by_name(qdot_deferral.CALCULATOR.inputs)["trustee_fee"]
    assert trustee_fee.help.endswith("Default 1%.")
    assert trustee_fee.parse("1") == Decimal("0.01")
    assert by_name(qprt.CALCULATOR.inputs)["capital_gains_rate"].help.endswith("Default 20%.")


def test_a_flag_that_says_no_says_what_it_turns_off() -> None:
    reversion = by_name(qprt.CALCULATOR.inputs)["reversion"]
    assert reversion.flag == "--no-reversion"
    assert reversion.help == (
        "The residence reverts to the grantor's estate if the grantor dies within the term, unless this flag is given."
    )
    costs = by_name(qdot_compare.CALCULATOR.inputs)["costs"]
    assert (costs.flag, costs.help) == (
        "--no-costs",
        "The QDOT's incremental costs are counted, unless this flag is given.",
    )
