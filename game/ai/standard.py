"""The standard computer player: scores a short list of candidate actions by its personality.

It keeps no memory of its own: cooldowns and grudges are read from the refusals, news and opinion
modifiers in its view, so a saved game plays on exactly as it would have. Its skill (easy, normal,
hard) changes how well it judges, never what it is allowed to do or know.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from game.ai import assess, deals
from game.ai.base import Decision, Reason
from game.core import actions as A
from game.core.messages import msg
from game.core.model import Personality, Proposal, Resolution, Term, TreatyKind
from game.core.rng import Rng
from game.core.view import View


@dataclass(frozen=True, slots=True)
class Skill:
    """How well a computer player judges."""

    focus_partners: int  # partners beyond neighbours and allies considered each turn
    focus_extra: int  # regions outside its dealings considered each turn
    noise: float  # how far its estimate of an action's value may stray, as a share of it
    counts_enemy_allies: bool  # whether it weighs the allies a victim would call to arms
    war_margin: float  # odds it wants beyond its personality's before it attacks
    sees_danger: float  # how close to winning a region must be before it turns against it (0: never)
    always_annexes: bool  # takes a capitulated enemy's land whatever its temper
    reserve_turns: float  # turns of income it keeps idle in the treasury
    invest_share: float  # share of its spare gold it puts to work each turn
    outlook: int  # turns of war it foresees before it declares or ends one (0: it goes by the odds)
    bias: float  # how willing it is to say yes, whatever the deal: the easy are talked round
    leverage_sense: float  # how sharply it sees a deal tilted against it
    defends_others: bool  # whether it joins wars against aggressors that threaten it or its friends
    extra_trade: int  # trade agreements it keeps beyond what its temper asks for
    spiteful: bool  # embargoes a region it loathes without a cause others see: it loses trade and name
    complies: bool  # lifts an embargo its organisation condemned, rather than be condemned again


SKILLS = {
    "easy": Skill(3, 2, 0.6, False, -0.4, 0.0, False, 5.0, 0.5, 0, 10.0, 0.4, False, 0, True, False),
    "normal": Skill(6, 4, 0.15, True, 0.0, 0.9, False, 1.5, 0.85, 4, 0.0, 1.0, True, 0, False, False),
    "hard": Skill(8, 5, 0.0, True, 0.1, 0.8, True, 0.5, 1.0, 8, -4.0, 1.2, True, 3, False, True),
    "expert": Skill(10, 6, 0.0, True, 0.1, 0.7, True, 0.5, 1.0, 14, -6.0, 1.4, True, 3, False, True),
}


class StandardAI:
    def __init__(self, difficulty: str = "normal") -> None:
        self.skill = SKILLS[difficulty]
        self.name = "standard" if difficulty == "normal" else difficulty

    # --- a turn ---------------------------------------------------------------------------
    def plan(self, view: View, rng: Rng) -> list[A.Action]:
        """The turn's actions, best first: legal now; later ones may be refused once budget runs out."""
        noise = self.skill.noise
        candidates = [
            (value * (1 + noise * rng.uniform(-1, 1)) if noise else value, i, a)
            for i, (value, a) in enumerate(self._candidates(view, rng))
            if value > 0
        ]
        candidates.sort(key=lambda c: (-c[0], c[1]))
        chosen: list[A.Action] = []
        budgeted = 0  # actions that use the turn's budget; free ones (investments) never crowd out
        for _, _, action in candidates:
            if isinstance(action, A.DeclareWar) and any(isinstance(c, A.DeclareWar) for c in chosen):
                continue  # one war a turn: the first is enough to fight
            free = isinstance(action, A.Invest)
            if (free or budgeted < view.rules.ai.plan_length) and view.can(action):
                chosen.append(action)
                budgeted += not free
        return chosen

    def _candidates(self, view: View, rng: Rng) -> Iterator[tuple[float, A.Action]]:
        if self._resting(view):  # a quiet turn in a large world: mind the army and the purse only
            yield from self._peace(view)
            yield from self._invest(view)
            return
        others = self._focus(view, rng)
        yield from self._peace(view)
        yield from self._defence_of_others(view, others)
        yield from self._war(view, rng, others)
        yield from self._ambassadors(view, others)
        yield from self._treaties(view, rng, others)
        yield from self._visits(view, others)
        yield from self._embargoes(view, rng, others)
        yield from self._helping(view, rng, others)
        yield from self._organisations(view, rng)
        yield from self._invest(view)

    @staticmethod
    def _resting(view: View) -> bool:
        """In a large world a region at peace, with nothing waiting for it, works its diplomacy
        every other turn: the world keeps its pace and a turn stays affordable."""
        if len(view.order) < view.rules.ai.large_world or view.wars() or view.inbox():
            return False
        return (view.turn + view.order.index(view.me)) % 2 == 1

    def _focus(self, view: View, rng: Rng) -> list[str]:
        """The regions worth thinking about this turn: neighbours, enemies and allies always;
        a sample of our other partners and of the rest, so that every turn costs about the same."""
        me = view.me
        always = set(view.neighbours()) | set(view.enemies()) | set(view.allies())
        partners = {t.b if t.a == me else t.a for t in view.treaties()}
        partners |= view.envoys()
        partners |= {x for pair in view.embargoes() for x in pair if x != me}
        partners = {p for p in partners - always if view.alive(p) and view.knows(me, p)}
        chosen = always | _sample(rng, sorted(partners), self.skill.focus_partners)
        found, extra = 0, self.skill.focus_extra
        for _ in range(extra * 3):  # a few strangers drawn from the map: no large set is built
            candidate = view.order[rng.below(len(view.order))]
            fresh = candidate not in chosen and candidate not in partners and candidate != me
            if fresh and view.alive(candidate) and view.knows(me, candidate):
                chosen.add(candidate)
                found += 1
                if found >= extra:
                    break
        return sorted(chosen)

    def _peace(self, view: View) -> Iterator[tuple[float, A.Action]]:
        me, p = view.me, view.personality
        for war in view.wars():
            enemy = war.defender if war.attacker == me else war.attacker
            if war.capitulated == enemy:
                if self.skill.always_annexes or (
                    p.aggression > 0.5 and p.cultural_pride * view.affinity(enemy) < 0.3
                ):
                    yield 100.0, A.ProposePeace(me, enemy, "annex")
                tribute = round(view.economy(enemy) * 0.3, 2)
                yield 90.0, A.ProposePeace(me, enemy, "tribute", tribute, enemy)
                continue
            tired = view.region.exhaustion > 30 + 40 * p.risk or war.side_score(me) < -40
            outnumbered = sum(assess.army(view, e) for e in view.enemies()) > 1.2 * assess.defence(view)
            tired = tired or (war.attacker == me and outnumbered)  # a coalition has formed: end it
            if self.skill.outlook and war.side_score(me) < 0:  # a lost cause is ended early
                tired = tired or assess.war_outlook(view, enemy, self.skill.outlook) < -40
            if tired and not self._refused_recently(view, enemy, "peace"):
                yield 60.0 + view.region.exhaustion / 2, A.ProposePeace(me, enemy, "white")
            elif tired and war.side_score(me) < 0 and not self._refused_recently(view, enemy, "deal"):
                # a white peace turned down by the side ahead: the side behind offers reparations,
                # and the embargoes between them lifted, since an embargo stops a deal's gold
                reparations = self._sweetener(view)
                if reparations:
                    embargoes = view.embargoes()
                    lifted = tuple(Term("lift_embargo", a) for a, b in embargoes if {a, b} == {me, enemy})
                    deal = A.ProposeDeal(me, enemy, (Term("peace"), *lifted, *reparations))
                    yield 55.0 + view.region.exhaustion / 2, deal
            if (  # beside our own offer, a broker's, unless the enemy has just turned one down
                tired
                and not view.mediation_under_way(enemy)
                and not self._refused_recently(view, enemy, "mediation")
            ):
                mediator = self._mediator(view, enemy)
                if mediator is not None:
                    yield 50.0 + view.region.exhaustion / 2, A.RequestMediation(me, mediator, enemy)

    def _mediator(self, view: View, enemy: str) -> str | None:
        """The region to ask to broker a peace with `enemy`: one we keep an ambassador in and think
        well of, that the enemy has reason to trust too (what we can see of that: its reputation and
        its treaties with the enemy), and that has not turned us down lately."""
        best: tuple[float, str] | None = None
        for via in sorted(view.envoys()):
            action = A.RequestMediation(view.me, via, enemy)
            if self._refused_recently(view, via, "mediation_request") or not view.can(action):
                continue
            ties = sum(1 for t in view.treaties_of(via) if t.other(via) == enemy)
            score = view.opinion_of(via) + (view.reputation(via) - 50) / 2 + 15 * ties
            if score > 0 and (best is None or (score, via) > best):
                best = (score, via)
        return best[1] if best is not None else None

    def _defence_of_others(self, view: View, others: list[str]) -> Iterator[tuple[float, A.Action]]:
        """War on an aggressor that threatens us or attacks a friend: the rules count it as its
        victim's defence. Worth it when the aggressor's victim and its other enemies together with
        us outweigh it."""
        if not self.skill.defends_others or view.wars() or view.region.exhaustion > 20:
            return
        me, p = view.me, view.personality
        leader = self._leader(view)
        if leader is not None and leader not in assess.aggressors(view) and view.reachable(leader):
            yield from self._stop(view, leader)
        for aggressor, victim in sorted(assess.aggressors(view).items()):
            if (
                me in (aggressor, victim)
                or not view.reachable(aggressor)
                or view.has_treaty(aggressor, "alliance")
            ):
                continue
            close = aggressor in view.neighbours() or victim in view.allies() or view.opinion_of(victim) > 20
            if not close:
                continue
            against = sum(assess.army(view, e) for e in view.enemies(aggressor))
            odds = (view.region.military + against) / max(assess.army(view, aggressor), 1.0)
            # a conqueror on the march is stopped at worse odds: its next victim may be us
            conqueror = view.ruled(aggressor) > 1 or aggressor == leader
            if odds < (0.6 if conqueror else 1.2) + 0.6 * (1 - p.risk):
                continue
            value = 25 + 25 * p.loyalty + 15 * p.multilateralism + 10 * (victim in view.allies())
            yield value - 20 * (1 - p.aggression) * (victim not in view.allies()), A.DeclareWar(me, aggressor)

    def _stop(self, view: View, leader: str) -> Iterator[tuple[float, A.Action]]:
        """War on a region about to win, when it is already fighting others or we outweigh it."""
        if view.has_treaty(leader, "alliance") or view.truce_with(leader):
            return
        against = view.region.military + sum(assess.army(view, e) for e in view.enemies(leader))
        if against >= 1.1 * assess.army(view, leader) + view.rules.home_guard * view.economy(leader):
            yield 35.0 + 20 * view.personality.aggression, A.DeclareWar(view.me, leader)

    def _war(self, view: View, rng: Rng, others: list[str]) -> Iterator[tuple[float, A.Action]]:
        me, p, region = view.me, view.personality, view.region
        if view.wars() or region.exhaustion > 10 or not rng.chance(0.02 + 0.12 * p.aggression):
            return
        mine = region.military + sum((view.military_estimate(a) or 0.0) * 0.3 for a in view.allies())
        for other in others:
            defence = self._defence_of(view, other)
            if defence is None or view.has_treaty(other, "alliance"):
                continue
            odds = mine / max(defence, 1.0)
            if self.skill.outlook:  # all but the easy foresee the war's course, allies and people included
                foreseen = assess.war_outlook(view, other, self.skill.outlook)
                if foreseen < 0:
                    continue  # a war seen going against us is not started, whatever the temper
                odds = 1.0 + foreseen / 50
            dislike = -view.opinion_of(other) / 50
            edge = min(odds - (2.2 - 1.2 * p.risk + self.skill.war_margin), 3.0)  # the bold want less
            # the odds tempt only as far as the temper allows; the peaceful need hatred to fight
            value = 40 * p.aggression * edge + 20 * p.aggression + 15 * dislike - 30 * (1 - p.aggression)
            if view.victory.conquest_share is not None:
                value += view.rules.ai.conquest_eagerness * p.aggression  # land wins this scenario
            if view.truce_with(other) and p.loyalty > 0.3:
                continue  # a truce is kept by all but the faithless
            if view.has_treaty(other, "non_aggression") or view.truce_with(other):
                value -= 40 * (1 - p.aggression) + 10
            if value > 0:
                yield value, A.DeclareWar(me, other)

    def _defence_of(self, view: View, other: str) -> float | None:
        """What we would meet attacking `other`: its army, its people at home and, as far as we
        judge it, who would come to its aid. None when we cannot reach it or know nothing of it."""
        theirs = view.military_estimate(other)
        if theirs is None or not view.reachable(other):
            return None
        defence = theirs + view.rules.home_guard * view.economy(other) * (1 + view.rules.home_ground)
        if self.skill.counts_enemy_allies:
            allies = sum(view.military_estimate(a) or theirs for a in view.allies(other))
            defence += view.rules.ally_share * allies
            defence += assess.likely_defenders(view, other)
        return defence

    def _ambassadors(self, view: View, others: list[str]) -> Iterator[tuple[float, A.Action]]:
        me, p = view.me, view.personality
        surplus = view.income().total
        envoys, wanted = len(view.envoys()), self.envoys_wanted(view)
        for other in others:
            opinion = view.opinion_of(other)
            if view.has_ambassador(other):
                if surplus < 0 or opinion < -60:
                    yield 30.0, A.RecallAmbassador(me, other)
            elif surplus > 1 and opinion > -40 and envoys < wanted:
                if any(m.kind == "expelled_ambassador" for m in view.modifiers_of(other)):
                    continue  # not welcome there for a while
                yield (
                    25.0 + opinion / 5 + 10 * p.multilateralism + 3 * (other in view.neighbours()),
                    A.SendAmbassador(me, other),
                )
            if view.hosts_ambassador(other) and opinion < -55:
                yield 20.0, A.ExpelAmbassador(me, other)

    @staticmethod
    def envoys_wanted(view: View) -> int:
        """As many embassies as the temper wants and the purse bears: a small region's few envoys
        would otherwise eat the income that should grow it."""
        p, rules = view.personality, view.rules
        affordable = rules.ai.envoy_budget * view.region.economy / max(rules.ambassador_upkeep, 0.01)
        return max(1, min(round(3 + 5 * p.multilateralism + 3 * p.trade), int(affordable)))

    def _treaties(self, view: View, rng: Rng, others: list[str]) -> Iterator[tuple[float, A.Action]]:
        me, p = view.me, view.personality
        guard = assess.defence(view)
        threatened = assess.menaced_beyond(view, view.neighbours(), guard)
        deals = sum(1 for t in view.treaties() if t.kind == "trade")
        leader = self._leader(view)
        friendship = view.rules.ai.diplomatic_zeal if view.victory.diplomatic_share is not None else 0.0
        for other in others:
            if not view.has_ambassador(other) or view.at_war(other) or assess.untrustworthy(view, other):
                continue  # no dealings with a proven aggressor or betrayer for a while
            opinion = view.opinion_of(other)
            wants_trade = deals < self._trade_appetite(p) and not view.has_treaty(other, "trade")
            exclusive = wants_trade and self._leverage(view, other) and rng.chance(0.5 * p.trade)
            if wants_trade and not self._refused_recently(view, other, "trade"):
                yield (
                    20 + 25 * p.trade + opinion / 4 + friendship,
                    A.ProposeTreaty(me, other, "trade", exclusive),
                )
            elif wants_trade:  # turned down before: a deal with gold in it (the price of exclusivity)
                value = 15 + 25 * p.trade + opinion / 4 + friendship
                yield from self._sweetened(view, other, "trade", value, exclusive)
            bound = [t for t in view.treaties_of(other) if t.kind == "trade" and t.bound == other]
            if wants_trade and bound and not self._refused_recently(view, other, "deal"):
                # bound to trade with one partner alone: ask it to leave that deal for ours
                leave = Term("leave_exclusive", other, about=bound[0].other(other))
                terms = (leave, Term("treaty", treaty="trade"), *self._sweetener(view))
                yield 10 + 25 * p.trade + opinion / 4 + friendship, A.ProposeDeal(me, other, terms)
            wants_pact = view.reachable(other) and not view.has_treaty(other, "non_aggression")
            if p.aggression >= 0.6 and wants_pact:  # the warlike bind no hands against their prey
                defence = self._defence_of(view, other)
                wants_pact = defence is None or defence > 1.5 * view.region.military
            value = 25 + 20 * (1 - p.aggression) + opinion / 5 + friendship
            if wants_pact and not self._refused_recently(view, other, "non_aggression"):
                yield value, A.ProposeTreaty(me, other, "non_aggression")
            elif wants_pact:
                yield from self._sweetened(view, other, "non_aggression", value - 5)
            coalition = leader is not None and other != leader  # band together against a runaway
            wants_ally = (threatened or coalition or bool(view.wars())) and len(
                view.allies()
            ) < view.rules.ai.max_allies
            wants_ally = wants_ally and opinion > 30 and not view.has_treaty(other, "alliance")
            # their wars would become ours: only with a region at war against our own enemies
            wants_ally = wants_ally and set(view.enemies(other)) <= set(view.enemies())
            if wants_ally and not self._refused_recently(view, other, "alliance"):
                yield 10 + 15 * p.loyalty + opinion / 4 + friendship, A.ProposeTreaty(me, other, "alliance")
            wants_access = view.has_treaty(other, "alliance") and not view.has_treaty(other, "access")
            if wants_access and not self._refused_recently(view, other, "access"):
                yield 15 + 10 * p.aggression, A.ProposeTreaty(me, other, "access")
        for treaty in view.treaties():
            other = treaty.b if treaty.a == me else treaty.a
            opinion = view.opinion_of(other)
            if treaty.taxed == me and p.multilateralism > 0.2:  # doing as the body asks pays
                yield 30.0, A.CancelTreaty(me, treaty.id)
            elif treaty.kind in ("alliance", "access") and opinion < -30 + 30 * p.loyalty:
                yield 25.0, A.CancelTreaty(me, treaty.id)

    def _sweetened(
        self, view: View, other: str, kind: TreatyKind, value: float, exclusive: bool = False
    ) -> Iterator[tuple[float, A.Action]]:
        """A treaty they turned down, offered again as a deal with some of our spare gold in it;
        they may name their price in a counter-offer. Once in a while, as any refused request."""
        if not self._refused_recently(view, other, "deal"):
            treaty = Term("treaty", treaty=kind, exclusive=exclusive)
            yield value, A.ProposeDeal(view.me, other, (treaty, *self._sweetener(view)))

    def _spare(self, view: View) -> float:
        """Gold beyond the turns of income this player keeps in reserve."""
        return view.region.treasury - self.skill.reserve_turns * max(view.income().total, 5.0)

    def _sweetener(self, view: View) -> tuple[Term, ...]:
        """Gold for a deal we offer: deal_sweetener_turns of our economy, out of what we may spare."""
        most = view.rules.ai.deal_sweetener_turns * max(view.region.economy, 1.0)
        gold = float(math.floor(min(self._spare(view), most)))
        return (Term("gold", view.me, gold=gold),) if gold >= 1 else ()

    def _visits(self, view: View, others: list[str]) -> Iterator[tuple[float, A.Action]]:
        cost = view.rules.visit_cost  # paid from a surplus: a poor region's gold builds its economy
        if view.region.treasury < cost * 4 or view.income().total < view.rules.ai.visit_income * cost:
            return
        enough = view.rules.friendly_opinion + 5 if view.victory.diplomatic_share else 40
        for other in others:
            if view.at_war(other) or self._refused_recently(view, other, "visit"):
                continue
            if assess.untrustworthy(view, other):
                continue
            theirs = view.opinion_of_us(other)
            if theirs is not None and theirs > enough:
                continue  # goodwill enough there already
            goal = 15.0 if view.has_ambassador(other) else 3.0
            if view.victory.diplomatic_share is not None:
                goal += view.rules.ai.diplomatic_zeal
            yield goal + (30 - abs(view.opinion_of(other) - 10)) / 3, A.StateVisit(view.me, other)

    def _embargoes(self, view: View, rng: Rng, others: list[str]) -> Iterator[tuple[float, A.Action]]:
        me, p = view.me, view.personality
        culprits = assess.aggressors(view)
        # a region about to win is curbed in trade once it is near enough for all who see dangers
        # at all: a balance of power must not hang on how soon each player sees it
        leader = self._leader(view, view.rules.ai.curb_at)
        # those our organisations asked us to lift, looked up only by a player that would comply
        asked = assess.embargoes_condemned(view) if self.skill.complies else set()
        for by, on in view.embargoes():  # held until its cause is gone, then lifted in time
            cause = on in culprits or on == leader or view.rogue(on) or view.opinion_of(on) < -20
            if by == me and on in asked and p.multilateralism > 0.2:
                yield 30.0, A.LiftEmbargo(me, on)  # each session a defied body costs us trust again
            elif by == me and not cause and rng.chance(0.15):
                yield 25.0, A.LiftEmbargo(me, on)
            elif on == me and view.has_ambassador(by) and not self._refused_recently(view, by, "deal"):
                # an embargo on us may be bought off: what they ask is theirs to say in a counter-offer
                gold = () if (me, by) in view.embargoes() else self._sweetener(view)
                yield 15 + 20 * p.trade, A.ProposeDeal(me, by, (Term("lift_embargo", by), *gold))
        for other in others:
            opinion = view.opinion_of(other)
            enemy_of_friend = any(view.at_war(a, other) for a in view.allies())
            justified = enemy_of_friend or other in culprits or view.rogue(other) or view.at_war(other)
            # the runaway is curbed by those with no trade of their own to lose with it: a partner
            # would pay for it alone while the rest, or a region that only invests, gain
            partner = view.has_treaty(other, "alliance") or view.has_treaty(other, "trade")
            curb = other == leader and not partner
            justified = justified or curb
            spite = opinion < -45 and self.skill.spiteful
            if (justified or spite) and rng.chance(0.2 + 0.3 * p.aggression):
                value = 15 - opinion / 4 + 10 * justified - 15 * (not justified)  # the unjust cost trust
                yield value, A.ImposeEmbargo(me, other)

    def _helping(self, view: View, rng: Rng, others: list[str]) -> Iterator[tuple[float, A.Action]]:
        me, p, region = view.me, view.personality, view.region
        spare = region.treasury - view.rules.ai.aid_reserve_turns * max(region.economy, 5.0)
        if spare > 10:
            for ally in view.allies():
                figures = view.figures(ally)
                if view.enemies(ally) or (figures is not None and figures.treasury < 0):
                    yield 20 + 20 * p.loyalty, A.SendAid(me, ally, round(min(spare / 2, 40.0), 2))
            for other in others:
                if view.opinion_of(other) > 25 and rng.chance(0.05):
                    yield 12.0, A.SendAid(me, other, round(min(spare / 4, 20.0), 2))
        mediating = p.multilateralism > 0.3 and rng.chance(0.3)
        for via in others:  # introductions and mediations as the rules offer them through `via`
            if view.has_ambassador(via) and rng.chance(0.1 + 0.2 * p.multilateralism):
                # one a region: the one it knows best comes first
                first = next((o for o in view.options(via, (A.RequestIntroduction,)) if o.allowed), None)
                if first is not None and not self._refused_recently(view, via, "introduction"):
                    yield 14 + 10 * p.multilateralism, first.action
            if mediating:
                for option in view.options(via, (A.OfferMediation,)):
                    if option.allowed:
                        yield 15 + 20 * p.multilateralism, option.action

    def _organisations(self, view: View, rng: Rng) -> Iterator[tuple[float, A.Action]]:
        p = view.personality
        kinds = {o.id: o.kind for o in view.organisations()}
        for option in view.available(None, (A.JoinOrganisation, A.LeaveOrganisation)):
            action = option.action
            if not option.allowed:
                continue
            if isinstance(action, A.LeaveOrganisation):
                if p.multilateralism < 0.15 and view.region.reputation < 40:
                    yield 10.0, action
            elif isinstance(action, A.JoinOrganisation):
                keen = p.multilateralism > 0.35 or (kinds[action.org] == "trade" and p.trade > 0.7)
                if keen and rng.chance(0.1):
                    yield 10 + 20 * p.multilateralism, action

    def _invest(self, view: View) -> Iterator[tuple[float, A.Action]]:
        """Arm as far as danger asks (a neighbour arming, an aggressor near, a war), then put the
        rest to work in the economy while there are turns enough for it to pay."""
        me, p, region, rules = view.me, view.personality, view.region, view.rules
        # kept: some turns of income, and a state visit's cost (gold idle early is growth lost)
        spare = self._spare(view) - rules.visit_cost
        if spare < 5:
            return
        threat = assess.worst_menace(view, view.neighbours())
        for aggressor in assess.aggressors(view):
            if aggressor != me and view.reachable(aggressor):
                threat = max(threat, assess.army(view, aggressor))
        for enemy in view.enemies():
            threat = max(threat, 1.3 * assess.army(view, enemy))
        if self._ahead(view):  # near winning: the neighbours may band together against us, pact or not
            others = [n for n in view.neighbours() if not view.has_treaty(n, "alliance")]
            threat = max(threat, sum(assess.army(view, n) for n in others))
        # what we bring if attacked, and the help others would bring
        guard = assess.defence(view) + (assess.help_if_attacked(view) if self.skill.defends_others else 0.0)
        # in danger (a threat beyond what we could bring today) the army comes first; otherwise
        # the margin is built slowly and within a share of the economy: an arms race at peace
        # starves the economy that is the army's only lasting source
        danger = bool(view.wars()) or threat > guard
        cap = rules.ai.danger_army_upkeep if danger else rules.ai.max_army_upkeep * (1 + p.aggression)
        affordable = region.military * rules.military_upkeep < cap * max(region.economy, 1.0)
        amount = round(spare * self.skill.invest_share, 2)
        shortfall = 0.0
        if affordable:  # the shortfall is weighed only when an army may still be raised: it is dear
            shortfall = self._shortfall(view, threat, guard)
        if shortfall > 0:
            most = view.recruits_left() / max(rules.invest_military_rate, 0.01)
            if not danger:
                most = min(most, amount * rules.ai.peace_arms_share)
            gold = min(amount, shortfall / max(rules.invest_military_rate, 0.01), most)
            yield 6.0, A.Invest(me, "military", round(gold, 2))
            amount = round(amount - gold, 2)
        if amount >= 2 and self._economy_pays(view):
            yield 5.0, A.Invest(me, "economy", amount)

    def _shortfall(self, view: View, threat: float, guard: float) -> float:
        """The army we lack: for the worst threat, with a margin the cautious and the warlike want
        larger; for each war we defend in; and for the war the warlike want."""
        me, p = view.me, view.personality
        shortfall = threat * (1.1 + 0.3 * (1 - p.risk) + 0.3 * p.aggression) - guard
        for war in view.wars():  # each war is fought on its own: people help only at home
            if war.defender == me or war.ally_of is not None:  # our own attack was weighed before it
                shortfall = max(shortfall, assess.war_need(view, war, 1.0))
        if p.aggression >= 0.6 and not view.wars():  # the warlike arm for the war they want
            prey = [d for n in view.neighbours() if (d := self._defence_of(view, n)) is not None]
            need = min(prey, default=0.0) - view.region.military
            # within reach (a few turns of income) the army is raised for it; beyond, the economy
            # grows first: an army that never fights starves it for nothing
            rules = view.rules
            if need <= rules.ai.arms_reach * max(view.income().total, 1.0) * rules.invest_military_rate:
                shortfall = max(shortfall, need)
        return shortfall

    @staticmethod
    def _economy_pays(view: View) -> bool:
        """Gold put into the economy is worth more than gold kept: its score, and the income it
        brings in the turns that are left (a large economy grows slowly, so late in the game a
        rich region keeps its gold, but only as much as will still score at the end: a hoard
        beyond the score's cap is worth nothing)."""
        rules, region = view.rules, view.region
        growth = rules.invest_economy_rate * rules.economy_scale / (rules.economy_scale + region.economy)
        now = view.income()  # a point of economy earns in production and in trade, as ours do today
        income = growth * (now.production + now.trade + now.organisations) / max(region.economy, 1.0)
        turns_left = max(0, view.turn_limit - view.turn)
        hoard_at_end = region.treasury + max(now.total, 0.0) * turns_left
        hoarded = hoard_at_end >= rules.score_treasury_turns * region.economy
        kept = 0.0 if hoarded else rules.score_treasury  # what a gold kept scores: nothing past the cap
        return growth * rules.score_economy + income * turns_left * kept > kept

    # --- answers ----------------------------------------------------------------------------
    def answer(self, view: View, proposal: Proposal, rng: Rng) -> Decision:
        """Yes when the weighed reasons come out above zero; a reason that weighs nothing is left
        out of what the proposer reads. A deal refused comes back with the nearest deal we would
        take, while rounds are left."""
        reasons = self.weighed(view, proposal)
        accept = sum(r.weight for r in reasons) > 0
        if accept or proposal.kind != "deal" or proposal.terms.round >= view.rules.deal_rounds:
            return Decision(accept, reasons)
        return Decision(False, reasons, deals.counter_offer(self, view, proposal))

    def weighed(self, view: View, proposal: Proposal, asks: int = 0) -> tuple[Reason, ...]:
        """The reasons that weigh something (`asks`: times asked beyond those already remembered)."""
        return tuple(r for r in self._reasons(view, proposal, asks) if round(r.weight) != 0)

    def _reasons(self, view: View, prop: Proposal, more_asks: int = 0) -> Iterator[Reason]:
        me, p, other = view.me, view.personality, prop.sender
        opinion = view.opinion_of(other)  # what they did to us is in it already, once
        yield Reason(msg("What we think of {region}", region=other), round(opinion / 3, 1))
        if self.skill.bias:
            yield Reason(
                msg("We are inclined to agree") if self.skill.bias > 0 else msg("We drive a hard bargain"),
                self.skill.bias,
            )
        what = prop.terms.treaty or prop.kind
        asked = view.asked_before(other, what)
        if asked is not None and prop.kind not in ("call_to_arms", "deal"):  # deals count asks of their own
            yield Reason(
                msg("You asked this before, and our answer stands"), -10.0 * self.skill.leverage_sense
            )
        # a deal that ends its war is weighed as any peace is, not as dealings with an aggressor
        making_peace = prop.kind == "deal" and any(t.kind == "peace" for t in prop.terms.deal)
        shunned = prop.kind in ("treaty", "visit", "introduction", "deal") and not making_peace
        if other in assess.aggressors(view) and shunned:
            yield Reason(msg("You are waging a war of aggression"), -30.0)
        if prop.kind == "treaty":
            yield from self._treaty_reasons(view, prop)
        elif prop.kind == "deal":
            kinds = tuple(t.treaty for t in prop.terms.deal if t.treaty is not None and t.kind == "treaty")
            if kinds:
                yield from self._treaty_standing(view, other, kinds)
            for term in prop.terms.deal:
                yield from deals.term_reasons(self, view, other, term)
            if not deals.offers_something(prop.terms.deal, me):  # goodwill buys no gift
                yield Reason(msg("There is nothing in this deal for us"), round(-10 - max(opinion, 0) / 3, 1))
            asks = view.deal_asks(other) + more_asks
            if asks:  # asking again is remembered: it earns nothing more
                yield Reason(
                    msg("You asked this before, and our answer stands"),
                    round(-10.0 * self.skill.leverage_sense * asks, 1),
                )
        elif prop.kind == "peace":
            yield from self.peace_reasons(view, other)
            if prop.terms.payer == me:
                yield Reason(msg("The tribute you demand"), round(-prop.terms.tribute * 3, 1))
            elif prop.terms.payer == other:
                yield Reason(msg("The tribute you offer"), round(prop.terms.tribute * 2, 1))
        elif prop.kind == "visit":
            yield Reason(msg("A visit is an honour"), 10.0)
            recent = view.recent_visit(other)
            if recent > 0:  # the first visit honours; the fifth is a nuisance
                yield Reason(msg("You were here not long ago"), round(-recent * 0.8, 1))
            if other == self._leader(view):
                yield Reason(msg("You are growing too strong for everyone's good"), -25.0)
        elif prop.kind == "introduction":
            target = prop.terms.about or ""
            yield Reason(
                msg("What we think of {region}", region=target), round(view.opinion_of(target) / 4, 1)
            )
            yield Reason(msg("We like to bring regions together"), round(10 * p.multilateralism, 1))
        elif prop.kind == "mediation":
            war = view.war_with(prop.terms.about or "")
            standing = war.side_score(me) if war else 0.0
            yield Reason(msg("Our war weariness"), round(view.region.exhaustion / 2, 1))
            yield Reason(msg("How the war goes for us"), round(-standing / 3, 1))
            yield Reason(msg("We trust talks"), round(15 * p.multilateralism - 5, 1))
            if war is not None and war.attacker == me and view.turn - war.started < view.rules.ai.war_resolve:
                yield Reason(msg("We have only begun this war"), -30.0)
            enemy = prop.terms.about or ""  # the mediator is liked, but the peace is made with the enemy
            yield Reason(msg("What we think of {region}", region=enemy), round(view.opinion_of(enemy) / 5, 1))
            yield from self._compromise_reasons(view, prop)
        elif prop.kind == "mediation_request":
            yield from self._mediation_request_reasons(view, prop)
        elif prop.kind == "call_to_arms":
            enemy = prop.terms.about or ""
            yield Reason(msg("We stand by our allies"), round(40 * p.loyalty - 10, 1))
            theirs = view.military_estimate(enemy) or view.region.military
            yield Reason(
                msg("The strength of {region}", region=enemy),
                round(20 * (view.region.military - theirs) / max(theirs + view.region.military, 1), 1),
            )
            if view.wars():
                yield Reason(msg("We already fight a war"), -20.0)

    def peace_reasons(self, view: View, other: str) -> Iterator[Reason]:
        """A peace with `other`, offered alone or in a deal: how the war goes, how tired we are of it."""
        me, p = view.me, view.personality
        war = view.war_with(other)
        standing = war.side_score(me) if war else 0.0
        yield Reason(msg("How the war goes for us"), round(-standing / 2, 1))
        yield Reason(msg("Our war weariness"), round(view.region.exhaustion / 2 - 10 * p.aggression, 1))
        if war is not None and war.attacker == me and view.turn - war.started < view.rules.ai.war_resolve:
            yield Reason(msg("We have only begun this war"), -30.0)

    def _compromise_reasons(self, view: View, prop: Proposal) -> Iterator[Reason]:
        """The tribute of a mediator's compromise, a turn's payment weighed as a share of our income
        a turn (it runs as long for both sides): paying costs more than receiving gains."""
        terms, me = prop.terms, view.me
        if terms.payer is None or terms.tribute <= 0:
            return
        income = max(view.income().total, view.region.economy, 1.0)
        share = terms.tribute / income
        if terms.payer == me:
            yield Reason(msg("The tribute the compromise has us pay"), round(-60 * share, 1))
        else:
            yield Reason(msg("The tribute the compromise pays us"), round(30 * share, 1))

    def _mediation_request_reasons(self, view: View, prop: Proposal) -> Iterator[Reason]:
        """Asked to broker a peace: our taste for talks, what we think of the enemy (what we think
        of the asker is weighed already) and the standing a brokered peace brings."""
        p, rules, enemy = view.personality, view.rules, prop.terms.about or ""
        yield Reason(msg("We like to broker peace"), round(20 * p.multilateralism - 5, 1))
        yield Reason(msg("What we think of {region}", region=enemy), round(view.opinion_of(enemy) / 4, 1))
        room = max(0.0, rules.mediation_reputation_ceiling - view.region.reputation)
        yield Reason(
            msg("The standing a brokered peace brings"), round(1.5 * min(rules.mediation_reputation, room), 1)
        )
        if view.wars():
            yield Reason(msg("We have a war of our own"), -15.0)
        if prop.sender in assess.aggressors(view):  # a way out for an aggressor makes war cheap
            yield Reason(msg("You are waging a war of aggression"), -20.0)
        if enemy in assess.aggressors(view) and view.opinion_of(enemy) < 0:
            yield Reason(msg("{region} should pay for its aggression", region=enemy), -10.0)

    def _treaty_reasons(self, view: View, prop: Proposal) -> Iterator[Reason]:
        kind = prop.terms.treaty
        if kind is not None:
            yield from self._treaty_standing(view, prop.sender, (kind,))
            yield from self.treaty_kind_reasons(view, prop.sender, kind, prop.terms.exclusive)

    def _treaty_standing(self, view: View, other: str, kinds: tuple[str, ...]) -> Iterator[Reason]:
        """What their word and their strength say of any treaty with them, once for all it holds."""
        rep = view.reputation(other)
        yield Reason(msg("Your reputation"), round((rep - 50) / 5, 1))
        trusting = ("non_aggression", "alliance", "access")
        if assess.wronged_us(view, other) and any(k in trusting for k in kinds):
            yield Reason(msg("Your word is worth little to us now"), -25.0)
        if other == self._leader(view):
            yield Reason(msg("You are growing too strong for everyone's good"), -25.0)

    def treaty_kind_reasons(self, view: View, other: str, kind: str, exclusive: bool) -> Iterator[Reason]:
        """What a treaty of this kind with `other` is worth to us."""
        p = view.personality
        if kind == "trade":
            yield Reason(msg("Trade helps our economy"), round(25 * p.trade, 1))
            deals = sum(1 for t in view.treaties() if t.kind == "trade")
            appetite = self._trade_appetite(p)
            if deals >= appetite:
                yield Reason(msg("We have trade partners enough"), -10.0 * (deals + 1 - appetite))
            mine, theirs = view.region.economy, view.economy(other)
            if exclusive:  # what it pays, on the scale of the trade it would cost us (below)
                gain = 3 * assess.exclusive_gain(view, other)
                yield Reason(msg("Exclusivity adds to what this deal pays us"), round(gain, 1))
            if exclusive and theirs > 1.5 * mine:
                tilt = -15 * (theirs / mine - 1) * self.skill.leverage_sense
                yield Reason(msg("This deal favours you far more than us"), round(tilt, 1))
            if exclusive:
                yield Reason(msg("Exclusivity ties our hands"), round(-15 * p.multilateralism, 1))
            if exclusive and theirs > mine and view.income().trade > 0:  # ours would end
                lost = -3 * view.income().trade * self.skill.leverage_sense
                yield Reason(msg("We would lose our other trade partners"), round(lost, 1))
        elif kind == "non_aggression":
            theirs = view.military_estimate(other) or 0.0
            yield Reason(msg("Safety on our border"), 10.0 if other in view.neighbours() else 2.0)
            weaker = theirs < view.region.military  # the warlike keep their options open against prey
            yield Reason(msg("We keep our options open"), round(-25 * p.aggression * (1 + weaker), 1))
            if theirs > view.region.military:
                yield Reason(msg("Your army is stronger than ours"), 10.0)
        elif kind == "alliance":
            yield Reason(msg("An alliance is a serious commitment"), -25.0)
            if view.allies():
                yield Reason(msg("We have allies enough"), -12.0 * len(view.allies()))
            if view.allies(other):
                yield Reason(msg("You have many allies already"), -8.0 * len(view.allies(other)))
            threat = max((view.military_estimate(n) or 0.0 for n in view.neighbours()), default=0.0)
            if threat > view.region.military:
                yield Reason(msg("We face a stronger neighbour"), 15.0)
            dangers = len(view.enemies(other))
            if dangers:
                yield Reason(msg("Your wars would become ours"), -15.0 * dangers)
            yield Reason(
                msg("Kinship between our peoples"), round(15 * view.affinity(other) * p.cultural_pride, 1)
            )
            yield Reason(msg("We stand by our friends"), round(15 * p.loyalty, 1))
        elif kind == "access":
            if view.has_treaty(other, "alliance"):
                yield Reason(msg("You are our ally"), 15.0)
            else:
                yield Reason(msg("Foreign troops on our land"), -20.0)

    def vote(self, view: View, resolution: Resolution, rng: Rng) -> bool:
        me, p, target = view.me, view.personality, resolution.target
        # the runaway is sought last: the rest decides most votes, and it costs the most to see
        if resolution.kind == "admit":  # a seat for a region we trust, not for one running away
            if view.opinion_of(target) + view.reputation(target) / 5 + 10 * p.multilateralism <= 5:
                return False
            return not view.at_war(target) and target != self._leader(view)
        if target == me or target in view.allies():
            return False
        value = 15 * p.multilateralism - 5 - view.opinion_of(target) / 5
        return value > 0 or target == self._leader(view)

    def _leverage(self, view: View, other: str) -> bool:
        """An exclusive deal pays us and they may take it: we are the richer side by the trade body's
        measure (what trade bodies may tax is the price of it), and they are bound to no one else
        and have at most two other trade partners to give up."""
        ratio = (view.region.economy / max(view.economy(other), 0.1)) ** view.rules.trade_tilt
        trade = [t for t in view.treaties_of(other) if t.kind == "trade"]
        free = len(trade) <= 2 and not any(t.exclusive for t in trade)
        return free and ratio**2 >= view.rules.leverage_threshold

    def _leader(self, view: View, near: float | None = None) -> str | None:
        """The region closest to winning, any way the scenario allows, once it is `near` (by
        default, close enough for this player to see the danger: the skilled see it sooner, the
        easy never)."""
        if self.skill.sees_danger <= 0:
            return None
        near = self.skill.sees_danger if near is None else near
        found = [d for d in assess.dangers(view, view.rules.ai.runaway_ratio) if d.progress >= near]
        return max(found, key=lambda d: (d.progress, d.region)).region if found else None

    def _ahead(self, view: View) -> bool:
        """We are as close to winning as others turn against (this player sees it as it sees theirs)."""
        if self.skill.sees_danger <= 0:
            return False
        mine = assess.progress(view, view.rules.ai.runaway_ratio)
        return any(d.region == view.me and d.progress >= self.skill.sees_danger for d in mine)

    def _trade_appetite(self, p: Personality) -> int:
        """How many trade agreements this player wants to keep: as many as its temper likes, and
        more for the skilled, who know every deal pays."""
        return 2 + round(4 * p.trade) + self.skill.extra_trade

    # --- memory, read from the news -----------------------------------------------------------
    def _refused_recently(self, view: View, other: str, what: str) -> bool:
        turn = view.refused_on(other, what)
        return turn is not None and turn >= view.turn - view.rules.ai.rejection_cooldown


def _sample(rng: Rng, items: list[str], count: int) -> set[str]:
    if len(items) <= count:
        return set(items)
    return {items[rng.below(len(items))] for _ in range(count)}
