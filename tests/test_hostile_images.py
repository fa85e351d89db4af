"""Province maps built to hurt: refused with a message, in bounded time and memory, before the
decoder or the region analysis can blow up."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pygame
import pytest

from game.scenario.errors import ScenarioError
from game.scenario.loader import load_scenario
from game.scenario.provinces import MAX_CHUNKS, AssetError, png_size, sized_for
from tests.test_provinces import scenario_text

ROOT = Path(__file__).resolve().parent.parent


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png(width: int, height: int, idat: bytes, extra: list[bytes] | None = None) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, not interlaced
    chunks = [_chunk(b"IHDR", header), *(extra or []), _chunk(b"IDAT", idat), _chunk(b"IEND", b"")]
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunks)


def _specks(path: Path, side: int) -> None:
    """One region's colour on every other pixel of every other row: side * side / 4 specks."""
    picture = pygame.Surface((side, side))
    picture.fill((10, 20, 90))
    red = picture.map_rgb((200, 40, 40))
    pixels = pygame.PixelArray(picture)
    pixels[::2, ::2] = red
    del pixels
    pygame.image.save(picture, str(path))


def test_a_compression_bomb_is_refused_before_it_is_decoded() -> None:
    """A PNG within the pixel limits whose pixels unpack to far more: 12 s of CPU in validate."""
    packer = zlib.compressobj(9)
    zeros = b"\0" * (1 << 20)
    idat = b"".join(packer.compress(zeros) for _ in range(64)) + packer.flush()  # 64 MB in ~64 KB
    started = time.perf_counter()
    with pytest.raises(AssetError, match="unpack to more than a 2048x2048 picture"):
        png_size(_png(2048, 2048, idat), "bomb.png")
    assert time.perf_counter() - started < 10  # a guard against a hang, not a measure


def test_a_png_of_a_million_empty_chunks_is_refused_at_once() -> None:
    """1.3 million empty text chunks: 6.9 s and 1.3 million lines from libpng."""
    pixels = zlib.compress(b"\0" * (1 + 3 * 4) * 4)
    data = _png(4, 4, pixels, [_chunk(b"tEXt", b"")] * 1_300_000)
    with pytest.raises(AssetError, match=f"more than {MAX_CHUNKS} chunks"):
        png_size(data, "chatty.png")


def test_a_picture_of_specks_is_refused_with_a_message(tmp_path: Path) -> None:
    """One region colour every 2 px made a full-size mask per speck: 2.1 GB at 512x512."""
    _specks(tmp_path / "provinces.png", 512)
    scenario = tmp_path / "painted.yaml"
    scenario.write_text(scenario_text(), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(scenario)
    (problem,) = [p for p in caught.value.problems if p.code == "map.too_many_parts"]
    assert "painted in 65536 separate places" in problem.message


def test_a_large_picture_of_specks_stays_within_modest_memory(tmp_path: Path) -> None:
    """At 1024x1024 the analysis died with signal 11 at 6 GB."""
    _specks(tmp_path / "provinces.png", 1024)
    scenario = tmp_path / "painted.yaml"
    scenario.write_text(scenario_text(), encoding="utf-8")
    cap = 800 << 20
    code = (
        f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))\n"
        "from game.scenario.loader import load_scenario\n"
        "from game.scenario.errors import ScenarioError\n"
        f"try:\n    load_scenario({str(scenario)!r})\nexcept ScenarioError as e:\n    print(e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "SDL_VIDEODRIVER": "dummy"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "separate places" in result.stdout


def test_a_picture_too_large_for_its_regions_is_read_at_a_smaller_size_with_exact_colours() -> None:
    """Each region costs a pass over the picture: many regions on a large picture are read at a
    size that bounds the time, scaled pixel by pixel so that no colour is blended."""
    picture = pygame.Surface((2048, 2048))
    picture.fill((10, 20, 90))
    picture.fill((200, 40, 40), (0, 0, 1024, 2048))
    smaller = sized_for(picture, 200)
    assert smaller.get_width() * smaller.get_height() * 200 <= 60_000_000
    colours = {smaller.get_at((x, y))[:3] for x in range(0, smaller.get_width(), 7) for y in (0, 100)}
    assert colours == {(10, 20, 90), (200, 40, 40)}
    assert sized_for(picture, 5) is picture
