"""Listing mods never stalls the game: what a file gave is kept while it is unchanged, a slow mod
is shown as broken, and a shipped scenario is found without reading any mod."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import game.scan_cache as scan_cache
from game import catalogue, paths
from game.catalogue import find, new_mod, survey
from game.scenario.errors import ScenarioError


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BILATERAL_HOME", str(tmp_path))
    return tmp_path


def _forget_memory() -> None:
    """As a new process starts: only the index file is left."""
    scan_cache._memory.clear()
    scan_cache._state["read"] = ""


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file was parsed again")

    monkeypatch.setattr(scan_cache, "load_scenario", refuse)
    monkeypatch.setattr(scan_cache, "load_mod_info", refuse)


def _summary(listings: list[catalogue.Listing]) -> list[tuple[str, str, str | None, int | None]]:
    return [
        (
            item.entry.key,
            item.status,
            item.loaded.name.en if item.loaded else None,
            item.loaded.region_count if item.loaded else None,
        )
        for item in listings
    ]


def test_a_second_listing_reads_no_file_again_in_this_process_or_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("first", "second"):
        new_mod(name)
    broken = new_mod("third")
    broken.write_text("format: 1\n", encoding="utf-8")
    before = _summary(survey()[0])
    _no_parsing(monkeypatch)
    assert _summary(survey()[0]) == before
    _forget_memory()
    assert _summary(survey()[0]) == before
    assert ("third/third", "broken", None, None) in before


def test_a_changed_file_is_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    path = new_mod("changing")
    survey()
    text = path.read_text(encoding="utf-8")
    assert 'name: {en: "Changing"' in text
    path.write_text(text.replace('name: {en: "Changing"', 'name: {en: "Renamed"', 1), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_mtime_ns + 10**9,) * 2)
    _forget_memory()
    (listing,) = [item for item in survey()[0] if item.entry.key == "changing/changing"]
    assert listing.loaded is not None and listing.loaded.name.en.startswith("Renamed")


def test_a_listed_scenario_is_read_whole_when_it_is_chosen() -> None:
    new_mod("chosen")
    survey()
    _forget_memory()
    (listing,) = [item for item in survey()[0] if item.entry.key == "chosen/chosen"]
    assert listing.loaded is not None
    assert listing.loaded.scenario.meta.id == listing.loaded.scenario_id == "chosen"
    assert len(listing.loaded.scenario.regions) == listing.loaded.region_count


def test_a_mod_too_slow_to_read_is_listed_as_broken(monkeypatch: pytest.MonkeyPatch) -> None:
    path = new_mod("slow")
    for n in range(3):
        path.with_name(f"more{n}.yaml").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(catalogue, "MOD_SECONDS", -1.0)
    slow = [item for item in survey()[0] if item.entry.key.startswith("slow/")]
    assert len(slow) == 4 and all(item.status == "broken" for item in slow)
    assert all(item.problems[0].code == "mod.slow" for item in slow)


def test_a_mod_of_very_many_scenarios_has_only_so_many_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """10,000 scenario files in one mod took 18 s to list."""
    path = new_mod("crowded")
    for n in range(5):
        path.with_name(f"copy{n}.yaml").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(catalogue, "MOST_SCENARIOS", 3)
    listings, mods = survey()
    assert len([item for item in listings if item.entry.key.startswith("crowded/")]) == 3
    (mod,) = mods
    assert any(p.code == "mod.too_many_scenarios" and "6 scenarios" in p.message for p in mod.problems)


def test_a_shipped_scenario_is_found_without_reading_a_single_mod(monkeypatch: pytest.MonkeyPatch) -> None:
    """With 5,000 mods `simulate --scenario tutorial` took 4.1 s instead of 0.7 s."""
    new_mod("unread")

    def refuse(folder: Path | None = None) -> None:
        raise AssertionError("the mods were read")

    monkeypatch.setattr(catalogue, "user_mods", refuse)
    assert find("tutorial").key == "tutorial"


def test_a_misspelt_name_among_many_mods_gets_a_short_message() -> None:
    """A typo printed a 65 KB list of every scenario of 5,000 mods."""
    for n in range(30):
        new_mod(f"mod_{n:02d}")
    with pytest.raises(ScenarioError) as caught:
        find("tutorail")
    message = str(caught.value)
    assert "did you mean 'tutorial'" in message
    assert "and 14 more (list-scenarios lists them all)" in message
    assert len(message) < 1000
    assert paths.mods_dir().is_dir()
