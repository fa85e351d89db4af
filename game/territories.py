"""Territories for the map: a scenario's own outlines, or cells grown from the region positions.

A region without an outline gets its Voronoi cell: the part of the map closer to its position
than to any other region's, cut from the map rectangle one bisector at a time. Pure geometry,
no pygame, so it is tested and reused by the window and the screenshots alike.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

Point = tuple[float, float]
Polygon = list[Point]


def territories(
    positions: dict[str, Point], size: tuple[float, float], outlines: dict[str, Polygon] | None = None
) -> dict[str, Polygon]:
    """A polygon for every region: its outline when given, else its Voronoi cell in the map."""
    outlines = outlines or {}
    width, height = size
    frame: Polygon = [(0.0, 0.0), (width, 0.0), (width, height), (0.0, height)]
    ids = sorted(positions)
    result: dict[str, Polygon] = {}
    for region in ids:
        if region in outlines:
            result[region] = [(float(x), float(y)) for x, y in outlines[region]]
            continue
        result[region] = _cell(region, positions, ids, frame)
    return result


def _cell(region: str, positions: dict[str, Point], ids: Sequence[str], frame: Polygon) -> Polygon:
    px, py = positions[region]
    others = sorted((r for r in ids if r != region), key=lambda r: _distance(positions[r], (px, py)))
    cell = frame
    for other in others:
        ox, oy = positions[other]
        # Only sites closer than twice the cell's farthest corner can still cut it.
        reach = max(_distance(corner, (px, py)) for corner in cell)
        if _distance((ox, oy), (px, py)) > 2 * reach:
            break
        if (ox, oy) == (px, py):
            continue
        cell = _clip(cell, (px, py), (ox, oy))
        if not cell:
            break
    return cell


def _clip(polygon: Polygon, own: Point, other: Point) -> Polygon:
    """Keep the part of the polygon nearer to `own` than to `other` (Sutherland-Hodgman)."""
    mx, my = (own[0] + other[0]) / 2, (own[1] + other[1]) / 2
    nx, ny = other[0] - own[0], other[1] - own[1]

    def inside(p: Point) -> bool:
        return (p[0] - mx) * nx + (p[1] - my) * ny <= 0

    def crossing(a: Point, b: Point) -> Point:
        da = (a[0] - mx) * nx + (a[1] - my) * ny
        db = (b[0] - mx) * nx + (b[1] - my) * ny
        t = da / (da - db)
        return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))

    result: Polygon = []
    for i, current in enumerate(polygon):
        previous = polygon[i - 1]
        if inside(current):
            if not inside(previous):
                result.append(crossing(previous, current))
            result.append(current)
        elif inside(previous):
            result.append(crossing(previous, current))
    return result


def _distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def contains(polygon: Polygon, point: Point) -> bool:
    """Whether a point lies inside a polygon (even-odd rule)."""
    x, y = point
    inside = False
    for i, (x1, y1) in enumerate(polygon):
        x2, y2 = polygon[i - 1]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def centroid(polygon: Polygon) -> Point:
    """The centre of mass of a polygon: where its label goes."""
    area = cx = cy = 0.0
    for i, (x1, y1) in enumerate(polygon):
        x2, y2 = polygon[i - 1]
        cross = x2 * y1 - x1 * y2
        area += cross
        cx += (x2 + x1) * cross
        cy += (y2 + y1) * cross
    if abs(area) < 1e-9:
        xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
        return (sum(xs) / len(xs), sum(ys) / len(ys))
    return (cx / (3 * area), cy / (3 * area))
