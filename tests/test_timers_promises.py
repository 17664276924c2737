"""timers.promises: Node's test-timers-{timeout,immediate,interval}-promisified.js, ported.

Node's ``signal`` option becomes a Trio cancel scope around the ``await``; its ``ref`` option
has no meaning here, as these wait in the calling task and need no loop.
"""

from __future__ import annotations

import math

import pytest
import trio
import trio.testing
from trio.testing import MockClock

from trio_nodecompat import errors
from trio_nodecompat.async_hooks import AsyncLocalStorage
from trio_nodecompat.timers import TimeoutOverflowWarning, promises
from trio_nodecompat.timers.promises import Interval, set_immediate, set_interval, set_timeout


def now_ms() -> float:
    return round(trio.current_time() * 1000, 6)


def test_reachable_as_timers_promises() -> None:
    assert promises.set_timeout is set_timeout


async def test_set_timeout_returns_the_value_after_the_delay(autojump_clock: MockClock) -> None:
    start = now_ms()
    assert await set_timeout(1) is None
    assert await set_timeout(1, "foobar") == "foobar"
    assert await set_timeout(250, value=[1]) == [1]
    assert now_ms() - start == 252


async def test_set_timeout_needs_no_loop_and_keeps_the_frame(autojump_clock: MockClock) -> None:
    als = AsyncLocalStorage()

    async def body() -> object:
        await set_timeout(10)
        return als.get_store()

    assert await als.run("here", body) == "here"


async def test_cancel_scope_plays_the_abort_signal(autojump_clock: MockClock) -> None:
    with trio.move_on_after(0.005) as scope:
        await set_timeout(10, "never")
    assert scope.cancelled_caught
    with trio.CancelScope() as scope:
        scope.cancel()  # aborted in advance
        await set_timeout(10)
    assert scope.cancelled_caught


@pytest.mark.parametrize("delay", [None, -5, math.nan, 0])
async def test_odd_delays_clamp_to_one_ms(delay: float | None, autojump_clock: MockClock) -> None:
    start = now_ms()
    assert await set_timeout(delay, "v") == "v"
    assert now_ms() - start == 1


async def test_overflow_warns_and_waits_one_ms(autojump_clock: MockClock) -> None:
    start = now_ms()
    with pytest.warns(TimeoutOverflowWarning, match="^2147483648 does not fit") as record:
        assert await set_timeout(2**31, "big") == "big"
    assert record[0].filename == __file__
    assert now_ms() - start == 1


@pytest.mark.parametrize("delay", ["", False, True, "10", []])
async def test_delay_must_be_a_number(delay: object) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        await set_timeout(delay)  # type: ignore[call-overload]
    assert str(info.value).startswith('The "delay" argument must be of type number.')
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        set_interval(delay)  # type: ignore[call-overload]


async def test_set_immediate_yields_once_and_returns_the_value() -> None:
    assert await set_immediate() is None
    assert await set_immediate("foobar") == "foobar"
    with trio.testing.assert_checkpoints():
        await set_immediate()


async def test_set_immediate_is_cancellable() -> None:
    with trio.CancelScope() as scope:
        scope.cancel()
        await set_immediate("x")
    assert scope.cancelled_caught


async def test_set_interval_yields_the_value_each_period(autojump_clock: MockClock) -> None:
    iterator = set_interval(1)
    assert isinstance(iterator, Interval)
    assert await iterator.__anext__() is None
    await iterator.aclose()
    with pytest.raises(StopAsyncIteration):
        await iterator.__anext__()

    start = now_ms()
    times = []
    async for value in set_interval(20, "foobar"):
        assert value == "foobar"
        times.append(now_ms() - start)
        if len(times) == 3:
            break
    assert times == [20, 40, 60]


async def test_set_interval_as_context_manager(autojump_clock: MockClock) -> None:
    async with set_interval(5, "x") as ticks:
        assert await ticks.__anext__() == "x"
    with pytest.raises(StopAsyncIteration):
        await ticks.__anext__()


async def test_slow_consumer_gets_the_missed_ticks_at_once(autojump_clock: MockClock) -> None:
    start = now_ms()
    seen = []
    async for _ in set_interval(10):
        seen.append(now_ms() - start)
        if len(seen) == 1:
            await trio.sleep(0.035)  # misses three ticks (20, 30, 40)
        if len(seen) == 5:
            break
    assert seen == [10, 45, 45, 45, 50]


# Ported: the AbortController loop of test-timers-interval-promisified.js
async def test_cancelling_the_loop_stops_after_the_fifth(autojump_clock: MockClock) -> None:
    loop_count = 0
    with trio.CancelScope() as scope:
        async for value in set_interval(20, "foobar"):
            assert value == "foobar"
            loop_count += 1
            if loop_count == 5:
                scope.cancel()
            if loop_count > 5:
                raise AssertionError("ran too many times")
    assert loop_count == 5
    assert scope.cancelled_caught


# Ported: the pre/post case of test-timers-interval-promisified.js
async def test_interval_runs_between_earlier_and_later_timeouts(autojump_clock: MockClock) -> None:
    time_unit = 50
    state = {"pre": False, "post": False}

    async def mark(key: str, delay: int) -> None:
        await set_timeout(delay)
        state[key] = True

    async with trio.open_nursery() as nursery:
        nursery.start_soon(mark, "pre", 1)
        nursery.start_soon(mark, "post", time_unit * 3)
        ticks = set_interval(time_unit * 2)
        await ticks.__anext__()
        assert state == {"pre": True, "post": False}
        await ticks.__anext__()
        assert state["post"] is True
        await ticks.aclose()
