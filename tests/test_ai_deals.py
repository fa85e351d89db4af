"""Computer players and deals: the whole deal weighed term by term, the nearest deal offered back
when they refuse, a counter-offer they keep to, and no more to be had by asking again."""

from __future__ import annotations

import pytest

from game.ai.standard import StandardAI
from game.catalogue import find
from game.cli import deal_counts
from game.core import actions as A
from game.core.engine import apply
from game.core.model import GameState, Term
from game.core.relations import treaty_between
from game.core.rng import Rng
from game.core.view import View
from game.scenario.build import new_game
from game.scenario.loader import load_scenario
from game.session import Session
from tests.conftest import build_world

PACT = Term("treaty", treaty="non_aggression")


def _session(world: GameState, skill: str = "normal") -> Session:
    ai = StandardAI(skill)
    return Session(world, {r: ai for r in world.order if r != "alba"}, strict=True)  # alba is a person


def _offer(session: Session, *terms: Term, to: str = "dova") -> None:
    session.state.regions["alba"].actions_left = 5  # budget is not what these rules are about
    assert session.submit(A.ProposeDeal("alba", to, terms)).ok


def _counter(world: GameState) -> tuple[Term, ...]:
    (waiting,) = View(world, "alba").inbox()
    assert waiting.kind == "deal" and waiting.terms.counter_of is not None
    return waiting.terms.deal


def _gold_asked(terms: tuple[Term, ...]) -> float:
    return sum(t.gold for t in terms if t.kind == "gold" and t.giver == "alba")


def _world() -> GameState:
    world = build_world()
    world.ambassadors.add(("alba", "dova"))
    world.regions["alba"].contacts.add("dova")
    return world


def _propose(world: GameState, *terms: Term) -> int:
    world.proposals.clear()
    world.regions["alba"].actions_left = 5
    outcome = apply(world, A.ProposeDeal("alba", "dova", terms))
    assert outcome.proposal is not None
    return outcome.proposal.id


def test_gold_sweetens_a_deal_in_proportion_to_the_judges_income():
    """The same treaty weighs more with gold in it; gold counts against the judge's own income."""
    world = _world()
    ai, view = StandardAI(), View(world, "dova")
    plain = world.proposals[_propose(world, PACT)]
    sweet = world.proposals[_propose(world, PACT, Term("gold", "alba", gold=24.0))]
    gained = sum(r.weight for r in ai.weighed(view, sweet)) - sum(r.weight for r in ai.weighed(view, plain))
    assert gained == pytest.approx(
        world.rules.ai.deal_gold_value * 24.0 / world.regions["dova"].economy, abs=0.2
    )


@pytest.mark.parametrize("skill", ["easy", "normal", "hard"])
def test_a_refused_deal_gets_a_counter_offer_the_refuser_accepts_sent_back_unchanged(skill):
    """Dova refuses a bare pact and offers back the nearest deal it would take; alba walks away,
    then sends that very counter-offer as a new deal: dova accepts it."""
    # given
    world = _world()
    session = _session(world, skill)
    _offer(session, PACT)
    assert not session.answers[-1].decision.accept
    counter = _counter(world)
    # when: alba declines the counter-offer, then proposes its terms itself
    (waiting,) = View(world, "alba").inbox()
    assert session.submit(A.Answer("alba", waiting.id, False)).ok
    _offer(session, *counter)
    # then
    assert session.answers[-1].decision.accept
    assert treaty_between(world, "alba", "dova", "non_aggression") is not None


def test_the_proposer_may_simply_accept_the_counter_offer():
    world = _world()
    session = _session(world)
    _offer(session, PACT)
    counter = _counter(world)
    treasury = world.regions["alba"].treasury
    (waiting,) = View(world, "alba").inbox()
    assert session.submit(A.Answer("alba", waiting.id, True)).ok
    assert treaty_between(world, "alba", "dova", "non_aggression") is not None
    assert world.regions["alba"].treasury == treasury - _gold_asked(counter)


