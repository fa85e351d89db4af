"""The game itself: the map under its goal bar, the panel beside it, and the turn bar below."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import pygame

from game import paths
from game.ai.registry import make_ai
from game.core import actions as A
from game.core.kinds.base import Control
from game.core.messages import Msg
from game.core.news import describe
from game.core.progress import Progress
from game.core.registry import Option
from game.core.relations import opinion, opinion_label
from game.core.view import View
from game.i18n import _, language, translate_msg
from game.saves import LoadedGame, SaveError, autosave, resume
from game.scenario.build import new_game
from game.scenario.provinces import ProvinceMap
from game.scenario.schema import Scenario
from game.session import AnswerRecord, Session
from game.ui import panel_texts
from game.ui.alerts import AlertScene, alerts_for
from game.ui.deal_dialog import DealDialog
from game.ui.goalbar import NARROW, GoalBar, bar_height, draw_goal_bar, draw_legend, goal_bar, legend_entries
from game.ui.hints import draw_hint, hint_box, hints_for
from game.ui.labels import MODE_LABELS
from game.ui.mapview import MODES, MapView, culture_colour
from game.ui.overgame import DefeatScene, GameOverScene, HandoverScene, OverGame, PauseScene
from game.ui.panel import BAR_HEIGHT, PANEL_WIDTH, Panel
from game.ui.proposal_dialog import ActionDialog, AidDialog, InvestDialog, PeaceDialog, TreatyDialog
from game.ui.proposal_texts import answer_lines, cost_lines
from game.ui.scene import Scene
from game.ui.summary_scene import SummaryScene, TurnSnapshot, summary_lines, take_snapshot

if TYPE_CHECKING:
    from game.ui.app import App

MAP_PADDING = 12  # sea kept around the map when it is fitted to its part of the window
AI_BUDGET_SECONDS = 0.012  # computer turns played per frame, so the window never freezes
REBUILD_SECONDS = 0.25  # while the computers play, the panel follows the news this often
WATCH_TURN_SECONDS = 0.6  # after a defeat the game goes on at most a turn this often, to be followed
# The kinds that take terms open a dialog: its button's label and the dialog.
DIALOGS: dict[Control, tuple[str, type[ActionDialog]]] = {
    Control.TREATY_DIALOG: ("Propose treaty…", TreatyDialog),
    Control.PEACE_DIALOG: ("Propose peace…", PeaceDialog),
    Control.DEAL_DIALOG: ("Propose a deal…", DealDialog),
    Control.AID_DIALOG: ("Send aid…", AidDialog),
    Control.INVEST_DIALOG: ("Invest…", InvestDialog),
}
Button = tuple[str, Callable[[], None], str | None, str | None]  # label, command, refusal, help


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
        self.humans = humans  # the seats still in the game (saves keep this same list)
        self.defeated: list[str] = []  # seats whose region was annexed, in the order they fell
        computers = {r: ai for r in scenario_regions(scenario) if r not in humans}
        if loaded is not None:
            self.session = resume(loaded, computers)
        else:
            self.session = Session(new_game(scenario, seed), computers)
        self.state = self.session.state
        # Hot-seat: the seat is handed over whenever another human's turn comes, but not before the
        # first human to act in a new game.
        first = next(r for r in self.state.order if r in humans)
        self._last_human: str | None = first if len(humans) > 1 else None
        lang = language()
        self.names: dict[str, str] = {r.id: getattr(r.name, lang) for r in scenario.regions} | {
            o.id: getattr(o.name, lang) for o in scenario.organisations
        }
        self.cultures = [(getattr(c.name, lang), culture_colour(c.id)) for c in scenario.cultures]
        self.map = MapView.of_scenario(scenario, self.name, provinces)
        self.selected: str | None = None
        self.message: list[str] = []
        self.dragging = False
        self._shown_version: object = None
        self.news_filter = "all"
        self.panel = Panel(self)
        self.hints = hints_for(scenario.meta.id, len(humans))
        self._hint: tuple[pygame.Rect, list[str]] | None = None  # the hint shown: its box and lines
        self.progress = Progress(self.state)
        self.bar: GoalBar = goal_bar(
            self.progress, self.me, self.name, self.state.turn, self.state.turn_limit
        )
        self.overlays: list[Scene] = []  # shown one after another over the map: alerts, the summary
        self._snapshots: dict[str, TurnSnapshot] = {}  # per human: taken when they ended a turn
        self._alerted: dict[str, set[str]] = {}  # per human: the dangers already told
        self._started: tuple[int, str] | None = None  # the human turn whose start was handled
        self.saved_at = len(self.session.log) if loaded is not None else -1  # the record at the last save
        self._since_build = 0.0  # seconds since the widgets were laid out
        self._watch_wait = 0.0

    def name(self, key: str) -> str:
        return self.names.get(key, key)

    @property
    def seats(self) -> list[str]:
        """Every region a human played in this game, annexed or not."""
        return [*self.humans, *self.defeated]

    @property
    def watching(self) -> bool:
        """Every human's region has been annexed: the computers play on and the player watches."""
        return not self.humans

    @property
    def me(self) -> str:
        current = self.session.current
        if current in self.humans:
            return current
        return self.humans[0] if self.humans else self.defeated[-1]

    def text(self, m: Msg) -> str:
        return translate_msg(m, self.name)

    def take_over(self, old: MapScene) -> None:
        """The same game shown anew (after a change of language): keep what the player was shown."""
        self.selected, self.news_filter, self.map.mode = old.selected, old.news_filter, old.map.mode
        self.defeated, self._alerted, self._started = list(old.defeated), old._alerted, old._started
        self.saved_at, self._snapshots, self._last_human = old.saved_at, old._snapshots, old._last_human
        self.panel.tab, self.panel.answered = old.panel.tab, old.panel.answered
        self.map.rect, self.map.zoom, self.map.offset = old.map.rect, old.map.zoom, old.map.offset

    # --- layout ---------------------------------------------------------------------------------
    def map_area(self) -> pygame.Rect:
        w, h = self.app.size
        top = self.strip().height
        return pygame.Rect(0, top, w - PANEL_WIDTH, h - BAR_HEIGHT - top)

    def strip(self) -> pygame.Rect:
        """The goal bar over the map: two lines, or three where the window is narrow."""
        width = self.app.size[0] - PANEL_WIDTH
        return pygame.Rect(0, 0, width, bar_height(width < NARROW))

    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        self.progress = Progress(self.state)
        self.bar = goal_bar(self.progress, self.me, self.name, self.state.turn, self.state.turn_limit)
        area = self.map_area()
        if area != self.map.rect:  # first shown, or the window was resized
            self.map.fit(area, MAP_PADDING)
        my_turn = self.session.current in self.humans
        bar_y = h - BAR_HEIGHT + 6
        waiting = None if my_turn else _("The other regions are playing.")
        if self.watching:
            waiting = _("Your region was annexed: the computers play the game out.")
        gui.button(
            pygame.Rect(w - 170, bar_y, 160, 32), _("End turn (Enter)"), self.end_turn, refusal=waiting
        )
        for i, mode in enumerate(MODES):
            gui.toggle(
                pygame.Rect(8 + i * 112, bar_y, 106, 32),
                _(MODE_LABELS[mode]),
                partial(self._mode, mode),
                selected=mode == self.map.mode,
            )
        self.panel.build(my_turn)
        self._build_hint(my_turn)
        self._shown_version = self._version()
        self._since_build = 0.0

    def _build_hint(self, my_turn: bool) -> None:
        """The tutorial's hint for now, with its two buttons at the bottom of its box."""
        hint = self.hints.current(self) if self.hints is not None and my_turn else None
        self._hint = None if hint is None else hint_box(self.map_area(), self.app.text, hint)
        if self._hint is None:
            return
        box = self._hint[0]
        half = (box.width - 30) // 2
        row = pygame.Rect(box.x + 10, box.bottom - 38, half, 28)
        self.app.gui.button(row, _("Next hint"), self._skip_hint)
        self.app.gui.button(row.move(half + 10, 0), _("No more hints"), self._stop_hints)

    def _skip_hint(self) -> None:
        if self.hints is not None:
            self.hints.skip(self)
        self.build()

    def _stop_hints(self) -> None:
        if self.hints is not None:
            self.hints.stop()
        self.build()

    def screens(self) -> list[tuple[str, Callable[[], None], str]]:
        """The overview screens the panel's top row opens: label, command, what it shows (and its key)."""
        from game.ui.goals_scene import GoalsScene  # these scenes show this one under them
        from game.ui.help_scene import HelpScene
        from game.ui.organisations_scene import OrganisationsScene
        from game.ui.relations_scene import RelationsScene

        def opener(scene: type[OverGame]) -> Callable[[], None]:
            return lambda: self.app.switch(scene(self.app, self))

        return [
            (_("Goals"), opener(GoalsScene), _("How to win, and how close everyone is (G)")),
            (_("Overview"), opener(RelationsScene), _("Relations with every region you know, sortable (R)")),
            (_("Organisations"), opener(OrganisationsScene), _("Members, votes, demands and rogues (O)")),
            (_("Help"), opener(HelpScene), _("Keys, the rules in brief, how to win (F1)")),
        ]

    @staticmethod
    def filter_label(name: str) -> str:
        return {
            "all": _("All"),
            "us": _("About us"),
            "wars": _("Wars"),
            "diplomacy": _("Diplomacy"),
            "organisations": _("Organisations"),
        }[name]

    def set_filter(self, name: str) -> None:
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

    # --- the panel's texts ------------------------------------------------------------------------
    def panel_lines(self) -> list[str]:
        """The region tab's text: what came of our last action, then the selected region (or ours)."""
        view = View(self.state, self.me)
        return [*self.message, *panel_texts.region_lines(view, self.selected, self.name)]

    def news_lines(self) -> list[str]:
        return panel_texts.news_lines(View(self.state, self.me), self.news_filter, self.text)

    # --- the actions ------------------------------------------------------------------------------
    def action_buttons(self) -> list[Button]:
        """What we may do to the selected region, or at home: every action the rules list for us
        (game/core/registry) but answers and votes (the inbox's), disabled with its reason where
        refused. The kinds that take terms share a button that opens their dialog."""
        view = View(self.state, self.me)
        other = self.selected if self.selected != self.me else None
        if other is not None and not self.state.regions[other].alive:
            return []
        found = view.available(other)
        options = [o for o in found if o.kind.control not in (Control.INBOX, Control.BALLOT)]
        buttons = []
        dialogs: dict[Control, list[Option]] = {}
        for option in options:
            if option.kind.control in DIALOGS:
                dialogs.setdefault(option.kind.control, []).append(option)
            else:
                buttons.append(self._option_button(option))
        return buttons + [self._dialog_button(control, options) for control, options in dialogs.items()]

    def _option_button(self, option: Option) -> Button:
        label = self.text(option.kind.caption(self.state, option.action))
        refusal = None if option.refusal is None else self.text(option.refusal.message)
        return label, partial(self.act, option.action), refusal, self.help_text(option)

    def help_text(self, option: Option) -> str:
        """The kind's help text, with what this action costs."""
        return " ".join([_(option.kind.help), *cost_lines(self.state, option.action)])

    def _dialog_button(self, control: Control, options: list[Option]) -> Button:
        """A button that opens a dialog: enabled while any of its actions is allowed, else the
        first one's reason."""
        label, dialog = DIALOGS[control]
        allowed = [o for o in options if o.allowed]
        first = (allowed or options)[0]
        refusal = None if allowed or first.refusal is None else self.text(first.refusal.message)
        return _(label), partial(self.open_dialog, dialog), refusal, self.help_text(first)

    def open_dialog(self, dialog: type[ActionDialog]) -> None:
        self.app.switch(dialog(self.app, self, self.selected))

    # --- acting -----------------------------------------------------------------------------------
    def act(self, action: A.Action) -> None:
        """A war is declared only after its consequences were shown; everything else at once."""
        if isinstance(action, A.DeclareWar):
            from game.ui.war_confirm import WarConfirmScene  # it declares through this scene

            self.app.switch(WarConfirmScene(self.app, self, action))
            return
        self.submit(action)
        self.build()

    def submit(self, action: A.Action) -> bool:
        """Hand an action to the session; what came of it goes into the panel's message."""
        answers_before, events_before = len(self.session.answers), len(self.state.events)
        outcome = self.session.submit(action)
        if not outcome.ok:
            self.message = [] if outcome.reason is None else [self.text(outcome.reason.message)]
            return False
        view = View(self.state, self.me)
        news = [self.text(describe(e)) for e in self.state.events[events_before:] if view.reads(e)]
        self.message = [self._answer_text(a) for a in self.answers_to_me(answers_before)] or news[:3]
        if not self.message and isinstance(action, A.ProposeTreaty | A.ProposePeace | A.ProposeDeal):
            self.message = [_("{region} will answer on its turn.").format(region=self.name(action.target))]
        return True

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
            self.build()

    def autosave(self) -> bool:
        """At the start of a human's turn, so that the autosave holds the turn it says and loads
        into it; a failed save is reported, and the game goes on."""
        text, file_name = self.source
        if not text or self.watching:
            return False
        try:
            autosave(paths.autosaves_dir(), text, file_name, self.session, self.players)
        except SaveError as error:
            self.message = [_("Autosave failed: {reason}").format(reason=error.message)]
            return False
        self.saved_at = len(self.session.log)
        return True

    def unsaved_actions(self) -> int:
        """What was done since the game was last saved (autosaves included), in the record's entries."""
        if self.watching or not self.source[0]:
            return 0
        return max(0, len(self.session.log) - max(self.saved_at, 0))

    # --- input and time ---------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        clicked = event.type == pygame.MOUSEBUTTONDOWN
        if clicked and self._hint is not None and self._hint[0].collidepoint(event.pos):
            return  # a click on the hint is not a click on the map under it
        if clicked and event.button == 1 and self.map.rect.collidepoint(event.pos):
            self.dragging = False
            self.select(self.map.region_at(event.pos))
        elif (
            event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and self.strip().collidepoint(event.pos)
        ):
            self.key(pygame.K_g)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 3:
            self.dragging = True
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 3:
            self.dragging = False
        elif event.type == pygame.MOUSEMOTION and self.dragging:
            self.map.pan(*event.rel)
        elif event.type == pygame.MOUSEWHEEL:
            self._wheel(event.y)
        elif event.type == pygame.KEYDOWN:
            self.key(event.key, getattr(event, "unicode", ""))

    def select(self, region: str | None) -> None:
        """Show a region (None: our own) in the panel's first tab."""
        self.selected = region
        self.panel.tab = "region"
        self.build()

    def _wheel(self, notches: int) -> None:
        """The wheel zooms the map only over the map; over the inbox it scrolls the rows."""
        mouse = self.app.mouse_position()
        if self.map.rect.collidepoint(mouse):
            self.map.zoom_at(mouse, 1.15 if notches > 0 else 1 / 1.15)
        elif self.panel.tab == "inbox" and self.panel.body().collidepoint(mouse):
            self.panel.scroll(-notches)

    def key(self, key: int, typed: str = "") -> None:
        steps = {
            pygame.K_LEFT: (60, 0),
            pygame.K_RIGHT: (-60, 0),
            pygame.K_UP: (0, 60),
            pygame.K_DOWN: (0, -60),
        }
        screens = {pygame.K_g: 0, pygame.K_r: 1, pygame.K_o: 2, pygame.K_F1: 3, pygame.K_h: 3}
        if typed == "?":
            key = pygame.K_F1
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.end_turn()
        elif key in steps:
            self.map.pan(*steps[key])
        elif key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            self.map.zoom_at(self.map.rect.center, 1.2)
        elif key in (pygame.K_MINUS, pygame.K_KP_MINUS):
            self.map.zoom_at(self.map.rect.center, 1 / 1.2)
        elif key == pygame.K_TAB:
            self.panel.next_tab()
        elif key in screens and screens[key] < len(self.screens()):
            self.screens()[screens[key]][1]()
        elif key == pygame.K_ESCAPE and self.selected is not None:
            self.selected = None
            self.build()
        elif key == pygame.K_ESCAPE:
            self.app.switch(PauseScene(self.app, self))
        elif key == pygame.K_F5 and self.source[1]:
            from game.ui.reload import reload_scenario  # the reload builds a map scene: imported here

            reload_scenario(self)

    def update(self, seconds: float) -> None:
        self._play_computers(seconds)
        if self.state.over:
            self.app.switch(GameOverScene(self.app, self))
            return
        if self._fallen():
            return
        current = self.session.current
        if len(self.humans) > 1 and current in self.humans and current != self._last_human:
            self._last_human = current
            self.app.switch(HandoverScene(self.app, self))
            return
        if current in self.humans and not self.turn_started:
            self._start_turn(current)
        if self.overlays:
            self.app.switch(self.overlays.pop(0))
            return
        # Laying out the panel's text costs milliseconds: during the computers' turns, not every frame.
        self._since_build += seconds
        settled = current in self.humans or self._since_build >= REBUILD_SECONDS
        if settled and self._version() != self._shown_version:
            self.build()

    def settle(self) -> None:
        """Frames until it is a human's turn and what its start opened (alerts, the summary) is
        closed: the map as the player then sees it (for the benchmark, and screens measured)."""
        while not (self.session.current in self.humans and self.turn_started) or self.app.scene is not self:
            if isinstance(self.app.scene, OverGame):
                self.app.scene.back_to_game()
            self.app.frame([], 1 / 60)

    @property
    def turn_started(self) -> bool:
        """Whether the start of the current human turn (autosave, alerts, summary) was handled."""
        return self._started == (self.state.turn, self.session.current)

    def busy(self) -> bool:
        """Whether the scene changes by itself: computers are playing."""
        current = self.session.current
        return current is not None and current not in self.humans

    def _play_computers(self, seconds: float) -> None:
        """Computers' turns, some each frame; watched after a defeat, a turn at a time."""
        turn = self.state.turn
        if self.watching:
            self._watch_wait += seconds
            if self._watch_wait < WATCH_TURN_SECONDS:
                return
        deadline = time.perf_counter() + AI_BUDGET_SECONDS
        stepped = self.session.step_computer()  # at least one computer a frame, however slow the machine
        while stepped and time.perf_counter() < deadline and not (self.watching and self.state.turn != turn):
            stepped = self.session.step_computer()
        if self.state.turn != turn:
            self._watch_wait = 0.0

    def _fallen(self) -> bool:
        """Humans whose region was annexed leave the game: they are told, and their turns pass by
        themselves from now on (hot-seat goes on for the others)."""
        fallen = [h for h in self.humans if not self.state.regions[h].alive]
        if not fallen:
            return False
        passive = make_ai("passive")
        for region in fallen:
            self.humans.remove(region)
            self.defeated.append(region)
            self.session.controllers[region] = passive
            self._snapshots.pop(region, None)
        self.selected = None
        self.app.switch(DefeatScene(self.app, self, fallen))
        return True

    def _start_turn(self, current: str) -> None:
        """A human's turn begins: autosave, then the alerts and the summary of what happened."""
        self._started = (self.state.turn, current)
        if self.saved_at != len(self.session.log):  # a game just loaded is saved as it stands
            self.autosave()
        view = View(self.state, current)
        since = self._snapshots.pop(current, None)
        self.progress = Progress(self.state)
        told = self._alerted.setdefault(current, set())
        found = alerts_for(view, since.events if since else 0, self.progress, told, self.text, self.name)
        if found:
            self.overlays.append(AlertScene(self.app, self, found))
        if since is not None:
            self.overlays.append(
                SummaryScene(self.app, self, summary_lines(view, since, self.text, self.name))
            )
        self.panel.new_turn(view)
        self.build()

    # --- drawing ------------------------------------------------------------------------------------
    def draw_backdrop(self, surface: pygame.Surface) -> None:
        """The map alone, under a dialog or the turn summary."""
        surface.fill((24, 30, 40))
        self.map.draw(surface, self.state, self.selected, self.me)

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_backdrop(surface)
        draw_legend(surface, self.map.rect, self.app.text, legend_entries(self.map.mode, self.cultures))
        if self._hint is not None:
            draw_hint(surface, *self._hint, self.app.text)
        current = self.session.current
        busy = ""
        if current is not None and current not in self.humans:
            busy = _("{region} is thinking…").format(region=self.name(current))
        strip = self.strip()
        draw_goal_bar(surface, strip, self.app.text, self.bar.lines(strip.width < NARROW, busy))
        self.panel.draw(surface)
        self._draw_hover(surface)

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
        elif region == self.me:
            lines.append(_("Your region"))
        else:
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
