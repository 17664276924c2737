"""util: promisify and callbackify round trips against the Trio primitives they are built on.

Each timed call runs one ``trio.run`` that performs ``BATCH`` round trips, so the per-run
start-up cost is shared by the two sides of a row and amortised over the batch (it pulls
ratios slightly towards 1). Rows:

* promisify, callback fired synchronously, vs ``await trio.lowlevel.checkpoint()`` (<= 3x);
* callbackify round trip on the loop vs a bare ``nursery.start_soon`` of the same work;
* promisify with the callback fired from a worker thread vs the same hop made with
  ``trio.from_thread.run_sync``.

Run alone: ``python -m benchmarks.bench_util``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Awaitable, Callable
from typing import Any

import trio

import trio_nodecompat
from benchmarks._harness import Result, compare
from trio_nodecompat.util import callbackify, promisify

BATCH = 500
#: Cheap operations run more times per trio.run so its start-up cost fades.
CHEAP_BATCH = 10_000


def in_trio(batch: Callable[[], Awaitable[None]]) -> Callable[[], None]:
    """A sync callable for ``compare``: one ``trio.run`` of ``batch``."""

    def run_batch() -> None:
        trio.run(batch)

    return run_batch


# --------------------------------------------------------------------------------------------
# promisify, synchronous callback


def sync_callback_fn(value: int, callback: Callable[..., None]) -> None:
    callback(None, value)


promisified = promisify(sync_callback_fn)


async def promisify_batch() -> None:
    p = promisified
    for i in range(CHEAP_BATCH):
        await p(i)


async def checkpoint_batch() -> None:
    checkpoint = trio.lowlevel.checkpoint
    for _ in range(CHEAP_BATCH):
        await checkpoint()


# --------------------------------------------------------------------------------------------
# callbackify round trip


async def add_one(value: int) -> int:
    return value + 1


callbackified = callbackify(add_one)


async def callbackify_batch() -> None:
    async with trio_nodecompat.open_loop():
        for i in range(BATCH):
            done = trio.Event()

            def callback(err: object, value: object = None, done: trio.Event = done) -> None:
                done.set()

            callbackified(i, callback)
            await done.wait()


async def start_soon_batch() -> None:
    async with trio.open_nursery() as nursery:
        for i in range(BATCH):
            done = trio.Event()

            async def work(value: int, done: trio.Event = done) -> None:
                await add_one(value)
                done.set()

            nursery.start_soon(work, i)
            await done.wait()


# --------------------------------------------------------------------------------------------
# Callback from a worker thread


def _worker(requests: queue.SimpleQueue[Any]) -> None:
    while True:
        job = requests.get()
        if job is None:
            return
        job()


async def thread_promisify_batch() -> None:
    requests: queue.SimpleQueue[Any] = queue.SimpleQueue()
    worker = threading.Thread(target=_worker, args=(requests,))
    worker.start()

    def from_thread(value: int, callback: Callable[..., None]) -> None:
        requests.put(lambda: callback(None, value))

    p = promisify(from_thread)
    try:
        for i in range(BATCH):
            await p(i)
    finally:
        requests.put(None)
        worker.join()


async def thread_from_thread_batch() -> None:
    requests: queue.SimpleQueue[Any] = queue.SimpleQueue()
    worker = threading.Thread(target=_worker, args=(requests,))
    worker.start()
    token = trio.lowlevel.current_trio_token()
    try:
        for _ in range(BATCH):
            done = trio.Event()
            requests.put(lambda done=done: trio.from_thread.run_sync(done.set, trio_token=token))
            await done.wait()
    finally:
        requests.put(None)
        worker.join()


def run(quick: bool = False) -> list[Result]:
    """The rows of this module's report."""
    return [
        compare(
            "util",
            f"promisify round trip, sync callback (x{CHEAP_BATCH})",
            in_trio(promisify_batch),
            "await trio.lowlevel.checkpoint()",
            in_trio(checkpoint_batch),
            target="<= 3x",
            max_ratio=3.0,
            quick=quick,
        ),
        compare(
            "util",
            f"callbackify round trip on the loop (x{BATCH})",
            in_trio(callbackify_batch),
            "nursery.start_soon + Event",
            in_trio(start_soon_batch),
            quick=quick,
        ),
        compare(
            "util",
            f"promisify round trip, callback from a worker thread (x{BATCH})",
            in_trio(thread_promisify_batch),
            "trio.from_thread.run_sync + Event",
            in_trio(thread_from_thread_batch),
            quick=quick,
        ),
    ]


if __name__ == "__main__":
    for row, n in zip(run(), (CHEAP_BATCH, BATCH, BATCH), strict=True):
        met = "" if row.met is None else ("  met" if row.met else "  NOT MET")
        print(
            f"{row.operation}: {row.ours_s / n * 1e6:.2f} us vs {row.baseline} "
            f"{row.baseline_s / n * 1e6:.2f} us -> {row.ratio:.2f}x ({row.target}){met}"
        )
