"""The command line's arguments: a calculator's flags generated from its inputs, each read by the input's own
reader, so a bad value gets a message that says what is accepted."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from advisor.calculators.money import InputError
from advisor.presentation.inputs import Input

T = TypeVar("T")


def argtype(convert: Callable[[str], T], name: str) -> Callable[[str], T]:
    """Wrap a converter so argparse reports its message (argparse hides ValueError texts)."""

    def parse(text: str) -> T:
        try:
            return convert(text)
        except InputError as error:
            raise argparse.ArgumentTypeError(str(error).split(": ", 1)[-1]) from None

    parse.__name__ = name
    return parse


def add_inputs(
    parser: argparse.ArgumentParser,
    inputs: Sequence[Input],
    exclusive: Sequence[tuple[str, ...]] = (),
    groups: Mapping[str, Sequence[str]] = {},
    headings: Mapping[str, Mapping[str, str]] = {},
) -> None:
    """A flag for each input: its reader as the type, its docstring as the help. Inputs of an ``exclusive``
    tuple go in a group of which one is required; those of ``groups`` under their heading in ``--help``."""
    places: dict[str, argparse._ActionsContainer] = {}
    for group, names in groups.items():
        heading = headings[group]
        section = parser.add_argument_group(heading["heading"], heading["description"])
        places.update(dict.fromkeys(names, section))
    for names in exclusive:
        one_of = parser.add_mutually_exclusive_group(required=True)
        places.update(dict.fromkeys(names, one_of))
    for spec in _together(inputs, exclusive):
        place = places.get(spec.name, parser)
        help_text = spec.help.replace("%", "%%")
        if spec.kind == "yes_no":
            action = "store_false" if spec.negated else "store_true"
            place.add_argument(spec.flag, dest=spec.name, action=action, help=help_text)
        elif spec.choices:
            place.add_argument(
                spec.flag, dest=spec.name, choices=spec.choices, required=spec.required and spec.name not in places,
                help=help_text,
            )  # fmt: skip
        else:
            place.add_argument(
                spec.flag, dest=spec.name, type=argtype(spec.parse, spec.kind), metavar=spec.metavar,
                required=spec.required and spec.name not in places, help=help_text,
            )  # fmt: skip


def values(namespace: argparse.Namespace, inputs: Sequence[Input]) -> dict[str, object]:
    """The inputs given on the command line, by name; those left out take the model's defaults."""
    given = {spec.name: getattr(namespace, spec.name) for spec in inputs}
    return {name: value for name, value in given.items() if value is not None}


def _together(inputs: Sequence[Input], exclusive: Sequence[tuple[str, ...]]) -> list[Input]:
    """The inputs in order, those of one exclusive group side by side (so usage shows ``(--a | --b)``)."""
    by_name = {spec.name: spec for spec in inputs}
    placed: list[Input] = []
    for spec in inputs:
        if spec in placed:
            continue
        group = next((names for names in exclusive if spec.name in names), (spec.name,))
        placed += [by_name[name] for name in group]
    return placed
