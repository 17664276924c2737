"""The web's ``EventTarget``, ``Event`` and ``CustomEvent``, as Node implements them.

An :class:`EventTarget` keeps, per event type, a list of listener records in the order they
were added, and a tuple snapshot of it that ``dispatch_event`` iterates without copying (any
change drops the snapshot; the next dispatch rebuilds it). A record is never reused: removing
one marks it ``removed``, so a dispatch already iterating the old snapshot skips it, and a
listener added during a dispatch is not in that dispatch's snapshot (the DOM's rule).

A listener's exception must not reach ``dispatch_event``'s caller (Node reports it on
``process``). Here it is an uncaught exception of the current loop, raised from the loop's
nextTick queue after the dispatch (Node raises it from ``process.nextTick``), so a loop with
no ``'uncaughtException'`` listener fails as Node's process does. Outside every loop nobody
else could receive it, so ``dispatch_event`` raises it itself once every listener has run
(several: an :class:`ExceptionGroup`). An async listener (one that returns an awaitable) is
spawned on the loop and its failure is an uncaught exception too, as Node turns such a
rejection into one.
"""

from __future__ import annotations

import inspect
import threading
import time
import types
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, Self

from ._event_emitter import EventEmitter, MaxListenersExceededWarning
from ._internal.current_loop import find_host
from ._loop import Loop
from .errors import ERR_EVENT_RECURSION, ERR_INVALID_ARG_TYPE, NoLoopError

if TYPE_CHECKING:
    from ._abort_signal import AbortSignal

__all__ = [
    "AddEventListenerArgumentTypeWarning",
    "CustomEvent",
    "Event",
    "EventListener",
    "EventTarget",
]

#: The moment ``time_stamp`` counts from (Node's ``performance.timeOrigin``: process start).
_TIME_ORIGIN = time.perf_counter()


class _HandleEvent(Protocol):
    def handle_event(self, event: Event) -> object: ...


#: What ``add_event_listener`` accepts: a callable taking the event, or an object with a
#: ``handle_event`` method (looked up at each dispatch, as the DOM does).
EventListener = Callable[["Event"], object] | _HandleEvent


class AddEventListenerArgumentTypeWarning(RuntimeWarning):
    """``add_event_listener`` was given ``None`` as the listener: nothing is added (as in Node)."""

    name = "AddEventListenerArgumentTypeWarning"


