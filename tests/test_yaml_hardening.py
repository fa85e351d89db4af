"""The YAML layer treats a scenario file as untrusted input: every bad file is a located error.

Each test states one rule in its docstring. Locations are 1-based line:column, as editors show them.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import loader, yamlsafe
from game.scenario.errors import Problem, ScenarioError
from game.scenario.loader import load_scenario, load_scenario_bytes
from game.scenario.yamlsafe import LocationMap, parse_yaml

# These inputs take milliseconds to refuse. The bound only stops a regression that expands an
# alias bomb or runs away on deep nesting from hanging the suite: a guard, not a timing.
HANG_GUARD = 30.0

VALID = """\
format: 1
meta:
  id: tiny
  name: {en: Tiny, pl: Mały}
  description: {en: Three regions., pl: Trzy regiony.}
cultures:
  - id: north
    name: {en: North, pl: Północ}
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
    personality: diplomat
  - id: bria
    name: {en: Bria, pl: Bria}
    culture: north
    colour: "#30aa30"
    position: [300, 120]
    neighbours: [alba, cale]
    economy: 12.5
    treasury: 40
    military: 15
    personality: merchant
  - id: cale
    name: {en: Cale, pl: Cale}
    culture: north
    colour: "#3030aa"
    position: [500, 200]
    neighbours: [bria]
    economy: 8
    treasury: 30
    military: 25
    personality: warlord
diplomacy:
  treaties:
    - {kind: trade, between: [alba, bria], exclusive: false}
"""


def refused(data: bytes | str, **limits: int) -> list[Problem]:
    """The problems parse_yaml raises for `data`; fails the test if it parses."""
    raw = data.encode() if isinstance(data, str) else data
    with pytest.raises(ScenarioError) as caught:
        parse_yaml(raw, "t.yaml", **limits)
    assert caught.value.problems, "a ScenarioError always carries at least one problem"
    return caught.value.problems


def parsed(text: str) -> object:
    return parse_yaml(text.encode(), "t.yaml")[0]


def value_of(scalar: str) -> object:
    """The value of `a` in the one-line document `a: <scalar>`."""
    tree = parsed(f"a: {scalar}\n")
    assert isinstance(tree, dict)
    return tree["a"]


def only(problems: list[Problem], code: str) -> Problem:
    matching = [p for p in problems if p.code == code]
    assert matching, f"no {code} in {[str(p) for p in problems]}"
    return matching[0]


# ---------------------------------------------------------------- the valid baseline


def test_valid_scenario_loads() -> None:
    """The baseline text used by the mutations below is itself a valid scenario."""
    loaded = load_scenario_bytes(VALID.encode(), "tiny.yaml")
    assert [r.id for r in loaded.scenario.regions] == ["alba", "bria", "cale"]
    assert loaded.warnings == []


def test_utf8_bom_and_crlf_are_fine() -> None:
    """A UTF-8 byte-order mark and Windows line ends are accepted, and lines still count right."""
    data = b"\xef\xbb\xbf" + VALID.replace("\n", "\r\n").encode()
    assert load_scenario_bytes(data, "t.yaml").scenario.meta.id == "tiny"
    problems = refused(b"\xef\xbb\xbfa: 1\r\nb: 2\r\nb: 3\r\n")
    assert (problems[0].line, problems[0].column) == (3, 1)


# ---------------------------------------------------------------- tags, anchors, aliases, merges


def test_python_tags_never_run_code(tmp_path: Path) -> None:
    """A tag such as !!python/object/apply is refused, and the code it names never runs."""
    marker = tmp_path / "ran"
    text = f'a: !!python/object/apply:os.system ["touch {marker}"]\n'
    problem = only(refused(text), "yaml.tag")
    assert not marker.exists()
    assert str(problem) == "t.yaml:1:4: tags (!!python/object/apply:os.system) are not allowed"


@pytest.mark.parametrize(
    "text",
    [
        "a: !foo x\n",
        "a: !!str 1\n",
        "a: ! x\n",
        "a: !!map {b: 1}\n",
        "- !<tag:example.com,2000:x> 1\n",
        "!!python/name:os.system\n",
    ],
)
def test_every_explicit_tag_is_refused(text: str) -> None:
    """Any explicit tag is refused, even the harmless ones: the format needs none."""
    assert only(refused(text), "yaml.tag").line == 1


def test_alias_bomb_is_refused_fast() -> None:
    """Anchors and aliases are refused without ever being expanded (the "billion laughs" attack)."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    start = time.perf_counter()
    problems = refused("\n".join(lines) + "\n")
    assert time.perf_counter() - start < HANG_GUARD
    assert only(problems, "yaml.anchor").line == 1
    assert str(only(problems, "yaml.alias")).startswith("t.yaml:2:10: aliases (*a0) are not allowed")


