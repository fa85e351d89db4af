"""Alerts: the dangers a player must not miss, shown in a dialog at the start of their turn.

A war declared on them or joined against them, an ally's call to arms, a war being lost (or
lost: capitulation), debt, a vote of an organisation about them, another region about to win.
Each alert has a key: the same danger is told once while it lasts (a lasting one, such as debt,
again after it has ended and come back). Everything comes from the player's view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.core.events import Event
from game.core.messages import Msg
from game.core.news import describe
from game.core.progress import Progress
from game.core.view import View
from game.i18n import _, number
from game.ui.goal_texts import threat_line
from game.ui.overgame import TextOverlay
from game.ui.proposal_texts import answer_help, gold_text, resolution_line

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.mapscene import MapScene

LOSING_SCORE = -60.0  # a war score this low (of -100, capitulation) is a danger to be told
WEARY = 80.0  # war exhaustion this high makes a losing side capitulate soon
LASTING = ("losing:", "army", "debt", "deficit", "threat:")  # conditions that may end and come back
ARMY_LOW = 2.0  # at war with an army under this many times the smallest that may go to war


@dataclass(frozen=True, slots=True)
class Alert:
    key: str
    title: str
    lines: tuple[str, ...]


def alerts_for(
    view: View,
    since_event: int,
    progress: Progress,
    told: set[str],
    text: Callable[[Msg], str],
    name: Callable[[str], str],
) -> list[Alert]:
    """The dangers not told yet; `told` is updated. `since_event`: the first event not yet seen."""
    found = [
        *_wars(view, view.state.events[since_event:], name),
        *_calls(view, name),
        *_losing(view, name),
        *_money(view),
        *_votes(view, view.state.events[since_event:], text, name),
        *_threats(view, progress, name),
    ]
    active = {a.key for a in found}
    told -= {key for key in told if key.startswith(LASTING) and key not in active}
    fresh = [a for a in found if a.key not in told]
    told |= {a.key for a in fresh}
    return fresh


def _wars(view: View, events: list[Event], name: Callable[[str], str]) -> list[Alert]:
    me, found = view.me, []
    for event in events:
        if event.kind != "war_declared" or me not in event.actors:
            continue
        attacker, defender = event.actors[0], event.actors[1]
        ally_of = event.get("ally_of")
        key = f"war:{attacker}:{defender}:{event.turn}"
        if defender == me and ally_of is None:
            lines = [_("A war score of -100 is capitulation: the enemy may then annex you.")]
            allies = [name(a) for a in view.allies() if view.at_war(a, attacker)]
            if allies:
                lines.append(_("Fighting beside you: {list}.").format(list=", ".join(allies)))
            lines.append(_("Offer peace from its panel, or ask your allies to hold the line."))
            title = _("{region} declares war on you!").format(region=name(attacker))
            found.append(Alert(key, title, tuple(lines)))
        elif defender == me:
            title = _("{region} joins the war against you to defend {ally}.").format(
                region=name(attacker), ally=name(str(ally_of))
            )
            found.append(Alert(key, title, ()))
    return found


def _calls(view: View, name: Callable[[str], str]) -> list[Alert]:
    found = []
    for proposal in view.inbox():
        if proposal.kind != "call_to_arms":
            continue
        title = _("{ally} calls you to arms against {enemy}.").format(
            ally=name(proposal.sender), enemy=name(proposal.terms.about or "")
        )
        lines = (
            answer_help(view.state, proposal, True, name),
            answer_help(view.state, proposal, False, name),
            _("Answer it in your inbox."),
        )
        found.append(Alert(f"call:{proposal.id}", title, lines))
    return found


def _losing(view: View, name: Callable[[str], str]) -> list[Alert]:
    me, found = view.me, []
    lines: tuple[str, ...]
    for war in view.wars():
        enemy = war.defender if war.attacker == me else war.attacker
        score = war.side_score(me)
        if war.capitulated == me:
            title = _("You have capitulated to {enemy}.").format(enemy=name(enemy))
            lines = (
                _("{enemy} may now impose its terms, annexation included, and you must accept them.").format(
                    enemy=name(enemy)
                ),
            )
            found.append(Alert(f"capitulated:{war.id}", title, lines))
        elif score <= LOSING_SCORE or (view.region.exhaustion >= WEARY and score < 0):
            title = _("You are losing the war with {enemy}.").format(enemy=name(enemy))
            lines = (
                _(
                    "War score {score} (-100 is capitulation), army {army}, war weariness {weariness} of 100."
                ).format(
                    score=number(round(score)),
                    army=number(round(view.region.military)),
                    weariness=number(round(view.region.exhaustion)),
                ),
                _("At -100 you capitulate, and {enemy} may annex you. Offer peace while you can.").format(
                    enemy=name(enemy)
                ),
            )
            found.append(Alert(f"losing:{war.id}", title, lines))
    if view.wars() and view.region.military < ARMY_LOW * view.rules.war_min_army:
        found.append(_army(view))
    return found


def _army(view: View) -> Alert:
    """At war with next to no army: what the treasury could buy (investing is free of actions)."""
    region, rules = view.region, view.rules
    title = _("Your army is nearly gone: {army} left in a war.").format(army=number(round(region.military)))
    lines = (
        _(
            "Your treasury holds {gold} gold; each gold invested in the army (Invest…) adds {rate} to it."
        ).format(gold=gold_text(region.treasury), rate=number(rules.invest_military_rate)),
    )
    return Alert("army", title, lines)


def _money(view: View) -> list[Alert]:
    region, rules = view.region, view.rules
    flow = view.income().total
    lines: tuple[str, ...]
    if region.treasury < 0:
        limit = rules.bankruptcy_turns * max(region.economy, 1.0)
        lines = (
            _("Each turn in debt costs interest, soldiers desert and stability falls."),
            _("A debt of {limit} gold ends in bankruptcy: reputation and stability fall further.").format(
                limit=gold_text(limit)
            ),
            _("Recall ambassadors, make peace or trade to earn more than you spend."),
        )
        title = _("Your treasury is in debt: {gold} gold.").format(gold=gold_text(region.treasury))
        return [Alert("debt", title, lines)]
    if region.treasury + flow < 0:
        title = _("You will be in debt next turn.")
        lines = (
            _("You spend {gold} gold a turn more than you earn, and hold {treasury}.").format(
                gold=gold_text(-flow), treasury=gold_text(region.treasury)
            ),
        )
        return [Alert("deficit", title, lines)]
    return []


def _votes(
    view: View, events: list[Event], text: Callable[[Msg], str], name: Callable[[str], str]
) -> list[Alert]:
    me, found = view.me, []
    for resolution in view.resolutions():
        if me in (resolution.target, resolution.about) and resolution.kind != "admit":
            title = _("{org} votes on a motion about you.").format(org=name(resolution.org))
            found.append(Alert(f"motion:{resolution.id}", title, (resolution_line(resolution, name),)))
    for event in events:
        if event.kind == "resolution_passed" and event.actors[0] == me and event.get("resolution") != "admit":
            title = _("{org} condemns you.").format(org=name(str(event.get("org"))))
            found.append(Alert(f"passed:{event.turn}:{event.get('org')}", title, (text(describe(event)),)))
        if event.kind == "bankruptcy" and event.actors[0] == me:
            found.append(
                Alert(f"bankrupt:{event.turn}", _("You have gone bankrupt."), (text(describe(event)),))
            )
    return found


def _threats(view: View, progress: Progress, name: Callable[[str], str]) -> list[Alert]:
    found = []
    for region, way in progress.threats():
        if region == view.me:
            continue
        title = _("{region} is close to winning.").format(region=name(region))
        found.append(Alert(f"threat:{region}:{way.way}:{way.met}", title, (threat_line(region, way, name),)))
    return found


class AlertScene(TextOverlay):
    """The alerts, over the map, until the player says they have read them."""

    FILL, BORDER, TITLE = (46, 24, 26), (220, 90, 80), (255, 190, 170)

    def __init__(self, app: App, game: MapScene, alerts: list[Alert]) -> None:
        super().__init__(app, game)
        self.alerts = alerts

    def title(self) -> str:
        return _("Alerts")

    def lines(self) -> list[str]:
        lines: list[str] = []
        for alert in self.alerts:
            lines += [f"**{alert.title}**", *alert.lines, ""]
        return lines[:-1]

    def close_label(self) -> str:
        return _("I have read it (Enter)")
