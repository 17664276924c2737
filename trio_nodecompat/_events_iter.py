"""``events.once`` and ``events.on``: waiting for events from a Trio task.

Both accept an :class:`EventEmitter` or an :class:`EventTarget` (whose events arrive as the
one-element list ``[event]``, with no ``'error'`` handling, as in Node), and both take Node's
``signal=``: an abort raises :class:`~trio_nodecompat.errors.AbortError`. A Trio cancel scope
works as well, as around any Trio wait. Neither leaves a listener behind however it ends.

A cancelled wait and an aborted signal differ for :func:`on`: the signal belongs to the
iterator, so its abort ends the iteration (queued events are still delivered, then
``AbortError`` is raised, then iteration stops), as Node's does. A cancel scope belongs to one
``__anext__`` call: the iterator stays open and keeps queueing, so a per-item timeout
(``with trio.move_on_after(1): args = await it.__anext__()``) loses nothing. Leaving
``async with events.on(...)`` removes the listeners deterministically.
"""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Hashable, Iterable
from types import TracebackType
from typing import Any

import trio

from ._abort_scope import abort_scope, aborted_error
from ._abort_signal import AbortSignal
from ._event_emitter import EventEmitter
from ._event_target import Event, EventTarget, _check_type, _Listener
from ._internal.validators import validate_abort_signal
from .errors import ERR_INVALID_ARG_TYPE

__all__ = ["EventIterator", "on", "once"]


def _check_emitter(emitter: object) -> EventEmitter | EventTarget:
    if not isinstance(emitter, EventEmitter | EventTarget):
        raise ERR_INVALID_ARG_TYPE("emitter", ["EventEmitter", "EventTarget"], emitter)
    return emitter


def _check_signal(signal: object) -> AbortSignal | None:
    if signal is None:
        return None
    checked: AbortSignal = validate_abort_signal(signal, "signal")
    return checked


async def once(
    emitter: EventEmitter | EventTarget, event: Hashable, *, signal: AbortSignal | None = None
) -> list[Any]:
    """Wait for the next ``event`` of ``emitter`` and return its arguments as a list.

    If an :class:`EventEmitter` emits ``'error'`` first, the error is raised instead (unless
    ``event`` is ``'error'`` itself, whose arguments are then returned). An
    :class:`EventTarget`'s event is returned as ``[event]``. If ``signal`` aborts first (or
    already has), :class:`~trio_nodecompat.errors.AbortError` is raised with its reason as
    ``cause``. The listeners are added when the call starts waiting and removed when it
    returns, raises, is aborted or is cancelled.
    """
    _check_emitter(emitter)
    checked = _check_signal(signal)
    if isinstance(emitter, EventTarget):
        return await _once_target(emitter, _check_type(event), checked)
    if checked is not None and checked._aborted:
        raise aborted_error(checked)
    outcome: list[Any] | None = None
    error: list[BaseException] = []
    done = trio.Event()

    def resolve(*args: Any) -> None:
        nonlocal outcome
        if outcome is None and not error:
            outcome = list(args)
            done.set()

    def reject(err: Any = None) -> None:
        if outcome is None and not error:
            error.append(err if isinstance(err, BaseException) else _non_exception(err))
            done.set()

    listening_for_error = event != "error"
    try:
        # Added inside the ``try``: if adding the second raises (a 'newListener' listener, a
        # leak warning turned error), the first is removed too.
        emitter.once(event, resolve)
        if listening_for_error:
            emitter.once("error", reject)
        if checked is None:
            await done.wait()
        else:
            with abort_scope(checked):
                await done.wait()
    finally:
        emitter.remove_listener(event, resolve)
        if listening_for_error:
            emitter.remove_listener("error", reject)
    if error:
        raise error[0]
    assert outcome is not None
    return outcome


async def _once_target(target: EventTarget, event: str, signal: AbortSignal | None) -> list[Any]:
    """``once`` on an EventTarget: one ``once`` listener, no ``'error'`` handling (as Node)."""
    if signal is not None and signal._aborted:
        raise aborted_error(signal)
    outcome: list[Any] = []
    done = trio.Event()

    def resolve(ev: Event) -> None:
        if not outcome:
            outcome.append(ev)
            done.set()

    target.add_event_listener(event, resolve, once=True)
    try:
        if signal is None:
            await done.wait()
        else:
            with abort_scope(signal):
                await done.wait()
    finally:
        target.remove_event_listener(event, resolve)
    return outcome


def _non_exception(value: object) -> BaseException:
    """What an ``'error'`` event that carries a non-exception value raises in a waiter."""
    from .errors import ERR_UNHANDLED_ERROR

    return ERR_UNHANDLED_ERROR(value)


def _check_close(close: object) -> tuple[Hashable, ...]:
    """``close`` is a collection of event names; a lone string would iterate as characters."""
    if isinstance(close, str | bytes) or not isinstance(close, Iterable):
        raise ERR_INVALID_ARG_TYPE("close", ["list", "tuple", "set"], close)
    return tuple(close)


