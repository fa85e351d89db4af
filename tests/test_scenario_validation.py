"""Scenario validation: schema errors and cross references, each reported at its file:line:column.

Each test states one rule in its docstring, then edits a small valid scenario to break exactly it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.catalogue import find
from game.scenario import loader
from game.scenario.errors import Problem, ScenarioError
from game.scenario.loader import (
    load_scenario,
    load_scenario_bytes,
    shipped_scenarios,
)
from game.scenario.validate import validate
from game.scenario.yamlsafe import parse_yaml

VALID = """\
format: 1
meta:
  id: tiny
  name: {en: Tiny, pl: Mały}
  description: {en: Three regions., pl: Trzy regiony.}
  turn_limit: 200
  playable: [alba, bria]
  victory:
    diplomatic: {share: 0.6}
cultures:
  - id: north
    name: {en: North, pl: Północ}
  - id: south
    name: {en: South, pl: Południe}
affinities:
  - between: [north, south]
    value: 0.2
personalities:
  - id: cautious
    name: {en: Cautious, pl: Ostrożny}
    risk: 0.1
regions:
  - id: alba
    name: {en: Alba, pl: Alba}
    culture: north
    colour: "#aa3030"
    position: [100, 100]
    neighbours: [bria]
    economy: 10
    treasury: 50
    military: 20
    personality: cautious
  - id: bria
    name: {en: Bria, pl: Bria}
    culture: south
    colour: "#30aa30"
    position: [300, 120]
    neighbours: [alba, cale]
    economy: 12.5
    treasury: 40
    military: 15
    personality: diplomat
  - id: cale
    name: {en: Cale, pl: Cale}
    culture: south
    colour: "#3030aa"
    position: [500, 200]
    neighbours: [bria]
    economy: 8
    treasury: 30
    military: 25
    personality: merchant
organisations:
  - id: league
    name: {en: League, pl: Liga}
    kind: security
    members: [alba, bria]
diplomacy:
  wars:
    - {attacker: cale, defender: bria}
  treaties:
    - {kind: trade, between: [alba, bria]}
  embargoes:
    - {by: cale, target: alba}
  ambassadors:
    - {from: alba, to: bria}
  opinions:
    - {of: bria, towards: cale, value: -20, text: {en: Raiders, pl: Najeźdźcy}}
"""


def edit(text: str, old: str, new: str) -> str:
    """Replace `old`, which must occur exactly once, so each test breaks what it says it breaks."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line containing `needle`."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[nth - 1]


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario_bytes(text.encode(), "t.yaml")
    return caught.value.problems


def with_code(problems: list[Problem], code: str) -> list[Problem]:
    found = [p for p in problems if p.code == code]
    assert found, f"no {code} in {[str(p) for p in problems]}"
    return found


