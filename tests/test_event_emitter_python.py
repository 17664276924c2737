"""EventEmitter in Python terms: decorators, any hashable event name, listener equality,
bad input, class defaults, ``emit_async``, and the no-loop error.

The loop-hosted async listener behaviour of ``emit`` is in test_event_emitter_loop.py.
"""

from __future__ import annotations

import contextvars
import gc
import math
import warnings
from typing import Any

import pytest
import trio
import trio.testing

from trio_nodecompat import events
from trio_nodecompat.errors import ERR_INVALID_ARG_TYPE, ERR_UNHANDLED_ERROR, NoLoopError
from trio_nodecompat.events import EventEmitter, capture_rejection_symbol, error_monitor

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


@pytest.fixture(autouse=True)
def _restore_class_defaults() -> Any:
    saved = EventEmitter.default_max_listeners, EventEmitter.capture_rejections
    yield
    EventEmitter.default_max_listeners, EventEmitter.capture_rejections = saved


# Decorators and chaining ---------------------------------------------------------------------


def test_on_decorator_registers_and_returns_the_function() -> None:
    ee = EventEmitter()
    seen: list[Any] = []

    @ee.on("data")
    def on_data(chunk: Any) -> None:
        seen.append(chunk)

    assert callable(on_data) and ee.listeners("data") == [on_data]
    ee.emit("data", 1)
    ee.emit("data", 2)
    assert seen == [1, 2]


def test_once_decorator() -> None:
    ee = EventEmitter()
    seen: list[Any] = []

    @ee.once("ready")
    def on_ready(*args: Any) -> None:
        seen.append(args)

    assert ee.listeners("ready") == [on_ready]
    assert ee.raw_listeners("ready")[0] is not on_ready
    ee.emit("ready", "a")
    ee.emit("ready", "b")
    assert seen == [("a",)]
    # The decorator returned the function itself, so it can be removed by name.
    ee.once("ready")(on_ready)
    ee.off("ready", on_ready)
    assert ee.listener_count("ready") == 0


def test_decorator_with_non_callable_raises_and_adds_nothing() -> None:
    ee = EventEmitter()
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        ee.on("x")(42)  # type: ignore[type-var]
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        ee.once("x")("not a function")  # type: ignore[type-var]
    assert ee.event_names() == []


def test_new_listener_sees_the_decorated_function() -> None:
    ee = EventEmitter()
    got: list[Any] = []
    ee.on("newListener", lambda event, fn: got.append((event, fn)))

    @ee.once("x")
    def handler() -> None: ...

    assert got == [("x", handler)]


def test_methods_return_the_emitter() -> None:
    ee = EventEmitter()

    def fn() -> None: ...

    assert ee.on("a", fn).once("a", fn).prepend_listener("a", fn) is ee
    assert ee.prepend_once_listener("a", fn).add_listener("a", fn) is ee
    assert ee.off("a", fn).remove_listener("a", fn).remove_all_listeners("a") is ee
    assert ee.set_max_listeners(3) is ee


# Event names and listener identity ------------------------------------------------------------


def test_any_hashable_event_name() -> None:
    ee = EventEmitter()
    seen: list[Any] = []
    names: list[Any] = [("tuple", 1), 42, None, frozenset({1}), b"bytes", 2.5]
    for name in names:
        ee.on(name, lambda *a, name=name: seen.append(name))
    for name in names:
        assert ee.emit(name) is True
    assert seen == names
    assert ee.event_names() == names


def test_equal_event_names_are_one_event() -> None:
    # Dict semantics: 1, 1.0 and True are the same key (JS would make them one string too).
    ee = EventEmitter()
    seen: list[Any] = []
    ee.on(1, lambda: seen.append("int"))
    ee.emit(1.0)
    ee.emit(True)
    assert seen == ["int", "int"]


def test_unhashable_event_name_is_a_type_error() -> None:
    ee = EventEmitter()
    with pytest.raises(TypeError):
        ee.on(["list"], lambda: None)  # type: ignore[arg-type]
    assert ee.event_names() == []


class Counter:
    def __init__(self) -> None:
        self.count = 0

    def bump(self, *args: Any) -> None:
        self.count += 1


def test_bound_methods_are_removed_by_equality() -> None:
    # Each `obj.method` access makes a new bound method; they compare equal, so `off` works.
    ee = EventEmitter()
    counter = Counter()
    ee.on("x", counter.bump)
    ee.emit("x")
    assert ee.listener_count("x", counter.bump) == 1
    ee.off("x", counter.bump)
    ee.emit("x")
    assert counter.count == 1
    assert ee.event_names() == []


