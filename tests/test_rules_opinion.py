"""Rulebook: opinion (baseline, modifiers, decay, bounds, labels)."""

from __future__ import annotations

import pytest

from game.core.diplomacy import sign_treaty
from game.core.relations import (
    add_modifier,
    baseline,
    knows,
    modifier_value,
    modifiers,
    opinion,
    opinion_label,
    power_leader,
    power_term,
    reputation_term,
)
from game.core.world import end_of_turn


def _rep(world, holder, about):
    """The reputation part of the baseline: only for a region the holder knows."""
    return reputation_term(world, about) if knows(world, holder, about) else 0.0


def test_baseline_from_affinity_and_borders(world):
    """Opinion starts from affinity, plus harmony between like neighbours or friction between unlike ones."""
    # given: north-south affinity is -0.3; alba borders bria (north) and cora (south)
    # when / then
    assert opinion(world, "alba", "fenn") == pytest.approx(
        20.0 + _rep(world, "alba", "fenn")
    )  # kin, far apart
    assert opinion(world, "alba", "dova") == pytest.approx(-6.0 + _rep(world, "alba", "dova"))  # unlike, far
    assert opinion(world, "alba", "bria") == pytest.approx(
        25.0 + _rep(world, "alba", "bria")
    )  # kin neighbours
    assert opinion(world, "alba", "cora") == pytest.approx(
        -16.0 + _rep(world, "alba", "cora")
    )  # unlike neighbours


def test_region_pair_affinity_overrides_the_cultures(make_world):
    """An affinity given for two regions overrides their cultures' affinity."""

    # given
    def edit(tree):
        tree["affinities"].append({"between": ["alba", "cora"], "value": 0.8})

    world = make_world(edit=edit)
    # when / then
    assert opinion(world, "alba", "cora") == pytest.approx(0.8 * 20 + 5 + _rep(world, "alba", "cora"))
    assert opinion(world, "alba", "dova") == pytest.approx(
        -6.0 + _rep(world, "alba", "dova")
    )  # culture value


def test_cultures_of_one_group_are_kin(make_world):
    """Cultures of one group have an affinity of one half when no affinity is written for them."""

    # given
    def edit(tree):
        tree["affinities"] = []
        for culture in tree["cultures"]:
            culture["group"] = "people"

    world = make_world(edit=edit)
    # when / then
    assert opinion(world, "alba", "dova") == pytest.approx(10.0 + _rep(world, "alba", "dova"))


def test_opinion_is_directed(world):
    """Opinion A→B and opinion B→A are separate."""
    # given
    add_modifier(world, "bria", "alba", "test_gift", 30.0, 0.0)
    # when / then
    assert opinion(world, "bria", "alba") == pytest.approx(55.0 + _rep(world, "bria", "alba"))
    assert opinion(world, "alba", "bria") == pytest.approx(25.0 + _rep(world, "alba", "bria"))


def test_opinion_is_bounded(world):
    """Opinion always lies within -100..100, whatever the modifiers add up to."""
    # given
    add_modifier(world, "alba", "bria", "test_love", 90.0, 0.0)
    add_modifier(world, "alba", "bria", "test_more_love", 90.0, 0.0)
    add_modifier(world, "alba", "cora", "test_hate", -100.0, 0.0)
    add_modifier(world, "alba", "cora", "test_more_hate", -100.0, 0.0)
    # when / then
    assert opinion(world, "alba", "bria") == 100.0
    assert opinion(world, "alba", "cora") == -100.0


def test_modifier_of_a_kind_accumulates_within_its_cap(world):
    """Repeated causes of one kind add to one modifier, which stays within its cap."""
    # given
    add_modifier(world, "alba", "bria", "aid", 15.0, 0.5, cap=20.0)
    # when
    add_modifier(world, "alba", "bria", "aid", 15.0, 0.5, cap=20.0)
    # then
    assert [m.value for m in modifiers(world, "alba", "bria") if m.kind == "aid"] == [20.0]


def test_modifiers_decay_toward_zero_and_vanish(world):
    """Each turn a modifier moves toward zero by its decay, from either side, and is gone at zero."""
    # given
    add_modifier(world, "alba", "bria", "test_good", 2.0, 1.0)
    add_modifier(world, "alba", "cora", "test_bad", -2.5, 1.0)
    # when
    end_of_turn(world)
    # then
    assert modifier_value(world, "alba", "bria", "test_good") == pytest.approx(1.0)
    assert modifier_value(world, "alba", "cora", "test_bad") == pytest.approx(-1.5)
    # when
    end_of_turn(world)
    end_of_turn(world)
    # then
    assert not [m for m in modifiers(world, "alba", "bria") if m.kind == "test_good"]
    assert not [m for m in modifiers(world, "alba", "cora") if m.kind == "test_bad"]


