"""How the computer players decide, case by case, in the test world of conftest.py.

alba --- bria        cora is a warlord; alba a diplomat; bria and fenn merchants.
 |        |
cora --- dova
 |        |
elda --- fenn
"""

from __future__ import annotations

from collections import Counter

from game.ai.baselines import PassiveAI, RandomAI
from game.ai.registry import AI_NAMES, make_ai
from game.ai.standard import SKILLS, StandardAI
from game.core import actions as A
from game.core.diplomacy import sign_treaty
from game.core.model import GameState, Proposal, Terms
from game.core.relations import add_modifier
from game.core.rng import Rng
from game.core.view import View
from game.session import Session
from tests.conftest import build_world


def _plans(state: GameState, region: str, ai: StandardAI, tries: int = 30) -> list[A.Action]:
    """Every action the player plans over many independent draws of its luck."""
    found: list[A.Action] = []
    for seed in range(tries):
        found += ai.plan(View(state, region), Rng(seed))
    return found


def test_the_warlord_attacks_a_weak_neighbour(world: GameState) -> None:
    """A warlord with a far larger army than its neighbours' declares war on one of them, sooner or
    later, and on one at most in a turn."""
    # given: cora (warlord) is strong, elda (its neighbour, no allies) is weak
    world.regions["cora"].military = 200.0
    world.regions["elda"].military = 5.0
    # when
    plans = [StandardAI().plan(View(world, "cora"), Rng(seed)) for seed in range(30)]
    wars = [a for plan in plans for a in plan if isinstance(a, A.DeclareWar)]
    # then
    assert wars and {a.target for a in wars} <= {"alba", "dova", "elda"}
    assert all(sum(isinstance(a, A.DeclareWar) for a in plan) <= 1 for plan in plans)


def test_the_diplomat_does_not_attack(world: GameState) -> None:
    """The same odds do not move a peaceful diplomat to war."""
    # given: alba (diplomat) is as strong against bria
    world.regions["alba"].military = 200.0
    world.regions["bria"].military = 5.0
    # when / then
    assert not [a for a in _plans(world, "alba", StandardAI()) if isinstance(a, A.DeclareWar)]


def test_nobody_attacks_against_hopeless_odds(world: GameState) -> None:
    """Even a warlord does not declare war on a neighbour much stronger than itself."""
    world.regions["cora"].military = 10.0
    for other in ("alba", "dova", "elda"):
        world.regions[other].military = 300.0
    assert not [a for a in _plans(world, "cora", StandardAI()) if isinstance(a, A.DeclareWar)]


def _trade_offer(world: GameState, sender: str, recipient: str, exclusive: bool) -> Proposal:
    return Proposal(999, "treaty", sender, recipient, Terms(treaty="trade", exclusive=exclusive), 1, 4)


def test_the_diplomat_accepts_a_fair_trade_deal(world: GameState) -> None:
    """A plain trade agreement with a neighbour of good standing is accepted, with its reasons."""
    decision = StandardAI().answer(View(world, "alba"), _trade_offer(world, "bria", "alba", False), Rng(1))
    assert decision.accept
    assert any("Trade helps our economy" in str(r.text) for r in decision.reasons)
    assert decision.total > 0


def test_the_diplomat_rejects_a_lopsided_exclusive_deal_and_says_why(world: GameState) -> None:
    """An exclusive deal from a far richer region is refused, and the answer says it is lopsided."""
    # given: fenn is far richer than alba
    world.regions["fenn"].economy = 120.0
    # when
    decision = StandardAI().answer(View(world, "alba"), _trade_offer(world, "fenn", "alba", True), Rng(1))
    # then
    assert not decision.accept
    lopsided = [r for r in decision.reasons if "favours you far more" in str(r.text)]
    assert lopsided and lopsided[0].weight < -20


