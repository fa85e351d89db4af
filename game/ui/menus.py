"""The scenes outside a game: title, new game, and the error screen."""

from __future__ import annotations

import random
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game import paths
from game.catalogue import Listing, survey
from game.i18n import _, language, ngettext
from game.saves import autosaves
from game.scenario.build import new_game
from game.scenario.errors import Problem
from game.scenario.schema import Scenario
from game.ui.goal_texts import victory_lines
from game.ui.load_scene import LoadScene
from game.ui.mapscene import MapScene
from game.ui.scene import Scene
from game.ui.settings_scene import SettingsScene

if TYPE_CHECKING:
    from game.ui.app import App

LABEL_CHARS = 40  # what a scenario's button in the list shows at the smallest window


class TitleScene(Scene):
    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        x = w // 2 - 140
        if autosaves(paths.autosaves_dir()):
            gui.button(pygame.Rect(x, h // 2 - 94, 280, 44), _("Continue"), self._continue)
        gui.button(
            pygame.Rect(x, h // 2 - 40, 280, 44),
            _("New game"),
            lambda: self.app.switch(NewGameScene(self.app)),
        )
        gui.button(pygame.Rect(x, h // 2 + 14, 280, 44), _("Load"), self._load)
        gui.button(pygame.Rect(x, h // 2 + 68, 280, 44), _("Settings"), self._settings)
        gui.button(pygame.Rect(x, h // 2 + 122, 280, 44), _("Quit"), self.app.quit)

    def _back_here(self) -> None:
        self.app.switch(self)

    def _load(self) -> None:
        self.app.switch(LoadScene(self.app, back=self._back_here))

    def _settings(self) -> None:
        self.app.switch(SettingsScene(self.app, back=self._back_here))

    def _continue(self) -> None:
        """Go on with the newest autosave that loads and still has a player in the game, whatever
        went wrong with newer ones; when none does, the Load list says why."""
        from game.ui.loading_scene import LoadingScene

        saves = autosaves(paths.autosaves_dir())
        if saves:
            self.app.switch(LoadingScene(self.app, saves, back=self._back_here, failed=self._none_loads))

    def _none_loads(self, path: Path, reason: str, tried: list[Path]) -> None:
        scene = LoadScene(self.app, back=self._back_here)
        scene.show_failure(path, reason, tried)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((20, 27, 38))
        w, h = self.app.size
        title = self.app.text.render("Bilateral", 64, (236, 220, 160), True)
        surface.blit(title, (w // 2 - title.get_width() // 2, h // 2 - 230))
        line = self.app.text.render(_("A game of embassies, treaties and wars"), 20, (190, 200, 215))
        surface.blit(line, (w // 2 - line.get_width() // 2, h // 2 - 150))  # above Continue


def _fit(label: str, most: int = LABEL_CHARS) -> str:
    """A label cut to what its button shows, marked as cut."""
    return label if len(label) <= most else label[: most - 1].rstrip() + "…"


class NewGameScene(Scene):
    """Choose a scenario (shipped or from a mod), one or more regions to play, and the skill."""

    def __init__(self, app: App) -> None:
        super().__init__(app)
        listings, self.broken_mods = survey()
        self.listings = listings
        self.playable_listings = [item for item in listings if item.loaded is not None]
        self.page = 0
        first = next(
            (i for i in self.playable_listings if i.entry.key == "tutorial"), self.playable_listings[0]
        )
        self.choice = first
        self.humans = [self._playable(self.scenario)[0]]
        self.hot_seat = False  # several players on one machine: only when asked for
        self._goal_lines: dict[tuple[str, str], list[str]] = {}
        self.difficulty = "normal"
        self.seed = str(self.scenario.meta.seed)
        self.region_page = 0
        self.captions: list[tuple[str, tuple[int, int]]] = []  # texts beside the widgets, drawn each frame

    @property
    def scenario(self) -> Scenario:
        assert self.choice.loaded is not None  # only playable listings are ever chosen
        return self.choice.loaded.scenario

    @staticmethod
    def _playable(scenario: Scenario) -> list[str]:
        return list(scenario.meta.playable or [r.id for r in scenario.regions])

    def build(self) -> None:
        gui, (w, h) = self.app.gui, self.app.size
        gui.clear()
        lang = language()
        rows = self._rows()
        per_page = max(2, min(6, (h - 330) // 48))  # below the list: how this scenario is won
        pages = max(1, -(-len(rows) // per_page))
        self.page %= pages
        y = 70
        for label, listing, problems in rows[self.page * per_page : (self.page + 1) * per_page]:
            rect = pygame.Rect(40, y, 320, 40)
            if listing is None:  # broken: its problems are the tooltip
                gui.button(rect, label, lambda: None, refusal="\n".join(str(p) for p in problems[:4]))
            else:
                gui.toggle(rect, label, partial(self._choose, listing), selected=listing is self.choice)
            y += 48
        if pages > 1:
            more = _("More scenarios ({page}/{pages})").format(page=self.page + 1, pages=pages)
            gui.button(pygame.Rect(40, y, 320, 34), more, self._next_page)
            y += 40
        gui.text(pygame.Rect(40, y + 8, 320, h - 90 - y - 8), self._goals())
        meta = self.scenario.meta
        lines = [f"**{getattr(meta.name, lang)}**", getattr(meta.description, lang)]
        if self.choice.problems:
            lines.append(
                ngettext(
                    "{n} warning: see validate", "{n} warnings: see validate", len(self.choice.problems)
                ).format(n=len(self.choice.problems))
            )
        gui.text(pygame.Rect(380, 70, w - 420, 120), lines)
        names = {r.id: getattr(r.name, lang) for r in self.scenario.regions}
        regions = self._playable(self.scenario)
        per_row = max(1, (w - 400) // 170)
        per_page = per_row * max(1, (h - 228 - 260) // 38)  # the rest is for skill, seed and Start
        region_pages = -(-len(regions) // per_page)
        self.region_page %= region_pages
        shown = regions[self.region_page * per_page : (self.region_page + 1) * per_page]
        hot_seat = _("Several players (hot-seat)")
        gui.toggle(
            pygame.Rect(w - 40 - 240, 196, 240, 24),
            hot_seat,
            self._toggle_hot_seat,
            selected=self.hot_seat,
            tooltip=_("Pick a region for each player; they take turns at this machine."),
        )
        for i, region in enumerate(shown):
            rect = pygame.Rect(380 + (i % per_row) * 170, 228 + (i // per_row) * 38, 162, 32)
            gui.toggle(rect, names[region], partial(self._pick, region), selected=region in self.humans)
        y = 228 + -(-len(shown) // per_row) * 38
        if region_pages > 1:
            more = _("More regions ({page}/{pages})").format(page=self.region_page + 1, pages=region_pages)
            gui.button(pygame.Rect(380, y, 220, 30), more, self._next_regions)
            y += 36
        y += 12
        self.captions = [(_("Computer players:"), (380, y))]
        for i, level in enumerate(("easy", "normal", "hard")):
            rect = pygame.Rect(380 + i * 150, y + 24, 140, 34)
            gui.toggle(rect, _(level), partial(self._level, level), selected=level == self.difficulty)
        self.captions.append((_("Seed (the same seed gives the same game):"), (380, y + 70)))
        gui.entry(pygame.Rect(380, y + 94, 200, 34), self.seed, self._seed, digits_only=True, limit=18)
        gui.button(pygame.Rect(590, y + 94, 160, 34), _("Random seed"), self._random_seed)
        gui.button(pygame.Rect(w - 240, h - 70, 200, 46), _("Start"), self._start)
        gui.button(pygame.Rect(40, h - 70, 160, 46), _("Back"), lambda: self.app.switch(TitleScene(self.app)))

    def _rows(self) -> list[tuple[str, Listing | None, list[Problem]]]:
        """Every scenario, the broken ones too (disabled, their problems in the tooltip), then broken mods."""
        lang = language()
        rows: list[tuple[str, Listing | None, list[Problem]]] = []
        for listing in self.listings:
            if listing.loaded is None:
                label = _("{name} (broken)").format(name=listing.entry.key)
                rows.append((_fit(label), None, listing.problems))
                continue
            mod = listing.entry.mod
            name = getattr(listing.loaded.name, lang)
            mod_name = getattr(mod.name, lang) if mod is not None else name
            origin = f" · {mod_name}" if mod_name != name else ""  # the mod's name, when it says more
            rows.append((_fit(f"{name} ({listing.loaded.region_count}){origin}"), listing, []))
        for broken in (mod for mod in self.broken_mods if mod.broken):
            rows.append((_("Mod {name} (broken)").format(name=broken.folder.name), None, broken.problems))
        return rows

    def _next_page(self) -> None:
        self.page += 1
        self.build()

    def choose(self, scenario_id: str) -> None:
        """Choose the scenario of that id (or key), as a click on it would."""
        for listing in self.playable_listings:
            if listing.loaded is not None and scenario_id in (listing.entry.key, listing.loaded.scenario_id):
                self._choose(listing)
                return

    def _choose(self, listing: Listing) -> None:
        self.choice = listing
        self.humans = [self._playable(self.scenario)[0]]
        self.seed = str(self.scenario.meta.seed)
        self.region_page = 0
        self.build()

    def _pick(self, region: str) -> None:
        """One region is played, unless hot-seat is on: then a click takes or frees a seat."""
        if not self.hot_seat:
            self.humans = [region]
        elif region not in self.humans:
            self.humans.append(region)
        elif len(self.humans) > 1:
            self.humans.remove(region)
        self.build()

    def _toggle_hot_seat(self) -> None:
        self.hot_seat = not self.hot_seat
        if not self.hot_seat:
            self.humans = self.humans[:1]
        self.build()

    def _goals(self) -> list[str]:
        """How the chosen scenario is won, with its turn limit."""
        key = (self.scenario.meta.id, language())
        if key not in self._goal_lines:
            state = new_game(self.scenario)  # the rules' defaults fill what the scenario leaves out
            lines = victory_lines(state.victory, state.turn_limit, state.rules)
            self._goal_lines[key] = [f"**{_('How to win')}**", *lines]
        return self._goal_lines[key]

    def _level(self, level: str) -> None:
        self.difficulty = level
        self.build()

    def _next_regions(self) -> None:
        self.region_page += 1
        self.build()

    def _seed(self, text: str) -> None:
        self.seed = text

    def _random_seed(self) -> None:
        self.seed = str(random.SystemRandom().randrange(1, 10**9))  # a new game; the seed says which
        self.build()

    def _start(self) -> None:
        loaded, entry = self.choice.loaded, self.choice.entry
        assert loaded is not None
        source = (entry.saved_text(loaded), entry.key)
        game = MapScene(
            self.app,
            self.scenario,
            list(self.humans),
            self.difficulty,
            int(self.seed) if self.seed.isdigit() else None,  # empty: the scenario's own seed
            source=source,
            provinces=loaded.provinces,
        )
        self.app.switch(game)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((24, 30, 40))
        heading = self.app.text.render(_("New game"), 28, (236, 220, 160), True)
        surface.blit(heading, (40, 20))
        pick = _("Your regions, one a player:") if self.hot_seat else _("Your region:")
        captions = [(pick, (380, 200)), *self.captions]
        for text, position in captions:
            surface.blit(self.app.text.render(text, 15, (200, 210, 225)), position)


class ErrorScene(Scene):
    """Shown instead of vanishing when something unexpected happens."""

    def __init__(self, app: App, log_file: str, game_saved: bool = False) -> None:
        super().__init__(app)
        self.log_file = log_file
        self.game_saved = game_saved

    def build(self) -> None:
        gui, (w, _h) = self.app.gui, self.app.size
        gui.clear()
        lines = [
            f"**{_('Something went wrong, but the game is still running.')}**",
            _("The details were written to {path}.").format(path=self.log_file),
        ]
        if self.game_saved:
            lines.append(_("Your game was autosaved: Continue on the title screen goes on with it."))
        gui.text(pygame.Rect(40, 40, w - 80, 160), lines)
        gui.button(
            pygame.Rect(40, 220, 220, 44), _("Title screen"), lambda: self.app.switch(TitleScene(self.app))
        )
