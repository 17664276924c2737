"""Node's ``EventEmitter``, with async listeners scheduled the Trio way.

The emitter keeps, for each event, a :class:`_ListenerList` (the mutable truth, with O(1)
append, prepend and removal) and a tuple snapshot of it in ``_snapshots``. ``emit`` reads the
snapshot with one dict lookup and iterates it without copying; any change to an event's
listeners drops that event's snapshot, and the next ``emit`` rebuilds it. Rebuilding costs one
pass over the listeners, which the ``emit`` that needs it pays anyway, so adding or removing
thousands of listeners stays linear. Events that need extra work on ``emit`` (``'error'`` while
an ``error_monitor`` listener exists, or an event with no listener) never have a snapshot, so the
hot path holds no special cases: it is a lookup, a loop, and an ``is not None`` test of each
listener's return value (an ``async def`` listener returns a coroutine).
"""

from __future__ import annotations

import inspect
import math
import types
import warnings
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, ClassVar, NoReturn, Self, TypeVar, overload

import trio

from ._internal.current_loop import find_host, require_host
from ._internal.validators import is_number
from .errors import ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_UNHANDLED_ERROR

__all__ = [
    "EventEmitter",
    "MaxListenersExceededWarning",
    "capture_rejection_symbol",
    "error_monitor",
]

F = TypeVar("F", bound=Callable[..., Any])
Listener = Callable[..., Any]


class _ErrorMonitor:
    """The type of :data:`error_monitor`: a unique key with a readable repr (Node's symbol)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "events.error_monitor"

    def __reduce__(self) -> str:
        return "error_monitor"


#: Listen on this key to see every ``'error'`` before the ``'error'`` listeners run, without
#: counting as one: an emitter with only ``error_monitor`` listeners still raises on ``'error'``.
error_monitor: Any = _ErrorMonitor()

#: The attribute name of the method an emitter with ``capture_rejections`` calls when an async
#: listener fails: ``method(err, event, *args)``. It plays the role of Node's
#: ``Symbol.for('nodejs.rejection')``; Python has no symbols, so it is a name that cannot clash
#: with Node's API.
capture_rejection_symbol = "nodejs_rejection"


class _Missing:
    """The "argument not given" marker, with a repr that reads well in signatures."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<not given>"


_MISSING: Any = _Missing()


class MaxListenersExceededWarning(RuntimeWarning):
    """More listeners were added to one event than ``get_max_listeners()`` allows.

    Usually a leak: something adds a listener per request and never removes it. It is issued
    once per event through :mod:`warnings` (so ``-W error`` turns it into an exception, after
    the listener was added), and carries Node's ``emitter``, ``type`` (the event) and ``count``.
    """

    name = "MaxListenersExceededWarning"

    def __init__(self, emitter: EventEmitter, type: Hashable, count: int, limit: float) -> None:
        shown = type if isinstance(type, str) else repr(type)
        super().__init__(
            f"Possible EventEmitter memory leak detected. {count} {shown} listeners added to "
            f"[{emitter.__class__.__name__}]. MaxListeners is {_format_limit(limit)}. "
            "Use emitter.set_max_listeners() to increase limit"
        )
        self.emitter = emitter
        self.type = type
        self.count = count


def _format_limit(limit: float) -> str:
    if isinstance(limit, float) and limit.is_integer():
        return str(int(limit))
    return str(limit)


class _OnceWrapper:
    """What ``once`` registers: removes itself, then calls the listener, at most once.

    ``raw_listeners`` returns these; ``.listener`` is the function that was passed to ``once``.
    """

    __slots__ = ("listener", "_emitter", "_event", "_fired", "_entry")

    def __init__(self, emitter: EventEmitter, event: Hashable, listener: Listener) -> None:
        self.listener = listener
        self._emitter = emitter
        self._event = event
        self._fired = False
        #: Its entry in the emitter's list, so removing it needs no search.
        self._entry: _Entry | None = None

    def __call__(self, *args: Any) -> Any:
        if self._fired:
            return None
        self._fired = True
        self._emitter.remove_listener(self._event, self)
        return self.listener(*args)

    def __repr__(self) -> str:
        return f"<once wrapper of {self.listener!r}>"


#: Listener types that are hashable by construction (functions hash by identity, bound methods
#: by their object's identity and function), so ``_key`` need not try.
_ALWAYS_HASHABLE = frozenset({types.FunctionType, types.MethodType, types.BuiltinFunctionType})