def test_every_answer_gives_weighted_reasons_that_add_up_to_it(world: GameState) -> None:
    ai = StandardAI()
    for kind, terms in (
        ("treaty", Terms(treaty="alliance")),
        ("treaty", Terms(treaty="access")),
        ("treaty", Terms(treaty="non_aggression")),
        ("visit", Terms()),
        ("introduction", Terms(about="fenn")),
    ):
        decision = ai.answer(View(world, "alba"), Proposal(5, kind, "bria", "alba", terms, 1, 4), Rng(2))  # type: ignore[arg-type]
        assert decision.reasons, kind
        assert decision.accept == (decision.total > 0), kind


def test_a_refused_proposal_is_not_repeated_within_the_cooldown(world: GameState) -> None:
    """After bria turned down alba's trade offer, alba does not offer it again for a while."""
    # given: alba has an ambassador in bria, and bria refused a trade deal this turn
    world.ambassadors.add(("alba", "bria"))
    world.refusals[("alba", "bria", "trade")] = world.turn
    # when
    offers = [a for a in _plans(world, "alba", StandardAI()) if isinstance(a, A.ProposeTreaty)]
    # then
    assert A.ProposeTreaty("alba", "bria", "trade") not in offers
    assert A.ProposeTreaty("alba", "bria", "trade", True) not in offers


def test_passive_never_acts_and_random_only_plans_legal_actions(world: GameState) -> None:
    assert PassiveAI().plan(View(world, "alba"), Rng(1)) == []
    view = View(world, "cora")
    for seed in range(20):
        for action in RandomAI().plan(view, Rng(seed)):
            assert view.can(action), action


def test_every_named_player_finishes_a_game() -> None:
    """Each kind of computer player can fill every seat of a game without an error."""
    for name in AI_NAMES:
        state = build_world()
        ai = make_ai(name)
        Session(state, {r: ai for r in state.order}, strict=True).play_turns(15)
        assert state.turn >= 2


def test_personalities_play_differently(make_world) -> None:  # type: ignore[no-untyped-def]
    """The same world played by warlords only and by diplomats only gives different news: war and
    embargoes among warlords, organisations among diplomats. Among warlords all arm at once, so
    wars come once one outgrows its neighbours: 80 turns leave time for it."""
    counts = {}
    for personality in ("warlord", "diplomat"):
        kinds: Counter[str] = Counter()
        for seed in (1, 2, 3):
            state = make_world(seed=seed)
            for region in state.regions.values():
                region.personality = personality
            ai = StandardAI()
            Session(state, {r: ai for r in state.order}, strict=True).play_turns(80)
            kinds.update(e.kind for e in state.events)
        counts[personality] = kinds
    assert counts["warlord"]["war_declared"] > counts["diplomat"]["war_declared"]
    assert counts["warlord"]["embargo_imposed"] > counts["diplomat"]["embargo_imposed"]
    assert counts["diplomat"]["joined_organisation"] > counts["warlord"]["joined_organisation"]


def test_a_hard_player_will_not_feed_a_runaway_leader(world: GameState) -> None:
    """When one region's score runs far ahead, a skilled player refuses it trade and says why."""
    # given: fenn grows enormous
    world.regions["fenn"].economy = 400.0
    world.regions["fenn"].military = 500.0
    offer = _trade_offer(world, "fenn", "alba", False)
    # when
    hard = StandardAI("hard").answer(View(world, "alba"), offer, Rng(1))
    easy = StandardAI("easy").answer(View(world, "alba"), offer, Rng(1))
    # then
    assert any("too strong" in str(r.text) for r in hard.reasons)
    assert not any("too strong" in str(r.text) for r in easy.reasons)
    assert hard.total < easy.total


