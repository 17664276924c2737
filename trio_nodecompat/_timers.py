"""Node's timers on the loop: ``Timeout`` and ``Immediate`` objects, and the delay rules.

The callback forms (``set_timeout``, ``set_interval``, ``set_immediate``, ``queue_microtask``)
schedule work on the current :class:`~trio_nodecompat.Loop`, whose single runner task fires
them in Node's order (expired timers by deadline and creation order, then immediates in the
order they were set), each in a fresh copy of the context captured when it was set. Deadlines
are on Trio's clock, so ``trio.testing.MockClock`` drives them.

Delays are milliseconds, clamped as Node clamps them: anything not in ``[1, 2**31 - 1]``
(negative, zero, NaN, ``None``) becomes 1 ms, and a delay above ``2**31 - 1`` also issues a
:class:`TimeoutOverflowWarning`. Fractions of a millisecond are dropped when the deadline is
set, as in Node.
"""

from __future__ import annotations

import math
import numbers
import warnings
from collections.abc import Callable
from contextvars import Context, copy_context
from types import TracebackType
from typing import Any, ClassVar, Self

import trio

from ._loop import Loop, require_loop
from .errors import ERR_INVALID_ARG_TYPE

__all__ = [
    "TIMEOUT_MAX",
    "Immediate",
    "Timeout",
    "TimeoutOverflowWarning",
    "clamp_delay",
    "clear_immediate",
    "clear_interval",
    "clear_timeout",
    "queue_microtask",
    "set_immediate",
    "set_interval",
    "set_timeout",
]

#: The longest delay Node accepts, in milliseconds (a 32-bit signed integer).
TIMEOUT_MAX = 2**31 - 1


class TimeoutOverflowWarning(RuntimeWarning):
    """A delay above ``2**31 - 1`` ms was given; the timer was set to 1 ms instead, as in Node."""

    name = "TimeoutOverflowWarning"


def _js_number(value: float) -> str:
    """``String(value)`` for a JS number, for Node's warning text."""
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    text = repr(value)
    return text.replace("e+0", "e+").replace("e-0", "e-")


def clamp_delay(delay: object, *, strict: bool = False, stacklevel: int = 2) -> float:
    """Node's delay rule: a number of milliseconds in ``[1, TIMEOUT_MAX]``, else 1.

    ``None`` plays JS ``undefined`` (NaN, so 1 ms). Above ``TIMEOUT_MAX`` a
    :class:`TimeoutOverflowWarning` is issued with Node's wording. Other types raise
    ``ERR_INVALID_ARG_TYPE``: Python does not coerce strings to numbers as JS does. A
    ``bool`` counts as a number (JS coerces ``true`` to 1) unless ``strict``, as
    ``timers/promises`` validates its delay as a number.
    """
    if delay is None:
        return 1.0
    if isinstance(delay, bool):
        if strict:
            raise ERR_INVALID_ARG_TYPE("delay", "number", delay)
        after = float(delay)
    elif isinstance(delay, numbers.Real):
        after = float(delay)
    else:
        raise ERR_INVALID_ARG_TYPE("delay", "number", delay)
    if not (1 <= after <= TIMEOUT_MAX):
        if after > TIMEOUT_MAX:
            given: object = delay
            exact = isinstance(given, int) and abs(given) < 10**21
            warnings.warn(
                f"{given if exact else _js_number(after)} does not fit into a 32-bit signed integer."
                "\nTimeout duration was set to 1.",
                TimeoutOverflowWarning,
                stacklevel=stacklevel + 1,
            )
        return 1.0
    return after


def _validate_callback(callback: object) -> None:
    if not callable(callback):
        raise ERR_INVALID_ARG_TYPE("callback", "function", callback)


def _loop_for(what: str) -> Loop:
    loop = require_loop(what)
    loop._check_thread(what)
    return loop