class Event:
    """Node's ``Event(type, *, bubbles=False, cancelable=False, composed=False)``.

    Node has no tree of targets, so ``bubbles`` and ``composed`` are only stored, and a
    dispatched event is always at its target (``event_phase`` is :attr:`AT_TARGET` during
    the dispatch, :attr:`NONE` otherwise). ``prevent_default()`` marks a ``cancelable``
    event as cancelled, except inside a ``passive`` listener (the DOM's rule).
    """

    __slots__ = (
        "_type",
        "_bubbles",
        "_cancelable",
        "_composed",
        "_canceled",
        "_stop",
        "_propagation_stopped",
        "_target",
        "_dispatching",
        "_in_passive",
        "_time_stamp",
        "_trusted",
        "__weakref__",
    )

    NONE: ClassVar[int] = 0
    CAPTURING_PHASE: ClassVar[int] = 1
    AT_TARGET: ClassVar[int] = 2
    BUBBLING_PHASE: ClassVar[int] = 3

    def __init__(
        self, type: str, *, bubbles: bool = False, cancelable: bool = False, composed: bool = False
    ) -> None:
        if not isinstance(type, str):
            raise ERR_INVALID_ARG_TYPE("type", "string", type)
        self._type = type
        self._bubbles = bool(bubbles)
        self._cancelable = bool(cancelable)
        self._composed = bool(composed)
        self._canceled = False
        self._stop = False
        self._propagation_stopped = False
        self._target: EventTarget | None = None
        self._dispatching = False
        self._in_passive = False
        self._time_stamp = (time.perf_counter() - _TIME_ORIGIN) * 1000
        self._trusted = False

    @classmethod
    def _trusted_event(cls, type: str) -> Event:
        """An event the library itself dispatches (``'abort'``): ``is_trusted`` is True."""
        event = cls(type)
        event._trusted = True
        return event

    @property
    def type(self) -> str:
        """The event's type (its name)."""
        return self._type

    @property
    def target(self) -> EventTarget | None:
        """The target it was last dispatched on (kept after the dispatch, as in Node)."""
        return self._target

    @property
    def src_element(self) -> EventTarget | None:
        """The legacy alias of :attr:`target`."""
        return self._target

    @property
    def current_target(self) -> EventTarget | None:
        """The target whose listeners run now; ``None`` outside a dispatch."""
        return self._target if self._dispatching else None

    @property
    def event_phase(self) -> int:
        """:attr:`AT_TARGET` (2) during a dispatch, :attr:`NONE` (0) otherwise."""
        return 2 if self._dispatching else 0

    @property
    def bubbles(self) -> bool:
        """Whether it was created with ``bubbles=True`` (stored only: Node has no tree)."""
        return self._bubbles

    @property
    def cancelable(self) -> bool:
        """Whether ``prevent_default()`` can cancel it."""
        return self._cancelable

    @property
    def composed(self) -> bool:
        """Whether it was created with ``composed=True`` (stored only)."""
        return self._composed

    @property
    def default_prevented(self) -> bool:
        """True once a (non-passive) listener called ``prevent_default()`` on a cancelable event."""
        return self._cancelable and self._canceled

    @property
    def return_value(self) -> bool:
        """The legacy inverse of :attr:`default_prevented`; setting it to False cancels."""
        return not (self._cancelable and self._canceled)

    @return_value.setter
    def return_value(self, value: bool) -> None:
        if not value:
            self.prevent_default()

    @property
    def cancel_bubble(self) -> bool:
        """The legacy form of :meth:`stop_propagation`: True once propagation was stopped."""
        return self._propagation_stopped

    @cancel_bubble.setter
    def cancel_bubble(self, value: bool) -> None:
        if value:
            self._propagation_stopped = True

    @property
    def time_stamp(self) -> float:
        """Its creation time in ms since the process started (``performance.now()``)."""
        return self._time_stamp

    @property
    def is_trusted(self) -> bool:
        """True only for events the library dispatches itself (an ``AbortSignal``'s ``'abort'``)."""
        return self._trusted

    def prevent_default(self) -> None:
        """Cancel the event, if it is ``cancelable`` and this is not a passive listener."""
        if not self._in_passive:
            self._canceled = True

    def stop_propagation(self) -> None:
        """Stop propagation to other targets (Node has none: only sets :attr:`cancel_bubble`)."""
        self._propagation_stopped = True

    def stop_immediate_propagation(self) -> None:
        """Call no further listener of this dispatch (and stop propagation)."""
        self._propagation_stopped = True
        self._stop = True

    def composed_path(self) -> list[EventTarget]:
        """``[target]`` during a dispatch, ``[]`` otherwise (Node has no tree of targets)."""
        return [self._target] if self._dispatching and self._target is not None else []

    def init_event(self, type: str, bubbles: bool = False, cancelable: bool = False) -> None:
        """The legacy initialiser: reset type and flags; does nothing during a dispatch."""
        if not isinstance(type, str):
            raise ERR_INVALID_ARG_TYPE("type", "string", type)
        if self._dispatching:
            return
        self._type = type
        self._bubbles = bool(bubbles)
        self._cancelable = bool(cancelable)

    def nodejs_util_inspect_custom(
        self, depth: float | None, options: dict[str, Any], inspect: Callable[..., str]
    ) -> str:
        """What :func:`trio_nodecompat.util.inspect` shows: Node's fields, in Python's names."""
        fields = {
            "type": self._type,
            "default_prevented": self.default_prevented,
            "cancelable": self._cancelable,
            "time_stamp": self._time_stamp,
        }
        return _inspect_as(type(self).__name__, fields, depth, options, inspect)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(type={self._type!r}, default_prevented="
            f"{self.default_prevented}, cancelable={self._cancelable}, "
            f"time_stamp={self._time_stamp:.3f})"
        )


class CustomEvent(Event):
    """Node's ``CustomEvent(type, *, detail=None, ...)``: an :class:`Event` carrying ``detail``."""

    __slots__ = ("_detail",)

    def __init__(
        self,
        type: str,
        *,
        detail: object = None,
        bubbles: bool = False,
        cancelable: bool = False,
        composed: bool = False,
    ) -> None:
        super().__init__(type, bubbles=bubbles, cancelable=cancelable, composed=composed)
        self._detail = detail

    @property
    def detail(self) -> Any:
        """The value given as ``detail`` (``None`` if none was)."""
        return self._detail


