"""The panel's texts: what we know of a region (status, memberships, treaties, embargoes,
ambassadors, the opinions with every cause), what is before our organisations, and the news."""

from __future__ import annotations

from collections.abc import Callable

from game.core.messages import Msg
from game.core.model import Modifier
from game.core.news import describe, modifier_text
from game.core.relations import baseline_parts, modifiers, opinion, opinion_label
from game.core.view import View
from game.i18n import _, language, ngettext
from game.ui.labels import BASELINE_LABELS, kind_label
from game.ui.news_filters import filtered_news
from game.ui.proposal_texts import gold_text, resolution_line

Name = Callable[[str], str]


def region_lines(view: View, other: str | None, name: Name) -> list[str]:
    """What we know of `other` (None or ourselves: our own region and our organisations)."""
    me, state = view.me, view.state
    lines: list[str] = []
    if not state.regions[me].alive:
        ruler = state.regions[me].ruler
        lines.append(_("{region} was annexed by {ruler}.").format(region=name(me), ruler=name(ruler)))
    if other is None or other == me:
        lines.append(_("Click a region on the map to deal with it."))
        return lines + membership_lines(view, me, name) + organisation_lines(view, name)
    lines.append(f"**{name(other)}**")
    target = state.regions[other]
    if not target.alive:
        lines.append(_("Annexed by {ruler}.").format(ruler=name(target.ruler)))
        return lines
    status = _("at war") if view.war_with(other) else _("at peace")
    lines.append(_("Status: {status}").format(status=status))
    lines += membership_lines(view, other, name)
    treaties = [kind_label(t.kind) for t in view.treaties(other)]
    if treaties:
        lines.append(_("Treaties: {list}").format(list=", ".join(treaties)))
    embargoes = view.embargoes()
    if (me, other) in embargoes:
        lines.append(_("We have an embargo on them."))
    if (other, me) in embargoes:
        lines.append(_("They have an embargo on us."))
    envoys = [
        text
        for present, text in (
            (view.has_ambassador(other), _("ours with them")),
            (view.hosts_ambassador(other), _("theirs with us")),
        )
        if present
    ]
    lines.append(_("Ambassadors: {list}").format(list=", ".join(envoys) or _("none")))
    mine = opinion(state, me, other)
    lines.append(
        _("Our opinion of them: {value:+.0f} ({label})").format(value=mine, label=_(opinion_label(mine)))
    )
    lines += opinion_parts(view, me, other)
    theirs = view.opinion_of_us(other)
    if not view.knows(me, other):
        lines += unmet_lines(view, other, name)
    elif theirs is None:
        lines.append(_("Their opinion of us: unknown (send an ambassador)"))
    else:
        label = _(opinion_label(theirs))
        lines.append(_("Their opinion of us: {value:+.0f} ({label})").format(value=theirs, label=label))
        lines += opinion_parts(view, other, me)
    figures = view.figures(other)
    if figures is not None:
        lines.append(
            _("Treasury {gold} · economy {economy} · army {army}").format(
                gold=gold_text(figures.treasury),
                economy=gold_text(figures.economy),
                army=gold_text(figures.military),
            )
        )
    return lines


def unmet_lines(view: View, other: str, name: Name) -> list[str]:
    """A region we have no contact with: nothing can be sent to it until someone introduces us,
    and who could (the regions we know that know it, an ambassador of ours with them first)."""
    brokers = sorted((r for r in view.known() if view.knows(r, other)), key=lambda r: name(r).casefold())
    if not brokers:
        return [_("We have no contact with them, and no one we know has.")]
    return [
        _(
            "We have no contact with them: select a region that knows them ({list}) and ask it for an "
            "introduction (our ambassador must be there)."
        ).format(list=", ".join(name(r) for r in brokers))
    ]


def opinion_parts(view: View, holder: str, about: str) -> list[str]:
    """Every cause of an opinion with its value: the baseline's parts, then the modifiers."""
    state = view.state
    lines = [
        f"   {_(BASELINE_LABELS[part])}: {value:+.0f}" for part, value in baseline_parts(state, holder, about)
    ]
    lines += [f"   {modifier_label(m)}: {m.value:+.0f}" for m in modifiers(state, holder, about)]
    return lines


def modifier_label(mod: Modifier) -> str:
    """An opinion modifier's text in the player's language: the rules' texts are msgids."""
    text = modifier_text(mod, language())
    return text if mod.text is not None else _(text)


def membership_lines(view: View, region: str, name: Name) -> list[str]:
    """The organisations a region belongs to, and a rogue mark (both public)."""
    orgs = [name(o.id) for o in view.organisations() if region in o.members]
    lines = [_("Member of: {list}").format(list=", ".join(orgs) or _("no organisation"))]
    rogue = view.state.regions[region].rogue_turns
    if rogue > 0:
        lines.append(
            ngettext("Marked rogue for {n} more turn.", "Marked rogue for {n} more turns.", rogue).format(
                n=rogue
            )
        )
    return lines


def organisation_lines(view: View, name: Name) -> list[str]:
    """At home: what is before the organisations we belong to, and our own applications."""
    lines = []
    for resolution in view.resolutions():
        votes = resolution.votes.get(view.me)
        line = resolution_line(resolution, name)
        if votes is not None:
            line += " " + (_("(we voted for)") if votes else _("(we voted against)"))
        lines.append(line)
    if lines:
        lines.insert(0, f"**{_('Before the organisations')}**")
    return lines


def news_lines(view: View, news_filter: str, text: Callable[[Msg], str]) -> list[str]:
    """The news of the last turns that the filter keeps, newest first, under a heading a turn."""
    events = filtered_news(view, news_filter)
    heading = {
        "all": _("News"),
        "us": _("News about us"),
        "wars": _("News of wars and peace"),
        "diplomacy": _("News of diplomacy"),
        "organisations": _("News of organisations"),
    }[news_filter]
    lines = [f"**{heading}**"]
    turn = None
    for event in events:
        if event.turn != turn:
            turn = event.turn
            lines.append(f"**{_('Turn {turn}').format(turn=turn)}**")
        lines.append(text(describe(event)))
    if not events:
        lines.append(_("Nothing of this kind in the last turns."))
    return lines
