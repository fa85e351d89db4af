"""Province maps: a painted PNG gives the map its outlines, and bad images or paths are refused.

Each test paints a small picture with pygame, writes a scenario beside it, and loads it through
the real loader, as a modder's file would be.
"""

from __future__ import annotations

import contextlib
import io
import os
import struct
import zlib
from pathlib import Path

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.catalogue import find, painted_map
from game.scenario.errors import Problem, ScenarioError
from game.scenario.loader import load_scenario, load_scenario_bytes
from game.scenario.provinces import MAX_PIXELS, AssetError, decode, png_size
from game.territories import contains

RED, GREEN, BLUE, WATER = (200, 40, 40), (40, 200, 40), (40, 40, 200), (10, 20, 90)


def scenario_text(
    *,
    provinces: str = "provinces.png",
    size: str = "",
    neighbours: dict[str, str] | None = None,
    colours: dict[str, str] | None = None,
    positions: dict[str, str] | None = None,
) -> str:
    neighbours = {"red": "[green]", "green": "[red]", "blue": "[]"} | (neighbours or {})
    colours = {"red": "#c82828", "green": "#28c828", "blue": "#2828c8"} | (colours or {})
    positions = {"red": "[50, 50]", "green": "[150, 50]", "blue": "[100, 150]"} | (positions or {})
    regions = "".join(
        f"""
  - id: {r}
    name: {{en: {r.title()}, pl: {r.title()}}}
    culture: folk
    colour: "{colours[r]}"
    position: {positions[r]}
    neighbours: {neighbours[r]}
    economy: 10
    treasury: 50
    military: 10
    personality: diplomat"""
        for r in ("red", "green", "blue")
    )
    return f"""\
format: 1
meta:
  id: painted
  name: {{en: Painted, pl: Malowana}}
  description: {{en: Three painted regions., pl: Trzy malowane regiony.}}
  map:
    provinces: {provinces}{size}
cultures:
  - id: folk
    name: {{en: Folk, pl: Lud}}
regions:{regions}
"""


def paint(path: Path, blue_at: tuple[int, int, int, int] = (60, 120, 80, 60)) -> None:
    """Red and green share a border at x=100; blue lies alone across the water below them."""
    picture = pygame.Surface((200, 200))
    picture.fill(WATER)
    picture.fill(RED, (0, 0, 100, 100))
    picture.fill(GREEN, (100, 0, 100, 100))
    picture.fill(BLUE, blue_at)
    pygame.image.save(picture, str(path))


@pytest.fixture
def mod(tmp_path: Path) -> Path:
    paint(tmp_path / "provinces.png")
    return tmp_path


def write(folder: Path, text: str) -> Path:
    path = folder / "painted.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path, root: Path | None = None) -> list[Problem]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path, root)
    return caught.value.problems


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


# --- what the painting gives ----------------------------------------------------------------------


def test_each_region_gets_its_painted_outline_and_a_label_inside_it(mod: Path) -> None:
    loaded = load_scenario(write(mod, scenario_text()))
    painted = loaded.provinces
    assert painted is not None
    assert set(painted.outlines) == {"red", "green", "blue"}
    for region, outline in painted.outlines.items():
        assert contains(outline, painted.labels[region]), region
    xs = [x for x, _y in painted.outlines["red"]]
    assert min(xs) <= 1 and 98 <= max(xs) <= 100  # red fills the left half of the top


def test_the_map_takes_the_image_size_unless_the_scenario_gives_one(mod: Path) -> None:
    plain = load_scenario(write(mod, scenario_text()))
    assert (plain.scenario.meta.map.width, plain.scenario.meta.map.height) == (200, 200)
    sized = load_scenario(write(mod, scenario_text(size="\n    width: 400\n    height: 400")))
    assert sized.scenario.meta.map.width == 400
    assert sized.provinces is not None
    xs = [x for x, _y in sized.provinces.outlines["red"]]
    assert 196 <= max(xs) <= 200  # the picture is stretched to the map: pixel 99 is 198 map units


def test_regions_painted_side_by_side_touch(mod: Path) -> None:
    painted = load_scenario(write(mod, scenario_text())).provinces
    assert painted is not None
    assert painted.touching == {frozenset(("red", "green"))}


def test_a_thin_border_line_between_regions_still_lets_them_touch(tmp_path: Path) -> None:
    paint(tmp_path / "provinces.png")
    picture = pygame.image.load(str(tmp_path / "provinces.png"))
    picture.fill((0, 0, 0), (99, 0, 2, 100))  # a two-pixel ink line on the border
    pygame.image.save(picture, str(tmp_path / "provinces.png"))
    painted = load_scenario(write(tmp_path, scenario_text())).provinces
    assert painted is not None and frozenset(("red", "green")) in painted.touching