class EventIterator:
    """The async iterator :func:`on` returns: each ``event`` as the list of its arguments.

    Events that arrive while nobody is waiting are queued, without limit. An ``'error'`` event
    ends the iteration: the queued events are still delivered, then the error is raised once,
    then iteration stops. It is also an async context manager whose exit removes the
    listeners, the deterministic way to stop; otherwise they are removed when iteration ends,
    on :meth:`aclose`, or when the iterator is dropped (``break`` out of ``async for`` over
    ``on(...)`` drops it at once in CPython).
    """

    def __init__(
        self,
        emitter: EventEmitter | EventTarget,
        event: Hashable,
        close: Iterable[Hashable] = (),
        signal: AbortSignal | None = None,
    ) -> None:
        _check_emitter(emitter)
        close_events = _check_close(close)
        checked = _check_signal(signal)
        is_target = isinstance(emitter, EventTarget)
        if is_target:
            _check_type(event)
            for name in close_events:
                _check_type(name)
        if checked is not None and checked._aborted:
            raise aborted_error(checked)
        self._emitter: EventEmitter | EventTarget | None = emitter
        self._signal = checked
        self._abort_hook: _Listener | None = None
        self._event = event
        self._queue: deque[list[Any]] = deque()
        self._error: BaseException | None = None
        self._finished = False
        self._lot = trio.lowlevel.ParkingLot()
        # The listeners reach this iterator through a weak reference, so an abandoned iterator
        # is collected (and its __del__ removes them) even while the emitter lives on.
        ref = weakref.ref(self)

        def on_event(*args: Any) -> None:
            it = ref()
            if it is not None:
                it._push(list(args))

        def on_abort(ev: Event) -> None:
            it = ref()
            if it is not None and it._signal is not None:
                it._fail(aborted_error(it._signal))

        def on_error(err: Any = None) -> None:
            it = ref()
            if it is not None:
                it._fail(err)

        def on_close(*args: Any) -> None:
            it = ref()
            if it is not None:
                it._finish()

        self._listeners: list[tuple[Hashable, Any]] = [(event, on_event)]
        if event != "error" and not is_target:
            self._listeners.append(("error", on_error))
        self._listeners.extend((name, on_close) for name in close_events)
        try:
            for name, listener in self._listeners:
                if isinstance(emitter, EventTarget):
                    assert isinstance(name, str)
                    emitter.add_event_listener(name, listener)
                else:
                    emitter.on(name, listener)
            if checked is not None:
                self._abort_hook = checked._add("abort", on_abort, True, False, False, True, 2)
        except BaseException:
            self._remove_listeners()  # those added before the one that raised
            raise

    # What the listeners do --------------------------------------------------------------------

    def _push(self, args: list[Any]) -> None:
        if self._finished:
            return
        self._queue.append(args)
        self._lot.unpark()

    def _fail(self, err: Any) -> None:
        if self._finished:
            return
        self._error = err if isinstance(err, BaseException) else _non_exception(err)
        self._finish()

    def _finish(self) -> None:
        self._finished = True
        self._remove_listeners()
        self._lot.unpark_all()

    def _remove_listeners(self) -> None:
        emitter, self._emitter = self._emitter, None
        hook, self._abort_hook = self._abort_hook, None
        if hook is not None and self._signal is not None:
            self._signal._remove_record("abort", hook)
        if isinstance(emitter, EventTarget):
            for name, listener in self._listeners:
                assert isinstance(name, str)
                emitter.remove_event_listener(name, listener)
        elif emitter is not None:
            for name, listener in self._listeners:
                emitter.remove_listener(name, listener)

    # The async iterator -------------------------------------------------------------------------

    def __aiter__(self) -> EventIterator:
        return self

    async def __anext__(self) -> list[Any]:
        checkpointed = False
        try:
            while True:
                if self._queue or self._error is not None or self._finished:
                    if not checkpointed:
                        # Every call is a checkpoint; a cancel here loses no queued event.
                        await trio.lowlevel.checkpoint()
                        checkpointed = True
                        continue
                    if self._queue:
                        return self._queue.popleft()
                    if self._error is not None:
                        err, self._error = self._error, None
                        raise err
                    raise StopAsyncIteration
                await self._lot.park()
                checkpointed = True
        except BaseException:
            # The traceback of a cancelled wait keeps this frame, and Trio's Cancelled sits in
            # a reference cycle until the garbage collector runs: without this, an iterator
            # abandoned by its cancelled ``async for`` (and so its listeners) would live until
            # then. The caller that still holds the iterator can go on iterating.
            del self
            raise

    async def aclose(self) -> None:
        """Stop listening: queued events are dropped and waiting tasks see the end."""
        self._queue.clear()
        self._error = None
        self._finish()
        await trio.lowlevel.checkpoint()

    async def __aenter__(self) -> EventIterator:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._queue.clear()
        self._error = None
        self._finish()

    def __del__(self) -> None:
        if getattr(self, "_emitter", None) is not None:
            self._remove_listeners()


def on(
    emitter: EventEmitter | EventTarget,
    event: Hashable,
    *,
    close: Iterable[Hashable] = (),
    signal: AbortSignal | None = None,
) -> EventIterator:
    """Iterate over ``event`` of ``emitter``: ``async for args in events.on(ee, 'data')``.

    Listeners are added now, so events emitted between this call and the first ``__anext__``
    are queued, not lost. ``close`` names events that end the iteration (Node's ``close``
    option). An :class:`EventTarget`'s events arrive as ``[event]``. ``signal``: its abort
    ends the iteration with :class:`~trio_nodecompat.errors.AbortError` after the queued
    events (raised at once if it has already aborted). A Trio cancel scope cancels one wait
    and leaves the iterator open (see the module docs); use ``async with events.on(ee,
    'data') as it:`` to remove the listeners deterministically.
    """
    return EventIterator(emitter, event, close, signal)