def test_the_easy_ask_less_than_the_hard():
    """The same refused deal: the easy player's counter-offer asks for less gold than the hard one's."""
    asked = {}
    for skill in ("easy", "hard"):
        world = _world()
        _offer(_session(world, skill), PACT)
        asked[skill] = _gold_asked(_counter(world))
    assert 0 < asked["easy"] < asked["hard"]


@pytest.mark.parametrize("skill", ["easy", "normal", "hard"])
def test_asking_again_in_the_same_turn_gets_nothing_more(skill):
    """Walking away from a counter-offer and asking for the same deal again in the same turn earns
    no better counter-offer: the refuser remembers being asked."""
    world = _world()
    session = _session(world, skill)
    counters = []
    for _ in range(3):
        _offer(session, PACT)
        waiting = View(world, "alba").inbox()
        # no counter-offer at all is nothing better either
        counters.append(_gold_asked(waiting[0].terms.deal) if waiting else float("inf"))
        if waiting:
            assert session.submit(A.Answer("alba", waiting[0].id, False)).ok
    assert counters == sorted(counters) and counters[0] > 0
    assert counters[1] > counters[0]  # remembered: the second asking costs more
    assert world.deal_asks[("alba", "dova")] == 3


def test_a_hard_player_cannot_be_milked_by_counter_offers_of_its_own():
    """Haggling down a hard player's counter-offer by countering it gets no cheaper deal from it."""
    world = _world()
    session = _session(world, "hard")
    _offer(session, PACT)
    first = _gold_asked(_counter(world))
    (waiting,) = View(world, "alba").inbox()
    cheaper = tuple(
        t if t.kind != "gold" else Term("gold", "alba", gold=round(t.gold / 2)) for t in waiting.terms.deal
    )
    assert session.submit(A.Answer("alba", waiting.id, False, cheaper)).ok
    assert not session.answers[-1].decision.accept
    assert _gold_asked(_counter(world)) >= first


def test_computer_players_haggle_among_themselves_for_bounded_rounds():
    """A deal between two computer players goes back and forth as counter-offers, each answered at
    once by the same judgement, and stops within deal_rounds counter-offers: nothing is left waiting."""
    world = build_world(rules={"deal_rounds": 2})
    session = Session(world, dict.fromkeys(world.order, StandardAI("hard")), strict=True)
    world.ambassadors.add(("cora", "dova"))
    while session.current != "cora":
        session.end_region_turn()
    assert session.submit(A.ProposeDeal("cora", "dova", (PACT, Term("gold", "dova", gold=40.0)))).ok
    answers = [r for r in session.answers if r.kind == "deal"]
    assert 2 <= len(answers) <= 3  # refused with a counter-offer, which was answered in turn
    assert answers[0].decision.counter
    assert not answers[-1].decision.counter or len(answers) < 3
    assert not any(p.kind == "deal" for p in world.proposals.values())


def test_a_treaty_turned_down_is_offered_again_as_a_deal_with_gold():
    """A computer player that still wants trade its partner turned down offers it again as a deal
    with some of its spare gold in it (the partner may name its price), not as the same treaty."""
    world = build_world()
    world.ambassadors.add(("alba", "bria"))
    world.refusals[("alba", "bria", "trade")] = world.turn
    world.regions["alba"].treasury = 400.0
    plans = [StandardAI().plan(View(world, "alba"), Rng(seed)) for seed in range(10)]
    offered = [a for plan in plans for a in plan if isinstance(a, A.ProposeDeal) and a.target == "bria"]
    assert offered
    assert not any(
        isinstance(a, A.ProposeTreaty) and a.target == "bria" and a.kind == "trade" for p in plans for a in p
    )
    terms = offered[0].terms
    assert Term("treaty", treaty="trade") in terms
    assert any(t.kind == "gold" and t.giver == "alba" and t.gold >= 1 for t in terms)
    # and once the deal too was turned down, it waits like any refused request
    world.refusals[("alba", "bria", "deal")] = world.turn
    plans = [StandardAI().plan(View(world, "alba"), Rng(seed)) for seed in range(10)]
    assert not any(isinstance(a, A.ProposeDeal) and a.target == "bria" for p in plans for a in p)


