"""The research catalogue: every action kind has its slots, and a slot is legal exactly where the
rules' own list (View.available) allows its action. Plain Python: runs without the research extra."""

from __future__ import annotations

import ast
import random
from pathlib import Path

import pytest

import game
from game.ai.registry import make_ai
from game.core import actions as A
from game.core.registry import ACTION_KINDS
from game.core.view import View
from game.research.actions import BALLOT_SLOTS, INBOX_SLOTS, TARGETED, ActionCatalogue
from game.session import Session
from tests.conftest import build_world
from tests.situations import ME, SITUATIONS


def _catalogue(world) -> ActionCatalogue:
    return ActionCatalogue(world.order, sorted(world.organisations))


def test_the_catalogue_is_fixed_by_the_map_alone() -> None:
    world = build_world()
    catalogue = _catalogue(world)
    regions, orgs = len(world.order), len(world.organisations)
    per_region = sum(len(terms) * len(shares) for _kind, terms, shares in TARGETED)
    home = 1 + 6 + 2 * orgs + 2 * INBOX_SLOTS + 2 * BALLOT_SLOTS
    assert len(catalogue) == home + regions * per_region + 3 * regions * (regions - 1)
    assert len(set(catalogue.slots)) == len(catalogue)
    assert str(catalogue.slots[0]) == "end_turn"
    assert _catalogue(build_world(seed=99)).slots == catalogue.slots


@pytest.mark.parametrize("record", sorted(SITUATIONS, key=lambda r: r.__name__), ids=lambda r: r.__name__)
def test_every_kind_has_a_legal_slot_in_its_situation(record: type[A.Action]) -> None:
    """A kind the catalogue had no slot for would be out of a learning agent's reach."""
    world = build_world()
    setup, _target = SITUATIONS[record]
    setup(world)
    legal = _catalogue(world).legal(View(world, ME))
    assert any(isinstance(action, record) for action in legal.values()), record.__name__


def test_every_kind_of_the_rules_is_in_the_situations() -> None:
    assert set(SITUATIONS) == set(ACTION_KINDS)


@pytest.mark.parametrize("seed", [1, 2])
def test_legal_slots_are_what_the_rules_allow(seed: int) -> None:
    """In the middle of a game, for every region: each legal slot's action is allowed by the rules,
    and each action the rules' list allows has a legal slot (answers and votes past the slots
    the catalogue keeps aside)."""
    world = build_world(seed=seed)
    Session(world, dict.fromkeys(world.order, make_ai("normal")), strict=True).play_turns(12)
    catalogue = _catalogue(world)
    for me in world.living():
        view = View(world, me)
        legal = catalogue.legal(view)
        assert legal[ActionCatalogue.END_TURN] is None
        for action in legal.values():
            if action is not None:
                assert action.actor == me and view.refusal(action) is None, action
        offered = [
            o.action
            for target in [None, *world.order]
            if target != me
            for o in view.available(target)
            if o.allowed
        ]
        beyond = {p.id for p in view.inbox()[INBOX_SLOTS:]} | {r.id for r in view.ballots()[BALLOT_SLOTS:]}
        for action in offered:
            if getattr(action, "proposal", None) in beyond or getattr(action, "resolution", None) in beyond:
                continue
            if isinstance(action, A.SendAid | A.Invest):
                continue  # offered as one gold; the catalogue's sums are shares of the treasury
            assert action in legal.values(), action


def test_terms_are_varied_and_checked_by_the_rules() -> None:
    """Offered once, a kind's terms become several slots, each legal only where the rules allow."""
    world = build_world()
    SITUATIONS[A.ProposePeace][0](world)  # alba at war with bria
    world.regions[ME].treasury = 100.0
    catalogue = _catalogue(world)
    legal = catalogue.legal(View(world, ME))
    named = {str(catalogue.slots[i]): action for i, action in legal.items()}
    assert named["propose_peace white bria"] == A.ProposePeace(ME, "bria")
    assert "propose_peace annex bria" not in named  # bria has not capitulated
    they_pay = named["propose_peace tribute_they_pay 1 bria"]
    assert isinstance(they_pay, A.ProposePeace) and they_pay.payer == "bria" and they_pay.tribute > 0
    assert named["invest military 0.25"] == A.Invest(ME, "military", 25.0)
    assert named["send_aid 0.1 cora"] == A.SendAid(ME, "cora", 10.0)
    assert "send_aid 0.1 bria" not in named  # not to an enemy


def test_a_refused_slot_carries_the_rules_reason() -> None:
    world = build_world()
    world.regions[ME].actions_left = 0
    catalogue = _catalogue(world)
    choices = catalogue.choices(View(world, ME))
    visit = catalogue.number[("state_visit", "bria", None, None, None, None)]
    envoy = catalogue.number[("send_ambassador", "bria", None, None, None, None)]
    assert choices[envoy].refusal is not None and choices[envoy].refusal.code == "no_actions_left"
    assert choices[visit].refusal is None  # a journey is not a diplomatic action


def test_the_catalogue_and_the_observation_read_only_the_view() -> None:
    """What an agent may choose and what it sees come from its region's View, never the state."""
    folder = Path(game.__file__).parent / "research"
    problems = []
    for name in ("actions.py", "observe.py"):
        tree = ast.parse((folder / name).read_text(encoding="utf-8"))
        problems += [
            f"{name}:{n.lineno}" for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "state"
        ]
    assert problems == []


def test_random_legal_play_never_meets_a_refusal() -> None:
    """Whatever legal slot is taken, the rules accept it."""
    world = build_world(seed=4)
    session = Session(world, {}, strict=True)
    catalogue = _catalogue(world)
    luck = random.Random(4)
    for _ in range(400):
        region = session.current
        if region is None:
            break
        legal = catalogue.legal(View(world, region))
        slot = luck.choice(sorted(legal))
        action = legal[slot]
        if action is None or not world.regions[region].alive:
            session.end_region_turn()
        else:
            assert session.submit(action).ok, action
