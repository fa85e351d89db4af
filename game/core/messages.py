"""Texts the rules hand to players: a template plus arguments, translated by the UI.

The template is the English text and the gettext message id; `{name}` places take region ids
that the reader turns into display names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Msg:
    template: str
    args: tuple[tuple[str, str | int | float], ...] = ()

    def render(
        self,
        name: Callable[[str], str] = str,
        translate: Callable[[str], str] = str,
    ) -> str:
        values = {k: name(v) if isinstance(v, str) else _number(v) for k, v in self.args}
        return translate(self.template).format(**values)

    def __str__(self) -> str:
        return self.render()


def msg(template: str, **args: str | int | float) -> Msg:
    return Msg(template, tuple(sorted(args.items())))


def _number(value: int | float) -> str:
    return f"{value:.0f}" if isinstance(value, float) else str(value)
