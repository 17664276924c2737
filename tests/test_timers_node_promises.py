"""timers.promises: Node v20.11.1's test-timers-{timeout,immediate,interval}-promisified.js.

Node's ``signal`` option is a Trio cancel scope around the ``await`` here (a cancelled wait
raises ``trio.Cancelled`` inside the scope, which the scope catches: Node's ``AbortError``).
Node's ``ref: false`` option has no meaning for a wait in the calling task, and its
options-validation cases (``ERR_INVALID_ARG_TYPE`` for a bad ``signal``/``ref``) have no
options to validate. ``queue_microtask`` (test-queue-microtask.js) is at the end.
"""

from __future__ import annotations

import pytest
import trio
import trio.testing
from trio.testing import MockClock

from trio_nodecompat import errors, open_loop, timers
from trio_nodecompat.timers import promises, queue_microtask
from trio_nodecompat.util import promisify


def now_ms() -> float:
    return round(trio.current_time() * 1000, 6)


# Ported: test/parallel/test-timers-timeout-promisified.js
async def test_promisified_set_timeout(autojump_clock: MockClock) -> None:
    set_promise_timeout = promisify(timers.set_timeout)
    assert set_promise_timeout is promises.set_timeout
    assert await set_promise_timeout(1) is None
    assert await set_promise_timeout(1, "foobar") == "foobar"
    # Aborted while waiting.
    start = now_ms()
    with trio.move_on_after(0.005) as scope:
        await set_promise_timeout(10)
    assert scope.cancelled_caught and now_ms() - start == 5
    # Aborted in advance: it does not wait at all.
    with trio.CancelScope() as scope:
        scope.cancel()
        await set_promise_timeout(10)
    assert scope.cancelled_caught and now_ms() - start == 5
    # Aborted after it resolved: nothing happens.
    with trio.CancelScope() as scope:
        assert await set_promise_timeout(10, "done") == "done"
        scope.cancel()
    assert now_ms() - start == 15


# Ported: test/parallel/test-timers-immediate-promisified.js
async def test_promisified_set_immediate() -> None:
    set_promise_immediate = promisify(timers.set_immediate)
    assert set_promise_immediate is promises.set_immediate
    assert await set_promise_immediate() is None
    assert await set_promise_immediate("foobar") == "foobar"
    with trio.CancelScope() as scope:
        scope.cancel()
        await set_promise_immediate(10)
        pytest.fail("an aborted immediate returned")  # pragma: no cover
    assert scope.cancelled_caught
    with trio.CancelScope() as scope:
        assert await set_promise_immediate(10) == 10
        scope.cancel()


# Ported: test/parallel/test-timers-interval-promisified.js: the cases not already in
# test_timers_promises.py (which has the abort-at-the-fifth and pre/post cases).
async def test_promisified_interval_values_and_aborts(autojump_clock: MockClock) -> None:
    iterator = promises.set_interval(1, "foobar")
    assert await iterator.__anext__() == "foobar"
    assert await iterator.__anext__() == "foobar"
    await iterator.aclose()
    # Aborted in advance, and aborted while a next() is pending.
    with trio.CancelScope() as scope:
        scope.cancel()
        await promises.set_interval(1).__anext__()
    assert scope.cancelled_caught
    start = now_ms()
    with trio.move_on_after(0.05) as scope:
        await promises.set_interval(100).__anext__()
    assert scope.cancelled_caught and now_ms() - start == 50
    # break ends it; nothing is left waiting.
    count = 0
    async for _ in promises.set_interval(10):
        count += 1
        if count == 2:
            break
    assert count == 2


async def test_promisified_interval_aborted_by_a_slow_consumer(autojump_clock: MockClock) -> None:
    # The consumer takes 40 ms per 10 ms tick and aborts in its second iteration: the abort
    # lands while it still works, so the loop ends there (Node: iterations >= 3 counting the
    # ticks already queued; here a cancelled scope stops at the next wait).
    total = 0
    with trio.CancelScope() as scope:
        async for value in promises.set_interval(10, "foobar"):
            assert value == "foobar"
            total += 1
            await promises.set_timeout(40)
            if total == 2:
                scope.cancel()
    assert scope.cancelled_caught
    assert total == 2


# --------------------------------------------------------------------------------------------
# Ported: test/parallel/test-queue-microtask.js. Its promise-ordering case needs JS promises,
# its extra-arguments case is a TypeError in Python, and its class-without-new case has no
# analogue (a Python class is callable).


@pytest.mark.parametrize("callback", [None, 0, "x = 5"])
async def test_queue_microtask_refuses_what_is_not_callable(callback: object) -> None:
    async with open_loop():
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            queue_microtask(callback)  # type: ignore[arg-type]
        assert isinstance(info.value, TypeError)


async def test_queue_microtask_runs_later_in_order_and_failures_are_uncaught() -> None:
    log: list[str] = []
    uncaught: list[str] = []
    async with open_loop() as loop:
        loop.on("uncaughtException", lambda err, origin: uncaught.append(str(err)))
        queue_microtask(lambda: log.append("a"))
        assert log == []

        def e1() -> None:
            raise RuntimeError("E1")

        queue_microtask(e1)
        queue_microtask(lambda: log.append("b"))
    assert log == ["a", "b"]
    assert uncaught == ["E1"]


# Ported: test/parallel/test-timers-promises-scheduler.js (wait and the cancelled waits; its
# yield case checks that a microtask queued before runs first, which Trio's checkpoint order
# does not promise: here yield_ is checked to be a checkpoint).
async def test_scheduler_wait_and_yield(autojump_clock: MockClock) -> None:
    value = 0

    def bump() -> None:
        nonlocal value
        value += 1

    async with open_loop():
        timers.set_timeout(bump, 10)
        await promises.scheduler.wait(15)
        assert value == 1
    # Cancelled while waiting, and cancelled in advance (Node's AbortSignal).
    start = now_ms()
    with trio.move_on_after(0.001) as scope:
        await promises.scheduler.wait(1e6)
    assert scope.cancelled_caught and now_ms() - start == 1
    with trio.CancelScope() as scope:
        scope.cancel()
        await promises.scheduler.wait(10000)
    assert scope.cancelled_caught and now_ms() - start == 1
    with trio.testing.assert_checkpoints():
        await promises.scheduler.yield_()
    assert repr(promises.scheduler) == "<Scheduler>"