def texts(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


# ---------------------------------------------------------------- the valid baseline


def test_valid_scenario_loads_without_warnings() -> None:
    """The baseline is valid: built-in personalities resolve and nothing is reported."""
    loaded = load_scenario_bytes(VALID.encode(), "tiny.yaml")
    assert loaded.path == "tiny.yaml"
    assert loaded.warnings == []
    assert loaded.scenario.diplomacy.ambassadors[0].from_ == "alba"


def test_validate_gives_a_scenario_only_without_errors() -> None:
    """validate() returns the Scenario when there are no errors, and None (with the errors) otherwise."""
    tree, locations = parse_yaml(VALID.encode(), "t.yaml")
    scenario, problems = validate(tree, locations, "t.yaml")
    assert scenario is not None and problems == []
    broken, locations = parse_yaml(
        edit(
            VALID, "neighbours: [bria]\n    economy: 10", "neighbours: [bria, alba]\n    economy: 10"
        ).encode(),
        "t.yaml",
    )
    scenario, problems = validate(broken, locations, "t.yaml")
    assert scenario is None and [p.code for p in problems] == ["map.self_neighbour"]


# ---------------------------------------------------------------- schema errors


def test_schema_errors_are_all_reported_with_locations() -> None:
    """Wrong types, out-of-range values, bad ids, unknown and missing fields all come back at once."""
    text = edit(VALID, "economy: 10\n", "economy: 20000\n")
    text = edit(text, '"#30aa30"', "red")
    text = edit(text, "id: cale", "id: Cale")
    text = edit(text, "economy: 8\n", "ecnomy: 8\n")
    text = edit(text, "turn_limit: 200", 'turn_limit: "200"')
    text = edit(text, "military: 15", "military: lots")
    got = texts(problems_of(text))
    assert got == [
        f"t.yaml:{line_of(text, 'turn_limit')}:15: meta.turn_limit: expected a whole number, got '200'",
        f"t.yaml:{line_of(text, 'economy: 20000')}:14: regions[0].economy: must be at most 10000 (got 20000)",
        f"t.yaml:{line_of(text, 'colour: red')}:13: regions[1].colour: 'red' is not a colour: write it as "
        '"#rrggbb"',
        f"t.yaml:{line_of(text, 'military: lots')}:15: regions[1].military: expected a number, got 'lots'",
        f"t.yaml:{line_of(text, 'id: Cale')}:5: regions[2]: missing field 'economy'",
        f"t.yaml:{line_of(text, 'id: Cale')}:9: regions[2].id: 'Cale' is not a valid id: use lower-case "
        "letters, digits and _, starting with a letter (at most 40)",
        f"t.yaml:{line_of(text, 'ecnomy')}:5: regions[2]: unknown field 'ecnomy' (did you mean 'economy'?)",
    ]


def test_missing_section_points_at_its_parent_mapping() -> None:
    """A missing required field is reported at the mapping that should hold it."""
    text = edit(VALID, "  description: {en: Three regions., pl: Trzy regiony.}\n", "")
    (problem,) = problems_of(text)
    assert str(problem) == "t.yaml:2:1: meta: missing field 'description'"


def test_document_must_be_a_mapping() -> None:
    """A scenario is a mapping of sections; anything else is refused at the top of the file."""
    (problem,) = problems_of("- a\n- b\n")
    assert str(problem) == "t.yaml:1:1: expected a mapping of fields, got a list"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2", "format: must be 1 (got 2)"),
        ("true", "format: expected 1, got true"),
        ("'1'", "format: must be 1 (got '1')"),
    ],
)
def test_format_version_must_be_one(value: str, message: str) -> None:
    """The file format version is exactly 1: not 2, not true, not the text '1'."""
    problems = problems_of(edit(VALID, "format: 1", f"format: {value}"))
    assert [p.message for p in problems] == [message]
    assert (problems[0].line, problems[0].column) == (1, 9)


def test_unknown_nested_field_suggests_the_right_one() -> None:
    """A misspelt field deep inside the document gets a "did you mean" from its own model."""
    (problem,) = problems_of(edit(VALID, "diplomatic: {share: 0.6}", "diplomatic: {shares: 0.6}"))
    assert problem.message == "meta.victory.diplomatic: unknown field 'shares' (did you mean 'share'?)"
    assert problem.column == 18


