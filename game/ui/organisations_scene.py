"""The organisations screen (O): each body's members, open votes, what it demands of whom (its
sanctions) and the regions marked rogue. Organisations, their motions and verdicts are public news;
how each member voted is seen only inside the body."""

from __future__ import annotations

from game.core.model import Demand
from game.core.view import View
from game.i18n import _, ngettext
from game.ui.overgame import TextOverlay
from game.ui.proposal_texts import resolution_line


class OrganisationsScene(TextOverlay):
    WIDTH, HEIGHT = 820, 620
    GRACE_SECONDS = 0.0

    def title(self) -> str:
        return _("Organisations")

    def lines(self) -> list[str]:
        game = self.game
        view = View(game.state, game.me)
        name = game.name
        lines: list[str] = []
        for org in view.organisations():
            kind = _("a security body") if org.kind == "security" else _("a trade body")
            every = ngettext("sessions every {n} turn", "sessions every {n} turns", org.session_every).format(
                n=org.session_every
            )
            lines.append(f"**{name(org.id)} — {kind}, {every}**")
            members = sorted((name(m) for m in org.members), key=str.casefold)
            lines.append(_("Members: {list}").format(list=", ".join(members) or _("none")))
            if game.me in org.members:
                lines.append(_("You are a member."))
            lines += self._votes(view, org.id, game.me in org.members)
            lines += self._demands(org.demands)
            lines.append("")
        rogues = [
            (name(r), region.rogue_turns)
            for r, region in sorted(game.state.regions.items())
            if region.alive and region.rogue_turns > 0
        ]
        lines.append(f"**{_('Marked rogue')}**")
        lines += [
            ngettext("{region}: {n} more turn", "{region}: {n} more turns", turns).format(region=r, n=turns)
            for r, turns in rogues
        ] or [_("No region is marked rogue.")]
        if not view.organisations():
            lines.insert(0, _("This scenario has no organisations."))
        return lines

    def _votes(self, view: View, org: str, member: bool) -> list[str]:
        """Open motions (public news); the votes themselves only for members."""
        name = self.game.name
        lines = []
        for resolution in sorted(view.state.resolutions.values(), key=lambda r: r.id):
            if resolution.org != org:
                continue
            line = _("Vote: {motion}").format(motion=resolution_line(resolution, name))
            if member:
                yes = sorted(name(r) for r, v in resolution.votes.items() if v)
                no = sorted(name(r) for r, v in resolution.votes.items() if not v)
                line += " " + _("For: {yes}. Against: {no}.").format(
                    yes=", ".join(yes) or _("none"), no=", ".join(no) or _("none")
                )
            else:
                cast = len(resolution.votes)
                line += " " + ngettext("{n} vote cast.", "{n} votes cast.", cast).format(n=cast)
            lines.append(line)
        return lines

    def _demands(self, demands: dict[str, Demand]) -> list[str]:
        lines = []
        for region, demand in sorted(demands.items()):
            who, about = self.game.name(region), self.game.name(demand.about or "")
            if demand.kind == "condemn_aggression":
                text = _("{region} must end its war on {other} by turn {turn}.")
            elif demand.kind == "condemn_deal":
                text = _("{region} must end its condemned deal with {other} by turn {turn}.")
            else:
                text = _("{region} must lift its embargo on {other} by turn {turn}.")
            lines.append(text.format(region=who, other=about, turn=demand.deadline))
        if lines:
            lines.insert(0, _("Its demands (defying them brings sanctions and the rogue mark):"))
        return lines
