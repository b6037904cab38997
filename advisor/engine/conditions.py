"""The named conditions a flow file may put on a transition.

Each takes the answers given so far on the person's route (question id -> parsed value) and
says whether the transition applies. A question not yet answered reads as absent, so a
condition never fails on a partial interview; the flow loader rejects any name not listed here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

Answers = Mapping[str, object]
Condition = Callable[[Answers], bool]


def domiciled_in_us(answers: Answers) -> bool:
    """The person lives in the US, so the state of residence matters (state estate taxes)."""
    return answers.get("domicile") == "us"


def domiciled_abroad(answers: Answers) -> bool:
    """The person lives outside the US: the country decides which estate tax treaty, if any, applies."""
    return answers.get("domicile") == "abroad"


def spouse_domiciled_abroad(answers: Answers) -> bool:
    return answers.get("spouse_domicile") == "abroad"


def is_married(answers: Answers) -> bool:
    return answers.get("married") is True


def person_not_citizen(answers: Answers) -> bool:
    """The person would be a non-citizen surviving spouse if the spouse died first."""
    return answers.get("citizenship") == "non_us"


def spouse_not_citizen(answers: Answers) -> bool:
    """The spouse would be a non-citizen surviving spouse if the person died first."""
    return answers.get("spouse_citizenship") == "non_us"


def couple_has_non_citizen(answers: Answers) -> bool:
    """A married couple where either spouse is not a US citizen: the QDOT questions matter."""
    return is_married(answers) and (person_not_citizen(answers) or spouse_not_citizen(answers))


def nonresident_not_citizen(answers: Answers) -> bool:
    """Taxed by the US only on US-situs property (IRC 2103), so that part must be asked."""
    return person_not_citizen(answers) and answers.get("domicile") == "abroad"


def spouse_nonresident_not_citizen(answers: Answers) -> bool:
    return spouse_not_citizen(answers) and answers.get("spouse_domicile") == "abroad"


def owns_a_residence(answers: Answers) -> bool:
    return answers.get("owns_residence") is True


CONDITIONS: dict[str, Condition] = {
    condition.__name__: condition
    for condition in (
        domiciled_in_us,
        domiciled_abroad,
        spouse_domiciled_abroad,
        is_married,
        person_not_citizen,
        spouse_not_citizen,
        couple_has_non_citizen,
        nonresident_not_citizen,
        spouse_nonresident_not_citizen,
        owns_a_residence,
    )
}
"""Every condition a flow may name, by name."""
