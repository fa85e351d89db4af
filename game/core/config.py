"""Tunable numbers of the rules: defaults here, overridden by a scenario's `rules:` section.

Every number the rules and the computer players use has a name here, with its default, range
and meaning (the modding guide's reference is written from these fields). The only numbers kept
elsewhere are the personalities' weights and the skill levels of the computer players (game/ai),
which describe a player rather than the rules. A pydantic model so the scenario schema embeds it
with ranges and descriptions; it does no I/O.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Tuning(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Effect(Tuning):
    """An opinion modifier the rules create: its value, how fast it fades and how far it stacks."""

    value: float = Field(ge=-100, le=100, description="Opinion points it adds (negative: takes).")
    decay: float = Field(
        ge=0, le=100, description="Points it loses each turn toward zero; 0 lasts while its cause stands."
    )
    cap: float = Field(100.0, gt=0, le=100, description="The most it reaches, however often it is added.")


def _effect(value: float, decay: float, cap: float = 100.0, meaning: str = "") -> Any:
    return Field(Effect(value=value, decay=decay, cap=cap), description=meaning)


class OpinionEffects(Tuning):
    """The opinion modifiers the rules create, by cause. A scenario may give any part of one
    (`broke_treaty: {value: -40}`); the parts it leaves out keep their defaults."""

    state_visit: Effect = _effect(12.0, 1.0, 20.0, "The host's goodwill from a first state visit.")
    visitor: Effect = _effect(5.0, 1.0, 20.0, "The visitor's own goodwill toward the host it visited.")
    broke_treaty: Effect = _effect(-30.0, 0.3, meaning="Held by the partner of a region that broke a treaty.")
    declared_war: Effect = _effect(-40.0, 0.5, meaning="Held by a region that was attacked, of its attacker.")
    ignored_call: Effect = _effect(
        -25.0, 0.3, meaning="Held by a region whose ally declined or ignored its call to arms."
    )
    answered_call: Effect = _effect(20.0, 0.3, meaning="Held by a region whose ally came to its defence.")
    expelled_ambassador: Effect = _effect(
        -15.0, 0.5, meaning="Held by a region whose ambassador was expelled."
    )
    embargo: Effect = _effect(-20.0, 0.0, meaning="Held by a region under an embargo, while it stands.")
    aid: Effect = _effect(10.0, 0.5, 20.0, "The most one gift of aid adds (see aid_opinion_scale).")
    introduced: Effect = _effect(
        0.0,
        0.2,
        30.0,
        "Goodwill of an introduction; its value is introduction_share of the opinion of the one who vouched.",
    )
    mediated: Effect = _effect(
        15.0, 0.3, 15.0, "Held by both sides of a war of the region that brokered its peace."
    )
    left_organisation: Effect = _effect(-5.0, 0.2, meaning="Held by the members of a region that left them.")
    condemned: Effect = _effect(
        -15.0,
        0.3,
        45.0,
        "Held by an organisation's members of a region it condemned for aggression or an unfair embargo.",
    )
    lopsided_deal: Effect = _effect(
        -10.0, 0.3, 30.0, "Held by a trade body's members of the richer side of a deal it condemned."
    )
    complied: Effect = _effect(
        8.0, 0.3, 16.0, "Held by an organisation's members of a region that did what a resolution asked."
    )
    rogue: Effect = _effect(
        -10.0, 0.2, 30.0, "Held by an organisation's members of a region it marked rogue."
    )
    non_aggression: Effect = _effect(
        3.0, 0.0, meaning="Each side's opinion of the other while a non-aggression pact lasts."
    )
    alliance: Effect = _effect(10.0, 0.0, meaning="Each side's opinion of the other while an alliance lasts.")
    trade: Effect = _effect(
        6.0, 0.0, meaning="Each side's opinion of the other while a trade agreement lasts."
    )
    access: Effect = _effect(
        3.0, 0.0, meaning="Each side's opinion of the other while a military access treaty lasts."
    )

    @model_validator(mode="before")
    @classmethod
    def _fill_left_out_parts(cls, data: Any) -> Any:
        """A part of an effect left out keeps that effect's own default, not a shared one."""
        if not isinstance(data, dict):
            return data
        filled: dict[str, Any] = {}
        for name, given in data.items():
            field = cls.model_fields.get(name)
            if isinstance(given, dict) and field is not None and isinstance(field.default, Effect):
                given = {**field.default.model_dump(), **given}
            filled[name] = given
        return filled


