"""``events.once`` and ``events.on``: Node's test-events-once.js and
test-events-on-async-iterator.js, ported, plus the Trio parts (cancel scopes as ``signal``).

Node's ``process.nextTick(() => ee.emit(...))`` becomes a task started in a nursery that emits
after the waiter is parked; AbortSignal cases become cancel-scope cases.
"""

from __future__ import annotations

import gc
from typing import Any

import pytest
import trio
import trio.testing

from trio_nodecompat import events
from trio_nodecompat.errors import ERR_INVALID_ARG_TYPE, ERR_UNHANDLED_ERROR
from trio_nodecompat.events import EventEmitter, EventIterator


async def emit_soon(ee: EventEmitter, *calls: tuple[Any, ...]) -> None:
    await trio.testing.wait_all_tasks_blocked()
    for call in calls:
        ee.emit(*call)


# test-events-once.js ----------------------------------------------------------------------------


async def test_once_an_event() -> None:
    ee = EventEmitter()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(emit_soon, ee, ("myevent", 42))
        [value] = await events.once(ee, "myevent")
    assert value == 42
    assert ee.listener_count("error") == 0
    assert ee.listener_count("myevent") == 0


async def test_once_with_two_args() -> None:
    ee = EventEmitter()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(emit_soon, ee, ("myevent", 42, 24))
        assert await events.once(ee, "myevent") == [42, 24]


async def test_once_catches_errors() -> None:
    ee = EventEmitter()
    expected = ValueError("kaboom")
    async with trio.open_nursery() as nursery:
        nursery.start_soon(emit_soon, ee, ("error", expected))
        with pytest.raises(ValueError) as info:
            await events.once(ee, "myevent")
    assert info.value is expected
    assert ee.listener_count("error") == 0
    assert ee.listener_count("myevent") == 0


async def test_once_stops_listening_after_catching_error() -> None:
    ee = EventEmitter()
    expected = ValueError("kaboom")
    async with trio.open_nursery() as nursery:
        nursery.start_soon(emit_soon, ee, ("error", expected), ("myevent", 42, 24))
        with pytest.raises(ValueError) as info:
            await events.once(ee, "myevent")
    assert info.value is expected
    assert ee.listener_count("error") == 0
    assert ee.listener_count("myevent") == 0


async def test_once_error_event() -> None:
    ee = EventEmitter()
    expected = ValueError("kaboom")
    result: list[Any] = []

    async def waiter() -> None:
        result.extend(await events.once(ee, "error"))

    async with trio.open_nursery() as nursery:
        nursery.start_soon(waiter)
        await trio.testing.wait_all_tasks_blocked()
        assert ee.listener_count("error") == 1  # only the waiter's, no extra error listener
        ee.emit("error", expected)
    assert result == [expected]
    assert ee.listener_count("error") == 0


async def test_once_non_exception_error_value() -> None:
    ee = EventEmitter()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(emit_soon, ee, ("error", "just a string"))
        with pytest.raises(ERR_UNHANDLED_ERROR) as info:
            await events.once(ee, "myevent")
    assert info.value.context == "just a string"


@pytest.mark.parametrize("bad", [object(), None, "emitter"])
async def test_once_invalid_emitter(bad: Any) -> None:
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        await events.once(bad, "myevent")


async def test_once_cancelled_by_scope_leaves_no_listener(
    autojump_clock: trio.testing.MockClock,
) -> None:
    # Node's abortSignalAfter / abortSignalRemoveListener, with a cancel scope as the signal.
    ee = EventEmitter()
    with trio.move_on_after(1) as scope:
        await events.once(ee, "test")
    assert scope.cancelled_caught
    assert ee.listeners("test") == []
    assert ee.listeners("error") == []


async def test_once_cancelled_before_start() -> None:
    # Node's abortSignalBefore: an already-aborted signal rejects at once.
    ee = EventEmitter()
    with trio.CancelScope() as scope:
        scope.cancel()
        await events.once(ee, "foo")
        raise AssertionError("not reached")  # pragma: no cover
    assert ee.event_names() == []


async def test_once_event_then_cancel() -> None:
    # Node's abortSignalAfterEvent: the event wins, the later cancel changes nothing.
    ee = EventEmitter()
    async with trio.open_nursery() as nursery:

        async def fire_then_cancel() -> None:
            await trio.testing.wait_all_tasks_blocked()
            ee.emit("foo")
            nursery.cancel_scope.cancel()

        nursery.start_soon(fire_then_cancel)
        with trio.CancelScope(shield=True):
            assert await events.once(ee, "foo") == []
    assert ee.event_names() == []


async def test_once_works_with_decorated_and_other_listeners() -> None:
    ee = EventEmitter()
    seen: list[Any] = []
    ee.on("foo", lambda *a: seen.append(a))
    async with trio.open_nursery() as nursery:
        nursery.start_soon(emit_soon, ee, ("foo", 1))
        assert await events.once(ee, "foo") == [1]
    assert seen == [(1,)]
    assert ee.listener_count("foo") == 1