class _Listener:
    """One registration: the listener as given, its flags, and what it is tied to.

    ``callback`` is the listener itself when it is callable, else ``None`` (an object whose
    ``handle_event`` is looked up at each dispatch). ``resist`` marks the library's own
    listeners that ``stop_immediate_propagation`` must not skip (Node's
    ``kResistStopPropagation``). ``abort_hook`` is the record this registration added to its
    ``signal=``, removed with it so that neither outlives the other.
    """

    __slots__ = (
        "listener",
        "callback",
        "capture",
        "once",
        "passive",
        "resist",
        "removed",
        "signal",
        "abort_hook",
    )

    def __init__(
        self,
        listener: Any,
        callback: Callable[[Event], object] | None,
        capture: bool,
        once: bool,
        passive: bool,
        resist: bool,
    ) -> None:
        self.listener = listener
        self.callback = callback
        self.capture = capture
        self.once = once
        self.passive = passive
        self.resist = resist
        self.removed = False
        self.signal: AbortSignal | None = None
        self.abort_hook: _Listener | None = None

    def same(self, listener: object, capture: bool) -> bool:
        """Node's identity rule; a bound method matches an equal one (Python makes new ones)."""
        mine = self.listener
        if mine is listener:
            return self.capture == capture
        return type(mine) is types.MethodType and mine == listener and self.capture == capture


def _inspect_as(
    name: str,
    fields: dict[str, object],
    depth: float | None,
    options: dict[str, Any],
    inspect: Callable[..., str],
) -> str:
    """``util.inspect`` of a web object as Node shows it: ``Name { field: value }``.

    Node inspects the fields one level shallower than the object; fields that are all
    primitives are always shown, as Node shows them whenever the object itself is.
    """
    if depth is not None and depth < 0:
        return name
    inner_depth = None if depth is None else depth - 1
    if inner_depth is not None and inner_depth < 0:
        if all(v is None or isinstance(v, str | int | float) for v in fields.values()):
            inner_depth = 0
    return f"{name} {inspect(fields, {**options, 'depth': inner_depth})}"


def _check_type(value: object) -> str:
    if not isinstance(value, str):
        raise ERR_INVALID_ARG_TYPE("type", "string", value)
    return value


#: What JS calls primitives: never an EventListener. Any other object is accepted and its
#: ``handle_event`` looked up at each dispatch (the DOM asks for it lazily, as Node does).
_PRIMITIVES = (str, bytes, int, float, complex)


def _is_listener(value: object) -> bool:
    return callable(value) or not isinstance(value, _PRIMITIVES)


def _rethrow(exc: BaseException) -> None:
    """Run from the loop's microtask queue: the listener's exception, now uncaught."""
    raise exc