def test_merge_keys_are_refused() -> None:
    """A merge key (<<) is refused with its location, even without an alias."""
    problem = only(refused("base:\n  x: 1\nother:\n  <<: {x: 1}\n  y: 2\n"), "yaml.merge_key")
    assert (problem.line, problem.column) == (4, 3)


def test_a_quoted_merge_key_is_just_text() -> None:
    """Only the plain << is a merge key; a quoted "<<" is ordinary text."""
    assert parsed('"<<": 1\n') == {"<<": 1}


# ---------------------------------------------------------------- nesting and size


def test_very_deep_flow_nesting_does_not_crash() -> None:
    """100000 nested [ are refused in-process, quickly, without crashing the interpreter."""
    start = time.perf_counter()
    problem = only(refused(b"[" * 100_000), "yaml.too_deep")
    assert time.perf_counter() - start < HANG_GUARD
    assert problem.line == 1


@pytest.mark.parametrize(
    "data",
    [
        b"- " * 100_000,
        b"{a: " * 100_000,
        b"[{a: " * 50_000,
        b"".join(b"  " * i + b"a:\n" for i in range(200)),
    ],
)
def test_very_deep_nesting_of_any_kind_is_refused(data: bytes) -> None:
    """Block lists, flow mappings and indented mappings are all capped at the nesting limit."""
    start = time.perf_counter()
    only(refused(data), "yaml.too_deep")
    assert time.perf_counter() - start < HANG_GUARD


def test_nesting_limit_is_exact() -> None:
    """max_depth containers may nest; one more is refused, at the container that goes too deep."""
    assert parse_yaml(b"[" * 64 + b"]" * 64, "t.yaml")[0] is not None
    problem = only(refused(b"[" * 65 + b"]" * 65), "yaml.too_deep")
    assert (problem.line, problem.column) == (1, 65)


def test_huge_input_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bytes over the cap are refused by their length alone: the YAML parser is never started."""

    def no_parsing(*_: object) -> None:
        raise AssertionError("the parser must not run on oversized input")

    monkeypatch.setattr(yamlsafe, "_Loader", no_parsing)
    problem = only(refused(b"a: 1\n" * 30, max_bytes=100), "yaml.too_large")
    assert (problem.line, problem.column) == (1, 1)
    assert "150 bytes" in problem.message


def test_huge_file_is_refused_by_its_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """load_scenario refuses a file over the cap from its size, without reading it."""
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(loader.MAX_BYTES * 100)  # sparse: costs no disk, and reading it would be slow

    def no_reading(*_: object, **__: object) -> None:
        raise AssertionError("a file over the cap must not be opened")

    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert caught.value.problems[0].code == "yaml.too_large"


def test_number_with_thousands_of_digits_is_refused() -> None:
    """A plain integer far beyond any range is refused instead of tripping int()'s digit limit."""
    assert only(refused("a: " + "7" * 5000 + "\n"), "yaml.number_too_long").column == 4


# ---------------------------------------------------------------- keys