def test_bound_methods_of_different_objects_are_different() -> None:
    ee = EventEmitter()
    a, b = Counter(), Counter()
    ee.on("x", a.bump)
    ee.off("x", b.bump)
    ee.emit("x")
    assert (a.count, b.count) == (1, 0)


class UnhashableListener:
    """A callable with ``__eq__`` and no ``__hash__``: Python makes it unhashable."""

    def __init__(self) -> None:
        self.calls = 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UnhashableListener)

    __hash__ = None  # type: ignore[assignment]

    def __call__(self, *args: Any) -> None:
        self.calls += 1


def test_unhashable_listeners_work_by_identity() -> None:
    ee = EventEmitter()
    first, second = UnhashableListener(), UnhashableListener()
    ee.on("x", first)
    ee.once("x", second)
    assert ee.listener_count("x", first) == 1
    ee.emit("x")
    assert (first.calls, second.calls) == (1, 1)
    ee.off("x", second)  # already gone; equal to `first` but not it
    assert ee.listeners("x") == [first]
    ee.off("x", first)
    assert ee.event_names() == []


def test_same_function_twice_is_called_twice() -> None:
    ee = EventEmitter()
    seen: list[int] = []

    def fn() -> None:
        seen.append(1)

    ee.on("x", fn).on("x", fn)
    ee.emit("x")
    assert seen == [1, 1]
    ee.off("x", fn)
    ee.emit("x")
    assert seen == [1, 1, 1]


def test_removing_a_once_wrapper_by_itself() -> None:
    ee = EventEmitter()

    def fn() -> None: ...

    ee.on("x", fn)
    ee.once("x", fn)
    wrapper = ee.raw_listeners("x")[1]
    ee.off("x", wrapper)
    assert ee.raw_listeners("x") == [fn]
    assert "once wrapper" in repr(wrapper)


def test_error_monitor_is_a_readable_key() -> None:
    assert repr(error_monitor) == "events.error_monitor"
    assert events.error_monitor is error_monitor


def test_repr() -> None:
    ee = EventEmitter()
    ee.on("x", lambda: None)
    assert repr(ee) == "<EventEmitter events=['x']>"


# Bad input and class defaults ------------------------------------------------------------------


@pytest.mark.parametrize("bad", [1, [], lambda: None, {}, math.inf, math.pi, "meow", None])
def test_capture_rejections_argument_must_be_bool(bad: Any) -> None:
    # test-event-capture-rejections.js: the options check and argValidation.
    if bad is None:
        EventEmitter(capture_rejections=bad)  # None means "the class default"
        return
    with pytest.raises(ERR_INVALID_ARG_TYPE) as info:
        EventEmitter(capture_rejections=bad)
    assert str(info.value).startswith(
        'The "capture_rejections" argument must be of type boolean. Received '
    )
    with pytest.raises(ERR_INVALID_ARG_TYPE) as info:
        EventEmitter.capture_rejections = bad
    assert str(info.value).startswith(
        'The "EventEmitter.capture_rejections" property must be of type boolean.'
    )
    assert EventEmitter.capture_rejections is False


def test_class_defaults() -> None:
    assert EventEmitter.default_max_listeners == 10
    assert EventEmitter.capture_rejections is False
    assert events.default_max_listeners == 10
    assert events.capture_rejection_symbol == "nodejs_rejection"


def test_subclass_can_set_its_own_defaults() -> None:
    class Capturing(EventEmitter):
        capture_rejections = True
        default_max_listeners = 2

    assert Capturing()._capture is True
    assert Capturing(capture_rejections=False)._capture is False
    assert Capturing().get_max_listeners() == 2
    assert EventEmitter().get_max_listeners() == 10
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = Capturing()
        for _ in range(3):
            c.on("x", lambda: None)
    assert len(caught) == 1


def test_module_attribute_errors() -> None:
    with pytest.raises(AttributeError):
        events.nope  # type: ignore[attr-defined]  # noqa: B018


# Async listeners without a loop -----------------------------------------------------------------


def test_emit_with_async_listener_outside_a_loop_raises_and_leaves_nothing_unawaited() -> None:
    ee = EventEmitter()
    ran: list[str] = []

    async def handler() -> None:
        ran.append("async")  # pragma: no cover

    ee.on("x", lambda: ran.append("sync-before"))
    ee.on("x", handler)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(NoLoopError) as info:
            ee.emit("x")
        gc.collect()
    assert caught == []  # in particular no "coroutine ... was never awaited"
    assert "emit() with an async listener" in str(info.value)
    assert "open_loop" in str(info.value)
    assert ran == ["sync-before"]


