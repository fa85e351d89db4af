"""What a waiting proposal asks, and a computer player's answer with its weighted reasons."""

from __future__ import annotations

from collections.abc import Callable

from game.ai.base import Decision
from game.core.actions import Action
from game.core.kinds.deals import term_text
from game.core.messages import Msg
from game.core.model import GameState, Proposal, Resolution
from game.core.registry import kind_of
from game.foresight import Foresight
from game.i18n import _, ngettext, number, translate_msg
from game.session import AnswerRecord
from game.ui.labels import kind_label


def treaty_proposal(sender: str, kind: str, exclusive: bool) -> str:
    """A whole sentence per kind of treaty, so that each language may decline its name."""
    if kind == "trade" and exclusive:
        return _("{sender} proposes an exclusive trade agreement.").format(sender=sender)
    sentence = {
        "non_aggression": _("{sender} proposes a non-aggression pact."),
        "alliance": _("{sender} proposes a military alliance."),
        "trade": _("{sender} proposes a trade agreement."),
        "access": _("{sender} proposes a military access treaty."),
    }.get(kind)
    if sentence is None:
        return _("{sender} proposes: {what}").format(sender=sender, what=kind_label(kind))
    return sentence.format(sender=sender)


def proposal_line(state: GameState, proposal: Proposal, name: Callable[[str], str]) -> str:
    """One line for the inbox and the turn summary, with the terms a human must weigh."""
    sender, terms = name(proposal.sender), proposal.terms
    about = name(terms.about or "")
    if proposal.kind == "treaty" and terms.treaty is not None:
        return treaty_proposal(sender, terms.treaty, terms.exclusive)
    if proposal.kind == "peace":
        if terms.annex is not None:
            return _("{sender} demands your annexation as the price of peace.").format(sender=sender)
        if terms.payer is not None:
            turns = state.rules.tribute_turns
            return ngettext(
                "{sender} offers peace: {payer} pays {gold} gold a turn for {turns} turn.",
                "{sender} offers peace: {payer} pays {gold} gold a turn for {turns} turns.",
                turns,
            ).format(sender=sender, payer=name(terms.payer), gold=gold_text(terms.tribute), turns=turns)
        return _("{sender} offers a white peace.").format(sender=sender)
    if proposal.kind == "visit":
        return _("{sender} asks to pay you a state visit.").format(sender=sender)
    if proposal.kind == "introduction":
        return _("{sender} asks you to introduce it to {about}.").format(sender=sender, about=about)
    if proposal.kind == "mediation":
        return mediation_line(state, proposal, name)
    if proposal.kind == "mediation_request":
        return _("{sender} asks you to broker a peace between it and {about}.").format(
            sender=sender, about=about
        )
    if proposal.kind == "call_to_arms":
        return _("{sender} calls you to arms against {about}.").format(sender=sender, about=about)
    if proposal.kind == "deal":
        shown = "; ".join(
            translate_msg(term_text(t, proposal.sender, proposal.recipient), name) for t in terms.deal
        )
        if terms.counter_of is not None:
            return _("{sender} answers with a counter-offer: {terms}.").format(sender=sender, terms=shown)
        return _("{sender} offers a deal: {terms}.").format(sender=sender, terms=shown)
    return _("{sender} proposes: {what}").format(sender=sender, what=kind_label(proposal.kind))


def answer_help(state: GameState, proposal: Proposal, accept: bool, name: Callable[[str], str]) -> str:
    """What an answer to a proposal leads to, said before it is given."""
    rules, sender, terms = state.rules, name(proposal.sender), proposal.terms
    if proposal.kind == "call_to_arms":
        if accept:
            return _("You go to war against {enemy} beside {ally}.").format(
                enemy=name(terms.about or ""), ally=sender
            )
        return _("Declining costs {n} reputation, and {ally} will not forget it.").format(
            n=number(rules.ignored_call_reputation), ally=sender
        )
    if proposal.kind == "peace" and accept:
        if terms.annex is not None:
            return _("Your region is annexed by {sender}: you lose the game.").format(sender=sender)
        if terms.payer is not None:
            return ngettext(
                "The war ends; {payer} pays {gold} gold a turn for {n} turn.",
                "The war ends; {payer} pays {gold} gold a turn for {n} turns.",
                rules.tribute_turns,
            ).format(payer=name(terms.payer), gold=gold_text(terms.tribute), n=rules.tribute_turns)
        return ngettext(
            "The war ends as it stands; a truce of {n} turn follows.",
            "The war ends as it stands; a truce of {n} turns follows.",
            rules.truce_turns,
        ).format(n=rules.truce_turns)
    if proposal.kind == "peace":
        return _("The war goes on.")
    if accept and proposal.kind == "treaty" and terms.treaty is not None:
        turns = rules.pact_turns if terms.treaty == "non_aggression" else rules.treaty_turns
        return (
            treaty_meaning(terms.treaty)
            + " "
            + ngettext("It lasts {n} turn.", "It lasts {n} turns.", turns).format(n=turns)
        )
    if accept and proposal.kind == "deal":
        return _("Every term takes effect at once; gold each turn is paid from the end of this turn.")
    if accept and proposal.kind == "visit":
        return _("Their ruler visits: goodwill both ways.")
    if accept and proposal.kind == "introduction":
        return _("{sender} meets {about}, and {about} hears well of it if it thinks well of you.").format(
            sender=sender, about=name(terms.about or "")
        )
    if accept and proposal.kind == "mediation":
        return mediation_help(state, proposal, name)
    if accept and proposal.kind == "mediation_request":
        return _(
            "You offer {about} the compromise peace the war calls for, with {sender} counted as agreed; "
            "if {about} says yes, the war ends and your standing rises."
        ).format(sender=sender, about=name(terms.about or ""))
    if accept:
        return ""
    return _("Declining costs nothing; {sender} will not ask again for a while.").format(sender=sender)


