"""The awaitable timers of ``node:timers/promises``, waiting in the calling task.

Node's promise timers are backed by loop timers; in Trio a task can simply sleep, so these
need no loop. Node's ``signal`` option is ``signal=``: its abort raises
:class:`~trio_nodecompat.errors.AbortError` (through :func:`~trio_nodecompat.abort.abort_scope`,
whose listener goes when the wait ends); a Trio cancel scope around the ``await`` works too.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator
from types import TracebackType
from typing import Any, Final, Generic, TypeVar, overload

import trio

from . import _timers
from ._abort_scope import abort_scope, aborted_error
from ._abort_signal import AbortSignal
from ._internal.validators import validate_abort_signal
from ._timers import clamp_delay
from .errors import AbortError
from .util._promisify import CUSTOM_PROMISIFY

__all__ = ["Interval", "Scheduler", "scheduler", "set_immediate", "set_interval", "set_timeout"]

T = TypeVar("T")


def _seconds(delay: object, stacklevel: int) -> float:
    """The clamped delay in seconds; ``stacklevel`` counts from our public caller."""
    return math.trunc(clamp_delay(delay, strict=True, stacklevel=stacklevel + 1)) / 1000


def _check_signal(signal: object) -> AbortSignal | None:
    """Node validates ``signal`` before the delay; an aborted one fails before any wait."""
    if signal is None:
        return None
    checked: AbortSignal = validate_abort_signal(signal, "signal")
    return checked


@overload
async def set_timeout(delay: float | None = None, *, signal: AbortSignal | None = None) -> None: ...
@overload
async def set_timeout(delay: float | None, value: T, *, signal: AbortSignal | None = None) -> T: ...
async def set_timeout(
    delay: float | None = None, value: object = None, *, signal: AbortSignal | None = None
) -> object:
    """Sleep ``delay`` milliseconds (clamped as Node does), then return ``value``.

    ``signal``: if it aborts first (or already has), :class:`~trio_nodecompat.errors.AbortError`
    is raised with its reason as ``cause``.
    """
    seconds = _seconds(delay, 2)
    checked = _check_signal(signal)
    if checked is None:
        await trio.sleep(seconds)
        return value
    if checked._aborted:
        raise aborted_error(checked)
    with abort_scope(checked):
        await trio.sleep(seconds)
    return value


@overload
async def set_immediate(*, signal: AbortSignal | None = None) -> None: ...
@overload
async def set_immediate(value: T, *, signal: AbortSignal | None = None) -> T: ...
async def set_immediate(value: object = None, *, signal: AbortSignal | None = None) -> object:
    """Let every other ready task run once (a Trio checkpoint), then return ``value``.

    ``signal``: as for :func:`set_timeout`.
    """
    checked = _check_signal(signal)
    if checked is None:
        await trio.lowlevel.checkpoint()
        return value
    if checked._aborted:
        raise aborted_error(checked)
    with abort_scope(checked):
        await trio.lowlevel.checkpoint()
    return value


class Interval(AsyncIterator[T], Generic[T]):
    """The async iterator of :func:`set_interval`: yields ``value`` every ``delay`` ms.

    The first value comes ``delay`` after the first ``__anext__``. Ticks are on a fixed
    schedule from there: a consumer slower than the interval gets the missed ticks at once,
    one per ``__anext__``, as Node queues them. ``aclose()`` (or leaving ``async with``)
    ends it. With ``signal``, an abort (before or during a wait) raises
    :class:`~trio_nodecompat.errors.AbortError` from ``__anext__`` and ends the iteration.
    """

    def __init__(
        self,
        delay: float | None,
        value: T,
        *,
        signal: AbortSignal | None = None,
        _stacklevel: int = 1,
    ) -> None:
        self._period = _seconds(delay, _stacklevel + 1)
        self._signal = _check_signal(signal)
        self._value = value
        self._next: float | None = None
        self._closed = False

    def __aiter__(self) -> Interval[T]:
        return self

    async def __anext__(self) -> T:
        if self._closed:
            await trio.lowlevel.checkpoint()
            raise StopAsyncIteration
        if self._next is None:
            self._next = trio.current_time() + self._period
        signal = self._signal
        if signal is None:
            await trio.sleep_until(self._next)
        else:
            if signal._aborted:
                self._closed = True
                raise aborted_error(signal)
            try:
                with abort_scope(signal):
                    await trio.sleep_until(self._next)
            except AbortError:
                self._closed = True
                raise
        if self._closed:
            raise StopAsyncIteration
        self._next += self._period
        return self._value

    async def aclose(self) -> None:
        """Stop the interval: the next ``__anext__`` ends the iteration."""
        self._closed = True
        await trio.lowlevel.checkpoint()

    async def __aenter__(self) -> Interval[T]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._closed = True


@overload
def set_interval(
    delay: float | None = None, *, signal: AbortSignal | None = None
) -> Interval[None]: ...
@overload
def set_interval(
    delay: float | None, value: T, *, signal: AbortSignal | None = None
) -> Interval[T]: ...
def set_interval(
    delay: float | None = None, value: Any = None, *, signal: AbortSignal | None = None
) -> Interval[Any]:
    """An async iterator yielding ``value`` every ``delay`` milliseconds.

    ``async for _ in set_interval(100): ...``; ``break`` (or a cancel scope) stops it;
    ``signal``'s abort ends it with :class:`~trio_nodecompat.errors.AbortError`.
    """
    return Interval(delay, value, signal=signal, _stacklevel=2)


class Scheduler:
    """Node's ``timers/promises`` ``scheduler`` (the Scheduling API; a global in Workers).

    ``await scheduler.wait(delay)`` is :func:`set_timeout` without a value and
    ``await scheduler.yield_()`` (``yield`` is a Python keyword) is :func:`set_immediate`:
    both wait in the calling task, and a Trio cancel scope plays the ``signal`` option.
    """

    __slots__ = ()

    async def wait(self, delay: float | None = None, *, signal: AbortSignal | None = None) -> None:
        """Sleep ``delay`` milliseconds, clamped as :func:`set_timeout` clamps it.

        ``signal``'s abort ends the wait with :class:`~trio_nodecompat.errors.AbortError`.
        """
        await set_timeout(delay, signal=signal)

    async def yield_(self) -> None:
        """Let every other ready task run once (a Trio checkpoint), as ``scheduler.yield()``."""
        await trio.lowlevel.checkpoint()

    def __repr__(self) -> str:
        return "<Scheduler>"


#: The one :class:`Scheduler`, as Node's ``require('timers/promises').scheduler``.
scheduler: Final = Scheduler()


# Node's setTimeout and setImmediate carry ``util.promisify.custom`` pointing at their
# ``timers/promises`` forms, so ``promisify(set_timeout)`` is :func:`set_timeout` above (not a
# wrapper that would pass a callback as the delay). setInterval has none, as in Node.
setattr(_timers.set_timeout, CUSTOM_PROMISIFY, set_timeout)
setattr(_timers.set_immediate, CUSTOM_PROMISIFY, set_immediate)