def test_duplicate_keys_name_both_lines() -> None:
    """A key given twice in one mapping is refused, naming the line of the first one."""
    problem = only(refused("a: 1\nb:\n  x: 1\n  y: 2\n  x: 3\n"), "yaml.duplicate_key")
    assert str(problem) == "t.yaml:5:3: duplicate key 'x' (first at line 3)"


def test_duplicate_keys_in_flow_mappings_and_every_one_reported() -> None:
    """Duplicates are found in flow mappings too, and all of them are reported together."""
    problems = refused("a: {x: 1, x: 2}\nb: 1\nb: 2\n")
    assert [(p.line, p.code) for p in problems] == [(1, "yaml.duplicate_key"), (3, "yaml.duplicate_key")]


def test_same_key_in_different_mappings_is_fine() -> None:
    """Duplicates are per mapping: list items may repeat each other's keys."""
    assert parsed("- id: a\n- id: b\n") == [{"id": "a"}, {"id": "b"}]


def test_keys_are_always_text() -> None:
    """Mapping keys are strings whatever they look like: 1, no, true, null, 1.5."""
    assert parsed("1: a\nno: b\ntrue: c\nnull: d\n1.5: e\n") == {
        "1": "a",
        "no": "b",
        "true": "c",
        "null": "d",
        "1.5": "e",
    }


def test_complex_keys_are_refused() -> None:
    """A list or mapping used as a key is refused."""
    assert only(refused("[a, b]: 1\n"), "yaml.complex_key").line == 1
    assert only(refused("? {a: 1}\n: 2\n"), "yaml.complex_key").line == 1


# ---------------------------------------------------------------- scalars (YAML 1.2 core schema)


@pytest.mark.parametrize(
    "text",
    [
        "NO",
        "no",
        "on",
        "Off",
        "yes",
        "Y",
        "012",
        "0x1F",
        "0o17",
        "1:20",
        "2001-01-01",
        "1_000",
        "+.5e",
        "inf",
        "nan",
        "=",
        "0.1.2",
        "-x",
        "1-2",
    ],
)
def test_yaml_11_surprises_stay_text(text: str) -> None:
    """Only YAML 1.2 core values are typed; YAML 1.1 booleans, octals, sexagesimals and dates stay text."""
    assert value_of(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("FALSE", False),
        ("null", None),
        ("~", None),
        ("", None),
        ("0", 0),
        ("-12", -12),
        ("+3", 3),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        ("-0.5", -0.5),
        (".5", 0.5),
        ("2.5E-1", 0.25),
    ],
)
def test_core_scalars_are_typed(text: str, value: object) -> None:
    """true/false, null/~/empty and plain decimal numbers are the only typed scalars."""
    result = value_of(text)
    assert result == value
    assert type(result) is type(value)


@pytest.mark.parametrize("text", ["'1'", '"true"', "'null'", "|\n  12", '"1.5"'])
def test_quoted_and_block_scalars_are_text(text: str) -> None:
    """Quoted and block scalars are always strings."""
    assert isinstance(value_of(text), str)


@pytest.mark.parametrize("text", [".inf", "-.inf", "+.Inf", ".NaN", ".nan", "1e999", "-1e999"])
def test_non_finite_numbers_are_refused(text: str) -> None:
    """Infinities and not-a-number are refused where they stand."""
    problem = only(refused(f"a: 1\nb: {text}\n"), "yaml.non_finite")
    assert (problem.line, problem.column) == (2, 4)


def test_yaml_11_values_fail_the_schema_clearly() -> None:
    """`exclusive: yes` and `turn_limit: 012` reach the schema as text and get a readable error."""
    text = VALID.replace("exclusive: false", "exclusive: yes").replace(
        "  id: tiny\n", "  id: tiny\n  turn_limit: 012\n"
    )
    with pytest.raises(ScenarioError) as caught:
        load_scenario_bytes(text.encode(), "t.yaml")
    messages = [p.message for p in caught.value.problems]
    assert "meta.turn_limit: expected a whole number, got '012' (a number may not start with 0)" in messages
    assert (
        "diplomacy.treaties[0].exclusive: expected true or false, got 'yes' "
        "(only true and false are booleans)"
    ) in messages


