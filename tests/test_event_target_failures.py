"""Where a failing EventTarget listener's exception goes: the loop, or the caller with no loop.

Node (checked with ``node`` 20, and test-eventtarget.js's 'boom' case): a throwing listener,
a throwing ``handleEvent``, and a rejecting async listener are each reported on ``process``
as ``'uncaughtException'`` with origin ``'uncaughtException'``, never as
``'unhandledRejection'``, after the dispatch; the other listeners still run and
``dispatchEvent`` returns normally. Without a loop nobody else could receive them, so
``dispatch_event`` raises them once every listener has run.
"""

from __future__ import annotations

import gc
from typing import Any

import pytest
import trio

from trio_nodecompat import AbortController, AbortSignal, Event, EventTarget, open_loop
from trio_nodecompat.async_hooks import AsyncLocalStorage
from trio_nodecompat.errors import NoLoopError

als: AsyncLocalStorage[str] = AsyncLocalStorage(name="event_target")


def boom(event: Event) -> None:
    raise ValueError("boom")


async def async_boom(event: Event) -> None:
    await trio.sleep(0)
    raise ValueError("boom")


class HandleBoom:
    def handle_event(self, event: Event) -> None:
        raise ValueError("boom")


class AsyncHandleBoom:
    async def handle_event(self, event: Event) -> None:
        raise ValueError("boom")


async def test_listener_failures_are_uncaught_exceptions_of_the_loop() -> None:
    seen: list[tuple[str, str, str | None]] = []
    after: list[str] = []
    async with open_loop() as loop:
        loop.on("unhandledRejection", lambda *a: pytest.fail("not a rejection"))
        loop.on("uncaughtException", lambda e, o: seen.append((str(e), o, als.get_store())))
        target = EventTarget()
        for listener in (async_boom, boom, HandleBoom(), AsyncHandleBoom()):
            target.add_event_listener("foo", listener, once=True)
        target.add_event_listener("foo", lambda e: after.append("after"))
        assert als.run("dispatching frame", target.dispatch_event, Event("foo")) is True
        assert after == ["after"]
        assert seen == []  # reported after the dispatch, from the loop
    assert seen == [("boom", "uncaughtException", "dispatching frame")] * 4


async def test_without_an_uncaught_exception_listener_the_loop_fails() -> None:
    with pytest.raises(ExceptionGroup) as info:
        async with open_loop():
            target = EventTarget()
            target.add_event_listener("foo", boom)
            target.dispatch_event(Event("foo"))  # returns: the failure is the loop's
            await trio.sleep(1)
    assert info.group_contains(ValueError, match="boom")


def test_without_a_loop_dispatch_raises_after_every_listener_ran() -> None:
    target = EventTarget()
    after: list[str] = []
    target.add_event_listener("foo", boom)
    target.add_event_listener("foo", lambda e: after.append("after"))
    with pytest.raises(ValueError, match="boom"):
        target.dispatch_event(Event("foo"))
    assert after == ["after"]
    event = Event("foo")
    with pytest.raises(ValueError):
        target.dispatch_event(event)
    assert event.event_phase == 0  # the dispatch had ended
    assert target.dispatch_event(Event("bar")) is True


def test_without_a_loop_several_failures_are_an_exception_group() -> None:
    target = EventTarget()
    target.add_event_listener("foo", boom)
    target.add_event_listener("foo", HandleBoom())
    with pytest.raises(ExceptionGroup) as info:
        target.dispatch_event(Event("foo"))
    assert [str(e) for e in info.value.exceptions] == ["boom", "boom"]


def test_without_a_loop_an_async_listener_is_no_loop_error_and_never_runs() -> None:
    target = EventTarget()
    ran: list[str] = []

    async def listener(event: Event) -> None:
        ran.append("ran")

    target.add_event_listener("foo", listener)
    with pytest.raises(NoLoopError, match="dispatch_event"):
        target.dispatch_event(Event("foo"))
    gc.collect()  # the coroutine was closed: no 'never awaited' warning (warnings are errors)
    assert ran == []


def test_without_a_loop_abort_raises_after_all_abort_listeners() -> None:
    controller = AbortController()
    composite = AbortSignal.any([controller.signal])
    seen: list[str] = []
    controller.signal.add_event_listener("abort", boom)
    controller.signal.add_event_listener("abort", lambda e: seen.append("source"))
    composite.add_event_listener("abort", lambda e: seen.append("composite"))
    with pytest.raises(ValueError, match="boom"):
        controller.abort()
    assert seen == ["source", "composite"]
    assert controller.signal.aborted and composite.aborted


async def test_async_listener_runs_on_the_loop_in_the_dispatching_frame() -> None:
    seen: list[Any] = []
    async with open_loop():
        target = EventTarget()

        async def listener(event: Event) -> None:
            await trio.sleep(0)
            seen.append((event.type, als.get_store()))

        target.add_event_listener("foo", listener)
        als.run("frame", target.dispatch_event, Event("foo"))
        assert seen == []
    assert seen == [("foo", "frame")]


async def test_a_listener_failure_is_reported_from_the_next_tick_queue() -> None:
    # Node (a CommonJS script, run from a timer): ["after dispatch", "uncaught sync", "tick",
    # "microtask"]; the failure is thrown from process.nextTick, queued during the dispatch.
    from trio_nodecompat.process import next_tick
    from trio_nodecompat.timers import queue_microtask, set_timeout

    log: list[str] = []
    async with open_loop() as loop:
        loop.on("uncaughtException", lambda err, origin: log.append(f"uncaught {err}"))

        def dispatch() -> None:
            target = EventTarget()
            target.add_event_listener(
                "x", lambda e: queue_microtask(lambda: log.append("microtask"))
            )
            target.add_event_listener("x", lambda e: raise_sync())
            target.add_event_listener("x", lambda e: next_tick(lambda: log.append("tick")))
            target.dispatch_event(Event("x"))
            log.append("after dispatch")

        set_timeout(dispatch, 1)
    assert log == ["after dispatch", "uncaught sync", "tick", "microtask"]


def raise_sync() -> None:
    raise ValueError("sync")
