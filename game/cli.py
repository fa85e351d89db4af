"""The command line: play, simulate, validate, list and start scenarios, bench and more."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from game import __version__, logs, paths
from game.ai.scripted import STRATEGIES
from game.ai.standard import SKILLS, StandardAI
from game.backends import BACKENDS, BackendError
from game.catalogue import MOD_FILE, Entry, find, new_mod, read_mod, survey
from game.core.economy import income, regions_ruled, score
from game.core.model import GameState
from game.core.news import COUNTED_KINDS, describe
from game.core.snapshot import state_hash
from game.files import terminal_safe
from game.gauntlet import gauntlet_table, run_gauntlet
from game.players import EVERY_PLAYER, PLAYER_NAMES
from game.saves import SaveError, autosave, load_game, resume, save_game, sweep_temporary_files, verify
from game.scenario.build import new_game
from game.scenario.errors import Problem, ScenarioError
from game.scenario.loader import SCENARIOS_DIR, LoadedScenario, load_mod_info
from game.scenario.schema import Scenario
from game.session import Session
from game.tournament import run_tournament, tournament_table
from game.ui.screenshot import SCENE_NAMES  # pygame itself is imported only when a shot is taken

logger = logging.getLogger(__name__)
DEFAULT_SCENARIO = "tutorial"
MAX_SEED = 2**63 - 1  # as a scenario's meta.seed
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


def main(argv: Sequence[str] | None = None, prog: str = "bilateral") -> int:
    """Run one command; `prog` is how the user started the game, for the commands we suggest."""
    sys.stdout, sys.stderr = terminal_safe(sys.stdout), terminal_safe(sys.stderr)
    parser = _parser(prog)
    args = parser.parse_args(argv)
    args.prog = prog
    logs.configure(-1 if args.quiet else args.verbose)
    logger.info("bilateral %s: %s", __version__, " ".join(sys.argv[1:] if argv is None else argv))
    try:
        code: int = args.run(args)
    except (ScenarioError, SaveError) as error:
        print(error, file=sys.stderr)
        return 1
    except BackendError as error:
        print(error, file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader (head, less) has gone: nothing more to say
        sys.stderr.close()
        return 0
    finally:
        logs.reset()
    return code


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Bilateral, a game of diplomacy. Without a command it opens the game (as `play`).",
        epilog=f"Each command has its own help: {prog} COMMAND --help. The modding guide: {prog} guide.",
    )
    parser.add_argument("--version", action="version", version=f"bilateral {__version__}")
    _add_verbosity(parser, at_top=True)
    parser.set_defaults(run=_play, scenario=DEFAULT_SCENARIO)
    sub = parser.add_subparsers(metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        subparser = sub.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".")
        _add_verbosity(subparser, at_top=False)  # -v and -q after the command work too
        return subparser

    def scenario_option(parser: argparse.ArgumentParser, default: str = DEFAULT_SCENARIO) -> None:
        parser.add_argument(
            "--scenario", default=default, help=f"scenario file, id, or mod/scenario (default: {default})"
        )

    def json_option(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")

    def backend_options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--jobs",
            type=_count,
            default=None,
            help="games played at once: processes here (default 1), or tasks on Ray (default: no limit)",
        )
        parser.add_argument(
            "--backend",
            default="process",
            choices=BACKENDS,
            help="process: on this machine; ray: on a Ray cluster (needs bilateral[cluster])",
        )
        parser.add_argument(
            "--address",
            default=None,
            help="with --backend ray: the cluster to join, e.g. ray://head:10001 or auto "
            "(default: $RAY_ADDRESS, else a new Ray on this machine)",
        )

    play = command("play", "open the game's window (without a display: a computer game, reported)")
    scenario_option(play)
    play.set_defaults(run=_play)

    shot = command("screenshot", "render a scene of the game to a PNG file, without a display")
    scenario_option(shot)
    shot.add_argument("--scene", default="map", choices=SCENE_NAMES, help="which scene (default: map)")
    shot.add_argument("--lang", default="en", choices=("en", "pl"), help="the game's language (default: en)")
    shot.add_argument("--out", required=True, metavar="FILE.png", help="the PNG file to write")
    shot.add_argument(
        "--size", default=(1280, 720), type=_window_size, metavar="WxH", help="default: 1280x720"
    )
    shot.set_defaults(run=_screenshot)

    sim = command("simulate", "play a game with computer players only and report it")
    scenario_option(sim)
    sim.add_argument("--turns", type=_count, default=200, help="most turns to play (default: 200)")
    sim.add_argument("--seed", type=_seed, default=None, help="seed (default: the scenario's)")
    json_option(sim)
    sim.add_argument("--save", metavar="PATH", help="save the game here at the end")
    sim.add_argument("--autosave-dir", metavar="DIR", help="autosave every turn here, keeping the last three")
    sim.add_argument("--from-save", metavar="PATH", help="go on with a saved game for --turns more turns")
    sim.set_defaults(run=_simulate)

    rep = command("replay", "replay a save from its scenario and seed and print the state hash")
    rep.add_argument("path", metavar="PATH", help="the save file")
    json_option(rep)
    rep.set_defaults(run=_replay)

    tour = command(
        "tournament", "play computer players and scripted strategies against each other, and rate them"
    )
    scenario_option(tour)
    tour.add_argument(
        "--ais",
        default="standard,random",
        help=f"comma-separated, from: {', '.join(PLAYER_NAMES)}; or all: every level and strategy",
    )
    tour.add_argument("--games", type=_count, default=10, help="games to play (default: 10)")
    tour.add_argument("--seed", type=_seed, default=1, help="seed of the first game (default: 1)")
    tour.add_argument("--turns", type=_count, default=None, help="most turns per game (default: the limit)")
    backend_options(tour)
    json_option(tour)
    tour.set_defaults(run=_tournament)

    gaunt = command("gauntlet", "seat scripted strategies (rush, spam, betrayal...) among computer players")
    scenario_option(gaunt, "straits")
    gaunt.add_argument(
        "--skill", default="normal", choices=sorted(SKILLS), help="the computer players' skill"
    )
    gaunt.add_argument("--games", type=_count, default=20, help="games for each strategy and for its twins")
    gaunt.add_argument("--seed", type=_seed, default=1, help="the first game's seed; each game adds one")
    gaunt.add_argument(
        "--strategies", default=None, help=f"comma-separated, from: {', '.join(STRATEGIES)} (default: all)"
    )
    gaunt.add_argument("--turns", type=_count, default=None, help="most turns per game (default: the limit)")
    backend_options(gaunt)
    json_option(gaunt)
    gaunt.set_defaults(run=_gauntlet)

    val = command("validate", "check scenarios, mod cards or whole mods, and list every problem")
    val.add_argument(
        "paths",
        nargs="+",
        metavar="PATH_OR_ID",
        help="a scenario file or id (mod/scenario), a mod.yaml, or a mod's folder",
    )
    val.set_defaults(run=_validate)

    listing = command("list-scenarios", "list shipped and user scenarios with their status")
    json_option(listing)
    listing.set_defaults(run=_list_scenarios)

    starter = command("new-scenario", "write a starter scenario into a new mod of your own")
    starter.add_argument("name", help="id of the new mod and its scenario, e.g. my_valley")
    starter.add_argument("--title", help="its title in English (default: from the id, e.g. My Valley)")
    starter.add_argument("--title-pl", help="its title in Polish (default: the English one, for now)")
    starter.set_defaults(run=_new_scenario)

    soak = command("soak", "many turns of computer play with every invariant checked each turn")
    scenario_option(soak, "straits")
    soak.add_argument("--turns", type=_count, default=10000, help="turns to play in all (default: 10000)")
    soak.add_argument("--seed", type=_seed, default=1, help="seed of the first game (default: 1)")
    json_option(soak)
    soak.set_defaults(run=_soak)

    schema = command("schema", "print the JSON Schema of scenario files (or of mod.yaml), for editors")
    schema.add_argument("--mod", action="store_true", help="the schema of a mod's mod.yaml instead")
    schema.set_defaults(run=_schema)

    guide = command("guide", "print the modding guide: a scenario step by step, and every field")
    guide.set_defaults(run=_guide)

    docs = command("docs", "for developers: write the guide's field reference from the schema")
    docs.add_argument("--check", action="store_true", help="only say whether the reference is current")
    docs.set_defaults(run=_docs)

    bench = command("bench", "measure turn, load and frame times and memory")
    json_option(bench)
    bench.add_argument("--turns", type=_count, default=30, help="turns timed per scenario (default: 30)")
    bench.set_defaults(run=_bench)
    return parser


def _add_verbosity(parser: argparse.ArgumentParser, at_top: bool) -> None:
    # After the command they must not undo what was given before it: no defaults there.
    unset = argparse.SUPPRESS
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0 if at_top else unset,
        help=f"say more on the terminal: -v what the game does, -vv all (the log: {logs.log_file()})",
    )
    group.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=False if at_top else unset,
        help="say only errors on the terminal, and show no progress",
    )


def _count(text: str) -> int:
    """A number of turns or games: a whole number, at least 1."""
    value = _whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _seed(text: str) -> int:
    value = _whole_number(text)
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"must be from 0 to {MAX_SEED}, not {value}")
    return value


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None


def _window_size(text: str) -> tuple[int, int]:
    width, _x, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and int(width) > 0 and int(height) > 0):
        raise argparse.ArgumentTypeError(f"'{text}' is not a size: write it like 1280x720")
    return int(width), int(height)


def load(path_or_id: str) -> Scenario:
    return _found(path_or_id).load().scenario


def _found(path_or_id: str) -> Entry:
    entry = find(path_or_id)
    logger.info("scenario %s: %s", entry.key, entry.path)
    return entry


def computer_session(state: GameState) -> Session:
    ai = StandardAI()
    return Session(state, {region: ai for region in state.order})


def _shows_progress(args: argparse.Namespace) -> bool:
    """A progress line on a terminal, unless told to be quiet or printing JSON."""
    return not args.quiet and not getattr(args, "json", False) and sys.stderr.isatty()


def _progress_printer(args: argparse.Namespace, total: int, start: int) -> Any:
    if not _shows_progress(args):
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
        f"`{args.prog} simulate --help`; to see the game, run `{args.prog}` on a desktop, or\n"
        f"`{args.prog} screenshot --scene map --out map.png` for a picture of it.\n"
    )
    session = computer_session(state)
    session.play_turns(state.turn_limit, _progress_printer(args, state.turn_limit, state.turn))
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
        entry = _found(args.scenario)
        loaded_scenario = entry.load()
        scenario = loaded_scenario.scenario
        text, file_name = entry.saved_text(loaded_scenario), entry.key
        state = new_game(scenario, args.seed)
        session = computer_session(state)
    start = state.turn
    progress = _progress_printer(args, args.turns, start)
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
        logger.warning("%s", error)


def _replay(args: argparse.Namespace) -> int:
    try:
        loaded = verify(args.path)  # the whole record replayed, whoever wrote the save
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
        "exclusive_deals": exclusive_deals(state),
        "deals": deal_counts(state),
        "regions": {r: _figures(state, r) for r in state.order},
    }


def exclusive_deals(state: GameState) -> dict[str, int]:
    """The seed's story of leverage, counted: exclusive deals offered (signed or turned down),
    signed, condemned by a trade body (taxed from then on), and ended as the body asked."""
    signed = sum(1 for e in state.events if e.kind == "treaty_signed" and e.get("exclusive"))
    refused = sum(1 for e in state.events if e.kind == "proposal_rejected" and e.get("exclusive"))
    condemned = sum(
        1 for e in state.events if e.kind == "resolution_passed" and e.get("resolution") == "condemn_deal"
    )
    complied = sum(1 for e in state.events if e.kind == "treaty_cancelled" and e.get("why") == "complied")
    return {"offered": signed + refused, "signed": signed, "condemned": condemned, "ended_as_asked": complied}


def deal_counts(state: GameState) -> dict[str, int]:
    """Deals of several terms, counted from their news: offered (first rounds, however they ended),
    accepted, counter-offers made, and counter-offers accepted."""
    firsts = accepted = counters = counters_accepted = 0
    for e in state.events:
        deal_news = e.kind in ("deal_struck", "counter_offer") or (
            e.kind == "proposal_rejected" and e.get("proposal") == "deal"
        )
        if not deal_news:
            continue
        countered = bool(e.get("counter"))  # the news answers a counter-offer
        firsts += not countered
        accepted += e.kind == "deal_struck"
        counters += e.kind == "counter_offer"
        counters_accepted += e.kind == "deal_struck" and countered
    return {
        "proposed": firsts,
        "accepted": accepted,
        "counter_offers": counters,
        "counter_offers_accepted": counters_accepted,
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
    names = list(EVERY_PLAYER) if args.ais.strip() == "all" else [n.strip() for n in args.ais.split(",")]
    names = [n for n in dict.fromkeys(names) if n]
    unknown = [n for n in names if n not in PLAYER_NAMES]
    if unknown or not names:
        print(f"choose --ais from {', '.join(PLAYER_NAMES)}, or all", file=sys.stderr)
        return 2
    scenario = load(args.scenario)
    if args.games % len(names):  # see seat_players: a short round leaves some seats to some kinds
        logger.warning(
            "%d games end in a short round: every region plays each of the %d kinds once only in whole "
            "rounds of %d games, so give a multiple of %d for even seats",
            args.games,
            len(names),
            len(names),
            len(names),
        )
    show = _game_counter if _shows_progress(args) else None
    result = run_tournament(
        scenario,
        names,
        args.games,
        args.seed,
        turns=args.turns,
        jobs=args.jobs,
        backend=args.backend,
        address=args.address,
        progress=show,
    )
    if show is not None:
        print(file=sys.stderr)
    title = scenario.meta.name.en
    print(json.dumps(result, sort_keys=True) if args.json else tournament_table(result, title))
    return 0


def _game_counter(done: int, total: int) -> None:
    print(f"\rgame {done}/{total}", end="", file=sys.stderr, flush=True)


def _gauntlet(args: argparse.Namespace) -> int:
    names = [n.strip() for n in (args.strategies or ",".join(STRATEGIES)).split(",") if n.strip()]
    unknown = [n for n in names if n not in STRATEGIES]
    if unknown:
        print(f"choose --strategies from {', '.join(STRATEGIES)}", file=sys.stderr)
        return 2
    scenario = load(args.scenario)
    show = _game_counter if _shows_progress(args) else None
    report = run_gauntlet(
        scenario,
        args.skill,
        args.games,
        args.seed,
        strategies=names,
        turns=args.turns,
        jobs=args.jobs,
        backend=args.backend,
        address=args.address,
        progress=show,
    )
    if show is not None:
        print(file=sys.stderr)
    print(json.dumps(report, sort_keys=True) if args.json else gauntlet_table(report))
    return 0


def _validate(args: argparse.Namespace) -> int:
    valid = [_validate_one(path) for path in args.paths]
    return 0 if all(valid) else 1


def _validate_one(path: str) -> bool:
    """Print what is wrong with one scenario, mod card or mod folder; whether it is valid."""
    if Path(path).is_dir():
        return _validate_mod_folder(Path(path))
    if Path(path).name == MOD_FILE:  # a mod's card is checked as one
        try:
            _info, warnings = load_mod_info(Path(path))
        except ScenarioError as error:
            print(error)
            return False
        for warning in warnings:
            print(warning)
        print(f"{path}: valid mod card")
        return True
    return _validate_scenario(path, lambda: find(path).load())


def _validate_scenario(label: str, load: Callable[[], LoadedScenario]) -> bool:
    try:
        loaded = load()
    except ScenarioError as error:
        print(error)
        return False
    for warning in loaded.warnings:
        print(warning)
    print(f"{label}: valid ({len(loaded.scenario.regions)} regions)")
    return True


def _validate_mod_folder(folder: Path) -> bool:
    """A mod's folder: its card, then each of its scenarios."""
    if not (folder / MOD_FILE).is_file():
        print(f"{folder}: a folder without a {MOD_FILE}: name a scenario file, or a mod's folder")
        return False
    mod = read_mod(folder)
    for problem in mod.problems:
        print(problem)
    if mod.info is None:
        return False
    print(f"{folder / MOD_FILE}: valid mod card")
    valid = [_validate_scenario(str(entry.path), entry.load) for entry in mod.entries]
    return bool(mod.entries) and all(valid)


