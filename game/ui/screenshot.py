"""Render a scene to a PNG without a display: for the README, for tests and for a look in review."""

from __future__ import annotations

import os
from pathlib import Path

SCENE_NAMES = ("title", "new-game", "map", "diplomacy", "proposal", "summary", "game-over")
WARM_UP_TURNS = 3


def screenshot(scenario_id: str, scene: str, lang: str, out: Path, size: tuple[int, int]) -> Path:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game.catalogue import find
    from game.core import actions as A
    from game.core.view import View
    from game.i18n import set_language
    from game.ui.app import App
    from game.ui.mapscene import MapScene
    from game.ui.menus import NewGameScene
    from game.ui.proposal_dialog import TreatyDialog
    from game.ui.summary_scene import SummaryScene

    set_language(lang)
    app = App(size, window=False)
    loaded = find(scenario_id).load()
    scenario = loaded.scenario
    if scene == "new-game":
        chooser = NewGameScene(app)
        chooser.choose(scenario.meta.id)
        app.switch(chooser)
    elif scene in ("map", "diplomacy", "proposal", "summary", "game-over"):
        human = (scenario.meta.playable or [r.id for r in scenario.regions])[0]
        game = MapScene(app, scenario, [human], "normal", seed=scenario.meta.seed, provinces=loaded.provinces)
        app.switch(game)
        turns = game.state.turn_limit + 1 if scene == "game-over" else WARM_UP_TURNS
        for _ in range(turns):
            game.session.run_computers()
            if game.state.over:
                break
            game.end_turn()
        game.session.run_computers()
        app.frame([], 1 / 60)  # the turn summary opens over the map
        if scene != "summary" and isinstance(app.scene, SummaryScene):
            app.scene.back_to_game()
        if scene in ("diplomacy", "proposal") and not game.state.over:
            neighbour = sorted(game.state.neighbours[human])[0]
            game.select(neighbour)
            game.act(A.SendAmbassador(human, neighbour))
            if scene == "diplomacy":
                game.act(A.ProposeTreaty(human, neighbour, "trade"))
            else:  # their waiting proposals declined, so that ours may be made
                for proposal in View(game.state, human).inbox():
                    if proposal.sender == neighbour:
                        game.act(A.Answer(human, proposal.id, False))
                game.open_dialog(TreatyDialog)
        if scene == "game-over" and not game.state.over:
            raise RuntimeError("the game did not end within its turn limit")
    for _ in range(3):
        app.frame([], 1 / 60)
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(app.screen, str(out))
    return out
