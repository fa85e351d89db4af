"""The scenario format: pydantic models for the YAML a modder writes.

Structure only lives here (types, ranges, defaults, descriptions). Checks that need the whole
document (unknown ids, symmetric neighbours, duplicates) live in `validate.py`, so that all
problems are reported together with their file:line:column.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from game.core.config import Rules

# The largest world a scenario may have: the benchmark measures a turn of it (a generated world of
# 500 regions, every region a computer player) at about half a second; 2000 took 1.6 s or more.
MAX_REGIONS = 500

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
    """A longer text in every language the game speaks."""

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

    diplomatic: DiplomaticVictory | None = Field(None, description="Win by friendship: see its fields.")
    economic: EconomicVictory | None = Field(None, description="Win by wealth: see its fields.")
    conquest: ConquestVictory | None = Field(None, description="Win by ruling others: see its fields.")


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
    """What the player sees in the scenario list, and how the game ends."""

    id: Id = Field(description="The scenario's id; the same as the file name without .yaml (validate warns).")
    name: Text = Field(description="Title in the scenario list (at most 80 characters).")
    description: LongTextL10n = Field(description="A few sentences on the list screen.")
    authors: list[ShortText] = Field(default_factory=list, max_length=50, description="Who wrote it.")
    version: ShortText = Field("1.0", description="The scenario's own version, for its players.")
    seed: int = Field(1, ge=0, le=2**63 - 1, description="Seed used when the player gives none.")
    turn_limit: int = Field(200, ge=1, le=10000, description="Last turn; then the best score wins.")
    victory: Victory = Field(default_factory=Victory)
    playable: list[Id] | None = Field(None, description="Regions a human may take; all when absent.")
    map: MapSize = Field(default_factory=MapSize, description="The map's size and its painted province map.")


class Culture(Strict):
    """A people; regions of one culture, or of one culture group, count as kin."""

    id: Id
    name: Text
    group: Id | None = Field(None, description="Culture group; cultures of one group count as kin.")


class Affinity(Strict):
    """Affinity between two cultures, or an override between two regions."""

    between: Annotated[list[Id], Field(min_length=2, max_length=2)] = Field(
        description="Two culture ids, or two region ids."
    )
    value: Annotated[float, Field(ge=-1.0, le=1.0)] = Field(
        description="-1 bitter enemies, 0 indifferent, 1 one people; unlisted pairs are 0."
    )


class Personality(Strict):
    """How a computer player leans; each weight runs from 0 (none) to 1 (all)."""

    id: Id
    name: Text
    aggression: Weight = Field(0.3, description="Appetite for war and for demands.")
    trade: Weight = Field(0.5, description="Wish for trade deals and wealth.")
    loyalty: Weight = Field(0.5, description="Keeping treaties and standing by allies.")
    cultural_pride: Weight = Field(0.3, description="How much kinship of cultures counts.")
    risk: Weight = Field(0.3, description="Daring against stronger regions.")
    multilateralism: Weight = Field(0.5, description="Respect for organisations and their votes.")


class Region(Strict):
    """A region: a player of the game, computer or human."""

    id: Id
    name: Text
    culture: Id = Field(description="Its culture: an id from cultures (the scenario's or its mod's).")
    colour: Colour = Field(description="Its colour on the political map.")
    province_colour: Colour | None = Field(
        None, description="This region's colour on the province map; its colour when absent."
    )
    position: Annotated[
        list[float], Field(min_length=2, max_length=2, description="[x, y] of its capital on the map.")
    ]
    outline: list[Annotated[list[float], Field(min_length=2, max_length=2)]] | None = Field(
        None, min_length=3, max_length=500, description="Polygon [[x, y], ...] of the territory."
    )
    neighbours: list[Id] = Field(
        default_factory=list, max_length=100, description="Regions it borders; each must list it back."
    )
    economy: float = Field(ge=0, le=10000, description="Income per turn.")
    treasury: float = Field(ge=-10000, le=1000000, description="Gold at the start.")
    military: float = Field(ge=0, le=100000, description="Strength of its army at the start.")
    stability: float = Field(60.0, ge=0, le=100, description="How settled it is at home.")
    reputation: float = Field(60.0, ge=0, le=100, description="How far others trust its word.")
    personality: Id = Field(description="How its computer player leans: a built-in or scenario personality.")


class Organisation(Strict):
    """A multilateral body whose members vote on resolutions about others' deals and wars."""

    id: Id
    name: Text
    kind: Literal["security", "trade"] = Field(
        description="security bodies judge wars; trade bodies judge lopsided trade deals."
    )
    members: list[Id] = Field(default_factory=list, max_length=1000, description="Member regions.")
    session_every: int | None = Field(None, ge=1, le=100, description="Turns between sessions.")


