"""Where independent games are played: one after another here, in processes on this machine, or
on a Ray cluster. Whatever plays them and whoever finishes first, the results come back in the
order of the work given, so a report does not depend on the backend or the number of jobs.

A task is a function of one item that module code can name (a `functools.partial` of one is
fine): processes and Ray workers import it rather than receive its code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
Progress = Callable[[int, int], None]  # (done, total)

BACKENDS = ("process", "ray")
RAY_MISSING = "the Ray backend needs Ray: pip install 'bilateral[cluster]' (or pip install ray)"


class BackendError(Exception):
    """A backend that cannot run here, with what to do about it."""


def run_all(
    task: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    backend: str = "process",
    jobs: int | None = None,
    address: str | None = None,
    progress: Progress | None = None,
) -> list[Result]:
    """`task(item)` for every item, in the items' order.

    `process`: `jobs` processes at once (1, the default, plays here, in this process). `ray`: at
    most `jobs` tasks at once (default: as many as the cluster takes), on the cluster at
    `address`, or on the one this program already joined, or else on a new local one.
    """
    if backend == "process":
        return _in_processes(task, items, jobs or 1, progress)
    if backend == "ray":
        return _on_ray(task, items, jobs, address, progress)
    raise BackendError(f"unknown backend '{backend}'; choose from {', '.join(BACKENDS)}")


def _in_processes(
    task: Callable[[Item], Result], items: Sequence[Item], jobs: int, progress: Progress | None
) -> list[Result]:
    results: list[Result] = []
    if jobs <= 1:
        for item in items:
            results.append(task(item))
            _report(progress, len(results), len(items))
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(task, item) for item in items]
        for future in futures:  # in order: the report does not depend on who finished first
            results.append(future.result())
            _report(progress, len(results), len(items))
    return results


def _call(task: Callable[[Any], Any], item: Any) -> Any:
    """What a Ray worker runs: Ray hands it the task from the object store, stored once."""
    return task(item)


def _on_ray(
    task: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int | None,
    address: str | None,
    progress: Progress | None,
) -> list[Result]:
    try:
        import ray
    except ImportError:
        raise BackendError(RAY_MISSING) from None
    started = not ray.is_initialized()
    if started:
        # Workers' output stays on the workers: our stdout may be carrying JSON.
        ray.init(address=address, include_dashboard=False, log_to_driver=False)
    try:
        remote = ray.remote(_call)
        shared = ray.put(task)
        limit = jobs or len(items)
        waiting: dict[Any, int] = {}
        results: dict[int, Result] = {}
        upcoming = iter(enumerate(items))
        for index, item in upcoming:
            waiting[remote.remote(shared, item)] = index
            if len(waiting) >= limit:
                break
        while waiting:
            done, _rest = ray.wait(list(waiting), num_returns=1)
            for ref in done:
                results[waiting.pop(ref)] = ray.get(ref)
                _report(progress, len(results), len(items))
            for index, item in upcoming:
                waiting[remote.remote(shared, item)] = index
                if len(waiting) >= limit:
                    break
        return [results[i] for i in range(len(items))]
    finally:
        if started:
            ray.shutdown()


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
