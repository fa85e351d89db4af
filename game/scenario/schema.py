"""The scenario format: pydantic models for the YAML a modder writes.

Structure only lives here (types, ranges, defaults, descriptions). Checks that need the whole
document (unknown ids, symmetric neighbours, duplicates) live in `validate.py`, so that all
problems are reported together with their file:line:column.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from game.core.config import Rules

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$"),
    Field(description="Lower-case identifier: a letter, then letters, digits or _ (at most 40)."),
]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=80)]
LongText = Annotated[str, StringConstraints(max_length=2000)]
Colour = Annotated[
    str,
    StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$"),
    Field(description='A colour as "#rrggbb".'),
]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Weight = Annotated[float, Field(ge=0.0, le=1.0, description="A personality weight from 0 (none) to 1 (all).")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Text(Strict):
    """A text in every language the game speaks."""

    en: ShortText
    pl: ShortText


class LongTextL10n(Strict):
    en: LongText
    pl: LongText


class DiplomaticVictory(Strict):
    share: Unit = Field(0.6, description="Share of the living regions that must be friendly or allied.")
    turns: int = Field(5, ge=1, le=100, description="Turns in a row the share must hold.")


class EconomicVictory(Strict):
    share: Unit = Field(0.4, description="Share of the world's income a region must earn.")
    turns: int = Field(5, ge=1, le=100, description="Turns in a row the share must hold.")


class ConquestVictory(Strict):
    share: Unit = Field(0.5, description="Share of all regions a ruler must hold.")


class Victory(Strict):
    """Which victories this scenario allows; a missing one is off. The best score wins at the turn limit."""

    diplomatic: DiplomaticVictory | None = None
    economic: EconomicVictory | None = None
    conquest: ConquestVictory | None = None


class MapSize(Strict):
    """The map's size in map units, and an optional painted province map."""

    width: int = Field(
        1000, ge=100, le=10000, description="Width in map units; the province map's width when it is given."
    )
    height: int = Field(
        700, ge=100, le=10000, description="Height in map units; the province map's height when it is given."
    )
    provinces: str | None = Field(
        None,
        min_length=5,
        max_length=200,
        description="A PNG beside this file (or in a folder below it) with each region painted in its "
        "province_colour; the map takes the regions' outlines and label places from it.",
    )


class Meta(Strict):
    id: Id
    name: Text
    description: LongTextL10n
    authors: list[ShortText] = Field(default_factory=list, max_length=50)
    version: ShortText = "1.0"
    seed: int = Field(1, ge=0, le=2**63 - 1, description="Seed used when the player gives none.")
    turn_limit: int = Field(200, ge=1, le=10000)
    victory: Victory = Field(default_factory=Victory)
    playable: list[Id] | None = Field(None, description="Regions a human may take; all when absent.")
    map: MapSize = Field(default_factory=MapSize)


class Culture(Strict):
    id: Id
    name: Text
    group: Id | None = Field(None, description="Culture group; cultures of one group count as kin.")


class Affinity(Strict):
    """Affinity between two cultures, or an override between two regions."""

    between: Annotated[list[Id], Field(min_length=2, max_length=2)]
    value: Annotated[float, Field(ge=-1.0, le=1.0)]


class Personality(Strict):
    id: Id
    name: Text
    aggression: Weight = 0.3
    trade: Weight = 0.5
    loyalty: Weight = 0.5
    cultural_pride: Weight = 0.3
    risk: Weight = 0.3
    multilateralism: Weight = 0.5


class Region(Strict):
    id: Id
    name: Text
    culture: Id
    colour: Colour
    province_colour: Colour | None = Field(
        None, description="This region's colour on the province map; its colour when absent."
    )
    position: Annotated[
        list[float], Field(min_length=2, max_length=2, description="[x, y] of its capital on the map.")
    ]
    outline: list[Annotated[list[float], Field(min_length=2, max_length=2)]] | None = Field(
        None, min_length=3, max_length=500, description="Polygon [[x, y], ...] of the territory."
    )
    neighbours: list[Id] = Field(default_factory=list, max_length=100)
    economy: float = Field(ge=0, le=10000, description="Income per turn.")
    treasury: float = Field(ge=-10000, le=1000000)
    military: float = Field(ge=0, le=100000)
    stability: float = Field(60.0, ge=0, le=100)
    reputation: float = Field(60.0, ge=0, le=100)
    personality: Id


class Organisation(Strict):
    id: Id
    name: Text
    kind: Literal["security", "trade"]
    members: list[Id] = Field(default_factory=list, max_length=1000)
    session_every: int | None = Field(None, ge=1, le=100, description="Turns between sessions.")


TreatyKind = Literal["non_aggression", "alliance", "trade", "access"]


class StartWar(Strict):
    attacker: Id
    defender: Id


class StartTreaty(Strict):
    kind: TreatyKind
    between: Annotated[list[Id], Field(min_length=2, max_length=2)]
    turns: int | None = Field(None, ge=1, le=1000, description="Turns left; the rules' length when absent.")
    exclusive: bool = False


class StartEmbargo(Strict):
    by: Id
    target: Id = Field(description="The region under embargo.")


class StartAmbassador(Strict):
    from_: Id = Field(alias="from")
    to: Id


class StartOpinion(Strict):
    of: Id
    towards: Id
    value: Annotated[float, Field(ge=-100, le=100)]
    decay: Annotated[float, Field(ge=0, le=100)] = 1.0
    text: Text


class Diplomacy(Strict):
    wars: list[StartWar] = Field(default_factory=list)
    treaties: list[StartTreaty] = Field(default_factory=list)
    embargoes: list[StartEmbargo] = Field(default_factory=list)
    ambassadors: list[StartAmbassador] = Field(default_factory=list)
    opinions: list[StartOpinion] = Field(default_factory=list)


class Scenario(Strict):
    format: Literal[1] = Field(description="Version of this file format.")
    meta: Meta
    rules: Rules = Field(default_factory=Rules)
    cultures: list[Culture] = Field(min_length=1, max_length=500)
    affinities: list[Affinity] = Field(default_factory=list, max_length=20000)
    personalities: list[Personality] = Field(
        default_factory=list, description="Personalities of this scenario, beside the built-in ones."
    )
    regions: list[Region] = Field(min_length=2, max_length=2000)
    organisations: list[Organisation] = Field(default_factory=list, max_length=100)
    diplomacy: Diplomacy = Field(default_factory=Diplomacy)
