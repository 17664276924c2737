"""AbortController, AbortSignal, DOMException, AbortError: Node's test-abortcontroller.js,
test-abortsignal-any.mjs, test-domexception-cause.js and test-errors-aborterror.js, ported.

Receiver checks (``AbortController.prototype.abort.call(null)``), ``Symbol.toStringTag``,
``inspect`` output and monkey-patched prototypes are JS object model and are not ported (see
``tests/NODE_PORTS.md``); the weak-reference cases are ported with CPython's reference counting
in place of ``--expose-gc``.
"""

from __future__ import annotations

import gc
import weakref
from typing import Any

import pytest
import trio
from trio.testing import MockClock

from trio_nodecompat import (
    AbortController,
    AbortSignal,
    DOMException,
    Event,
    EventTarget,
    events,
    open_loop,
)
from trio_nodecompat.errors import (
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    AbortError,
    NoLoopError,
)

# test-abortcontroller.js --------------------------------------------------------------------


def test_abort_fires_once_with_the_abort_type() -> None:
    controller = AbortController()
    seen: list[str] = []
    controller.signal.onabort = lambda e: seen.append(f"onabort {e.type}")
    controller.signal.add_event_listener(
        "abort", lambda e: seen.append(f"listener {e.type}"), once=True
    )
    controller.abort()
    controller.abort()
    assert controller.signal.aborted
    assert seen == ["onabort abort", "listener abort"]


def test_abort_events_are_trusted() -> None:
    controller = AbortController()
    trusted: list[bool] = []
    controller.signal.add_event_listener("abort", lambda e: trusted.append(e.is_trusted))
    controller.abort()
    assert trusted == [True]
    assert Event("abort").is_trusted is False


def test_abort_signal_cannot_be_constructed() -> None:
    with pytest.raises(ERR_ILLEGAL_CONSTRUCTOR) as info:
        AbortSignal()
    assert isinstance(info.value, TypeError)
    assert str(info.value) == "Illegal constructor"


def test_static_abort() -> None:
    assert AbortSignal.abort().aborted


def test_reason() -> None:
    controller = AbortController()
    controller.abort("reason")
    assert controller.signal.reason == "reason"
    assert AbortSignal.abort("reason").reason == "reason"


def test_default_reason_is_an_abort_error_dom_exception() -> None:
    for signal in (AbortSignal.abort(), _aborted_controller().signal):
        reason = signal.reason
        assert isinstance(reason, DOMException)
        assert reason.code == 20
        assert reason.name == "AbortError"
        assert reason.message == "This operation was aborted"


def _aborted_controller() -> AbortController:
    controller = AbortController()
    controller.abort()
    return controller


def test_throw_if_aborted() -> None:
    with pytest.raises(DOMException) as info:
        AbortSignal.abort().throw_if_aborted()
    assert (info.value.code, info.value.name) == (20, "AbortError")
    AbortController().signal.throw_if_aborted()  # not aborted: nothing


def test_throw_if_aborted_raises_the_reason_itself() -> None:
    reason = ValueError("actual")
    with pytest.raises(ValueError) as info:
        AbortSignal.abort(reason).throw_if_aborted()
    assert info.value is reason


def test_throw_if_aborted_with_a_non_exception_reason() -> None:
    # Python cannot raise a string: the reason rides on AbortError.cause instead.
    with pytest.raises(AbortError) as info:
        AbortSignal.abort("why").throw_if_aborted()
    assert info.value.cause == "why"
    assert info.value.code == "ABORT_ERR"


async def test_timeout_aborts_with_a_timeout_error(autojump_clock: MockClock) -> None:
    async with open_loop():
        signal = AbortSignal.timeout(10)
        assert not signal.aborted
        await trio.sleep(0.02)
        assert signal.aborted
        assert signal.reason.name == "TimeoutError"
        assert signal.reason.code == 23
        assert signal.reason.message == "The operation was aborted due to timeout"


async def test_timeout_signal_does_not_hold_the_loop_open() -> None:
    with trio.fail_after(5):
        async with open_loop():
            signal = AbortSignal.timeout(1_200_000)
    assert not signal.aborted  # the loop closed first: as a Node process exits


async def test_timeout_signal_can_be_collected() -> None:
    async with open_loop():
        ref = weakref.ref(AbortSignal.timeout(1_200_000))
        await trio.sleep(0.01)
        gc.collect()
        assert ref() is None


