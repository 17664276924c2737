"""AbortSignal and EventTarget speed: the two hot paths a stream touches per chunk.

- ``signal.throw_if_aborted()`` on a live signal against the least a Python check can do, a
  plain attribute read and test written inline (``if holder.aborted: raise ...``, no call) on a
  ``__slots__`` object.
- ``target.dispatch_event(event)`` with one listener against ``EventEmitter.emit`` with one:
  the same job (call one listener with one value) through the web API instead of Node's own.
  The event is created once, as a stream re-dispatching its own event object would; a second
  row includes creating the ``Event`` on each call, reported only.

A method call alone costs about three inline attribute tests on CPython 3.11, so the first
row sits near its limit whatever the method does; the second row compares with the same test
as a method of a plain ``__slots__`` class, which isolates what ``throw_if_aborted`` adds.

Every timed callable runs its operation ``BATCH`` times in a written-out loop (the harness's
``batched`` from ``bench_events``), ours and the baseline alike.

Run: ``/work/venv/bin/python -m benchmarks.bench_abort`` (``--quick`` for a short run).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from benchmarks._harness import Result, compare
from benchmarks.bench_events import _LOOPS, _UNROLL, batched
from trio_nodecompat import AbortController, Event, EventTarget
from trio_nodecompat.events import EventEmitter


class _Holder:
    """The floor's object: one boolean in a slot, as a hand-written flag would be."""

    __slots__ = ("aborted",)

    def __init__(self) -> None:
        self.aborted = False

    def check(self) -> None:
        """The same test as a method: what any method call costs on top of the test."""
        if self.aborted:
            raise RuntimeError("aborted")


def inline_checks(holder: _Holder) -> Callable[[], None]:
    """The floor: ``if holder.aborted: raise ...`` written inline, ``BATCH`` times, no call."""
    body = "\n".join(["        if h.aborted:\n            raise RuntimeError('aborted')"] * _UNROLL)
    source = f"def run(h=h):\n    for _ in range({_LOOPS}):\n{body}\n"
    namespace: dict[str, Any] = {"h": holder}
    exec(source, namespace)
    run: Callable[[], None] = namespace["run"]
    return run


def _listener(value: Any) -> None:
    pass


def _new_event_dispatch(target: EventTarget) -> Callable[[], bool]:
    def run() -> bool:
        return target.dispatch_event(Event("data"))

    return run


def run(quick: bool = False) -> list[Result]:
    """Issue 12's two speed targets, and the event-creating dispatch as a reported row."""
    rows = []
    signal = AbortController().signal
    holder = _Holder()
    rows.append(
        compare(
            "abort",
            "signal.throw_if_aborted(), live signal",
            batched(signal.throw_if_aborted),
            "inline `if obj.aborted:` on a slots object",
            inline_checks(holder),
            target="<= 3x",
            max_ratio=3.0,
            quick=quick,
        )
    )
    rows.append(
        compare(
            "abort",
            "signal.throw_if_aborted(), live signal",
            batched(signal.throw_if_aborted),
            "the same test as a method of a slots class",
            batched(holder.check),
            target="<= 1.5x",
            max_ratio=1.5,
            quick=quick,
        )
    )

    target = EventTarget()
    target.add_event_listener("data", _listener)
    event = Event("data")
    ee = EventEmitter()
    ee.on("data", _listener)
    rows.append(
        compare(
            "event_target",
            "dispatch_event, 1 listener",
            batched(target.dispatch_event, event),
            "EventEmitter.emit, 1 listener",
            batched(ee.emit, "data", event),
            target="<= 3x",
            max_ratio=3.0,
            quick=quick,
        )
    )
    rows.append(
        compare(
            "event_target",
            "Event('data') + dispatch_event, 1 listener",
            batched(_new_event_dispatch(target)),
            "EventEmitter.emit, 1 listener",
            batched(ee.emit, "data", event),
            target="report",
            quick=quick,
        )
    )
    return rows


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        verdict = {True: "met", False: "NOT MET", None: ""}[row.met]
        print(f"{row.operation:48} {row.ratio:6.2f}x  vs {row.baseline}  {row.target} {verdict}")
