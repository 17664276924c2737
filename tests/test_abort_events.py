"""``signal=`` and EventTarget support in ``events`` and ``timers.promises``.

Ported: test-events-add-abort-listener.mjs; the signal and EventTarget cases of
test-events-once.js and test-events-on-async-iterator.js; test-events-static-geteventlisteners.js
and the EventTarget cases of the listener-count tests; the signal cases of
test-timers-timeout-promisified.js, test-timers-immediate-promisified.js and
test-timers-interval-promisified.js. Node's ``process.nextTick(() => ac.abort())`` becomes a
task that aborts once the waiter is parked. Every abort must leave no listener (on the emitter
or on the signal), timer or task behind.
"""

from __future__ import annotations

import gc
from typing import Any

import pytest
import trio
import trio.testing

from trio_nodecompat import (
    AbortController,
    AbortSignal,
    Event,
    EventEmitter,
    EventTarget,
    events,
    open_loop,
)
from trio_nodecompat.errors import ERR_INVALID_ARG_TYPE, AbortError, NoLoopError
from trio_nodecompat.timers import promises as timers_promises

BAD_SIGNALS: list[Any] = [1, {}, "hi", False, AbortController(), EventTarget()]


async def abort_soon(controller: AbortController, reason: object = None) -> None:
    await trio.testing.wait_all_tasks_blocked()
    controller.abort(reason)


def abort_listeners(signal: AbortSignal) -> int:
    return events.listener_count(signal, "abort")


# test-events-add-abort-listener.mjs ---------------------------------------------------------


def test_add_abort_listener_validates() -> None:
    for bad in (None, {}, 1):
        with pytest.raises(ERR_INVALID_ARG_TYPE) as info:
            events.add_abort_listener(bad, lambda *a: None)
        assert 'The "signal" argument must be an instance of AbortSignal' in str(info.value)
    signal = AbortController().signal
    for bad_listener in ({}, None, 1):
        with pytest.raises(ERR_INVALID_ARG_TYPE) as info:
            events.add_abort_listener(signal, bad_listener)  # type: ignore[arg-type]
        assert 'The "listener" argument must be of type function' in str(info.value)
    assert abort_listeners(signal) == 0


def test_add_abort_listener_returns_a_disposable() -> None:
    controller = AbortController()
    disposable = events.add_abort_listener(controller.signal, lambda *a: pytest.fail("called"))
    assert isinstance(disposable, events.AbortListenerDisposable)
    assert abort_listeners(controller.signal) == 1
    disposable.dispose()
    disposable.dispose()  # twice: nothing
    assert abort_listeners(controller.signal) == 0
    controller.abort()


def test_add_abort_listener_as_a_context_manager() -> None:
    controller = AbortController()
    with events.add_abort_listener(controller.signal, lambda *a: pytest.fail("called")):
        assert abort_listeners(controller.signal) == 1
    assert abort_listeners(controller.signal) == 0
    controller.abort()


async def test_add_abort_listener_on_an_aborted_signal_runs_as_a_microtask() -> None:
    calls: list[tuple[Any, ...]] = []
    async with open_loop():
        disposable = events.add_abort_listener(AbortSignal.abort(), lambda *a: calls.append(a))
        assert calls == []  # queued, not called now
        disposable.dispose()  # nothing to remove; the queued call still happens, as in Node
    assert calls == [()]


def test_add_abort_listener_on_an_aborted_signal_needs_a_loop() -> None:
    with pytest.raises(NoLoopError, match="add_abort_listener"):
        events.add_abort_listener(AbortSignal.abort(), lambda *a: None)


def test_add_abort_listener_runs_even_when_propagation_stopped() -> None:
    controller = AbortController()
    signal = controller.signal
    seen: list[object] = []
    signal.add_event_listener("abort", lambda e: e.stop_immediate_propagation())
    events.add_abort_listener(signal, lambda e: seen.append(e.target))
    controller.abort()
    assert seen == [signal]
    assert abort_listeners(signal) == 1  # the first one; ours was a once listener


# events.once with a signal (test-events-once.js) --------------------------------------------


async def test_once_catches_errors_with_a_signal_and_cleans_up() -> None:
    ee = EventEmitter()
    controller = AbortController()
    expected = ValueError("boom")

    async def emit_error() -> None:
        await trio.testing.wait_all_tasks_blocked()
        assert ee.listener_count("error") == 1
        assert abort_listeners(controller.signal) == 1
        ee.emit("error", expected)

    async with trio.open_nursery() as nursery:
        nursery.start_soon(emit_error)
        with pytest.raises(ValueError) as info:
            await events.once(ee, "myevent", signal=controller.signal)
    assert info.value is expected
    assert ee.listener_count("error") == 0
    assert ee.listener_count("myevent") == 0
    assert abort_listeners(controller.signal) == 0