async def test_timeout_signal_with_a_listener_is_kept_until_the_listener_goes() -> None:
    def handler(event: Event) -> None:
        pass

    async with open_loop():
        signal = AbortSignal.timeout(1_200_000)
        ref = weakref.ref(signal)
        signal.add_event_listener("abort", handler)
        del signal
        await trio.sleep(0.01)
        gc.collect()
        kept = ref()
        assert isinstance(kept, AbortSignal)
        kept.remove_event_listener("abort", handler)
        del kept
        gc.collect()
        assert ref() is None


async def test_timeout_with_a_listener_and_no_reference_still_fires(
    autojump_clock: MockClock,
) -> None:
    seen: list[str] = []
    async with open_loop():
        AbortSignal.timeout(5).add_event_listener("abort", lambda e: seen.append(e.type))
        gc.collect()
        await trio.sleep(0.02)
    assert seen == ["abort"]


def test_timeout_needs_a_loop() -> None:
    with pytest.raises(NoLoopError, match=r"AbortSignal\.timeout\(\)"):
        AbortSignal.timeout(10)


async def test_timeout_validates_the_delay(autojump_clock: MockClock) -> None:
    async with open_loop():
        with pytest.raises(ERR_OUT_OF_RANGE, match=r">= 0 && <= 4294967295. Received -1"):
            AbortSignal.timeout(-1)
        with pytest.raises(ERR_OUT_OF_RANGE, match="an integer"):
            AbortSignal.timeout(1.5)  # type: ignore[arg-type]
        with pytest.raises(ERR_INVALID_ARG_TYPE):
            AbortSignal.timeout("10")  # type: ignore[arg-type]
        signal = AbortSignal.timeout(0)  # 0 is allowed: a timer of 1 ms, as setTimeout(0)
        await trio.sleep(0.01)
        assert signal.aborted


# test-abortsignal-any.mjs -------------------------------------------------------------------


def test_any_refuses_a_non_iterable() -> None:
    for bad in (None, 5, object()):
        with pytest.raises(ERR_INVALID_ARG_TYPE):
            AbortSignal.any(bad)  # type: ignore[arg-type]


def test_any_refuses_non_signal_members() -> None:
    source = AbortController()
    with pytest.raises(ERR_INVALID_ARG_TYPE) as info:
        AbortSignal.any([source.signal, None])  # type: ignore[list-item]
    assert str(info.value) == (
        'The "signals[1]" argument must be an instance of AbortSignal. Received None'
    )
    assert source.signal._dependents is None  # nothing was linked


def test_any_of_nothing_never_aborts() -> None:
    signal = AbortSignal.any([])
    assert signal.aborted is False
    signal.add_event_listener("abort", lambda e: pytest.fail("called"))


def test_any_returns_a_new_signal() -> None:
    original = AbortController().signal
    assert AbortSignal.any([original]) is not original


def test_any_with_an_aborted_input_is_born_aborted() -> None:
    signal = AbortSignal.any([AbortSignal.abort("some reason")])
    assert signal.aborted and signal.reason == "some reason"
    signal = AbortSignal.any([AbortSignal.abort("some reason"), AbortSignal.abort("another")])
    assert signal.reason == "some reason"


async def test_any_of_a_timeout_dispatches_on_itself() -> None:
    async with open_loop():
        signal = AbortSignal.any([AbortSignal.timeout(5)])
        [event] = await events.once(signal, "abort")
        assert event.target is signal
        assert signal.aborted
        assert signal.reason.name == "TimeoutError"


def test_any_aborts_with_the_first_reason() -> None:
    controllers = [AbortController() for _ in range(3)]
    combined = AbortSignal.any([c.signal for c in controllers])
    controllers[1].abort(1)
    controllers[2].abort(2)
    assert combined.aborted and combined.reason == 1


def test_any_accepts_the_same_signal_twice() -> None:
    controller = AbortController()
    signal = AbortSignal.any([controller.signal, controller.signal])
    assert not signal.aborted
    controller.abort("reason")
    assert signal.aborted and signal.reason == "reason"


def test_any_of_composites() -> None:
    controllers = [AbortController() for _ in range(2)]
    composed1 = AbortSignal.any([controllers[0].signal])
    composed2 = AbortSignal.any([composed1, controllers[1].signal])
    called: list[str] = []
    composed2.onabort = lambda e: called.append("onabort")
    controllers[0].abort()
    assert composed2.aborted
    assert isinstance(composed2.reason, DOMException)
    assert composed2.reason.name == "AbortError"
    assert called == ["onabort"]


