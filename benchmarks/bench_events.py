"""EventEmitter speed: the emit hot path against its floor and against pyee; add/remove scaling.

Every timed callable runs its operation ``BATCH`` times in a plain ``for`` loop, for ours and for
the baseline alike, so the harness's own call overhead does not flatten the ratios.

- The floor for ``emit`` is the least a Python emitter can do: call a function that walks a
  tuple of listeners and calls each with the arguments (``plain_emit(listeners, *args)``).
- The peer is ``pyee.base.EventEmitter.emit`` (pyee is what a Python user would pick instead).
- Scaling rows add N listeners to one event and remove them all (in the order they were added,
  the order that makes a naive last-occurrence search quadratic; and newest first), and compare
  one run with N = 10,000 against ten runs with N = 1,000: linear code gives a ratio near 1,
  quadratic code about 10.

Run: ``.venv/bin/python -m benchmarks.bench_events`` (``--quick`` for a short run).
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from typing import Any

from benchmarks._harness import Result, compare
from trio_nodecompat.events import EventEmitter

#: Calls per timed run: ``_LOOPS`` iterations of a body that makes ``_UNROLL`` calls.
_UNROLL = 10
_LOOPS = 10
BATCH = _UNROLL * _LOOPS


def batched(fn: Callable[..., Any], *args: Any) -> Callable[[], None]:
    """A callable making ``BATCH`` calls ``fn(*args)``, written out ``_UNROLL`` times per loop.

    Written out so the loop's own cost (a few nanoseconds per iteration) is spread over ten
    calls instead of diluting both sides of a ratio; the arguments are local variables, so the
    calls compile to a plain ``fn(a0, a1)`` exactly as user code would.
    """
    names = [f"a{i}" for i in range(len(args))]
    call = f"fn({', '.join(names)})"
    params = ", ".join(["fn=fn", *(f"{n}={n}" for n in names)])
    body = "\n".join(["        " + call] * _UNROLL)
    source = f"def run({params}):\n    for _ in range({_LOOPS}):\n{body}\n"
    namespace: dict[str, Any] = {"fn": fn, **dict(zip(names, args, strict=True))}
    exec(source, namespace)
    run: Callable[[], None] = namespace["run"]
    return run


def _listener(value: Any) -> None:
    pass


def plain_emit(listeners: tuple[Callable[..., Any], ...], *args: Any) -> bool:
    """The floor: a function looping over its listeners and calling each."""
    for listener in listeners:
        listener(*args)
    return True


def _emit_rows(quick: bool) -> list[Result]:
    import pyee.base

    rows = []
    ee = EventEmitter()
    ee.on("data", _listener)
    one = (_listener,)
    ours_one = batched(ee.emit, "data", 1)
    floor_one = batched(plain_emit, one, 1)
    peer = pyee.base.EventEmitter()
    peer.on("data", _listener)
    pyee_one = batched(peer.emit, "data", 1)

    rows.append(
        compare(
            "events",
            "emit, 1 sync listener",
            ours_one,
            "plain loop calling 1 function",
            floor_one,
            target="<= 2x",
            max_ratio=2.0,
            quick=quick,
        )
    )
    rows.append(
        compare(
            "events",
            "emit, 1 sync listener",
            ours_one,
            "pyee EventEmitter.emit",
            pyee_one,
            target=">= 4x faster",
            min_speedup=4.0,
            quick=quick,
        )
    )

    ten_ee = EventEmitter()
    ten = tuple((lambda value: None) for _ in range(10))
    for fn in ten:
        ten_ee.on("data", fn)
    ours_ten = batched(ten_ee.emit, "data", 1)
    floor_ten = batched(plain_emit, ten, 1)

    rows.append(
        compare(
            "events",
            "emit, 10 sync listeners",
            ours_ten,
            "plain loop calling 10 functions",
            floor_ten,
            target="<= 1.3x",
            max_ratio=1.3,
            quick=quick,
        )
    )
    return rows


def add_remove(n: int, order: str) -> None:
    """Add ``n`` distinct listeners to one event, then remove them all."""
    ee = EventEmitter().set_max_listeners(0)
    fns = [(lambda: None) for _ in range(n)]
    for fn in fns:
        ee.on("data", fn)
    ee.emit("data")  # one emit in between: the snapshot gets built and then invalidated
    for fn in fns if order == "fifo" else reversed(fns):
        ee.remove_listener("data", fn)
    assert ee.listener_count("data") == 0


def _scaling_rows(quick: bool) -> list[Result]:
    rows = []
    for order, words in (("fifo", "oldest first"), ("lifo", "newest first")):
        rows.append(
            compare(
                "events",
                f"add + remove 10,000 listeners ({words})",
                lambda order=order: add_remove(10_000, order),
                "10 x (add + remove 1,000)",
                lambda order=order: [add_remove(1_000, order) for _ in range(10)],
                target="<= 1.5x (linear)",
                max_ratio=1.5,
                quick=quick,
            )
        )

    import pyee.base

    def pyee_add_remove(n: int) -> None:
        peer = pyee.base.EventEmitter()
        fns = [(lambda: None) for _ in range(n)]
        for fn in fns:
            peer.on("data", fn)
        peer.emit("data")
        for fn in fns:
            peer.remove_listener("data", fn)

    rows.append(
        compare(
            "events",
            "add + remove 10,000 listeners (oldest first)",
            lambda: add_remove(10_000, "fifo"),
            "pyee, the same",
            lambda: pyee_add_remove(10_000),
            target="report",
            quick=quick,
        )
    )

    def remove_all(n: int) -> None:
        ee = EventEmitter().set_max_listeners(0)
        ee.on("removeListener", _listener2)
        for _ in range(n):
            ee.on("data", lambda: None)
        ee.remove_all_listeners("data")

    rows.append(
        compare(
            "events",
            "remove_all_listeners of 10,000 (announced)",
            lambda: remove_all(10_000),
            "10 x the same with 1,000",
            lambda: [remove_all(1_000) for _ in range(10)],
            target="<= 1.5x (linear)",
            max_ratio=1.5,
            quick=quick,
        )
    )
    return rows


def _listener2(event: Any, fn: Any) -> None:
    pass


def run(quick: bool = False) -> list[Result]:
    """Every row of issue 4's speed targets."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return _emit_rows(quick) + _scaling_rows(quick)


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        verdict = {True: "met", False: "NOT MET", None: ""}[row.met]
        print(
            f"{row.operation:<45} vs {row.baseline:<32} "
            f"ours {row.ours_s * 1e6 / (BATCH if 'emit' in row.operation else 1):9.3f} us  "
            f"ratio {row.ratio:6.3f}  target {row.target:<18} {verdict}"
        )