async def test_once_with_an_event_target() -> None:
    target = EventTarget()
    event = Event("myevent")

    async def fire() -> None:
        await trio.testing.wait_all_tasks_blocked()
        target.dispatch_event(event)

    async with trio.open_nursery() as nursery:
        nursery.start_soon(fire)
        [value] = await events.once(target, "myevent")
    assert value is event


async def test_once_with_an_event_target_error_event() -> None:
    target = EventTarget()
    error = Event("error")

    async def fire() -> None:
        await trio.testing.wait_all_tasks_blocked()
        target.dispatch_event(error)

    async with trio.open_nursery() as nursery:
        nursery.start_soon(fire)
        [value] = await events.once(target, "error")
    assert value is error


async def test_once_with_an_invalid_emitter() -> None:
    with pytest.raises(ERR_INVALID_ARG_TYPE) as info:
        await events.once(AbortController(), "myevent")  # type: ignore[arg-type]
    assert "an instance of EventEmitter or EventTarget" in str(info.value)


@pytest.mark.parametrize("make", [EventEmitter, EventTarget], ids=["emitter", "target"])
async def test_once_signal_before(make: Any) -> None:
    emitter = make()
    for bad in BAD_SIGNALS:
        with pytest.raises(ERR_INVALID_ARG_TYPE):
            await events.once(emitter, "foo", signal=bad)
    aborted = AbortSignal.abort("why")
    with pytest.raises(AbortError) as info:
        await events.once(emitter, "foo", signal=aborted)
    assert info.value.name == "AbortError"
    assert info.value.cause == "why"
    assert events.listener_count(emitter, "foo") == 0


@pytest.mark.parametrize("make", [EventEmitter, EventTarget], ids=["emitter", "target"])
async def test_once_signal_after(make: Any) -> None:
    emitter = make()
    if isinstance(emitter, EventEmitter):
        emitter.on("error", lambda *a: pytest.fail("no error"))
    controller = AbortController()
    reason = ValueError("reason")
    async with trio.open_nursery() as nursery:
        nursery.start_soon(abort_soon, controller, reason)
        with pytest.raises(AbortError) as info:
            await events.once(emitter, "foo", signal=controller.signal)
    assert info.value.cause is reason
    assert info.value.__cause__ is reason
    assert events.listener_count(emitter, "foo") == 0
    assert abort_listeners(controller.signal) == 0
    if isinstance(emitter, EventEmitter):
        assert emitter.listener_count("error") == 1  # only the test's own


@pytest.mark.parametrize("make", [EventEmitter, EventTarget], ids=["emitter", "target"])
async def test_once_signal_after_the_event(make: Any) -> None:
    emitter = make()
    controller = AbortController()

    async def fire_then_abort() -> None:
        await trio.testing.wait_all_tasks_blocked()
        assert abort_listeners(controller.signal) == 1
        if isinstance(emitter, EventTarget):
            emitter.dispatch_event(Event("foo"))
        else:
            emitter.emit("foo")
        controller.abort()

    async with trio.open_nursery() as nursery:
        nursery.start_soon(fire_then_abort)
        await events.once(emitter, "foo", signal=controller.signal)  # the event won
    assert abort_listeners(controller.signal) == 0


async def test_once_on_a_target_aborts_even_when_propagation_stopped() -> None:
    target = EventTarget()
    controller = AbortController()
    controller.signal.add_event_listener(
        "abort", lambda e: e.stop_immediate_propagation(), once=True
    )
    async with trio.open_nursery() as nursery:
        nursery.start_soon(abort_soon, controller)
        with pytest.raises(AbortError):
            await events.once(target, "foo", signal=controller.signal)
    assert events.listener_count(target, "foo") == 0


async def test_once_cancel_scope_beside_the_signal() -> None:
    target = EventTarget()
    controller = AbortController()
    with trio.move_on_after(0.01) as scope:
        await events.once(target, "foo", signal=controller.signal)
    assert scope.cancelled_caught
    assert events.listener_count(target, "foo") == 0
    assert abort_listeners(controller.signal) == 0


# events.on with a signal and EventTargets (test-events-on-async-iterator.js) ------------------


