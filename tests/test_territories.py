"""Territories drawn from region positions: every point of the map belongs to the nearest region."""

from __future__ import annotations

import random

from game.scenario.loader import load_scenario, shipped_scenarios
from game.territories import centroid, contains, territories


def test_each_cell_holds_its_own_region_and_the_map_is_covered() -> None:
    rng = random.Random(3)
    positions = {f"r{i}": (rng.uniform(0, 1000), rng.uniform(0, 700)) for i in range(40)}
    cells = territories(positions, (1000, 700))
    for region, (x, y) in positions.items():
        assert contains(cells[region], (x, y))
    for _ in range(300):
        point = (rng.uniform(1, 999), rng.uniform(1, 699))
        nearest = min(
            positions, key=lambda r: (positions[r][0] - point[0]) ** 2 + (positions[r][1] - point[1]) ** 2
        )
        owners = [r for r, cell in cells.items() if contains(cell, point)]
        assert owners == [nearest]


def test_an_outline_from_the_scenario_wins() -> None:
    outline = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)]
    cells = territories({"a": (5, 5), "b": (50, 50)}, (100, 100), {"a": outline})
    assert cells["a"] == outline
    assert contains(cells["b"], (50, 50))


def test_labels_sit_inside_convex_cells_of_the_shipped_maps() -> None:
    for path in shipped_scenarios():
        scenario = load_scenario(path).scenario
        positions = {r.id: (r.position[0], r.position[1]) for r in scenario.regions}
        cells = territories(positions, (scenario.meta.map.width, scenario.meta.map.height))
        for region, cell in cells.items():
            assert len(cell) >= 3, region
            assert contains(cell, centroid(cell)), region