def test_in_a_large_world_quiet_regions_take_turns_at_diplomacy() -> None:
    """From 100 regions, a region at peace with nothing waiting works its diplomacy every other
    turn; one at war always thinks; small worlds are never affected."""
    from game.core.diplomacy import start_war
    from game.scenario.build import new_game
    from game.scenario.generate import generate_scenario

    state = new_game(generate_scenario(120, 3))
    resting = [r for r in state.order if StandardAI._resting(View(state, r))]
    assert 0.3 * len(state.order) < len(resting) < 0.7 * len(state.order)
    region = resting[0]
    state.turn += 1
    assert not StandardAI._resting(View(state, region))  # its turn to think
    state.turn += 1
    enemy = sorted(state.neighbours[region])[0]
    start_war(state, region, enemy)
    assert not StandardAI._resting(View(state, region))  # at war: always thinking
    small = build_world()
    assert not any(StandardAI._resting(View(small, r)) for r in small.order)


# --- reading the others (game/ai/assess.py) ---------------------------------------------------
def test_a_neighbour_joins_the_defence_of_an_attacked_ally(world: GameState) -> None:
    """When an aggressor attacks its ally and the odds are with them, a player declares war on
    the aggressor: the rules count it as the victim's defence."""
    from game.core.diplomacy import start_war

    # given: dova attacks bria; alba, bria's ally and dova's fellow council member, is strong
    sign_treaty(world, "alliance", "alba", "bria")
    world.proposals.clear()
    world.regions["alba"].military = 120.0
    world.regions["dova"].military = 40.0
    start_war(world, "dova", "bria")
    world.proposals.clear()  # the call to arms aside: alba decides on its own
    world.ambassadors.add(("alba", "cora"))
    sign_treaty(world, "access", "alba", "cora")  # cora borders dova: alba can reach it
    # when
    wars = [a for a in _plans(world, "alba", StandardAI()) if isinstance(a, A.DeclareWar)]
    # then
    assert A.DeclareWar("alba", "dova") in wars


def test_a_war_foreseen_lost_is_ended_early_by_the_normal_player_but_fought_on_by_the_easy(
    world: GameState,
) -> None:
    """A player a little behind in its war, fresh and not outnumbered, offers peace when it
    foresees the war lost within its outlook (normal: 4 turns, hard: 8); the easy player, who
    goes by the odds alone, fights on until it tires."""
    from game.ai.assess import war_outlook
    from game.core.diplomacy import start_war

    # given: cora attacked elda and is a little behind; elda's people at home outweigh cora's army
    world.regions["cora"].military = 60.0
    world.regions["elda"].military = 50.0
    world.regions["elda"].economy = 60.0
    war = start_war(world, "cora", "elda")
    world.proposals.clear()
    war.score = -10.0

    # when
    def peace(skill: str) -> bool:
        plans = _plans(world, "cora", StandardAI(skill))
        return any(isinstance(a, A.ProposePeace) and a.target == "elda" for a in plans)

    # then
    assert war_outlook(View(world, "cora"), "elda", SKILLS["normal"].outlook) < -40
    assert peace("normal") and peace("hard")
    assert not peace("easy")


def test_a_skilled_player_starts_no_war_it_foresees_going_against_it(world: GameState) -> None:
    """A warlord that loathes a weaker-looking neighbour still does not attack it when it foresees
    the war going against it within its outlook (its people fight at home); the easy player, who
    goes by the odds and its temper alone, may."""
    from game.ai.assess import war_outlook

    # given: cora (warlord) loathes elda; elda's people at home tip the war its way
    world.regions["cora"].military = 50.0
    add_modifier(world, "cora", "elda", "scenario", -80.0, 0.0)
    assert war_outlook(View(world, "cora"), "elda", SKILLS["normal"].outlook) < 0

    # when
    def attacks(skill: str) -> bool:
        plans = _plans(world, "cora", StandardAI(skill), tries=60)
        return any(isinstance(a, A.DeclareWar) and a.target == "elda" for a in plans)

    # then
    assert not attacks("normal") and not attacks("hard")
    assert attacks("easy")


def test_a_betrayer_is_refused_a_pact_with_the_reason(world: GameState) -> None:
    """A region that broke its word to us is refused a pact, and the answer says so."""
    from game.core.relations import add_modifier

    add_modifier(world, "alba", "bria", "broke_treaty", -30.0, 0.3)
    offer = Proposal(7, "treaty", "bria", "alba", Terms(treaty="non_aggression"), 1, 4)
    decision = StandardAI().answer(View(world, "alba"), offer, Rng(1))
    assert not decision.accept
    assert any("Your word is worth little" in str(r.text) for r in decision.reasons)