TreatyKind = Literal["non_aggression", "alliance", "trade", "access"]


class StartWar(Strict):
    """A war already on at the start."""

    attacker: Id = Field(description="The region that declared it.")
    defender: Id = Field(description="The region attacked.")


class StartTreaty(Strict):
    """A treaty in force at the start."""

    kind: TreatyKind = Field(description="What the treaty is.")
    between: Annotated[list[Id], Field(min_length=2, max_length=2)] = Field(description="Its two regions.")
    turns: int | None = Field(None, ge=1, le=1000, description="Turns left; the rules' length when absent.")
    exclusive: bool = Field(False, description="An exclusive trade deal: richer, but watched.")


class StartEmbargo(Strict):
    """An embargo in force at the start."""

    by: Id = Field(description="The region that imposes it.")
    target: Id = Field(description="The region under embargo.")


class StartAmbassador(Strict):
    """An ambassador in place at the start."""

    from_: Id = Field(alias="from", description="The region that sends the ambassador.")
    to: Id = Field(description="The region that hosts the ambassador.")


class StartOpinion(Strict):
    """A memory that colours one region's opinion of another at the start."""

    of: Id = Field(description="The region that holds the opinion.")
    towards: Id = Field(description="The region it is about.")
    value: Annotated[float, Field(ge=-100, le=100)] = Field(description="How much it adds to the opinion.")
    decay: Annotated[float, Field(ge=0, le=100)] = Field(1.0, description="How much it fades each turn.")
    text: Text = Field(description="What the player reads as its cause.")


class Diplomacy(Strict):
    """How things stand on the first turn."""

    wars: list[StartWar] = Field(default_factory=list, description="Wars already on.")
    treaties: list[StartTreaty] = Field(default_factory=list, description="Treaties in force.")
    embargoes: list[StartEmbargo] = Field(default_factory=list, description="Embargoes in force.")
    ambassadors: list[StartAmbassador] = Field(default_factory=list, description="Ambassadors in place.")
    opinions: list[StartOpinion] = Field(default_factory=list, description="Old grudges and friendships.")


class Scenario(Strict):
    """A scenario file: the world at the start of a game."""

    format: Literal[1] = Field(description="Version of this file format.")
    meta: Meta = Field(description="Title, description, seed, turn limit, victories and map.")
    rules: Rules = Field(default_factory=Rules)
    cultures: list[Culture] = Field(
        default_factory=list, max_length=500, description="Peoples of this scenario, beside its mod's."
    )
    affinities: list[Affinity] = Field(
        default_factory=list,
        max_length=20000,
        description="How cultures (or two regions) feel about each other.",
    )
    personalities: list[Personality] = Field(
        default_factory=list, description="Personalities of this scenario, beside the built-in ones."
    )
    regions: list[Region] = Field(
        min_length=2, max_length=MAX_REGIONS, description="The players of the game."
    )
    organisations: list[Organisation] = Field(
        default_factory=list, max_length=100, description="Multilateral bodies and their members."
    )
    diplomacy: Diplomacy = Field(default_factory=Diplomacy, description="How things stand on the first turn.")


class ModInfo(Strict):
    """mod.yaml: who made a mod, and the cultures and personalities all of its scenarios may use."""

    format: Literal[1] = Field(description="Version of this file format.")
    id: Id = Field(description="The mod's id; its scenarios are listed as <id>/<file name>.")
    name: Text = Field(description="The mod's name, shown beside its scenarios.")
    version: ShortText = Field("1.0", description="The mod's own version.")
    authors: list[ShortText] = Field(default_factory=list, max_length=50, description="Who made it.")
    description: LongTextL10n | None = Field(None, description="What the mod is about.")
    cultures: list[Culture] = Field(
        default_factory=list, max_length=500, description="Cultures every scenario of the mod may use."
    )
    personalities: list[Personality] = Field(
        default_factory=list, max_length=200, description="Personalities every scenario of the mod may use."
    )