def test_norway_stays_an_id_shaped_string() -> None:
    """A culture called `no` is the text "no", not false, so it is a valid id."""
    text = VALID.replace("id: north", "id: no").replace("culture: north", "culture: no")
    assert load_scenario_bytes(text.encode(), "t.yaml").scenario.cultures[0].id == "no"


# ---------------------------------------------------------------- encodings and characters


def test_invalid_utf8_is_located() -> None:
    """A byte that is not UTF-8 is refused at its line and column (counted in characters)."""
    problem = only(refused(b"a: 1\nname: \xc5\x82\xff\n"), "yaml.encoding")
    assert (problem.line, problem.column) == (2, 8)
    assert "0xff" in problem.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_refused_with_a_location(encoding: str) -> None:
    """A file saved as UTF-16 (with or without a BOM) is refused, saying where and what."""
    problem = refused("a: 1\n".encode(encoding))[0]
    assert problem.code in ("yaml.encoding", "yaml.control_char")
    assert problem.line == 1
    assert "UTF-16" in problem.message


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028"])
def test_control_characters_are_refused(char: str) -> None:
    """Control characters (and odd line separators) are refused at their position."""
    problem = only(refused(f"a: 1\nb: x{char}y\n"), "yaml.control_char")
    assert (problem.line, problem.column) == (2, 5)


def test_tab_indentation_is_a_located_error() -> None:
    """Tabs cannot indent YAML: the error points at the tab and says to use spaces."""
    problem = only(refused("meta:\n\tid: x\n"), "yaml.syntax")
    assert (problem.line, problem.column) == (2, 1)
    assert "use spaces" in problem.message


def test_syntax_errors_are_located() -> None:
    """A YAML syntax error becomes a Problem at the parser's mark."""
    problem = only(refused("a: 1\nb: c: d\n"), "yaml.syntax")
    assert (problem.line, problem.column) == (2, 5)
    assert problem.message.startswith("YAML syntax error: mapping values are not allowed")


# ---------------------------------------------------------------- documents


def test_two_documents_are_refused() -> None:
    """A file holds exactly one document; the second '---' is reported."""
    problem = only(refused("a: 1\n---\nb: 2\n"), "yaml.several_documents")
    assert (problem.line, problem.column) == (2, 1)


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n", "---\n", "--- ~\n", "null\n"])
def test_empty_document_is_refused(text: str) -> None:
    """An empty file, or a document that holds nothing, is refused."""
    assert only(refused(text), "yaml.empty").line >= 1


# ---------------------------------------------------------------- locations


def test_location_map_has_value_and_key_positions() -> None:
    """Indexing gives where a value starts; key_at gives where its key starts; both are 1-based."""
    _, locations = parse_yaml(b"a:\n  - b: 1\n    c: [x, {d: 2}]\n", "t.yaml")
    assert locations[()] == (1, 1)
    assert locations[("a",)] == (2, 3)
    assert locations[("a", 0)] == (2, 5)
    assert locations[("a", 0, "c", 1, "d")] == (3, 16)
    assert locations.key_at(("a", 0, "c")) == (3, 5)
    assert locations.key_at(("a", 0)) == (2, 5)  # list items have no key: their value position


def test_location_map_falls_back_to_the_nearest_ancestor() -> None:
    """A path the file does not hold (a missing field) resolves to its closest existing parent."""
    _, locations = parse_yaml(b"a:\n  b: 1\n", "t.yaml")
    assert isinstance(locations, LocationMap)
    assert locations.value_at(("a", "missing", 3)) == (2, 3)
    assert locations.key_at(("zzz",)) == (1, 1)