def test_visits_lose_their_charm_when_repeated(world: GameState) -> None:
    """The first visit honours the host; a visit soon after another weighs less."""
    from game.core.relations import add_modifier

    visit = Proposal(8, "visit", "bria", "alba", Terms(), 1, 4)
    first = StandardAI().answer(View(world, "alba"), visit, Rng(1))
    add_modifier(world, "alba", "bria", "state_visit", 18.0, 1.0)
    again = StandardAI().answer(View(world, "alba"), visit, Rng(1))
    assert any("not long ago" in str(r.text) for r in again.reasons)
    recent = next(r for r in again.reasons if "not long ago" in str(r.text))
    assert recent.weight < 0 and first.total - again.total > 0


def test_a_player_arms_against_a_neighbour_arming_for_war(world: GameState) -> None:
    """A neighbour with an army far beyond its economy is a menace: a player puts gold into its
    own army rather than its economy."""
    world.regions["alba"].treasury = 400.0
    world.regions["bria"].military = 300.0  # bria's economy is 10
    invested = [a for a in _plans(world, "alba", StandardAI("hard")) if isinstance(a, A.Invest)]
    assert any(a.field == "military" for a in invested)


def test_at_peace_a_margin_of_arms_takes_a_share_of_spare_gold_but_danger_takes_what_it_needs(
    world: GameState,
) -> None:
    """A neighbour's army that our defence already meets asks only for a margin, bought from a
    share of the spare gold; one that outweighs our defence is met with as many recruits as a
    turn allows."""
    world.regions["alba"].treasury = 400.0
    world.regions["alba"].military = 20.0
    world.regions["bria"].military = 45.0  # arming, yet within what alba and its people bring
    margin = [a for a in _plans(world, "alba", StandardAI("hard")) if isinstance(a, A.Invest)]
    armed = [a.amount for a in margin if a.field == "military"]
    spare = 400.0
    assert armed and max(armed) <= world.rules.ai.peace_arms_share * spare + 1e-6
    world.regions["bria"].military = 300.0  # far beyond it
    danger = [a for a in _plans(world, "alba", StandardAI("hard")) if isinstance(a, A.Invest)]
    most = View(world, "alba").recruits_left() / world.rules.invest_military_rate  # a turn's recruits
    assert max(a.amount for a in danger if a.field == "military") == min(most, spare) > max(armed)


def test_a_region_that_joined_a_war_arms_for_it_since_its_people_fight_only_at_home(
    world: GameState,
) -> None:
    """A region that joins a war to defend an ally fights the aggressor on the aggressor's land:
    its own people do not count there, so a rich region with a small army puts gold into its army
    rather than its economy, however safe its people make it at home."""
    from game.core.diplomacy import start_war

    # given: dova attacked bria; alba, rich and lightly armed, joined to defend bria
    sign_treaty(world, "alliance", "alba", "bria")
    world.regions["alba"].economy = 80.0
    world.regions["alba"].treasury = 600.0
    world.regions["alba"].military = 5.0
    world.regions["dova"].military = 40.0
    start_war(world, "dova", "bria")
    start_war(world, "alba", "dova", ally_of="bria")
    world.proposals.clear()
    # when
    invested = [a for a in _plans(world, "alba", StandardAI()) if isinstance(a, A.Invest)]
    # then
    assert any(a.field == "military" for a in invested)