class _ByIdentity:
    """Key for an unhashable listener: compared by identity, as Node compares listeners."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _ByIdentity) and other.obj is self.obj


def _key(listener: object) -> Hashable:
    if type(listener) in _ALWAYS_HASHABLE:
        return listener
    try:
        hash(listener)
    except TypeError:
        return _ByIdentity(listener)
    return listener


def _unwrap(listener: Listener) -> Listener:
    return listener.listener if type(listener) is _OnceWrapper else listener


class _Entry:
    __slots__ = ("fn", "key", "pos", "alive")

    def __init__(self, fn: Listener, key: Hashable, pos: int) -> None:
        self.fn = fn
        self.key = key
        self.pos = pos
        self.alive = True


class _ListenerList:
    """The listeners of one event, in order, with O(1) add, prepend and remove.

    Appended entries live in ``back`` (in order), prepended ones in ``front`` (in reverse
    order); each has a position number (rising for appends, falling for prepends), so the order
    is known without moving anything. ``where`` maps each listener (its ``.listener`` for a
    ``once`` wrapper) to its live entries, in the order they were added, so removal finds the
    last matching entry without a scan; a ``once`` wrapper also knows its own entry. A removed
    entry is marked dead and skipped; dead entries are swept out when they outnumber the live
    ones.
    """

    __slots__ = ("front", "back", "where", "live", "dead", "hi", "lo")

    def __init__(self) -> None:
        self.front: list[_Entry] = []
        self.back: list[_Entry] = []
        self.where: dict[Hashable, dict[_Entry, None]] = {}
        self.live = 0
        self.dead = 0
        self.hi = 0
        self.lo = 0

    def add(self, fn: Listener, prepend: bool) -> None:
        wrapper = fn if type(fn) is _OnceWrapper else None
        original = fn if wrapper is None else wrapper.listener
        key = original if type(original) in _ALWAYS_HASHABLE else _key(original)
        if prepend:
            self.lo -= 1
            entry = _Entry(fn, key, self.lo)
            self.front.append(entry)
        else:
            self.hi += 1
            entry = _Entry(fn, key, self.hi)
            self.back.append(entry)
        bucket = self.where.get(key)
        if bucket is None:
            self.where[key] = {entry: None}
        else:
            bucket[entry] = None
        if wrapper is not None and (wrapper._entry is None or not wrapper._entry.alive):
            wrapper._entry = entry
        self.live += 1

    def _own_entry(self, wrapper: _OnceWrapper) -> _Entry | None:
        """The live entry of this list that is ``wrapper`` itself, if any."""
        entry = wrapper._entry
        if entry is not None and entry.alive and entry in self.where.get(entry.key, ()):
            return entry
        # The wrapper was also added elsewhere (say, from raw_listeners): look among the
        # entries of its function.
        for candidate in self.where.get(entry.key if entry else _key(wrapper.listener), ()):
            if candidate.fn is wrapper:
                return candidate
        return None

    def _candidates(self, listener: Listener) -> list[_Entry]:
        """Every live entry matching ``listener`` as Node matches: the entry or its ``.listener``."""
        found = list(self.where.get(_key(listener), ()))
        if type(listener) is _OnceWrapper:
            own = self._own_entry(listener)
            if own is not None:
                found.append(own)
        return found

    def find_last(self, listener: Listener) -> _Entry | None:
        """The entry ``remove_listener(listener)`` removes: the last one matching."""
        if type(listener) is not _OnceWrapper:
            key = listener if type(listener) in _ALWAYS_HASHABLE else _key(listener)
            bucket = self.where.get(key)
            if not bucket:
                return None
            if self.lo == 0:
                # Only appends so far: a bucket is in position order.
                return next(reversed(bucket))
            return max(bucket, key=_position)
        candidates = self._candidates(listener)
        if not candidates:
            return None
        return max(candidates, key=_position)

    def remove(self, entry: _Entry) -> None:
        bucket = self.where[entry.key]
        del bucket[entry]
        if not bucket:
            del self.where[entry.key]
        entry.alive = False
        fn = entry.fn
        if type(fn) is _OnceWrapper and fn._entry is entry:
            # The wrapper and its entry refer to each other: without this, every ``once``
            # would leave a reference cycle (holding the emitter) for the garbage collector.
            fn._entry = None
        self.live -= 1
        self.dead += 1
        if self.dead > 16 and self.dead > self.live:
            self.front = [e for e in self.front if e.alive]
            self.back = [e for e in self.back if e.alive]
            self.dead = 0

    def count(self, listener: Listener) -> int:
        return len(self._candidates(listener))

    def snapshot(self) -> tuple[Listener, ...]:
        if self.front:
            items = [e.fn for e in reversed(self.front) if e.alive]
            items.extend([e.fn for e in self.back if e.alive])
            return tuple(items)
        if self.dead:
            return tuple([e.fn for e in self.back if e.alive])
        return tuple([e.fn for e in self.back])


def _position(entry: _Entry) -> int:
    return entry.pos


def _check_listener(listener: object) -> None:
    if not callable(listener):
        raise ERR_INVALID_ARG_TYPE("listener", "function", listener)


def _check_max(value: object, name: str) -> float:
    if not is_number(value):
        raise ERR_INVALID_ARG_TYPE(name, "number", value)
    assert isinstance(value, int | float)
    if math.isnan(value) or value < 0:
        raise ERR_OUT_OF_RANGE(name, ">= 0", value)
    return value


class _EventEmitterType(type):
    """Validates the class-level defaults when they are assigned, as Node's setters do.

    ``EventEmitter.default_max_listeners = -1`` raises ``ERR_OUT_OF_RANGE`` and
    ``EventEmitter.capture_rejections = 1`` raises ``ERR_INVALID_ARG_TYPE``, leaving the old
    value. Only class attribute assignment goes through here: it costs nothing per emit.
    """

    def __setattr__(cls, name: str, value: Any) -> None:
        if name == "default_max_listeners":
            value = _check_max(value, "default_max_listeners")
        elif name == "capture_rejections" and not isinstance(value, bool):
            raise ERR_INVALID_ARG_TYPE("EventEmitter.capture_rejections", "boolean", value)
        super().__setattr__(name, value)


class EventEmitter(metaclass=_EventEmitterType):
    """Node's ``EventEmitter``: named events, listeners called in order, synchronously.

    Any hashable value is an event name (Node allows strings and symbols). Listeners run in the
    order they were added, on a snapshot of the list taken when ``emit`` starts, so adding or
    removing listeners from inside a listener affects the next ``emit``, not this one.

    A listener that returns an awaitable (an ``async def`` listener) is scheduled on the current
    :func:`trio_nodecompat.open_loop` loop, in the emitting task's context, and ``emit``
    returns at once, as Node does with a promise-returning listener. Its failure goes, with
    ``capture_rejections``, to the method named by :data:`capture_rejection_symbol` or else to
    the ``'error'`` event; without it, to the loop's ``'unhandledRejection'``. To wait for async
    listeners instead, ``await emitter.emit_async(event, *args)``.

    Subclasses should call ``super().__init__()``; one that does not still works, with the
    class defaults, as in Node.
    """

    #: The listener count per event above which a :class:`MaxListenersExceededWarning` is
    #: issued, for emitters that did not call :meth:`set_max_listeners` (Node's
    #: ``EventEmitter.defaultMaxListeners``). ``0`` or ``math.inf`` means no limit.
    default_max_listeners: ClassVar[float] = 10

    #: Whether new emitters capture the failures of their async listeners (Node's
    #: ``EventEmitter.captureRejections``); the ``capture_rejections`` argument overrides it.
    capture_rejections: ClassVar[bool] = False

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:
        """A new emitter, its state made here so that it exists even if ``__init__`` never runs.

        A subclass whose ``__init__`` does not call ``super().__init__()`` still works, with
        the class defaults (``capture_rejections`` as the class says at creation), as a Node
        emitter always has its state. Made here and not by a ``__getattr__`` fallback on
        first use: a class with ``__getattr__`` loses CPython's specialized attribute loads,
        which made every ``self._x`` of an emitter (and of the loop, and of every stream)
        about four times slower.
        """
        base_new = super().__new__
        # object.__new__ refuses arguments; another base's __new__ (a mixin) gets them.
        self = base_new(cls) if base_new is object.__new__ else base_new(cls, *args, **kwargs)
        self._events = {}
        self._snapshots = {}
        self._max_listeners = None
        self._warned = None
        self._capture = cls.capture_rejections
        return self

    def __init__(self, *, capture_rejections: bool | None = None) -> None:
        if capture_rejections is None:
            capture = type(self).capture_rejections
        elif isinstance(capture_rejections, bool):
            capture = capture_rejections
        else:
            raise ERR_INVALID_ARG_TYPE("capture_rejections", "boolean", capture_rejections)
        # As Node's EventEmitter.init: listener tables the emitter already has (made by
        # __new__, perhaps holding listeners added before a lazily built subclass ran this)
        # are kept, not reset.
        state = vars(self)
        if "_events" not in state:
            # Made without EventEmitter.__new__ (a LazyTransform built on first use): a limit
            # already set by set_max_listeners is kept too, as Node keeps it.
            self._events: dict[Hashable, _ListenerList] = {}
            self._snapshots: dict[Hashable, tuple[Listener, ...]] = {}
            self._max_listeners: float | None = state.get("_max_listeners")
            self._warned: set[Hashable] | None = state.get("_warned")
        self._capture = capture

    # ----------------------------------------------------------------------------------------
    # Adding

    def _add(self, event: Hashable, listener: Listener, prepend: bool, stacklevel: int) -> None:
        if not callable(listener):
            raise ERR_INVALID_ARG_TYPE("listener", "function", listener)
        events = self._events
        if "newListener" in events:
            self.emit("newListener", event, _unwrap(listener))
        entries = events.get(event)
        if entries is None:
            entries = events[event] = _ListenerList()
        entries.add(listener, prepend)
        self._snapshots.pop(event, None)
        if event is error_monitor:
            # 'error' has no fast-path snapshot while a monitor listens: emit must see it.
            self._snapshots.pop("error", None)
        if entries.live > 1:
            limit = self._max_listeners
            if limit is None:
                limit = type(self).default_max_listeners
            if 0 < limit < entries.live:
                warned = self._warned
                if warned is None:
                    warned = self._warned = set()
                if event not in warned:
                    warned.add(event)
                    warnings.warn(
                        MaxListenersExceededWarning(self, event, entries.live, limit),
                        stacklevel=stacklevel + 1,
                    )

    @overload
    def on(self, event: Hashable) -> Callable[[F], F]: ...
    @overload
    def on(self, event: Hashable, listener: Listener) -> Self: ...
    def on(self, event: Hashable, listener: Any = _MISSING) -> Any:
        """Add ``listener`` at the end of ``event``'s listeners; returns the emitter.

        Without ``listener``, returns a decorator that adds the decorated function and returns
        it unchanged: ``@emitter.on('data')``.
        """
        if listener is _MISSING:
            return self._decorator(event, False, False)
        self._add(event, listener, False, 2)
        return self

    add_listener = on

    @overload
    def once(self, event: Hashable) -> Callable[[F], F]: ...
    @overload
    def once(self, event: Hashable, listener: Listener) -> Self: ...
    def once(self, event: Hashable, listener: Any = _MISSING) -> Any:
        """Add ``listener`` for the next ``event`` only: it is removed before it is called.

        Without ``listener``, returns a decorator: ``@emitter.once('ready')``.
        """
        if listener is _MISSING:
            return self._decorator(event, True, False)
        _check_listener(listener)
        self._add(event, _OnceWrapper(self, event, listener), False, 2)
        return self

    def prepend_listener(self, event: Hashable, listener: Listener) -> Self:
        """Add ``listener`` at the start of ``event``'s listeners; returns the emitter."""
        self._add(event, listener, True, 2)
        return self

    def prepend_once_listener(self, event: Hashable, listener: Listener) -> Self:
        """Add a one-time ``listener`` at the start of ``event``'s listeners."""
        _check_listener(listener)
        self._add(event, _OnceWrapper(self, event, listener), True, 2)
        return self

    def _decorator(self, event: Hashable, once: bool, prepend: bool) -> Callable[[F], F]:
        def decorate(listener: F) -> F:
            _check_listener(listener)
            fn: Listener = _OnceWrapper(self, event, listener) if once else listener
            self._add(event, fn, prepend, 2)
            return listener

        return decorate

    # ----------------------------------------------------------------------------------------
    # Removing

    def remove_listener(self, event: Hashable, listener: Listener) -> Self:
        """Remove the last-added occurrence of ``listener`` from ``event``; returns the emitter.

        Listeners compare with ``==`` (identity for functions; a bound method equals another
        bound method of the same function and object), and a ``once`` listener is found by the
        function passed to ``once``. ``'removeListener'`` is emitted after the removal.
        """
        if not callable(listener):
            raise ERR_INVALID_ARG_TYPE("listener", "function", listener)
        events = self._events
        entries = events.get(event)
        if entries is None:
            return self
        entry = entries.find_last(listener)
        if entry is None:
            return self
        entries.remove(entry)
        self._snapshots.pop(event, None)
        live = entries.live
        if not live:
            self._forget(event, entries)
        elif live == 1 and self._warned:
            # Node keeps a lone listener as a bare function, dropping its list's `.warned`:
            # growing past the limit again warns again.
            self._warned.discard(event)
        if "removeListener" in events:
            self.emit("removeListener", event, _unwrap(entry.fn))
        return self

    off = remove_listener

    def _forget(self, event: Hashable, entries: _ListenerList) -> None:
        """Drop an event whose last listener was removed (a new list starts unwarned)."""
        if self._events.get(event) is entries:
            del self._events[event]
            if self._warned is not None:
                self._warned.discard(event)

    def remove_all_listeners(self, event: Hashable = _MISSING) -> Self:
        """Remove every listener of ``event``, or of every event when called without one.

        With ``'removeListener'`` listeners present, each removal is announced, last-added
        first, and the ``'removeListener'`` listeners themselves are removed last. ``None`` is
        an event name like any other: ``remove_all_listeners(None)`` removes the listeners of
        the event ``None`` only.
        """
        events = self._events
        if "removeListener" not in events:
            if event is _MISSING:
                events.clear()
                self._snapshots.clear()
                self._warned = None
            elif event in events:
                del events[event]
                self._snapshots.pop(event, None)
                if self._warned is not None:
                    self._warned.discard(event)
            return self
        if event is _MISSING:
            for key in list(events):
                if key != "removeListener":
                    self.remove_all_listeners(key)
            self.remove_all_listeners("removeListener")
            events.clear()
            self._snapshots.clear()
            self._warned = None
            return self
        entries = events.get(event)
        if entries is not None:
            for fn in reversed(entries.snapshot()):
                self.remove_listener(event, fn)
        return self

    # ----------------------------------------------------------------------------------------
    # Emitting

    def emit(self, event: Hashable, *args: Any) -> bool:
        """Call ``event``'s listeners with ``args``, in order; True if it had listeners.

        ``emit('error', err)`` with no ``'error'`` listener raises ``err`` (or
        ``ERR_UNHANDLED_ERROR`` holding it as ``.context`` if it is not an exception).
        """
        listeners = self._snapshots.get(event)
        if listeners is None:
            return self._emit_slow(event, args)
        for listener in listeners:
            if (result := listener(*args)) is not None:
                self._schedule(result, event, args)
        return True

    def _emit_slow(self, event: Hashable, args: tuple[Any, ...]) -> bool:
        events = self._events
        if event == "error":
            if error_monitor in events:
                self.emit(error_monitor, *args)
            entries = events.get(event)
            if entries is None:
                _raise_unhandled(args)
            cache = error_monitor not in events
        else:
            entries = events.get(event)
            if entries is None:
                return False
            cache = True
        listeners = entries.snapshot()
        if cache and events.get(event) is entries:
            self._snapshots[event] = listeners
        for listener in listeners:
            if (result := listener(*args)) is not None:
                self._schedule(result, event, args)
        return True

    def _schedule(self, result: object, event: Hashable, args: tuple[Any, ...]) -> None:
        """Hand an async listener's awaitable to the loop, with its failure routed."""
        if not inspect.isawaitable(result):
            return
        if find_host() is None:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        host = require_host("emit() with an async listener")
        if self._capture:
            host.spawn(result, on_error=lambda err: self._route_failure(err, event, args, None))
        else:
            host.spawn(result)

    def _route_failure(
        self,
        err: BaseException,
        event: Hashable,
        args: tuple[Any, ...],
        nursery: trio.Nursery | None,
    ) -> None:
        """Node's ``emitUnhandledRejectionOrErr``, in the failed listener's context.

        The capture method gets ``(err, event, *args)``; without one, ``'error'`` is emitted
        with capturing switched off, so an ``'error'`` listener that fails in turn is an
        unhandled rejection instead of a new ``'error'`` (no endless loop). With ``nursery``
        (from ``emit_async``), async ``'error'`` listeners run there instead of on the loop.
        """
        handler = getattr(self, capture_rejection_symbol, None)
        if callable(handler):
            result = handler(err, event, *args)
            if result is not None and inspect.isawaitable(result):
                if nursery is not None:
                    nursery.start_soon(_await, result)
                else:
                    require_host("an async capture-rejection method").spawn(result)
            return
        previous = self._capture
        self._capture = False
        try:
            if nursery is None:
                self.emit("error", err)
            else:
                for awaitable in self._emit_collect("error", (err,)):
                    nursery.start_soon(_await, awaitable)
        finally:
            self._capture = previous

    def _emit_collect(self, event: Hashable, args: tuple[Any, ...]) -> list[Awaitable[Any]]:
        """Run ``event``'s listeners like ``emit``; return the awaitables they returned.

        If a listener raises, the awaitables collected so far are closed (never started) and
        the exception propagates, as from ``emit``.
        """
        events = self._events
        pending: list[Awaitable[Any]] = []
        try:
            if event == "error":
                if error_monitor in events:
                    pending.extend(self._emit_collect(error_monitor, args))
                entries = events.get(event)
                if entries is None:
                    _raise_unhandled(args)
            else:
                entries = events.get(event)
                if entries is None:
                    return pending
            for listener in entries.snapshot():
                result = listener(*args)
                if result is not None and inspect.isawaitable(result):
                    pending.append(result)
        except BaseException:
            for awaitable in pending:
                close = getattr(awaitable, "close", None)
                if close is not None:
                    close()
            raise
        return pending

    async def emit_async(self, event: Hashable, *args: Any) -> bool:
        """Call ``event``'s listeners like :meth:`emit`, then wait for the async ones.

        The awaitables the listeners return run concurrently in a nursery of this call, so no
        loop is needed and nothing outlives the call. A failure is routed as for ``emit`` when
        ``capture_rejections`` is on (capture method, else ``'error'``, whose async listeners
        run in the same nursery); otherwise it propagates out of ``emit_async`` (inside an
        :class:`ExceptionGroup`, from the nursery), cancelling the other async listeners.
        Returns True if the event had listeners.
        """
        had_listeners = event in self._events
        pending = self._emit_collect(event, args)
        if not pending:
            await trio.lowlevel.checkpoint()
            return had_listeners
        capture = self._capture
        async with trio.open_nursery() as nursery:
            for awaitable in pending:
                nursery.start_soon(self._await_routed, awaitable, event, args, capture, nursery)
        return had_listeners

    async def _await_routed(
        self,
        awaitable: Awaitable[Any],
        event: Hashable,
        args: tuple[Any, ...],
        capture: bool,
        nursery: trio.Nursery,
    ) -> None:
        try:
            await awaitable
        except Exception as err:
            if not capture:
                raise
            self._route_failure(err, event, args, nursery)

    # ----------------------------------------------------------------------------------------
    # Looking

    def listeners(self, event: Hashable) -> list[Listener]:
        """A copy of ``event``'s listeners, ``once`` listeners as the functions passed in."""
        entries = self._events.get(event)
        if entries is None:
            return []
        return [_unwrap(fn) for fn in entries.snapshot()]

    def raw_listeners(self, event: Hashable) -> list[Listener]:
        """A copy of ``event``'s listeners as registered: ``once`` wrappers (with ``.listener``)."""
        entries = self._events.get(event)
        if entries is None:
            return []
        return list(entries.snapshot())

    def listener_count(self, event: Hashable, listener: Listener | None = None) -> int:
        """How many listeners ``event`` has; with ``listener``, how many of them are it."""
        entries = self._events.get(event)
        if entries is None:
            return 0
        if listener is None:
            return entries.live
        return entries.count(listener)

    def event_names(self) -> list[Hashable]:
        """The events that have listeners, in the order they first got one."""
        return list(self._events)

    def set_max_listeners(self, n: float) -> Self:
        """Warn when an event gets more than ``n`` listeners (``0`` or ``math.inf``: never)."""
        self._max_listeners = _check_max(n, "set_max_listeners")
        return self

    def get_max_listeners(self) -> float:
        """The current limit: what :meth:`set_max_listeners` set, else the class default."""
        if self._max_listeners is None:
            return type(self).default_max_listeners
        return self._max_listeners

    def __repr__(self) -> str:
        return f"<{type(self).__name__} events={self.event_names()!r}>"


async def _await(awaitable: Awaitable[Any]) -> None:
    await awaitable


def _raise_unhandled(args: tuple[Any, ...]) -> NoReturn:
    er = args[0] if args else None
    if isinstance(er, BaseException):
        raise er
    raise ERR_UNHANDLED_ERROR(er)
