"""diagnostics_channel on Trio: what Node's tests cannot say.

Stores following traced work into tasks, threads and loop callbacks; cancellation; where a
subscriber's error goes with and without a loop (and from a worker thread); weak holding;
the class swap; bad input and its codes; the Python-only choices (symbol names, handler
keys, context objects).
"""

from __future__ import annotations

import enum
import gc
import threading
import types
import weakref
from collections.abc import Callable
from typing import Any

import pytest
import trio

from trio_nodecompat import AsyncLocalStorage, EventEmitter, errors, open_loop
from trio_nodecompat import diagnostics_channel as dc
from trio_nodecompat._diagnostics_channel import _ACTIVE, _CHANNELS
from trio_nodecompat.timers import set_immediate, set_timeout

_n = 0


def fresh() -> str:
    global _n
    _n += 1
    return f"py-test-{_n}"


def recorder(log: list[Any], store: AsyncLocalStorage[Any] | None = None) -> dict[str, Any]:
    def make(event: str) -> Callable[[Any, Any], None]:
        def handler(ctx: Any, name: Any) -> None:
            log.append((event, dict(ctx), store.get_store() if store else None))

        return handler

    return {e: make(e) for e in ("start", "end", "async_start", "async_end", "error")}


# ------------------------------------------------------------------------------------------
# Channels: identity, weak holding, the class swap


def test_same_object_per_name_while_it_lives() -> None:
    name = fresh()
    ch = dc.channel(name)
    assert dc.channel(name) is ch
    assert dc.Channel(name) is ch
    ref = weakref.ref(ch)
    del ch
    gc.collect()
    assert ref() is None
    assert name not in _CHANNELS
    assert dc.channel(name) is not None  # a new one


def test_active_channel_is_held_strongly_until_inactive() -> None:
    name = fresh()
    calls = []

    def sub(m: Any, n: Any) -> None:
        calls.append(m)

    dc.subscribe(name, sub)  # nobody else holds the channel
    gc.collect()
    dc.channel(name).publish(1)
    assert calls == [1]
    ref = weakref.ref(dc.channel(name))
    assert dc.unsubscribe(name, sub)
    gc.collect()
    assert ref() is None


def test_bound_store_keeps_channel_alive() -> None:
    name = fresh()
    als: AsyncLocalStorage[Any] = AsyncLocalStorage()
    dc.channel(name).bind_store(als)
    gc.collect()
    ch = dc.channel(name)
    assert ch.has_subscribers
    assert ch.run_stores("v", als.get_store) == "v"
    assert ch.unbind_store(als)
    assert not ch.has_subscribers
    assert ch not in _ACTIVE


def test_class_swap_keeps_isinstance_and_state() -> None:
    ch = dc.channel(fresh())
    assert type(ch) is dc.Channel
    subs = [lambda m, n: None for _ in range(3)]
    ch.subscribe(subs[0])
    assert isinstance(ch, dc.Channel) and ch.has_subscribers
    ch.subscribe(subs[1])
    ch.subscribe(subs[2])
    for s in subs:
        assert ch.unsubscribe(s)
    assert type(ch) is dc.Channel and not ch.has_subscribers


def test_unsubscribe_bound_method_by_equality() -> None:
    class Listener:
        def __init__(self) -> None:
            self.seen: list[Any] = []

        def on(self, message: Any, name: Any) -> None:
            self.seen.append(message)

    listener = Listener()
    ch = dc.channel(fresh())
    ch.subscribe(listener.on)
    ch.publish(1)
    assert ch.unsubscribe(listener.on)  # a new bound-method object, equal to the first
    ch.publish(2)
    assert listener.seen == [1]


def test_subscribe_from_many_threads_loses_nothing() -> None:
    ch = dc.channel(fresh())
    count = []

    def sub(m: Any, n: Any) -> None:
        count.append(1)

    def work() -> None:
        for _ in range(200):
            ch.subscribe(sub)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ch.publish(None)
    assert len(count) == 800
    while ch.unsubscribe(sub):
        pass
    assert not ch.has_subscribers