def test_a_state_visit_is_paid_for_from_a_surplus_not_from_a_poor_regions_growth(world: GameState) -> None:
    """A state visit costs gold a poor region's economy needs: a computer player pays for one
    only when a turn's income is at least `visit_income` times its cost."""
    # given: alba has gold in hand but a small income
    world.regions["alba"].treasury = 200.0
    least = world.rules.ai.visit_income * world.rules.visit_cost
    assert View(world, "alba").income().total < least

    def visits() -> list[A.Action]:
        return [a for a in _plans(world, "alba", StandardAI()) if isinstance(a, A.StateVisit)]

    # then: no visit; with a larger economy, visits
    assert not visits()
    world.regions["alba"].economy = 60.0
    assert View(world, "alba").income().total >= least
    assert visits()


def test_a_warlord_arms_for_a_prey_within_reach_and_grows_its_economy_while_none_is(
    world: GameState,
) -> None:
    """A warlike region at peace raises an army for the war it wants when the weakest prey's
    defence is within a few turns (`arms_reach`) of its income; while every neighbour is far
    beyond that (their people fight at home), its gold goes into its economy instead."""

    def invested(field: str) -> bool:
        plans = _plans(world, "cora", StandardAI())
        return any(isinstance(a, A.Invest) and a.field == field for a in plans)

    # given: cora (warlord) and weak neighbours: the prey is within reach
    assert invested("military")
    # when: every neighbour's people make it far stronger than cora could soon become
    for other in ("alba", "dova", "elda"):
        world.regions[other].economy = 150.0
    # then
    assert not invested("military") and invested("economy")


def test_a_small_region_keeps_no_more_envoys_than_its_economy_bears(world: GameState) -> None:
    """Each ambassador costs gold every turn: a region of economy 10 keeps one, however keen its
    temper; a rich one sends more."""
    world.regions["alba"].economy = 10.0
    world.regions["alba"].treasury = 500.0
    world.ambassadors.add(("alba", "bria"))
    assert int(world.rules.ai.envoy_budget * 10.0 / world.rules.ambassador_upkeep) <= 1
    sent = [a for a in _plans(world, "alba", StandardAI("hard")) if isinstance(a, A.SendAmbassador)]
    assert not sent
    world.regions["alba"].economy = 200.0
    sent = [a for a in _plans(world, "alba", StandardAI("hard")) if isinstance(a, A.SendAmbassador)]
    assert sent


def test_an_economy_is_built_early_and_gold_kept_at_the_very_end(world: GameState) -> None:
    """Early, spare gold goes into the economy; on the last turns a large economy grows too
    slowly for it, and gold is worth more kept, unless it is a hoard that scores nothing."""
    world.regions["alba"].treasury = 4000.0
    early = [a for a in _plans(world, "alba", StandardAI("hard")) if isinstance(a, A.Invest)]
    assert any(a.field == "economy" for a in early)
    world.regions["alba"].economy = 200.0
    world.regions["alba"].treasury = 3000.0  # under the score's cap of 20 turns of economy
    world.turn = world.turn_limit - 1
    late = [a for a in _plans(world, "alba", StandardAI("hard")) if isinstance(a, A.Invest)]
    assert not any(a.field == "economy" for a in late)
    world.regions["alba"].treasury = 9000.0  # past it
    hoard = [a for a in _plans(world, "alba", StandardAI("hard")) if isinstance(a, A.Invest)]
    assert any(a.field == "economy" for a in hoard)


def test_no_reason_that_weighs_nothing_is_given(world: GameState) -> None:
    """A player's answer lists only reasons with weight: "Kinship 0" tells the player nothing."""
    ai = StandardAI()
    for sender in ("bria", "cora", "dova"):
        for terms in (Terms(treaty="alliance"), Terms(treaty="trade")):
            decision = ai.answer(
                View(world, "alba"), Proposal(9, "treaty", sender, "alba", terms, 1, 4), Rng(3)
            )
            assert all(round(r.weight) != 0 for r in decision.reasons)


