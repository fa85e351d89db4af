"""Help over the game (F1, H or ?): the keys and mouse, the rules in brief, and how to win."""

from __future__ import annotations

from game.i18n import _, ngettext
from game.ui.goal_texts import victory_lines
from game.ui.overgame import TextOverlay
from game.ui.proposal_texts import gold_text


class HelpScene(TextOverlay):
    WIDTH, HEIGHT = 820, 620
    GRACE_SECONDS = 0.0

    def title(self) -> str:
        return _("Help")

    def lines(self) -> list[str]:
        state = self.game.state
        rules = state.rules
        lines = [f"**{_('Keys and mouse')}**"]
        lines += [
            _("Click a region: what you know of it and what you may do; Esc: back to your own."),
            _("Enter: end your turn (in a dialog: send). Esc: the menu (save, load, settings, quit)."),
            _("Wheel or + and -: zoom the map. Right mouse button or the arrow keys: move it."),
            _("Tab: the panel's tabs (region, inbox, news). G: goals. R: the overview. O: organisations."),
            _("F1, H or ?: this help. F11: full screen. F5: load the scenario again from the disk."),
            _("Hover a button to read what it does and costs, or why it is not possible now."),
        ]
        lines += ["", f"**{_('The rules in brief')}**"]
        lines.append(
            ngettext(
                "Each turn you have {n} diplomatic action and one state visit; answers, votes and "
                "investments are free.",
                "Each turn you have {n} diplomatic actions and one state visit; answers, votes and "
                "investments are free.",
                rules.diplomatic_actions,
            ).format(n=rules.diplomatic_actions)
        )
        lines += [
            _(
                "An ambassador ({gold} gold a turn) slowly warms both sides, shows you the region's "
                "figures and its opinion of you, and is needed to propose a treaty."
            ).format(gold=gold_text(rules.ambassador_upkeep)),
            _(
                "Treaties: a non-aggression pact, a military alliance (each side is called to arms when "
                "the other is attacked), a trade agreement (more income for both) and military access."
            ),
            _(
                "Opinions are the sum of their causes: kinship, borders, reputation, treaties, visits, "
                "aid and grievances. Click a region to see each one."
            ),
            _(
                "War needs a border (or an ally's land to cross) and an army; the victim's allies are "
                "called in. At -100 a side capitulates and may be annexed; peace can be white, a "
                "tribute, or an annexation."
            ),
            _(
                "Organisations vote: security bodies condemn aggressors, trade bodies condemn lopsided "
                "exclusive deals. Those who defy them may face sanctions; non-members are marked rogue."
            ),
            _("Debt costs interest, soldiers and stability, and ends in bankruptcy."),
        ]
        lines += ["", f"**{_('How to win')}**"]
        lines += victory_lines(state.victory, state.turn_limit, rules)
        return lines
