"""Province maps: a PNG painted with one colour per region, read into outlines and label points.

Players share mods, so the image is distrusted like the YAML: its path must stay inside the mod's
folder (no absolute paths, no "..", no symlink leading out), and its bytes are checked as a PNG,
chunk by chunk with their checksums and with a cap on the pixel count, before any decoder sees
them. Only then does pygame decode it, and masks (C code) find each region's pixels.

What the game takes from the painting: each region's outline (its largest painted part, in map
coordinates), a point inside it for the label, and which regions touch, to compare with the
neighbour lists. Rules never depend on it: a save plays the same without the image.
"""

from __future__ import annotations

import io
import math
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pygame

from game.files import FileRefused, read_capped
from game.scenario.errors import Problem, Severity
from game.scenario.schema import Scenario
from game.scenario.yamlsafe import LocationMap, PathKey
from game.territories import contains

MAX_FILE_BYTES = 16_000_000
MAX_SIDE = 4096
MAX_PIXELS = 4_200_000  # 2048 x 2048 and a little: 17 MB once decoded
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
OTHER_IMAGES = ((b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"), (b"BM", "BMP"), (b"RIFF", "WebP or other RIFF"))
GAP = 3  # regions this many pixels apart or closer touch: painters may draw thin border lines
OUTLINE_POINTS = 400  # enough for a smooth border; the map redraws only when its view changes
LABEL_GRID = 96  # label points are searched on a copy at most this many pixels across
FAR_APART = 0.15  # of the map's diagonal: listed neighbours painted farther apart are likely a slip
SPECK = 24  # painted parts smaller than this (in pixels) are stray brush marks, not territory
MAX_CHUNKS = 4096  # a PNG's chunks: its pixels may come in many, but not in millions of empty ones
MAX_PARTS = 1000  # separate painted places of one region's colour
MAX_PARTS_IN_ALL = 20_000  # ... and of all regions together
ANALYSIS_BUDGET = 60_000_000  # regions times pixels: a larger picture is read at a smaller size
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # by PNG colour type

Point = tuple[float, float]
Rgb = tuple[int, int, int]


class AssetError(Exception):
    """An asset that may not be used; the message says why, for a modder to read."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class ProvinceMap:
    """What the painting says, in map coordinates."""

    image_size: tuple[int, int]
    outlines: dict[str, list[Point]] = field(default_factory=dict)
    labels: dict[str, Point] = field(default_factory=dict)
    parts: dict[str, int] = field(default_factory=dict)  # separate painted parts of each region
    touching: set[frozenset[str]] = field(default_factory=set)
    unpainted: list[str] = field(default_factory=list)  # regions whose colour is nowhere in the image


def asset_file(relative: str, base: Path, root: Path) -> Path:
    """The file an asset path names: relative to `base`, and never outside `root` (the mod folder)."""
    if "\\" in relative or ":" in relative:
        raise AssetError(f"'{relative}': write paths with / and without a drive letter", "asset.path")
    pure = PurePosixPath(relative)
    if pure.is_absolute():
        raise AssetError(f"'{relative}' is absolute: give a path relative to the scenario file", "asset.path")
    if ".." in pure.parts:
        raise AssetError(
            f"'{relative}' climbs out with '..': keep images in the scenario's folder or below it",
            "asset.path",
        )
    if pure.suffix.lower() != ".png":
        raise AssetError(f"'{relative}' is not a .png file", "asset.type")
    path = base / pure
    try:
        real, real_root = path.resolve(strict=True), root.resolve()
    except FileNotFoundError:
        raise AssetError(f"'{relative}' does not exist (looked for {path})", "asset.not_found") from None
    except (OSError, RuntimeError, ValueError) as error:  # a symlink loop; a NUL in the name
        raise AssetError(f"'{relative}' cannot be opened: {error}", "asset.unreadable") from None
    if not real.is_relative_to(real_root):
        raise AssetError(f"'{relative}' leads outside the mod folder (through a link)", "asset.path")
    if not real.is_file():
        raise AssetError(f"'{relative}' is not a file", "asset.unreadable")
    return real


def read_png(path: Path, name: str) -> bytes:
    """The file's bytes, refused by size before reading and checked as a whole PNG."""
    try:
        data = read_capped(path, MAX_FILE_BYTES)
    except FileRefused as error:
        code = "asset.too_large" if "too large" in error.reason else "asset.unreadable"
        raise AssetError(f"'{name}' {error.reason}", code) from None
    except OSError as error:
        raise AssetError(f"'{name}' cannot be read: {error.strerror or error}", "asset.unreadable") from None
    png_size(data, name)
    return data


def png_size(data: bytes, name: str) -> tuple[int, int]:
    """Width and height of a complete, undamaged PNG of a size the game accepts; else AssetError."""
    if not data.startswith(PNG_SIGNATURE):
        other = next((kind for magic, kind in OTHER_IMAGES if data.startswith(magic)), None)
        hint = f" but a {other} image: save it as PNG" if other else " image"
        raise AssetError(f"'{name}' is not a PNG{hint}", "asset.not_png")
    size: tuple[int, int] | None = None
    header = b""
    pixels: list[bytes] = []
    position = len(PNG_SIGNATURE)
    for _chunk in range(MAX_CHUNKS + 1):
        if _chunk == MAX_CHUNKS:
            raise AssetError(
                f"'{name}' is made of more than {MAX_CHUNKS} chunks: save it again", "asset.damaged"
            )
        if position + 12 > len(data):
            raise AssetError(f"'{name}' is cut short: the PNG ends too early", "asset.truncated")
        length = int.from_bytes(data[position : position + 4], "big")
        kind = data[position + 4 : position + 8]
        end = position + 12 + length
        if end > len(data):
            raise AssetError(f"'{name}' is cut short: the PNG ends too early", "asset.truncated")
        body = data[position + 8 : end - 4]
        if zlib.crc32(kind + body) != int.from_bytes(data[end - 4 : end], "big"):
            raise AssetError(
                f"'{name}' is damaged: a checksum inside the PNG does not match", "asset.damaged"
            )
        if size is None:
            if kind != b"IHDR" or length != 13:
                raise AssetError(f"'{name}' is damaged: the PNG header is missing", "asset.damaged")
            size = _checked_size(int.from_bytes(body[:4], "big"), int.from_bytes(body[4:8], "big"), name)
            header = body
        if kind == b"IDAT":
            pixels.append(body)
        if kind == b"IEND":
            break
        position = end
    if not pixels or size is None:
        raise AssetError(f"'{name}' is damaged: the PNG holds no pixels", "asset.damaged")
    _check_unpacked_size(b"".join(pixels), header, name)
    return size


# The chunks that say what the pixels are; the rest (colour profiles, gamma, text) only says how
# to show or describe them. Read without the rest, a painting gives exactly the values stored, and
# libpng has nothing to warn about on the terminal.
PIXEL_CHUNKS = (b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND")
COLOUR_PROFILE_CHUNKS = (b"iCCP", b"sRGB", b"gAMA", b"cHRM")


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """Each chunk of a PNG that png_size has accepted: its type and its whole bytes."""
    found, position = [], len(PNG_SIGNATURE)
    while position < len(data):
        end = position + 12 + int.from_bytes(data[position : position + 4], "big")
        found.append((data[position + 4 : position + 8], data[position:end]))
        position = end
    return found


def pixels_only(data: bytes) -> bytes:
    """The PNG with only the chunks that say what its pixels are."""
    return PNG_SIGNATURE + b"".join(whole for kind, whole in _chunks(data) if kind in PIXEL_CHUNKS)


def colour_profile(data: bytes) -> str | None:
    """The colour-management chunk a PNG carries (the first), which tells of a colour profile."""
    return next((kind.decode() for kind, _whole in _chunks(data) if kind in COLOUR_PROFILE_CHUNKS), None)


def _check_unpacked_size(compressed: bytes, header: bytes, name: str) -> None:
    """The pixels must unpack to no more than the picture holds: a few bytes can unpack to
    gigabytes (a compression bomb), which would cost the decoder seconds before it failed."""
    width, height = int.from_bytes(header[:4], "big"), int.from_bytes(header[4:8], "big")
    depth, colour_type, interlaced = header[8], header[9], header[12]
    row = -(-width * CHANNELS.get(colour_type, 4) * depth // 8) + 1  # +1: each row's filter byte
    most = height * row * (2 if interlaced else 1) + 64  # Adam7's passes add a little per row
    inflater = zlib.decompressobj()
    try:
        unpacked = len(inflater.decompress(compressed, most + 1))
    except zlib.error:
        raise AssetError(f"'{name}' is damaged: its pixels cannot be unpacked", "asset.damaged") from None
    if unpacked > most or inflater.unconsumed_tail:
        raise AssetError(
            f"'{name}' is damaged: its pixels unpack to more than a {width}x{height} picture holds",
            "asset.damaged",
        )


def _checked_size(width: int, height: int, name: str) -> tuple[int, int]:
    if width < 1 or height < 1:
        raise AssetError(f"'{name}' is damaged: it is {width}x{height} pixels", "asset.damaged")
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise AssetError(
            f"'{name}' is too large: {width}x{height} pixels (at most {MAX_SIDE} a side and "
            f"{MAX_PIXELS:,} in all)",
            "asset.too_large",
        )
    return width, height


def decode(data: bytes, name: str) -> pygame.Surface:
    """The image as 32-bit pixels, whatever its PNG colour type."""
    try:
        image = pygame.image.load(io.BytesIO(pixels_only(data)), "provinces.png")
    except (pygame.error, ValueError) as error:
        raise AssetError(f"'{name}' cannot be decoded as a PNG: {error}", "asset.damaged") from None
    pixels = pygame.Surface(image.get_size(), 0, 32)
    pixels.blit(image, (0, 0))
    return pixels


def analyse(pixels: pygame.Surface, colours: dict[str, Rgb], map_size: tuple[int, int]) -> ProvinceMap:
    """Outlines, label points and touching pairs for every region whose colour is painted.

    Bounded in time and memory whatever the picture: one region's mask at a time, its parts found
    as boxes before any part gets a mask of its own, too many parts refused (AssetError), and a
    picture too large for its number of regions read at a smaller size (see `sized_for`)."""
    pixels = sized_for(pixels, len(colours))
    width, height = pixels.get_size()
    sx, sy = map_size[0] / width, map_size[1] / height
    result = ProvinceMap((width, height))
    kept: dict[str, tuple[pygame.mask.Mask, pygame.Rect]] = {}
    budget = MAX_PARTS_IN_ALL
    for region in sorted(colours):
        mask = pygame.mask.from_threshold(pixels, colours[region], (1, 1, 1, 255))
        boxes = mask.get_bounding_rects()  # one box per connected part, without a mask for each
        budget -= len(boxes)
        if len(boxes) > MAX_PARTS or budget < 0:
            raise AssetError(
                f"the colour of {region} is painted in {len(boxes)} separate places (at most "
                f"{MAX_PARTS} for a region and {MAX_PARTS_IN_ALL} in all): clean up the stray pixels",
                "map.too_many_parts",
            )
        parts = [(count, box) for box in boxes if (count := _pixels_in(mask, box)) >= SPECK]
        if not parts:
            result.unpainted.append(region)
            continue
        result.parts[region] = len(parts)
        _count, box = max(parts, key=lambda part: part[0])
        largest = _largest_within(mask, box)
        outline = [(x + box.x, y + box.y) for x, y in largest.outline()]
        step = max(1, len(outline) // OUTLINE_POINTS)
        result.outlines[region] = [(x * sx, y * sy) for x, y in outline[::step]]
        lx, ly = _label_point(largest, pygame.Rect((0, 0), largest.get_size()))
        result.labels[region] = ((lx + box.x) * sx, (ly + box.y) * sy)
        around = boxes[0].unionall([b for _n, b in parts]).inflate(2 * GAP, 2 * GAP)
        kept[region] = (_cropped(mask, around), around)
    result.touching = _touching(kept)
    return result


def sized_for(pixels: pygame.Surface, regions: int) -> pygame.Surface:
    """The picture itself, or, when regions times pixels exceed ANALYSIS_BUDGET, a copy scaled down
    to fit it, pixel by pixel (never blended: each pixel keeps an exact region colour)."""
    width, height = pixels.get_size()
    if max(1, regions) * width * height <= ANALYSIS_BUDGET:
        return pixels
    factor = math.sqrt(ANALYSIS_BUDGET / (max(1, regions) * width * height))
    size = (max(1, int(width * factor)), max(1, int(height * factor)))
    return pygame.transform.scale(pixels, size)


def _pixels_in(mask: pygame.mask.Mask, box: pygame.Rect) -> int:
    """The mask's set pixels within the box (the part, and any other of its colour there)."""
    return int(mask.overlap_area(pygame.mask.Mask(box.size, fill=True), box.topleft))


def _cropped(mask: pygame.mask.Mask, box: pygame.Rect) -> pygame.mask.Mask:
    """The part of the mask within the box, as a mask of the box's size (the box may stick out)."""
    cropped = pygame.mask.Mask(box.size)
    cropped.draw(mask, (-box.x, -box.y))
    return cropped


def _largest_within(mask: pygame.mask.Mask, box: pygame.Rect) -> pygame.mask.Mask:
    """The largest connected part within the box, as a mask of the box's size."""
    pieces = _cropped(mask, box).connected_components()
    return max(pieces, key=lambda piece: piece.count())


def _touching(kept: dict[str, tuple[pygame.mask.Mask, pygame.Rect]]) -> set[frozenset[str]]:
    """Pairs of regions painted within GAP pixels of each other."""
    kernel = pygame.mask.Mask((2 * GAP + 1, 2 * GAP + 1), fill=True)
    pairs: set[frozenset[str]] = set()
    ids = sorted(kept)
    for i, region in enumerate(ids):
        mask, box = kept[region]
        grown: pygame.mask.Mask | None = None
        for other in ids[i + 1 :]:
            other_mask, other_box = kept[other]
            if not box.colliderect(other_box):
                continue
            if grown is None:  # dilated lazily: most regions touch few others
                grown = mask.convolve(kernel, pygame.mask.Mask(mask.get_size()), (-GAP, -GAP))
            if grown.overlap(other_mask, (other_box.x - box.x, other_box.y - box.y)) is not None:
                pairs.add(frozenset((region, other)))
    return pairs


def _label_point(part: pygame.mask.Mask, box: pygame.Rect) -> Point:
    """A point deep inside the part, where a label reads well even in a C-shaped region.

    The part is shrunk one pixel at a time from its edges (on a small copy, for speed); the last
    piece left is its heart, and that piece's centre is the label point.
    """
    scale = max(1.0, max(box.width, box.height) / LABEL_GRID)
    small_size = (max(1, round(box.width / scale)), max(1, round(box.height / scale)))
    cropped = pygame.mask.Mask(box.size)
    cropped.draw(part, (-box.x, -box.y))
    small = cropped.scale(small_size)
    padded = pygame.mask.Mask((small_size[0] + 2, small_size[1] + 2))
    padded.draw(small, (1, 1))
    kernel = pygame.mask.Mask((3, 3), fill=True)
    heart = padded
    while True:
        outside = heart.copy()
        outside.invert()
        shrunk = outside.convolve(kernel, pygame.mask.Mask(heart.get_size()), (-1, -1))
        shrunk.invert()
        if shrunk.count() == 0:
            break
        heart = shrunk
    pieces = heart.connected_components() or [heart]
    cx, cy = max(pieces, key=lambda p: p.count()).centroid()
    return (
        box.x + (cx - 0.5) * box.width / small_size[0],  # -1 for the padding, +0.5 for a pixel's middle
        box.y + (cy - 0.5) * box.height / small_size[1],
    )


def hex_rgb(text: str) -> Rgb:
    return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16))


# ---------------------------------------------------------------- a scenario's province map


@dataclass
class PaintedScenario:
    """A scenario as its province map leaves it: the map sized to the image when it gave no size."""

    scenario: Scenario
    provinces: ProvinceMap | None
    problems: list[Problem]


def paint(
    scenario: Scenario, locations: LocationMap, filename: str, folder: Path, root: Path
) -> PaintedScenario:
    """Read the scenario's province map (if it names one) and report where it disagrees with the YAML."""
    relative = scenario.meta.map.provinces
    if relative is None:
        return PaintedScenario(scenario, None, [])
    report = _Reporter(locations, filename)
    try:
        path = asset_file(relative, folder, root)
        data = read_png(path, relative)
        pixels = decode(data, relative)
    except AssetError as error:
        report(("meta", "map", "provinces"), error.message, error.code)
        return PaintedScenario(scenario, None, report.problems)
    if not {"width", "height"} & scenario.meta.map.model_fields_set:
        width, height = pixels.get_size()
        sized = scenario.meta.map.model_copy(update={"width": width, "height": height})
        scenario = scenario.model_copy(update={"meta": scenario.meta.model_copy(update={"map": sized})})
    size = (scenario.meta.map.width, scenario.meta.map.height)
    colours = {r.id: hex_rgb(r.province_colour or r.colour) for r in scenario.regions}
    try:
        painted = analyse(pixels, colours, size)
    except AssetError as error:
        report(("meta", "map", "provinces"), error.message, error.code)
        return PaintedScenario(scenario, None, report.problems)
    _compare(scenario, painted, pixels, relative, report, colour_profile(data))
    _capitals_in_holes(scenario, painted, pixels, report)
    return PaintedScenario(scenario, painted, report.problems)


class _Reporter:
    def __init__(self, locations: LocationMap, filename: str) -> None:
        self.locations, self.filename = locations, filename
        self.problems: list[Problem] = []

    def __call__(self, path: PathKey, message: str, code: str, severity: Severity = "error") -> None:
        line, column = self.locations.value_at(path)
        self.problems.append(Problem(self.filename, line, column, message, severity, code))


def _compare(
    scenario: Scenario,
    painted: ProvinceMap,
    pixels: pygame.Surface,
    image: str,
    report: _Reporter,
    profile: str | None = None,
) -> None:
    index = {r.id: i for i, r in enumerate(scenario.regions)}
    if len(painted.unpainted) >= max(2, len(scenario.regions) // 2):
        missing = (
            f"{len(painted.unpainted)} of {len(scenario.regions)} region colours are nowhere in '{image}'"
        )
        cause = (
            f"it carries a colour profile ({profile} chunk), and an editor that saves through one "
            "changes every colour: export it without the colour profile"
            if profile
            else "was it saved with anti-aliasing or blur?"
        )
        report(
            ("meta", "map", "provinces"),
            f"{missing}: {cause}. Each region's pixels must have exactly its colour",
            "map.colours_shifted",
        )
    width, height = painted.image_size
    map_size = scenario.meta.map
    if abs(map_size.width / map_size.height - width / height) > 0.02 * width / height:
        report(
            ("meta", "map"),
            f"the map is {map_size.width}x{map_size.height} but '{image}' is {width}x{height}: "
            "the picture is stretched to fit",
            "map.stretched",
            "warning",
        )
    unclaimed = _unclaimed(pixels, scenario) if painted.unpainted else set()
    for region in painted.unpainted:
        r = scenario.regions[index[region]]
        field = "province_colour" if r.province_colour else "colour"
        colour = r.province_colour or r.colour
        report(
            ("regions", index[region], field),
            f"{region}: no part of '{image}' is painted in {colour.lower()}" + _closest(colour, unclaimed),
            "map.unpainted",
        )
    for region, parts in sorted(painted.parts.items()):
        if parts > 1:
            report(
                ("regions", index[region], "id"),
                f"{region} is painted in {parts} separate parts; the map draws the largest",
                "map.parts",
                "warning",
            )
    for region, outline in sorted(painted.outlines.items()):
        x, y = scenario.regions[index[region]].position
        if not contains(outline, (x, y)):
            report(
                ("regions", index[region], "position"),
                f"{region}: its capital [{x:g}, {y:g}] lies outside its painted province",
                "map.capital_outside",
                "warning",
            )
    listed = {frozenset((r.id, n)) for r in scenario.regions for n in r.neighbours if n != r.id}
    for pair in sorted(painted.touching - listed, key=sorted):
        a, b = sorted(pair)
        report(
            ("regions", index[a], "neighbours"),
            f"{a} and {b} touch on the province map but are not neighbours",
            "map.touching_not_neighbours",
            "warning",
        )
    # Regions may meet across water, so only neighbours painted far apart look like a slip.
    far = FAR_APART * math.hypot(scenario.meta.map.width, scenario.meta.map.height)
    for pair in sorted(listed - painted.touching, key=sorted):
        a, b = sorted(pair)
        if a in painted.outlines and b in painted.outlines:
            gap = _gap(painted.outlines[a], painted.outlines[b])
            if gap > far:
                report(
                    ("regions", index[a], "neighbours"),
                    f"{a} and {b} are neighbours but their painted provinces lie {gap:.0f} map units apart",
                    "map.neighbours_far_apart",
                    "warning",
                )


def _capitals_in_holes(
    scenario: Scenario, painted: ProvinceMap, pixels: pygame.Surface, report: _Reporter
) -> None:
    """A capital inside its province's outline but on another colour: in a lake or an enclave that
    the outline goes around (a capital outside the outline has its own warning)."""
    width, height = painted.image_size
    sx, sy = scenario.meta.map.width / width, scenario.meta.map.height / height
    for index, region in enumerate(scenario.regions):
        outline = painted.outlines.get(region.id)
        x, y = region.position
        if outline is None or not contains(outline, (x, y)):
            continue
        px, py = min(width - 1, max(0, int(x / sx))), min(height - 1, max(0, int(y / sy)))
        if _own_colour_near(pixels, (px, py), hex_rgb(region.province_colour or region.colour)):
            continue
        seen = "#{:02x}{:02x}{:02x}".format(*pixels.get_at((px, py))[:3])
        report(
            ("regions", index, "position"),
            f"{region.id}: its capital [{x:g}, {y:g}] lies inside its painted province but on {seen}, "
            "not on its own colour: in a lake or another region's enclave?",
            "map.capital_in_hole",
            "warning",
        )


def _own_colour_near(pixels: pygame.Surface, point: tuple[int, int], colour: Rgb) -> bool:
    """Whether the colour is painted within GAP pixels: a capital on a thin border line is fine."""
    x, y = point
    width, height = pixels.get_size()
    return any(
        tuple(pixels.get_at((i, j)))[:3] == colour
        for i in range(max(0, x - GAP), min(width, x + GAP + 1))
        for j in range(max(0, y - GAP), min(height, y + GAP + 1))
    )


def _gap(a: list[Point], b: list[Point]) -> float:
    """The shortest distance between two outlines (on every fourth point: a warning needs no more)."""
    return min(math.dist(p, q) for p in a[::4] for q in b[::4])


def _unclaimed(pixels: pygame.Surface, scenario: Scenario) -> set[Rgb]:
    """The colours painted (on a small copy: enough to find them) that no region claims."""
    sample = pygame.transform.scale(pixels, (min(256, pixels.get_width()), min(256, pixels.get_height())))
    data = pygame.image.tobytes(sample, "RGB")
    claimed = {hex_rgb(r.province_colour or r.colour) for r in scenario.regions}
    return set(zip(data[0::3], data[1::3], data[2::3], strict=True)) - claimed


def _closest(colour: str, seen: set[Rgb]) -> str:
    """The unclaimed painted colour that looks most like `colour`: the likely typo."""
    if not seen:
        return ""
    target = hex_rgb(colour)
    best = min(seen, key=lambda c: sum((a - b) ** 2 for a, b in zip(c, target, strict=True)))
    return f" (the nearest unclaimed colour painted is #{best[0]:02x}{best[1]:02x}{best[2]:02x})"