def test_ambassador_sender_is_spelt_from() -> None:
    """The ambassador's sender is written `from`; the Python name `from_` is an unknown field."""
    problems = problems_of(edit(VALID, "{from: alba, to: bria}", "{from_: alba, to: bria}"))
    assert {p.message for p in problems} == {
        "diplomacy.ambassadors[0]: unknown field 'from_' (did you mean 'from'?)",
        "diplomacy.ambassadors[0]: missing field 'from'",
    }


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("{en: Tiny, pl: Mały}", "{en: '', pl: Mały}", "meta.name.en: must not be empty"),
        (
            "{en: Tiny, pl: Mały}",
            "{en: " + "x" * 81 + ", pl: Mały}",
            "meta.name.en: is too long: at most 80 characters (got 81)",
        ),
        ("position: [100, 100]", "position: [100]", "regions[0].position: needs at least 2 items (got 1)"),
        ("value: 0.2", "value: -1.5", "affinities[0].value: must be at least -1 (got -1.5)"),
        (
            "kind: security",
            "kind: military",
            "organisations[0].kind: must be 'security' or 'trade' (got 'military')",
        ),
        (
            "name: {en: Alba, pl: Alba}",
            "name: Alba",
            "regions[0].name: expected a mapping of fields, got 'Alba'",
        ),
        (
            "name: {en: Bria, pl: Bria}",
            "name: {en: 12, pl: Bria}",
            "regions[1].name.en: expected text, got 12 (put it in quotes)",
        ),
        (
            "neighbours: [bria]\n    economy: 10",
            "neighbours: bria\n    economy: 10",
            "regions[0].neighbours: expected a list, got 'bria'",
        ),
        ("risk: 0.1", "risk: 2", "personalities[0].risk: must be at most 1 (got 2)"),
        ("economy: 8", "economy: .5e", "regions[2].economy: expected a number, got '.5e'"),
        ("economy: 8", "economy:", "regions[2].economy: expected a number, got an empty value"),
    ],
)
def test_value_errors_read_well(old: str, new: str, message: str) -> None:
    """Each kind of schema error gives a sentence naming the field, the rule and the value found."""
    messages = [p.message for p in problems_of(edit(VALID, old, new))]
    assert message in messages


# ---------------------------------------------------------------- ids


@pytest.mark.parametrize(
    ("old", "new", "code", "message"),
    [
        ("  - id: cale", "  - id: alba", "dup.region", "duplicate region id 'alba'"),
        ("  - id: south", "  - id: north", "dup.culture", "duplicate culture id 'north'"),
        (
            "members: [alba, bria]",
            "members: [alba, bria]\n  - {id: league, name: {en: L, pl: L}, kind: trade}",
            "dup.organisation",
            "duplicate organisation id 'league'",
        ),
        (
            "    risk: 0.1",
            "    risk: 0.1\n  - {id: cautious, name: {en: C, pl: C}}",
            "dup.personality",
            "duplicate personality id 'cautious'",
        ),
    ],
)
def test_duplicate_ids_name_both_places(old: str, new: str, code: str, message: str) -> None:
    """An id used twice within regions, cultures, personalities or organisations names both lines."""
    text = edit(VALID, old, new)
    (problem,) = with_code(problems_of(text), code)
    needle = message.split("'")[1]
    assert problem.message == f"{message} (first at line {line_of(text, f'id: {needle}')})"
    assert problem.line == line_of(text, f"id: {needle}", 2)


def test_redefining_a_builtin_personality_is_a_warning() -> None:
    """A scenario may replace a built-in personality; it loads, with a warning saying so."""
    loaded = load_scenario_bytes(
        edit(VALID, "id: cautious", "id: warlord")
        .replace("personality: cautious", "personality: warlord")
        .encode(),
        "t.yaml",
    )
    (warning,) = loaded.warnings
    assert warning.severity == "warning" and warning.code == "dup.builtin_personality"
    where = f"t.yaml:{line_of(VALID, 'id: cautious')}:9"
    assert str(warning).startswith(f"{where}: warning: personality 'warlord'")


# ---------------------------------------------------------------- references


