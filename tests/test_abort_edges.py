"""AbortSignal and EventTarget edge cases found in review, each checked against Node 20.

The Node evidence of each case is in its docstring (the script's output, run with ``node``);
the package's own bar (no listener, timer or task left behind; nothing that waits for the
garbage collector) is checked with the collector off where it matters.
"""

from __future__ import annotations

import gc
import json
import sys
import warnings
import weakref
from collections.abc import Iterator
from pathlib import Path
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
from trio_nodecompat.abort import abort_scope
from trio_nodecompat.errors import AbortError
from trio_nodecompat.events import MaxListenersExceededWarning
from trio_nodecompat.timers import promises as timers_promises


def abort_listeners(signal: AbortSignal) -> int:
    return events.listener_count(signal, "abort")


@pytest.fixture
def gc_off() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


# A scope that cannot be entered leaves nothing on its signal ---------------------------------


async def test_abort_scope_entered_twice_leaves_no_listener() -> None:
    controller = AbortController()
    scope = abort_scope(controller.signal)
    with scope:
        pass
    with pytest.raises(RuntimeError, match="single 'with' block"):
        with scope:
            pass  # pragma: no cover
    assert abort_listeners(controller.signal) == 0


def test_abort_scope_outside_trio_leaves_no_listener() -> None:
    controller = AbortController()
    with pytest.raises(RuntimeError):
        with abort_scope(controller.signal):
            pass  # pragma: no cover
    assert abort_listeners(controller.signal) == 0


# The leak warning turned into an error (-W error) must not leak what it warns about -----------
#
# Node warns when an 11th 'abort' listener is added to one signal, the library's own included:
# twelve concurrent `timers/promises.setTimeout(1000, null, { signal })` print
# "Possible EventTarget memory leak detected. 11 abort listeners added to [AbortSignal]". With
# warnings as errors the call that warns fails; the listener it was adding must go with it.


def _fill(signal: AbortSignal) -> list[events.AbortListenerDisposable]:
    events.set_max_listeners(1, signal)
    return [events.add_abort_listener(signal, lambda *a: None)]


async def test_abort_scope_whose_listener_warns_leaves_nothing() -> None:
    controller = AbortController()
    _fill(controller.signal)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(MaxListenersExceededWarning):
            with abort_scope(controller.signal):
                pass  # pragma: no cover
    assert abort_listeners(controller.signal) == 1


async def test_timer_promise_whose_listener_warns_leaves_nothing() -> None:
    controller = AbortController()
    _fill(controller.signal)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(MaxListenersExceededWarning):
            await timers_promises.set_timeout(1000, signal=controller.signal)
    assert abort_listeners(controller.signal) == 1


def test_add_abort_listener_that_warns_adds_nothing() -> None:
    controller = AbortController()
    _fill(controller.signal)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(MaxListenersExceededWarning):
            events.add_abort_listener(controller.signal, lambda *a: None)
    assert abort_listeners(controller.signal) == 1


async def test_events_on_whose_abort_listener_warns_leaves_nothing() -> None:
    controller = AbortController()
    _fill(controller.signal)
    ee = EventEmitter()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(MaxListenersExceededWarning):
            events.on(ee, "data", signal=controller.signal)
    assert abort_listeners(controller.signal) == 1
    assert ee.listener_count("data") == 0
    assert ee.listener_count("error") == 0