class _LoopHandle:
    """What a :class:`Timeout` and an :class:`Immediate` share: a reference on their loop.

    While a handle is alive (pending) and referenced, it holds one reference on the loop, so
    leaving ``async with open_loop()`` waits for it, as a Node process waits for a ref'd timer.
    ``ref``/``unref`` move that reference; they live here once so the two kinds of handle
    cannot count differently. Both change state only after the thread check has passed.
    """

    __slots__ = ("_loop", "_alive", "_ref")

    #: The class name used in error messages (``Timeout.ref()``).
    _kind: ClassVar[str] = "handle"

    _loop: Loop
    _alive: bool
    _ref: bool

    def ref(self) -> Self:
        """Make it keep the loop open while it is pending (the default); return it."""
        if not self._ref:
            if self._alive:
                self._loop._check_thread(f"{self._kind}.ref()")
                self._loop._retain()
            self._ref = True
        return self

    def unref(self) -> Self:
        """Let the loop close while it is pending (it then never runs); return it."""
        if self._ref:
            if self._alive:
                self._loop._check_thread(f"{self._kind}.unref()")
                self._loop._release()
            self._ref = False
        return self

    def has_ref(self) -> bool:
        """Whether it keeps the loop open while pending."""
        return self._ref

    def _finish(self) -> None:
        """It is no longer pending: give back the loop's reference if it held one."""
        if self._alive:
            self._alive = False
            if self._ref:
                self._loop._release()

    def __enter__(self) -> Self:
        return self


class Timeout(_LoopHandle):
    """A timer set by :func:`set_timeout` or :func:`set_interval` (Node's ``Timeout``).

    While it is pending and referenced, it keeps its loop open. ``ref``/``unref``/``refresh``/
    ``close`` return the timer, as Node's methods return ``this``. ``with set_timeout(...) as
    t:`` clears it on leaving the block (Node's ``Symbol.dispose``).
    """

    __slots__ = (
        "_callback",
        "_args",
        "_context",
        "_delay",
        "_repeat",
        "_heap_seq",
        "_cleared",
        "__weakref__",
    )

    _kind: ClassVar[str] = "Timeout"

    def __init__(
        self,
        loop: Loop,
        callback: Callable[..., Any],
        delay: float,
        repeat: bool,
        args: tuple[Any, ...],
        context: Context,
    ) -> None:
        self._loop = loop
        self._callback = callback
        self._args = args
        self._context = context
        self._delay = delay
        self._repeat = repeat
        self._heap_seq: int | None = None
        self._alive = False
        self._ref = True
        self._cleared = False
        self._arm()

    def _arm(self) -> None:
        """(Re)start the countdown from now; hold a reference while pending, if ref'd."""
        if not self._alive:
            self._alive = True
            if self._ref:
                self._loop._retain()
        deadline = trio.current_time() + math.trunc(self._delay) / 1000
        self._loop._push_timer(self, deadline)

    def _destroy(self) -> None:
        self._heap_seq = None
        self._finish()

    def _fire(self, loop: Loop, now: float) -> bool:
        """Called by the loop's runner when the deadline has passed.

        Returns whether the callback returned normally (``False``: it raised, and the loop
        reported it as an uncaught exception), which decides when the nextTick queue drains.
        """
        start = trio.current_time()
        try:
            return self._context.copy().run(loop._call_guarded, self._callback, self._args)
        finally:
            if self._cleared or self._heap_seq is not None:
                pass  # cleared, or refreshed from inside the callback
            elif self._repeat:
                loop._push_timer(self, start + math.trunc(self._delay) / 1000)
            else:
                self._destroy()

    def refresh(self) -> Timeout:
        """Restart the countdown from now, with the same delay and callback.

        A timer that already fired is re-armed (as in Node); a cleared one stays cleared.
        """
        if self._cleared:
            return self
        self._loop._check_thread("Timeout.refresh()")
        self._arm()
        return self

    def close(self) -> Timeout:
        """Cancel the timer (:func:`clear_timeout`)."""
        if not self._cleared:
            self._loop._check_thread_if_open("clear_timeout()")
            self._cleared = True
            self._destroy()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        kind = "interval" if self._repeat else "timeout"
        state = "cleared" if self._cleared else "pending" if self._heap_seq is not None else "idle"
        return f"<Timeout {kind} {self._delay:g}ms {state}{'' if self._ref else ' unref'}>"


