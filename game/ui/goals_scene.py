"""The goals screen (G, or a click on the goal bar): how this scenario is won, our progress toward
each way of winning, the leaders' progress, and who is about to win."""

from __future__ import annotations

from game.i18n import _, number
from game.ui.goal_texts import progress_of, threat_line, victory_lines, way_short
from game.ui.overgame import TextOverlay

LEADERS_SHOWN = 5


class GoalsScene(TextOverlay):
    WIDTH, HEIGHT = 760, 600
    GRACE_SECONDS = 0.0

    def title(self) -> str:
        return _("Goals")

    def lines(self) -> list[str]:
        game = self.game
        state, progress = game.state, game.progress
        lines = [f"**{_('How to win')}**"]
        lines += victory_lines(state.victory, state.turn_limit, state.rules)
        lines += ["", f"**{_('{region}: where you stand').format(region=game.name(game.me))}**"]
        lines += progress_of(progress, game.me) or [_("Your region has been annexed.")]
        lines += ["", f"**{_('The leaders')}**"]
        for standing in progress.standings()[:LEADERS_SHOWN]:
            ways = " · ".join(way_short(p) for p in progress.of(standing.region))
            line = _("{rank}. {region}: score {score}").format(
                rank=standing.rank, region=game.name(standing.region), score=number(round(standing.score))
            )
            lines.append(f"{line} · {ways}" if ways else line)
        threats = progress.threats()
        if threats:
            lines += ["", f"**{_('Close to winning')}**"]
            lines += [threat_line(region, way, game.name) for region, way in threats]
        return lines
