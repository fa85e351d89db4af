"""The action registry: every action kind is declared once, whole, and reached the same way by
the rules, the engine, the window and the computer players."""

from __future__ import annotations

import pytest

from game.ai.registry import make_ai
from game.core import actions as A
from game.core.kinds.base import Control
from game.core.model import PROPOSAL_KINDS
from game.core.registry import ACTION_KINDS, PROPOSAL_RULES, available_actions
from game.core.view import View
from game.core.why import Why
from game.ui.mapscene import DIALOGS
from tests.conftest import build_world
from tests.situations import ME, SITUATIONS

RECORDS = {c for c in vars(A).values() if isinstance(c, type) and issubclass(c, A.Action)} - {A.Action}


def test_every_action_record_has_one_kind_with_everything_declared():
    """A kind has a name, help, a control, a check, an effect, offers and a cost; a record
    without a kind would be refused as unknown."""
    assert set(ACTION_KINDS) == RECORDS
    for record, kind in ACTION_KINDS.items():
        assert kind.record is record
        assert kind.name.strip() and kind.help.strip(), record
        assert isinstance(kind.control, Control)
        assert callable(kind.check) and callable(kind.effect) and callable(kind.offers)


def test_every_proposal_kind_has_its_rule():
    assert set(PROPOSAL_RULES) == set(PROPOSAL_KINDS)


def test_every_control_is_one_the_window_builds():
    """Dialog controls open a dialog of the window; the others are plain buttons."""
    dialogs = {c for c in Control if c.name.endswith("_DIALOG")}
    assert set(DIALOGS) == dialogs


def test_refusal_codes_are_unique_and_stable():
    codes = [why.code for why in Why]
    assert len(codes) == len(set(codes))
    assert Why.NO_CONTACT.code == "no_contact"


def _played(turns: int, seed: int):
    world = build_world(seed=seed)
    ai = make_ai("normal")
    from game.session import Session

    session = Session(world, dict.fromkeys(world.order, ai), strict=True)
    session.play_turns(turns)
    return world


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_list_of_available_actions_agrees_with_the_rules(seed):
    """Every action the list offers is refused exactly when the rules refuse it, for every region
    and every target, in the middle of a game."""
    world = _played(12, seed)
    for me in world.living():
        view = View(world, me)
        for target in [None, *world.order]:
            if target == me:
                continue
            for option in available_actions(view, target):
                assert option.refusal == view.refusal(option.action)
                assert option.action.actor == me


@pytest.mark.parametrize("record", sorted(SITUATIONS, key=lambda r: r.__name__), ids=lambda r: r.__name__)
def test_every_kind_is_offered_and_allowed_in_its_situation(record):
    """Each kind appears, allowed, in alba's list of actions in a situation made for it: no kind
    is out of reach of the list the window and the computer players share."""
    world = build_world()
    setup, target = SITUATIONS[record]
    setup(world)
    options = [o for o in available_actions(View(world, ME), target) if isinstance(o.action, record)]
    assert options, f"{record.__name__} is not offered"
    assert any(o.allowed for o in options), [str(o.refusal) for o in options]


def test_every_kind_has_a_situation():
    assert set(SITUATIONS) == RECORDS
