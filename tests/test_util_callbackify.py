"""util.callbackify: Node's test-util-callbackify.js cases, on the trio_nodecompat loop.

JS values map to Python ones; ``Promise.reject(value)`` of a non-Error becomes
``raise ERR_NON_EXCEPTION_REJECTION(value)`` (Python can only raise exceptions); a "promise
factory" is a sync function returning a coroutine, a "thenable" an object with ``__await__``.
"""

from __future__ import annotations

import contextvars
import inspect
from collections.abc import Generator
from typing import Any

import pytest
import trio

import trio_nodecompat
from trio_nodecompat import errors
from trio_nodecompat.util import callbackify, promisify

VALUES: list[Any] = [
    "hello world",
    None,
    False,
    0,
    {},
    {"key": "value"},
    lambda: None,
    ["array", "with", 4, "values"],
    ValueError("boo"),
]


class Thenable:
    def __init__(self, value: object = None, error: BaseException | None = None) -> None:
        self.value = value
        self.error = error

    def __await__(self) -> Generator[Any, None, object]:
        if self.error is not None:
            raise self.error
        return self.value
        yield  # pragma: no cover - makes this a generator


async def call(fn: Any, *args: Any) -> tuple[Any, ...]:
    """Call a callbackified ``fn`` and wait for its callback; return the callback's args."""
    done = trio.Event()
    got: list[tuple[Any, ...]] = []

    def callback(*cb_args: Any) -> None:
        got.append(cb_args)
        done.set()

    fn(*args, callback)
    await done.wait()
    assert len(got) == 1
    return got[0]


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
async def test_resolution_value_is_the_second_argument(value: Any) -> None:
    async def async_fn() -> Any:
        return value

    async def coro() -> Any:
        return value

    def promise_fn() -> Any:
        return coro()

    def thenable_fn() -> Any:
        return Thenable(value)

    async with trio_nodecompat.open_loop():
        for fn in (async_fn, promise_fn, thenable_fn):
            err, ret = await call(callbackify(fn))
            assert err is None
            assert ret is value


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
async def test_rejection_reason_is_the_first_argument(value: Any) -> None:
    def reject() -> BaseException:
        if isinstance(value, BaseException):
            return value
        return errors.ERR_NON_EXCEPTION_REJECTION(value)

    async def async_fn() -> Any:
        raise reject()

    def thenable_fn() -> Any:
        return Thenable(error=reject())

    cb_async = callbackify(async_fn)
    assert cb_async.__name__ == "async_fnCallbackified"
    assert len(inspect.signature(cb_async).parameters) == 1
    async with trio_nodecompat.open_loop():
        for fn in (cb_async, callbackify(thenable_fn)):
            (err,) = await call(fn)
            if isinstance(err, errors.ERR_FALSY_VALUE_REJECTION):
                assert not value
                assert err.code == "ERR_FALSY_VALUE_REJECTION"
                assert err.reason is value
                assert str(err) == "Promise was rejected with falsy value"
            else:
                assert err is value


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
async def test_arguments_are_passed_to_original(value: Any) -> None:
    async def async_fn(arg: Any) -> Any:
        assert arg is value
        return arg

    cb = callbackify(async_fn)
    assert len(inspect.signature(cb).parameters) == 2
    assert str(inspect.signature(cb)) == "(arg: 'Any', callback, /) -> None"
    async with trio_nodecompat.open_loop():
        assert await call(cb, value) == (None, value)


async def test_self_binding_is_kept() -> None:
    class Obj:
        async def fn(self, arg: Any) -> Any:
            return (self, arg)

        cb_fn = callbackify(fn)

    o = Obj()
    async with trio_nodecompat.open_loop():
        err, (this, arg) = await call(o.cb_fn, 5)
    assert err is None
    assert this is o
    assert arg == 5


async def test_callback_that_raises_is_an_uncaught_exception() -> None:
    async def fn() -> None:
        pass

    boom = RuntimeError("from the callback")
    seen: list[BaseException] = []

    def cb(err: object, ret: object = None) -> None:
        raise boom

    async with trio_nodecompat.open_loop() as loop:
        done = trio.Event()

        def on_uncaught(err: BaseException, *rest: object) -> None:
            seen.append(err)
            done.set()

        loop.on("uncaughtException", on_uncaught)
        callbackify(fn)(cb)
        await done.wait()
    assert seen == [boom]


async def test_callback_that_raises_without_a_listener_propagates() -> None:
    async def fn() -> None:
        pass

    def cb(err: object, ret: object = None) -> None:
        raise RuntimeError("nobody listens")

    with pytest.RaisesGroup(
        pytest.RaisesExc(RuntimeError, match="nobody listens"), flatten_subgroups=True
    ):
        async with trio_nodecompat.open_loop():
            callbackify(fn)(cb)


