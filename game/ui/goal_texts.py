"""What the player reads about winning: the scenario's ways to win, progress toward them, and who
is about to win. Whole sentences per way, so that each language can word them its own way."""

from __future__ import annotations

import math
from collections.abc import Callable

from game.core.config import Rules
from game.core.model import Victory
from game.core.progress import Progress, Standing, WayProgress
from game.i18n import _, ngettext, number


def percent(share: float) -> str:
    return f"{number(round(share * 100))}%"


def victory_lines(victory: Victory, turn_limit: int, rules: Rules) -> list[str]:
    """The scenario's ways of winning, one sentence each, then the turn limit and the score."""
    lines = []
    score_window = rules.score_window
    if victory.diplomatic_share is not None:
        lines.append(
            ngettext(
                "Diplomatic victory: {share} of the other regions allied with you or friendly to you, "
                "for {n} turn.",
                "Diplomatic victory: {share} of the other regions allied with you or friendly to you, "
                "for {n} turns in a row.",
                victory.diplomatic_turns,
            ).format(share=percent(victory.diplomatic_share), n=victory.diplomatic_turns)
        )
    if victory.economic_share is not None:
        lines.append(
            ngettext(
                "Economic victory: {share} of the world's income, for {n} turn.",
                "Economic victory: {share} of the world's income, for {n} turns in a row.",
                victory.economic_turns,
            ).format(share=percent(victory.economic_share), n=victory.economic_turns)
        )
    if victory.conquest_share is not None:
        lines.append(
            _("Conquest: rule {share} of all regions.").format(share=percent(victory.conquest_share))
        )
    lines.append(_("The last region standing wins; a region annexed by another has lost."))
    lines.append(
        ngettext(
            "Otherwise the best score wins after turn {limit} (the mean score of the last {n} turn).",
            "Otherwise the best score wins after turn {limit} (the mean score of the last {n} turns).",
            score_window,
        ).format(limit=turn_limit, n=score_window)
    )
    lines.append(
        _(
            "The score adds up economy, army, treasury (up to {turns} turns of your economy: "
            "a hoard beyond scores nothing), reputation and the regions you rule."
        ).format(turns=number(rules.score_treasury_turns))
    )
    return lines


def needed(progress: WayProgress) -> str:
    """What a way needs, as a count of regions or a share."""
    if progress.way == "economic":
        return percent(progress.need)
    return number(math.ceil(progress.need - 1e-9))


def had(progress: WayProgress) -> str:
    if progress.way == "economic":
        return percent(progress.have)
    return number(round(progress.have))


def way_line(progress: WayProgress) -> str:
    """A region's progress toward one way of winning, in a sentence."""
    have, need = had(progress), needed(progress)
    if progress.way == "diplomatic":
        line = _("Diplomatic victory: {have} of the {need} friends and allies needed.")
    elif progress.way == "economic":
        line = _("Economic victory: {have} of the world's income, {need} needed.")
    else:
        line = _("Conquest: {have} of the {need} regions needed.")
    line = line.format(have=have, need=need)
    if progress.met and progress.turns:
        line += " " + ngettext(
            "Held for {held} of {n} turn.", "Held for {held} of {n} turns.", progress.turns
        ).format(held=progress.held, n=progress.turns)
    return line


def way_short(progress: WayProgress) -> str:
    """A way's progress in a few words, for the bar over the map."""
    have, need = had(progress), needed(progress)
    if progress.way == "diplomatic":
        return _("friends {have}/{need}").format(have=have, need=need)
    if progress.way == "economic":
        return _("income {have}/{need}").format(have=have, need=need)
    return _("regions {have}/{need}").format(have=have, need=need)


def place_line(standing: Standing, count: int, turn: int, limit: int) -> str:
    return _("Turn {turn} of {limit} · score {score}, place {rank} of {count}").format(
        turn=turn, limit=limit, score=number(round(standing.score)), rank=standing.rank, count=count
    )


def threat_line(region: str, progress: WayProgress, name: Callable[[str], str]) -> str:
    """Another region about to win, and how soon."""
    who = name(region)
    turns = progress.turns_to_win
    if turns is not None and progress.way == "conquest":
        return _("{region} rules enough regions to win by conquest when this turn ends.").format(region=who)
    if turns is not None and progress.way == "economic":
        return ngettext(
            "{region} holds {share} of the world's income: it wins an economic victory in {n} turn "
            "unless it is stopped.",
            "{region} holds {share} of the world's income: it wins an economic victory in {n} turns "
            "unless it is stopped.",
            turns,
        ).format(region=who, share=had(progress), n=turns)
    if turns is not None:
        return ngettext(
            "{region} has enough friends and allies: it wins a diplomatic victory in {n} turn unless "
            "it is stopped.",
            "{region} has enough friends and allies: it wins a diplomatic victory in {n} turns unless "
            "it is stopped.",
            turns,
        ).format(region=who, n=turns)
    if progress.way == "conquest":
        return _("{region} is one annexation away from a conquest victory.").format(region=who)
    if progress.way == "economic":
        return _(
            "{region} is close to an economic victory ({have} of the world's income, {need} needed)."
        ).format(region=who, have=had(progress), need=needed(progress))
    return _(
        "{region} is close to a diplomatic victory ({have} of the {need} friends and allies needed)."
    ).format(region=who, have=had(progress), need=needed(progress))


def my_threat_line(progress: WayProgress) -> str:
    """Our own region about to win: good news, worded for us."""
    turns = progress.turns_to_win or 0
    if progress.way == "conquest":
        return _("You rule enough regions to win by conquest when this turn ends.")
    if progress.way == "economic":
        return ngettext(
            "Hold your share of the world's income for {n} more turn and you win.",
            "Hold your share of the world's income for {n} more turns and you win.",
            turns,
        ).format(n=turns)
    return ngettext(
        "Keep your friends and allies for {n} more turn and you win.",
        "Keep your friends and allies for {n} more turns and you win.",
        turns,
    ).format(n=turns)


def progress_of(progress: Progress, region: str) -> list[str]:
    """A region's place and every way's progress, one line each."""
    lines = [way_line(p) for p in progress.of(region)]
    standing = progress.standing(region)
    if standing is not None:
        lines.insert(
            0,
            _("Score {score} (final ranking: {final}), place {rank} of {count}.").format(
                score=number(round(standing.score)),
                final=number(round(standing.final)),
                rank=standing.rank,
                count=len(progress.living),
            ),
        )
    return lines
