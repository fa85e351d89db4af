"""Tournaments and the gauntlet on Ray give the report they give in one process. The tests run
against a local Ray (`ray.init()`), as a cluster's address would be joined."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from game.catalogue import find
from game.cli import main
from game.gauntlet import run_gauntlet

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install -e '.[cluster]' to run these")
pytestmark = pytest.mark.slow  # starting a local Ray takes several seconds


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_a_tournament_on_ray_prints_the_same_json(
    local_ray: None, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["tournament", "--scenario", "tutorial", "--ais", "hard,random,lopsided", "--games", "4"]
    args += ["--turns", "20", "--seed", "3", "--json"]
    assert main([*args, "--jobs", "1"]) == 0
    here = json.loads(capsys.readouterr().out)
    assert main([*args, "--backend", "ray"]) == 0
    on_ray = json.loads(capsys.readouterr().out)
    assert on_ray == here
    assert main([*args, "--backend", "ray", "--jobs", "1"]) == 0  # one task at a time: the same
    assert json.loads(capsys.readouterr().out) == here
    assert ray.is_initialized()  # the Ray it found is left running for whoever started it


def test_the_gauntlet_on_ray_gives_the_same_report(local_ray: None) -> None:
    scenario = find("tutorial").load().scenario
    args = (scenario, "normal", 2, 5)
    here = run_gauntlet(*args, strategies=["warmonger", "idle"], turns=10)
    assert run_gauntlet(*args, strategies=["warmonger", "idle"], turns=10, backend="ray") == here
