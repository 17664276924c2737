"""diagnostics_channel speed: what publishing and tracing cost when nobody (or one) listens.

Every timed callable runs its statement ``BATCH`` times, written out ten to a loop, for ours
and for the baseline alike (as ``bench_events`` does), so the loop's own cost does not
flatten the ratios.

- ``publish`` with no subscriber against the guard a library would write instead,
  ``if ch.has_subscribers: ch.publish(message)``: if the two cost about the same, the
  library needs no guard.
- ``publish`` to one subscriber against calling that subscriber directly.
- ``trace_sync`` with no subscriber against calling the traced function directly. The
  function does a little work (builds a small dict); a second, reported row traces a
  function of about a microsecond (``json.dumps`` of a small dict), closer to what one
  traces in practice.

The floor of the last two is Python's own call cost: each is one more Python call than the
baseline. ``publish`` must catch a subscriber's exception (Node reports it on the next tick
instead of letting it reach the publisher) and start a coroutine one returns, which only a
Python frame can do: two Python calls against the baseline's one, so the ratio cannot go
below 2 by construction. Counted with callgrind (instructions per statement, CPython
3.11.7, independent of machine load): ``publish`` to a ``pass`` subscriber 992 against 421
for calling it, 2.36x; the time ratio measures 2.2-2.4x. ``trace_sync(fn, context=None,
*args)`` takes ``*args`` as Node's does, and CPython 3.11 does not specialize calls to a
function with ``*args``, which makes that one call dearer than the traced function's: 2280
instructions against 1151 (1.98x); the time ratio measures 1.9-2.1x.

Run: ``/work/venv/bin/python -m benchmarks.bench_diagnostics_channel`` (``--quick`` for a
short run).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from benchmarks._harness import Result, compare
from trio_nodecompat import diagnostics_channel as dc

_UNROLL = 10
_LOOPS = 10
BATCH = _UNROLL * _LOOPS


def batched(statement: str, **names: Any) -> Callable[[], None]:
    """A callable running ``statement`` ``BATCH`` times, its names bound as local variables."""
    params = ", ".join(f"{name}={name}" for name in names)
    body = "\n".join(["        " + statement] * _UNROLL)
    source = f"def run({params}):\n    for _ in range({_LOOPS}):\n{body}\n"
    namespace: dict[str, Any] = dict(names)
    exec(source, namespace)
    run: Callable[[], None] = namespace["run"]
    return run


def _subscriber(message: Any, name: Any) -> None:
    pass


def _work(request_id: int) -> dict[str, Any]:
    return {"id": request_id, "ok": True}


def run(quick: bool = False) -> list[Result]:
    """Issue 16's three speed targets."""
    rows = []
    idle = dc.channel("bench:idle")
    message = {"id": 1}
    rows.append(
        compare(
            "diagnostics_channel",
            "publish, no subscriber",
            batched("ch.publish(m)", ch=idle, m=message),
            "if ch.has_subscribers: ch.publish(m)",
            batched("if ch.has_subscribers: ch.publish(m)", ch=idle, m=message),
            target="<= 1.5x",
            max_ratio=1.5,
            quick=quick,
        )
    )

    one = dc.channel("bench:one")
    one.subscribe(_subscriber)
    try:
        rows.append(
            compare(
                "diagnostics_channel",
                "publish, 1 subscriber",
                batched("ch.publish(m)", ch=one, m=message),
                "calling the subscriber directly",
                batched("fn(m, name)", fn=_subscriber, m=message, name=one.name),
                target="<= 2x",
                max_ratio=2.0,
                quick=quick,
            )
        )
    finally:
        one.unsubscribe(_subscriber)

    tracer = dc.tracing_channel("bench:idle")
    rows.append(
        compare(
            "diagnostics_channel",
            "trace_sync, no subscriber",
            batched("tc.trace_sync(fn, None, 1)", tc=tracer, fn=_work),
            "calling the function directly",
            batched("fn(1)", fn=_work),
            target="<= 2x",
            max_ratio=2.0,
            quick=quick,
        )
    )
    payload = {"id": 1, "path": "/users", "tags": ["a", "b", "c"], "ok": True}
    rows.append(
        compare(
            "diagnostics_channel",
            "trace_sync, no subscriber, ~1 us fn",
            batched("tc.trace_sync(fn, None, p)", tc=tracer, fn=json.dumps, p=payload),
            "calling json.dumps directly",
            batched("fn(p)", fn=json.dumps, p=payload),
            target="report",
            quick=quick,
        )
    )
    return rows


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        verdict = {True: "met", False: "NOT MET", None: ""}[row.met]
        print(
            f"{row.operation:<36} vs {row.baseline:<38} "
            f"ours {row.ours_s * 1e9 / BATCH:7.1f} ns  "
            f"ratio {row.ratio:5.2f}  target {row.target:<8} {verdict}"
        )
