"""The one way benchmarks here are timed and reported.

A benchmark compares our operation with a baseline (the floor Python allows, or a peer a user
might pick instead) in the same process, interleaving the two so machine noise hits both, and
reports the ratio ``ours / baseline`` of the best per-call times.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import attrs

__all__ = ["Result", "best_time", "compare"]


@attrs.frozen
class Result:
    """One row of the report.

    ``ratio`` is ``ours_s / baseline_s``: below 1 we are faster. ``target`` states the goal in
    words (``"<= 1.5x"``, ``">= 4x faster"``, ``"report"``) and ``met`` whether it holds
    (``None`` where the row only reports).
    """

    area: str
    operation: str
    baseline: str
    ours_s: float
    baseline_s: float
    target: str
    met: bool | None

    @property
    def ratio(self) -> float:
        """Our time divided by the baseline's."""
        return self.ours_s / self.baseline_s


def best_time(fn: Callable[[], object], *, min_time: float = 0.05, repeat: int = 5) -> float:
    """Best seconds per call of ``fn`` over ``repeat`` runs of at least ``min_time`` each."""
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            fn()
        elapsed = time.perf_counter() - start
        if elapsed >= min_time:
            break
        number *= 2 if elapsed > min_time / 10 else 10
    best = elapsed / number
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat - 1):
            start = time.perf_counter()
            for _ in range(number):
                fn()
            best = min(best, (time.perf_counter() - start) / number)
    finally:
        if gc_was_enabled:
            gc.enable()
    return best


def compare(
    area: str,
    operation: str,
    ours: Callable[[], object],
    baseline_name: str,
    baseline: Callable[[], object],
    *,
    target: str = "report",
    max_ratio: float | None = None,
    min_speedup: float | None = None,
    quick: bool = False,
) -> Result:
    """Time ``ours`` against ``baseline``, interleaved, and judge the ratio against the target.

    ``max_ratio``: met when ``ours / baseline <= max_ratio``. ``min_speedup``: met when
    ``baseline / ours >= min_speedup`` (for "N times faster than the peer" targets).
    """
    min_time = 0.01 if quick else 0.05
    ours_s = baseline_s = float("inf")
    for _ in range(2 if quick else 5):  # interleaved rounds: the machine is shared and noisy
        ours_s = min(ours_s, best_time(ours, min_time=min_time))
        baseline_s = min(baseline_s, best_time(baseline, min_time=min_time))
    met: bool | None = None
    if max_ratio is not None:
        met = ours_s / baseline_s <= max_ratio
    if min_speedup is not None:
        met = baseline_s / ours_s >= min_speedup
    return Result(area, operation, baseline_name, ours_s, baseline_s, target, met)