async def test_emit_in_trio_but_outside_a_loop_raises() -> None:
    ee = EventEmitter()

    async def handler() -> None: ...  # pragma: no cover

    ee.on("x", handler)
    with pytest.raises(NoLoopError):
        ee.emit("x")


def test_non_awaitable_return_values_are_ignored() -> None:
    ee = EventEmitter()
    ee.on("x", lambda: 42)
    ee.on("x", lambda: "text")
    assert ee.emit("x") is True


# emit_async ------------------------------------------------------------------------------------


async def test_emit_async_waits_for_async_listeners_concurrently() -> None:
    ee = EventEmitter()
    order: list[str] = []
    first_started = trio.Event()

    async def first() -> None:
        order.append("first start")
        first_started.set()
        await trio.sleep(0)
        order.append("first end")

    async def second() -> None:
        await first_started.wait()  # would deadlock if the listeners ran one after the other
        order.append("second")

    ee.on("go", first)
    ee.on("go", lambda: order.append("sync"))
    ee.on("go", second)
    assert await ee.emit_async("go") is True
    assert order[0] == "sync"  # listeners are called in order; coroutines then run
    assert set(order) == {"sync", "first start", "first end", "second"}


async def test_emit_async_without_listeners() -> None:
    ee = EventEmitter()
    with trio.testing.assert_checkpoints():
        assert await ee.emit_async("nobody") is False


async def test_emit_async_only_sync_listeners() -> None:
    ee = EventEmitter()
    got: list[Any] = []
    ee.on("x", lambda *a: got.append(a))
    assert await ee.emit_async("x", 1, 2) is True
    assert got == [(1, 2)]


async def test_emit_async_failure_without_capture_propagates() -> None:
    ee = EventEmitter()
    err = ValueError("boom")
    cancelled: list[bool] = []

    async def fails() -> None:
        raise err

    async def slow() -> None:
        try:
            await trio.sleep_forever()
        except trio.Cancelled:
            cancelled.append(True)
            raise

    ee.on("x", slow)
    ee.on("x", fails)
    with pytest.RaisesGroup(pytest.RaisesExc(ValueError, check=lambda e: e is err)):
        await ee.emit_async("x")
    assert cancelled == [True]


async def test_emit_async_failure_with_capture_goes_to_error() -> None:
    ee = EventEmitter(capture_rejections=True)
    err = ValueError("boom")
    got: list[Any] = []

    async def fails(*args: Any) -> None:
        request_id.set("in-listener")
        raise err

    ee.on("x", fails)
    ee.on(error_monitor, lambda e: got.append(("monitor", e)))
    ee.on("error", lambda e: got.append(("error", e, request_id.get())))
    token = request_id.set("emitter")
    try:
        assert await ee.emit_async("x", 1) is True
    finally:
        request_id.reset(token)
    # Routed in the failed listener's frame: its context var change is visible.
    assert got == [("monitor", err), ("error", err, "in-listener")]


async def test_emit_async_capture_symbol_method() -> None:
    got: list[Any] = []

    class Service(EventEmitter):
        def nodejs_rejection(self, err: BaseException, event: Any, *args: Any) -> None:
            got.append((err, event, args))

    ee = Service(capture_rejections=True)
    err = KeyError("k")

    async def fails(*args: Any) -> None:
        raise err

    ee.on("something", fails)
    ee.on("error", lambda e: got.append("error listener must not run"))
    await ee.emit_async("something", 42, "foobar")
    assert got == [(err, "something", (42, "foobar"))]
    assert capture_rejection_symbol == "nodejs_rejection"


async def test_emit_async_async_capture_method_is_awaited() -> None:
    ee = EventEmitter(capture_rejections=True)
    got: list[Any] = []

    async def handler(err: BaseException, event: Any, *args: Any) -> None:
        await trio.sleep(0)
        got.append(err)

    setattr(ee, capture_rejection_symbol, handler)

    async def fails() -> None:
        raise ValueError("x")

    ee.on("x", fails)
    await ee.emit_async("x")
    assert len(got) == 1 and isinstance(got[0], ValueError)


async def test_emit_async_failing_error_listener_does_not_loop() -> None:
    # avoidLoopOnError: an async 'error' listener that fails is not captured again.
    ee = EventEmitter(capture_rejections=True)
    err1, err2 = ValueError("kaboom"), ValueError("kaboom2")
    calls: list[Any] = []

    async def fails() -> None:
        raise err1

    async def error_listener(err: BaseException) -> None:
        calls.append(err)
        raise err2

    ee.on("something", fails)
    ee.on("error", error_listener)
    with pytest.RaisesGroup(pytest.RaisesExc(ValueError, check=lambda e: e is err2)):
        await ee.emit_async("something")
    assert calls == [err1]
    assert ee._capture is True  # restored