def test_the_simulation_report_counts_deals_and_counter_offers():
    """Offered (first rounds), accepted, counter-offers made and counter-offers accepted."""
    world = _world()
    session = _session(world)
    _offer(session, PACT)  # refused with a counter-offer
    (waiting,) = View(world, "alba").inbox()
    assert session.submit(A.Answer("alba", waiting.id, True)).ok  # the counter-offer accepted
    _offer(session, Term("treaty", treaty="trade"), to="dova")  # another, whatever its fate
    counts = deal_counts(world)
    assert counts["proposed"] == 2 and counts["counter_offers"] >= 1
    assert counts["counter_offers_accepted"] == 1 and counts["accepted"] >= 1


@pytest.mark.slow
@pytest.mark.parametrize("scenario", ["tutorial", "lakeshore", "straits", "meridia"])
def test_computer_players_make_and_accept_counter_offers_on_every_shipped_map(scenario):
    """Over the first 60 turns of three games (one game may pass with few deals, all taken or
    turned down outright), computer players counter refused deals and accept counter-offers."""
    total: dict[str, int] = {}
    for seed in (1, 2, 3):
        state = new_game(load_scenario(find(scenario).path).scenario, seed)
        session = Session(state, dict.fromkeys(state.order, StandardAI()), strict=True)
        session.play_turns(60)
        for key, count in deal_counts(state).items():
            total[key] = total.get(key, 0) + count
    assert total["counter_offers"] > 0 and total["counter_offers_accepted"] > 0, total


def test_a_computer_player_offers_to_buy_off_an_embargo_on_it():
    """Under an embargo from a region where it keeps an ambassador, a computer player offers a deal:
    the embargo lifted, for some of its gold."""
    world = build_world()
    world.ambassadors.add(("alba", "bria"))
    world.embargoes.add(("bria", "alba"))
    world.regions["alba"].treasury = 400.0
    plans = [StandardAI().plan(View(world, "alba"), Rng(seed)) for seed in range(10)]
    offered = [a for plan in plans for a in plan if isinstance(a, A.ProposeDeal) and a.target == "bria"]
    assert offered
    assert offered[0].terms[0] == Term("lift_embargo", "bria")
    assert any(t.kind == "gold" and t.giver == "alba" for t in offered[0].terms)


def test_a_person_finds_the_counter_offer_in_the_inbox_with_its_terms():
    """A person's deal refused comes back as an ordinary proposal in the inbox, its terms spelled
    out, to accept or decline with the ordinary answers."""
    from game.ui.proposal_texts import answer_lines, proposal_line

    world = _world()
    session = _session(world)
    _offer(session, PACT)
    name = str.capitalize
    verdict = answer_lines(session.answers[-1], lambda m: m.render(name), name)[0]
    assert verdict == "Dova refuses, and offers other terms: see your inbox."
    (waiting,) = View(world, "alba").inbox()
    line = proposal_line(world, waiting, lambda r: r.capitalize() if r in world.regions else r)
    gold = _gold_asked(waiting.terms.deal)
    assert line.startswith("Dova answers with a counter-offer: a non-aggression pact for 10 turns;")
    assert f"Alba pays {gold:g} gold now" in line
    answers = {
        (o.action.accept, o.allowed)
        for o in View(world, "alba").available(None)
        if isinstance(o.action, A.Answer)
    }
    assert answers == {(True, True), (False, True)}


def test_a_computer_player_asks_a_bound_partner_to_leave_its_exclusive_deal_for_trade():
    """Wanting trade with a region bound to another partner alone, a computer player offers a deal:
    leave that exclusive agreement, sign trade with us (with some gold in it)."""
    from game.core.diplomacy import sign_treaty

    world = build_world()
    world.ambassadors.add(("alba", "bria"))
    sign_treaty(world, "trade", "bria", "dova", exclusive=True)
    world.regions["alba"].treasury = 400.0
    assert world.treaties_of("bria")[0].bound == "bria"
    plans = [StandardAI().plan(View(world, "alba"), Rng(seed)) for seed in range(10)]
    offered = [a for plan in plans for a in plan if isinstance(a, A.ProposeDeal) and a.target == "bria"]
    assert offered
    assert offered[0].terms[:2] == (
        Term("leave_exclusive", "bria", about="dova"),
        Term("treaty", treaty="trade"),
    )


