"""Reading answers: forgiving about how a fact is written, strict about what it means.

Every reader takes any object (typed text, a JSON or YAML value) and returns the parsed value
or raises :class:`InputError` with a message that says what is accepted; nothing else escapes.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from decimal import Decimal
from functools import cache

from advisor.calculators.money import (
    InputError,
    format_money,
    parse_date,
    parse_percent,
)

MAX_AGE = 120
"""The oldest age accepted; the life tables end at 110, so older ages are typing mistakes."""

YES = frozenset({"yes", "y", "true", "t", "1", "yeah", "yep", "oui", "ja", "si"})
NO = frozenset({"no", "n", "false", "f", "0", "nope", "non", "nein"})
UNKNOWN = frozenset({"unknown", "not known", "don't know", "dont know", "do not know", "not sure", "?", "n/a", "na"})

US_STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip
"""The fifty states and the District of Columbia, by postal code."""
_STATE_BY_NAME = {name.lower(): code for code, name in US_STATES.items()}
_SPACES = re.compile(r"[\s_\-]+")


def words(value: object) -> str:
    """Lower-case text with runs of spaces, hyphens and underscores made one space."""
    return _SPACES.sub(" ", str(value).strip().lower().replace(".", ""))


def _shown(value: object) -> str:
    text = str(value).strip()
    return repr(text[:40] + ("…" if len(text) > 40 else "")) if text else "an empty answer"


def parse_yes_no(value: object, *, what: str) -> bool:
    if isinstance(value, bool):
        return value
    word = words(value)
    if word in YES:
        return True
    if word in NO:
        return False
    raise InputError(f"{what}: could not read {_shown(value)} as yes or no; answer yes or no")


def parse_choice(value: object, options: dict[str, str], *, accepted: tuple[str, ...], what: str) -> str:
    """One of the options, by value or by any alias (``options`` maps each spelling to its value)."""
    word = words(value)
    if word in options:
        return options[word]
    raise InputError(f"{what}: {_shown(value)} is not one of the answers; enter one of: {', '.join(accepted)}")


def parse_state_code(value: object, *, what: str) -> str:
    """A two-letter US state code (any case) or the state's name."""
    text = words(value)
    if text.upper() in US_STATES:
        return text.upper()
    if text in _STATE_BY_NAME:
        return _STATE_BY_NAME[text]
    raise InputError(
        f"{what}: {_shown(value)} is not a US state; enter a two-letter code such as NY or CA "
        "(the 50 states and DC), or the state's name"
    )


COUNTRY_ALIASES = {
    "uk": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "northern ireland": "GB", "usa": "US", "america": "US", "holland": "NL", "turkey": "TR",
    "ivory coast": "CI",
}  # fmt: skip
"""English names people use that ISO 3166 spells otherwise (the standard list itself comes from pycountry)."""


@cache
def _country_names() -> dict[str, str]:
    """Every lower-case English name (short, common, official) and alias, mapped to its alpha-2 code."""
    import pycountry  # imported on first use: it adds 30 ms to every start otherwise

    names = dict(COUNTRY_ALIASES)
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name:
                names[_plain(name)] = country.alpha_2
    return names


def _plain(value: object) -> str:
    """:func:`words` without accents, so ``México`` and ``Mexico``, ``Türkiye`` and ``Turkiye`` match."""
    decomposed = unicodedata.normalize("NFKD", words(value))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def parse_country(value: object, *, what: str) -> str:
    """A country as its ISO 3166-1 alpha-2 code, from the code (``JP``, ``jpn``) or an English name
    (``Japan``, ``japan``); a near miss gets "did you mean"."""
    import pycountry

    text = _plain(value)
    names = _country_names()
    if text in names:
        return names[text]
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        pass
    try:
        found = pycountry.countries.search_fuzzy(text) if len(text) > 3 else []
    except LookupError:
        found = []
    if len(found) == 1 and any(text in words(getattr(found[0], a, "") or "") for a in ("name", "common_name")):
        return str(found[0].alpha_2)
    close = difflib.get_close_matches(text, list(names), n=1, cutoff=0.7)
    guess = names[close[0]] if close else (found[0].alpha_2 if found else None)
    hint = f" (did you mean {display_country(guess)}?)" if guess else ""
    raise InputError(
        f"{what}: {_shown(value)} is not a country we know{hint}; enter a two-letter ISO code such as JP or "
        "the country's English name"
    )


@cache
def country_names() -> list[str]:
    """The English short names of every country, for completing what a person types."""
    import pycountry

    return sorted(str(getattr(c, "common_name", None) or c.name) for c in pycountry.countries)


def display_country(code: str) -> str:
    """``Japan (JP)``."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    name = getattr(country, "common_name", None) or getattr(country, "name", code)
    return f"{name} ({code})"


def parse_age_or_date(value: object, *, what: str, today: dt.date, date_only: bool = False) -> int | dt.date:
    """An age in whole years, or a birth date ``YYYY-MM-DD`` that gives an age up to the limit."""
    if isinstance(value, bool):
        raise InputError(f"{what}: {value!r} is not an age; enter whole years (0 to {MAX_AGE}) or YYYY-MM-DD")
    text = str(value).strip()
    if isinstance(value, float | Decimal):
        try:
            whole = int(value)
        except (ValueError, OverflowError):
            whole = None
        if whole is None or whole != value:
            raise InputError(f"{what}: {text} is not a whole age; enter whole years (0 to {MAX_AGE}) or YYYY-MM-DD")
        text = str(whole)
    if date_only or "-" in text[1:] or isinstance(value, dt.date):
        born = parse_date(value, what=what)
        if born > today:
            raise InputError(f"{what}: the birth date {born.isoformat()} is in the future")
        if today.year - born.year > MAX_AGE:
            raise InputError(f"{what}: the birth date {born.isoformat()} gives an age over {MAX_AGE}")
        return born
    try:
        age = int(text)
    except ValueError:
        raise InputError(
            f"{what}: could not read {_shown(value)} as an age; enter whole years (0 to {MAX_AGE}) "
            "or a birth date as YYYY-MM-DD"
        ) from None
    if not 0 <= age <= MAX_AGE:
        raise InputError(f"{what}: {age} is outside 0 to {MAX_AGE} years; enter an age or a birth date as YYYY-MM-DD")
    return age


def is_unknown(value: object) -> bool:
    """An answer that says the person does not know (or an empty value in an answers file)."""
    return value is None or words(value) in UNKNOWN


def parse_percent_between(value: object, *, what: str, low: Decimal, high: Decimal) -> Decimal:
    """A yearly percent within bounds, returned as a fraction (``3`` or ``3%`` -> 0.03)."""
    if isinstance(value, bool):
        raise InputError(f"{what}: expected a percent between {low}% and {high}%, got {value!r}")
    return parse_percent(value, what=what, low=low, high=high)


def display_amount(value: Decimal) -> str:
    return format_money(value)


def display_percent(value: Decimal) -> str:
    return f"{(value * 100).normalize():f}% a year"
