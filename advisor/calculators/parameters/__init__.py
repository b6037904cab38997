"""Dated, cited parameters: every lookup returns the value with the row it came from.

The CSV files beside this module are the only source of rates, thresholds and life tables; they
share one dated-table shape and one lookup (:mod:`.dated`). The named federal parameters the
calculators use are in :mod:`.federal`.
"""

from advisor.calculators.parameters.dated import (
    Citation,
    Cited,
    MissingParameterError,
    Row,
    cited,
    latest,
    parameter_files,
    row_on,
    rows,
    rows_on,
)
from advisor.calculators.parameters.federal import (
    EXCLUSION_COLUMNS,
    QDOT_SECURITY_PARAMETERS,
    Bracket,
    MortalityTable,
    RateSchedule,
    StateDeathTaxCredit,
    exclusion,
    exclusion_years,
    highest_rate,
    mortality_table,
    mortality_table_for,
    mortality_tables,
    nonresident_credit,
    nonresident_exemption,
    qdot_security,
    rate_schedule,
    section_7520_rate,
    state_death_tax_credit,
)

__all__ = [
    "EXCLUSION_COLUMNS",
    "QDOT_SECURITY_PARAMETERS",
    "Bracket",
    "Citation",
    "Cited",
    "MissingParameterError",
    "MortalityTable",
    "RateSchedule",
    "Row",
    "StateDeathTaxCredit",
    "cited",
    "exclusion",
    "exclusion_years",
    "highest_rate",
    "latest",
    "mortality_table",
    "mortality_table_for",
    "mortality_tables",
    "nonresident_credit",
    "nonresident_exemption",
    "parameter_files",
    "qdot_security",
    "rate_schedule",
    "row_on",
    "rows",
    "rows_on",
    "section_7520_rate",
    "state_death_tax_credit",
]
