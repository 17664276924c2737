"""The loop: open_loop/run/current_loop, spawn and call_soon, contexts and lifetime."""

from __future__ import annotations

import contextvars
import gc
import traceback

import pytest
import trio
import trio.testing

import trio_nodecompat
from trio_nodecompat import Loop, current_loop, errors, open_loop
from trio_nodecompat._internal.current_loop import find_host, require_host
from trio_nodecompat._loop import LoopClosedError
from trio_nodecompat.async_hooks import AsyncLocalStorage
from trio_nodecompat.events import EventEmitter

als: AsyncLocalStorage[object] = AsyncLocalStorage(name="loop-tests")
var: contextvars.ContextVar[str] = contextvars.ContextVar("var", default="unset")


# ---------------------------------------------------------------------------------------------
# Finding the loop


async def test_current_loop_outside_raises_a_clear_error() -> None:
    with pytest.raises(errors.NoLoopError) as info:
        current_loop()
    assert "open_loop()" in str(info.value)
    assert "trio_nodecompat.run(main)" in str(info.value)
    assert find_host() is None


async def test_current_loop_is_the_innermost_and_is_the_host() -> None:
    async with open_loop() as outer:
        assert current_loop() is outer
        assert require_host("x") is outer
        async with open_loop() as inner:
            assert current_loop() is inner
        assert current_loop() is outer
    with pytest.raises(errors.NoLoopError):
        current_loop()


async def test_the_loop_is_an_event_emitter() -> None:
    async with open_loop() as loop:
        assert isinstance(loop, EventEmitter)
        seen = []
        loop.on("custom", seen.append)
        assert loop.emit("custom", 1) is True
        assert seen == [1]
        assert "open" in repr(loop)
    assert "closed" in repr(loop)


def test_run_returns_the_result_and_passes_args() -> None:
    async def main(a: int, b: int) -> tuple[int, bool]:
        return a + b, isinstance(current_loop(), Loop)

    assert trio_nodecompat.run(main, 1, 2) == (3, True)


def test_run_passes_trio_options_and_waits_for_background_work() -> None:
    clock = trio.testing.MockClock(autojump_threshold=0)
    done = []

    async def late() -> None:
        await trio.sleep(100)
        done.append(trio.current_time())

    async def main() -> str:
        current_loop().spawn(late)
        return "main done"

    assert trio_nodecompat.run(main, clock=clock) == "main done"
    assert done == [100]


def test_run_rejects_non_callables() -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        trio_nodecompat.run(42)  # type: ignore[arg-type]


def test_run_lets_mains_exception_out_bare() -> None:
    async def main() -> None:
        raise KeyError("main")

    with pytest.raises(KeyError):
        trio_nodecompat.run(main)


# ---------------------------------------------------------------------------------------------
# spawn


async def test_spawn_runs_work_in_the_scheduling_context(
    autojump_clock: trio.testing.MockClock,
) -> None:
    seen = []

    async def work(tag: str) -> None:
        await trio.sleep(1)
        seen.append((tag, als.get_store(), var.get()))
        var.set("set by work")

    async with open_loop() as loop:
        var.set("body")
        als.run("A", loop.spawn, work, "a")
        als.run("B", loop.spawn, work("b"))
        assert var.get() == "body"
    assert sorted(seen) == [("a", "A", "body"), ("b", "B", "body")]


async def test_spawn_with_an_explicit_context_runs_in_a_copy() -> None:
    ctx = als.run("captured", contextvars.copy_context)
    seen = []

    async def work() -> None:
        seen.append(als.get_store())
        var.set("inside")

    async with open_loop() as loop:
        loop.spawn(work, context=ctx)
        loop.spawn(work, context=ctx)
    assert seen == ["captured", "captured"]
    assert ctx.run(var.get) == "unset"


async def test_spawn_accepts_sync_callables_and_awaitables() -> None:
    seen = []

    class Awaitable:
        def __await__(self):  # type: ignore[no-untyped-def]
            yield from trio.lowlevel.checkpoint().__await__()
            seen.append("awaitable")

    async with open_loop() as loop:
        loop.spawn(seen.append, "sync")
        loop.spawn(Awaitable())
    assert sorted(seen) == ["awaitable", "sync"]


@pytest.mark.parametrize("work", [1, None, "coro"])
async def test_spawn_rejects_what_is_not_work(work: object) -> None:
    async with open_loop() as loop:
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            loop.spawn(work)  # type: ignore[arg-type]
        assert "work" in str(info.value)