def mediation_line(state: GameState, proposal: Proposal, name: Callable[[str], str]) -> str:
    """A mediator's offer with its terms, the same for both sides, and whether the other has agreed."""
    sender, terms = name(proposal.sender), proposal.terms
    about = name(terms.about or "")
    if terms.payer is not None:
        turns = state.rules.tribute_turns
        line = ngettext(
            "{sender} offers to broker a peace between you and {about}: {payer} pays {gold} gold a turn "
            "for {turns} turn.",
            "{sender} offers to broker a peace between you and {about}: {payer} pays {gold} gold a turn "
            "for {turns} turns.",
            turns,
        ).format(
            sender=sender, about=about, payer=name(terms.payer), gold=gold_text(terms.tribute), turns=turns
        )
    else:
        line = _("{sender} offers to broker a white peace between you and {about}.").format(
            sender=sender, about=about
        )
    if terms.about in terms.accepted_by:
        line += " " + _("{about} has agreed to these terms.").format(about=about)
    return line


def mediation_help(state: GameState, proposal: Proposal, name: Callable[[str], str]) -> str:
    """What saying yes to a mediator's compromise leads to: its terms, the truce, the mediator's gain."""
    rules, terms = state.rules, proposal.terms
    about, sender = name(terms.about or ""), name(proposal.sender)
    agreed = terms.about in terms.accepted_by
    if terms.payer is not None:
        n, payer, gold = rules.tribute_turns, name(terms.payer), gold_text(terms.tribute)
        if agreed:
            first = ngettext(
                "{about} has agreed: the war ends, and {payer} pays {gold} gold a turn for {n} turn.",
                "{about} has agreed: the war ends, and {payer} pays {gold} gold a turn for {n} turns.",
                n,
            )
        else:
            first = ngettext(
                "If {about} agrees too, the war ends, and {payer} pays {gold} gold a turn for {n} turn.",
                "If {about} agrees too, the war ends, and {payer} pays {gold} gold a turn for {n} turns.",
                n,
            )
        first = first.format(about=about, payer=payer, gold=gold, n=n)
        truce = rules.truce_turns + rules.tribute_turns
    else:
        first = (
            _("{about} has agreed: the war ends in a white peace.")
            if agreed
            else _("If {about} agrees too, the war ends in a white peace.")
        ).format(about=about)
        truce = rules.truce_turns
    second = ngettext(
        "A truce of {n} turn follows, and {sender} gains in standing.",
        "A truce of {n} turns follows, and {sender} gains in standing.",
        truce,
    ).format(n=truce, sender=sender)
    return first + " " + second


def treaty_meaning(kind: str) -> str:
    return {
        "non_aggression": _("Neither side may attack the other."),
        "alliance": _("Each side is called to arms when the other is attacked."),
        "trade": _("Both incomes grow, more between neighbours and kin."),
        "access": _("Each side's armies may cross the other's land."),
    }.get(kind, "")


def answer_lines(record: AnswerRecord, text: Callable[[Msg], str], name: Callable[[str], str]) -> list[str]:
    """The verdict, then each reason with its weight and the way it pulls, the heaviest first."""
    region = name(record.recipient)
    verdict = _("{region} accepts.") if record.decision.accept else _("{region} refuses.")
    if record.decision.counter:  # the counter-offer waits in the proposer's inbox
        verdict = _("{region} refuses, and offers other terms: see your inbox.")
    return [verdict.format(region=region), *reason_lines(record.decision, text)]


def foresight_lines(seen: Foresight, text: Callable[[Msg], str], name: Callable[[str], str]) -> list[str]:
    """Before sending: the answer our ambassador foresees, with its reasons, or that none can be."""
    region = name(seen.recipient)
    if seen.decision is None:
        return [_("How {region} would answer: unknown without an ambassador there.").format(region=region)]
    verdict = (
        _("Our ambassador expects {region} to accept.")
        if seen.decision.accept
        else _("Our ambassador expects {region} to refuse.")
    )
    return ["**" + verdict.format(region=region) + "**", *reason_lines(seen.decision, text)]


def reason_lines(decision: Decision, text: Callable[[Msg], str]) -> list[str]:
    """Each reason of an answer with its weight and the way it pulls, the heaviest first."""
    reasons = sorted(decision.reasons, key=lambda r: -abs(r.weight))
    return ["   " + weighed(text(r.text), r.weight) for r in reasons]


def weighed(reason: str, weight: float) -> str:
    """A reason and how much it pulls toward yes or no: a sign alone reads as the reason's own."""
    size = number(abs(round(weight)))
    if round(weight) >= 0:
        return _("{reason}: {weight} for").format(reason=reason, weight=size)
    return _("{reason}: {weight} against").format(reason=reason, weight=size)


def gold_text(gold: float) -> str:
    """A sum of gold as players count it: whole pieces (half a piece is rounded up); below one
    piece, to a tenth, so that it does not read as nothing."""
    if abs(gold) < 1:
        return number(round(gold, 1))
    return number(int(gold + 0.5) if gold >= 0 else -int(-gold + 0.5))


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
        lines.append(_("Costs {gold} gold.").format(gold=gold_text(cost.gold(state, action))))
    if cost.upkeep is not None:
        lines.append(_("Then {gold} gold every turn.").format(gold=gold_text(cost.upkeep(state.rules))))
    if not lines:
        lines.append(_("Free: not a diplomatic action."))
    return lines