async def test_emit_async_capture_without_error_listener_raises_the_error() -> None:
    ee = EventEmitter(capture_rejections=True)
    err = ValueError("nobody listens")

    async def fails() -> None:
        raise err

    ee.on("x", fails)
    with pytest.RaisesGroup(pytest.RaisesExc(ValueError, check=lambda e: e is err)):
        await ee.emit_async("x")


async def test_emit_async_sync_listener_raising_closes_pending_coroutines() -> None:
    ee = EventEmitter()
    started: list[str] = []

    async def never() -> None:
        started.append("never")  # pragma: no cover

    def boom() -> None:
        raise RuntimeError("sync failure")

    ee.on("x", never)
    ee.on("x", boom)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(RuntimeError, match="sync failure"):
            await ee.emit_async("x")
        gc.collect()
    assert caught == []
    assert started == []


async def test_emit_async_unhandled_error_event() -> None:
    ee = EventEmitter()
    with pytest.raises(ERR_UNHANDLED_ERROR):
        await ee.emit_async("error", "text")
    err = OSError("disk")
    with pytest.raises(OSError) as info:
        await ee.emit_async("error", err)
    assert info.value is err


async def test_emit_async_error_event_with_monitor_and_async_listener() -> None:
    ee = EventEmitter()
    got: list[Any] = []

    async def on_error(err: BaseException) -> None:
        await trio.sleep(0)
        got.append(("error", err))

    ee.on(error_monitor, lambda e: got.append(("monitor", e)))
    ee.on("error", on_error)
    err = ValueError()
    await ee.emit_async("error", err)
    assert got == [("monitor", err), ("error", err)]


async def test_emit_async_is_cancellable() -> None:
    ee = EventEmitter()

    async def forever() -> None:
        await trio.sleep_forever()

    ee.on("x", forever)
    with trio.move_on_after(0) as scope:
        await ee.emit_async("x")
    assert scope.cancelled_caught


async def test_emit_async_custom_awaitable() -> None:
    # Node's "thenable": any object with __await__ counts, and its failure is routed.
    class Awaitable:
        def __await__(self) -> Any:
            yield from trio.sleep(0).__await__()
            raise LookupError("from __await__")

    ee = EventEmitter(capture_rejections=True)
    got: list[Any] = []
    ee.on("x", lambda: Awaitable())
    ee.on("error", got.append)
    await ee.emit_async("x")
    assert len(got) == 1 and isinstance(got[0], LookupError)


async def test_emit_async_under_a_cancelled_scope_leaves_nothing_unawaited() -> None:
    ee = EventEmitter()
    started: list[str] = []

    async def listener() -> None:
        started.append("listener")
        await trio.sleep(0)

    ee.on("x", listener)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with trio.CancelScope() as scope:
            scope.cancel()
            await ee.emit_async("x")
        gc.collect()
    assert scope.cancelled_caught
    assert caught == []


def test_a_subclass_skipping_init_has_its_state_from_creation() -> None:
    class NoInit(EventEmitter):
        def __init__(self, name: str) -> None:  # never calls super().__init__()
            self.name = name

    EventEmitter.capture_rejections = True
    ee = NoInit("x")
    EventEmitter.capture_rejections = False
    assert ee.listener_count("e") == 0
    got: list[Any] = []
    ee.on("e", got.append).emit("e", 1)
    assert got == [1] and ee.name == "x"
    assert ee._capture is True  # the class default when it was created, as Node reads it
    with pytest.raises(AttributeError):
        ee.no_such_attribute  # noqa: B018


def test_emitters_keep_cpythons_fast_attribute_loads() -> None:
    # A __getattr__ anywhere in the class makes CPython 3.11 give up specializing attribute
    # loads on its instances: every self._x of an emitter, of the loop (an emitter) and of
    # every stream then cost about four times as much (~56 ns against ~15 ns measured).
    assert not hasattr(EventEmitter, "__getattr__")
    assert type(EventEmitter()).__getattribute__ is object.__getattribute__


def test_a_base_with_its_own_new_still_gets_the_arguments() -> None:
    class Tagged:
        def __new__(cls, tag: str) -> Any:
            self = super().__new__(cls)
            self.tag = tag
            return self

    class TaggedEmitter(EventEmitter, Tagged):
        def __init__(self, tag: str) -> None:
            super().__init__()

    ee = TaggedEmitter("t")
    assert ee.tag == "t" and ee.listener_count("x") == 0
