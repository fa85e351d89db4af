"""Tunable numbers of the rules: defaults here, overridden by a scenario's `rules:` section.

A pydantic model so the scenario schema embeds it with ranges and descriptions; it does no I/O.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Rules(BaseModel):
    """Tunable numbers of the rules. Every field has a default; a scenario overrides what it likes."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    diplomatic_actions: int = Field(2, ge=1, le=10, description="Diplomatic actions per region per turn.")
    ambassador_upkeep: float = Field(1.0, ge=0, le=100, description="Gold per turn for each ambassador.")
    ambassador_growth: float = Field(1.0, ge=0, le=20, description="Opinion gained each way per turn.")
    ambassador_cap: float = Field(10.0, ge=0, le=100, description="Most opinion an ambassador builds.")
    visit_cost: float = Field(10.0, ge=0, le=1000, description="Gold a state visit costs the visitor.")
    visit_goodwill: float = Field(12.0, ge=0, le=100, description="Host's goodwill from a first visit.")
    proposal_expiry: int = Field(3, ge=1, le=50, description="Turns an unanswered proposal waits.")
    pact_turns: int = Field(20, ge=1, le=500, description="Length of a non-aggression pact.")
    treaty_turns: int = Field(30, ge=1, le=500, description="Length of alliances, trade and access deals.")
    truce_turns: int = Field(10, ge=0, le=500, description="Turns of truce after a peace.")
    break_reputation: float = Field(12.0, ge=0, le=100, description="Reputation lost by breaking a treaty.")
    trade_rate: float = Field(0.15, ge=0, le=5, description="Share of economy a trade deal adds.")
    neighbour_trade_bonus: float = Field(
        0.5, ge=0, le=5, description="Extra share of a trade deal's worth between neighbours."
    )
    kin_trade_bonus: float = Field(
        0.5, ge=0, le=5, description="Extra share of a trade deal's worth between kin cultures."
    )
    exclusive_trade_bonus: float = Field(
        0.5, ge=0, le=5, description="Extra share of a trade deal's worth when it is exclusive."
    )
    embargo_target_loss: float = Field(0.06, ge=0, le=1, description="Target's income lost per embargo.")
    embargo_own_loss: float = Field(
        0.01, ge=0, le=1, description="Share of its own income a region loses per embargo it imposes."
    )
    military_upkeep: float = Field(0.05, ge=0, le=1, description="Gold per point of military per turn.")
    war_cost: float = Field(0.04, ge=0, le=1, description="Share of income each war costs per turn.")
    war_score_step: float = Field(
        14.0, ge=1, le=100, description="Most war score (of -100..100) one turn of fighting moves."
    )
    war_losses: float = Field(0.04, ge=0, le=1, description="Share of enemy strength lost per turn.")
    exhaustion_per_turn: float = Field(
        4.0, ge=0, le=100, description="War exhaustion a side gains in a turn against an equal foe."
    )
    invest_economy_rate: float = Field(0.08, ge=0, le=10, description="Economy gained per gold.")
    invest_military_rate: float = Field(0.5, ge=0, le=10, description="Military gained per gold.")
    session_every: int = Field(5, ge=1, le=100, description="Default turns between organisation sessions.")
    leverage_threshold: float = Field(1.6, ge=1, le=100, description="Income ratio of a lopsided deal.")
    tariff: float = Field(0.3, ge=0, le=1, description="Share of a condemned deal's income paid as tariff.")
    org_trade_rate: float = Field(0.02, ge=0, le=1, description="Income from each fellow trade-body member.")
    rogue_turns: int = Field(
        10, ge=1, le=200, description="Turns a passed resolution's demands and a rogue mark last."
    )
    tribute_turns: int = Field(10, ge=1, le=200, description="Turns a tribute of a peace is paid.")