async def test_on_with_an_event_target() -> None:
    target = EventTarget()

    async def ticks() -> None:
        for _ in range(5):
            await trio.testing.wait_all_tasks_blocked()
            target.dispatch_event(Event("tick"))

    count = 0
    async with trio.open_nursery() as nursery:
        nursery.start_soon(ticks)
        async with events.on(target, "tick") as iterator:
            async for [event] in iterator:
                count += 1
                assert event.type == "tick"
                if count >= 5:
                    break
    assert count == 5
    assert events.listener_count(target, "tick") == 0
    assert events.listener_count(target, "error") == 0


@pytest.mark.parametrize("make", [EventEmitter, EventTarget], ids=["emitter", "target"])
def test_on_validates_the_signal_and_refuses_an_aborted_one(make: Any) -> None:
    emitter = make()
    for bad in BAD_SIGNALS:
        with pytest.raises(ERR_INVALID_ARG_TYPE):
            events.on(emitter, "foo", signal=bad)
    with pytest.raises(AbortError):
        events.on(emitter, "foo", signal=AbortSignal.abort())
    assert events.listener_count(emitter, "foo") == 0


@pytest.mark.parametrize("make", [EventEmitter, EventTarget], ids=["emitter", "target"])
async def test_on_abort_after_ends_the_iteration(make: Any) -> None:
    emitter = make()
    controller = AbortController()
    seen: list[Any] = []

    def fire() -> None:
        if isinstance(emitter, EventTarget):
            emitter.dispatch_event(Event("foo"))
        else:
            emitter.emit("foo", "foo")

    iterator = events.on(emitter, "foo", signal=controller.signal)
    fire()
    fire()
    controller.abort("stop")
    with pytest.raises(AbortError) as info:
        async for args in iterator:
            seen.append(args)
    assert len(seen) == 2  # the queued events first, then the abort
    assert info.value.cause == "stop"
    assert events.listener_count(emitter, "foo") == 0
    assert abort_listeners(controller.signal) == 0
    with pytest.raises(StopAsyncIteration):
        await iterator.__anext__()


async def test_on_abort_from_inside_the_loop() -> None:
    target = EventTarget()
    controller = AbortController()

    async def tick() -> None:
        await trio.testing.wait_all_tasks_blocked()
        target.dispatch_event(Event("foo"))

    async with trio.open_nursery() as nursery:
        nursery.start_soon(tick)
        with pytest.raises(AbortError):
            async for [event] in events.on(target, "foo", signal=controller.signal):
                assert event.type == "foo"
                controller.abort()  # after a single event
    assert events.listener_count(target, "foo") == 0


async def test_on_abort_while_waiting() -> None:
    ee = EventEmitter()
    controller = AbortController()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(abort_soon, controller)
        with pytest.raises(AbortError):
            async for _ in events.on(ee, "foo", signal=controller.signal):
                pass
    assert ee.listener_count("foo") == 0
    assert ee.listener_count("error") == 0


async def test_on_abort_after_done_is_harmless() -> None:
    ee = EventEmitter()
    controller = AbortController()
    iterator = events.on(ee, "foo", signal=controller.signal)
    for _ in range(5):
        ee.emit("foo", "foo")
    count = 0
    async for args in iterator:
        assert args == ["foo"]
        count += 1
        if count == 5:
            break
    await iterator.aclose()
    assert abort_listeners(controller.signal) == 0
    controller.abort()  # no error


async def test_on_cancelled_wait_keeps_the_iterator_open() -> None:
    ee = EventEmitter()
    controller = AbortController()
    async with events.on(ee, "foo", signal=controller.signal) as iterator:
        with trio.move_on_after(0.01) as scope:
            await iterator.__anext__()
        assert scope.cancelled_caught
        assert ee.listener_count("foo") == 1  # still listening: the cancel was the wait's
        ee.emit("foo", 1)
        assert await iterator.__anext__() == [1]
    assert ee.listener_count("foo") == 0
    assert abort_listeners(controller.signal) == 0


async def test_abandoned_iterator_with_a_signal_releases_everything() -> None:
    ee = EventEmitter()
    controller = AbortController()
    events.on(ee, "foo", signal=controller.signal)  # dropped at once
    gc.collect()
    assert ee.listener_count("foo") == 0
    assert abort_listeners(controller.signal) == 0


# get_event_listeners, listener_count, get_max_listeners -------------------------------------


