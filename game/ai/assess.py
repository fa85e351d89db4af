"""What a computer player makes of the others, from its view alone: who attacks, who breaks its
word, who arms, who is close to winning, and how a war would go.

Every function reads only a View: public news (wars, treaties, reputations, memberships, the
standings) and what the region's own ambassadors and borders tell it.
"""

from __future__ import annotations

from typing import NamedTuple

from game.core.economy import trade_worth
from game.core.model import War
from game.core.view import View


def aggressors(view: View) -> dict[str, str]:
    """Regions waging a war of their own, with the first region each attacked (wars are public)."""
    found: dict[str, str] = {}
    for war in view.all_wars():
        if war.ally_of is None and war.attacker not in found:
            found[war.attacker] = war.defender
    return found


def wronged_us(view: View, other: str) -> bool:
    """`other` broke its word to us or attacked us, and we have not forgotten."""
    return any(m.kind in ("broke_treaty", "declared_war") and m.value < -5 for m in view.modifiers_of(other))


def recent_aggressor(view: View, other: str) -> bool:
    last = view.last_aggression(other)
    return last is not None and view.turn - last <= view.rules.ai.aggression_remembered


def untrustworthy(view: View, other: str) -> bool:
    """A proven aggressor or betrayer: no pacts, trade or alliances with it for a while."""
    return (  # the cheapest questions first: the answer is the same
        view.reputation(other) < view.rules.ai.untrusted_reputation
        or view.rogue(other)
        or recent_aggressor(view, other)
        or wronged_us(view, other)
    )


def embargoes_condemned(view: View) -> set[str]:
    """The regions our embargoes on which an organisation has condemned and asked us to lift."""
    found: set[str] = set()
    for org in view.organisations():
        demand = org.demands.get(view.me)
        if demand is not None and demand.kind == "condemn_embargo" and demand.about is not None:
            found.add(demand.about)
    return found


def exclusive_gain(view: View, other: str) -> float:
    """What making a trade agreement with `other` exclusive adds to our side of it each turn, by
    the rules' own arithmetic on the two economies."""
    mine, theirs = view.region.economy, view.economy(other)
    if mine <= 0 or theirs <= 0:
        return 0.0
    return trade_worth(view.rules, mine, theirs, view.rules.exclusive_trade_bonus)


def army(view: View, other: str) -> float:
    """Another region's army as far as we can tell: seen, or guessed from its economy."""
    seen = view.military_estimate(other)
    return seen if seen is not None else view.rules.ai.unseen_army * view.economy(other)


def arming(view: View, other: str, force: float) -> bool:
    """An army (`force`, its `army`) far beyond what its economy needs for defence is being raised
    for a war."""
    return force > view.rules.ai.armed_beyond * max(view.economy(other), 1.0)


def menace(view: View, other: str, force: float | None = None) -> float:
    """How much of another region's army (`force`, its `army`) we must be ready for: all of it
    from an aggressor, a betrayer, an enemy or a region arming for war, less from a neighbour at
    peace, little under a pact, none from an ally. Never more than the army, when it is one."""
    if force is None:
        force = army(view, other)
    if arming(view, other, force) or view.at_war(other) or untrustworthy(view, other):
        return force
    if view.has_treaty(other, "alliance"):
        return 0.0
    bound = view.has_treaty(other, "non_aggression") or view.truce_with(other)
    return force * (0.3 if bound else 0.6 if view.opinion_of(other) > -15 else 0.9)


def worst_menace(view: View, regions: list[str]) -> float:
    """The largest `menace` among `regions` (0 for none). A menace is at most the army behind it,
    so the largest armies are weighed first and the rest, no larger than the worst found, are not
    weighed at all (an army below zero, which the rules never make, is weighed all the same)."""
    worst: float | None = None
    for force, other in sorted(((army(view, r), r) for r in regions), reverse=True):
        if worst is not None and 0.0 <= force <= worst:
            break
        found = menace(view, other, force)
        if worst is None or found > worst:
            worst = found
    return 0.0 if worst is None else worst


def menaced_beyond(view: View, regions: list[str], guard: float) -> bool:
    """Whether any of `regions` is a `menace` beyond `guard`: an army no larger than it is not weighed."""
    for other in regions:
        force = army(view, other)
        if (force > guard or force < 0.0) and menace(view, other, force) > guard:
            return True
    return False


def likely_defenders(view: View, victim: str) -> float:
    """The help a region we attack may find beyond its allies: a share of the armies of the others
    bordering it or us, since war on it makes us an aggressor that anyone may join against."""
    share = view.rules.ally_share
    around = (set(view.neighbours_of(victim)) | set(view.neighbours())) - {view.me, victim}
    around -= set(view.allies()) | set(view.allies(victim))  # ours stand by us; its own are counted apart
    return share * sum(army(view, r) for r in sorted(around) if view.alive(r))


def defence(view: View) -> float:
    """What we bring if attacked at home: our army and people, and our allies' help."""
    rules, region = view.rules, view.region
    people = rules.home_guard * region.economy
    allies = rules.ally_share * sum(army(view, a) for a in view.allies())
    return (region.military + people) * (1 + rules.home_ground) + allies


def help_if_attacked(view: View) -> float:
    """The help we may count on beyond our allies if attacked: a share of our other neighbours'
    armies, since the rules let anyone join a war against its aggressor (the largest is left out:
    it may be the attacker)."""
    allies = view.allies()  # neighbours() holds the living alone
    armies = sorted(army(view, n) for n in view.neighbours() if n not in allies)
    return view.rules.ally_share * sum(armies[:-1])


