"""Failure routing: Node's 'unhandledRejection' / 'uncaughtException' rules, on the loop.

Node's behaviour, checked with ``node`` 20 (``tests/fixtures/loop/process_events.mjs``
prints it): a rejection goes to the 'unhandledRejection' listeners ``(reason, promise)``; with
none, or if one throws, it becomes an uncaught exception ('uncaughtExceptionMonitor', then
'uncaughtException' ``(err, origin)``); an 'uncaughtException' listener that throws, or no
listener at all, is fatal: here, the error propagates out of ``open_loop``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import trio
import trio.testing

from trio_nodecompat import Loop, open_loop
from trio_nodecompat.async_hooks import AsyncLocalStorage
from trio_nodecompat.timers import set_timeout

als: AsyncLocalStorage[object] = AsyncLocalStorage(name="failures")
FIXTURE = Path(__file__).parent / "fixtures" / "loop" / "process_events.json"


async def fail(message: str = "boom") -> None:
    await trio.sleep(0)
    raise ValueError(message)


def raise_now(message: str) -> None:
    raise ValueError(message)


async def test_rejection_goes_to_the_listener_with_the_failed_works_frame() -> None:
    seen: list[tuple[str, object, bool]] = []

    async with open_loop() as loop:

        def on_rejection(reason: BaseException, promise: trio.lowlevel.Task) -> None:
            seen.append((str(reason), als.get_store(), isinstance(promise, trio.lowlevel.Task)))

        loop.on("unhandledRejection", on_rejection)
        als.run(123, loop.spawn, fail, "boom")
        als.run(321, loop.spawn, fail, "boom2")
    assert sorted(seen, key=lambda s: s[0]) == [("boom", 123, True), ("boom2", 321, True)]


async def test_rejection_without_listener_is_an_uncaught_exception() -> None:
    seen = []
    async with open_loop() as loop:
        loop.on("uncaughtExceptionMonitor", lambda e, o: seen.append(("monitor", str(e), o)))
        loop.on("uncaughtException", lambda e, o: seen.append(("exc", str(e), o, als.get_store())))
        als.run("frame", loop.spawn, fail)
    assert seen == [
        ("monitor", "boom", "unhandledRejection"),
        ("exc", "boom", "unhandledRejection", "frame"),
    ]


async def test_failure_exception_kind_has_the_uncaught_exception_origin() -> None:
    seen = []
    async with open_loop() as loop:
        loop.on("unhandledRejection", lambda r, p: seen.append("wrong event"))
        loop.on("uncaughtException", lambda e, o: seen.append((str(e), o)))
        loop.spawn(fail, "cb", failure="exception")
    assert seen == [("cb", "uncaughtException")]


async def test_no_listener_propagates_out_of_open_loop_and_cancels_the_rest(
    autojump_clock: trio.testing.MockClock,
) -> None:
    cancelled = []

    async def long() -> None:
        try:
            await trio.sleep(100)
        except trio.Cancelled:
            cancelled.append(True)
            raise

    with pytest.raises(ExceptionGroup) as info:
        async with open_loop() as loop:
            loop.spawn(long)
            loop.spawn(fail)
            await trio.sleep(50)
            raise AssertionError("the body must be cancelled")
    assert [(type(e), str(e)) for e in info.value.exceptions] == [(ValueError, "boom")]
    assert cancelled == [True]
    assert trio.current_time() < 50


async def test_rejection_listener_that_raises_is_an_uncaught_exception() -> None:
    seen = []

    def bad_listener(reason: BaseException, promise: object) -> None:
        seen.append(("rej", str(reason)))
        raise RuntimeError("from rej listener")

    async with open_loop() as loop:
        loop.on("unhandledRejection", bad_listener)
        loop.on("uncaughtExceptionMonitor", lambda e, o: seen.append(("monitor", str(e), o)))
        loop.on("uncaughtException", lambda e, o: seen.append(("exc", str(e), o)))
        loop.spawn(fail)
    assert seen == [
        ("rej", "boom"),
        ("monitor", "from rej listener", "uncaughtException"),
        ("exc", "from rej listener", "uncaughtException"),
    ]


async def test_uncaught_exception_listener_that_raises_is_fatal() -> None:
    def bad(err: BaseException, origin: str) -> None:
        raise RuntimeError("from exc listener")

    with pytest.raises(ExceptionGroup) as info:
        async with open_loop() as loop:
            loop.on("uncaughtException", bad)
            loop.call_soon(raise_now, "cb")
    (err,) = info.value.exceptions
    assert isinstance(err, RuntimeError) and str(err) == "from exc listener"
    assert isinstance(err.__context__, ValueError)


async def test_callback_failure_is_an_uncaught_exception_in_its_frame() -> None:
    seen = []
    async with open_loop() as loop:
        loop.on("uncaughtException", lambda e, o: seen.append((str(e), o, als.get_store())))
        als.run("cb frame", loop.call_soon, raise_now, "cb")
    assert seen == [("cb", "uncaughtException", "cb frame")]


async def test_on_error_handles_in_the_works_frame_and_may_be_async() -> None:
    seen = []

    async def async_handler(err: BaseException) -> None:
        await trio.sleep(0)
        seen.append(("async", str(err), als.get_store()))

    async with open_loop() as loop:
        loop.on("unhandledRejection", lambda r, p: seen.append("must not be reported"))
        als.run(
            "f1",
            loop.spawn,
            fail,
            "e1",
            on_error=lambda err: seen.append(("sync", str(err), als.get_store())),
        )
        als.run("f2", loop.spawn, fail, "e2", on_error=async_handler)
    assert sorted(seen) == [("async", "e2", "f2"), ("sync", "e1", "f1")]


async def test_on_error_that_raises_is_an_uncaught_exception() -> None:
    seen = []

    def handler(err: BaseException) -> None:
        raise RuntimeError(f"handler saw {err}")

    async with open_loop() as loop:
        loop.on("uncaughtException", lambda e, o: seen.append((str(e), o)))
        loop.spawn(fail, on_error=handler)
    assert seen == [("handler saw boom", "uncaughtException")]


async def test_async_listener_of_unhandled_rejection_runs_on_the_loop() -> None:
    seen = []

    async def listener(reason: BaseException, promise: object) -> None:
        await trio.sleep(0)
        seen.append((str(reason), als.get_store()))

    async with open_loop() as loop:
        loop.on("unhandledRejection", listener)
        als.run("async listener", loop.spawn, fail)
    assert seen == [("boom", "async listener")]


async def test_cancellation_is_not_a_failure(autojump_clock: trio.testing.MockClock) -> None:
    seen = []
    with trio.move_on_after(1):
        async with open_loop() as loop:
            loop.on("unhandledRejection", lambda r, p: seen.append(r))
            loop.on("uncaughtException", lambda e, o: seen.append(e))
            loop.spawn(trio.sleep_forever)
    assert seen == []


async def test_base_exceptions_are_not_routed() -> None:
    class Stop(BaseException):
        pass

    async def stop() -> None:
        raise Stop

    seen = []
    with pytest.raises(BaseExceptionGroup) as info:
        async with open_loop() as loop:
            loop.on("unhandledRejection", lambda r, p: seen.append(r))
            loop.spawn(stop)
    assert isinstance(info.value.exceptions[0], Stop)
    assert seen == []


# ---------------------------------------------------------------------------------------------
# Ported: test/async-hooks/test-async-local-storage-errors.js. A callback that throws
# (err2) is an uncaught exception in the callback's frame; an async function that rejects
# inside run (err3) is an unhandled rejection in its frame; a rejection raised from inside a
# rejection listener with no rejection listener left (err4) is an uncaught exception with
# origin 'unhandledRejection', still in that frame.


async def test_async_local_storage_errors_port(autojump_clock: trio.testing.MockClock) -> None:
    callback_token = {"callbackToken": True}
    await_token = {"awaitToken": True}
    log: list[tuple[str, str, Any]] = []

    async with open_loop() as loop:

        def exception_monitor(err: BaseException, origin: str) -> None:
            log.append(("monitor", f"{err}:{origin}", als.get_store()))

        def on_uncaught(err: BaseException, origin: str) -> None:
            log.append(("uncaught", f"{err}:{origin}", als.get_store()))
            if str(err) == "err2":
                fire_err3()

        def fire_err2() -> None:
            raise ValueError("err2")

        def fire_err3() -> None:
            assert als.get_store() is callback_token

            def rejection_handler3(err: BaseException, promise: object) -> None:
                log.append(("rejection", str(err), als.get_store()))
                loop.off("unhandledRejection", rejection_handler3)
                fire_err4()

            loop.on("unhandledRejection", rejection_handler3)

            async def await_test() -> None:
                await trio.sleep(0)
                raise ValueError("err3")

            als.run(await_token, loop.spawn, await_test)

        def fire_err4() -> None:
            assert als.get_store() is await_token
            loop.spawn(fail, "err4")

        loop.on("uncaughtExceptionMonitor", exception_monitor)
        loop.on("uncaughtException", on_uncaught)
        try:
            als.run(callback_token, lambda: (set_timeout(fire_err2, 0), raise_now("err1")))
        except ValueError as e:
            assert str(e) == "err1"
            assert als.get_store() is None

    assert log == [
        ("monitor", "err2:uncaughtException", callback_token),
        ("uncaught", "err2:uncaughtException", callback_token),
        ("rejection", "err3", await_token),
        ("monitor", "err4:unhandledRejection", await_token),
        ("uncaught", "err4:unhandledRejection", await_token),
    ]


# ---------------------------------------------------------------------------------------------
# The same sequence of events as Node's (fixture generated by process_events.mjs)


def _node_events() -> list[list[str]]:
    return json.loads(FIXTURE.read_text())  # type: ignore[no-any-return]


async def test_event_sequence_matches_node() -> None:
    events: list[list[str]] = []

    async with open_loop() as loop:

        def on_rejection(reason: BaseException, promise: object) -> None:
            events.append(["unhandledRejection", str(reason)])
            if str(reason) == "throw-in-listener":
                raise RuntimeError("from rejection listener")

        loop.on("unhandledRejection", on_rejection)
        loop.on("uncaughtExceptionMonitor", lambda e, o: events.append(["monitor", str(e), o]))
        loop.on("uncaughtException", lambda e, o: events.append(["uncaughtException", str(e), o]))

        async def run_cases(loop: Loop) -> None:
            loop.spawn(fail, "plain")
            await trio.sleep(0.01)
            loop.spawn(fail, "throw-in-listener")
            await trio.sleep(0.01)
            loop.call_soon(raise_now, "callback")
            await trio.sleep(0.01)
            loop.remove_all_listeners("unhandledRejection")
            loop.spawn(fail, "no-rejection-listener")

        await run_cases(loop)
    assert events == _node_events()


# Work that runs in a frame of its own (an als.run / bind / snapshot coroutine) fails in that frame


async def test_rejection_of_framed_work_reports_in_its_own_frame(
    autojump_clock: trio.testing.MockClock,
) -> None:
    from trio_nodecompat.events import EventEmitter

    fixture = Path(__file__).parent / "fixtures" / "loop" / "framed_rejections.json"
    seen: list[list[object]] = []
    async with open_loop() as loop:
        loop.on(
            "unhandledRejection",
            lambda r, p: seen.append(["unhandled", str(r), als.get_store()]),
        )

        def start() -> None:
            # als.run(123, fail, ...) without await: the work runs in the 123 frame
            loop.spawn(als.run(123, fail, "run-direct"))
            set_timeout(lambda: als.run(7, fail, "run-in-timer"), 1)

        als.run("outer", start)
        await trio.sleep(0.01)
        bound = als.run(55, AsyncLocalStorage.bind, lambda: fail("bound-listener"))
        ee = EventEmitter()
        ee.on("x", bound)
        als.run("emitter-frame", ee.emit, "x")
        await trio.sleep(0.01)
        capturing = EventEmitter(capture_rejections=True)
        capturing.on("x", bound)
        capturing.on("error", lambda e: seen.append(["error", str(e), als.get_store()]))
        als.run("capturing-frame", capturing.emit, "x")
        await trio.sleep(0.01)
    assert seen == json.loads(fixture.read_text())


async def test_spawning_als_run_reports_in_the_run_frame() -> None:
    seen = []
    async with open_loop() as loop:
        loop.on("uncaughtException", lambda e, o: seen.append((str(e), o, als.get_store())))
        loop.spawn(als.run, "store", fail, "spawned-run")
    assert seen == [("spawned-run", "unhandledRejection", "store")]