async def test_spawn_rejects_bad_options_and_closes_the_coroutine() -> None:
    ran = []

    async def work() -> None:
        ran.append(True)

    async with open_loop() as loop:
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
            loop.spawn(work(), on_error=5)  # type: ignore[arg-type]
        with pytest.raises(errors.ERR_INVALID_ARG_VALUE):
            loop.spawn(work(), failure="sometimes")  # type: ignore[arg-type]
    gc.collect()  # an unclosed coroutine would warn "never awaited", an error under -W error
    assert ran == []


async def test_each_piece_of_work_gets_its_own_copy() -> None:
    seen = []

    async def setter() -> None:
        var.set("leaked?")
        await trio.sleep(0)

    async def reader() -> None:
        await trio.sleep(0)
        await trio.sleep(0)
        seen.append(var.get())

    async with open_loop() as loop:
        loop.spawn(setter)
        loop.spawn(reader)
    assert seen == ["unset"]
    assert var.get() == "unset"


# ---------------------------------------------------------------------------------------------
# Lifetime


async def test_leaving_waits_for_referenced_work(autojump_clock: trio.testing.MockClock) -> None:
    done = []

    async def chain(n: int) -> None:
        await trio.sleep(1)
        done.append(n)
        if n < 3:
            current_loop().spawn(chain, n + 1)

    start = trio.current_time()
    async with open_loop() as loop:
        loop.spawn(chain, 1)
    assert done == [1, 2, 3]
    assert trio.current_time() - start == 3


async def test_body_exception_cancels_pending_work_and_comes_out_bare(
    autojump_clock: trio.testing.MockClock,
) -> None:
    finished = []
    cancelled = []

    async def slow() -> None:
        try:
            await trio.sleep(10)
            finished.append(True)
        except trio.Cancelled:
            cancelled.append(als.get_store())
            raise

    with pytest.raises(ValueError, match="body"):
        async with open_loop() as loop:
            als.run("w", loop.spawn, slow)
            await trio.sleep(1)
            raise ValueError("body")
    assert finished == []
    assert cancelled == ["w"]


async def test_work_arriving_while_the_loop_is_torn_down_cannot_keep_it_open() -> None:
    # A task outside the loop keeps spawning work into it. Once the body has raised (or the
    # loop was cancelled), new work is cancelled on arrival, so the loop's nursery can empty
    # and the body's exception comes out while the spawner is still going; then the loop is
    # closed and the spawner is told so.
    spawned = 0
    started_after_raise = 0
    raised = False
    exited_at: int | None = None

    async def work(spawned_after_raise: bool) -> None:
        nonlocal started_after_raise
        started_after_raise += spawned_after_raise
        await trio.sleep(0)

    async def spawner(loop: Loop) -> None:
        nonlocal spawned
        for _ in range(500):
            await trio.lowlevel.checkpoint()
            try:
                loop.spawn(work(raised))
            except LoopClosedError:
                return
            spawned += 1

    async with trio.open_nursery() as nursery:
        with pytest.raises(KeyError, match="body"):
            async with open_loop() as loop:
                nursery.start_soon(spawner, loop)
                for _ in range(20):
                    await trio.lowlevel.checkpoint()
                raised = True
                raise KeyError("body")
        exited_at = spawned
    assert exited_at is not None and exited_at < 500
    assert spawned < 500  # it was told the loop closed
    assert started_after_raise == 0
    gc.collect()


async def test_outer_cancellation_cancels_the_loop(autojump_clock: trio.testing.MockClock) -> None:
    with trio.move_on_after(5) as scope:
        async with open_loop() as loop:
            loop.spawn(trio.sleep_forever)
    assert scope.cancelled_caught


async def test_scheduling_on_a_closed_loop_raises_and_closes_the_coroutine() -> None:
    async def work() -> None:
        raise AssertionError("must not run")

    async with open_loop() as loop:
        pass
    with pytest.raises(LoopClosedError) as info:
        loop.spawn(work())
    assert isinstance(info.value, errors.NoLoopError)
    assert "not open" in str(info.value)
    with pytest.raises(LoopClosedError):
        loop.call_soon(print)
    gc.collect()


# ---------------------------------------------------------------------------------------------
# call_soon


async def test_call_soon_runs_in_order_in_the_captured_context() -> None:
    seen = []

    def record(tag: str) -> None:
        seen.append((tag, als.get_store()))
        var.set("set in callback")

    async with open_loop() as loop:
        for i in range(5):
            als.run(i, loop.call_soon, record, f"t{i}")
        assert seen == []
    assert seen == [(f"t{i}", i) for i in range(5)]
    assert var.get() == "unset"