# test-events-on-async-iterator.js ----------------------------------------------------------------


async def test_on_basic() -> None:
    ee = EventEmitter()
    expected = [["bar"], [42]]
    async with trio.open_nursery() as nursery:
        nursery.start_soon(emit_soon, ee, ("foo", "bar"), ("bar", 24), ("foo", 42))
        async with events.on(ee, "foo") as iterable:
            async for event in iterable:
                assert event == expected.pop(0)
                if not expected:
                    break
    assert ee.listener_count("foo") == 0
    assert ee.listener_count("error") == 0


async def test_on_break_without_context_manager_removes_listeners() -> None:
    ee = EventEmitter()
    ee.emit("x")  # nothing listens yet
    async with trio.open_nursery() as nursery:
        nursery.start_soon(emit_soon, ee, ("foo", 1), ("foo", 2))
        async for event in events.on(ee, "foo"):
            assert event == [1]
            break
    # The iterator was only referenced by the loop: CPython drops it at once.
    assert ee.listener_count("foo") == 0
    assert ee.listener_count("error") == 0


def test_on_invalid_arg_type() -> None:
    with pytest.raises(ERR_INVALID_ARG_TYPE) as info:
        events.on({}, "foo")  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)


async def test_on_error() -> None:
    ee = EventEmitter()
    err = ValueError("kaboom")
    looped = False
    async with trio.open_nursery() as nursery:
        nursery.start_soon(emit_soon, ee, ("error", err))
        with pytest.raises(ValueError) as info:
            async for _event in events.on(ee, "foo"):
                looped = True
    assert info.value is err
    assert not looped
    assert ee.event_names() == []


async def test_on_error_delayed_after_queued_events() -> None:
    ee = EventEmitter()
    err = ValueError("kaboom")
    expected = [[42]]
    it = events.on(ee, "foo")
    ee.emit("foo", 42)
    ee.emit("error", err)
    # The listeners are gone as soon as 'error' arrives, before the queue is drained.
    assert ee.listener_count("foo") == 0
    assert ee.listener_count("error") == 0
    with pytest.raises(ValueError) as info:
        async for event in it:
            assert event == expected.pop(0)
    assert info.value is err
    assert expected == []
    # After the error, the iterator is done.
    with pytest.raises(StopAsyncIteration):
        await it.__anext__()


async def test_on_throw_in_loop() -> None:
    ee = EventEmitter()
    err = ValueError("kaboom")
    async with trio.open_nursery() as nursery:
        nursery.start_soon(emit_soon, ee, ("foo", 42))
        with pytest.raises(ValueError):
            async with events.on(ee, "foo") as it:
                async for event in it:
                    assert event == [42]
                    raise err
    assert ee.listener_count("foo") == 0
    assert ee.listener_count("error") == 0


async def test_on_throw_in_loop_without_context_manager() -> None:
    ee = EventEmitter()

    async def consume() -> None:
        async for _event in events.on(ee, "foo"):
            raise KeyError("stop")

    async with trio.open_nursery() as nursery:
        nursery.start_soon(emit_soon, ee, ("foo", 42))
        with pytest.raises(KeyError):
            await consume()
    gc.collect()
    assert ee.event_names() == []


async def test_on_next_by_several_tasks_then_close() -> None:
    # Node's `next`: three pending next() calls, two events, then return().
    ee = EventEmitter()
    it = events.on(ee, "foo")
    results: dict[int, Any] = {}

    async def take(i: int) -> None:
        try:
            results[i] = await it.__anext__()
        except StopAsyncIteration:
            results[i] = "done"

    async with trio.open_nursery() as nursery:
        for i in range(3):
            nursery.start_soon(take, i)
            await trio.testing.wait_all_tasks_blocked()
        ee.emit("foo", "bar")
        ee.emit("foo", 42)
        await trio.testing.wait_all_tasks_blocked()
        await it.aclose()
    assert sorted(map(repr, results.values())) == sorted(map(repr, [["bar"], [42], "done"]))
    with pytest.raises(StopAsyncIteration):
        await it.__anext__()
    assert ee.event_names() == []


async def test_on_next_error_with_several_waiters() -> None:
    # Node's `nextError`: one waiter gets the error, the others see the end.
    ee = EventEmitter()
    it = events.on(ee, "foo")
    err = ValueError("kaboom")
    outcomes: list[Any] = []

    async def take() -> None:
        try:
            outcomes.append(await it.__anext__())
        except StopAsyncIteration:
            outcomes.append("done")
        except ValueError as exc:
            outcomes.append(exc)

    async with trio.open_nursery() as nursery:
        for _ in range(3):
            nursery.start_soon(take)
        await trio.testing.wait_all_tasks_blocked()
        ee.emit("error", err)
    assert outcomes.count("done") == 2
    assert err in outcomes
    assert ee.listeners("error") == []