class Immediate(_LoopHandle):
    """A callback set by :func:`set_immediate` (Node's ``Immediate``).

    It runs after the current batch of timers; while pending and referenced it keeps the
    loop open.
    """

    __slots__ = ("_callback", "_args", "_context", "__weakref__")

    _kind: ClassVar[str] = "Immediate"

    def __init__(
        self, loop: Loop, callback: Callable[..., Any], args: tuple[Any, ...], context: Context
    ) -> None:
        self._loop = loop
        self._callback = callback
        self._args = args
        self._context = context
        self._alive = True
        self._ref = True
        loop._retain()
        loop._push_immediate(self)

    def _destroy(self) -> None:
        self._finish()

    def _fire(self, loop: Loop) -> bool:
        """Called by the loop's runner in the check phase.

        Returns whether the callback returned normally (a cleared immediate counts as having
        run, as it does in Node's ``processImmediate``).
        """
        if not self._alive:
            return True
        try:
            return self._context.run(loop._call_guarded, self._callback, self._args)
        finally:
            self._destroy()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        clear_immediate(self)

    def __repr__(self) -> str:
        state = "pending" if self._alive else "done"
        return f"<Immediate {state}{'' if self._ref else ' unref'}>"


def set_timeout(callback: Callable[..., Any], delay: float | None = None, *args: Any) -> Timeout:
    """Call ``callback(*args)`` once, ``delay`` milliseconds from now, on the current loop.

    It runs in a copy of the caller's context (so AsyncLocalStorage stores carry). An
    exception it raises is an uncaught exception of the loop; an async ``callback``'s failure
    is an unhandled rejection.
    """
    _validate_callback(callback)
    after = clamp_delay(delay, stacklevel=2)
    loop = _loop_for("set_timeout()")
    return Timeout(loop, callback, after, False, args, copy_context())


def set_interval(callback: Callable[..., Any], delay: float | None = None, *args: Any) -> Timeout:
    """Call ``callback(*args)`` every ``delay`` milliseconds on the current loop.

    Each call runs in a fresh copy of the caller's context. The next call is due ``delay``
    after the previous one started, as in Node. Stop it with :func:`clear_interval`.
    """
    _validate_callback(callback)
    after = clamp_delay(delay, stacklevel=2)
    loop = _loop_for("set_interval()")
    return Timeout(loop, callback, after, True, args, copy_context())


def set_immediate(callback: Callable[..., Any], *args: Any) -> Immediate:
    """Call ``callback(*args)`` on the current loop after the timers that are due now."""
    _validate_callback(callback)
    loop = _loop_for("set_immediate()")
    return Immediate(loop, callback, args, copy_context())


def queue_microtask(callback: Callable[[], Any]) -> None:
    """Queue ``callback()`` on the current loop's microtask queue (runs before timers).

    An exception it raises is an uncaught exception of the loop. Callable from any thread.
    """
    _validate_callback(callback)
    require_loop("queue_microtask()").call_soon(callback)


def clear_timeout(timeout: object) -> None:
    """Cancel a :class:`Timeout`; anything else (``None`` included) is ignored, as in Node."""
    if isinstance(timeout, Timeout):
        timeout.close()


def clear_interval(timeout: object) -> None:
    """Cancel a :class:`Timeout` from :func:`set_interval` (the same as :func:`clear_timeout`)."""
    clear_timeout(timeout)


def clear_immediate(immediate: object) -> None:
    """Cancel an :class:`Immediate`; anything else (``None`` included) is ignored."""
    if isinstance(immediate, Immediate) and immediate._alive:
        immediate._loop._check_thread_if_open("clear_immediate()")
        immediate._destroy()