@pytest.mark.parametrize("round_", [1, 2])
def test_counter_offers_move_gold_one_way_and_a_proposer_asks_none_for_what_it_sought(round_):
    """Haggling over gold nets it: a counter-offer never has both sides paying. Answering a
    counter-offer to its own deal (an odd round), a player may pay less but asks no gold of the
    side it asked a favour of; answering a deal offered to it, it may ask gold."""
    from game.core.diplomacy import propose
    from game.core.model import Terms

    world = _world()
    world.ambassadors.add(("dova", "alba"))
    terms = Terms(deal=(PACT, Term("gold", "alba", gold=60.0)), round=round_, counter_of=1)
    proposal = propose(world, "deal", "dova", "alba", terms)
    decision = StandardAI("hard").answer(View(world, "alba"), proposal, Rng(1))
    assert not decision.accept
    payers = {t.giver for t in decision.counter if t.kind == "gold"}
    assert len(payers) <= 1
    if round_ % 2:
        assert "dova" not in payers
    else:
        assert payers == {"dova"}, "offered a deal, it names its price"


# --- peace, alliances, wars and ambassadors in a deal ----------------------------------------------
PEACE = Term("peace")


def _weight(world: GameState, judge: str, sender: str, *terms: Term, kind: str = "deal") -> float:
    from game.core.diplomacy import propose
    from game.core.model import Terms

    proposal = propose(world, "deal" if kind == "deal" else "peace", sender, judge, Terms(deal=terms))
    del world.proposals[proposal.id]
    return sum(r.weight for r in StandardAI().weighed(View(world, judge), proposal))


def test_a_peace_in_a_deal_is_weighed_as_a_peace_offer_and_reparations_sweeten_it():
    """A deal that only makes peace weighs what a white peace offered weighs (no blame for the
    aggressor seeking a way out); reparations in it weigh as gold does."""
    from game.core.diplomacy import start_war

    world = _world()
    start_war(world, "alba", "dova")
    world.regions["dova"].exhaustion = 50.0
    peace = _weight(world, "dova", "alba", kind="peace")
    assert _weight(world, "dova", "alba", PEACE) == pytest.approx(peace)
    assert _weight(world, "dova", "alba", PEACE, Term("gold", "alba", gold=30.0)) > peace


def test_a_counter_offer_to_a_peace_deal_keeps_the_peace():
    """Asked for reparations it will not pay, a region at war answers with a deal that still makes
    peace: between enemies a deal without it could not be offered."""
    from game.ai import deals
    from game.core.diplomacy import propose, start_war
    from game.core.model import Terms

    world = _world()
    start_war(world, "dova", "alba")
    world.wars_of("alba")[0].score = -30.0  # alba, the defender, is ahead
    world.regions["dova"].exhaustion = 60.0
    proposal = propose(world, "deal", "alba", "dova", Terms(deal=(PEACE, Term("gold", "dova", gold=90.0))))
    counter = deals.counter_offer(StandardAI(), View(world, "dova"), proposal)
    assert PEACE in counter
    assert Term("gold", "dova", gold=90.0) not in counter