def test_get_event_listeners() -> None:
    def fn1(*a: Any) -> None:
        pass

    def fn2(*a: Any) -> None:
        pass

    emitter = EventEmitter()
    emitter.on("foo", fn1).on("foo", fn2).on("baz", fn1).on("baz", fn1)
    assert events.get_event_listeners(emitter, "foo") == [fn1, fn2]
    assert events.get_event_listeners(emitter, "bar") == []
    assert events.get_event_listeners(emitter, "baz") == [fn1, fn1]
    target = EventTarget()
    target.add_event_listener("foo", fn1)
    target.add_event_listener("foo", fn2)
    target.add_event_listener("baz", fn1)
    target.add_event_listener("baz", fn1)
    assert events.get_event_listeners(target, "foo") == [fn1, fn2]
    assert events.get_event_listeners(target, "bar") == []
    assert events.get_event_listeners(target, "baz") == [fn1]
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        events.get_event_listeners("INVALID_EMITTER", "foo")  # type: ignore[arg-type]


def test_listener_count_and_max_listeners_of_a_target() -> None:
    target = EventTarget()
    assert events.listener_count(target, "foo") == 0
    target.add_event_listener("foo", lambda e: None)
    target.add_event_listener("foo", lambda e: None, capture=True)
    assert events.listener_count(target, "foo") == 2
    assert events.get_max_listeners(target) == events.default_max_listeners
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        events.listener_count(target, 5)  # type: ignore[arg-type]


def test_set_max_listeners_checks_every_target_first() -> None:
    target = EventTarget()
    events.set_max_listeners(3, target)
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        events.set_max_listeners(7, target, "not a target")  # type: ignore[arg-type]
    assert events.get_max_listeners(target) == 3


# timers.promises with a signal (test-timers-*-promisified.js) ------------------------------


async def test_set_timeout_with_an_aborted_signal() -> None:
    with pytest.raises(AbortError) as info:
        await timers_promises.set_timeout(10, signal=AbortSignal.abort("why"))
    assert info.value.cause == "why"


async def test_set_timeout_aborted_while_waiting() -> None:
    controller = AbortController()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(abort_soon, controller)
        with pytest.raises(AbortError) as info:
            await timers_promises.set_timeout(10_000, "v", signal=controller.signal)
    assert info.value.cause is controller.signal.reason
    assert abort_listeners(controller.signal) == 0


async def test_set_timeout_with_a_live_signal_returns_the_value() -> None:
    controller = AbortController()
    assert await timers_promises.set_timeout(1, "foobar", signal=controller.signal) == "foobar"
    assert abort_listeners(controller.signal) == 0
    controller.abort()  # afterwards: nothing happens


async def test_set_immediate_with_signals() -> None:
    with pytest.raises(AbortError):
        await timers_promises.set_immediate("v", signal=AbortSignal.abort())
    controller = AbortController()
    assert await timers_promises.set_immediate("v", signal=controller.signal) == "v"
    assert abort_listeners(controller.signal) == 0


@pytest.mark.parametrize(
    "call",
    [
        lambda s: timers_promises.set_timeout(10, signal=s),
        lambda s: timers_promises.set_immediate(signal=s),
    ],
    ids=["set_timeout", "set_immediate"],
)
async def test_timer_promises_validate_the_signal(call: Any) -> None:
    for bad in BAD_SIGNALS:
        with pytest.raises(ERR_INVALID_ARG_TYPE) as info:
            await call(bad)
        assert 'The "signal" argument must be an instance of AbortSignal' in str(info.value)


async def test_set_interval_with_an_aborted_signal() -> None:
    interval = timers_promises.set_interval(10, signal=AbortSignal.abort())
    with pytest.raises(AbortError):
        await interval.__anext__()
    with pytest.raises(StopAsyncIteration):
        await interval.__anext__()


async def test_set_interval_aborted_between_ticks() -> None:
    controller = AbortController()
    ticks = 0
    with pytest.raises(AbortError):
        async for value in timers_promises.set_interval(1, "v", signal=controller.signal):
            assert value == "v"
            ticks += 1
            if ticks == 3:
                controller.abort()
    assert ticks == 3
    assert abort_listeners(controller.signal) == 0


async def test_set_interval_aborted_while_waiting() -> None:
    controller = AbortController()
    interval = timers_promises.set_interval(10_000, signal=controller.signal)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(abort_soon, controller)
        with pytest.raises(AbortError):
            await interval.__anext__()
    assert abort_listeners(controller.signal) == 0


def test_set_interval_validates_the_signal() -> None:
    for bad in BAD_SIGNALS:
        with pytest.raises(ERR_INVALID_ARG_TYPE):
            timers_promises.set_interval(10, signal=bad)


async def test_timer_signal_with_a_trio_cancel_scope_beside_it() -> None:
    controller = AbortController()
    with trio.move_on_after(0.01) as scope:
        await timers_promises.set_timeout(10_000, signal=controller.signal)
    assert scope.cancelled_caught
    assert abort_listeners(controller.signal) == 0