async def test_call_soon_with_explicit_context_and_nested_calls() -> None:
    ctx = als.run("ctx", contextvars.copy_context)
    seen = []

    async with open_loop() as loop:

        def first() -> None:
            seen.append(("first", als.get_store()))
            loop.call_soon(lambda: seen.append(("nested", als.get_store())))

        loop.call_soon(first, context=ctx)
    assert seen == [("first", "ctx"), ("nested", "ctx")]


async def test_call_soon_rejects_non_callables() -> None:
    async with open_loop() as loop:
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
            loop.call_soon(3)  # type: ignore[arg-type]


async def test_call_soon_with_an_async_callback_spawns_it() -> None:
    seen = []

    async def later() -> None:
        await trio.sleep(0)
        seen.append(als.get_store())

    async with open_loop() as loop:
        als.run("async cb", loop.call_soon, later)
    assert seen == ["async cb"]


# ---------------------------------------------------------------------------------------------
# Threads


async def test_spawn_and_call_soon_from_a_worker_thread() -> None:
    seen = []

    async def work(tag: str) -> None:
        await trio.sleep(0)
        seen.append((tag, als.get_store(), trio.lowlevel.current_task() is not None))

    async with open_loop() as loop:

        def in_thread() -> None:
            loop.spawn(work, "spawned")
            loop.call_soon(lambda: seen.append(("called", als.get_store(), True)))

        await als.run("thread frame", trio.to_thread.run_sync, in_thread)
    assert sorted(seen) == [("called", "thread frame", True), ("spawned", "thread frame", True)]


async def test_handoffs_from_threads_hold_the_loop_open() -> None:
    seen = []
    release = trio.Event()
    token = trio.lowlevel.current_trio_token()

    async with trio.open_nursery() as nursery:
        async with open_loop() as loop:

            def in_thread() -> None:
                trio.from_thread.run_sync(release.set, trio_token=token)
                for i in range(20):
                    loop.call_soon(seen.append, i)

            nursery.start_soon(trio.to_thread.run_sync, in_thread)
            await release.wait()
            loop.spawn(trio.sleep, 0.01)
    assert seen == list(range(20))


async def test_thread_handoff_after_close_raises() -> None:
    async with open_loop() as loop:
        pass

    async def work() -> None:
        raise AssertionError("must not run")

    def in_thread() -> None:
        with pytest.raises(LoopClosedError):
            loop.spawn(work())
        with pytest.raises(LoopClosedError):
            loop.call_soon(print)

    await trio.to_thread.run_sync(in_thread)
    gc.collect()


# ---------------------------------------------------------------------------------------------
# The pytest fixture


async def test_fixture_gives_a_loop(nodecompat_loop: Loop) -> None:
    assert current_loop() is nodecompat_loop
    seen: list[int] = []
    nodecompat_loop.call_soon(seen.append, 1)
    await trio.sleep(0.001)
    assert seen == [1]


async def test_work_with_a_foreign_context_still_sees_its_loop() -> None:
    outside = als.run("outside", contextvars.copy_context)  # captured before any loop
    seen = []

    async def work() -> None:
        seen.append(("work", als.get_store(), current_loop() is loop))

    def callback() -> None:
        seen.append(("callback", als.get_store(), current_loop() is loop))

    async with open_loop() as loop:
        loop.spawn(work, context=outside)
        loop.call_soon(callback, context=outside)
    assert sorted(seen) == [("callback", "outside", True), ("work", "outside", True)]
    assert find_host() is None


async def test_refused_framed_coroutine_is_closed_too() -> None:
    async def work() -> None:
        raise AssertionError("must not run")

    async with open_loop() as loop:
        pass
    with pytest.raises(LoopClosedError):
        loop.spawn(als.run("s", work))
    gc.collect()


async def test_body_exception_keeps_its_cause_and_traceback() -> None:
    def inner() -> None:
        raise ValueError("body")

    with pytest.raises(ValueError) as info:
        async with open_loop():
            try:
                raise KeyError("cause")
            except KeyError as cause:
                try:
                    inner()
                except ValueError as exc:
                    raise exc from cause
    err = info.value
    assert isinstance(err.__cause__, KeyError)
    assert err.__suppress_context__ is True
    assert any(frame.name == "inner" for frame in traceback.extract_tb(err.__traceback__))
