"""The scenes of the window: title, new game, the map with its diplomacy panel, game over.

A scene turns input into actions for the session and draws the state; it changes nothing itself.
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game import paths
from game.ai.registry import make_ai
from game.core import actions as A
from game.core.economy import income, standings
from game.core.messages import Msg
from game.core.news import describe, modifier_text
from game.core.relations import baseline_parts, modifiers, opinion, opinion_label
from game.core.view import View
from game.i18n import _, language, ngettext, set_language, translate_msg
from game.saves import LoadedGame, SaveError, autosave, autosaves, load_game, resume, save_game
from game.scenario.build import new_game
from game.scenario.loader import load_scenario, shipped_scenarios
from game.scenario.schema import Scenario
from game.session import AnswerRecord, Session
from game.ui.mapview import MODES, MapView

if TYPE_CHECKING:
    from game.ui.app import App

PANEL_WIDTH = 440
CHART_LINES = 6  # regions drawn on the game over chart, besides the players'
INBOX_SHOWN = 3  # proposals with answer buttons at once; the rest wait their turn
# What the player reads for the rules' ids; each goes through the catalogue when shown.
KIND_LABELS = {
    "non_aggression": "non-aggression pact",
    "alliance": "alliance",
    "trade": "trade agreement",
    "access": "military access",
    "visit": "state visit",
    "introduction": "introduction",
    "mediation": "mediation",
    "call_to_arms": "call to arms",
    "peace": "peace",
}
BASELINE_LABELS = {
    "culture": "Kinship of cultures",
    "border": "Living side by side",
    "reputation": "Reputation",
}
MODE_LABELS = {
    "political": "Political",
    "relations": "Relations",
    "alliances": "Alliances",
    "trade": "Trade",
    "culture": "Culture",
}
BAR_HEIGHT = 44
AI_BUDGET_SECONDS = 0.012  # computer turns played per frame, so the window never freezes
AID_AMOUNT = 20.0
INVEST_AMOUNT = 20.0


def scenario_regions(scenario: Scenario) -> list[str]:
    return [r.id for r in scenario.regions]


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind))


class Scene:
    def __init__(self, app: App) -> None:
        self.app = app

    def enter(self) -> None:
        self.build()

    def build(self) -> None:
        """Lay out the widgets for the current window size and state."""

    def handle(self, event: pygame.event.Event) -> None:
        """Input that the widgets did not take."""

    def update(self, seconds: float) -> None:
        """Time passes."""

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((24, 30, 40))


class TitleScene(Scene):
    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        x = w // 2 - 140
        gui.button(
            pygame.Rect(x, h // 2 - 40, 280, 44),
            _("New game"),
            lambda: self.app.switch(NewGameScene(self.app)),
        )
        other = "pl" if language() == "en" else "en"
        # The catalogue turns this into the name of the language being shown.
        gui.button(
            pygame.Rect(x, h // 2 + 14, 280, 44), _("Language: English"), lambda: self._language(other)
        )
        gui.button(pygame.Rect(x, h // 2 + 68, 280, 44), _("Quit"), self.app.quit)
        if autosaves(paths.autosaves_dir()):
            gui.button(pygame.Rect(x, h // 2 - 94, 280, 44), _("Continue"), self._continue)

    def _continue(self) -> None:
        """Go on with the newest autosave that loads and still has a player in the game."""
        for save in autosaves(paths.autosaves_dir()):
            try:
                scene = resumed_scene(self.app, load_game(save))
            except SaveError:
                continue  # damaged: the next newest may do
            if scene is not None:
                self.app.switch(scene)
                return

    def _language(self, code: str) -> None:
        set_language(code)
        self.build()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((20, 27, 38))
        w, h = self.app.size
        title = self.app.text.render("Bilateral", 64, (236, 220, 160), True)
        surface.blit(title, (w // 2 - title.get_width() // 2, h // 2 - 190))
        line = self.app.text.render(_("A game of embassies, treaties and wars"), 20, (190, 200, 215))
        surface.blit(line, (w // 2 - line.get_width() // 2, h // 2 - 110))


class NewGameScene(Scene):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        loaded = [(path, load_scenario(path).scenario) for path in shipped_scenarios()]
        self.paths = {scenario.meta.id: path for path, scenario in loaded}
        self.scenarios: list[Scenario] = [scenario for _path, scenario in loaded]
        self.scenario = next((s for s in self.scenarios if s.meta.id == "tutorial"), self.scenarios[0])
        self.humans = [self._playable(self.scenario)[0]]
        self.difficulty = "normal"

    @staticmethod
    def _playable(scenario: Scenario) -> list[str]:
        return list(scenario.meta.playable or [r.id for r in scenario.regions])

    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        lang = language()
        y = 70
        for scenario in self.scenarios:
            mark = "• " if scenario is self.scenario else ""
            name = getattr(scenario.meta.name, lang)
            gui.button(
                pygame.Rect(40, y, 320, 40),
                f"{mark}{name} ({len(scenario.regions)})",
                partial(self._choose, scenario),
            )
            y += 48
        description = getattr(self.scenario.meta.description, lang)
        gui.text(
            pygame.Rect(380, 70, w - 420, 120), [f"**{getattr(self.scenario.meta.name, lang)}**", description]
        )
        names = {r.id: getattr(r.name, lang) for r in self.scenario.regions}
        x, y = 380, 210
        for region in self._playable(self.scenario):
            mark = "• " if region in self.humans else ""
            gui.button(pygame.Rect(x, y, 200, 34), mark + names[region], partial(self._pick, region))
            x += 210
            if x + 200 > w - 20:
                x, y = 380, y + 40
        y += 60
        for i, level in enumerate(("easy", "normal", "hard")):
            mark = "• " if level == self.difficulty else ""
            gui.button(pygame.Rect(380 + i * 150, y, 140, 34), mark + _(level), partial(self._level, level))
        gui.button(pygame.Rect(w - 240, h - 70, 200, 46), _("Start"), self._start)
        gui.button(pygame.Rect(40, h - 70, 160, 46), _("Back"), lambda: self.app.switch(TitleScene(self.app)))

    def _choose(self, scenario: Scenario) -> None:
        self.scenario, self.humans = scenario, [self._playable(scenario)[0]]
        self.build()

    def _pick(self, region: str) -> None:
        """Several players may share the machine (hot-seat): a click takes or frees a seat."""
        if region not in self.humans:
            self.humans.append(region)
        elif len(self.humans) > 1:
            self.humans.remove(region)
        self.build()

    def _level(self, level: str) -> None:
        self.difficulty = level
        self.build()

    def _start(self) -> None:
        path = self.paths[self.scenario.meta.id]
        source = (path.read_text(encoding="utf-8"), path.name)
        self.app.switch(MapScene(self.app, self.scenario, list(self.humans), self.difficulty, source=source))

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((24, 30, 40))
        heading = self.app.text.render(_("New game"), 28, (236, 220, 160), True)
        surface.blit(heading, (40, 20))
        hint = self.app.text.render(_("Your regions (pick several to play hot-seat):"), 15, (200, 210, 225))
        surface.blit(hint, (380, 190))


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
        self.map = MapView(
            {r.id: (r.position[0], r.position[1]) for r in scenario.regions},
            {r.id: r.colour for r in scenario.regions},
            (scenario.meta.map.width, scenario.meta.map.height),
            self.name,
            {r.id: [(p[0], p[1]) for p in r.outline] for r in scenario.regions if r.outline},
        )
        self.selected: str | None = None
        self._last_human: str | None = humans[0] if len(humans) > 1 else None  # for the hot-seat handover
        self.message: list[str] = []
        self.dragging = False
        self._shown_version: object = None

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
            gui.button(
                pygame.Rect(8 + i * 112, bar_y, 106, 32),
                ("• " if mode == self.map.mode else "") + _(MODE_LABELS[mode]),
                partial(self._mode, mode),
            )
        panel_h = h - BAR_HEIGHT - 16
        lines = self._panel_lines()
        buttons = self._action_buttons() if my_turn else []
        rows = (len(buttons) + 1) // 2
        text_h = max(120, panel_h - rows * 34 - 170)
        gui.text(pygame.Rect(x0, 8, PANEL_WIDTH - 16, text_h), lines)
        y = 8 + text_h + 6
        for i, (label, action, refusal) in enumerate(buttons):
            bx = x0 + (i % 2) * ((PANEL_WIDTH - 16) // 2)
            by = y + (i // 2) * 34
            gui.button(
                pygame.Rect(bx, by, (PANEL_WIDTH - 16) // 2 - 4, 30),
                label,
                partial(self.act, action),
                refusal=refusal,
            )
        y += rows * 34 + 4
        gui.text(pygame.Rect(x0, y, PANEL_WIDTH - 16, h - BAR_HEIGHT - y - 4), self._news_lines())
        self._shown_version = self._version()

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
        """What we know of the selected region: status, treaties, opinions with every modifier."""
        me, state, other = self.me, self.state, self.selected
        lines: list[str] = []
        if other is None or other == me:
            lines.append(_("Click a region on the map to deal with it."))
            return lines
        lines.append(f"**{self.name(other)}**")
        target = state.regions[other]
        if not target.alive:
            lines.append(_("Annexed by {ruler}.").format(ruler=self.name(target.ruler)))
            return lines
        war = view.war_with(other)
        status = _("at war") if war else _("at peace")
        lines.append(_("Status: {status}").format(status=status))
        treaties = [kind_label(t.kind) for t in view.treaties(other)]
        if treaties:
            lines.append(_("Treaties: {list}").format(list=", ".join(treaties)))
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

    def _inbox_lines(self, view: View) -> list[str]:
        lines = []
        waiting = view.inbox()
        if waiting:
            lines.append(f"**{_('Inbox')}**")
        for proposal in waiting[:INBOX_SHOWN]:
            what = proposal.terms.treaty or proposal.kind
            lines.append(
                _("{sender} proposes: {what}").format(
                    sender=self.name(proposal.sender), what=kind_label(what)
                )
            )
        more = len(waiting) - INBOX_SHOWN
        if more > 0:
            lines.append(ngettext("{n} more proposal waits", "{n} more proposals wait", more).format(n=more))
        return lines

    def _action_buttons(self) -> list[tuple[str, A.Action, str | None]]:
        me, other, state = self.me, self.selected, self.state
        view = View(state, me)
        actions: list[tuple[str, A.Action]] = []
        for proposal in view.inbox()[:INBOX_SHOWN]:
            what = kind_label(proposal.terms.treaty or proposal.kind)
            actions.append((_("Accept: {what}").format(what=what), A.Answer(me, proposal.id, True)))
            sender = self.name(proposal.sender)
            actions.append((_("Decline: {sender}").format(sender=sender), A.Answer(me, proposal.id, False)))
        for resolution in view.ballots():
            actions.append(
                (
                    _("Vote for: {target}").format(target=self.name(resolution.target)),
                    A.Vote(me, resolution.id, True),
                )
            )
            actions.append((_("Vote against"), A.Vote(me, resolution.id, False)))
        if other is None or other == me:
            actions.append((_("Invest in economy"), A.Invest(me, "economy", INVEST_AMOUNT)))
            actions.append((_("Invest in army"), A.Invest(me, "military", INVEST_AMOUNT)))
        elif state.regions[other].alive:
            envoy = view.has_ambassador(other)
            actions.append(
                (
                    _("Recall ambassador") if envoy else _("Send ambassador"),
                    A.RecallAmbassador(me, other) if envoy else A.SendAmbassador(me, other),
                )
            )
            actions.append((_("State visit"), A.StateVisit(me, other)))
            for kind in ("trade", "non_aggression", "alliance", "access"):
                existing = next((t for t in view.treaties(other) if t.kind == kind), None)
                if existing is None:
                    label = _("Propose: {kind}").format(kind=kind_label(kind))
                    actions.append((label, A.ProposeTreaty(me, other, kind)))
                else:
                    label = _("Cancel: {kind}").format(kind=kind_label(kind))
                    actions.append((label, A.CancelTreaty(me, existing.id)))
            embargo = (me, other) in state.embargoes
            actions.append(
                (
                    _("Lift embargo") if embargo else _("Embargo"),
                    A.LiftEmbargo(me, other) if embargo else A.ImposeEmbargo(me, other),
                )
            )
            if view.war_with(other):
                actions.append((_("Offer white peace"), A.ProposePeace(me, other, "white")))
                actions.append((_("Demand annexation"), A.ProposePeace(me, other, "annex")))
            else:
                actions.append((_("Declare war"), A.DeclareWar(me, other)))
            actions.append(
                (_("Send {gold:.0f} gold").format(gold=AID_AMOUNT), A.SendAid(me, other, AID_AMOUNT))
            )
        result = []
        for label, action in actions:
            reason = view.refusal(action)
            result.append((label, action, None if reason is None else self.text(reason)))
        return result

    def _news_lines(self) -> list[str]:
        recent = [e for e in self.state.events if e.turn >= self.state.turn - 2][-14:]
        return [f"**{_('News')}**"] + [f"{e.turn}: {self.text(describe(e))}" for e in reversed(recent)]

    # --- acting -----------------------------------------------------------------------------------
    def act(self, action: A.Action) -> None:
        answers_before = len(self.session.answers)
        outcome = self.session.submit(action)
        if not outcome.ok and outcome.reason is not None:
            self.message = [self.text(outcome.reason)]
        else:
            self.message = [self._answer_text(a) for a in self.session.answers[answers_before:]]
        self.build()

    def _answer_text(self, record: AnswerRecord) -> str:
        verdict = _("accepts") if record.decision.accept else _("refuses")
        reasons = "; ".join(f"{self.text(r.text)}: {r.weight:+.0f}" for r in record.decision.reasons)
        return f"{self.name(record.recipient)} {verdict}. {reasons}"

    def end_turn(self) -> None:
        if self.session.current in self.humans:
            self.message = []
            self.selected = None
            self._last_human = self.session.current
            self.session.end_region_turn()
            self.autosave()
            self.build()

    def autosave(self) -> None:
        """Before the computers play: a failed save is reported, and the game goes on."""
        text, file_name = self.source
        if not text:
            return
        try:
            autosave(paths.autosaves_dir(), text, file_name, self.session, self.players)
        except SaveError as error:
            self.message = [_("Autosave failed: {reason}").format(reason=error.message)]

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
            self.map.zoom_at(pygame.mouse.get_pos(), 1.15 if event.y > 0 else 1 / 1.15)
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

    def update(self, seconds: float) -> None:
        deadline = time.perf_counter() + AI_BUDGET_SECONDS
        while time.perf_counter() < deadline and self.session.step_computer():
            pass
        if self.state.over:
            self.app.switch(GameOverScene(self.app, self))
            return
        current = self.session.current
        if len(self.humans) > 1 and current in self.humans and current != self._last_human:
            self._last_human = current
            self.app.switch(HandoverScene(self.app, self))
            return
        if self._version() != self._shown_version:
            self.build()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((24, 30, 40))
        self.map.draw(surface, self.state, self.selected, self.me)
        self._draw_hover(surface)
        if self.session.current not in self.humans and self.session.current is not None:
            note = self.app.text.render(
                _("{region} is thinking…").format(region=self.name(self.session.current)), 16, (240, 230, 190)
            )
            surface.blit(note, (12, 10))

    def _draw_hover(self, surface: pygame.Surface) -> None:
        """A short summary of the region under the mouse: who rules it and how it feels about us."""
        mouse = pygame.mouse.get_pos()
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


class OverGame(Scene):
    """A scene about a game: shown over it (and able to return to it) or after it ends."""

    def __init__(self, app: App, game: MapScene) -> None:
        super().__init__(app)
        self.game = game

    def back_to_game(self) -> None:
        self.app.scene = self.game
        self.game.build()


class HandoverScene(OverGame):
    """Hot-seat: the next player takes the seat without seeing the last player's view."""

    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        region = self.game.name(self.game.session.current or "")
        gui.button(
            pygame.Rect(w // 2 - 150, h // 2 + 20, 300, 48),
            _("I am {region}: show my view").format(region=region),
            self.back_to_game,
        )

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.back_to_game()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((16, 20, 28))
        region = self.game.name(self.game.session.current or "")
        text = self.app.text.render(
            _("Pass the seat to the player of {region}.").format(region=region), 26, (236, 220, 160), True
        )
        w, h = self.app.size
        surface.blit(text, (w // 2 - text.get_width() // 2, h // 2 - 60))


class PauseScene(OverGame):
    """Esc in the game: save, load the last save, go back, or leave for the title screen."""

    def __init__(self, app: App, game: MapScene) -> None:
        super().__init__(app, game)
        self.note = ""

    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        x, y = w // 2 - 140, h // 2 - 120
        gui.button(pygame.Rect(x, y, 280, 44), _("Back to the game"), self.back_to_game)
        gui.button(pygame.Rect(x, y + 54, 280, 44), _("Save"), self._save)
        has_save = quicksave_path().exists()
        gui.button(
            pygame.Rect(x, y + 108, 280, 44),
            _("Load the last save"),
            self._load,
            refusal=None if has_save else _("There is no save yet."),
        )
        gui.button(
            pygame.Rect(x, y + 162, 280, 44),
            _("Quit to the title screen"),
            lambda: self.app.switch(TitleScene(self.app)),
        )
        if self.note:
            gui.text(pygame.Rect(x - 100, y + 220, 480, 90), [self.note])

    def _save(self) -> None:
        text, file_name = self.game.source
        try:
            save_game(quicksave_path(), text, file_name, self.game.session, self.game.players)
            self.note = _("Saved.")
        except SaveError as error:
            self.note = _("The game could not be saved: {reason}").format(reason=error.message)
        self.build()

    def _load(self) -> None:
        try:
            scene = resumed_scene(self.app, load_game(quicksave_path()), self.game.humans)
        except SaveError as error:
            self.note = str(error)
            self.build()
            return
        if scene is not None:
            self.app.switch(scene)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.back_to_game()

    def draw(self, surface: pygame.Surface) -> None:
        self.game.draw(surface)
        shade = pygame.Surface(self.app.size, pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surface.blit(shade, (0, 0))


def quicksave_path() -> Path:
    return paths.saves_dir() / "quicksave.json"


def resumed_scene(app: App, loaded: LoadedGame, fallback: list[str] | None = None) -> MapScene | None:
    """The game of a save, played on by the same humans (those not annexed), or None without any."""
    humans = [h for h in loaded.players["humans"] if loaded.state.regions[h].alive] or fallback or []
    if not humans:
        return None
    source = (loaded.scenario_text, loaded.scenario_file)
    return MapScene(app, loaded.scenario, humans, loaded.players["difficulty"], source=source, loaded=loaded)


class GameOverScene(OverGame):
    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        state, name = self.game.state, self.game.name
        lines = [f"**{_('The game is over')}**"]
        if state.winner is not None:
            how = _(state.win_reason) if state.win_reason else ""
            lines.append(_("{region} wins ({how}).").format(region=name(state.winner), how=how))
        for human in self.game.humans:
            ruler = state.regions[human].ruler
            if ruler != human:
                lines.append(
                    _("{region} was annexed by {ruler}.").format(region=name(human), ruler=name(ruler))
                )
        lines.append("")
        lines.append(f"**{_('Final standings')}**")
        for rank, (region, points) in enumerate(standings(state), start=1):
            lines.append(f"{rank}. {name(region)} — {points:.0f}")
        gui.text(pygame.Rect(40, 60, 380, h - 160), lines)
        gui.button(
            pygame.Rect(w // 2 - 100, h - 80, 200, 44),
            _("Title screen"),
            lambda: self.app.switch(TitleScene(self.app)),
        )

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((24, 30, 40))
        w, h = self.app.size
        self._chart(surface, pygame.Rect(460, 60, w - 500, h - 170))

    def _chart(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Score over the turns for the leading regions and the player's own."""
        state, game = self.game.state, self.game
        leaders = [r for r, _points in standings(state)[:CHART_LINES]]
        shown = list(dict.fromkeys([*game.humans, *leaders]))
        series = {r: state.history.get(r, []) for r in shown if state.history.get(r)}
        pygame.draw.rect(surface, (16, 20, 28), area)
        pygame.draw.rect(surface, (70, 82, 100), area, 1)
        title = self.app.text.render(_("Score over the turns"), 16, (236, 220, 160), True)
        surface.blit(title, (area.x + 8, area.y + 6))
        if not series:
            return
        turns = max(len(v) for v in series.values())
        top = max(max(v) for v in series.values()) or 1.0
        plot = area.inflate(-60, -60).move(10, 10)
        for i, (region, values) in enumerate(series.items()):
            colour = game.map.colours.get(region, (200, 200, 200))
            points = [
                (plot.x + plot.width * t / max(turns - 1, 1), plot.bottom - plot.height * v / top)
                for t, v in enumerate(values)
            ]
            if len(points) > 1:
                pygame.draw.lines(surface, colour, False, points, 3 if region in game.humans else 2)
            label = self.app.text.render(game.name(region), 13, colour, region in game.humans)
            surface.blit(label, (area.right - 150, area.y + 30 + 18 * i))


class ErrorScene(Scene):
    """Shown instead of vanishing when something unexpected happens."""

    def __init__(self, app: App, log_file: str) -> None:
        super().__init__(app)
        self.log_file = log_file

    def build(self) -> None:
        gui, (w, _h) = self.app.gui, self.app.size
        gui.clear()
        gui.text(
            pygame.Rect(40, 40, w - 80, 160),
            [
                f"**{_('Something went wrong, but the game is still running.')}**",
                _("The details were written to {path}.").format(path=self.log_file),
            ],
        )
        gui.button(
            pygame.Rect(40, 220, 220, 44), _("Title screen"), lambda: self.app.switch(TitleScene(self.app))
        )