class EventTarget:
    """Node's ``EventTarget``: typed events, each listener added once, no tree.

    Listeners run in the order they were added, on the list as it was when the dispatch
    started: one removed meanwhile is skipped, one added meanwhile waits for the next
    dispatch. A listener's exception (or an async listener's failure) is an uncaught
    exception of the current loop; with no loop, ``dispatch_event`` raises it after all
    listeners ran. Subclasses should call ``super().__init__()``; one that does not still
    works.
    """

    __slots__ = ("_events", "_snapshots", "_max_listeners", "_max_warned", "__weakref__")

    _events: dict[str, list[_Listener]]
    _snapshots: dict[str, tuple[_Listener, ...]]
    _max_listeners: float
    _max_warned: bool

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:
        # The state is made here, not in __init__, so a subclass whose __init__ skips
        # super().__init__() still works, without a __getattr__ hook (which would slow every
        # attribute access of every target).
        self = super().__new__(cls)
        self._events = {}
        self._snapshots = {}
        #: Read at creation, as Node's EventTarget reads ``defaultMaxListeners``.
        self._max_listeners = EventEmitter.default_max_listeners
        self._max_warned = False
        return self

    def __init__(self) -> None:
        pass

    # ----------------------------------------------------------------------------------------
    # Adding and removing

    def add_event_listener(
        self,
        type: str,
        listener: EventListener | None,
        *,
        once: bool = False,
        capture: bool = False,
        passive: bool = False,
        signal: AbortSignal | None = None,
    ) -> None:
        """Add ``listener`` for ``type`` events, unless it is already added with this ``capture``.

        ``once``: removed before its first call. ``passive``: its ``prevent_default()`` is
        ignored. ``signal``: removed when the signal aborts (not added at all if it already
        has). ``None`` as the listener issues an :class:`AddEventListenerArgumentTypeWarning`
        and adds nothing, as in Node. Everything is checked before anything changes.
        """
        _check_type(type)
        if signal is not None:
            from ._internal.validators import validate_abort_signal

            validate_abort_signal(signal, "signal")
        if listener is None:
            warnings.warn(
                AddEventListenerArgumentTypeWarning(
                    "add_event_listener called with None which has no effect."
                ),
                stacklevel=2,
            )
            return
        if not _is_listener(listener):
            raise ERR_INVALID_ARG_TYPE("listener", "EventListener", listener)
        if signal is not None and signal._aborted:
            return
        record = self._add(type, listener, bool(once), bool(capture), bool(passive), False, 2)
        if record is not None and signal is not None:
            self._tie_to_signal(type, record, signal)

    def _add(
        self,
        type: str,
        listener: Any,
        once: bool,
        capture: bool,
        passive: bool,
        resist: bool,
        stacklevel: int,
    ) -> _Listener | None:
        """Append a record for ``listener`` unless one with the same capture exists."""
        records = self._events.get(type)
        if records is None:
            records = self._events[type] = []
        else:
            for record in records:
                if record.same(listener, capture):
                    return None
        callback = listener if callable(listener) else None
        record = _Listener(listener, callback, capture, once, passive, resist)
        records.append(record)
        self._snapshots.pop(type, None)
        size = len(records)
        limit = self._max_listeners
        if 0 < limit < size and not self._max_warned:
            self._max_warned = True
            warnings.warn(self._leak_warning(type, size, limit), stacklevel=stacklevel + 1)
        self._listener_added(type, size)
        return record

    def _leak_warning(
        self, event_type: str, size: int, limit: float
    ) -> MaxListenersExceededWarning:
        name = self.__class__.__name__
        label = f"[{name}]" if _bracketed(self) else name
        text = (
            f"Possible EventTarget memory leak detected. {size} {event_type} listeners added "
            f"to {label}. MaxListeners is {_plain(limit)}. Use events.set_max_listeners() to "
            "increase limit"
        )
        warning = MaxListenersExceededWarning.__new__(MaxListenersExceededWarning)
        RuntimeWarning.__init__(warning, text)
        warning.emitter = self  # type: ignore[assignment]
        warning.target = self  # type: ignore[attr-defined]
        warning.type = event_type
        warning.count = size
        return warning

    def _tie_to_signal(self, type: str, record: _Listener, signal: AbortSignal) -> None:
        """Remove ``record`` when ``signal`` aborts; removing it first unties it (no leak)."""

        def on_abort(event: Event) -> None:
            self._remove_record(type, record)

        hook = signal._add("abort", on_abort, True, False, False, True, 2)
        record.signal = signal
        record.abort_hook = hook

    def remove_event_listener(
        self, type: str, listener: EventListener | None, *, capture: bool = False
    ) -> None:
        """Remove ``listener`` added for ``type`` with this ``capture``; else do nothing."""
        _check_type(type)
        if listener is None or not _is_listener(listener):
            return
        records = self._events.get(type)
        if records is None:
            return
        capture = bool(capture)
        for record in records:
            if record.same(listener, capture):
                self._remove_record(type, record)
                return

    def _remove_record(self, type: str, record: _Listener) -> None:
        """Remove one registration (if still there) and untie it from its signal."""
        if record.removed:
            return
        record.removed = True
        records = self._events.get(type)
        if records is not None:
            for i, candidate in enumerate(records):
                if candidate is record:
                    del records[i]
                    break
            if not records:
                del self._events[type]
            self._snapshots.pop(type, None)
            self._listener_removed(type, len(records))
        signal, hook = record.signal, record.abort_hook
        if signal is not None and hook is not None:
            record.signal = record.abort_hook = None
            signal._remove_record("abort", hook)

    def _listener_added(self, type: str, size: int) -> None:
        """Called after a listener is added; ``size`` is how many ``type`` now has."""

    def _listener_removed(self, type: str, size: int) -> None:
        """Called after a listener is removed; ``size`` is how many ``type`` has left."""

    # ----------------------------------------------------------------------------------------
    # Dispatching

    def dispatch_event(self, event: Event) -> bool:
        """Call ``event.type``'s listeners with ``event``; False if one cancelled it.

        An event being dispatched cannot be dispatched again until its dispatch ends
        (``ERR_EVENT_RECURSION``). A listener's exception does not stop the others and does not
        reach the caller: it is an uncaught exception of the current loop. With no loop open,
        it is raised here once every listener has run (several: an :class:`ExceptionGroup`).
        """
        if not isinstance(event, Event):
            raise ERR_INVALID_ARG_TYPE("event", "Event", event)
        if event._dispatching:
            raise ERR_EVENT_RECURSION(event._type)
        event._target = self
        snapshot = self._snapshots.get(event._type)
        if snapshot is None:
            records = self._events.get(event._type)
            if records is None:
                return not (event._cancelable and event._canceled)
            snapshot = self._snapshots[event._type] = tuple(records)
        errors = self._run(event, snapshot)
        if errors is not None:
            _raise_collected(errors, event._type)
        return not (event._cancelable and event._canceled)

    def _dispatch_collecting(self, event: Event, errors: list[BaseException]) -> None:
        """Dispatch ``event`` (not in flight); failures no loop can take go to ``errors``."""
        event._target = self
        records = self._events.get(event._type)
        if records is None:
            return
        collected = self._run(event, tuple(records))
        if collected is not None:
            errors.extend(collected)

    def _run(self, event: Event, snapshot: tuple[_Listener, ...]) -> list[BaseException] | None:
        """Call the listeners of ``snapshot``; return the failures no loop could take."""
        errors: list[BaseException] | None = None
        event._dispatching = True
        try:
            for record in snapshot:
                if record.removed or (event._stop and not record.resist):
                    continue
                if record.once:
                    self._remove_record(event._type, record)
                callback = record.callback
                try:
                    if record.passive:
                        event._in_passive = True
                        try:
                            result = _call(record, callback, event)
                        finally:
                            event._in_passive = False
                    elif callback is not None:
                        result = callback(event)
                    else:
                        result = _call(record, None, event)
                except Exception as exc:
                    errors = _report(exc, errors)
                    continue
                if result is not None:
                    errors = _schedule(result, errors)
        finally:
            event._dispatching = False
        return errors

    def nodejs_util_inspect_custom(
        self, depth: float | None, options: dict[str, Any], inspect: Callable[..., str]
    ) -> str:
        """What :func:`trio_nodecompat.util.inspect` shows: ``EventTarget {}``, as Node."""
        return _inspect_as(type(self).__name__, {}, depth, options, inspect)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