def test_publish_racing_the_last_unsubscribe_raises_nothing() -> None:
    # A publish in one thread resolves ``publish`` on the one-subscriber class; another
    # thread unsubscribes before its body reads the subscribers. Replayed deterministically:
    # the bound method is taken first, then the unsubscribe happens, then the call. It used
    # to index an empty tuple and report a spurious IndexError (an uncaught exception that
    # ends the loop; outside a loop, raised at the publisher).
    ch = dc.channel(fresh())
    seen: list[Any] = []

    def sub(m: Any, n: Any) -> None:
        seen.append(m)

    ch.subscribe(sub)
    publish = ch.publish
    ch.unsubscribe(sub)
    publish("late")  # raises nothing; the subscriber gone may or may not see it
    assert seen in ([], ["late"])
    assert not ch.has_subscribers
    # ... and the channel keeps no reference to the subscriber it no longer has.
    ref = weakref.ref(sub)
    del sub, publish
    gc.collect()
    assert ref() is None


def test_run_stores_async_fn_runs_whole_coroutine_in_frame() -> None:
    ch = dc.channel(fresh())
    als: AsyncLocalStorage[Any] = AsyncLocalStorage()
    ch.bind_store(als, lambda d: {"span": d})
    seen = []

    async def work(x: int) -> int:
        seen.append(als.get_store())
        await trio.sleep(0)
        seen.append(als.get_store())
        return x * 2

    async def main() -> None:
        assert await ch.run_stores("s", work, 21) == 42
        assert als.get_store() is None

    trio.run(main)
    assert seen == [{"span": "s"}, {"span": "s"}]
    ch.unbind_store(als)


# ------------------------------------------------------------------------------------------
# Subscriber errors: next tick on a loop; raised without one; from a thread


async def test_subscriber_error_is_uncaught_in_publishers_frame() -> None:
    als: AsyncLocalStorage[str] = AsyncLocalStorage()
    got = []
    ch = dc.channel(fresh())

    def failing(m: Any, n: Any) -> None:
        raise KeyError(m)

    ch.subscribe(failing)
    async with open_loop() as loop:
        loop.on("uncaughtException", lambda err, origin: got.append((err, origin, als.get_store())))
        als.run("publisher", ch.publish, "k")
    assert len(got) == 1
    err, origin, store = got[0]
    assert isinstance(err, KeyError) and origin == "uncaughtException" and store == "publisher"


async def test_subscriber_error_without_listener_fails_the_loop() -> None:
    ch = dc.channel(fresh())
    boom = ValueError("boom")

    def failing(m: Any, n: Any) -> None:
        raise boom

    ch.subscribe(failing)
    with pytest.raises(ExceptionGroup) as info:
        async with open_loop():
            ch.publish(None)
            await trio.sleep(1)
    assert info.value.exceptions == (boom,)


def test_no_loop_publish_raises_after_calling_everyone() -> None:
    ch = dc.channel(fresh())
    calls = []
    first = ValueError("first")

    def failing(m: Any, n: Any) -> None:
        raise first

    ch.subscribe(failing)
    ch.subscribe(lambda m, n: calls.append(m))
    with pytest.raises(ValueError) as info:
        ch.publish("m")
    assert info.value is first
    assert calls == ["m"]


def test_no_loop_several_errors_raise_a_group() -> None:
    ch = dc.channel(fresh())
    errs = [ValueError("a"), KeyError("b")]
    for e in errs:
        ch.subscribe(lambda m, n, e=e: (_ for _ in ()).throw(e))
    with pytest.raises(ExceptionGroup) as info:
        ch.publish(None)
    assert list(info.value.exceptions) == errs


def test_no_loop_transform_error_raises() -> None:
    ch = dc.channel(fresh())
    als: AsyncLocalStorage[Any] = AsyncLocalStorage()

    def bad(d: Any) -> Any:
        raise RuntimeError("transform")

    ch.bind_store(als, bad)
    ran = []
    with pytest.raises(RuntimeError, match="transform"):
        ch.run_stores(1, lambda: ran.append(1))
    assert ran == []
    ch.unbind_store(als)


async def test_subscriber_error_in_worker_thread_reaches_loop() -> None:
    ch = dc.channel(fresh())

    def failing(m: Any, n: Any) -> None:
        raise LookupError(threading.current_thread().name)

    ch.subscribe(failing)
    got: list[BaseException] = []
    async with open_loop() as loop:
        loop.on("uncaughtException", lambda err, origin: got.append(err))
        await trio.to_thread.run_sync(ch.publish, None)
    assert len(got) == 1 and isinstance(got[0], LookupError)
    assert got[0].args[0] != threading.current_thread().name