async def test_handled_uncaught_exception_gets_the_callbacks_error() -> None:
    """callbackify2.js: the callback's assert fails; the listener sees that error."""
    sentinel = ValueError("sentinel")

    def fn() -> Any:
        async def reject() -> None:
            raise sentinel

        return reject()

    seen: list[BaseException] = []
    async with trio_nodecompat.open_loop() as loop:
        loop.once("uncaughtException", lambda err, *rest: seen.append(err))

        def cb(err: object, ret: object = None) -> None:
            if err is not None:
                raise AssertionError(f"ifError got unwanted exception: {err}")

        callbackify(fn)(cb)
    assert len(seen) == 1
    assert seen[0] is not sentinel
    assert str(seen[0]) == "ifError got unwanted exception: sentinel"


@pytest.mark.parametrize("value", ["foo", None, False, 0, {}, []])
def test_non_function_input_is_refused(value: object) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        callbackify(value)  # type: ignore[arg-type]
    assert str(info.value).startswith('The "original" argument must be of type function.')


async def test_last_argument_must_be_a_function() -> None:
    async def async_fn(*args: Any) -> int:
        return 42

    cb = callbackify(async_fn)
    args: list[Any] = []
    async with trio_nodecompat.open_loop():
        for value in ["foo", None, False, 0, {}, []]:
            args.append(value)
            with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
                cb(*args)
            assert str(info.value).startswith("The last argument must be of type function.")
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
            cb()


async def test_falsy_rejection_from_a_promise_factory() -> None:
    def promise_fn(value: object) -> Any:
        async def reject() -> None:
            raise errors.ERR_NON_EXCEPTION_REJECTION(value)

        return reject()

    async with trio_nodecompat.open_loop():
        (err,) = await call(callbackify(promise_fn), None)
    assert str(err) == "Promise was rejected with falsy value"
    assert err.code == "ERR_FALSY_VALUE_REJECTION"
    assert err.reason is None


def test_outside_a_loop_is_a_clear_error_and_nothing_is_left_unawaited() -> None:
    async def fn() -> None:
        pass

    with pytest.raises(errors.NoLoopError, match="fnCallbackified"):
        callbackify(fn)(lambda *a: None)


async def test_callback_sees_the_callers_context() -> None:
    var: contextvars.ContextVar[str] = contextvars.ContextVar("var", default="unset")

    async def fn() -> str:
        return var.get()

    async with trio_nodecompat.open_loop():
        var.set("caller")
        seen: list[str] = []
        done = trio.Event()

        def cb(err: object, value: str) -> None:
            seen.append(value)
            seen.append(var.get())
            done.set()

        callbackify(fn)(cb)
        var.set("changed later")
        await done.wait()
    assert seen == ["caller", "caller"]


async def test_callable_from_a_worker_thread() -> None:
    async def double(x: int) -> int:
        await trio.sleep(0)
        return x * 2

    cb_double = callbackify(double)
    async with trio_nodecompat.open_loop():
        done = trio.Event()
        got: list[object] = []

        def cb(err: object, value: object = None) -> None:
            got.append((err, value))
            done.set()

        await trio.to_thread.run_sync(cb_double, 21, cb)
        await done.wait()
    assert got == [(None, 42)]


async def test_round_trip_with_promisify() -> None:
    async def fetch(x: int) -> int:
        return x + 1

    def fails(cb: Any) -> None:
        cb("boom")

    async with trio_nodecompat.open_loop():
        assert await promisify(callbackify(fetch))(1) == 2
        (err,) = await call(callbackify(promisify(fails)))
    assert err == "boom"


def test_attributes_are_copied() -> None:
    async def fn(a: int) -> int:
        """Docs."""
        return a

    fn.extra = 1  # type: ignore[attr-defined]
    cb = callbackify(fn)
    assert cb.extra == 1  # type: ignore[attr-defined]
    assert cb.__doc__ == "Docs."
    assert not inspect.iscoroutinefunction(cb)


async def test_sync_raise_from_a_promise_factory_propagates_at_once() -> None:
    """Node calls ``original`` synchronously, so its throw reaches the caller."""

    def factory(value: int) -> Any:
        raise ValueError(f"bad {value}")

    called = []
    async with trio_nodecompat.open_loop():
        with pytest.raises(ValueError, match="bad 1"):
            callbackify(factory)(1, lambda *args: called.append(args))
    assert called == []


async def test_async_local_storage_store_is_visible_in_the_callback() -> None:
    from trio_nodecompat.async_hooks import AsyncLocalStorage

    als: AsyncLocalStorage[str] = AsyncLocalStorage()

    async def lookup() -> str | None:
        return als.get_store()

    seen: list[object] = []
    async with trio_nodecompat.open_loop():
        done = trio.Event()

        def callback(err: object, value: object = None) -> None:
            seen.append((value, als.get_store()))
            done.set()

        als.run("request-7", callbackify(lookup), callback)
        assert als.get_store() is None
        await done.wait()
    assert seen == [("request-7", "request-7")]