def test_what_computers_see_of_the_race_follows_investments_and_annexations_within_a_turn(make_world) -> None:  # type: ignore[no-untyped-def]
    """The race to victory is worked out once and shared by every computer player, but an
    investment or an annexation in the middle of the turn is seen by the next one to look."""
    from game.ai import assess
    from game.core.diplomacy import annex
    from game.core.engine import apply

    world = make_world(victory={"economic": {"share": 0.4, "turns": 3}, "conquest": {"share": 0.5}})

    def race(viewer: str) -> dict[tuple[str, str], float]:
        return {(d.region, d.how): d.progress for d in assess.progress(View(world, viewer), 1.5)}

    before = race("alba")
    # when: fenn invests in its economy
    world.regions["fenn"].treasury = 1_000.0
    assert apply(world, A.Invest("fenn", "economy", 500.0)).ok
    # then the next region to look sees it nearer an economic victory
    assert race("bria")[("fenn", "economic")] > before[("fenn", "economic")]
    # and when cora takes two regions, it is seen one region short of conquest
    assert ("cora", "conquest") not in race("alba")
    annex(world, "dova", "cora")
    annex(world, "elda", "cora")
    assert race("bria")[("cora", "conquest")] == 1.0
    assert "dova" not in world.living() and "elda" not in world.living()


def test_gold_that_would_pile_up_past_what_the_score_counts_goes_into_the_economy(world: GameState) -> None:
    """With sixty turns left, a rich region under the score's cap on gold still invests when the
    income of the turns left would carry it past the cap: that part of the hoard would score
    nothing, so growth is the better use of it."""
    world.regions["alba"].economy = 200.0
    world.regions["alba"].treasury = 3000.0  # under the cap of 20 turns of economy, 4000
    world.turn = world.turn_limit - 60
    assert View(world, "alba").income().total * 60 + 3000.0 > world.rules.score_treasury_turns * 200.0
    invested = [a for a in _plans(world, "alba", StandardAI("normal")) if isinstance(a, A.Invest)]
    assert any(a.field == "economy" for a in invested)


def test_only_an_easy_player_embargoes_a_region_it_merely_loathes(world: GameState) -> None:
    """An embargo without a cause others can see (an aggression, a war, a rogue, an ally's enemy)
    costs its author reputation, trade and goodwill: the skilled hold back their spite, the easy
    do not."""
    add_modifier(world, "cora", "dova", "test_feud", -90.0, 0.0)
    assert View(world, "cora").opinion_of("dova") < -45 and not View(world, "cora").at_war("dova")

    def embargoes(skill: str) -> list[A.Action]:
        plans = _plans(world, "cora", StandardAI(skill), tries=60)
        return [a for a in plans if isinstance(a, A.ImposeEmbargo) and a.target == "dova"]

    assert embargoes("easy")
    assert not embargoes("normal") and not embargoes("hard")


def test_a_region_running_away_with_the_game_is_embargoed_by_those_who_see_it_coming(
    world: GameState,
) -> None:
    """The balance of power in trade: a region far ahead on score is embargoed by skilled
    neighbours without any grudge (the embargo is held while it leads); its ally holds back, and
    so does a trade partner, who alone would pay for it in trade lost; an easy player does not see
    the danger."""
    world.regions["fenn"].economy = 400.0  # far ahead of everyone on the published standings
    world.regions["elda"].treasury = 500.0

    def embargoes(skill: str) -> list[A.Action]:
        plans = _plans(world, "elda", StandardAI(skill), tries=60)
        return [a for a in plans if isinstance(a, A.ImposeEmbargo) and a.target == "fenn"]

    assert View(world, "elda").opinion_of("fenn") > -45  # no grudge that would explain it
    assert embargoes("hard") and embargoes("normal")
    assert not embargoes("easy")

    sign_treaty(world, "trade", "elda", "fenn")
    assert not embargoes("hard")
    for treaty in list(world.treaties.values()):
        if set(treaty.parties) == {"elda", "fenn"}:
            world.remove_treaty(treaty)
    sign_treaty(world, "alliance", "elda", "fenn")
    assert not embargoes("hard")