def test_problem_and_error_text() -> None:
    """A Problem prints as file:line:column: message; a warning says so; the error lists them all."""
    error = ScenarioError(
        [Problem("f.yaml", 3, 7, "bad", code="x"), Problem("f.yaml", 4, 1, "odd", "warning", "y")]
    )
    assert str(error) == "f.yaml:3:7: bad\nf.yaml:4:1: warning: odd"


# ---------------------------------------------------------------- the pure-Python fallback


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: !!python/object/apply:os.system [ls]\n", "yaml.tag"),
        ("a: &x 1\nb: *x\n", "yaml.alias"),
        ("a: 1\na: 2\n", "yaml.duplicate_key"),
        ("- " * 5000, "yaml.too_deep"),
        ("meta:\n\tid: x\n", "yaml.syntax"),
        ("a: 1\n---\nb: 2\n", "yaml.several_documents"),
        ("", "yaml.empty"),
        ("a: .nan\n", "yaml.non_finite"),
    ],
)
def test_pure_python_parser_gives_the_same_answers(
    monkeypatch: pytest.MonkeyPatch, text: str, code: str
) -> None:
    """Without libyaml the same rules hold, through PyYAML's pure-Python parser."""
    with_libyaml, locations = parse_yaml(VALID.encode(), "t.yaml")
    monkeypatch.setattr(yamlsafe, "_Loader", yaml.SafeLoader)
    only(refused(text), code)
    pure_tree, pure_locations = parse_yaml(VALID.encode(), "t.yaml")
    assert pure_tree == with_libyaml
    assert dict(pure_locations) == dict(locations)


# ---------------------------------------------------------------- fuzzing

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
YAML_BITS = [
    b":",
    b"-",
    b"[",
    b"]",
    b"{",
    b"}",
    b"&a ",
    b"*a",
    b"!",
    b"!!",
    b"<<",
    b"\t",
    b"\n",
    b"  ",
    b"'",
    b'"',
    b"#",
    b"---",
    b"...",
    b"%YAML 1.1\n",
    b"? ",
    b"|",
    b">",
    b"\xff",
    b"\x00",
    b"\xc3",
    b".inf",
    b"1e999",
    b"~",
    b",",
    b"@",
    b"`",
    b"\r",
]


def only_scenario_errors(data: bytes) -> None:
    try:
        load_scenario_bytes(data, "fuzz.yaml")
    except ScenarioError as error:
        assert error.problems
        assert all(p.line >= 1 and p.column >= 1 and p.message for p in error.problems)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_only_raise_scenario_errors(data: bytes) -> None:
    """Whatever the bytes, loading either succeeds or raises ScenarioError; nothing else escapes."""
    only_scenario_errors(data)


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(VALID.encode())),
            st.integers(0, 8),
            st.sampled_from(YAML_BITS) | st.binary(max_size=4),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_mutated_scenarios_only_raise_scenario_errors(edits: list[tuple[int, int, bytes]]) -> None:
    """Splicing YAML syntax, stray bytes and deletions into a valid scenario never gives a traceback."""
    data = VALID.encode()
    for at, cut, insert in edits:
        at = min(at, len(data))
        data = data[:at] + insert + data[at + cut :]
    only_scenario_errors(data)


@FUZZ
@given(
    st.integers(0, VALID.count("\n") - 1),
    st.sampled_from(["true", "1e3", "[]", "{}", "~", "-1", "'x'", "Alba", "20000", "0x10", "yes"]),
)
def test_mutated_values_only_raise_scenario_errors(line: int, value: str) -> None:
    """Replacing any value with a value of another type gives a clean, located schema error."""
    lines = VALID.splitlines()
    if ":" in lines[line]:
        key = lines[line].split(":", 1)[0]
        lines[line] = f"{key}: {value}"
    only_scenario_errors(("\n".join(lines) + "\n").encode())