async def test_async_subscriber_runs_on_loop() -> None:
    ch = dc.channel(fresh())
    seen = []

    async def sub(m: Any, n: Any) -> None:
        await trio.sleep(0)
        seen.append(m)

    ch.subscribe(sub)
    async with open_loop():
        ch.publish("async")
        assert seen == []
    assert seen == ["async"]


def test_async_subscriber_without_loop_is_refused_not_leaked() -> None:
    ch = dc.channel(fresh())

    async def sub(m: Any, n: Any) -> None:
        pass

    ch.subscribe(sub)
    with pytest.raises(errors.NoLoopError):
        ch.publish(None)  # the coroutine is closed: no "never awaited" warning (-W error)


# ------------------------------------------------------------------------------------------
# Tracing: stores follow the work; cancellation; Python order; context objects


async def test_start_store_follows_tasks_threads_and_loop_callbacks() -> None:
    als: AsyncLocalStorage[Any] = AsyncLocalStorage()
    tc = dc.tracing_channel(fresh())
    tc.start.bind_store(als, lambda ctx: f"span-{ctx['id']}")
    seen: dict[str, Any] = {}
    emitter = EventEmitter()
    emitter.on("sync", lambda: seen.__setitem__("emit sync", als.get_store()))

    async def on_async() -> None:
        seen["emit async"] = als.get_store()

    emitter.on("async", on_async)

    async def child() -> None:
        await trio.sleep(0)
        seen["task"] = als.get_store()

    async def traced() -> None:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(child)
        seen["thread"] = await trio.to_thread.run_sync(als.get_store)
        set_timeout(lambda: seen.__setitem__("timer", als.get_store()), 5)
        set_immediate(lambda: seen.__setitem__("immediate", als.get_store()))
        set_immediate(emitter.emit, "sync")
        emitter.emit("async")

    async with open_loop():
        await tc.trace_promise(traced, {"id": 1})
        assert als.get_store() is None
    assert seen == {
        "task": "span-1",
        "thread": "span-1",
        "timer": "span-1",
        "immediate": "span-1",
        "emit sync": "span-1",
        "emit async": "span-1",
    }
    tc.start.unbind_store(als)


async def test_start_store_follows_sync_and_callback_traced_work() -> None:
    als: AsyncLocalStorage[Any] = AsyncLocalStorage()
    tc = dc.tracing_channel(fresh())
    tc.start.bind_store(als, lambda ctx: ctx["id"])
    seen: list[Any] = []
    emitter = EventEmitter()

    async def on_async(tag: str) -> None:
        await trio.sleep(0)
        seen.append((tag, "async listener", als.get_store()))

    emitter.on("go", on_async)

    def schedule(tag: str) -> None:
        set_timeout(lambda: seen.append((tag, "timer", als.get_store())), 1)
        emitter.emit("go", tag)

    def with_callback(tag: str, cb: Callable[..., Any]) -> None:
        schedule(tag)
        set_immediate(cb, None, tag)

    async with open_loop():
        tc.trace_sync(schedule, {"id": "sync"}, "sync")
        tc.trace_callback(
            with_callback,
            -1,
            {"id": "cb"},
            "cb",
            lambda err, res: seen.append((res, "callback", als.get_store())),
        )
        assert als.get_store() is None
    assert sorted(seen) == [
        ("cb", "async listener", "cb"),
        ("cb", "callback", "cb"),  # called from an immediate scheduled in the start frame
        ("cb", "timer", "cb"),
        ("sync", "async listener", "sync"),
        ("sync", "timer", "sync"),
    ]
    tc.start.unbind_store(als)


def test_no_loop_failing_end_subscriber_closes_the_coroutine() -> None:
    tc = dc.tracing_channel(fresh())

    def failing(ctx: Any, name: Any) -> None:
        raise RuntimeError("end subscriber")

    handlers = {"end": failing}
    tc.subscribe(handlers)

    async def body() -> None:
        raise AssertionError("never runs")

    with pytest.raises(RuntimeError, match="end subscriber"):
        tc.trace_promise(body)
    gc.collect()  # an unawaited coroutine would warn here, an error under -W error
    tc.unsubscribe(handlers)