async def test_on_error_listener_count() -> None:
    ee = EventEmitter()
    it = events.on(ee, "foo")
    assert ee.listener_count("error") == 1
    await it.aclose()
    assert ee.listener_count("error") == 0


async def test_on_abandoned_iterator_is_cleaned_up() -> None:
    ee = EventEmitter()
    events.on(ee, "foo")  # never iterated, dropped at once
    assert ee.event_names() == []


async def test_on_cancel_scope_before() -> None:
    # Node's abortableOnBefore: an aborted signal stops at once.
    ee = EventEmitter()
    with trio.CancelScope() as scope:
        scope.cancel()
        async with events.on(ee, "foo") as it:
            ee.emit("foo", 1)  # queued, but the first step is cancelled
            async for _ in it:
                raise AssertionError("not reached")  # pragma: no cover
    assert scope.cancelled_caught
    assert ee.event_names() == []


async def test_on_cancel_scope_after(autojump_clock: trio.testing.MockClock) -> None:
    # Node's abortableOnAfter: events keep coming until the signal aborts.
    ee = EventEmitter()
    got = 0

    async def ticker() -> None:
        while True:
            await trio.sleep(0.01)
            ee.emit("foo", "foo")

    async with trio.open_nursery() as nursery:
        nursery.start_soon(ticker)
        with trio.move_on_after(0.105):
            async for event in events.on(ee, "foo"):
                assert event == ["foo"]
                got += 1
        nursery.cancel_scope.cancel()
    assert got == 10
    assert ee.event_names() == []


async def test_on_break_then_cancel_is_quiet(autojump_clock: trio.testing.MockClock) -> None:
    # Node's abortableOnAfterDone: breaking after five, then aborting, raises nothing.
    ee = EventEmitter()
    count = 0
    async with trio.open_nursery() as nursery:

        async def ticker() -> None:
            while True:
                await trio.sleep(0.001)
                ee.emit("foo", "foo")

        nursery.start_soon(ticker)
        async with events.on(ee, "foo") as it:
            async for event in it:
                assert event[0] == "foo"
                count += 1
                if count == 5:
                    break
        nursery.cancel_scope.cancel()
    assert count == 5
    assert ee.event_names() == []


async def test_on_cancelled_wait_loses_no_queued_event() -> None:
    ee = EventEmitter()
    async with events.on(ee, "foo") as it:
        ee.emit("foo", 1)
        with trio.CancelScope() as scope:
            scope.cancel()
            await it.__anext__()
        assert await it.__anext__() == [1]


async def test_on_close_events_end_iteration() -> None:
    # Node's `close` option.
    ee = EventEmitter()
    got: list[Any] = []
    async with trio.open_nursery() as nursery:
        nursery.start_soon(emit_soon, ee, ("data", 1), ("data", 2), ("end",), ("data", 3))
        async for event in events.on(ee, "data", close=["end", "close"]):
            got.append(event)
    assert got == [[1], [2]]
    assert ee.event_names() == []


async def test_on_error_event_itself() -> None:
    ee = EventEmitter()
    err = ValueError()
    async with events.on(ee, "error") as it:
        assert ee.listener_count("error") == 1
        ee.emit("error", err)
        assert await it.__anext__() == [err]


async def test_on_non_exception_error() -> None:
    ee = EventEmitter()
    async with events.on(ee, "foo") as it:
        ee.emit("error", 42)
        with pytest.raises(ERR_UNHANDLED_ERROR) as info:
            await it.__anext__()
    assert info.value.context == 42


async def test_on_is_a_checkpoint_even_with_queued_events() -> None:
    ee = EventEmitter()
    async with events.on(ee, "foo") as it:
        ee.emit("foo", 1)
        with trio.testing.assert_checkpoints():
            await it.__anext__()


def test_iterator_type_is_exported() -> None:
    assert isinstance(events.on(EventEmitter(), "x"), EventIterator)


@pytest.mark.parametrize("bad", ["end", b"end", 42, None])
def test_on_close_must_be_a_collection(bad: Any) -> None:
    ee = EventEmitter()
    with pytest.raises(ERR_INVALID_ARG_TYPE) as info:
        events.on(ee, "data", close=bad)
    assert str(info.value).startswith('The "close" argument must be an instance of list, tuple')
    assert ee.event_names() == []


async def test_once_and_on_leave_no_listener_when_adding_one_raises() -> None:
    # A 'newListener' listener (or a leak warning turned error) can raise while once/on add
    # their second listener: the first one must not stay behind.
    ee = EventEmitter()

    def refuse_error_listeners(event: object, listener: object) -> None:
        if event == "error":
            raise RuntimeError("no error listeners here")

    ee.on("newListener", refuse_error_listeners)
    with pytest.raises(RuntimeError, match="no error listeners"):
        await events.once(ee, "data")
    assert ee.listener_count("data") == 0
    with pytest.raises(RuntimeError, match="no error listeners"):
        events.on(ee, "data")
    assert ee.listener_count("data") == 0
    assert ee.event_names() == ["newListener"]