@pytest.mark.parametrize(
    ("old", "new", "code", "message"),
    [
        (
            "culture: north",
            "culture: nrth",
            "ref.unknown_culture",
            "unknown culture 'nrth' (did you mean 'north'?)",
        ),
        (
            "personality: cautious",
            "personality: cautios",
            "ref.unknown_personality",
            "unknown personality 'cautios' (did you mean 'cautious'?)",
        ),
        (
            "personality: merchant",
            "personality: trader",
            "ref.unknown_personality",
            "unknown personality 'trader'",
        ),
        (
            "neighbours: [bria]\n    economy: 8",
            "neighbours: [bria, dale]\n    economy: 8",
            "ref.unknown_region",
            "unknown region 'dale' (did you mean 'cale'?)",
        ),
        (
            "playable: [alba, bria]",
            "playable: [alba, brai]",
            "ref.unknown_region",
            "unknown region 'brai' (did you mean 'bria'?)",
        ),
        ("members: [alba, bria]", "members: [alba, zed]", "ref.unknown_region", "unknown region 'zed'"),
        (
            "{attacker: cale, defender: bria}",
            "{attacker: kale, defender: bria}",
            "ref.unknown_region",
            "unknown region 'kale' (did you mean 'cale'?)",
        ),
        (
            "between: [alba, bria]",
            "between: [alba, brian]",
            "ref.unknown_region",
            "unknown region 'brian' (did you mean 'bria'?)",
        ),
        (
            "{by: cale, target: alba}",
            "{by: cale, target: albania}",
            "ref.unknown_region",
            "unknown region 'albania' (did you mean 'alba'?)",
        ),
        ("{from: alba, to: bria}", "{from: alba, to: x}", "ref.unknown_region", "unknown region 'x'"),
        (
            "{of: bria, towards: cale",
            "{of: bria, towards: gale",
            "ref.unknown_region",
            "unknown region 'gale' (did you mean 'cale'?)",
        ),
        (
            "between: [north, south]",
            "between: [north, sooth]",
            "ref.unknown_culture_or_region",
            "unknown culture or region 'sooth' (did you mean 'south'?)",
        ),
    ],
)
def test_unknown_references_are_located_with_a_suggestion(
    old: str, new: str, code: str, message: str
) -> None:
    """Every id that names a region, culture or personality must exist; a close one is suggested."""
    text = edit(VALID, old, new)
    (problem,) = with_code(problems_of(text), code)
    assert problem.message == message
    bad = message.split("'")[1]
    assert problem.line == line_of(text, bad)
    assert text.splitlines()[problem.line - 1][problem.column - 1 :].startswith(bad)


def test_region_cannot_neighbour_itself() -> None:
    """A region listing itself as a neighbour is an error at that entry."""
    text = edit(VALID, "neighbours: [bria]\n    economy: 10", "neighbours: [bria, alba]\n    economy: 10")
    (problem,) = problems_of(text)
    assert str(problem) == f"t.yaml:{line_of(text, '[bria, alba]')}:24: alba lists itself as a neighbour"


def test_neighbours_must_agree() -> None:
    """If alba lists cale, cale must list alba: the error sits on alba's entry and names cale's line."""
    text = edit(VALID, "neighbours: [bria]\n    economy: 10", "neighbours: [bria, cale]\n    economy: 10")
    (problem,) = problems_of(text)
    cale_line = line_of(text, "neighbours: [bria]")
    assert str(problem) == (
        f"t.yaml:{line_of(text, '[bria, cale]')}:24: alba lists cale as a neighbour but "
        f"cale (line {cale_line}) does not list alba"
    )


def test_war_between_non_neighbours_is_a_warning() -> None:
    """A starting war between regions without a border loads, with a warning."""
    text = edit(VALID, "{attacker: cale, defender: bria}", "{attacker: cale, defender: alba}")
    text = edit(text, "    - {by: cale, target: alba}\n", "    - {by: bria, target: cale}\n")
    (warning,) = load_scenario_bytes(text.encode(), "t.yaml").warnings
    assert warning.code == "diplomacy.war_not_neighbours"
    assert warning.line == line_of(text, "attacker: cale")