async def test_concurrent_traces_keep_their_own_store() -> None:
    als: AsyncLocalStorage[Any] = AsyncLocalStorage()
    tc = dc.tracing_channel(fresh())
    tc.start.bind_store(als, lambda ctx: ctx["id"])
    seen = []

    async def handle(delay: float) -> None:
        mine = als.get_store()
        await trio.sleep(delay)
        seen.append((mine, als.get_store()))

    async with trio.open_nursery() as nursery:
        for i, delay in enumerate([0.03, 0.01, 0.02]):
            nursery.start_soon(tc.trace_promise, handle, {"id": i}, delay)
    assert sorted(seen) == [(0, 0), (1, 1), (2, 2)]
    tc.start.unbind_store(als)


async def test_cancellation_is_not_an_error() -> None:
    log: list[Any] = []
    tc = dc.tracing_channel(fresh())
    handlers = recorder(log)
    tc.subscribe(handlers)

    async def forever() -> None:
        await trio.sleep_forever()

    with trio.move_on_after(0.01) as scope:
        await tc.trace_promise(forever, {"id": "c"})
    assert scope.cancelled_caught
    assert [e for e, _, _ in log] == ["start", "end", "async_start", "async_end"]
    assert log[-1][1] == {"id": "c"}  # neither result nor error
    tc.unsubscribe(handlers)


async def test_trace_promise_body_starts_when_awaited() -> None:
    log: list[Any] = []
    tc = dc.tracing_channel(fresh())
    handlers = recorder(log)
    tc.subscribe(handlers)

    async def body() -> int:
        log.append(("body", {}, None))
        return 1

    awaitable = tc.trace_promise(body)
    log.append(("returned", {}, None))
    assert await awaitable == 1
    assert [e for e, _, _ in log] == [
        "start",
        "end",
        "returned",
        "body",
        "async_start",
        "async_end",
    ]
    tc.unsubscribe(handlers)


async def test_trace_promise_without_subscribers_is_the_plain_coroutine() -> None:
    tc = dc.tracing_channel(fresh())

    async def body() -> str:
        return "plain"

    awaitable = tc.trace_promise(body)
    assert type(awaitable) is types.CoroutineType
    assert await awaitable == "plain"


async def test_exception_group_from_nursery_is_an_error_event() -> None:
    log: list[Any] = []
    tc = dc.tracing_channel(fresh())
    handlers = recorder(log)
    tc.subscribe(handlers)

    async def failing_child() -> None:
        raise ValueError("child")

    async def body() -> None:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(failing_child)

    with pytest.raises(ExceptionGroup):
        await tc.trace_promise(body)
    assert [e for e, _, _ in log] == ["start", "end", "error", "async_start", "async_end"]
    assert isinstance(log[2][1]["error"], ExceptionGroup)
    tc.unsubscribe(handlers)


def test_context_object_with_attributes() -> None:
    log: list[Any] = []
    tc = dc.tracing_channel(fresh())
    handlers = {"end": lambda ctx, n: log.append(ctx)}
    tc.subscribe(handlers)
    ctx = types.SimpleNamespace(id=5)
    assert tc.trace_sync(lambda: "r", ctx) == "r"
    assert log == [ctx] and ctx.result == "r"
    tc.unsubscribe(handlers)


@pytest.mark.parametrize("bad", [5, "text", (1,), b"x"])
def test_context_that_cannot_take_fields_is_refused(bad: Any) -> None:
    tc = dc.tracing_channel(fresh())
    for active in (False, True):
        handlers = {"start": lambda c, n: None}
        if active:
            tc.subscribe(handlers)
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match='"context"'):
            tc.trace_sync(lambda: None, bad)
        if active:
            tc.unsubscribe(handlers)


def test_trace_callback_returns_callbacks_result_and_handles_kwargs_free_calls() -> None:
    tc = dc.tracing_channel(fresh())
    handlers = {"async_end": lambda c, n: None}
    tc.subscribe(handlers)
    got = []

    def fn(cb: Callable[..., Any]) -> Any:
        got.append(cb(None, 3))
        return "fn"

    assert tc.trace_callback(fn, 0, None, lambda err, res: res * 2) == "fn"
    assert got == [6]
    tc.unsubscribe(handlers)


def test_trace_callback_without_subscribers_is_unchecked() -> None:
    tc = dc.tracing_channel(fresh())
    assert tc.trace_callback(lambda a, b: a + b, 0, None, 1, 2) == 3