def test_the_shipped_painted_scenario_is_clean_and_its_labels_sit_inside_their_provinces() -> None:
    loaded = load_scenario(find("lakeshore").path)
    assert loaded.warnings == []
    assert loaded.provinces is not None
    assert len(loaded.provinces.outlines) == len(loaded.scenario.regions)
    for region, outline in loaded.provinces.outlines.items():
        assert contains(outline, loaded.provinces.labels[region]), region


def test_a_save_of_a_painted_scenario_plays_without_the_image() -> None:
    """Rules never need the picture: the text alone (as a save embeds it) builds the game."""
    text = find("lakeshore").path.read_bytes()
    loaded = load_scenario_bytes(text, "save (its scenario)")
    assert loaded.provinces is None
    assert len(loaded.scenario.regions) == 10


# --- where the painting and the YAML disagree -----------------------------------------------------


def test_regions_touching_in_the_picture_but_not_neighbours_get_a_warning(mod: Path) -> None:
    loaded = load_scenario(write(mod, scenario_text(neighbours={"red": "[]", "green": "[]"})))
    warnings = [p for p in loaded.warnings if p.code == "map.touching_not_neighbours"]
    assert len(warnings) == 1
    assert "green and red touch on the province map" in warnings[0].message


def test_neighbours_painted_far_apart_get_a_warning_but_water_crossings_do_not(tmp_path: Path) -> None:
    paint(tmp_path / "provinces.png", blue_at=(0, 185, 20, 15))  # blue far in a corner
    far = scenario_text(
        neighbours={"red": "[green]", "green": "[red, blue]", "blue": "[green]"},
        positions={"blue": "[10, 192]"},
    )
    loaded = load_scenario(write(tmp_path, far))
    assert codes(loaded.warnings) == ["map.neighbours_far_apart"]
    paint(tmp_path / "provinces.png")  # blue just across 20 pixels of water from red
    near = scenario_text(neighbours={"red": "[green, blue]", "green": "[red]", "blue": "[red]"})
    assert load_scenario(write(tmp_path, near)).warnings == []


def test_a_region_whose_colour_is_not_painted_is_an_error_with_the_likely_colour(mod: Path) -> None:
    path = write(mod, scenario_text(colours={"blue": "#2828c9"}))
    problems = problems_of(path)
    assert codes(problems) == ["map.unpainted"]
    assert "#2828c8" in problems[0].message  # the painted colour nobody claimed
    assert problems[0].line == path.read_text().splitlines().index('    colour: "#2828c9"') + 1


def test_two_regions_of_one_province_colour_are_an_error(mod: Path) -> None:
    problems = problems_of(write(mod, scenario_text(colours={"green": "#c82828"})))
    assert "map.same_colour" in codes(problems)


def test_a_province_colour_may_differ_from_the_region_colour(tmp_path: Path) -> None:
    paint(tmp_path / "provinces.png")
    text = scenario_text(colours={"red": "#123456"}).replace(
        '"#123456"', '"#123456"\n    province_colour: "#c82828"'
    )
    painted = load_scenario(write(tmp_path, text)).provinces
    assert painted is not None and "red" in painted.outlines


def test_a_capital_outside_its_province_gets_a_warning(mod: Path) -> None:
    loaded = load_scenario(write(mod, scenario_text(positions={"red": "[150, 50]"})))
    assert "map.capital_outside" in codes(loaded.warnings)


def test_a_capital_in_a_lake_inside_its_province_gets_a_warning(tmp_path: Path) -> None:
    """The outline goes around the lake, so the capital is "inside" it: the painting says water."""
    paint(tmp_path / "provinces.png")
    picture = pygame.image.load(str(tmp_path / "provinces.png"))
    picture.fill(WATER, (30, 30, 40, 40))  # a lake in the middle of red
    pygame.image.save(picture, str(tmp_path / "provinces.png"))
    warnings = load_scenario(write(tmp_path, scenario_text())).warnings  # red's capital is at [50, 50]
    assert codes(warnings) == ["map.capital_in_hole"]
    assert "red: its capital [50, 50]" in warnings[0].message and "#0a145a" in warnings[0].message
    on_the_shore = load_scenario(write(tmp_path, scenario_text(positions={"red": "[28, 50]"})))
    assert on_the_shore.warnings == []  # within a border line's width of its own colour


