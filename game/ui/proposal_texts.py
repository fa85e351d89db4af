"""What a waiting proposal asks, and a computer player's answer with its weighted reasons."""

from __future__ import annotations

from collections.abc import Callable

from game.core.actions import Action
from game.core.messages import Msg
from game.core.model import GameState, Proposal, Resolution
from game.core.registry import kind_of
from game.i18n import _, ngettext
from game.session import AnswerRecord
from game.ui.labels import kind_label


def proposal_line(state: GameState, proposal: Proposal, name: Callable[[str], str]) -> str:
    """One line for the inbox and the turn summary, with the terms a human must weigh."""
    sender, terms = name(proposal.sender), proposal.terms
    about = name(terms.about or "")
    if proposal.kind == "treaty" and terms.treaty is not None:
        what = kind_label(terms.treaty)
        if terms.exclusive:
            return _("{sender} proposes: {what} (exclusive)").format(sender=sender, what=what)
        return _("{sender} proposes: {what}").format(sender=sender, what=what)
    if proposal.kind == "peace":
        if terms.annex is not None:
            return _("{sender} demands your annexation as the price of peace.").format(sender=sender)
        if terms.payer is not None:
            turns = state.rules.tribute_turns
            return ngettext(
                "{sender} offers peace: {payer} pays {gold} gold a turn for {turns} turn.",
                "{sender} offers peace: {payer} pays {gold} gold a turn for {turns} turns.",
                turns,
            ).format(sender=sender, payer=name(terms.payer), gold=amount_text(terms.tribute), turns=turns)
        return _("{sender} offers a white peace.").format(sender=sender)
    if proposal.kind == "visit":
        return _("{sender} asks to pay you a state visit.").format(sender=sender)
    if proposal.kind == "introduction":
        return _("{sender} asks you to introduce it to {about}.").format(sender=sender, about=about)
    if proposal.kind == "mediation":
        return _("{sender} offers to broker a peace between you and {about}.").format(
            sender=sender, about=about
        )
    if proposal.kind == "call_to_arms":
        return _("{sender} calls you to arms against {about}.").format(sender=sender, about=about)
    return _("{sender} proposes: {what}").format(sender=sender, what=kind_label(proposal.kind))


def answer_lines(record: AnswerRecord, text: Callable[[Msg], str], name: Callable[[str], str]) -> list[str]:
    """The verdict, then each reason with its weight, the heaviest first."""
    region = name(record.recipient)
    verdict = _("{region} accepts.") if record.decision.accept else _("{region} refuses.")
    reasons = sorted(record.decision.reasons, key=lambda r: -abs(r.weight))
    return [verdict.format(region=region)] + [f"   {text(r.text)}: {r.weight:+.0f}" for r in reasons]


def amount_text(gold: float) -> str:
    """A sum of gold as players write it: 20, or 7.5."""
    return f"{gold:.0f}" if float(gold).is_integer() else f"{gold:.1f}"


def resolution_line(resolution: Resolution, name: Callable[[str], str]) -> str:
    """What a resolution is about, as its organisation puts it to the vote."""
    org, target, about = name(resolution.org), name(resolution.target), name(resolution.about or "")
    if resolution.kind == "admit":
        return _("{org}: admit {region}?").format(org=org, region=target)
    if resolution.kind == "condemn_aggression":
        return _("{org}: condemn the war of {region} on {other}?").format(org=org, region=target, other=about)
    if resolution.kind == "condemn_deal":
        return _("{org}: condemn the lopsided deal of {region} with {other} (a tariff on {region})?").format(
            org=org, region=target, other=about
        )
    return _("{org}: condemn the embargo of {region} on {other}?").format(org=org, region=target, other=about)


def cost_lines(state: GameState, action: Action) -> list[str]:
    """What an action uses up, in the player's words."""
    kind = kind_of(action)
    if kind is None:
        return []
    cost, lines = kind.cost, []
    if cost.diplomatic:
        lines.append(
            ngettext("Uses {n} diplomatic action.", "Uses {n} diplomatic actions.", cost.diplomatic).format(
                n=cost.diplomatic
            )
        )
    if cost.visit:
        lines.append(_("Uses the ruler's one visit of the turn."))
    if cost.gold is not None:
        lines.append(_("Costs {gold} gold.").format(gold=amount_text(cost.gold(state, action))))
    if cost.upkeep is not None:
        lines.append(_("Then {gold} gold every turn.").format(gold=amount_text(cost.upkeep(state.rules))))
    if not lines:
        lines.append(_("Free: not a diplomatic action."))
    return lines