def test_any_abort_handlers_run_in_creation_order() -> None:
    controller = AbortController()
    signals = [controller.signal]
    signals.append(AbortSignal.any([controller.signal]))
    signals.append(AbortSignal.any([controller.signal]))
    signals.append(AbortSignal.any([signals[0]]))
    signals.append(AbortSignal.any([signals[1]]))
    result: list[int] = []
    for i, signal in enumerate(signals):
        signal.add_event_listener("abort", lambda e, i=i: result.append(i))
    controller.abort()
    assert result == [0, 1, 2, 3, 4]


# Composites and memory (Node holds them weakly; see the abort docs) -------------------------


def test_composites_without_listeners_are_not_kept_by_their_source() -> None:
    source = AbortController()
    refs = [weakref.ref(AbortSignal.any([source.signal])) for _ in range(100)]
    assert all(ref() is None for ref in refs)  # no gc.collect needed: no cycle
    assert not source.signal._dependents


def test_composite_with_a_listener_is_kept_and_fires() -> None:
    source = AbortController()
    seen: list[str] = []
    AbortSignal.any([source.signal]).add_event_listener("abort", lambda e: seen.append("fired"))
    gc.collect()
    source.abort()
    assert seen == ["fired"]
    assert not source.signal._dependents and not source.signal._held


def test_aborted_composite_unlinks_from_its_other_sources() -> None:
    a, b = AbortController(), AbortController()
    composite = AbortSignal.any([a.signal, b.signal])
    composite.add_event_listener("abort", lambda e: None)
    a.abort()
    assert composite.aborted
    assert not b.signal._dependents and not b.signal._held


def test_removing_the_listener_releases_the_composite() -> None:
    source = AbortController()

    def listener(event: Event) -> None:
        pass

    composite = AbortSignal.any([source.signal])
    composite.add_event_listener("abort", listener)
    ref = weakref.ref(composite)
    del composite
    gc.collect()
    kept = ref()
    assert kept is not None
    kept.remove_event_listener("abort", listener)
    del kept
    assert ref() is None
    assert not source.signal._dependents


# test-domexception-cause.js -----------------------------------------------------------------


def test_dom_exception_cause() -> None:
    no_cause = DOMException("no cause", "abc")
    assert no_cause.name == "abc"
    assert not hasattr(no_cause, "cause")
    none_cause = DOMException("with None cause", "abc", cause=None)
    assert hasattr(none_cause, "cause") and none_cause.cause is None
    assert DOMException("with string cause", "abc", cause="foo").cause == "foo"
    obj: dict[str, Any] = {"reason": "foo"}
    assert DOMException("with object cause", "abc", cause=obj).cause is obj
    inner = ValueError("inner")
    assert DOMException("m", "abc", cause=inner).__cause__ is inner


def test_dom_exception_defaults_and_validation() -> None:
    d = DOMException()
    assert (d.message, d.name, d.code, str(d)) == ("", "Error", 0, "")
    assert isinstance(d, Exception)
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        DOMException(1)  # type: ignore[arg-type]
    with pytest.raises(ERR_INVALID_ARG_TYPE):
        DOMException("m", None)  # type: ignore[arg-type]


# test-errors-aborterror.js ------------------------------------------------------------------


def test_abort_error() -> None:
    err = AbortError()
    assert str(err) == "The operation was aborted"
    assert err.cause is None
    assert (err.code, err.name) == ("ABORT_ERR", "AbortError")
    cause = ValueError("boom")
    err = AbortError("bang", cause=cause)
    assert (err.message, err.cause, err.__cause__) == ("bang", cause, cause)
    err = AbortError(cause="a string")
    assert err.cause == "a string" and err.__cause__ is None


def test_inspect_like_node() -> None:
    from trio_nodecompat.util import inspect

    controller = AbortController()
    assert inspect(controller, depth=1) == "AbortController { signal: [AbortSignal] }"
    assert inspect(controller, depth=None) == (
        "AbortController { signal: AbortSignal { aborted: False } }"
    )
    assert inspect(controller, depth=0) == "AbortController [Object]"
    assert inspect([[controller.signal]], depth=1) == "[ [ [AbortSignal] ] ]"
    assert inspect({"e": EventTarget()}, depth=0) == "{ e: EventTarget }"