def test_a_region_painted_in_several_parts_gets_a_warning(tmp_path: Path) -> None:
    paint(tmp_path / "provinces.png")
    picture = pygame.image.load(str(tmp_path / "provinces.png"))
    picture.fill(BLUE, (150, 150, 30, 30))
    pygame.image.save(picture, str(tmp_path / "provinces.png"))
    loaded = load_scenario(write(tmp_path, scenario_text()))
    assert "map.parts" in codes(loaded.warnings)


# --- paths that may not be used -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/etc/provinces.png", "absolute"),
        ("../provinces.png", "climbs out"),
        ("maps/../../provinces.png", "climbs out"),
        ('"maps\\\\provinces.png"', "write paths with /"),
        ('"C:/provinces.png"', "drive letter"),
        ("provinces.bmp", "not a .png"),
        ("missing.png", "does not exist"),
    ],
)
def test_asset_paths_must_stay_inside_the_mod_folder(mod: Path, path: str, words: str) -> None:
    scenario = write(mod, scenario_text(provinces=path))
    problems = problems_of(scenario)
    assert len(problems) == 1 and words in problems[0].message
    assert problems[0].line == 7  # meta.map.provinces, where the modder fixes it


def test_a_symlink_leading_out_of_the_mod_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    paint(outside / "secret.png")
    mod = tmp_path / "mod"
    mod.mkdir()
    os.symlink(outside / "secret.png", mod / "provinces.png")
    problems = problems_of(write(mod, scenario_text()))
    assert codes(problems) == ["asset.path"] and "outside the mod folder" in problems[0].message


def test_a_symlink_inside_the_mod_folder_is_fine(tmp_path: Path) -> None:
    paint(tmp_path / "real.png")
    os.symlink(tmp_path / "real.png", tmp_path / "provinces.png")
    assert load_scenario(write(tmp_path, scenario_text())).provinces is not None


def test_a_scenario_in_a_subfolder_of_a_mod_may_use_the_mods_images(tmp_path: Path) -> None:
    paint(tmp_path / "provinces.png")
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "maps").symlink_to(tmp_path, target_is_directory=True)
    scenario = write(tmp_path / "scenarios", scenario_text(provinces="maps/provinces.png"))
    assert load_scenario(scenario, root=tmp_path).provinces is not None
    assert codes(problems_of(scenario)) == ["asset.path"]  # without the mod's root: outside


# --- images that are not what they claim ----------------------------------------------------------


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_of(width: int, height: int) -> bytes:
    """A PNG whose header claims any size, with a valid checksum on every chunk."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 4)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda data: b"format: 1\n" + data, "not a PNG"),
        (lambda data: data[: len(data) // 2], "cut short"),
        (lambda data: data[:-12], "cut short"),
        (lambda data: data[:60] + bytes([data[60] ^ 0x10]) + data[61:], "damaged"),
        (lambda data: b"", "not a PNG"),
    ],
)
def test_a_damaged_or_foreign_image_is_refused_with_its_reason(mod: Path, damage: object, words: str) -> None:
    image = mod / "provinces.png"
    image.write_bytes(damage(image.read_bytes()))  # type: ignore[operator]
    problems = problems_of(write(mod, scenario_text()))
    assert len(problems) == 1 and words in problems[0].message, problems


def test_a_huge_image_is_refused_by_its_header_before_decoding(mod: Path) -> None:
    (mod / "provinces.png").write_bytes(png_of(60000, 60000))
    problems = problems_of(write(mod, scenario_text()))
    assert codes(problems) == ["asset.too_large"]
    with pytest.raises(Exception, match="too large"):
        png_size(png_of(2100, 2100), "x.png")  # under the side limit, over the pixel limit
    assert MAX_PIXELS >= 2048 * 2048


def test_a_well_formed_png_the_decoder_rejects_is_an_error_not_a_crash(mod: Path) -> None:
    (mod / "provinces.png").write_bytes(png_of(20, 20))  # too few pixels for its size
    problems = problems_of(write(mod, scenario_text()))
    assert problems and all(p.code.startswith(("asset.", "map.")) for p in problems)


def test_a_folder_named_like_the_image_is_refused(mod: Path) -> None:
    (mod / "provinces.png").unlink()
    (mod / "provinces.png").mkdir()
    assert codes(problems_of(write(mod, scenario_text()))) == ["asset.unreadable"]


def test_a_resumed_game_finds_its_painted_map_while_the_scenario_file_is_at_hand() -> None:
    scenario = load_scenario_bytes(find("lakeshore").path.read_bytes(), "save").scenario
    found = painted_map(scenario, "lakeshore")
    assert found is not None and len(found.outlines) == 10
    other = scenario.model_copy(update={"meta": scenario.meta.model_copy(update={"id": "renamed"})})
    assert painted_map(other, "lakeshore") is None  # another scenario by now: grown map instead
    assert painted_map(scenario, "gone") is None


# --- fuzz: only our own error may escape ----------------------------------------------------------


def _small_png() -> bytes:
    picture = pygame.Surface((24, 16))
    picture.fill(RED, (0, 0, 12, 16))
    picture.fill(GREEN, (12, 0, 12, 16))
    buffer = io.BytesIO()
    pygame.image.save(picture, buffer, "x.png")
    return buffer.getvalue()


def _with_fixed_checksums(data: bytes) -> bytes:
    """Every chunk's CRC recomputed, so a mutation reaches the decoder instead of our check."""
    out, position = bytearray(data[:8]), 8
    while position + 12 <= len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        end = position + 12 + length
        if end > len(data):
            break
        kind_and_body = data[position + 4 : end - 4]
        out += data[position : position + 4] + kind_and_body + struct.pack(">I", zlib.crc32(kind_and_body))
        position = end
    return bytes(out + data[position:])


