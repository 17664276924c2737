"""AsyncLocalStorage speed: the store against the bare contextvars a user could write instead.

Each row is a batch of ``BATCH`` calls made from a Python function, as application code makes
them (a global lookup, an attribute lookup, the call), so the batch loop costs the same on
both sides and the ratio is the per-call cost of ours over the floor:

- ``als.get_store()`` against ``var.get()`` on a plain :class:`contextvars.ContextVar`. Our
  ``get_store`` is the variable's own ``get``, bound per instance, so only the instance-dict
  lookup differs. Target <= 1.5x.
- sync ``als.run(store, f)`` against ``copy_context().run(set_and_call, var, store, f)``, the
  hand-written frame with one ``set``. Ours adds the call of ``run`` itself, the callable
  check, and the coroutine check of the result. Target <= 1.5x.
- Reported: a snapshot call and a bound-function call, against the same hand-written frame
  (each call copies the captured context).

Run: ``.venv/bin/python -m benchmarks.bench_async_hooks`` (``--quick`` for a short run).
"""

from __future__ import annotations

import sys
from contextvars import ContextVar, copy_context
from typing import Any

from benchmarks._harness import Result, compare
from trio_nodecompat.async_hooks import AsyncLocalStorage

BATCH = 100

als: AsyncLocalStorage[int] = AsyncLocalStorage()
var: ContextVar[int | None] = ContextVar("var", default=None)


def work() -> int:
    return 1


def set_and_call(variable: ContextVar[Any], value: object, fn: Any) -> Any:
    variable.set(value)
    return fn()


def get_store_batch() -> None:
    for _ in range(BATCH):
        als.get_store()


def var_get_batch() -> None:
    for _ in range(BATCH):
        var.get()


def run_batch() -> None:
    for _ in range(BATCH):
        als.run(1, work)


def copy_context_batch() -> None:
    for _ in range(BATCH):
        copy_context().run(set_and_call, var, 1, work)


snapshot = als.run(1, AsyncLocalStorage.snapshot)
bound = als.run(1, AsyncLocalStorage.bind, work)


def snapshot_batch() -> None:
    for _ in range(BATCH):
        snapshot(work)


def bound_batch() -> None:
    for _ in range(BATCH):
        bound()


def run(quick: bool = False) -> list[Result]:
    """Every row of issue 3's speed targets, plus two reported rows."""
    return [
        compare(
            "async_hooks",
            "als.get_store()",
            get_store_batch,
            "ContextVar.get()",
            var_get_batch,
            target="<= 1.5x",
            max_ratio=1.5,
            quick=quick,
        ),
        compare(
            "async_hooks",
            "als.run(store, f) (sync)",
            run_batch,
            "copy_context().run(f) with one set",
            copy_context_batch,
            target="<= 1.5x",
            max_ratio=1.5,
            quick=quick,
        ),
        compare(
            "async_hooks",
            "snapshot(f)",
            snapshot_batch,
            "copy_context().run(f) with one set",
            copy_context_batch,
            quick=quick,
        ),
        compare(
            "async_hooks",
            "AsyncLocalStorage.bind(f)()",
            bound_batch,
            "copy_context().run(f) with one set",
            copy_context_batch,
            quick=quick,
        ),
    ]


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        verdict = {True: "met", False: "NOT MET", None: ""}[row.met]
        print(
            f"{row.operation:<30} vs {row.baseline:<36} "
            f"ours {row.ours_s * 1e9 / BATCH:7.1f} ns  base {row.baseline_s * 1e9 / BATCH:7.1f} ns  "
            f"ratio {row.ratio:5.2f}  target {row.target:<8} {verdict}"
        )
