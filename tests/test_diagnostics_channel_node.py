"""Node's test/parallel/test-diagnostics-channel-*.js, ported case by case.

One class per Node file (named after it); the ledger is ``tests/NODE_PORTS.md``. Node's
``thisArg`` arguments have no Python analogue (a bound method or a closure carries ``self``)
and are left out of the calls; ``common.mustCall(fn, n)`` becomes a list the function appends
to, checked for its length at the end.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

import pytest
import trio

from trio_nodecompat import AsyncLocalStorage, errors, open_loop
from trio_nodecompat import diagnostics_channel as dc
from trio_nodecompat._diagnostics_channel import _CHANNELS
from trio_nodecompat.timers import promises as timers_promises
from trio_nodecompat.timers import set_immediate


class TestBindStore:
    """test-diagnostics-channel-bind-store.js"""

    async def test_bind_store(self) -> None:
        inputs = [{"foo": "bar"}, {"baz": "buz"}]
        n = 0
        ch = dc.channel("test-bind-store")
        store1: AsyncLocalStorage[Any] = AsyncLocalStorage()
        ch.bind_store(store1)
        store1bound = True
        store2: AsyncLocalStorage[Any] = AsyncLocalStorage()
        transform_calls = []

        def transform(data: Any) -> Any:
            transform_calls.append(data)
            assert data is inputs[n]
            return {"data": data}

        ch.bind_store(store2, transform)
        seen = []

        def subscriber(data: Any, name: Any) -> None:
            seen.append(data)
            if store1bound:
                assert data == store1.get_store()
            assert {"data": data} == store2.get_store()
            assert data is inputs[n]

        ch.subscribe(subscriber)
        assert store1.get_store() is None
        assert store2.get_store() is None
        calls = []

        def outer(a: int, b: int) -> None:
            nonlocal n
            calls.append("outer")
            assert (a, b) == (1, 2)
            assert store1.get_store() is inputs[n]
            assert store2.get_store() == {"data": inputs[n]}
            n += 1

            def inner() -> None:
                calls.append("inner")
                assert store1.get_store() is inputs[n]
                assert store2.get_store() == {"data": inputs[n]}

            ch.run_stores(inputs[n], inner)
            n -= 1
            assert store1.get_store() is inputs[n]
            assert store2.get_store() == {"data": inputs[n]}

        ch.run_stores(inputs[n], outer, 1, 2)
        assert store1.get_store() is None
        assert store2.get_store() is None
        assert ch.unbind_store(store1)
        store1bound = False
        assert not ch.unbind_store(store1)

        n += 1

        def after_unbind() -> None:
            calls.append("after unbind")
            assert store1.get_store() is None
            assert store2.get_store() == {"data": inputs[n]}

        ch.run_stores(inputs[n], after_unbind)

        # Transformer errors are contained and reported on the next tick.
        fail = Exception("fail")

        def failing(data: Any) -> Any:
            raise fail

        ch.bind_store(store1, failing)
        called_run_stores = False
        uncaught = []

        def on_uncaught(err: BaseException, origin: str) -> None:
            assert called_run_stores
            uncaught.append(err)

        async with open_loop() as loop:
            loop.once("uncaughtException", on_uncaught)
            ch.run_stores(inputs[n], lambda: calls.append("last"))
            called_run_stores = True
        assert uncaught == [fail]
        assert calls == ["outer", "inner", "after unbind", "last"]
        assert len(transform_calls) == 4
        assert len(seen) == 4


class TestHasSubscribers:
    """test-diagnostics-channel-has-subscribers.js"""

    def test_has_subscribers(self) -> None:
        ch = dc.channel("test-has-subscribers")
        assert not dc.has_subscribers("test-has-subscribers")
        ch.subscribe(lambda m, n: None)
        assert dc.has_subscribers("test-has-subscribers")


class TestMemoryLeak:
    """test-diagnostics-channel-memory-leak.js: channels are not leaked.

    Node compares heap sizes around 1000 subscribe/unsubscribe pairs; here the registry
    itself is checked: once unsubscribed and unreferenced, no channel of those names is left.
    """

    def test_subscribe_unsubscribe_leaves_nothing(self) -> None:
        def noop(m: Any, n: Any) -> None:
            pass

        names = [f"leak-{i}" for i in range(1000)]
        for name in names:
            dc.subscribe(name, noop)
            dc.unsubscribe(name, noop)
        gc.collect()
        assert not any(name in _CHANNELS for name in names)


class TestObjectChannelPubSub:
    """test-diagnostics-channel-object-channel-pub-sub.js"""

    def test_object_channel(self) -> None:
        message = {"foo": "bar"}
        assert not dc.has_subscribers("test-object-pub-sub")
        ch = dc.channel("test-object-pub-sub")
        assert isinstance(ch, dc.Channel)
        assert not ch.has_subscribers
        calls = []

        def subscriber(msg: Any, name: Any) -> None:
            calls.append(msg)
            assert name == ch.name
            assert msg == message

        ch.subscribe(subscriber)
        assert ch.has_subscribers
        assert isinstance(ch, dc.Channel)  # the class swap keeps isinstance
        ch.publish(message)
        assert ch.unsubscribe(subscriber)
        assert not ch.has_subscribers
        assert not ch.unsubscribe(subscriber)
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            ch.subscribe(None)  # type: ignore[arg-type]
        assert info.value.code == "ERR_INVALID_ARG_TYPE"
        assert calls == [message]


class TestPubSub:
    """test-diagnostics-channel-pub-sub.js"""

    def test_pub_sub_by_name(self) -> None:
        name = "test-pub-sub"
        message = {"foo": "bar"}
        ch = dc.channel(name)
        assert isinstance(ch, dc.Channel)
        assert not ch.has_subscribers
        calls = []

        def subscriber(msg: Any, channel_name: Any) -> None:
            calls.append(msg)
            assert channel_name == ch.name
            assert msg == message

        dc.subscribe(name, subscriber)
        assert ch.has_subscribers
        assert isinstance(ch, dc.Channel)
        ch.publish(message)
        assert dc.unsubscribe(name, subscriber)
        assert not ch.has_subscribers
        assert not dc.unsubscribe(name, subscriber)
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
            dc.subscribe(name, None)  # type: ignore[arg-type]
        # Reaching zero subscribers keeps the channel registered while it lives.
        ch.subscribe(subscriber)
        ch.unsubscribe(subscriber)
        ch.subscribe(subscriber)
        assert dc.channel(name) is ch
        ch.publish(message)
        assert calls == [message, message]
        ch.unsubscribe(subscriber)


class TestSafeSubscriberErrors:
    """test-diagnostics-channel-safe-subscriber-errors.js"""

    async def test_failing_subscriber_does_not_stop_the_others(self) -> None:
        error = Exception("nope")
        uncaught: list[BaseException] = []
        later: list[str] = []
        async with open_loop() as loop:
            loop.on("uncaughtException", lambda err, origin: uncaught.append(err))
            ch = dc.channel("fail")

            def failing(message: Any, name: Any) -> None:
                raise error

            ch.subscribe(failing)
            ch.subscribe(lambda m, n: later.append("second"))
            ch.publish({"foo": "bar"})  # does not raise
            later.append("after publish")
            assert uncaught == []  # not yet: on the next tick
        assert uncaught == [error]
        assert later == ["second", "after publish"]


class TestSymbolNamed:
    """test-diagnostics-channel-symbol-named.js: a symbol is an object compared by identity."""

    def test_symbol_named_channel(self) -> None:
        symbol = object()
        message = {"foo": "bar"}
        ch = dc.channel(symbol)
        calls = []

        def subscriber(msg: Any, name: Any) -> None:
            calls.append(msg)
            assert name is symbol
            assert msg == message

        ch.subscribe(subscriber)
        ch.publish(message)
        assert calls == [message]
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match="ERR_INVALID_ARG_TYPE|channel"):
            dc.channel(None)  # type: ignore[arg-type]


class TestSyncUnsubscribe:
    """test-diagnostics-channel-sync-unsubscribe.js"""

    def test_unsubscribe_inside_publish(self) -> None:
        name = "test:channel"
        calls = []

        def on_message(message: Any, channel_name: Any) -> None:
            calls.append(message)
            dc.unsubscribe(name, on_message)

        dc.subscribe(name, on_message)
        dc.channel(name).publish("some message")  # must not raise
        dc.channel(name).publish("again")
        assert calls == ["some message"]


class TestTracingChannelArgsTypes:
    """test-diagnostics-channel-tracing-channel-args-types.js"""

    def test_by_name(self) -> None:
        assert dc.tracing_channel("test").start.name == "tracing:test:start"

    def test_by_channels(self) -> None:
        tc = dc.tracing_channel(
            {
                "start": dc.channel("tracing:test:start"),
                "end": dc.channel("tracing:test:end"),
                "asyncStart": dc.channel("tracing:test:asyncStart"),
                "asyncEnd": dc.channel("tracing:test:asyncEnd"),
                "error": dc.channel("tracing:test:error"),
            }
        )
        assert tc.async_start is dc.channel("tracing:test:asyncStart")

    def test_not_a_name_or_channels(self) -> None:
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            dc.tracing_channel(0)  # type: ignore[arg-type]
        assert info.value.name == "TypeError"
        assert 'The "nameOrChannels" argument must be' in str(info.value)

    def test_not_a_channel(self) -> None:
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            dc.tracing_channel({"start": ""})  # type: ignore[dict-item]
        assert 'The "nameOrChannels.start" property must be an instance of Channel' in str(
            info.value
        )

    def test_empty_channels(self) -> None:
        # Node fails with a TypeError without a code ("Cannot convert undefined or null to
        # object"); here the first missing channel is named, with Node's code.
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match="nameOrChannels.start"):
            dc.tracing_channel({})


def _handlers(log: list[Any], checks: dict[str, Callable[[Any], None]]) -> dict[str, Any]:
    def make(event: str) -> Callable[[Any, Any], None]:
        def handler(found: Any, name: Any) -> None:
            log.append(event)
            checks[event](found)

        return handler

    return {event: make(event) for event in checks}


class TestTracingChannelAsyncError:
    """test-diagnostics-channel-tracing-channel-async-error.js"""

    async def test_callback_and_promise_errors(self) -> None:
        tc = dc.tracing_channel("test-async-error")
        expected = Exception("test")
        given = {"foo": "bar"}
        log: list[str] = []

        def check(found: Any) -> None:
            assert found is given

        def check_error(found: Any) -> None:
            check(found)
            assert found["error"] is expected

        handlers = _handlers(
            log,
            {
                "start": check,
                "end": check,
                "asyncStart": check,
                "asyncEnd": check,
                "error": check_error,
            },
        )
        tc.subscribe(handlers)
        callback_calls = []
        async with open_loop():
            done = trio.Event()

            def fn(cb: Callable[..., Any], err: BaseException) -> None:
                set_immediate(cb, err)

            def callback(err: Any, res: Any = None) -> None:
                assert err is expected
                assert res is None
                callback_calls.append(err)
                done.set()

            tc.trace_callback(fn, 0, given, callback, expected)
            await done.wait()

            async def reject(value: BaseException) -> None:
                raise value

            with pytest.raises(Exception) as info:
                await tc.trace_promise(reject, given, expected)
            assert info.value is expected
        tc.unsubscribe(handlers)
        assert callback_calls == [expected]
        for event in ("start", "end", "asyncStart", "asyncEnd", "error"):
            assert log.count(event) == 2


class TestTracingChannelAsync:
    """test-diagnostics-channel-tracing-channel-async.js"""

    async def test_callback_and_promise_results(self) -> None:
        tc = dc.tracing_channel("test-async")
        expected = {"foo": "bar"}
        given = {"foo": "bar"}
        log: list[str] = []

        def check(found: Any) -> None:
            assert found == given

        def check_result(found: Any) -> None:
            check(found)
            assert "error" not in found
            assert found["result"] == expected

        def never(found: Any) -> None:
            raise AssertionError("no error event expected")

        handlers = _handlers(
            log,
            {
                "start": check,
                "end": check,
                "asyncStart": check_result,
                "asyncEnd": check_result,
                "error": never,
            },
        )
        tc.subscribe(handlers)
        async with open_loop():
            done = trio.Event()
            results = []

            def fn(cb: Callable[..., Any], err: Any, res: Any) -> None:
                set_immediate(cb, err, res)

            def callback(err: Any, res: Any) -> None:
                assert err is None
                results.append(res)
                done.set()

            tc.trace_callback(fn, 0, given, callback, None, expected)
            await done.wait()

            async def resolve(value: Any) -> Any:
                await trio.lowlevel.checkpoint()
                return value

            results.append(await tc.trace_promise(resolve, given, expected))
        assert results == [expected, expected]

        def never_called(*args: Any) -> None:
            raise AssertionError("not called")

        with pytest.raises(
            errors.ERR_INVALID_ARG_TYPE, match='"callback" argument must be of type function'
        ):
            tc.trace_callback(never_called, 0, given, 1, 2, 3)
        tc.unsubscribe(handlers)
        for event in ("start", "end", "asyncStart", "asyncEnd"):
            assert log.count(event) == 2


class TestTracingChannelCallbackRunStores:
    """test-diagnostics-channel-tracing-channel-callback-run-stores.js"""

    async def test_callback_runs_in_async_start_stores(self) -> None:
        tc = dc.tracing_channel("test-callback-run-stores")
        store: AsyncLocalStorage[Any] = AsyncLocalStorage()
        first = {"foo": "bar"}
        second = {"baz": "buz"}
        transforms = []
        tc.start.bind_store(store, lambda ctx: transforms.append("first") or first)
        tc.async_start.bind_store(store, lambda ctx: transforms.append("second") or second)
        seen = []
        assert store.get_store() is None
        async with open_loop():
            done = trio.Event()

            def fn(cb: Callable[..., Any]) -> None:
                seen.append(store.get_store())
                set_immediate(cb)

            def callback(*args: Any) -> None:
                seen.append(store.get_store())
                done.set()

            tc.trace_callback(fn, 0, {}, callback)
            assert store.get_store() is None
            await done.wait()
        tc.start.unbind_store(store)
        tc.async_start.unbind_store(store)
        assert seen == [first, second]
        assert transforms == ["first", "second"]


class TestTracingChannelPromiseRunStores:
    """test-diagnostics-channel-tracing-channel-promise-run-stores.js"""

    async def test_coroutine_keeps_start_store(self) -> None:
        tc = dc.tracing_channel("test-promise-run-stores")
        store: AsyncLocalStorage[Any] = AsyncLocalStorage()
        first = {"foo": "bar"}
        calls = []
        tc.start.bind_store(store, lambda ctx: calls.append("start transform") or first)

        def never(ctx: Any) -> Any:
            raise AssertionError("asyncStart's stores are not run for a coroutine")

        tc.async_start.bind_store(store, never)
        assert store.get_store() is None
        async with open_loop():

            async def body() -> None:
                assert store.get_store() == first
                await timers_promises.set_timeout(1)
                # Still the first context: a coroutine has no "after" point for runStores.
                assert store.get_store() == first
                calls.append("body")

            awaitable = tc.trace_promise(body)
            assert store.get_store() is None
            await awaitable
        tc.start.unbind_store(store)
        tc.async_start.unbind_store(store)
        assert calls == ["start transform", "body"]


class TestTracingChannelRunStores:
    """test-diagnostics-channel-tracing-channel-run-stores.js"""

    def test_trace_sync_runs_in_start_stores(self) -> None:
        tc = dc.tracing_channel("test-run-stores")
        store: AsyncLocalStorage[Any] = AsyncLocalStorage()
        context = {"foo": "bar"}
        tc.start.bind_store(store, lambda ctx: context)
        assert store.get_store() is None
        seen = []
        tc.trace_sync(lambda: seen.append(store.get_store()))
        assert store.get_store() is None
        assert seen == [context]
        tc.start.unbind_store(store)


class TestTracingChannelSyncError:
    """test-diagnostics-channel-tracing-channel-sync-error.js"""

    def test_sync_error(self) -> None:
        tc = dc.tracing_channel("test-sync-error")
        expected = Exception("test")
        given = {"foo": "bar"}
        log: list[str] = []

        def check(found: Any) -> None:
            assert found is given

        def check_error(found: Any) -> None:
            check(found)
            assert found["error"] is expected

        def never(found: Any) -> None:
            raise AssertionError("not expected")

        handlers = _handlers(
            log,
            {
                "start": check,
                "end": check,
                "asyncStart": never,
                "asyncEnd": never,
                "error": check_error,
            },
        )
        tc.subscribe(handlers)

        def fn(err: BaseException) -> None:
            assert err is expected
            raise err

        with pytest.raises(Exception) as info:
            tc.trace_sync(fn, given, expected)
        assert info.value is expected
        assert log == ["start", "error", "end"]
        tc.unsubscribe(handlers)


class TestTracingChannelSync:
    """test-diagnostics-channel-tracing-channel-sync.js"""

    def test_sync(self) -> None:
        tc = dc.tracing_channel("test-sync")
        expected = {"foo": "bar"}
        given = {"foo": "bar"}
        arg = {"baz": "buz"}
        log: list[str] = []

        def check(found: Any) -> None:
            assert found is given

        def check_end(found: Any) -> None:
            check(found)
            assert found["result"] is expected

        def never(found: Any) -> None:
            raise AssertionError("not expected")

        handlers = _handlers(
            log,
            {
                "start": check,
                "end": check_end,
                "asyncStart": never,
                "asyncEnd": never,
                "error": never,
            },
        )
        assert tc.start.has_subscribers is False
        tc.subscribe(handlers)
        assert tc.start.has_subscribers is True

        def fn(arg1: Any) -> Any:
            assert arg1 is arg
            return expected

        assert tc.trace_sync(fn, given, arg) is expected
        tc.unsubscribe(handlers)
        assert tc.start.has_subscribers is False
        assert tc.trace_sync(fn, given, arg) is expected
        assert log == ["start", "end"]