def test_war_and_treaty_on_one_pair_is_an_error() -> None:
    """Two regions cannot start at war and bound by a treaty at the same time."""
    text = edit(VALID, "{kind: trade, between: [alba, bria]}", "{kind: access, between: [bria, cale]}")
    (problem,) = problems_of(text)
    assert problem.code == "diplomacy.war_and_treaty"
    assert problem.message == (
        f"'bria' and 'cale' are at war (line {line_of(text, 'attacker')}) and cannot "
        "also have a treaty of kind access"
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("{by: cale, target: alba}", "{by: cale, target: cale}", "'cale' cannot embargo itself"),
        ("{from: alba, to: bria}", "{from: bria, to: bria}", "'bria' cannot send an ambassador to itself"),
        (
            "{attacker: cale, defender: bria}",
            "{attacker: cale, defender: cale}",
            "'cale' cannot be at war with itself",
        ),
        ("between: [alba, bria]", "between: [alba, alba]", "'alba' cannot have a trade treaty with itself"),
        ("{of: bria, towards: cale", "{of: bria, towards: bria", "'bria' cannot hold an opinion of itself"),
    ],
)
def test_nothing_is_aimed_at_oneself(old: str, new: str, message: str) -> None:
    """Embargoes, ambassadors, wars, treaties and opinions need two different regions."""
    text = edit(VALID, old, new)
    (problem,) = with_code(problems_of(text), "diplomacy.self")
    assert problem.message == message
    assert problem.line == line_of(text, new)


def test_affinity_given_twice_is_an_error() -> None:
    """One pair has one affinity, whichever order it is written in."""
    text = edit(VALID, "    value: 0.2\n", "    value: 0.2\n  - between: [south, north]\n    value: 0.5\n")
    (problem,) = problems_of(text)
    assert problem.code == "dup.affinity"
    assert problem.line == line_of(text, "[south, north]")
    assert problem.message.endswith(f"given twice (first at line {line_of(text, '[north, south]')})")


def test_affinity_pairs_two_cultures_or_two_regions() -> None:
    """An affinity joins two cultures, or overrides two regions; a culture with a region is refused."""
    ok = edit(VALID, "    value: 0.2\n", "    value: 0.2\n  - between: [alba, cale]\n    value: -0.5\n")
    assert load_scenario_bytes(ok.encode(), "t.yaml").scenario.affinities[1].between == ["alba", "cale"]
    mixed = edit(VALID, "between: [north, south]", "between: [north, cale]")
    (problem,) = problems_of(mixed)
    assert problem.code == "ref.mixed_affinity"
    assert problem.line == line_of(mixed, "[north, cale]")


def test_affinity_with_itself_is_an_error() -> None:
    """An affinity between an id and itself means nothing and is refused."""
    (problem,) = problems_of(edit(VALID, "between: [north, south]", "between: [south, south]"))
    assert problem.code == "ref.self_affinity"


def test_ambiguous_affinity_is_an_error() -> None:
    """When both ids name a culture and a region alike, the affinity cannot be read either way."""
    text = edit(VALID, "  - id: north", "  - id: alba").replace("culture: north", "culture: alba")
    text = edit(text, "  - id: south", "  - id: bria").replace("culture: south", "culture: bria")
    text = edit(text, "between: [north, south]", "between: [alba, bria]\n    # both kinds")
    codes = sorted(problem.code for problem in problems_of(text))
    assert codes == ["dup.region_culture", "dup.region_culture", "ref.ambiguous_affinity"]


def test_embargo_and_trade_on_one_pair_is_an_error() -> None:
    """An embargo ends trade, so a starting embargo and trade deal on one pair contradict each other."""
    (problem,) = problems_of(edit(VALID, "{by: cale, target: alba}", "{by: bria, target: alba}"))
    assert problem.code == "diplomacy.embargo_and_trade"