class AiTuning(Tuning):
    """Numbers of the computer players' judgement shared by every personality and skill."""

    runaway_ratio: float = Field(
        1.4,
        ge=1,
        le=10,
        description="A score this many times the runner-up's makes a region the one to stop.",
    )
    curb_at: float = Field(
        0.8,
        ge=0,
        le=10,
        description="How near winning (1: won, or a runaway score) a region is when every skilled player "
        "embargoes it, whatever its skill.",
    )
    large_world: int = Field(
        100,
        ge=2,
        le=10000,
        description="Regions from which a quiet region works its diplomacy every other turn.",
    )
    max_army_upkeep: float = Field(
        0.08,
        ge=0,
        le=1,
        description="Share of its economy an army's upkeep may take before a player stops arming.",
    )
    danger_army_upkeep: float = Field(
        0.4,
        ge=0,
        le=1,
        description="Share of its economy an army's upkeep may take when a threat outweighs the defence.",
    )
    envoy_budget: float = Field(
        0.12,
        ge=0,
        le=1,
        description="Share of its economy a computer player spends on its ambassadors' upkeep.",
    )
    peace_arms_share: float = Field(
        0.25,
        ge=0,
        le=1,
        description="Most of its spare gold a player at peace puts in its army; the rest builds its economy.",
    )
    arms_reach: float = Field(
        5.0,
        ge=0,
        le=100,
        description="Turns of income a warlike player at peace puts into an army for the war it wants; "
        "a stronger prey waits until its economy has grown.",
    )
    visit_income: float = Field(
        2.0,
        ge=0,
        le=100,
        description="A computer player pays for a state visit only when its income is this many times "
        "the visit's cost.",
    )
    conquest_eagerness: float = Field(
        8.0, ge=0, le=100, description="Extra appetite for war where conquest can win the game."
    )
    diplomatic_zeal: float = Field(
        6.0, ge=0, le=100, description="Extra value of friendship where friends can win the game."
    )
    war_resolve: int = Field(
        5, ge=0, le=100, description="Turns an attacker fights before it listens to talk of peace."
    )
    max_allies: int = Field(2, ge=0, le=50, description="Alliances a computer player seeks at most.")
    plan_length: int = Field(8, ge=1, le=40, description="Actions a computer player plans in a turn at most.")
    rejection_cooldown: int = Field(
        8, ge=0, le=100, description="Turns before a computer player asks a region for the same thing again."
    )
    untrusted_reputation: float = Field(
        30.0, ge=0, le=100, description="Reputation below which a region's word is worth little to anyone."
    )
    aggression_remembered: int = Field(
        30, ge=0, le=1000, description="Turns a war of aggression keeps its maker untrusted."
    )
    armed_beyond: float = Field(
        4.0, gt=0, le=100, description="An army this many times its region's economy is raised for war."
    )
    unseen_army: float = Field(
        1.5, ge=0, le=100, description="An army nobody can see is guessed at this many times its economy."
    )
    aid_reserve_turns: float = Field(
        3.0, ge=0, le=100, description="Turns of its economy a computer player keeps before it gives aid."
    )
    deal_gold_value: float = Field(
        10.0,
        ge=0,
        le=1000,
        description="What a turn of its own income in gold weighs in a deal a player judges.",
    )
    deal_promise_share: float = Field(
        0.7,
        ge=0,
        le=1,
        description="What gold promised for later turns is worth to it, as a share of gold now.",
    )
    deal_most_gold_turns: float = Field(
        3.0,
        ge=0,
        le=100,
        description="The most gold a counter-offer asks, in turns of the asked region's economy.",
    )
    deal_sweetener_turns: float = Field(
        0.5,
        ge=0,
        le=100,
        description="Gold a player adds to a treaty turned down before, in turns of its own economy.",
    )


