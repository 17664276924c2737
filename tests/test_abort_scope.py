"""``abort_scope``: the Trio bridge, and how a signal composes with cancel scopes.

No Node test exists for it (it is this package's own); the behaviours are SPEC 13's: the scope
is cancelled when the signal aborts (at once if it already has); leaving it raises
``AbortError`` with the reason; an outer Trio cancellation stays Trio's; the listener goes
when the block is left.
"""

from __future__ import annotations

import gc
import weakref

import pytest
import trio
import trio.testing
from trio.testing import MockClock

from trio_nodecompat import AbortController, AbortSignal, events, open_loop
from trio_nodecompat.abort import abort_scope
from trio_nodecompat.errors import ERR_INVALID_ARG_TYPE, AbortError


def listeners(signal: AbortSignal) -> int:
    return events.listener_count(signal, "abort")


async def test_abort_cancels_the_block_and_raises_abort_error() -> None:
    controller = AbortController()
    reason = KeyError("why")
    reached: list[str] = []
    async with trio.open_nursery() as nursery:

        async def abort_later() -> None:
            await trio.testing.wait_all_tasks_blocked()
            assert listeners(controller.signal) == 1
            controller.abort(reason)

        nursery.start_soon(abort_later)
        with pytest.raises(AbortError) as info:
            with abort_scope(controller.signal) as scope:
                assert isinstance(scope, trio.CancelScope)
                await trio.sleep_forever()
            reached.append("not here")
    assert reached == []
    err = info.value
    assert (err.code, err.name, str(err)) == (
        "ABORT_ERR",
        "AbortError",
        "The operation was aborted",
    )
    assert err.cause is reason and err.__cause__ is reason
    assert listeners(controller.signal) == 0


async def test_already_aborted_signal_cancels_at_the_first_checkpoint() -> None:
    signal = AbortSignal.abort("early")
    steps: list[str] = []
    with pytest.raises(AbortError) as info:
        with abort_scope(signal):
            steps.append("body starts")
            await trio.lowlevel.checkpoint()
            steps.append("not here")
    assert steps == ["body starts"]
    assert info.value.cause == "early"
    assert info.value.__cause__ is None  # a string cannot be a __cause__


async def test_block_that_finishes_raises_nothing_and_removes_its_listener() -> None:
    controller = AbortController()
    with abort_scope(controller.signal):
        await trio.sleep(0)
    assert listeners(controller.signal) == 0
    controller.abort()  # later: nothing to cancel


async def test_block_that_raises_keeps_its_exception() -> None:
    controller = AbortController()
    with pytest.raises(ZeroDivisionError):
        with abort_scope(controller.signal):
            1 / 0  # noqa: B018
    assert listeners(controller.signal) == 0


async def test_outer_move_on_after_stays_a_trio_cancellation() -> None:
    controller = AbortController()
    with trio.move_on_after(0.01) as outer:
        with abort_scope(controller.signal):
            await trio.sleep_forever()
    assert outer.cancelled_caught
    assert listeners(controller.signal) == 0


async def test_both_cancelled_the_outer_scope_wins() -> None:
    # The outer scope's cancellation is visible to the inner one, so Trio delivers it to the
    # outer: no AbortError replaces it.
    controller = AbortController()
    with trio.CancelScope() as outer:
        with abort_scope(controller.signal):
            outer.cancel()
            controller.abort()
            await trio.sleep_forever()
    assert outer.cancelled_caught


async def test_timeout_signal_and_move_on_after_compose() -> None:
    async with open_loop():
        with pytest.raises(AbortError) as info:
            with trio.move_on_after(5):
                with abort_scope(AbortSignal.timeout(10)):
                    await trio.sleep_forever()
        assert info.value.cause.name == "TimeoutError"
        with trio.move_on_after(0.01) as scope:
            with abort_scope(AbortSignal.timeout(10_000)):
                await trio.sleep_forever()
        assert scope.cancelled_caught


async def test_abort_scope_of_a_composite() -> None:
    async with open_loop():
        controller = AbortController()
        with pytest.raises(AbortError) as info:
            with abort_scope(AbortSignal.any([controller.signal, AbortSignal.timeout(10)])):
                await trio.sleep_forever()
        assert info.value.cause.name == "TimeoutError"
        assert listeners(controller.signal) == 0
        assert not controller.signal._dependents


async def test_composite_of_a_timeout_with_a_listener_and_no_reference_fires(
    autojump_clock: MockClock,
) -> None:
    seen: list[str] = []
    async with open_loop():
        AbortSignal.any([AbortSignal.timeout(5)]).add_event_listener(
            "abort", lambda e: seen.append(e.type)
        )
        gc.collect()
        await trio.sleep(0.02)
    assert seen == ["abort"]


async def test_stop_immediate_propagation_cannot_skip_the_scope() -> None:
    controller = AbortController()
    controller.signal.add_event_listener("abort", lambda e: e.stop_immediate_propagation())
    async with trio.open_nursery() as nursery:

        async def abort_later() -> None:
            await trio.testing.wait_all_tasks_blocked()
            controller.abort()

        nursery.start_soon(abort_later)
        with pytest.raises(AbortError):
            with abort_scope(controller.signal):
                await trio.sleep_forever()


async def test_many_scopes_leave_no_listener() -> None:
    controller = AbortController()
    for _ in range(1000):
        with abort_scope(controller.signal):
            await trio.lowlevel.checkpoint()
    assert listeners(controller.signal) == 0


def test_abort_scope_validates_the_signal() -> None:
    for bad in (None, 1, AbortController(), "signal"):
        with pytest.raises(ERR_INVALID_ARG_TYPE):
            abort_scope(bad)  # type: ignore[arg-type]


async def test_scope_does_not_keep_the_signal_alive_after_the_block() -> None:
    controller = AbortController()
    with abort_scope(controller.signal):
        await trio.lowlevel.checkpoint()
    ref = weakref.ref(controller.signal)
    del controller
    gc.collect()
    assert ref() is None