def _bracketed(target: EventTarget) -> bool:
    """Node's inspect shows an ``AbortSignal`` as ``[AbortSignal]`` in the leak warning."""
    return any(cls.__name__ == "AbortSignal" for cls in type(target).__mro__)


def _plain(limit: float) -> str:
    if isinstance(limit, float) and limit.is_integer():
        return str(int(limit))
    return str(limit)


def _call(record: _Listener, callback: Callable[[Event], object] | None, event: Event) -> object:
    if callback is not None:
        return callback(event)
    handle = getattr(record.listener, "handle_event", None)
    if handle is None:
        return None  # Node skips an object that lost its handleEvent
    return handle(event)


def _report(exc: BaseException, errors: list[BaseException] | None) -> list[BaseException] | None:
    """Hand a listener's exception to the loop as uncaught, or keep it for the caller.

    Node throws it again from ``process.nextTick``; so does this, on the loop's nextTick queue
    (from another thread, where that queue cannot be reached, its microtask queue).
    """
    host = find_host()
    if host is not None:
        try:
            if type(host) is Loop and threading.get_ident() == host._thread_id:
                host._queue_tick(_rethrow, (exc,))
            else:
                host.call_soon(_rethrow, exc)
            return errors
        except RuntimeError:  # the loop has closed: nobody else can take it
            pass
    if errors is None:
        errors = []
    errors.append(exc)
    return errors


def _schedule(result: object, errors: list[BaseException] | None) -> list[BaseException] | None:
    """Spawn an async listener's awaitable on the loop; its failure is an uncaught exception."""
    if not inspect.isawaitable(result):
        return errors
    host = find_host()
    if host is not None:
        try:
            host.spawn(result, failure="exception")
            return errors
        except RuntimeError:
            pass
    close = getattr(result, "close", None)
    if close is not None:
        close()
    if errors is None:
        errors = []
    errors.append(NoLoopError("dispatch_event() with an async listener"))
    return errors


def _raise_collected(errors: list[BaseException], type: str) -> None:
    if len(errors) == 1:
        raise errors[0]
    if all(isinstance(e, Exception) for e in errors):
        raise ExceptionGroup(f"listeners of {type!r} raised", errors)  # type: ignore[type-var]
    raise BaseExceptionGroup(f"listeners of {type!r} raised", errors)