async def test_events_once_on_a_target_whose_listener_warns_leaves_nothing() -> None:
    target = EventTarget()
    events.set_max_listeners(1, target)
    target.add_event_listener("x", lambda e: None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(MaxListenersExceededWarning):
            await events.once(target, "x")
    assert events.listener_count(target, "x") == 1


def test_listener_with_a_signal_stays_tied_when_a_warning_is_an_error() -> None:
    """The public add warns after adding (as EventEmitter documents); the tie must be whole."""
    controller = AbortController()
    target = EventTarget()
    events.set_max_listeners(1, target)
    target.add_event_listener("x", lambda e: None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(MaxListenersExceededWarning):
            target.add_event_listener("x", lambda e: None, signal=controller.signal)
    assert events.listener_count(target, "x") == 2
    controller.abort()  # the abort still removes the listener it was tied to
    assert events.listener_count(target, "x") == 1


# signal= holds the target weakly, as Node's does --------------------------------------------


def test_signal_does_not_keep_targets_alive(gc_off: None) -> None:
    """Node (--expose-gc): 100 EventTargets, each with a listener added with the same
    long-lived signal, then dropped: ``collected 100 abort listeners now 0``. A server's
    shutdown signal must not keep every per-request target alive."""
    controller = AbortController()
    events.set_max_listeners(0, controller.signal)  # Node warns at the 11th, as we do
    refs = []
    for _ in range(100):
        target = EventTarget()
        target.add_event_listener("x", lambda e: None, signal=controller.signal)
        refs.append(weakref.ref(target))
    del target
    assert [r for r in refs if r() is not None] == []
    assert abort_listeners(controller.signal) == 0
    controller.abort()


def test_signal_does_not_keep_alive_a_target_its_listener_refers_to() -> None:
    """The same with listeners that refer to their target (a cycle: the collector's job)."""
    controller = AbortController()
    events.set_max_listeners(0, controller.signal)
    refs = []
    for _ in range(20):
        target = EventTarget()
        target.add_event_listener("x", lambda e, t=target: None, signal=controller.signal)
        refs.append(weakref.ref(target))
    del target
    gc.collect()
    assert [r for r in refs if r() is not None] == []
    assert abort_listeners(controller.signal) == 0


def test_tied_listener_still_removed_on_abort_while_the_target_lives(gc_off: None) -> None:
    controller = AbortController()
    target = EventTarget()
    seen: list[str] = []
    target.add_event_listener("x", lambda e: seen.append("x"), signal=controller.signal)
    target.dispatch_event(Event("x"))
    controller.abort()
    target.dispatch_event(Event("x"))
    assert seen == ["x"]
    assert events.listener_count(target, "x") == 0
    assert abort_listeners(controller.signal) == 0


async def test_timeout_signal_still_removes_a_listener_of_a_live_target() -> None:
    async with open_loop():
        target = EventTarget()
        target.add_event_listener("x", lambda e: None, signal=AbortSignal.timeout(10))
        await trio.sleep(0.05)
        assert events.listener_count(target, "x") == 0


# add_abort_listener's disposable removes the listener, as Node's does ------------------------


def test_disposing_a_deduplicated_abort_listener_removes_it() -> None:
    """Node: ``d1 = addAbortListener(s, f); d2 = addAbortListener(s, f)`` adds ``f`` once
    (``n=1``), and ``d2[Symbol.dispose]()`` removes it (``after d2 n=0``)."""
    controller = AbortController()
    calls: list[Any] = []

    def f(*args: Any) -> None:
        calls.append(args)

    first = events.add_abort_listener(controller.signal, f)
    second = events.add_abort_listener(controller.signal, f)
    assert abort_listeners(controller.signal) == 1
    second.dispose()
    assert abort_listeners(controller.signal) == 0
    first.dispose()
    first.dispose()
    controller.abort()
    assert calls == []


# AbortSignal.timeout's overflow warning points at its caller ---------------------------------


async def test_timeout_overflow_warning_points_at_the_caller() -> None:
    """Node: ``AbortSignal.timeout(2 ** 31)`` warns ``TimeoutOverflowWarning: 2147483648 does
    not fit into a 32-bit signed integer. Timeout duration was set to 1.`` and aborts at
    once; the warning names the line that called ``timeout``, as ``set_timeout``'s does."""
    from trio_nodecompat.timers import TimeoutOverflowWarning

    async with open_loop():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            signal = AbortSignal.timeout(2**31)
            line = sys._getframe().f_lineno - 1
        assert [(w.category, w.filename, w.lineno) for w in caught] == [
            (TimeoutOverflowWarning, __file__, line)
        ]
        await trio.sleep(0.01)
        assert signal.aborted


# onabort keeps its place among the listeners, as Node 20's handler attribute does -----------


def test_onabort_set_again_after_none_keeps_its_first_place() -> None:
    """Node 20 keeps the handler's registration when ``onabort = null`` and reuses it:
    ``L1; onabort = H1; L2; onabort = H2; onabort = null; onabort = H3; L3`` runs
    ``["L1","H3","L2","L3"]``, and ``onabort = H1; L1; onabort = null; onabort = H2``
    runs ``["H2","L1"]``; ``getEventListeners(signal, 'abort')`` still lists it (1 after
    ``onabort = null``)."""
    controller = AbortController()
    s = controller.signal
    log: list[str] = []
    s.add_event_listener("abort", lambda e: log.append("L1"))
    s.onabort = lambda e: log.append("H1")
    s.add_event_listener("abort", lambda e: log.append("L2"))
    s.onabort = lambda e: log.append("H2")
    s.onabort = None
    assert s.onabort is None
    s.onabort = lambda e: log.append("H3")
    s.add_event_listener("abort", lambda e: log.append("L3"))
    controller.abort()
    assert log == ["L1", "H3", "L2", "L3"]

    controller = AbortController()
    s = controller.signal
    log.clear()
    s.onabort = lambda e: log.append("H1")
    s.add_event_listener("abort", lambda e: log.append("L1"))
    s.onabort = None
    assert len(events.get_event_listeners(s, "abort")) == 2
    assert events.listener_count(s, "abort") == 1  # the empty handler is not counted
    s.onabort = lambda e: log.append("H2")
    controller.abort()
    assert log == ["H2", "L1"]


def test_onabort_none_does_not_run_and_does_not_pin(gc_off: None) -> None:
    source = AbortController()
    composite = AbortSignal.any([source.signal])
    composite.onabort = lambda e: None
    ref = weakref.ref(composite)
    composite.onabort = None  # no handler left: the source no longer holds the composite
    del composite
    assert ref() is None
    first_none = AbortSignal.any([source.signal])
    first_none.onabort = None  # an empty place from the start
    ref = weakref.ref(first_none)
    del first_none
    assert ref() is None
    source.abort()


# Nothing that waits for the garbage collector -------------------------------------------------


def _traceback_length(exc: BaseException) -> int:
    n, tb = 0, exc.__traceback__
    while tb is not None:
        n, tb = n + 1, tb.tb_next
    return n


def test_throw_if_aborted_does_not_grow_the_reasons_traceback() -> None:
    """Node throws the reason itself (``e === signal.reason``) and its stack is fixed where it
    was made. Raising one Python exception object again prepends to its ``__traceback__``:
    a long-lived aborted signal polled by every request would keep every caller's frame."""
    signal = AbortSignal.abort()

    def poll() -> BaseException:
        try:
            signal.throw_if_aborted()
        except Exception as exc:
            return exc
        raise AssertionError("not raised")  # pragma: no cover

    first = poll()
    assert first is signal.reason
    length = _traceback_length(first)
    for _ in range(5):
        assert poll() is signal.reason
    assert _traceback_length(signal.reason) == length


async def test_once_and_on_failures_leave_no_reference_cycle(gc_off: None) -> None:
    """An aborted ``events.once``/``events.on`` (and ``once`` on an emitter at all) must free
    the emitter, the iterator and the signal by reference counting."""

    async def once_aborted() -> None:
        ee = EventEmitter()
        controller = AbortController()
        async with trio.open_nursery() as nursery:
            nursery.start_soon(_abort_when_blocked, controller)
            with pytest.raises(AbortError):
                await events.once(ee, "x", signal=controller.signal)

    async def once_failed() -> None:
        ee = EventEmitter()
        async with trio.open_nursery() as nursery:
            nursery.start_soon(_emit_when_blocked, ee, "error", ValueError("E"))
            with pytest.raises(ValueError):
                await events.once(ee, "x")

    async def on_aborted() -> None:
        ee = EventEmitter()
        controller = AbortController()
        iterator = events.on(ee, "x", signal=controller.signal)
        ee.emit("x", 1)
        controller.abort()
        with pytest.raises(AbortError):
            async for _ in iterator:
                pass

    async def on_failed() -> None:
        ee = EventEmitter()
        iterator = events.on(ee, "x")
        ee.emit("error", ValueError("E"))
        with pytest.raises(ValueError):
            async for _ in iterator:
                pass

    def once_removed() -> None:
        ee = EventEmitter()
        ee.once("x", print)
        ee.remove_listener("x", print)

    for op in (once_aborted, once_failed, on_aborted, on_failed):
        gc.collect()
        await op()
        assert gc.collect() == 0, op.__name__
    once_removed()
    assert gc.collect() == 0


async def _abort_when_blocked(controller: AbortController) -> None:
    await trio.testing.wait_all_tasks_blocked()
    controller.abort()


async def _emit_when_blocked(ee: EventEmitter, event: str, *args: Any) -> None:
    await trio.testing.wait_all_tasks_blocked()
    ee.emit(event, *args)


ONABORT_ORACLE = json.loads(
    (Path(__file__).parent / "fixtures" / "abort" / "onabort_oracle.json").read_text()
)


@pytest.mark.parametrize("script", ONABORT_ORACLE["scripts"], ids=lambda s: str(s["ops"]))
def test_onabort_orders_match_node(script: dict[str, Any]) -> None:
    """``tests/oracles/abort_onabort.mjs``: random add/remove/onabort scripts, replayed."""
    controller = AbortController()
    signal = controller.signal
    calls: list[str] = []

    def make(name: str) -> Any:
        return lambda event: calls.append(name)

    listeners = [make(f"L{i}") for i in range(4)]
    handlers = [make(f"H{j}") for j in range(3)]
    for op in script["ops"]:
        if op[0] == "add":
            signal.add_event_listener("abort", listeners[op[1]])
        elif op[0] == "remove":
            signal.remove_event_listener("abort", listeners[op[1]])
        elif op[0] == "handler":
            signal.onabort = handlers[op[1]]
        else:
            signal.onabort = None
    assert (signal.onabort is None) == script["handler_is_null"]
    assert len(events.get_event_listeners(signal, "abort")) == script["listed"]
    controller.abort()
    assert calls == script["calls"]


# A synthetic 'abort' event rejects as Node's does ---------------------------------------------


@pytest.mark.parametrize("api", ["set_timeout", "once", "on", "abort_scope"])
async def test_an_abort_event_dispatched_by_hand_raises_abort_error(api: str) -> None:
    """Node 20: ``signal.dispatchEvent(new Event('abort'))`` on a live signal rejects a
    pending ``timers/promises.setTimeout(300, 'v', { signal })`` with ``AbortError`` (cause
    ``undefined``, ``signal.aborted`` still false), and a pending ``events.once`` too. Here
    ``set_timeout`` returned its value at once and ``once`` failed an internal assertion."""
    controller = AbortController()
    ee = EventEmitter()

    async def wait() -> None:
        if api == "set_timeout":
            await timers_promises.set_timeout(300, "v", signal=controller.signal)
        elif api == "once":
            await events.once(ee, "x", signal=controller.signal)
        elif api == "on":
            async for _ in events.on(ee, "x", signal=controller.signal):
                pass  # pragma: no cover
        else:
            with abort_scope(controller.signal):
                await trio.sleep(300)

    async def fake_abort() -> None:
        await trio.testing.wait_all_tasks_blocked()
        controller.signal.dispatch_event(Event("abort"))

    async with trio.open_nursery() as nursery:
        nursery.start_soon(fake_abort)
        with pytest.raises(AbortError) as info:
            await wait()
    assert info.value.cause is None
    assert not controller.signal.aborted
    assert abort_listeners(controller.signal) == 0
    assert ee.listener_count("x") == 0