def test_joining_a_war_weighs_against_unless_the_enemy_is_disliked_or_an_aggressor():
    """Joining a war is a war of one's own: against, less so against an aggressor (it joins the
    victim's defence); the other side joining our war is welcome."""
    from game.core.diplomacy import start_war

    world = _world()
    world.regions["dova"].contacts.add("cora")
    start_war(world, "alba", "cora")  # alba the aggressor
    join = Term("join_war", "dova", about="cora")
    against_victim = _weight(world, "dova", "alba", join) - _weight(world, "dova", "alba", PACT)
    world2 = _world()
    start_war(world2, "cora", "alba")  # cora the aggressor
    against_aggressor = _weight(world2, "dova", "alba", join) - _weight(world2, "dova", "alba", PACT)
    assert against_victim < 0 and against_victim < against_aggressor
    world3 = _world()
    world3.regions["alba"].contacts.add("fenn")
    start_war(world3, "fenn", "dova")
    helped = Term("join_war", "alba", about="fenn")
    assert _weight(world3, "dova", "alba", PACT, helped) > _weight(world3, "dova", "alba", PACT) + 20


def test_leaving_an_alliance_weighs_by_loyalty_and_by_the_threat_lifted():
    """Asked to leave its own alliance a region counts its word and its loyalty; the other side
    leaving an alliance with an enemy of ours is worth more than leaving one with a stranger."""
    from game.core.diplomacy import sign_treaty, start_war

    world = _world()
    sign_treaty(world, "alliance", "dova", "fenn")
    leave = Term("leave_alliance", "dova", about="fenn")
    assert _weight(world, "dova", "alba", PACT, leave) < _weight(world, "dova", "alba", PACT) - 20
    sign_treaty(world, "alliance", "alba", "cora")
    theirs = Term("leave_alliance", "alba", about="cora")
    calm = _weight(world, "dova", "alba", PACT, theirs)
    start_war(world, "cora", "dova")
    assert _weight(world, "dova", "alba", PACT, theirs) - _weight(world, "dova", "alba", PACT) > 10
    assert calm - _weight(world, "dova", "alba", PACT) < 10


def test_an_ambassador_weighs_by_the_upkeep_the_sender_can_afford():
    """An ambassador sent to us is a courtesy; one we must send past the embassies our purse bears
    weighs against."""
    world = _world()
    base = _weight(world, "dova", "alba", PACT)
    assert _weight(world, "dova", "alba", PACT, Term("ambassador", "alba")) > base
    world.regions["dova"].economy = 1.0  # one embassy at most
    world.ambassadors.add(("dova", "bria"))
    base = _weight(world, "dova", "alba", PACT)
    assert _weight(world, "dova", "alba", PACT, Term("ambassador", "dova")) < base


def test_the_side_behind_offers_reparations_when_its_white_peace_was_turned_down():
    """A tired computer player losing a war whose white peace was refused offers peace with gold."""
    from game.core.diplomacy import start_war

    world = build_world()
    start_war(world, "alba", "bria")
    world.wars_of("alba")[0].score = -50.0
    world.regions["alba"].exhaustion = 80.0
    world.regions["alba"].treasury = 400.0
    world.refusals[("alba", "bria", "peace")] = world.turn
    plans = [StandardAI().plan(View(world, "alba"), Rng(seed)) for seed in range(5)]
    offered = [a for plan in plans for a in plan if isinstance(a, A.ProposeDeal) and a.target == "bria"]
    assert offered
    assert offered[0].terms[0] == PEACE
    assert any(t.kind == "gold" and t.giver == "alba" for t in offered[0].terms)
    # an embargo of ours on the enemy would stop the gold: the deal lifts it
    world.embargoes.add(("alba", "bria"))
    plans = [StandardAI().plan(View(world, "alba"), Rng(seed)) for seed in range(5)]
    offered = [a for plan in plans for a in plan if isinstance(a, A.ProposeDeal) and a.target == "bria"]
    assert offered and Term("lift_embargo", "alba") in offered[0].terms
    # theirs on us would stop it too: the deal asks them to lift it, as part of the peace
    world.embargoes.add(("bria", "alba"))
    plans = [StandardAI().plan(View(world, "alba"), Rng(seed)) for seed in range(5)]
    offered = [a for plan in plans for a in plan if isinstance(a, A.ProposeDeal) and a.target == "bria"]
    assert offered and {Term("lift_embargo", "alba"), Term("lift_embargo", "bria")} <= set(offered[0].terms)
    assert View(world, "alba").refusal(offered[0]) is None
