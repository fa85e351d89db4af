"""The command line: play, simulate, validate, list and start scenarios, bench and more."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from game import paths
from game.ai.registry import AI_NAMES
from game.ai.standard import StandardAI
from game.catalogue import MOD_FILE, find, new_mod, survey
from game.core.economy import income, regions_ruled, score
from game.core.model import GameState
from game.core.news import COUNTED_KINDS, describe
from game.core.snapshot import state_hash
from game.saves import SaveError, autosave, load_game, resume, save_game, sweep_temporary_files
from game.scenario.build import new_game
from game.scenario.errors import Problem, ScenarioError
from game.scenario.loader import load_mod_info
from game.scenario.schema import Scenario
from game.session import Session
from game.tournament import run_tournament
from game.ui.screenshot import SCENE_NAMES  # pygame itself is imported only when a shot is taken

DEFAULT_SCENARIO = "tutorial"
KEY_EVENTS = {
    "war_declared",
    "peace_signed",
    "region_annexed",
    "capitulation",
    "mediation",
    "rogue_marked",
    "resolution_passed",
    "victory",
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 0
    try:
        code: int = args.run(args)
    except (ScenarioError, SaveError) as error:
        print(error, file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader (head, less) has gone: nothing more to say
        sys.stderr.close()
        return 0
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bilateral", description="Bilateral, a game of diplomacy.")
    sub = parser.add_subparsers(metavar="COMMAND")

    play = sub.add_parser("play", help="play the game")
    play.add_argument("--scenario", default=DEFAULT_SCENARIO, help="scenario file or id")
    play.set_defaults(run=_play)

    shot = sub.add_parser("screenshot", help="render a scene to a PNG without a display")
    shot.add_argument("--scenario", default=DEFAULT_SCENARIO, help="scenario file or id")
    shot.add_argument("--scene", default="map", choices=SCENE_NAMES)
    shot.add_argument("--lang", default="en", choices=("en", "pl"))
    shot.add_argument("--out", required=True, metavar="FILE.png")
    shot.add_argument("--size", default="1280x720", metavar="WxH")
    shot.set_defaults(run=_screenshot)

    sim = sub.add_parser("simulate", help="play a game with computer players only")
    sim.add_argument("--scenario", default=DEFAULT_SCENARIO, help="scenario file or id")
    sim.add_argument("--turns", type=int, default=200, help="most turns to play")
    sim.add_argument("--seed", type=int, default=None, help="seed (default: the scenario's)")
    sim.add_argument("--json", action="store_true", help="print one JSON object")
    sim.add_argument("--save", metavar="PATH", help="save the game here at the end")
    sim.add_argument("--autosave-dir", metavar="DIR", help="autosave every turn here, keeping the last three")
    sim.add_argument("--from-save", metavar="PATH", help="go on with a saved game for --turns more turns")
    sim.set_defaults(run=_simulate)

    rep = sub.add_parser("replay", help="replay a save from its scenario and seed and print the hash")
    rep.add_argument("path", metavar="PATH")
    rep.add_argument("--json", action="store_true", help="print one JSON object")
    rep.set_defaults(run=_replay)

    tour = sub.add_parser("tournament", help="play computer players of different kinds against each other")
    tour.add_argument("--scenario", default=DEFAULT_SCENARIO, help="scenario file or id")
    tour.add_argument(
        "--ais", default="standard,random", help=f"comma-separated, from: {', '.join(AI_NAMES)}"
    )
    tour.add_argument("--games", type=int, default=10)
    tour.add_argument("--seed", type=int, default=1)
    tour.add_argument("--turns", type=int, default=None, help="most turns per game (default: the limit)")
    tour.add_argument("--json", action="store_true", help="print one JSON object")
    tour.set_defaults(run=_tournament)

    val = sub.add_parser("validate", help="check scenario files (or scenario ids) and list every problem")
    val.add_argument("paths", nargs="+", metavar="PATH_OR_ID")
    val.set_defaults(run=_validate)

    listing = sub.add_parser("list-scenarios", help="list shipped and user scenarios with their status")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    listing.set_defaults(run=_list_scenarios)

    starter = sub.add_parser("new-scenario", help="write a starter scenario into a new mod of your own")
    starter.add_argument("name", help="id of the new mod and its scenario, e.g. my_valley")
    starter.set_defaults(run=_new_scenario)

    soak = sub.add_parser("soak", help="many turns of computer play with every invariant checked each turn")
    soak.add_argument("--scenario", default="straits", help="scenario file or id")
    soak.add_argument("--turns", type=int, default=10000)
    soak.add_argument("--seed", type=int, default=1)
    soak.add_argument("--json", action="store_true", help="print one JSON object")
    soak.set_defaults(run=_soak)

    schema = sub.add_parser("schema", help="print the JSON Schema of scenario files (or of mod.yaml)")
    schema.add_argument("--mod", action="store_true", help="the schema of a mod's mod.yaml instead")
    schema.set_defaults(run=_schema)

    docs = sub.add_parser("docs", help="write the field reference of docs/modding.md from the schema")
    docs.add_argument("--check", action="store_true", help="only say whether the reference is current")
    docs.set_defaults(run=_docs)

    bench = sub.add_parser("bench", help="measure turn and load times")
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_argument("--turns", type=int, default=30, help="turns timed per scenario")
    bench.set_defaults(run=_bench)
    return parser


def load(path_or_id: str) -> Scenario:
    return find(path_or_id).load().scenario


def computer_session(state: GameState) -> Session:
    ai = StandardAI()
    return Session(state, {region: ai for region in state.order})


def _progress_printer(total: int, start: int) -> Any:
    if not sys.stderr.isatty():
        return None

    def show(turn: int) -> None:
        done = turn - start
        print(f"\rturn {turn - 1} ({done}/{total})", end="", file=sys.stderr, flush=True)

    return show


def _play(args: argparse.Namespace) -> int:
    from game.ui.app import has_display

    if has_display():
        from game.i18n import set_language, system_language
        from game.ui.app import App

        set_language(system_language())
        App().run()
        return 0
    scenario = load(args.scenario)
    state = new_game(scenario)
    print(
        "There is no display here, so Bilateral cannot open its window. It plays a game between\n"
        f"computer players on '{scenario.meta.name.en}' instead and reports it. To play headless, try\n"
        "`python -m game simulate --help`; to see the game, run `make play` on a desktop, or\n"
        "`python -m game screenshot --scene map --out map.png` for a picture of it.\n"
    )
    session = computer_session(state)
    session.play_turns(state.turn_limit, _progress_printer(state.turn_limit, state.turn))
    _print_summary(state, scenario)
    return 0


def _simulate(args: argparse.Namespace) -> int:
    if args.from_save:
        loaded = load_game(args.from_save)
        scenario, text, file_name = loaded.scenario, loaded.scenario_text, loaded.scenario_file
        state = loaded.state
        ai = StandardAI()
        session = resume(loaded, {region: ai for region in state.order})
    else:
        entry = find(args.scenario)
        loaded_scenario = entry.load()
        scenario = loaded_scenario.scenario
        text, file_name = entry.saved_text(loaded_scenario), entry.key
        state = new_game(scenario, args.seed)
        session = computer_session(state)
    start = state.turn
    progress = None if args.json else _progress_printer(args.turns, start)
    autosave_dir = Path(args.autosave_dir) if args.autosave_dir else None
    if autosave_dir is not None:
        sweep_temporary_files(autosave_dir)

    def each_turn(turn: int) -> None:
        if progress is not None:
            progress(turn)
        if autosave_dir is not None:
            _report_save_error(lambda: autosave(autosave_dir, text, file_name, session))

    session.play_turns(args.turns, each_turn)
    if progress is not None:
        print(file=sys.stderr)
    if args.save:
        _report_save_error(lambda: save_game(args.save, text, file_name, session))
    if args.json:
        print(json.dumps(simulation_report(state, start), sort_keys=True))
    else:
        _print_summary(state, scenario)
    return 0


def _report_save_error(save: Callable[[], object]) -> None:
    """A save that fails is reported and the game goes on: the previous save is still there."""
    try:
        save()
    except SaveError as error:
        print(f"warning: {error}", file=sys.stderr)


def _replay(args: argparse.Namespace) -> int:
    try:
        loaded = load_game(args.path)
    except SaveError as error:
        print(error, file=sys.stderr)
        return 1
    turns = loaded.state.turn - 1
    digest = state_hash(loaded.state)
    if args.json:
        print(json.dumps({"state_hash": digest, "turns_played": turns, "winner": loaded.state.winner}))
    else:
        print(f"{args.path}: {turns} turns replayed; state hash {digest}")
    return 0


def simulation_report(state: GameState, start: int = 1) -> dict[str, Any]:
    counts = Counter(e.kind for e in state.events)
    return {
        "scenario": state.scenario_id,
        "seed": state.seed,
        "turns_played": state.turn - start,
        "winner": state.winner,
        "win_reason": state.win_reason,
        "state_hash": state_hash(state),
        "events_by_kind": {kind: counts.get(kind, 0) for kind in COUNTED_KINDS},
        "regions": {r: _figures(state, r) for r in state.order},
    }


def _figures(state: GameState, region_id: str) -> dict[str, Any]:
    r = state.regions[region_id]
    return {
        "ruler": r.ruler,
        "economy": round(r.economy, 2),
        "treasury": round(r.treasury, 2),
        "military": round(r.military, 2),
        "stability": round(r.stability, 1),
        "reputation": round(r.reputation, 1),
        "income": round(income(state, region_id).total, 2) if r.alive else 0.0,
        "regions_ruled": regions_ruled(state, region_id),
        "score": round(score(state, region_id), 1),
    }


def _print_summary(state: GameState, scenario: Scenario) -> None:
    names = {r.id: r.name.en for r in scenario.regions} | {o.id: o.name.en for o in scenario.organisations}

    def name(key: str) -> str:
        return names.get(key, key)

    played = state.turn - 1
    title = scenario.meta.name.en
    turns = f"{played} turn" + ("" if played == 1 else "s")
    how = {"diplomatic": "a diplomatic victory", "economic": "an economic victory", "score": "the best score"}
    if state.winner:
        reason = how.get(str(state.win_reason), str(state.win_reason))
        print(f"{title}: {name(state.winner)} wins by {reason} after {turns}.")
    else:
        print(f"{title}: no winner after {turns}.")
    key = [e for e in state.events if e.kind in KEY_EVENTS]
    shown = "" if len(key) <= 25 else ", the last 25"
    print(f"\nKey events ({len(key)}{shown}):")
    for event in key[-25:]:
        print(f"  turn {event.turn:>3}: {describe(event).render(name)}")
    counts = Counter(e.kind for e in state.events)
    print("\nEvents: " + ", ".join(f"{k} {counts.get(k, 0)}" for k in COUNTED_KINDS))
    print("\nFinal standings:")
    print(
        f"  {'region':<20}{'score':>7}{'ruled':>6}{'economy':>9}{'treasury':>10}{'military':>9}{'reput.':>7}"
    )
    ranked = sorted(state.order, key=lambda r: (-score(state, r), r))
    for region_id in ranked:
        f = _figures(state, region_id)
        if state.regions[region_id].alive:
            print(
                f"  {name(region_id):<20}{f['score']:>7.0f}{f['regions_ruled']:>6}{f['economy']:>9.1f}"
                f"{f['treasury']:>10.0f}{f['military']:>9.0f}{f['reputation']:>7.0f}"
            )
        else:
            print(f"  {name(region_id):<20}  annexed by {name(state.regions[region_id].ruler)}")
    print(f"\nstate hash {state_hash(state)}")


def _tournament(args: argparse.Namespace) -> int:
    names = [n.strip() for n in args.ais.split(",") if n.strip()]
    unknown = [n for n in names if n not in AI_NAMES]
    if unknown or not names or args.games < 1:
        print(f"choose --ais from {', '.join(AI_NAMES)} and at least one game", file=sys.stderr)
        return 2
    scenario = load(args.scenario)
    show = None if args.json else _progress_printer(args.games, 0)
    result = run_tournament(scenario, names, args.games, args.seed, turns=args.turns, progress=show)
    if show is not None:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(result, sort_keys=True))
        return 0
    print(f"{scenario.meta.name.en}: {args.games} games, seed {args.seed}\n")
    print(f"  {'player':<12}{'wins':>6}{'mean rank':>11}{'games':>7}")
    for name, row in result["by_ai"].items():
        print(f"  {name:<12}{row['wins']:>6}{row['mean_rank']:>11.2f}{row['games']:>7}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    failed = False
    for path in args.paths:
        if Path(path).name == MOD_FILE:  # a mod's card is checked as one
            try:
                _info, warnings = load_mod_info(Path(path))
                for warning in warnings:
                    print(warning)
                print(f"{path}: valid mod card")
            except ScenarioError as error:
                failed = True
                print(error)
            continue
        try:
            loaded = find(path).load()
        except ScenarioError as error:
            failed = True
            print(error)
            continue
        for warning in loaded.warnings:
            print(warning)
        print(f"{path}: valid ({len(loaded.scenario.regions)} regions)")
    return 1 if failed else 0


def _list_scenarios(args: argparse.Namespace) -> int:
    listings, broken_mods = survey()
    if args.json:
        report = {
            "scenarios": [
                {
                    "key": item.entry.key,
                    "path": str(item.entry.path),
                    "mod": item.entry.mod.id if item.entry.mod else None,
                    "name": item.loaded.scenario.meta.name.en if item.loaded else None,
                    "regions": len(item.loaded.scenario.regions) if item.loaded else None,
                    "status": item.status,
                    "problems": [str(p) for p in item.problems],
                }
                for item in listings
            ],
            "broken_mods": [
                {"folder": str(mod.folder), "broken": mod.broken, "problems": [str(p) for p in mod.problems]}
                for mod in broken_mods
            ],
        }
        print(json.dumps(report, sort_keys=True))
        return 0
    print(f"{'scenario':<28}{'regions':>8}  {'status':<10}name")
    for item in listings:
        regions = str(len(item.loaded.scenario.regions)) if item.loaded else "-"
        name = item.loaded.scenario.meta.name.en if item.loaded else str(item.entry.path)
        status = item.status if item.status != "warnings" else f"{len(item.problems)} warn."
        print(f"{item.entry.key:<28}{regions:>8}  {status:<10}{name}")
        if item.status == "broken":
            _print_some(item.problems)
    for mod in broken_mods:
        status = "broken" if mod.broken else "warnings"
        print(f"{'(mod ' + mod.folder.name + ')':<28}{'-':>8}  {status:<10}{mod.folder}")
        _print_some(mod.problems)
    print(f"\nUser mods are read from {paths.mods_dir()}")
    return 0


def _print_some(problems: list[Problem], shown: int = 5) -> None:
    for problem in problems[:shown]:
        print(f"    {problem}")
    if len(problems) > shown:
        print(f"    ... and {len(problems) - shown} more: run validate for all of them")


def _new_scenario(args: argparse.Namespace) -> int:
    try:
        path = new_mod(args.name)
    except (ValueError, FileExistsError) as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"could not write the new mod: {error}", file=sys.stderr)
        return 1
    print(f"Wrote a starter scenario to {path}")
    print(f"and the mod's card to {path.parent.parent / 'mod.yaml'}.")
    print(f"Check it with:  python -m game validate {args.name}/{args.name}")
    print(f"Try it with:    python -m game simulate --scenario {args.name}/{args.name}")
    print("It is also in the game's New game list. The guide to every field: docs/modding.md")
    return 0


def _soak(args: argparse.Namespace) -> int:
    from game.soak import run_soak

    show = None if args.json else _progress_printer(args.turns, 0)
    result = run_soak(load(args.scenario), args.turns, args.seed, progress=show)
    if show is not None:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        for key, value in result.items():
            print(f"{key:<28}{value}")
    return 1 if result["broken_invariants"] else 0


def _screenshot(args: argparse.Namespace) -> int:
    from game.ui.screenshot import screenshot

    try:
        width, height = (int(part) for part in args.size.lower().split("x"))
    except ValueError:
        print("--size must look like 1280x720", file=sys.stderr)
        return 2
    out = screenshot(args.scenario, args.scene, args.lang, Path(args.out), (width, height))
    print(out)
    return 0


def _schema(args: argparse.Namespace) -> int:
    from game.scenario.jsonschema import json_schema_text

    print(json_schema_text("mod" if args.mod else "scenario"), end="")
    return 0


def _docs(args: argparse.Namespace) -> int:
    from game.scenario.reference import MODDING_GUIDE, with_reference

    current = MODDING_GUIDE.read_text(encoding="utf-8")
    fresh = with_reference(current)
    if args.check:
        print(f"{MODDING_GUIDE}: " + ("current" if fresh == current else "stale: run `python -m game docs`"))
        return 0 if fresh == current else 1
    if fresh != current:
        MODDING_GUIDE.write_text(fresh, encoding="utf-8")
    print(f"{MODDING_GUIDE}: reference written")
    return 0


def _bench(args: argparse.Namespace) -> int:
    from game.bench import run_bench

    figures = run_bench(args.turns, progress=sys.stderr.isatty() and not args.json)
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    else:
        for label, ms in figures["end_turn_ms_median"].items():
            print(f"end of turn   {label:<16}{ms:>9.2f} ms (median)")
        for label, ms in figures["load_ms_median"].items():
            print(f"load+validate {label:<16}{ms:>9.2f} ms (median)")
        for label, ms in figures["map_frame_ms_median"].items():
            print(f"map frame     {label:<16}{ms:>9.2f} ms (median, 1280x720)")
        for label, ms in figures["map_pan_frame_ms_median"].items():
            print(f"map panning   {label:<16}{ms:>9.2f} ms (median, 1280x720, moving 3 px a frame)")
        print(f"peak RSS      {figures['peak_rss_mb']:.1f} MB")
        if "start_up_ms" in figures:
            print(f"window start  {figures['start_up_ms']:>25} ms (launch to the first picture, Xvfb)")
            for label, percent in figures["idle_cpu_percent"].items():
                x = figures["idle_x_server_cpu_percent"][label]
                print(f"at rest       {label:<16}{percent:>9.1f} % of a core (the X server: {x:.1f} %)")
        else:
            print(f"window        not measured: {figures['window_skipped']}")
    return 0