def _list_scenarios(args: argparse.Namespace) -> int:
    listings, broken_mods = survey()
    if args.json:
        report = {
            "scenarios": [
                {
                    "key": item.entry.key,
                    "path": str(item.entry.path),
                    "mod": item.entry.mod.id if item.entry.mod else None,
                    "name": item.loaded.name.en if item.loaded else None,
                    "regions": item.loaded.region_count if item.loaded else None,
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
        regions = str(item.loaded.region_count) if item.loaded else "-"
        name = item.loaded.name.en if item.loaded else str(item.entry.path)
        status = item.status if item.status != "warnings" else f"{len(item.problems)} warn."
        print(f"{item.entry.key:<28}{regions:>8}  {status:<10}{name}")
        if item.status == "broken":
            _print_some(item.problems)
    for mod in broken_mods:
        status = "broken" if mod.broken else "warnings"
        print(f"{'(mod ' + mod.folder.name + ')':<28}{'-':>8}  {status:<10}{mod.folder}")
        _print_some(mod.problems)
    print(f"\nShipped scenarios are read from {SCENARIOS_DIR}")
    print(f"User mods are read from {paths.mods_dir()}")
    return 0


def _print_some(problems: list[Problem], shown: int = 5) -> None:
    for problem in problems[:shown]:
        print(f"    {problem}")
    if len(problems) > shown:
        print(f"    ... and {len(problems) - shown} more: run validate for all of them")


def _new_scenario(args: argparse.Namespace) -> int:
    try:
        path = new_mod(args.name, title=args.title, title_pl=args.title_pl, command=args.prog)
    except (ValueError, FileExistsError) as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"could not write the new mod: {error}", file=sys.stderr)
        return 1
    print(f"Wrote a starter scenario to {path}")
    print(f"and the mod's card to {path.parent.parent / MOD_FILE}.")
    if args.title_pl is None:
        print("Its Polish title is the English one for now: change name.pl in both files to translate it.")
    print(f"Check it with:  {args.prog} validate {args.name}/{args.name}")
    print(f"Try it with:    {args.prog} simulate --scenario {args.name}/{args.name}")
    print(f"It is also in the game's New game list. The guide to every field: {args.prog} guide")
    return 0


def _soak(args: argparse.Namespace) -> int:
    from game.soak import run_soak

    show = _progress_printer(args, args.turns, 0)
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

    out = screenshot(args.scenario, args.scene, args.lang, Path(args.out), args.size)
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
    if fresh == current:
        print(f"{MODDING_GUIDE}: current")
        return 0
    if args.check:
        print(f"{MODDING_GUIDE}: stale: run `{args.prog} docs`")
        return 1
    MODDING_GUIDE.write_text(fresh, encoding="utf-8")
    print(f"{MODDING_GUIDE}: reference written")
    return 0


def _guide(args: argparse.Namespace) -> int:
    from game.scenario.reference import MODDING_GUIDE

    print(MODDING_GUIDE.read_text(encoding="utf-8"), end="")
    return 0


def _bench(args: argparse.Namespace) -> int:
    from game.bench import run_bench

    figures = run_bench(args.turns, progress=_shows_progress(args))
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    else:
        for label, ms in figures["end_turn_ms_median"].items():
            print(f"end of turn   {label:<16}{ms:>9.2f} ms (median)")
        skilled = dict(figures["end_turn_ms_median_by_skill"])
        scenario = skilled.pop("scenario")
        for skill, ms in skilled.items():
            print(f"end of turn   {f'{scenario}, {skill}':<16}{ms:>9.2f} ms (median, every region {skill})")
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