def test_repeated_diplomacy_entries_are_errors() -> None:
    """The same war, treaty, embargo or ambassador listed twice is an error on the second one."""
    text = VALID
    for entry, again in [
        ("{attacker: cale, defender: bria}", "{attacker: bria, defender: cale}"),
        ("{kind: trade, between: [alba, bria]}", "{kind: trade, between: [bria, alba]}"),
        ("{by: cale, target: alba}", "{by: cale, target: alba}"),
        ("{from: alba, to: bria}", "{from: alba, to: bria}"),
    ]:
        text = edit(text, f"    - {entry}\n", f"    - {entry}\n    - {again}\n")
    codes = [p.code for p in problems_of(text)]
    assert codes == ["dup.war", "dup.treaty", "dup.embargo", "dup.ambassador"]


def test_all_cross_reference_errors_come_at_once_in_file_order() -> None:
    """Several broken references are reported together, sorted top to bottom."""
    text = edit(VALID, "culture: north", "culture: nowhere")
    text = edit(text, "neighbours: [bria]\n    economy: 8", "neighbours: [bria, cale]\n    economy: 8")
    text = edit(text, "{by: cale, target: alba}", "{by: cale, target: cale}")
    text = edit(text, "members: [alba, bria]", "members: [alba, bria, bria, ghost]")
    problems = problems_of(text)
    assert [p.code for p in problems] == [
        "ref.unknown_culture",
        "map.self_neighbour",
        "dup.listed_twice",
        "ref.unknown_region",
        "diplomacy.self",
    ]
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    assert problems[2].severity == "warning"


def test_empty_playable_list_is_a_warning() -> None:
    """`playable: []` leaves no region for a human: allowed, but worth a warning."""
    loaded = load_scenario_bytes(edit(VALID, "playable: [alba, bria]", "playable: []").encode(), "t.yaml")
    assert [w.code for w in loaded.warnings] == ["meta.no_playable"]


# ---------------------------------------------------------------- files and shipped scenarios