def test_a_skilled_player_keeps_more_trade_partners_than_its_temper_asks_for(world: GameState) -> None:
    """Every trade agreement pays: with as many partners as a diplomat's temper wants, a normal
    player says it has enough; a hard one still takes another."""

    for partner in ("bria", "cora", "dova", "elda"):
        sign_treaty(world, "trade", "alba", partner)
    offer = _trade_offer(world, "fenn", "alba", False)
    normal = StandardAI("normal").answer(View(world, "alba"), offer, Rng(1))
    hard = StandardAI("hard").answer(View(world, "alba"), offer, Rng(1))
    assert any("partners enough" in str(r.text) for r in normal.reasons)
    assert not any("partners enough" in str(r.text) for r in hard.reasons)


def test_a_poorer_region_with_no_trade_to_lose_takes_an_exclusive_deal_that_pays_it(world: GameState) -> None:
    """bria (economy 10), with no trade partner, takes an exclusive trade agreement from its richer
    neighbour alba (20): it pays bria more than an open one and costs it no other partner."""
    decision = StandardAI().answer(View(world, "bria"), _trade_offer(world, "alba", "bria", True), Rng(1))
    assert decision.accept
    assert any(
        "Exclusivity adds to what this deal pays us" in str(r.text) and r.weight > 0 for r in decision.reasons
    )


def test_a_region_with_trade_partners_will_not_give_them_up_for_an_exclusive_deal(world: GameState) -> None:
    """The same offer is refused once bria trades with dova, cora and fenn: exclusivity would end
    all three."""
    for partner in ("dova", "cora", "fenn"):
        sign_treaty(world, "trade", "bria", partner)
    decision = StandardAI().answer(View(world, "bria"), _trade_offer(world, "alba", "bria", True), Rng(1))
    assert not decision.accept
    assert any("lose our other trade partners" in str(r.text) for r in decision.reasons)


def test_a_richer_region_turned_down_offers_exclusivity_again_with_gold_in_it(world: GameState) -> None:
    """fenn (economy 30) was refused trade by elda (8), which trades with no one: sooner or later it
    offers the exclusive agreement again as a deal with some of its gold in it."""
    world.ambassadors.add(("fenn", "elda"))
    world.refusals[("fenn", "elda", "trade")] = world.turn
    deals = [
        a for a in _plans(world, "fenn", StandardAI()) if isinstance(a, A.ProposeDeal) and a.target == "elda"
    ]
    priced = [
        d for d in deals if any(t.exclusive for t in d.terms) and any(t.kind == "gold" for t in d.terms)
    ]
    assert priced


def test_no_exclusivity_is_asked_of_a_region_with_partners_enough_to_refuse_it(world: GameState) -> None:
    """fenn does not offer exclusive trade to elda once elda trades with three others."""
    world.ambassadors.add(("fenn", "elda"))
    for partner in ("cora", "dova", "alba"):
        sign_treaty(world, "trade", "elda", partner)
    offers = [
        a
        for a in _plans(world, "fenn", StandardAI())
        if isinstance(a, A.ProposeTreaty) and a.target == "elda"
    ]
    assert offers and not [a for a in offers if a.exclusive]


def test_a_skilled_player_lifts_an_embargo_its_organisation_condemned(world: GameState) -> None:
    """An organisation that condemned an embargo asks its member to lift it and condemns it again
    every session it stands: a hard player lifts it, however much it still dislikes the region; a
    normal player holds it while its grudge lasts."""
    from game.core.model import Demand

    # given: alba (a diplomat) embargoes bria, whom it dislikes, and the market condemned it
    world.embargoes.add(("alba", "bria"))
    add_modifier(world, "alba", "bria", "scenario", -60.0, 0.0)
    world.organisations["market"].demands["alba"] = Demand("condemn_embargo", world.turn + 5, "bria")

    # when
    def lifts(skill: str) -> bool:
        plans = _plans(world, "alba", StandardAI(skill))
        return any(isinstance(a, A.LiftEmbargo) and a.target == "bria" for a in plans)

    # then
    assert lifts("hard") and lifts("expert")
    assert not lifts("normal")
