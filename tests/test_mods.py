"""User mods: found in the mods folder, listed with their problems, never fatal, and playable.

A mod is a folder with mod.yaml and scenarios/*.yaml; its scenarios may use the cultures and
personalities of its mod.yaml.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path
from typing import Any

import pytest

from game import catalogue, paths
from game.catalogue import find, new_mod, survey
from game.cli import main
from game.core.snapshot import state_hash
from game.saves import load_game, save_game
from game.scenario.build import new_game
from game.scenario.errors import ScenarioError
from game.scenario.jsonschema import json_schema_text
from game.scenario.loader import load_scenario_bytes
from game.session import Session


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BILATERAL_HOME", str(tmp_path))
    return tmp_path


def test_a_new_scenario_is_a_mod_that_validates_and_plays() -> None:
    path = new_mod("green_hills")
    assert path == paths.mods_dir() / "green_hills" / "scenarios" / "green_hills.yaml"
    entry = find("green_hills/green_hills")
    loaded = entry.load()
    assert loaded.warnings == []
    assert entry.mod is not None and entry.mod.id == "green_hills"
    assert {c.id for c in loaded.scenario.cultures} == {"lowlanders", "hill_folk"}  # from mod.yaml
    assert Session(new_game(loaded.scenario, 3), {}).state.turn == 1  # it builds a game


def _schema_link(file: Path) -> Path:
    """Where the first line of a YAML file points editors, resolved as an editor does."""
    first_line = file.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first_line.startswith(prefix)
    return (file.parent / first_line.removeprefix(prefix)).resolve()


def test_the_starter_points_editors_at_schemas_that_go_with_the_mod(tmp_path: Path) -> None:
    """The links are relative, to copies inside the mod: moved or shared, the mod keeps them."""
    new_mod("schema_check")
    moved = tmp_path / "shared_copy"
    (paths.mods_dir() / "schema_check").rename(moved)
    scenario_schema = _schema_link(moved / "scenarios" / "schema_check.yaml")
    mod_schema = _schema_link(moved / "mod.yaml")
    assert scenario_schema == moved / "schemas" / "scenario.schema.json"
    assert mod_schema == moved / "schemas" / "mod.schema.json"
    assert scenario_schema.read_text(encoding="utf-8") == json_schema_text("scenario")
    assert mod_schema.read_text(encoding="utf-8") == json_schema_text("mod")


def test_a_failed_new_scenario_leaves_nothing_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk that fills up half-way: no half-made mod is left to show as broken, and the name is free."""
    write_text = Path.write_text

    def full_disk(self: Path, *args: Any, **kwargs: Any) -> int:
        if self.name == "half_made.yaml":
            raise OSError(errno.ENOSPC, "No space left on device")
        return write_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full_disk)
    with pytest.raises(OSError):
        new_mod("half_made")
    assert list(paths.mods_dir().iterdir()) == []
    assert main(["new-scenario", "half_made"]) == 1  # the command reports it
    assert list(paths.mods_dir().iterdir()) == []
    monkeypatch.undo()
    assert new_mod("half_made").is_file()


def test_a_hidden_folder_in_the_mods_folder_is_not_a_mod() -> None:
    """What a killed new-scenario (or an editor, or git) leaves there is not listed as a broken mod."""
    (paths.mods_dir() / ".half_made-x1y2" / "scenarios").mkdir(parents=True)
    assert catalogue.user_mods() == []


def test_the_starter_takes_titles_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-scenario", "river_war", "--title", 'River "War"', "--title-pl", "Wojna o rzekę"]) == 0
    assert "Polish title" not in capsys.readouterr().out
    scenario = find("river_war/river_war").load().scenario
    assert (scenario.meta.name.en, scenario.meta.name.pl) == ('River "War"', "Wojna o rzekę")
    card = catalogue.user_mods()[0].info
    assert card is not None and (card.name.en, card.name.pl) == ('River "War"', "Wojna o rzekę")