class Rules(Tuning):
    """Tunable numbers of the rules. Every field has a default; a scenario overrides what it likes."""

    # --- the turn -------------------------------------------------------------------------------
    diplomatic_actions: int = Field(2, ge=1, le=10, description="Diplomatic actions per region per turn.")
    proposal_expiry: int = Field(3, ge=1, le=50, description="Turns an unanswered proposal waits.")
    refusals_remembered: int = Field(
        20, ge=0, le=1000, description="Turns a turned-down proposal stays on record for computer players."
    )
    # --- opinion --------------------------------------------------------------------------------
    affinity_weight: float = Field(
        20.0,
        ge=0,
        le=100,
        description="Opinion points from full cultural affinity (scaled by affinity -1..1).",
    )
    neighbour_harmony: float = Field(
        5.0, ge=0, le=100, description="Opinion between neighbours of like culture (affinity above 0)."
    )
    neighbour_friction: float = Field(
        -10.0,
        ge=-100,
        le=0,
        description="Opinion between neighbours of unlike culture (affinity 0 or below).",
    )
    power_wariness: float = Field(
        25.0,
        ge=0,
        le=100,
        description="Opinion every other region loses of the leader of the standings (the balance of power).",
    )
    power_lead: float = Field(
        0.2,
        gt=0,
        le=10,
        description="The lead over the runner-up (0.2: a score 20 % higher) at which that wariness is whole.",
    )
    reputation_weight: float = Field(
        10.0, ge=0, le=100, description="Opinion points from a spotless (100) or a ruined (0) reputation."
    )
    kin_affinity: float = Field(
        0.5, ge=-1, le=1, description="Affinity from which two cultures count as kin (trade, visits)."
    )
    group_affinity: float = Field(
        0.5, ge=-1, le=1, description="Affinity of two cultures of one group where none is given."
    )
    friendly_opinion: float = Field(
        50.0,
        ge=-100,
        le=100,
        description="Opinion from which a region counts as a friend for the diplomatic victory.",
    )
    opinion: OpinionEffects = Field(
        default_factory=OpinionEffects,
        description="The opinion modifiers the rules create, by cause; a scenario may change any part.",
    )
    # --- ambassadors and visits -----------------------------------------------------------------
    ambassador_upkeep: float = Field(1.0, ge=0, le=100, description="Gold per turn for each ambassador.")
    ambassador_growth: float = Field(1.0, ge=0, le=20, description="Opinion gained each way per turn.")
    ambassador_cap: float = Field(10.0, ge=0, le=100, description="Most opinion an ambassador builds.")
    visit_cost: float = Field(
        10.0, ge=0, le=1000, description="Gold a state visit costs the visitor, paid when it sets out."
    )
    visit_kin_bonus: float = Field(
        0.5,
        ge=0,
        le=5,
        description="Extra share of a visit's goodwill per point of the two cultures' affinity.",
    )
    visit_least_fresh: float = Field(
        0.25,
        ge=0,
        le=1,
        description="The least share of its goodwill a visit keeps, however recent the last one.",
    )
    # --- treaties -------------------------------------------------------------------------------
    pact_turns: int = Field(20, ge=1, le=500, description="Length of a non-aggression pact.")
    treaty_turns: int = Field(30, ge=1, le=500, description="Length of alliances, trade and access deals.")
    truce_turns: int = Field(10, ge=0, le=500, description="Turns of truce after a peace.")
    embargo_pledge_turns: int = Field(
        10,
        ge=0,
        le=500,
        description="Turns a region that lifts its embargo in a deal may not impose it again.",
    )
    break_reputation: float = Field(12.0, ge=0, le=100, description="Reputation lost by breaking a treaty.")
    # --- economy --------------------------------------------------------------------------------
    stability_output: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Share of production and of an army's strength that stability governs.",
    )
    trade_rate: float = Field(0.15, ge=0, le=5, description="Share of economy a trade deal adds.")
    neighbour_trade_bonus: float = Field(
        0.5, ge=0, le=5, description="Extra share of a trade deal's worth between neighbours."
    )
    kin_trade_bonus: float = Field(
        0.5, ge=0, le=5, description="Extra share of a trade deal's worth between kin cultures."
    )
    trade_tilt: float = Field(
        0.5, ge=0, le=2, description="How far a deal's worth tilts toward the richer side (0: not at all)."
    )
    exclusive_trade_bonus: float = Field(
        0.5, ge=0, le=5, description="Extra share of a trade deal's worth when it is exclusive."
    )
    embargo_target_loss: float = Field(0.06, ge=0, le=1, description="Target's income lost per embargo.")
    embargo_own_loss: float = Field(
        0.01, ge=0, le=1, description="Share of its own income a region loses per embargo it imposes."
    )
    max_embargo_loss: float = Field(
        0.6, ge=0, le=1, description="The most of its production embargoes take from a region."
    )
    military_upkeep: float = Field(0.05, ge=0, le=1, description="Gold per point of military per turn.")
    invest_economy_rate: float = Field(0.08, ge=0, le=10, description="Economy gained per gold.")
    economy_scale: float = Field(
        15.0, gt=0, le=10000, description="An economy of this size grows at half the investment rate."
    )
    invest_military_rate: float = Field(0.5, ge=0, le=10, description="Military gained per gold.")
    mobilisation: float = Field(
        1.0, ge=0, le=100, description="Most army a region can raise in a turn, per point of its economy."
    )
    aid_opinion_scale: float = Field(
        10.0, ge=0, le=100, description="Opinion per turn's worth of the receiver's economy given as aid."
    )
    # --- debt -----------------------------------------------------------------------------------
    debt_interest: float = Field(
        0.05,
        ge=0,
        le=1,
        description="Share of a debt added to it each turn while the treasury is below zero.",
    )
    debt_stability_loss: float = Field(
        3.0, ge=0, le=100, description="Stability lost each turn in debt (unpaid soldiers and officials)."
    )
    debt_desertion: float = Field(
        0.03, ge=0, le=1, description="Share of the army that deserts each turn in debt."
    )
    bankruptcy_turns: float = Field(
        10.0, gt=0, le=1000, description="A debt of this many turns of the economy ends in bankruptcy."
    )
    bankruptcy_reputation: float = Field(
        20.0, ge=0, le=100, description="Reputation a bankrupt region loses when its debts are written off."
    )
    bankruptcy_stability: float = Field(
        20.0, ge=0, le=100, description="Stability a bankrupt region loses when its debts are written off."
    )
    # --- reputation and stability ---------------------------------------------------------------
    reputation_mend: float = Field(
        0.25, ge=0, le=100, description="Reputation a region below reputation_mend_to regains each turn."
    )
    reputation_mend_to: float = Field(
        50.0, ge=0, le=100, description="Reputation that comes back with time alone."
    )
    stability_rest: float = Field(
        60.0, ge=0, le=100, description="Stability drifts back toward this in peace."
    )
    stability_drift: float = Field(
        1.0, ge=0, le=100, description="Stability regained each turn of peace below its rest."
    )
    # --- war ------------------------------------------------------------------------------------
    war_cost: float = Field(0.04, ge=0, le=1, description="Share of income each war costs per turn.")
    war_score_step: float = Field(
        10.0, ge=1, le=100, description="Most war score (of -100..100) one turn of fighting moves."
    )
    war_losses: float = Field(0.04, ge=0, le=1, description="Share of enemy strength lost per turn.")
    war_luck: float = Field(
        0.25,
        ge=0,
        le=1,
        description="How far luck moves a side's strength in a turn, up or down, as a share.",
    )
    war_stability_loss: float = Field(
        1.0, ge=0, le=100, description="Stability each side of a war loses per turn."
    )
    war_min_army: float = Field(5.0, ge=0, le=10000, description="The smallest army that may declare a war.")
    home_ground: float = Field(
        0.1, ge=0, le=5, description="Extra share of strength a defender draws from fighting at home."
    )
    home_guard: float = Field(
        1.0,
        ge=0,
        le=10,
        description="Strength a defender's people add per point of its economy, army or none.",
    )
    ally_share: float = Field(
        0.3, ge=0, le=1, description="Share of an ally's strength that helps in a war it fights too."
    )
    access_bonus: float = Field(
        0.1, ge=0, le=5, description="Extra share of strength from an ally's land that borders the enemy."
    )
    capitulation_strength: float = Field(
        1.0,
        ge=0,
        le=10000,
        description="A side whose strength (allies' help counted) falls to this capitulates.",
    )
    exhaustion_per_turn: float = Field(
        4.0, ge=0, le=100, description="War exhaustion a side gains in a turn against an equal foe."
    )
    exhaustion_strength_loss: float = Field(
        0.4, ge=0, le=1, description="Share of its strength a side has lost at full war exhaustion (100)."
    )
    exhaustion_recovery: float = Field(
        5.0, ge=0, le=100, description="War exhaustion a region at peace sheds each turn."
    )
    aggression_reputation: float = Field(
        5.0,
        ge=0,
        le=100,
        description="Reputation lost by declaring a war (not by joining one to defend an ally).",
    )
    ignored_call_reputation: float = Field(
        6.0, ge=0, le=100, description="Reputation lost by declining or ignoring an ally's call to arms."
    )
    terms_grace: int = Field(
        4, ge=1, le=100, description="Turns a victor has to impose terms before a white peace is forced."
    )
    # --- peace and annexation ------------------------------------------------------------------
    tribute_turns: int = Field(10, ge=1, le=200, description="Turns a tribute of a peace is paid.")
    max_tribute_share: float = Field(
        0.5, gt=0, le=1, description="The most tribute a turn, as a share of the payer's economy."
    )
    annex_military_share: float = Field(
        0.5, ge=0, le=1, description="Share of an annexed region's army the victor gains."
    )
    annex_economy_share: float = Field(
        0.75, ge=0, le=1, description="Share of an annexed region's economy the victor gains."
    )
    annex_treasury_share: float = Field(
        0.5, ge=0, le=1, description="Share of an annexed region's gold the victor gains."
    )
    # --- deals --------------------------------------------------------------------------------
    deal_terms: int = Field(6, ge=1, le=20, description="The most terms one deal may hold.")
    deal_rounds: int = Field(
        3,
        ge=0,
        le=20,
        description="Counter-offers a deal may go through before it must be accepted or declined.",
    )
    deal_payment_turns: int = Field(
        20, ge=1, le=200, description="The most turns a deal's gold each turn may be paid for."
    )
    # --- introductions and mediation -----------------------------------------------------------
    introduction_share: float = Field(
        0.3,
        ge=0,
        le=1,
        description="Share of its opinion of the one who vouched that a region gives the newcomer.",
    )
    mediation_reputation: float = Field(
        8.0, ge=0, le=100, description="Reputation a region gains by brokering a peace."
    )
    mediation_reputation_ceiling: float = Field(
        75.0, ge=0, le=100, description="Brokering peace raises reputation no higher than this."
    )
    mediation_tribute_score: float = Field(
        30.0,
        ge=0,
        le=100,
        description="War score from which a mediated peace has the side behind pay a tribute.",
    )
    mediation_tribute_share: float = Field(
        0.1, ge=0, le=1, description="That tribute a turn, as a share of the payer's economy."
    )
    # --- organisations --------------------------------------------------------------------------
    session_every: int = Field(5, ge=1, le=100, description="Default turns between organisation sessions.")
    resolution_majority: float = Field(
        0.5,
        ge=0,
        lt=1,
        description="A resolution passes when more than this share of the members who may vote says yes.",
    )
    sanction_share: float = Field(
        0.66,
        ge=0,
        le=1,
        description="Share of the members voting yes from which a condemnation brings sanctions.",
    )
    condemned_reputation: float = Field(
        5.0,
        ge=0,
        le=100,
        description="Reputation lost when condemned, and again when defying it past the deadline.",
    )
    compliance_reputation: float = Field(
        3.0,
        ge=0,
        le=100,
        description="Reputation gained by doing what a resolution asked before its deadline.",
    )
    embargo_reputation: float = Field(
        3.0,
        ge=0,
        le=100,
        description="Reputation lost by an embargo on a region neither hostile, condemned nor rogue.",
    )
    rogue_reputation: float = Field(10.0, ge=0, le=100, description="Reputation lost when marked rogue.")
    rogue_turns: int = Field(
        10, ge=1, le=200, description="Turns a passed resolution's demands and a rogue mark last."
    )
    leverage_threshold: float = Field(1.6, ge=1, le=100, description="Income ratio of a lopsided deal.")
    tariff: float = Field(
        0.3, ge=0, le=1, description="Share of a condemned deal's income its richer side pays as tariff."
    )
    org_trade_rate: float = Field(0.02, ge=0, le=1, description="Income from each fellow trade-body member.")
    org_trade_cap: float = Field(
        0.2, ge=0, le=10, description="The most a region earns from trade bodies, as a share of its economy."
    )
    # --- score ----------------------------------------------------------------------------------
    score_economy: float = Field(3.0, ge=0, le=100, description="Score per point of economy.")
    score_military: float = Field(
        0.1, ge=0, le=100, description="Score per point of army (as much as the gold it costs would score)."
    )
    score_treasury: float = Field(0.05, ge=0, le=100, description="Score per gold in the treasury.")
    score_treasury_turns: float = Field(
        20.0,
        ge=0,
        le=100000,
        description="Gold scores up to this many turns of the region's economy; a hoard beyond, nothing.",
    )
    score_debt: float = Field(0.1, ge=0, le=100, description="Score lost per gold of debt.")
    score_reputation: float = Field(0.3, ge=0, le=100, description="Score per point of reputation.")
    score_region: float = Field(25.0, ge=0, le=10000, description="Score per region ruled beyond one's own.")
    score_window: int = Field(
        10,
        ge=1,
        le=100,
        description="At the turn limit a score is its mean over this many last turns.",
    )
    ai: AiTuning = Field(default_factory=AiTuning, description="Numbers of the computer players' judgement.")
