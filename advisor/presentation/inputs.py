"""A calculator's inputs generated from its pydantic input model: the type picks the reader, the model's
bounds bound it, the attribute docstring is the help and ``content/calculators/`` has the label.

One reader serves the command line (each ``--flag``) and the app (each field), so a bad value gets the
same message in both: what was wrong and what is accepted.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import inspect
import sys
import types
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from advisor.calculators.money import InputError, format_money, parse_amount, parse_date, parse_percent, parse_whole
from advisor.engine.answers import parse_country, parse_yes_no
from advisor.presentation.wording import wording

Kind = Literal["amount", "percent", "whole", "date", "yes_no", "country", "choice", "text"]
ISO_COUNTRY = r"^[A-Z]{2}$"
"""The pattern of a field that holds an ISO 3166 country code."""
METAVARS: dict[Kind, str] = {"amount": "AMOUNT", "percent": "PERCENT", "date": "YYYY-MM-DD", "country": "CC"}


@dataclass(frozen=True)
class Input:
    """One input of a calculator, as a command-line flag and (where ``ui``) a field of the app."""

    model: type[BaseModel]
    name: str
    """The input model's field."""
    kind: Kind
    parse: Callable[[str], object]
    """Text to value; an :class:`InputError` says what was wrong and what is accepted."""
    flag: str
    required: bool
    """The model has no default for it."""
    choices: tuple[str, ...] = ()
    negated: bool = False
    """A yes/no the model takes as yes unless told: its flag (``--no-reversion``) says no."""
    ui: bool = False
    label: str = ""
    default: str = ""
    """The text the app's field starts with."""
    placeholder: str = ""
    points: bool = False
    """A percent kept as its number (5 for 5%), not as a fraction."""

    @property
    def help(self) -> str:
        """The flag's help, made when ``--help`` asks for it: the app's forms never show it, and it reads the
        model's source for the attribute docstrings."""
        info = self.model.model_fields[self.name]
        return _help(
            attribute_docs(self.model).get(self.name, ""), info, self.kind, points=self.points, negated=self.negated
        )

    @property
    def optional(self) -> bool:
        """An empty field of the app is left to the model's default."""
        return not self.required and self.kind != "yes_no"

    @property
    def metavar(self) -> str:
        """``AMOUNT``, ``PERCENT``…; a whole number by what it counts (``--dsue-year YEAR``)."""
        return METAVARS.get(self.kind, self.name.rsplit("_", 1)[-1].upper())


def inputs_of(
    model: type[BaseModel],
    key: str,
    *,
    ui: Mapping[str, str],
    percent: Sequence[str] = (),
    points: Sequence[str] = (),
    choices: Mapping[str, Sequence[str]] = {},
    flags: Mapping[str, str] = {},
    skip: Sequence[str] = (),
    optional: Sequence[str] = (),
) -> tuple[Input, ...]:
    """Every field of ``model`` but ``skip`` as an input of calculator ``key``: the fields in ``ui`` (with
    the text they start with) are the app's too; ``percent`` are fractions typed as percents, ``points``
    percents kept as their number (5 for 5%); ``choices`` names a text field's choices; ``flags``
    renames a field's flag (``worldwide_gross_estate`` is ``--worldwide-estate``); ``optional`` are required
    by the model but filled by the calculator's ``compute`` when not given (the first death today)."""
    labels: dict[str, dict[str, str]] = wording(key).get("inputs", {})
    inputs = []
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        kind, parse, options = _reader(
            name, info, percent=name in percent, points=name in points, choices=choices.get(name, ())
        )
        words = labels.get(name, {})
        negated = kind == "yes_no" and info.default is True
        flag = flags.get(name, ("no-" if negated else "") + name.replace("_", "-"))
        inputs.append(
            Input(
                model=model,
                name=name,
                kind=kind,
                parse=parse,
                flag=f"--{flag}",
                required=info.is_required() and name not in optional,
                choices=options,
                negated=negated,
                ui=name in ui,
                label=words.get("label", ""),
                default=ui.get(name, ""),
                placeholder=words.get("placeholder", ""),
                points=name in points,
            )
        )
    return tuple(sorted(inputs, key=lambda i: list(ui).index(i.name) if i.ui else len(ui)))


def _help(doc: str, info: FieldInfo, kind: Kind, *, points: bool, negated: bool) -> str:
    """The attribute docstring, which names the quantity; then how the flag takes it (a percent is typed
    as one whatever the model holds; a yes the model assumes holds unless the flag is given) and the model's
    default where it is a figure."""
    described = " ".join(doc.split()).rstrip(".")
    parts = [described + (", unless this flag is given." if negated else ".")]
    default = None if info.is_required() else info.default
    if kind == "percent":
        parts.append("In percent (5.2 for 5.2%).")
        if default:
            parts.append(f"Default {_plain(Decimal(default) * (1 if points else 100))}%.")
    elif kind == "amount" and default:
        parts.append(f"Default {format_money(Decimal(default))}.")
    elif kind == "whole" and isinstance(default, int) and not isinstance(default, bool):
        parts.append(f"Default {default}.")
    return " ".join(parts)