def war_need(view: View, war: War, margin: float) -> float:
    """The army we must add to bring `margin` times what the enemy brings to this war of ours, by
    the rules' own arithmetic: a side's people fight only at home, so a region that joined a war to
    defend another (the attacker of record) fights with its army and its allies' help alone."""
    rules, me = view.rules, view.me
    home = 1.0 + rules.home_ground
    we_defend = war.defender == me
    enemy = war.attacker if we_defend else war.defender
    theirs = army(view, enemy)
    if not we_defend:  # the enemy fights at home
        theirs = (theirs + rules.home_guard * view.economy(enemy)) * home
    theirs += rules.ally_share * sum(army(view, a) for a in view.allies(enemy) if view.at_war(a, me))
    region, fit = view.region, view.fitness()
    per_soldier = max(fit * (home if we_defend else 1.0), 0.05)
    ours = rules.ally_share * sum(army(view, a) for a in view.allies() if view.at_war(a, enemy))
    if we_defend:
        ours += rules.home_guard * region.economy * fit * home
    return max(0.0, (margin * theirs - ours) / per_soldier - region.military)


class Danger(NamedTuple):  # a tuple: shared as it is between all the players (see View.public)
    region: str
    how: str  # the way of winning it is close to: "score", "economic", "conquest" or "diplomatic"
    progress: float  # how far along, 1 being a win


def dangers(view: View, runaway_ratio: float) -> list[Danger]:
    """How far each other region is along every way of winning the scenario allows (1: won;
    for the score, 1 is a lead of `runaway_ratio` over the runner-up), from half way on."""
    return [d for d in progress(view, runaway_ratio) if d.region != view.me]


NOTED = 0.5  # progress below this is no danger to anyone, and is left out


def progress(view: View, runaway_ratio: float) -> tuple[Danger, ...]:
    """How far every living region, ours included, is along every way of winning, as `dangers`.
    Public facts only, so worked out once for everyone while they stand: within a turn the
    standings and friend counts are as published, and economies only grow (or pass by annexation)."""
    return view.public(f"progress {runaway_ratio!r} {view.turn}", lambda: _progress(view, runaway_ratio))


def _progress(view: View, runaway_ratio: float) -> list[Danger]:
    living = view.living()
    found: list[Danger] = []
    victory = view.victory
    # Worked out again after every investment: a share below NOTED for the largest (a quotient
    # grows with its numerator) is below it for all, and the pass over every region is skipped.
    if victory.economic_share:
        economies = view.economies(living)
        scale = (sum(economies) or 1.0) * victory.economic_share
        if scale <= 0 or max(economies, default=0.0) / scale >= NOTED:
            shares = zip(living, economies, strict=True)
            found += [Danger(r, "economic", e / scale) for r, e in shares if e / scale >= NOTED]
    # the other ways read no economy: they stand through the turn's investments
    key = f"standing {runaway_ratio!r} {view.turn}"
    found += view.public(key, lambda: _standing(view, runaway_ratio, living), economies=False)
    return found


def _standing(view: View, runaway_ratio: float, living: list[str]) -> list[Danger]:
    """`_progress` by conquest, friends and the score, the ways that read no economy: the map,
    the friend counts and the standings as published."""
    found: list[Danger] = []
    victory = view.victory
    if victory.conquest_share:
        scale, ruled = len(view.order) * victory.conquest_share, view.rulers()
        if scale <= 0 or max(ruled.values(), default=0) / scale >= NOTED:
            found += [Danger(r, "conquest", ruled[r] / scale) for r in living if ruled[r] / scale >= NOTED]
    if victory.diplomatic_share and len(living) > 1:
        needed = victory.diplomatic_share * (len(living) - 1)
        for r, count in view.friend_counts().items():  # a public count
            if count / needed >= NOTED:
                found.append(Danger(r, "diplomatic", count / needed))
    ranked = view.standings()
    if len(ranked) >= 2:
        leader, best = ranked[0]
        found.append(Danger(leader, "score", best / max(ranked[1][1], 1.0) / runaway_ratio))
    return found


def war_outlook(view: View, enemy: str, turns: int) -> float:
    """The war score we expect after `turns` turns of war on `enemy` (100: it capitulates), with
    the rules' own war arithmetic on what we can see: armies, its people at home, its allies
    likely to answer its call and the neighbours who may join against an aggressor, our allies'
    help; luck is left out."""
    rules = view.rules
    mine = view.region.military
    helpers = sum(army(view, a) for a in view.allies() if a != enemy) * rules.ally_share
    theirs = army(view, enemy)
    guard = rules.home_guard * view.economy(enemy)
    callers = [a for a in view.allies(enemy) if a != view.me and a not in view.allies()]
    their_help = sum(army(view, a) for a in callers) * rules.ally_share + likely_defenders(view, enemy)
    score = 0.0
    for _ in range(turns):
        ours = max(mine + helpers, 0.1)
        defence = max((theirs + guard) * (1 + rules.home_ground) + their_help, 0.1)
        score += rules.war_score_step * 2 * (ours - defence) / (ours + defence)
        if abs(score) >= 100:
            break
        mine = max(0.0, mine - defence * rules.war_losses)
        theirs = max(0.0, theirs - ours * rules.war_losses)
    return max(-100.0, min(100.0, score))