def test_a_starter_without_a_polish_title_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-scenario", "green_hills"]) == 0
    assert "Its Polish title is the English one for now" in capsys.readouterr().out
    assert find("green_hills/green_hills").load().scenario.meta.name.pl == "Green Hills"


def test_a_title_too_long_is_refused_before_anything_is_written(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-scenario", "long_one", "--title", "x" * 81]) == 1
    assert "1 to 80 characters" in capsys.readouterr().err
    assert not paths.mods_dir().exists() or list(paths.mods_dir().iterdir()) == []


@pytest.mark.parametrize("name", ["Green Hills", "9lives", "a/b", "", "x" * 41])
def test_a_new_scenario_needs_a_name_that_is_an_id(name: str) -> None:
    with pytest.raises(ValueError, match="cannot be a scenario id"):
        new_mod(name)


def test_a_new_scenario_never_overwrites_a_mod() -> None:
    path = new_mod("keep_me")
    path.write_text("my work", encoding="utf-8")
    with pytest.raises(FileExistsError):
        new_mod("keep_me")
    assert path.read_text(encoding="utf-8") == "my work"
    assert main(["new-scenario", "keep_me"]) == 1


def test_a_broken_mod_card_is_listed_with_its_problem_and_the_rest_still_loads(
    capsys: pytest.CaptureFixture[str],
) -> None:
    new_mod("good_mod")
    broken = paths.mods_dir() / "bad_mod"
    (broken / "scenarios").mkdir(parents=True)
    (broken / "mod.yaml").write_text("format: 1\nid: Bad Mod\nname: {en: Bad}\n", encoding="utf-8")
    listings, broken_mods = survey()
    assert "good_mod/good_mod" in [item.entry.key for item in listings]
    assert [mod.folder.name for mod in broken_mods] == ["bad_mod"]
    messages = [str(p) for p in broken_mods[0].problems]
    assert any("mod.yaml:2:5" in m for m in messages)  # the id, at its line and column
    assert any("pl" in m for m in messages)  # and the missing Polish name, in the same pass
    assert main(["list-scenarios"]) == 0
    out = capsys.readouterr().out
    assert "(mod bad_mod)" in out and "broken" in out and "good_mod/good_mod" in out


def test_a_mod_without_its_card_or_scenarios_is_listed_as_broken() -> None:
    (paths.mods_dir() / "no_card").mkdir(parents=True)
    empty = paths.mods_dir() / "empty"
    empty.mkdir()
    (empty / "mod.yaml").write_text("format: 1\nid: empty\nname: {en: E, pl: E}\n", encoding="utf-8")
    _listings, broken_mods = survey()
    problems = {mod.folder.name: " ".join(str(p) for p in mod.problems) for mod in broken_mods}
    assert "no such file" in problems["no_card"]
    assert "has no scenarios" in problems["empty"]


def test_a_broken_scenario_of_a_mod_is_listed_with_its_errors_not_hidden() -> None:
    path = new_mod("shaky")
    path.write_text(path.read_text(encoding="utf-8").replace("personality: warlord", "personality: warlrd"))
    listings, _broken = survey()
    item = next(i for i in listings if i.entry.key == "shaky/shaky")
    assert item.status == "broken"
    assert "did you mean 'warlord'" in str(item.problems[0])
    assert all(i.status == "ok" for i in listings if i.entry.mod is None)  # shipped ones unaffected


def test_a_scenario_may_not_reach_into_another_mods_culture() -> None:
    new_mod("first")
    second = new_mod("second")
    text = second.read_text(encoding="utf-8").replace("culture: lowlanders", "culture: river_folk", 1)
    second.write_text(text, encoding="utf-8")
    first_card = paths.mods_dir() / "first" / "mod.yaml"
    first_card.write_text(
        first_card.read_text(encoding="utf-8")
        + "  - id: river_folk\n    name: {en: River folk, pl: Ludzie rzeki}\n",
        encoding="utf-8",
    )
    with pytest.raises(ScenarioError, match="unknown culture 'river_folk'"):
        find("second/second").load()


def test_a_mod_scenario_named_by_its_path_still_uses_its_mod() -> None:
    path = new_mod("by_path")
    entry = find(str(path))
    assert entry.key == "by_path/by_path" and entry.mod is not None
    assert entry.load().scenario.meta.id == "by_path"


def test_a_mod_kept_outside_the_mods_folder_is_validated_with_its_card(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A modder's own copy (a repository, say): the scenario by its path still uses its mod.yaml."""
    new_mod("workshop")
    outside = tmp_path / "projects" / "workshop"
    outside.parent.mkdir()
    (paths.mods_dir() / "workshop").rename(outside)
    scenario = outside / "scenarios" / "workshop.yaml"
    entry = find(str(scenario))
    assert entry.mod is not None and entry.mod.id == "workshop" and entry.root == outside.resolve()
    assert main(["validate", str(scenario)]) == 0
    out = capsys.readouterr().out
    assert out == f"{scenario}: valid (3 regions)\n"  # the cultures of mod.yaml are known: no "did you mean"


def test_a_mod_folder_is_validated_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`validate <mod folder>` checks the card, then every scenario of the mod."""
    first = new_mod("whole")
    second = first.with_name("second.yaml")
    second.write_text(
        first.read_text(encoding="utf-8")
        .replace("id: whole ", "id: second")
        .replace("military: 30", "militar: 30"),
        encoding="utf-8",
    )
    folder = paths.mods_dir() / "whole"
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{folder / 'mod.yaml'}: valid mod card"
    assert any(line.startswith(f"{second}:") and "militar" in line for line in out)
    assert out[-1] == f"{first}: valid (3 regions)"
    second.unlink()
    assert main(["validate", str(folder)]) == 0


def test_a_folder_that_is_no_mod_is_named_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out == f"{tmp_path}: a folder without a mod.yaml: name a scenario file, or a mod's folder\n"


def test_mods_of_one_id_are_not_silently_shadowed(capsys: pytest.CaptureFixture[str]) -> None:
    """Three folders of the mod id `valley`: one entry, the first folder's; the others broken, saying why."""
    new_mod("valley")
    for copy in ("valley_copy", "valley_old"):
        shutil.copytree(paths.mods_dir() / "valley", paths.mods_dir() / copy)
    listings, broken = survey()
    assert [item.entry.key for item in listings].count("valley/valley") == 1
    assert find("valley/valley").path.parent.parent.name == "valley"
    assert [mod.folder.name for mod in broken] == ["valley_copy", "valley_old"]
    for mod in broken:
        assert mod.broken and [p.code for p in mod.problems] == ["mod.duplicate_id"]
        problem = mod.problems[0]
        assert (problem.line, problem.column) == (7, 5)  # at the id in mod.yaml
        assert f"taken by {paths.mods_dir() / 'valley'}" in problem.message
    assert main(["list-scenarios"]) == 0
    out = capsys.readouterr().out
    assert "(mod valley_copy)" in out and "(mod valley_old)" in out and "is taken by" in out


def test_an_unknown_scenario_name_suggests_the_closest() -> None:
    new_mod("valley")
    with pytest.raises(ScenarioError, match="did you mean 'valley/valley'"):
        find("valley/valey")


def test_a_save_of_a_mod_scenario_holds_all_it_needs_and_loads_after_the_mod_is_gone(home: Path) -> None:
    entry = find(str(new_mod("gone_soon")))
    loaded = entry.load()
    text = entry.saved_text(loaded)
    assert load_scenario_bytes(text.encode(), "alone.yaml").scenario == loaded.scenario
    session = Session(new_game(loaded.scenario, 5), {})
    save = save_game(home / "mod_game.json", text, entry.key, session)
    for file in sorted((paths.mods_dir() / "gone_soon").rglob("*"), reverse=True):
        file.rmdir() if file.is_dir() else file.unlink()
    assert state_hash(load_game(save).state) == state_hash(session.state)


def test_the_new_game_screen_lists_user_scenarios_and_broken_ones() -> None:
    from game.ui.app import App
    from game.ui.menus import NewGameScene

    new_mod("window_mod")
    bad = new_mod("bad_window_mod")
    bad.write_text("format: 2\n", encoding="utf-8")
    app = App((1280, 720), window=False)
    chooser = NewGameScene(app)
    app.switch(chooser)
    rows = {label: (listing, problems) for label, listing, problems in chooser._rows()}
    assert any(label.startswith("Window Mod (3)") for label in rows)
    broken = rows["bad_window_mod/bad_window_mod (broken)"]
    assert broken[0] is None and broken[1]
    chooser.choose("window_mod/window_mod")
    assert chooser.scenario.meta.id == "window_mod"
    chooser._start()
    assert app.scene.source[1] == "window_mod/window_mod"  # type: ignore[attr-defined]


def test_the_mods_folder_may_be_missing() -> None:
    assert catalogue.user_mods() == []


def _game_of(key: str) -> tuple[object, object]:
    """A window with a game of the scenario `key`, started from the new-game screen."""
    from game.ui.app import App
    from game.ui.menus import NewGameScene

    app = App((1280, 720), window=False)
    chooser = NewGameScene(app)
    app.switch(chooser)
    chooser.choose(key)
    chooser._start()
    return app, app.scene


def _f5(app: object) -> None:
    import pygame

    event = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F5, mod=0, unicode="", scancode=0)
    app.frame([event], 1 / 60)  # type: ignore[attr-defined]


def test_f5_reloads_the_scenario_from_the_disk_into_a_new_game_with_the_same_players() -> None:
    from game.ui.mapscene import MapScene

    path = new_mod("live_edit")
    app, game = _game_of("live_edit/live_edit")
    assert isinstance(game, MapScene)
    path.write_text(
        path.read_text(encoding="utf-8").replace('"Riverton"', '"New Riverton"'), encoding="utf-8"
    )
    _f5(app)
    fresh = app.scene  # type: ignore[attr-defined]
    assert isinstance(fresh, MapScene) and fresh is not game
    assert fresh.name("riverton") == "New Riverton"
    assert fresh.humans == game.humans and fresh.state.seed == game.state.seed
    assert fresh.source[1] == "live_edit/live_edit"


def test_f5_on_a_broken_file_shows_its_problems_and_the_game_goes_on() -> None:
    from game.ui.mapscene import MapScene
    from game.ui.reload import ReloadProblemsScene

    path = new_mod("half_done")
    app, game = _game_of("half_done/half_done")
    assert isinstance(game, MapScene)
    turn = game.state.turn
    path.write_text(
        path.read_text(encoding="utf-8").replace("economy: 20", "economy: lots"), encoding="utf-8"
    )
    _f5(app)
    shown = app.scene  # type: ignore[attr-defined]
    assert isinstance(shown, ReloadProblemsScene)
    assert any("half_done.yaml:" in p and "economy" in p for p in shown.problems)
    shown.back_to_game()
    assert app.scene is game and game.state.turn == turn  # type: ignore[attr-defined]


def test_a_scenario_of_a_mod_with_a_broken_card_is_refused_with_the_cards_problems(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = new_mod("bad_card")
    card = paths.mods_dir() / "bad_card" / "mod.yaml"
    card.write_text(
        card.read_text(encoding="utf-8").replace('version: "0.1"', "version: 0.1"), encoding="utf-8"
    )
    for name in ("bad_card/bad_card", str(path)):
        with pytest.raises(ScenarioError, match=r"mod\.yaml:9:10: version: expected text"):
            find(name)
    assert main(["validate", str(card)]) == 1
    assert "mod.yaml:9:10" in capsys.readouterr().out


def test_a_mod_card_is_validated_as_a_card(capsys: pytest.CaptureFixture[str]) -> None:
    new_mod("fine_card")
    assert main(["validate", str(paths.mods_dir() / "fine_card" / "mod.yaml")]) == 0
    assert "valid mod card" in capsys.readouterr().out


def test_a_mod_personality_replacing_a_built_in_one_is_a_warning_in_the_card() -> None:
    new_mod("own_warlord")
    card = paths.mods_dir() / "own_warlord" / "mod.yaml"
    card.write_text(
        card.read_text(encoding="utf-8")
        + "personalities:\n  - id: warlord\n    name: {en: Warlord, pl: Watażka}\n    aggression: 1\n",
        encoding="utf-8",
    )
    assert find("own_warlord/own_warlord").load().warnings == []  # the scenario is not to blame
    mod = next(m for m in catalogue.user_mods() if m.folder.name == "own_warlord")
    assert [p.code for p in mod.problems] == ["dup.builtin_personality"]


def test_files_a_mod_does_not_read_are_named_in_a_warning() -> None:
    path = new_mod("strays")
    (path.parent / "second.yml").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (paths.mods_dir() / "strays" / "third.yaml").write_text("format: 1\n", encoding="utf-8")
    mod = next(m for m in catalogue.user_mods() if m.folder.name == "strays")
    assert not mod.broken
    assert sorted(Path(p.file).name for p in mod.problems) == ["second.yml", "third.yaml"]
    assert all(p.severity == "warning" and "not read" in p.message for p in mod.problems)


def test_the_new_game_screen_starts_the_game_of_the_seed_typed() -> None:
    import pygame
    import pygame_gui

    from game.ui.app import App
    from game.ui.mapscene import MapScene
    from game.ui.menus import NewGameScene

    app = App((960, 600), window=False)
    chooser = NewGameScene(app)
    app.switch(chooser)
    chooser.choose("meridia")
    assert chooser.seed == str(chooser.scenario.meta.seed)
    entry = next(iter(app.gui._entries))
    typed = pygame.event.Event(pygame_gui.UI_TEXT_ENTRY_CHANGED, ui_element=entry, text="4242")
    app.frame([typed], 1 / 60)
    assert chooser.seed == "4242"
    chooser._start()
    game = app.scene
    assert isinstance(game, MapScene) and game.state.seed == 4242


def test_regions_that_do_not_fit_the_new_game_screen_come_in_pages() -> None:
    from game.ui.app import App
    from game.ui.menus import NewGameScene

    app = App((960, 600), window=False)
    chooser = NewGameScene(app)
    app.switch(chooser)
    chooser.choose("meridia")
    labels = {e.text for e in app.gui._elements if hasattr(e, "text")}
    more = next(label for label in labels if label.startswith("More regions (1/"))
    pages = int(more.split("/")[1].rstrip(")"))
    seen: set[str] = set()
    for _page in range(pages):
        seen |= {e.text for e in app.gui._elements if hasattr(e, "text")}
        chooser._next_regions()
    names = {r.name.en for r in chooser.scenario.regions if r.id in chooser._playable(chooser.scenario)}
    assert names <= seen


def test_f5_goes_through_the_turn_summary() -> None:
    import pygame

    from game.ui.mapscene import MapScene
    from game.ui.summary_scene import SummaryScene

    new_mod("summary_reload")
    app, game = _game_of("summary_reload/summary_reload")
    assert isinstance(game, MapScene)
    enter = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0)
    app.frame([enter], 1 / 60)  # type: ignore[attr-defined]
    for _frame in range(500):
        if isinstance(app.scene, SummaryScene):  # type: ignore[attr-defined]
            break
        app.frame([], 1 / 60)  # type: ignore[attr-defined]
    assert isinstance(app.scene, SummaryScene)  # type: ignore[attr-defined]
    _f5(app)
    fresh = app.scene  # type: ignore[attr-defined]
    assert isinstance(fresh, MapScene) and fresh is not game and fresh.state.turn == 1