def test_treaty_goodwill_lasts_while_the_treaty_does(world):
    """The goodwill of a treaty does not decay while the treaty lasts."""
    # given
    sign_treaty(world, "alliance", "alba", "bria")
    value = modifier_value(world, "alba", "bria", "treaty_alliance")
    # when
    for _ in range(5):
        end_of_turn(world)
    # then
    assert modifier_value(world, "alba", "bria", "treaty_alliance") == value > 0


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (-100, "hostile"),
        (-51, "hostile"),
        (-50, "unfriendly"),
        (-16, "unfriendly"),
        (-15, "neutral"),
        (14.9, "neutral"),
        (15, "cordial"),
        (49.9, "cordial"),
        (50, "friendly"),
        (100, "friendly"),
    ],
)
def test_opinion_labels(value, label):
    """Labels: hostile < -50 ≤ unfriendly < -15 ≤ neutral < 15 ≤ cordial < 50 ≤ friendly."""
    # given / when / then
    assert opinion_label(value) == label


def test_reputation_colours_the_opinion_of_those_who_know(world):
    """A region's reputation moves the opinion of every region that knows it, and of no other."""
    # given: cora knows alba (neighbours); fenn does not
    before_cora, before_fenn = opinion(world, "cora", "alba"), opinion(world, "fenn", "alba")
    # when
    world.regions["alba"].reputation -= 30
    # then
    assert opinion(world, "cora", "alba") == pytest.approx(before_cora - 30 * 10 / 50)
    assert opinion(world, "fenn", "alba") == pytest.approx(before_fenn)


def test_the_baseline_is_shown_part_by_part(world):
    """The parts of a baseline the player reads add up to the baseline the rules use."""
    from game.core.relations import baseline, baseline_parts

    for holder in world.order:
        for about in world.order:
            if holder != about:
                parts = baseline_parts(world, holder, about)
                assert sum(v for _, v in parts) == pytest.approx(baseline(world, holder, about), abs=1.0)


def test_the_baseline_adds_its_parts_exactly_as_they_are_named(world):
    """The baseline the rules use, worked out without naming its parts, is their sum to the last bit."""
    from game.core.relations import _baseline

    world.recent_scores = {r: [100.0 + i] for i, r in enumerate(world.order)}  # a leader, warily viewed
    world.power_memo = None
    world.regions["alba"].reputation = 73.3
    for holder in world.order:
        for about in world.order:
            if holder != about:
                assert baseline(world, holder, about) == sum(_baseline(world, holder, about).values())


def test_the_leader_of_the_scores_is_viewed_warily_by_everyone_else(world):
    """The balance of power: the region with the best score recorded at the end of the last turn
    loses opinion with all who know it, half of power_wariness for any lead and all of it at a
    lead of power_lead; nobody else does, and it thinks no worse of the others."""
    rules = world.rules
    world.recent_scores = {r: [100.0] for r in world.order}
    world.recent_scores["alba"] = [105.0]  # a lead of 5 %
    world.power_memo = None
    before = opinion(world, "bria", "alba")
    half = rules.power_wariness * min(1.0, 0.5 + 0.05 / rules.power_lead)
    world.power_memo = None
    world.rules = rules.model_copy(update={"power_wariness": 0.0})
    assert opinion(world, "bria", "alba") - before == pytest.approx(half)
    world.rules = rules
    world.recent_scores["alba"] = [100.0 * (1 + rules.power_lead)]  # the whole of it
    world.power_memo = None
    assert power_term(world, "alba") == pytest.approx(-rules.power_wariness)
    assert power_term(world, "bria") == 0.0
    assert opinion(world, "alba", "bria") == pytest.approx(
        baseline(world, "alba", "bria") + sum(m.value for m in modifiers(world, "alba", "bria"))
    )
    world.recent_scores["bria"] = list(world.recent_scores["alba"])  # a tie: no leader
    world.power_memo = None
    assert power_term(world, "alba") == 0.0


def test_the_leader_is_worked_out_when_the_scores_are_recorded(world):
    """The leader follows the recorded scores, not the moves of the turn: a save carries the
    scores and works the leader out again."""
    end_of_turn(world)
    assert world.power_memo == power_leader(world)
    leader = world.power_memo[0]
    world.power_memo = None  # as a loaded game starts
    assert power_term(world, leader) < 0 and world.power_memo == power_leader(world)
