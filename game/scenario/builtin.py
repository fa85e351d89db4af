"""Personalities every scenario may use without defining them; a scenario may add its own."""

from __future__ import annotations

from game.scenario.schema import Personality, Text


def _p(id_: str, en: str, pl: str, **weights: float) -> Personality:
    return Personality(id=id_, name=Text(en=en, pl=pl), **weights)


BUILTIN_PERSONALITIES: tuple[Personality, ...] = (
    _p(
        "diplomat",
        "Peaceful diplomat",
        "Pokojowy dyplomata",
        aggression=0.05,
        trade=0.6,
        loyalty=0.9,
        cultural_pride=0.2,
        risk=0.2,
        multilateralism=0.9,
    ),
    _p(
        "merchant",
        "Merchant",
        "Kupiec",
        aggression=0.15,
        trade=1.0,
        loyalty=0.5,
        cultural_pride=0.1,
        risk=0.4,
        multilateralism=0.6,
    ),
    _p(
        "warlord",
        "Warlord",
        "Watażka",
        aggression=0.9,
        trade=0.2,
        loyalty=0.6,
        cultural_pride=0.7,
        risk=0.8,
        multilateralism=0.2,
    ),
    _p(
        "rogue",
        "Rogue",
        "Samotnik",
        aggression=0.6,
        trade=0.4,
        loyalty=0.2,
        cultural_pride=0.5,
        risk=0.7,
        multilateralism=0.0,
    ),
    _p(
        "opportunist",
        "Opportunist",
        "Oportunista",
        aggression=0.5,
        trade=0.6,
        loyalty=0.2,
        cultural_pride=0.3,
        risk=0.6,
        multilateralism=0.4,
    ),
)
