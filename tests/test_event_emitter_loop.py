"""Async listeners under ``emit`` on the loop: Node's test-event-capture-rejections.js, ported,
plus the frame rules (the listener runs in the emitting frame; failures are routed in the
failed listener's frame) and the unhandled paths.

Node's ``process`` is the loop: ``process.on('unhandledRejection')`` becomes
``loop.on('unhandledRejection')`` and ``process.on('uncaughtException')`` likewise.
"""

from __future__ import annotations

import contextvars
from typing import Any

import pytest
import trio
import trio.testing

from trio_nodecompat import open_loop
from trio_nodecompat.async_hooks import AsyncLocalStorage
from trio_nodecompat.events import EventEmitter, capture_rejection_symbol, error_monitor

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


@pytest.fixture(autouse=True)
def _restore_capture_default() -> Any:
    yield
    EventEmitter.capture_rejections = False


async def test_capture_rejections_routes_to_error() -> None:
    got: list[Any] = []
    err = ValueError("kaboom")
    async with open_loop():
        ee = EventEmitter(capture_rejections=True)

        @ee.on("something")
        async def fails(value: Any = None) -> None:
            raise err

        ee.on("error", got.append)
        assert ee.emit("something") is True
        assert got == []  # emit returned before the async listener ran
    assert got == [err]


async def test_capture_rejections_two_handlers() -> None:
    got: list[Any] = []
    err = ValueError("kaboom")
    async with open_loop():
        ee = EventEmitter(capture_rejections=True)

        async def fails() -> None:
            raise err

        ee.on("something", fails)
        ee.on("something", fails)
        ee.on("error", got.append)
        ee.emit("something")
    assert got == [err, err]


async def test_default_is_unhandled_rejection_of_the_loop() -> None:
    got: list[Any] = []
    err = ValueError("kaboom")
    async with open_loop() as loop:
        loop.on("unhandledRejection", lambda reason, promise: got.append(reason))
        ee = EventEmitter()

        async def fails() -> None:
            raise err

        ee.on("something", fails)
        ee.on("error", lambda e: got.append("error listener must not run"))
        ee.emit("something")
    assert got == [err]


async def test_class_default_capture_setting() -> None:
    assert EventEmitter.capture_rejections is False
    EventEmitter.capture_rejections = True
    got: list[Any] = []
    err = ValueError("kaboom")
    async with open_loop():
        ee = EventEmitter()
        EventEmitter.capture_rejections = False  # read at construction

        async def fails() -> None:
            raise err

        ee.on("something", fails)
        ee.on("error", got.append)
        ee.emit("something")
    assert got == [err]


async def test_capture_method_gets_error_event_and_args() -> None:
    got: list[Any] = []
    err = ValueError("kaboom")
    async with open_loop():
        ee = EventEmitter(capture_rejections=True)

        async def fails(*args: Any) -> None:
            assert args == (42, "foobar")
            raise err

        ee.on("something", fails)
        setattr(ee, capture_rejection_symbol, lambda *a: got.append(a))
        ee.on("error", lambda e: got.append("error listener must not run"))
        ee.emit("something", 42, "foobar")
    assert got == [(err, "something", 42, "foobar")]


async def test_class_default_with_subclass_that_skips_init() -> None:
    class NoConstructor(EventEmitter):
        def __init__(self) -> None:
            pass

    EventEmitter.capture_rejections = True
    got: list[Any] = []
    err = ValueError("kaboom")
    async with open_loop():
        ee = NoConstructor()

        async def fails() -> None:
            raise err

        ee.on("something", fails)
        ee.on("error", got.append)
        EventEmitter.capture_rejections = False
        ee.emit("something")
    assert got == [err]


class FailingAwaitable:
    """Node's "thenable": an object that is awaitable without being a coroutine."""

    def __init__(self, err: BaseException, *, at_once: bool) -> None:
        self.err = err
        self.at_once = at_once

    def __await__(self) -> Any:
        if not self.at_once:
            yield from trio.sleep(0).__await__()
        raise self.err


@pytest.mark.parametrize("at_once", [False, True])
async def test_thenable_failures_are_captured(at_once: bool) -> None:
    got: list[Any] = []
    err = ValueError("kaboom")
    async with open_loop():
        ee = EventEmitter(capture_rejections=True)
        ee.on("something", lambda value=None: FailingAwaitable(err, at_once=at_once))
        ee.on("error", got.append)
        ee.emit("something")
    assert got == [err]


async def test_avoid_loop_on_rejection_of_capture_method() -> None:
    got: list[Any] = []
    err1, err2 = ValueError("kaboom"), ValueError("kaboom2")
    async with open_loop() as loop:
        loop.on("unhandledRejection", lambda reason, promise: got.append(reason))
        ee = EventEmitter(capture_rejections=True)

        async def fails() -> None:
            raise err1

        async def capture(err: BaseException, *rest: Any) -> None:
            assert err is err1
            raise err2

        ee.on("something", fails)
        setattr(ee, capture_rejection_symbol, capture)
        ee.emit("something")
    assert got == [err2]