def test_load_scenario_reads_a_file(tmp_path: Path) -> None:
    """load_scenario reads a path and records it, and reports problems under that path."""
    (tmp_path / "good").mkdir()
    (tmp_path / "bad").mkdir()
    good = tmp_path / "good" / "tiny.yaml"
    good.write_text(VALID, encoding="utf-8")
    assert load_scenario(good).path == str(good)
    bad = tmp_path / "bad" / "tiny.yaml"
    bad.write_text(edit(VALID, "culture: north", "culture: nrth"), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(str(bad))
    assert str(caught.value).startswith(f"{bad}:{line_of(VALID, 'culture: north')}:14: unknown culture")


def test_missing_file_or_directory_is_a_scenario_error(tmp_path: Path) -> None:
    """A path that is not a readable file is a ScenarioError, not an OSError."""
    for path in (tmp_path / "nope.yaml", tmp_path):
        with pytest.raises(ScenarioError):
            load_scenario(path)


def test_a_scenario_is_found_by_path_file_name_or_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A scenario is found by its file path, by a shipped file's name, or by a shipped meta.id."""
    shipped = tmp_path / "scenarios"
    shipped.mkdir()
    (shipped / "b_file.yaml").write_text(VALID, encoding="utf-8")  # meta.id is "tiny"
    (shipped / "a_other.yaml").write_text("not: a scenario\n", encoding="utf-8")
    monkeypatch.setattr(loader, "SCENARIOS_DIR", shipped)
    monkeypatch.setenv("BILATERAL_HOME", str(tmp_path / "home"))  # no user mods
    assert shipped_scenarios() == [shipped / "a_other.yaml", shipped / "b_file.yaml"]
    assert find(str(shipped / "b_file.yaml")).path == shipped / "b_file.yaml"
    assert find("b_file").path == shipped / "b_file.yaml"
    assert find("tiny").path == shipped / "b_file.yaml"
    with pytest.raises(ScenarioError) as caught:
        find("b_fiel")
    assert "did you mean 'b_file'?" in str(caught.value)
    assert "known scenarios: a_other, b_file" in str(caught.value)


@pytest.mark.parametrize("path", shipped_scenarios(), ids=lambda p: p.name)
def test_every_shipped_scenario_loads(path: Path) -> None:
    """Every scenario the game ships loads without errors."""
    assert load_scenario(path).scenario.meta.id


def big_scenario(count: int) -> bytes:
    """`count` regions in a ring, each bordering the next and previous, ten cultures."""
    lines = [
        "format: 1",
        "meta:",
        "  id: big",
        "  name: {en: Big, pl: Duży}",
        "  description: {en: Many regions., pl: Wiele regionów.}",
        "cultures:",
    ]
    lines += [f"  - {{id: c{c}, name: {{en: C{c}, pl: K{c}}}}}" for c in range(10)]
    lines.append("regions:")
    for i in range(count):
        lines += [
            f"  - id: r{i}",
            f"    name: {{en: Region {i}, pl: Region {i}}}",
            f"    culture: c{i % 10}",
            f'    colour: "#{i:06x}"',
            f"    position: [{i % 20 * 45}, {i // 20 * 60}]",
            f"    neighbours: [r{(i - 1) % count}, r{(i + 1) % count}]",
            f"    economy: {10 + i % 7}.5",
            "    treasury: 100",
            "    military: 20",
            "    personality: diplomat",
        ]
    return ("\n".join(lines) + "\n").encode()


def test_two_hundred_regions_load() -> None:
    """A 200-region scenario parses and validates (how fast: `bilateral bench`, generated-200)."""
    loaded = load_scenario_bytes(big_scenario(200), "big.yaml")
    assert len(loaded.scenario.regions) == 200
    assert loaded.warnings == []


def test_a_scenario_whose_id_is_not_its_file_name_gets_a_warning(tmp_path: Path) -> None:
    """The game names scenarios by their files; meta.id should be the same, or copies get confused."""
    copy = tmp_path / "copy2.yaml"
    copy.write_text(VALID, encoding="utf-8")
    warnings = load_scenario(copy).warnings
    assert [w.code for w in warnings] == ["meta.id_not_file_name"]
    assert warnings[0].line == line_of(VALID, "id: tiny") and "copy2.yaml" in warnings[0].message


def test_an_unquoted_colour_is_explained() -> None:
    """`colour: #aa3030` is a comment to YAML, so the value is empty: the message says to quote it."""
    problems = problems_of(edit(VALID, 'colour: "#aa3030"', "colour: #aa3030"))
    assert len(problems) == 1
    assert "write the colour in quotes" in problems[0].message


def test_a_misspelt_choice_gets_a_suggestion() -> None:
    """A value that must be one of a few words is matched against them, like an id."""
    problems = problems_of(edit(VALID, "kind: trade", "kind: trdae"))
    assert any("did you mean 'trade'?" in p.message for p in problems), problems


def test_a_starting_exclusive_deal_binds_only_its_poorer_side() -> None:
    """As in play, the richer side of an exclusive deal may trade with others; the poorer may not."""
    at_peace = edit(VALID, "  wars:\n    - {attacker: cale, defender: bria}\n", "  wars: []\n")
    richer_free = edit(
        at_peace,
        "    - {kind: trade, between: [alba, bria]}",
        "    - {kind: trade, between: [alba, bria]}\n"
        "    - {kind: trade, between: [bria, cale], exclusive: true}",
    )
    assert load_scenario_bytes(richer_free.encode(), "t.yaml").scenario
    poorer_bound = edit(
        VALID,
        "    - {kind: trade, between: [alba, bria]}",
        "    - {kind: trade, between: [alba, bria], exclusive: true}\n"
        "    - {kind: trade, between: [alba, cale]}",
    )
    (problem,) = with_code(problems_of(poorer_bound), "diplomacy.exclusive_trade")
    assert "'alba' already trades" in str(problem)
