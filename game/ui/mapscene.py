"""The game itself: the map, the selected region's panel, the news, and the turn bar."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import pygame

from game import paths
from game.ai.registry import make_ai
from game.core import actions as A
from game.core.economy import income
from game.core.kinds.base import Control
from game.core.messages import Msg
from game.core.news import describe, modifier_text
from game.core.registry import Option
from game.core.relations import baseline_parts, modifiers, opinion, opinion_label
from game.core.view import View
from game.i18n import _, language, ngettext, translate_msg
from game.saves import LoadedGame, SaveError, autosave, resume
from game.scenario.build import new_game
from game.scenario.provinces import ProvinceMap
from game.scenario.schema import Scenario
from game.session import AnswerRecord, Session
from game.ui.labels import BASELINE_LABELS, MODE_LABELS, kind_label
from game.ui.mapview import MODES, MapView
from game.ui.news_filters import NEWS_FILTERS, filtered_news
from game.ui.overgame import GameOverScene, HandoverScene, PauseScene
from game.ui.proposal_dialog import ActionDialog, AidDialog, InvestDialog, PeaceDialog, TreatyDialog
from game.ui.proposal_texts import answer_lines, cost_lines, proposal_line, resolution_line
from game.ui.scene import Scene
from game.ui.summary_scene import SummaryScene, TurnSnapshot, summary_lines, take_snapshot

if TYPE_CHECKING:
    from game.ui.app import App

PANEL_WIDTH = 440
INBOX_SHOWN = 3  # proposals with answer buttons at once; the rest wait their turn
BAR_HEIGHT = 44
AI_BUDGET_SECONDS = 0.012  # computer turns played per frame, so the window never freezes
REBUILD_SECONDS = 0.25  # while the computers play, the panel follows the news this often
NEWS_HEIGHT = 190  # the news box under its filter buttons, where the window allows
FILTER_HEIGHT = 26
# The kinds that take terms open a dialog: its button's label and the dialog.
DIALOGS: dict[Control, tuple[str, type[ActionDialog]]] = {
    Control.TREATY_DIALOG: ("Propose treaty…", TreatyDialog),
    Control.PEACE_DIALOG: ("Propose peace…", PeaceDialog),
    Control.AID_DIALOG: ("Send aid…", AidDialog),
    Control.INVEST_DIALOG: ("Invest…", InvestDialog),
}


def scenario_regions(scenario: Scenario) -> list[str]:
    return [r.id for r in scenario.regions]


class MapScene(Scene):
    """The game itself: the map, the selected region's panel, the news, and the turn bar."""

    def __init__(
        self,
        app: App,
        scenario: Scenario,
        humans: list[str],
        difficulty: str,
        seed: int | None = None,
        *,
        source: tuple[str, str] = ("", ""),
        loaded: LoadedGame | None = None,
        provinces: ProvinceMap | None = None,
    ) -> None:
        super().__init__(app)
        self.scenario = scenario
        self.source = source  # the scenario's text and file name, which saves embed
        self.players = {"humans": humans, "difficulty": difficulty}
        ai = make_ai(difficulty)
        self.humans = humans
        computers = {r: ai for r in scenario_regions(scenario) if r not in humans}
        if loaded is not None:
            self.session = resume(loaded, computers)
        else:
            self.session = Session(new_game(scenario, seed), computers)
        self.state = self.session.state
        lang = language()
        self.names: dict[str, str] = {r.id: getattr(r.name, lang) for r in scenario.regions} | {
            o.id: getattr(o.name, lang) for o in scenario.organisations
        }
        self.map = MapView.of_scenario(scenario, self.name, provinces)
        self.selected: str | None = None
        self._last_human: str | None = humans[0] if len(humans) > 1 else None  # for the hot-seat handover
        self.message: list[str] = []
        self.dragging = False
        self._shown_version: object = None
        self.news_filter = "all"
        self._snapshots: dict[str, TurnSnapshot] = {}  # per human: taken when they ended a turn
        self._since_build = 0.0  # seconds since the widgets were laid out

    def name(self, key: str) -> str:
        return self.names.get(key, key)

    @property
    def me(self) -> str:
        current = self.session.current
        return current if current in self.humans else self.humans[0]

    def text(self, m: Msg) -> str:
        return translate_msg(m, self.name)

    # --- layout ---------------------------------------------------------------------------------
    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        area = pygame.Rect(0, 0, w - PANEL_WIDTH, h - BAR_HEIGHT)
        if area.size != self.map.rect.size:  # first shown, or the window was resized
            self.map.fit(area)
        x0 = w - PANEL_WIDTH + 8
        my_turn = self.session.current in self.humans
        bar_y = h - BAR_HEIGHT + 6
        gui.button(
            pygame.Rect(w - 170, bar_y, 160, 32),
            _("End turn (Enter)"),
            self.end_turn,
            refusal=None if my_turn else _("The other regions are playing."),
        )
        for i, mode in enumerate(MODES):
            gui.toggle(
                pygame.Rect(8 + i * 112, bar_y, 106, 32),
                _(MODE_LABELS[mode]),
                partial(self._mode, mode),
                selected=mode == self.map.mode,
            )
        panel_h = h - BAR_HEIGHT - 16
        lines = self._panel_lines()
        buttons = self._action_buttons() if my_turn else []
        rows = (len(buttons) + 1) // 2
        news_h = max(110, min(NEWS_HEIGHT, panel_h - rows * 34 - 140 - FILTER_HEIGHT))
        text_h = max(110, panel_h - rows * 34 - news_h - FILTER_HEIGHT - 12)
        gui.text(pygame.Rect(x0, 8, PANEL_WIDTH - 16, text_h), lines)
        y = 8 + text_h + 6
        for i, (label, command, refusal, help_text) in enumerate(buttons):
            bx = x0 + (i % 2) * ((PANEL_WIDTH - 16) // 2)
            by = y + (i // 2) * 34
            rect = pygame.Rect(bx, by, (PANEL_WIDTH - 16) // 2 - 4, 30)
            gui.button(rect, label, command, refusal=refusal, tooltip=help_text)
        y += rows * 34 + 2
        self._news_filters(pygame.Rect(x0, y, PANEL_WIDTH - 16, FILTER_HEIGHT))
        y += FILTER_HEIGHT + 4
        gui.text(pygame.Rect(x0, y, PANEL_WIDTH - 16, h - BAR_HEIGHT - y - 4), self._news_lines())
        self._shown_version = self._version()
        self._since_build = 0.0

    def _news_filters(self, row: pygame.Rect) -> None:
        """One button a filter, each as wide as its label needs, sharing the row."""
        labels = [self._filter_label(name) for name in NEWS_FILTERS]
        widths = [self.app.text.render(label, 14).get_width() + 14 for label in labels]
        spare = (row.width - sum(widths) - 4 * (len(labels) - 1)) // len(labels)
        x = row.x
        for name, label, width in zip(NEWS_FILTERS, labels, widths, strict=True):
            rect = pygame.Rect(x, row.y, width + spare, row.height)
            self.app.gui.toggle(rect, label, partial(self._filter, name), selected=name == self.news_filter)
            x = rect.right + 4

    @staticmethod
    def _filter_label(name: str) -> str:
        return {
            "all": _("All"),
            "us": _("About us"),
            "wars": _("Wars"),
            "diplomacy": _("Diplomacy"),
            "organisations": _("Organisations"),
        }[name]

    def _filter(self, name: str) -> None:
        self.news_filter = name
        self.build()

    def _mode(self, mode: str) -> None:
        self.map.mode = mode
        self.build()

    def _version(self) -> object:
        return (
            len(self.state.events),
            self.state.turn,
            self.selected,
            self.session.current,
            len(self.session.log),
        )

    # --- the panel --------------------------------------------------------------------------------
    def _panel_lines(self) -> list[str]:
        me, state = self.me, self.state
        view = View(state, me)
        region = state.regions[me]
        gained = income(state, me).total
        lines = [
            f"**{self.name(me)} — " + _("turn {turn}").format(turn=state.turn) + "**",
            _(
                "Treasury {gold:.0f} ({sign}{income:.0f} a turn) · economy {economy:.0f} · army {army:.0f}"
            ).format(
                gold=region.treasury,
                sign="+" if gained >= 0 else "",
                income=gained,
                economy=region.economy,
                army=region.military,
            ),
            ngettext("{n} diplomatic action left", "{n} diplomatic actions left", region.actions_left).format(
                n=region.actions_left
            ),
        ]
        lines += self.message
        lines += self._region_lines(view)
        lines += self._inbox_lines(view)
        return lines

    def _region_lines(self, view: View) -> list[str]:
        """What we know of the selected region: status, treaties, embargoes, ambassadors, and the
        opinions with every modifier."""
        me, state, other = self.me, self.state, self.selected
        lines: list[str] = []
        if other is None or other == me:
            lines.append(_("Click a region on the map to deal with it."))
            return lines + self._membership_lines(view, me) + self._organisation_lines(view)
        lines.append(f"**{self.name(other)}**")
        target = state.regions[other]
        if not target.alive:
            lines.append(_("Annexed by {ruler}.").format(ruler=self.name(target.ruler)))
            return lines
        war = view.war_with(other)
        status = _("at war") if war else _("at peace")
        lines.append(_("Status: {status}").format(status=status))
        lines += self._membership_lines(view, other)
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
        lines += self._opinion_parts(me, other)
        theirs = view.opinion_of_us(other)
        if theirs is None:
            lines.append(_("Their opinion of us: unknown (send an ambassador)"))
        else:
            lines.append(
                _("Their opinion of us: {value:+.0f} ({label})").format(
                    value=theirs, label=_(opinion_label(theirs))
                )
            )
            lines += self._opinion_parts(other, me)
        figures = view.figures(other)
        if figures is not None:
            lines.append(
                _("Treasury {gold:.0f} · economy {economy:.0f} · army {army:.0f}").format(
                    gold=figures.treasury, economy=figures.economy, army=figures.military
                )
            )
        return lines

    def _opinion_parts(self, holder: str, about: str) -> list[str]:
        """Every cause of an opinion with its value: the baseline's parts, then the modifiers."""
        lines = [
            f"   {_(BASELINE_LABELS[name])}: {value:+.0f}"
            for name, value in baseline_parts(self.state, holder, about)
        ]
        lines += [
            f"   {modifier_text(m, language())}: {m.value:+.0f}" for m in modifiers(self.state, holder, about)
        ]
        return lines

    def _membership_lines(self, view: View, region: str) -> list[str]:
        """The organisations a region belongs to, and a rogue mark (both public)."""
        orgs = [self.name(o.id) for o in view.organisations() if region in o.members]
        lines = [_("Member of: {list}").format(list=", ".join(orgs) or _("no organisation"))]
        rogue = self.state.regions[region].rogue_turns
        if rogue > 0:
            lines.append(
                ngettext("Marked rogue for {n} more turn.", "Marked rogue for {n} more turns.", rogue).format(
                    n=rogue
                )
            )
        return lines

    def _organisation_lines(self, view: View) -> list[str]:
        """At home: what is before the organisations we belong to, and our own applications."""
        lines = []
        for resolution in view.resolutions():
            votes = resolution.votes.get(self.me)
            line = resolution_line(resolution, self.name)
            if votes is not None:
                line += " " + (_("(we voted for)") if votes else _("(we voted against)"))
            lines.append(line)
        if lines:
            lines.insert(0, f"**{_('Before the organisations')}**")
        return lines

    def _inbox_lines(self, view: View) -> list[str]:
        lines = []
        waiting = view.inbox()
        if waiting:
            lines.append(f"**{_('Inbox')}**")
        lines += [proposal_line(self.state, p, self.name) for p in waiting[:INBOX_SHOWN]]
        more = len(waiting) - INBOX_SHOWN
        if more > 0:
            lines.append(ngettext("{n} more proposal waits", "{n} more proposals wait", more).format(n=more))
        ballots = view.ballots()
        if ballots:
            lines.append(f"**{_('Votes')}**")
        lines += [resolution_line(r, self.name) for r in ballots]
        return lines

    def _action_buttons(self) -> list[tuple[str, Callable[[], None], str | None, str | None]]:
        """Answers and votes first, then what we may do to the selected region, or at home: every
        action the rules list for us (game/core/registry), disabled with its reason where refused."""
        view = View(self.state, self.me)
        other = self.selected if self.selected != self.me else None
        shown = {p.id for p in view.inbox()[:INBOX_SHOWN]}
        home = view.available(None)
        first = [
            o
            for o in home
            if o.kind.control is Control.BALLOT
            or (
                o.kind.control is Control.INBOX
                and isinstance(o.action, A.Answer)
                and o.action.proposal in shown
            )
        ]
        if other is not None and not self.state.regions[other].alive:
            rest: list[Option] = []
        elif other is not None:
            rest = view.available(other)
        else:
            rest = [o for o in home if o.kind.control not in (Control.INBOX, Control.BALLOT)]
        buttons = [self._option_button(o) for o in first]
        dialogs: dict[Control, list[Option]] = {}
        for option in rest:
            if option.kind.control in DIALOGS:
                dialogs.setdefault(option.kind.control, []).append(option)
            else:
                buttons.append(self._option_button(option))
        return buttons + [self._dialog_button(control, options) for control, options in dialogs.items()]

    def _option_button(self, option: Option) -> tuple[str, Callable[[], None], str | None, str | None]:
        """(label, command, the reason it is refused, what it does and costs)."""
        label = self.text(option.kind.caption(self.state, option.action))
        refusal = None if option.refusal is None else self.text(option.refusal.message)
        return label, partial(self.act, option.action), refusal, self._help(option)

    def _help(self, option: Option) -> str:
        """The kind's help text, with what this action costs."""
        return " ".join([_(option.kind.help), *cost_lines(self.state, option.action)])

    def _dialog_button(
        self, control: Control, options: list[Option]
    ) -> tuple[str, Callable[[], None], str | None, str | None]:
        """A button that opens a dialog: enabled while any of its actions is allowed, else the
        first one's reason."""
        label, dialog = DIALOGS[control]
        allowed = [o for o in options if o.allowed]
        first = options[0]
        refusal = None if allowed or first.refusal is None else self.text(first.refusal.message)
        return _(label), partial(self.open_dialog, dialog), refusal, _(first.kind.help)

    def open_dialog(self, dialog: type[ActionDialog]) -> None:
        self.app.switch(dialog(self.app, self, self.selected))

    def _news_lines(self) -> list[str]:
        events = filtered_news(View(self.state, self.me), self.news_filter)
        heading = {
            "all": _("News"),
            "us": _("News about us"),
            "wars": _("News of wars and peace"),
            "diplomacy": _("News of diplomacy"),
            "organisations": _("News of organisations"),
        }[self.news_filter]
        lines = [f"**{heading}**"]
        turn = None
        for event in events:
            if event.turn != turn:
                turn = event.turn
                lines.append(f"**{_('Turn {turn}').format(turn=turn)}**")
            lines.append(self.text(describe(event)))
        if not events:
            lines.append(_("Nothing of this kind in the last turns."))
        return lines

    # --- acting -----------------------------------------------------------------------------------
    def act(self, action: A.Action) -> None:
        self.submit(action)
        self.build()

    def submit(self, action: A.Action) -> None:
        """Hand an action to the session; what came of it goes into the panel's message."""
        answers_before, events_before = len(self.session.answers), len(self.state.events)
        outcome = self.session.submit(action)
        if not outcome.ok:
            self.message = [] if outcome.reason is None else [self.text(outcome.reason.message)]
            return
        view = View(self.state, self.me)
        news = [self.text(describe(e)) for e in self.state.events[events_before:] if view.reads(e)]
        self.message = [self._answer_text(a) for a in self.answers_to_me(answers_before)] or news[:3]
        if not self.message and isinstance(action, A.ProposeTreaty | A.ProposePeace):
            self.message = [_("{region} will answer on its turn.").format(region=self.name(action.target))]

    def answers_to_me(self, since: int) -> list[AnswerRecord]:
        """Computer players' answers to our proposals, not to those our action set off between others."""
        return [a for a in self.session.answers[since:] if a.sender == self.me]

    def _answer_text(self, record: AnswerRecord) -> str:
        verdict, *reasons = answer_lines(record, self.text, self.name)
        return f"{verdict} " + "; ".join(r.strip() for r in reasons)

    def end_turn(self) -> None:
        """Only on a human's turn. A double click ends one turn: while the computers play the button
        is disabled, and the turn summary that opens after them ignores clicks for a moment."""
        current = self.session.current
        if current in self.humans:
            self._snapshots[current] = take_snapshot(View(self.state, current))
            self.message = []
            self.selected = None
            self._last_human = current
            self.session.end_region_turn()
            self.autosave()
            self.build()

    def autosave(self) -> bool:
        """Before the computers play: a failed save is reported, and the game goes on."""
        text, file_name = self.source
        if not text:
            return False
        try:
            autosave(paths.autosaves_dir(), text, file_name, self.session, self.players)
        except SaveError as error:
            self.message = [_("Autosave failed: {reason}").format(reason=error.message)]
            return False
        return True

    # --- input and time ---------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if (
            event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and self.map.rect.collidepoint(event.pos)
        ):
            self.selected = self.map.region_at(event.pos)
            self.dragging = False
            self.build()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 3:
            self.dragging = True
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 3:
            self.dragging = False
        elif event.type == pygame.MOUSEMOTION and self.dragging:
            self.map.pan(*event.rel)
        elif event.type == pygame.MOUSEWHEEL:
            self.map.zoom_at(self.app.mouse_position(), 1.15 if event.y > 0 else 1 / 1.15)
        elif event.type == pygame.KEYDOWN:
            self._key(event.key)

    def _key(self, key: int) -> None:
        steps = {
            pygame.K_LEFT: (60, 0),
            pygame.K_RIGHT: (-60, 0),
            pygame.K_UP: (0, 60),
            pygame.K_DOWN: (0, -60),
        }
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.end_turn()
        elif key in steps:
            self.map.pan(*steps[key])
        elif key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            self.map.zoom_at(self.map.rect.center, 1.2)
        elif key in (pygame.K_MINUS, pygame.K_KP_MINUS):
            self.map.zoom_at(self.map.rect.center, 1 / 1.2)
        elif key == pygame.K_ESCAPE and self.selected is not None:
            self.selected = None
            self.build()
        elif key == pygame.K_ESCAPE:
            self.app.switch(PauseScene(self.app, self))
        elif key == pygame.K_F5 and self.source[1]:
            from game.ui.reload import reload_scenario  # the reload builds a map scene: imported here

            reload_scenario(self)

    def update(self, seconds: float) -> None:
        deadline = time.perf_counter() + AI_BUDGET_SECONDS
        stepped = self.session.step_computer()  # at least one computer a frame, however slow the machine
        while stepped and time.perf_counter() < deadline:
            stepped = self.session.step_computer()
        if self.state.over:
            self.app.switch(GameOverScene(self.app, self))
            return
        current = self.session.current
        if len(self.humans) > 1 and current in self.humans and current != self._last_human:
            self._last_human = current
            self.app.switch(HandoverScene(self.app, self))
            return
        if current in self.humans and current in self._snapshots:  # after the handover, never before
            since = self._snapshots.pop(current)
            lines = summary_lines(View(self.state, current), since, self.text, self.name)
            self.app.switch(SummaryScene(self.app, self, lines))
            return
        # Laying out the panel's text costs milliseconds: during the computers' turns, not every frame.
        self._since_build += seconds
        settled = current in self.humans or self._since_build >= REBUILD_SECONDS
        if settled and self._version() != self._shown_version:
            self.build()

    def draw_backdrop(self, surface: pygame.Surface) -> None:
        """The map alone, under a dialog or the turn summary."""
        surface.fill((24, 30, 40))
        self.map.draw(surface, self.state, self.selected, self.me)

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_backdrop(surface)
        self._draw_hover(surface)
        if self.session.current not in self.humans and self.session.current is not None:
            note = self.app.text.render(
                _("{region} is thinking…").format(region=self.name(self.session.current)), 16, (240, 230, 190)
            )
            surface.blit(note, (12, 10))

    def _draw_hover(self, surface: pygame.Surface) -> None:
        """A short summary of the region under the mouse: who rules it and how it feels about us."""
        mouse = self.app.mouse_position()
        region = self.map.region_at(mouse) if pygame.mouse.get_focused() else None
        if region is None:
            return
        ruler = self.state.regions[region].ruler
        lines = [self.name(region)]
        if ruler != region:
            lines.append(_("Annexed by {ruler}.").format(ruler=self.name(ruler)))
        elif region != self.me:
            mine = opinion(self.state, self.me, region)
            lines.append(
                _("Our opinion of them: {value:+.0f} ({label})").format(
                    value=mine, label=_(opinion_label(mine))
                )
            )
            if View(self.state, self.me).war_with(region):
                lines.append(_("at war"))
        rendered = [self.app.text.render(line, 14, (240, 240, 240), i == 0) for i, line in enumerate(lines)]
        width = max(t.get_width() for t in rendered) + 16
        height = sum(t.get_height() for t in rendered) + 12
        box = pygame.Rect(mouse[0] + 16, mouse[1] + 12, width, height)
        box.clamp_ip(self.map.rect)
        pygame.draw.rect(surface, (15, 19, 26), box)
        pygame.draw.rect(surface, (120, 135, 155), box, 1)
        y = box.y + 6
        for text in rendered:
            surface.blit(text, (box.x + 8, y))
            y += text.get_height()