async def test_avoid_loop_on_error_listener_rejection() -> None:
    got: list[Any] = []
    calls: list[Any] = []
    err1, err2 = ValueError("kaboom"), ValueError("kaboom2")
    async with open_loop() as loop:
        loop.on("unhandledRejection", lambda reason, promise: got.append(reason))
        ee = EventEmitter(capture_rejections=True)

        async def fails() -> None:
            raise err1

        async def error_listener(err: BaseException) -> None:
            calls.append(err)
            raise err2

        ee.on("something", fails)
        ee.on("error", error_listener)
        ee.emit("something")
    assert calls == [err1]
    assert got == [err2]


async def test_sync_error_listener_that_raises_is_uncaught_and_capture_is_restored() -> None:
    # resetCaptureOnThrowInError
    uncaught: list[Any] = []
    second: list[Any] = []
    async with open_loop() as loop:
        loop.on("uncaughtException", lambda err, origin: uncaught.append((err, origin)))
        ee = EventEmitter(capture_rejections=True)

        async def fails() -> None:
            raise ValueError("kaboom")

        def rethrow(err: BaseException) -> None:
            raise err

        ee.on("something", fails)
        ee.once("error", rethrow)
        ee.emit("something")
        await trio.testing.wait_all_tasks_blocked()
        assert len(uncaught) == 1 and str(uncaught[0][0]) == "kaboom"
        assert uncaught[0][1] == "uncaughtException"

        err = ValueError("kaboom2")

        async def fails2() -> None:
            raise err

        ee.on("something2", fails2)
        ee.on("error", second.append)
        ee.emit("something2")
    assert second == [err]
    assert len(uncaught) == 1


async def test_error_monitor_sees_captured_rejections_first() -> None:
    order: list[str] = []
    async with open_loop():
        ee = EventEmitter(capture_rejections=True)

        async def fails() -> None:
            raise ValueError()

        ee.on("x", fails)
        ee.on("error", lambda e: order.append("error"))
        ee.on(error_monitor, lambda e: order.append("monitor"))
        ee.emit("x")
    assert order == ["monitor", "error"]


async def test_captured_rejection_without_error_listener_is_uncaught() -> None:
    uncaught: list[Any] = []
    err = ValueError("nobody listens")
    async with open_loop() as loop:
        loop.on("uncaughtException", lambda e, origin: uncaught.append(e))
        ee = EventEmitter(capture_rejections=True)

        async def fails() -> None:
            raise err

        ee.on("x", fails)
        ee.emit("x")
    assert uncaught == [err]


async def test_unhandled_rejection_with_no_listener_propagates_out_of_the_loop() -> None:
    err = ValueError("nothing handles this")
    ee = EventEmitter()

    async def fails() -> None:
        raise err

    ee.on("x", fails)
    with pytest.RaisesGroup(pytest.RaisesExc(ValueError, check=lambda e: e is err)):
        async with open_loop():
            ee.emit("x")


# Frames --------------------------------------------------------------------------------------


async def test_async_listener_runs_in_the_emitting_frame() -> None:
    seen: list[str] = []
    als: AsyncLocalStorage[str] = AsyncLocalStorage()
    async with open_loop():
        ee = EventEmitter()

        async def listener() -> None:
            await trio.sleep(0)
            seen.append(f"{request_id.get()} {als.get_store()}")

        ee.on("request", listener)
        token = request_id.set("req-1")
        try:
            als.run("store-1", ee.emit, "request")
        finally:
            request_id.reset(token)
        request_id.set("req-2")
        ee.emit("request")
        request_id.set("changed after emit")
    assert sorted(seen) == ["req-1 store-1", "req-2 None"]  # Trio runs tasks in any order


async def test_failure_is_routed_in_the_failed_listeners_frame() -> None:
    seen: list[str] = []
    async with open_loop():
        ee = EventEmitter(capture_rejections=True)

        async def fails() -> None:
            request_id.set("set by the failed listener")
            raise ValueError()

        ee.on("x", fails)
        ee.on("error", lambda err: seen.append(request_id.get()))
        request_id.set("emitter")
        ee.emit("x")
    assert seen == ["set by the failed listener"]


async def test_unhandled_rejection_listener_sees_the_listeners_frame() -> None:
    seen: list[str] = []
    als: AsyncLocalStorage[str] = AsyncLocalStorage()
    async with open_loop() as loop:
        loop.on("unhandledRejection", lambda reason, promise: seen.append(str(als.get_store())))
        ee = EventEmitter()

        async def fails() -> None:
            raise ValueError()

        ee.on("x", fails)
        als.run("request 7", ee.emit, "x")
    assert seen == ["request 7"]


async def test_loop_is_an_event_emitter() -> None:
    async with open_loop() as loop:
        assert isinstance(loop, EventEmitter)


async def test_emit_async_inside_a_loop_waits_in_its_own_nursery() -> None:
    done: list[str] = []
    async with open_loop():
        ee = EventEmitter()

        async def listener() -> None:
            await trio.sleep(0)
            done.append("listener")

        ee.on("x", listener)
        await ee.emit_async("x")
        assert done == ["listener"]