def test_tracing_channel_follows_channels_activity() -> None:
    name = fresh()
    tc = dc.tracing_channel(name)
    assert not tc.has_subscribers
    dc.subscribe(f"tracing:{name}:asyncEnd", print)  # directly on the channel
    assert tc.has_subscribers
    assert dc.tracing_channel(name).has_subscribers  # a second one sees it at creation
    dc.unsubscribe(f"tracing:{name}:asyncEnd", print)
    assert not tc.has_subscribers


def test_tracing_channel_from_tracing_channel_and_snake_case_keys() -> None:
    tc = dc.tracing_channel(fresh())
    copy = dc.tracing_channel(tc)
    assert copy.async_end is tc.async_end
    by_keys = dc.tracing_channel(
        {
            "start": tc.start,
            "end": tc.end,
            "async_start": tc.async_start,
            "async_end": tc.async_end,
            "error": tc.error,
        }
    )
    assert by_keys.error is tc.error
    with pytest.raises(AttributeError):
        tc.start = tc.end  # type: ignore[misc]


# ------------------------------------------------------------------------------------------
# Names and bad input


class Color(enum.Enum):
    RED = 1


class Sentinel:
    pass


@pytest.mark.parametrize("name", ["plain", object(), Sentinel(), Color.RED])
def test_symbol_like_names(name: Any) -> None:
    ch = dc.channel(name)
    assert ch.name is name and dc.channel(name) is ch


@pytest.mark.parametrize("name", [None, 1, 1.5, True, b"x", (1,), frozenset(), [1], {}])
def test_bad_channel_names(name: Any) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        dc.channel(name)
    assert str(info.value).startswith('The "channel" argument must be one of type string or symbol')
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        dc.subscribe(name, print)
    assert dc.has_subscribers(name) is False  # as Node: never raises


@pytest.mark.parametrize("bad", [None, 1, "f"])
def test_non_callable_subscriber(bad: Any) -> None:
    ch = dc.channel(fresh())
    with pytest.raises(
        errors.ERR_INVALID_ARG_TYPE, match='"subscription" argument must be of type function'
    ):
        ch.subscribe(bad)
    assert not ch.has_subscribers


def test_bind_store_bad_input() -> None:
    ch = dc.channel(fresh())
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match="AsyncLocalStorage"):
        ch.bind_store(1)  # type: ignore[arg-type]
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match='"transform"'):
        ch.bind_store(AsyncLocalStorage(), 5)  # type: ignore[arg-type]
    assert not ch.has_subscribers


@pytest.mark.parametrize(
    ("handlers", "error", "match"),
    [
        (None, errors.ERR_INVALID_ARG_TYPE, '"handlers"'),
        ([("start", print)], errors.ERR_INVALID_ARG_TYPE, '"handlers"'),
        ({"start": print, "end": 5}, errors.ERR_INVALID_ARG_TYPE, "handlers.end"),
        ({"start": print, "asyncstart": print}, errors.ERR_INVALID_ARG_VALUE, "unknown key"),
        ({"asyncStart": print, "async_start": print}, errors.ERR_INVALID_ARG_VALUE, "twice"),
        ({1: print}, errors.ERR_INVALID_ARG_VALUE, "unknown key"),
    ],
)
def test_bad_handlers_change_nothing(handlers: Any, error: type[Exception], match: str) -> None:
    tc = dc.tracing_channel(fresh())
    with pytest.raises(error, match=match):
        tc.subscribe(handlers)
    assert not tc.has_subscribers  # nothing subscribed, not even the valid 'start'
    with pytest.raises(error, match=match):
        tc.unsubscribe(handlers)


def test_none_handlers_are_skipped() -> None:
    tc = dc.tracing_channel(fresh())
    tc.subscribe({"start": None, "end": print})
    assert not tc.start.has_subscribers and tc.end.has_subscribers
    assert tc.unsubscribe({"start": None, "end": print})


def test_trace_callback_bad_position() -> None:
    tc = dc.tracing_channel(fresh())
    handlers = {"start": lambda c, n: None}
    tc.subscribe(handlers)
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match='"position"'):
        tc.trace_callback(print, "0", None, print)  # type: ignore[arg-type]
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match='"callback"'):
        tc.trace_callback(print, 5, None, print)
    tc.unsubscribe(handlers)
