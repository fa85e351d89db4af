"""Render a scene to a PNG without a display: for the README, for tests and for a look in review."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.mapscene import MapScene

OVERLAYS = ("help", "goals", "relations", "organisations", "war-confirm")  # opened over the map
GAME_SCENES = ("map", "diplomacy", "proposal", "deal", "summary", "alert", "defeat", "game-over", *OVERLAYS)
SCENE_NAMES = ("title", "new-game", *GAME_SCENES)
WARM_UP_TURNS = 3


def screenshot(scenario_id: str, scene: str, lang: str, out: Path, size: tuple[int, int]) -> Path:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game.catalogue import find
    from game.i18n import set_language
    from game.ui.app import App
    from game.ui.mapscene import MapScene
    from game.ui.menus import NewGameScene

    set_language(lang)
    app = App(size, window=False)
    loaded = find(scenario_id).load()
    scenario = loaded.scenario
    if scene == "new-game":
        chooser = NewGameScene(app)
        chooser.choose(scenario.meta.id)
        app.switch(chooser)
    elif scene in GAME_SCENES:
        human = (scenario.meta.playable or [r.id for r in scenario.regions])[0]
        game = MapScene(app, scenario, [human], "normal", seed=scenario.meta.seed, provinces=loaded.provinces)
        app.switch(game)
        _play(app, game, scene)
        _show(app, game, scene)
    for _ in range(3):
        app.frame([], 1 / 60)
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(app.screen, str(out))
    return out


def _play(app: App, game: MapScene, scene: str) -> None:
    """A few turns (to the end for game-over), to the start of the player's turn; a war declared on
    the player meanwhile for the alert."""
    from game.core.diplomacy import start_war
    from game.ui.alerts import AlertScene
    from game.ui.summary_scene import SummaryScene

    human = game.me
    turns = game.state.turn_limit + 1 if scene == "game-over" else WARM_UP_TURNS
    for turn in range(turns):
        game.session.run_computers()
        if game.state.over:
            break
        game.end_turn()
        if scene == "alert" and turn == turns - 1:
            start_war(game.state, sorted(game.state.neighbours[human])[0], human)
    game.session.run_computers()
    app.frame([], 1 / 60)  # the alerts and the turn summary open over the map
    wanted = {"alert": AlertScene, "summary": SummaryScene}.get(scene)
    while isinstance(app.scene, AlertScene | SummaryScene) and not isinstance(app.scene, wanted or ()):
        app.scene.back_to_game()
        app.frame([], 1 / 60)
    if scene == "game-over" and not game.state.over:
        raise RuntimeError("the game did not end within its turn limit")


def _show(app: App, game: MapScene, scene: str) -> None:
    """The scene asked for, over the game as it stands."""
    from game.core import actions as A
    from game.core.diplomacy import annex
    from game.core.view import View
    from game.ui.deal_dialog import DealDialog
    from game.ui.goals_scene import GoalsScene
    from game.ui.help_scene import HelpScene
    from game.ui.organisations_scene import OrganisationsScene
    from game.ui.proposal_dialog import TreatyDialog
    from game.ui.relations_scene import RelationsScene
    from game.ui.war_confirm import WarConfirmScene

    if game.state.over:
        return
    human = game.me
    neighbour = sorted(game.state.neighbours[human])[0]
    if scene in ("diplomacy", "proposal", "deal", "relations", "war-confirm"):
        game.select(neighbour)
        game.act(A.SendAmbassador(human, neighbour))
    if scene == "diplomacy":
        game.act(A.ProposeTreaty(human, neighbour, "trade"))
    elif scene in ("proposal", "deal"):  # their waiting proposals declined, so that ours may be made
        for proposal in View(game.state, human).inbox():
            if proposal.sender == neighbour:
                game.act(A.Answer(human, proposal.id, False))
        if scene == "proposal":
            game.open_dialog(TreatyDialog)
            return
        game.open_dialog(DealDialog)  # it opens with a treaty; some gold of ours sweetens it
        for key, value in (("kind", "gold"), ("giver", "us"), ("gold", "10.0")):
            app.scene.choose(key, value)  # type: ignore[attr-defined]
        app.scene.add_term()  # type: ignore[attr-defined]
    elif scene == "defeat":
        annex(game.state, human, neighbour)
        app.frame([], 1 / 60)
    elif scene == "war-confirm":
        app.switch(WarConfirmScene(app, game, A.DeclareWar(human, neighbour)))
    elif scene in OVERLAYS:
        overlay = {
            "help": HelpScene,
            "goals": GoalsScene,
            "relations": RelationsScene,
            "organisations": OrganisationsScene,
        }[scene]
        app.switch(overlay(app, game))
