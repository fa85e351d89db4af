"""Texts the rules hand to players: a template plus arguments, translated by the UI.

The template is the English text and the gettext message id; `{name}` places take region ids
that the reader turns into display names. Numbers are written as players write them: whole
numbers without decimals, fractions with the decimals they need (at most two), and an argument
named `share` or ending in `_share` (a fraction of a whole) as a percentage.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

MOST_DECIMALS = 2


@dataclass(frozen=True, slots=True)
class Msg:
    template: str
    args: tuple[tuple[str, str | int | float], ...] = ()

    def render(
        self,
        name: Callable[[str], str] = str,
        translate: Callable[[str], str] = str,
        decimal_point: str = ".",
    ) -> str:
        values = {
            k: name(v) if isinstance(v, str) else argument_number(k, v, decimal_point) for k, v in self.args
        }
        return translate(self.template).format(**values)

    def __str__(self) -> str:
        return self.render()


def msg(template: str, **args: str | int | float) -> Msg:
    return Msg(template, tuple(sorted(args.items())))


def argument_number(key: str, value: int | float, decimal_point: str = ".") -> str:
    """A message argument's number: a share as a percentage, anything else as it is."""
    if key == "share" or key.endswith("_share"):
        return number_text(value * 100, decimal_point) + "%"
    return number_text(value, decimal_point)


def number_text(value: int | float, decimal_point: str = ".") -> str:
    """20 for 20.0, 0.4 for 0.4, 2.35 for 2.3456: no decimals a number does not need."""
    if isinstance(value, int) or not math.isfinite(value):
        return str(value)
    rounded = round(value, MOST_DECIMALS)
    if rounded == int(rounded):
        return str(int(rounded))  # also turns -0.0 into 0
    return f"{rounded:.{MOST_DECIMALS}f}".rstrip("0").replace(".", decimal_point)