SMALL_PNG = _small_png()


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_as_an_image_give_only_an_asset_error(data: bytes) -> None:
    for candidate in (data, b"\x89PNG\r\n\x1a\n" + data):
        with contextlib.suppress(AssetError):
            png_size(candidate, "fuzz.png")
            decode(candidate, "fuzz.png")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(SMALL_PNG) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_pngs_give_only_an_asset_error_even_past_the_checksums(edits: list[tuple[int, int]]) -> None:
    data = bytearray(SMALL_PNG)
    for index, value in edits:
        data[index] = value
    candidate = _with_fixed_checksums(bytes(data))
    try:
        png_size(candidate, "fuzz.png")
        pixels = decode(candidate, "fuzz.png")
    except AssetError:
        return
    assert pixels.get_size()[0] * pixels.get_size()[1] <= MAX_PIXELS


def test_an_image_of_another_kind_is_named() -> None:
    with pytest.raises(AssetError, match="not a PNG but a JPEG image: save it as PNG"):
        png_size(b"\xff\xd8\xff\xe0" + bytes(40), "photo.png")


def test_when_most_colours_are_missing_the_likely_cause_is_named(mod: Path) -> None:
    shifted = {"red": "#c92828", "green": "#28c928", "blue": "#2828c9"}
    problems = problems_of(write(mod, scenario_text(colours=shifted)))
    assert "map.colours_shifted" in codes(problems)
    assert any("anti-aliasing" in p.message for p in problems)


def with_chunks(png: bytes, extra: bytes) -> bytes:
    """The PNG with chunks added after its header."""
    header_end = 8 + 12 + int.from_bytes(png[8:12], "big")
    return png[:header_end] + extra + png[header_end:]


def test_a_colour_profile_is_ignored_and_libpng_stays_quiet(
    mod: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """Colour management and text chunks say how to show a picture, not what it holds: the game
    reads the stored colours, and libpng gets no broken profile to warn about on the terminal."""
    image = mod / "provinces.png"
    plain = load_scenario(write(mod, scenario_text())).provinces
    broken_profile = chunk(b"iCCP", b"ICC Profile\x00\x00" + zlib.compress(b"x" * 200))
    gamma = chunk(b"gAMA", struct.pack(">I", 100_000))
    image.write_bytes(with_chunks(image.read_bytes(), broken_profile + gamma + chunk(b"tEXt", b"\x00bad")))
    capfd.readouterr()
    profiled = load_scenario(write(mod, scenario_text())).provinces
    assert capfd.readouterr().err == ""
    assert profiled is not None and plain is not None and profiled.outlines == plain.outlines


def test_colours_shifted_by_a_colour_profile_are_blamed_on_it(mod: Path) -> None:
    image = mod / "provinces.png"
    image.write_bytes(with_chunks(image.read_bytes(), chunk(b"sRGB", b"\x00")))
    shifted = {"red": "#c92828", "green": "#28c928", "blue": "#2828c9"}
    problem = next(
        p for p in problems_of(write(mod, scenario_text(colours=shifted))) if p.code == "map.colours_shifted"
    )
    assert "colour profile (sRGB chunk)" in problem.message and "anti-aliasing" not in problem.message


def test_a_picture_stretched_to_another_shape_gets_a_warning(mod: Path) -> None:
    loaded = load_scenario(write(mod, scenario_text(size="\n    width: 400\n    height: 200")))
    assert "map.stretched" in codes(loaded.warnings)