@cache
def attribute_docs(model: type[BaseModel]) -> dict[str, str]:
    """Each field's attribute docstring (the string right below the field in its class, or in a base model's).
    They are read from the source when a form or ``--help`` first needs them: pydantic's
    ``use_attribute_docstrings`` would parse every input model's source each time the models load."""
    docs: dict[str, str] = {}
    for klass in reversed(model.__mro__):
        if klass is not BaseModel and issubclass(klass, BaseModel):
            docs.update(_class_docs(_module_tree(klass.__module__), klass.__qualname__))
    return docs


def _class_docs(tree: ast.Module, name: str) -> dict[str, str]:
    node = next((n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name), None)
    body = [] if node is None else node.body
    return {
        field.target.id: inspect.cleandoc(doc.value.value)
        for field, doc in pairwise(body)
        if isinstance(field, ast.AnnAssign)
        and isinstance(field.target, ast.Name)
        and isinstance(doc, ast.Expr)
        and isinstance(doc.value, ast.Constant)
        and isinstance(doc.value.value, str)
    }


@cache
def _module_tree(module: str) -> ast.Module:
    source = sys.modules[module].__file__
    return ast.parse(Path(source).read_text(encoding="utf-8")) if source else ast.Module(body=[], type_ignores=[])


def _plain_type(annotation: Any) -> Any:
    """The type inside ``X | None``."""
    if get_origin(annotation) in (Union, types.UnionType):
        [inner] = [arg for arg in get_args(annotation) if arg is not type(None)]
        return inner
    return annotation


def _bounds(info: FieldInfo) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in info.metadata:
        for bound in ("ge", "gt", "le", "lt"):
            if isinstance(item, getattr(annotated_types, bound.capitalize())):
                found[bound] = getattr(item, bound)
    return found


def _reader(
    name: str, info: FieldInfo, *, percent: bool, points: bool, choices: Sequence[str]
) -> tuple[Kind, Callable[[str], object], tuple[str, ...]]:
    what = name.replace("_", " ")
    plain = _plain_type(info.annotation)
    bounds = _bounds(info)
    if plain is bool:
        return "yes_no", lambda text: parse_yes_no(text or "no", what=what), ()
    if plain is int:
        return "whole", _whole(what, bounds), ()
    if plain is dt.date:
        return "date", lambda text: parse_date(text, what=what), ()
    if isinstance(plain, type) and issubclass(plain, enum.Enum):
        return "choice", _choice(plain, what), tuple(str(member.value) for member in plain)
    if plain is str and any(getattr(item, "pattern", None) == ISO_COUNTRY for item in info.metadata):
        return "country", lambda text: parse_country(text, what=what), ()
    if plain is str and choices:
        return "choice", str.strip, tuple(choices)
    if plain is str:
        return "text", str.strip, ()
    if plain is Decimal and (percent or points):
        return "percent", _percent(what, bounds, points), ()
    if plain is Decimal:
        return "amount", _amount(what, bounds), ()
    raise TypeError(f"{name}: no reader for {plain!r}")


def _whole(what: str, bounds: Mapping[str, Any]) -> Callable[[str], int]:
    low, high = int(bounds.get("ge", 0)), bounds.get("le")

    def parse(text: str) -> int:
        if high is not None:
            return parse_whole(text, low=low, high=int(high), what=what)
        try:
            number = int(text.strip())
        except ValueError:
            raise InputError(f"{what}: {text.strip()!r} is not a whole number; enter {low} or more") from None
        if number < low:
            raise InputError(f"{what}: {number} is below {low}")
        return number

    return parse


def _percent(what: str, bounds: Mapping[str, Any], points: bool) -> Callable[[str], Decimal]:
    """A percent typed as ``5.2``: a fraction (``0.052``), or with ``points`` the number of percent itself."""
    scale = Decimal(1 if points else 100)
    low = _plain(Decimal(bounds.get("ge", bounds.get("gt", 0))) * scale)
    high = _plain(Decimal(bounds.get("le", bounds.get("lt", 100 / scale))) * scale)

    def parse(text: str) -> Decimal:
        value = parse_percent(text, what=what, low=low, high=high) * (100 if points else 1)
        if "gt" in bounds and value <= bounds["gt"]:
            raise InputError(f"{what}: the {what} must be above {low}% (a percent such as 5.2)")
        return value

    return parse


def _plain(number: Decimal) -> Decimal:
    """``50``, not ``50.0`` or ``5E+1``, in a message."""
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()


def _amount(what: str, bounds: Mapping[str, Any]) -> Callable[[str], Decimal]:
    def parse(text: str) -> Decimal:
        value = parse_amount(text, what=what)
        if "gt" in bounds and value <= bounds["gt"]:
            raise InputError(f"{what}: {text!r} must be above {bounds['gt']}; enter an amount such as 20m")
        return value

    return parse


def _choice(kind: type[enum.Enum], what: str) -> Callable[[str], enum.Enum]:
    def parse(text: str) -> enum.Enum:
        try:
            return kind(text.strip().lower())
        except ValueError:
            accepted = ", ".join(str(member.value) for member in kind)
            raise InputError(f"{what}: {text!r} is not a {what}; enter one of {accepted}") from None

    return parse
