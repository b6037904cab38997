"""The treaty table: every row well formed and dated, the unverified ones marked, and the pro-rata list of the
Form 706-NA instructions."""

from __future__ import annotations

import datetime as dt

from advisor.calculators.parameters import rows
from advisor.calculators.treaty_provisions import country_name, provision, provisions

DEATH_2026 = dt.date(2026, 6, 1)


def test_every_unverified_row_is_marked_and_never_computed() -> None:
    unverified = [row for row in rows("treaty_provisions.csv") if row["verified"] != "true"]
    assert unverified, "the table flags the rows it could not verify"
    for row in unverified:
        found = provision(row["country"], row["provision"], row.effective_from)  # type: ignore[arg-type]
        assert found is not None and not found.computed and found.caveat.startswith(("Not verified", "Terminated"))


def test_pro_rata_list_of_the_form_706na_instructions() -> None:
    countries = {row["country"] for row in rows("treaty_provisions.csv")}
    verified = {c for c in countries if (p := provision(c, "pro_rata_credit", DEATH_2026)) and p.verified}
    assert verified == {"AU", "CA", "FI", "FR", "DE", "GR", "IT", "JP", "CH"}
    norway = provision("NO", "pro_rata_credit", DEATH_2026)
    assert norway is not None and not norway.verified and "Norway" in norway.caveat


def test_rows_are_dated() -> None:
    assert provision("SE", "situs", dt.date(2007, 12, 31)) is not None
    assert provisions("SE", dt.date(2008, 1, 1)) == ()
    assert provision("DE", "pro_rata_credit", dt.date(2000, 12, 13)) is None
    assert provision("DE", "pro_rata_credit", dt.date(2000, 12, 14)) is not None


def test_every_treaty_row_is_well_formed() -> None:
    for row in rows("treaty_provisions.csv"):
        assert country_name(row["country"]), row["country"]
        assert row["provision"] in {"pro_rata_credit", "marital_credit", "marital_deduction", "situs"}
        assert row["verified"] in {"true", "false"} and row.unit == "rule"
        assert row["article"] and row["gives"] and row["conditions"] and row.source
        if row["verified"] == "false":
            assert row["caveat"], f"{row['country']} {row['provision']}: an unverified row says why"
