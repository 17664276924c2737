"""``TracingChannel``: five channels that trace one unit of work, sync, async or callback.

``start`` and ``end`` bracket the synchronous part of the work; ``async_start`` and
``async_end`` bracket its continuation (a coroutine's settling, a callback's call); ``error``
carries a failure. Each event publishes the same *context* object, mutated in place: the
work's ``result`` or ``error`` is stored in it (``context['result']`` for a mapping, an
attribute otherwise) before the events that come after.

The work runs inside ``start.run_stores(context, ...)``, so AsyncLocalStorage instances bound
to ``start`` hold their value for the whole work: its coroutine across every checkpoint, and
everything it starts from there (Trio tasks, threads, loop callbacks), since frames are
contextvars contexts and all of those copy them.

When none of the five channels is active, each ``trace_*`` call is the plain call of the
function: the tracing channel keeps a count of its active channels, updated by the channels
themselves when they turn active or inactive, so the check is one attribute.

A Trio cancellation (or any :class:`BaseException` that is not an :class:`Exception`) is not
an error: no ``error`` event, no ``error`` field. For ``trace_promise`` it still ends the
trace: ``async_start`` then ``async_end`` are published with neither ``result`` nor
``error`` set, so every ``start`` a tracer saw gets its ``async_end``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

from ._diagnostics_channel import _LOCK, Channel, channel
from ._internal.validators import validate_function, validate_integer
from .errors import ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE

__all__ = ["TRACE_EVENTS", "TracingChannel", "tracing_channel"]

#: The five events, as (Python attribute, Node's name: the channel-name suffix and the
#: camelCase handler key).
TRACE_EVENTS: tuple[tuple[str, str], ...] = (
    ("start", "start"),
    ("end", "end"),
    ("async_start", "asyncStart"),
    ("async_end", "asyncEnd"),
    ("error", "error"),
)
#: Attribute name -> Node's name.
_NODE_NAMES: dict[str, str] = dict(TRACE_EVENTS)
#: Handler and channel mapping keys (both spellings) -> attribute name.
_KEYS: dict[str, str] = {}
for _attr, _node in TRACE_EVENTS:
    _KEYS[_attr] = _attr
    _KEYS[_node] = _attr


def _by_event(value: Mapping[Any, Any], what: str) -> dict[str, Any]:
    """A handler or channel mapping keyed by attribute name; Node's camelCase keys accepted.

    An unknown key, or one event given under both spellings, is ``ERR_INVALID_ARG_VALUE``
    (Node ignores unknown keys, which turns a misspelt ``asyncstart`` into a silent no-op).
    """
    found: dict[str, Any] = {}
    for key, item in value.items():
        attr = _KEYS.get(key) if isinstance(key, str) else None
        if attr is None:
            raise ERR_INVALID_ARG_VALUE(
                what,
                value,
                f"has an unknown key {key!r}: the keys are 'start', 'end', 'async_start' "
                "(or 'asyncStart'), 'async_end' (or 'asyncEnd') and 'error'",
            )
        if attr in found:
            raise ERR_INVALID_ARG_VALUE(what, value, f"names the {attr!r} event twice")
        found[attr] = item
    return found


def _set_field(context: Any, key: str, value: object) -> None:
    if type(context) is dict or isinstance(context, MutableMapping):
        context[key] = value
    else:
        setattr(context, key, value)


def _check_context(context: object) -> None:
    """A context must take ``result``/``error``: a mutable mapping or an object with a ``__dict__``."""
    if isinstance(context, MutableMapping) or hasattr(context, "__dict__"):
        return
    raise ERR_INVALID_ARG_TYPE("context", "a mutable mapping or an object with a __dict__", context)


class TracingChannel:
    """Node's ``TracingChannel``: the ``start``, ``end``, ``async_start``, ``async_end`` and
    ``error`` channels of one traced operation, and the ``trace_*`` helpers that publish them.

    Made by :func:`tracing_channel`. The channels are the named channels
    ``tracing:<name>:start``, ``...:end``, ``...:asyncStart``, ``...:asyncEnd``,
    ``...:error`` (Node's names), so two tracing channels of one name share them.
    """

    __slots__ = ("start", "end", "async_start", "async_end", "error", "_active", "__weakref__")

    start: Channel
    end: Channel
    async_start: Channel
    async_end: Channel
    error: Channel
    _active: int

    def __init__(self, name_or_channels: str | Mapping[str, Channel] | TracingChannel) -> None:
        if isinstance(name_or_channels, str):
            channels = {
                attr: channel(f"tracing:{name_or_channels}:{node}") for attr, node in TRACE_EVENTS
            }
        elif isinstance(name_or_channels, TracingChannel):
            channels = {attr: getattr(name_or_channels, attr) for attr, _ in TRACE_EVENTS}
        elif isinstance(name_or_channels, Mapping):
            given = _by_event(name_or_channels, "nameOrChannels")
            channels = {}
            for attr, node in TRACE_EVENTS:
                found = given.get(attr)
                if not isinstance(found, Channel):
                    raise ERR_INVALID_ARG_TYPE(f"nameOrChannels.{node}", "Channel", found)
                channels[attr] = found
        else:
            raise ERR_INVALID_ARG_TYPE(
                "nameOrChannels", ["string", "TracingChannel", "Mapping"], name_or_channels
            )
        for attr, found in channels.items():
            object.__setattr__(self, attr, found)
        # Under the lock every activity change takes, so no change slips between the
        # registration and the first count.
        with _LOCK:
            for found in channels.values():
                found._watch(self)
            self._recount()

    def __setattr__(self, name: str, value: object) -> None:
        if name != "_active":
            raise AttributeError(f"TracingChannel.{name} is read-only")
        object.__setattr__(self, name, value)

    def _recount(self) -> None:
        """Called by a channel of ours when it turns active or inactive."""
        self._active = sum(
            1
            for ch in (self.start, self.end, self.async_start, self.async_end, self.error)
            if ch.has_subscribers
        )

    @property
    def has_subscribers(self) -> bool:
        """Whether any of the five channels has subscribers or bound stores."""
        return self._active > 0

    def subscribe(self, handlers: Mapping[str, Callable[[Any, Any], object] | None]) -> None:
        """Subscribe each handler of ``handlers`` to its channel.

        ``handlers`` maps event names (``'start'``, ``'end'``, ``'async_start'``,
        ``'async_end'``, ``'error'``; Node's ``'asyncStart'``/``'asyncEnd'`` also work) to
        subscribers; ``None`` values are skipped, as Node skips falsy ones. The whole
        mapping is checked before anything is subscribed, so bad input changes nothing.
        """
        for attr, handler in self._handlers(handlers).items():
            getattr(self, attr).subscribe(handler)

    def unsubscribe(self, handlers: Mapping[str, Callable[[Any, Any], object] | None]) -> bool:
        """Unsubscribe each handler of ``handlers``; ``True`` only if every one was subscribed."""
        done = True
        for attr, handler in self._handlers(handlers).items():
            if not getattr(self, attr).unsubscribe(handler):
                done = False
        return done

    @staticmethod
    def _handlers(
        handlers: Mapping[str, Callable[[Any, Any], object] | None],
    ) -> dict[str, Callable[[Any, Any], object]]:
        if not isinstance(handlers, Mapping):
            raise ERR_INVALID_ARG_TYPE("handlers", "Mapping", handlers)
        checked = {}
        for attr, handler in _by_event(handlers, "handlers").items():
            if handler is None:
                continue
            checked[attr] = validate_function(handler, f"handlers.{_NODE_NAMES[attr]}")
        return {attr: checked[attr] for attr, _ in TRACE_EVENTS if attr in checked}

    # ----------------------------------------------------------------------------------------
    # Tracing

    def trace_sync(self, fn: Callable[..., Any], context: Any = None, /, *args: Any) -> Any:
        """Call ``fn(*args)`` traced: ``start``, then ``end`` (``error`` before it on failure).

        ``context`` (default: a new dict) is the message of every event; ``result`` or
        ``error`` is set in it. ``fn`` runs with the stores bound to ``start`` set. With no
        subscriber anywhere this is ``fn(*args)``.
        """
        if self._active or context is not None:
            return self._trace(self._sync_body, fn, context, args)
        # The untraced call, spelled out by arity: a star-call costs more than the check.
        if len(args) == 1:
            return fn(args[0])
        if not args:
            return fn()
        return fn(*args)

    def _trace(
        self, body: Callable[..., Any], fn: Callable[..., Any], context: Any, args: Any
    ) -> Any:
        """The traced call of ``body(fn, context, args)``, or ``fn(*args)`` when inactive."""
        if context is None:
            context = {}
        elif type(context) is not dict:
            _check_context(context)
        if not self._active:
            return fn(*args)
        return self.start.run_stores(context, body, fn, context, args)

    def _sync_body(self, fn: Callable[..., Any], context: Any, args: tuple[Any, ...]) -> Any:
        try:
            result = fn(*args)
            _set_field(context, "result", result)
            return result
        except Exception as err:
            _set_field(context, "error", err)
            self.error.publish(context)
            raise
        finally:
            self.end.publish(context)

    def trace_promise(self, fn: Callable[..., Any], context: Any = None, /, *args: Any) -> Any:
        """Call ``fn(*args)`` and trace the awaitable it returns; returns an awaitable.

        At the call: ``start``, ``fn(*args)`` (an ``async def`` function only creates its
        coroutine), ``end``. When awaited, the coroutine runs, with the stores bound to
        ``start`` set across every checkpoint, and settles: ``result`` set then
        ``async_start``, ``async_end``; or ``error`` set then ``error``, ``async_start``,
        ``async_end``, and the exception propagates. A cancellation publishes
        ``async_start`` and ``async_end`` with neither field set. A ``fn`` returning a plain
        value is traced as an awaitable resolving to it (Node's ``Promise.resolve``).
        With no subscriber anywhere this is ``fn(*args)``.
        """
        return self._trace(self._promise_body, fn, context, args)

    def _promise_body(self, fn: Callable[..., Any], context: Any, args: tuple[Any, ...]) -> Any:
        awaitable: object = None
        try:
            awaitable = fn(*args)
        except Exception as err:
            _set_field(context, "error", err)
            self.error.publish(context)
            raise
        finally:
            try:
                self.end.publish(context)
            except BaseException:
                if inspect.iscoroutine(awaitable):
                    awaitable.close()  # nobody will await it now
                raise
        # A native coroutine: the caller's run_stores keeps it running in the store frame.
        return self._settle(awaitable, context)

    async def _settle(self, awaitable: object, context: Any) -> Any:
        try:
            if inspect.isawaitable(awaitable):
                result = await awaitable
            else:
                result = awaitable
        except Exception as err:
            _set_field(context, "error", err)
            self.error.publish(context)
            self.async_start.publish(context)
            self.async_end.publish(context)
            raise
        except BaseException:
            # Cancelled (or KeyboardInterrupt...): not an error, but the trace still ends.
            self.async_start.publish(context)
            self.async_end.publish(context)
            raise
        _set_field(context, "result", result)
        self.async_start.publish(context)
        self.async_end.publish(context)
        return result

    def trace_callback(
        self, fn: Callable[..., Any], position: int = -1, context: Any = None, /, *args: Any
    ) -> Any:
        """Call ``fn(*args)`` traced, ``args[position]`` being its Node-style callback.

        The callback is replaced by a wrapper: called as ``callback(err, result, ...)``, it
        sets ``error`` (a truthy ``err``, then publishes ``error``) or ``result``, then runs
        the callback inside ``async_start.run_stores(context, ...)`` and publishes
        ``async_end`` after it. ``start``/``end`` (and ``error`` if ``fn`` raises) bracket
        the call of ``fn``, as in :meth:`trace_sync`. ``args[position]`` must be callable.
        With no subscriber anywhere this is ``fn(*args)``, unchecked, as in Node.
        """
        if not self._active:
            if context is not None and type(context) is not dict:
                _check_context(context)
            return fn(*args)
        position = validate_integer(position, "position")
        if context is None:
            context = {}
        elif type(context) is not dict:
            _check_context(context)
        call_args = list(args)
        try:
            callback = call_args[position]
        except IndexError:
            callback = None
        validate_function(callback, "callback")
        async_start = self.async_start
        async_end = self.async_end
        error = self.error

        def wrapped_callback(*callback_args: Any) -> Any:
            err = callback_args[0] if callback_args else None
            if err:
                _set_field(context, "error", err)
                error.publish(context)
            else:
                _set_field(context, "result", callback_args[1] if len(callback_args) > 1 else None)
            return async_start.run_stores(
                context, _call_then_publish, callback, callback_args, async_end, context
            )

        call_args[position] = wrapped_callback
        return self.start.run_stores(context, self._sync_call, fn, context, call_args)

    def _sync_call(self, fn: Callable[..., Any], context: Any, args: list[Any]) -> Any:
        try:
            return fn(*args)
        except Exception as err:
            _set_field(context, "error", err)
            self.error.publish(context)
            raise
        finally:
            self.end.publish(context)

    def __repr__(self) -> str:
        return f"<TracingChannel start={self.start.name!r} active={self._active}>"


def _call_then_publish(
    callback: Callable[..., Any], args: tuple[Any, ...], channel: Channel, context: Any
) -> Any:
    try:
        return callback(*args)
    finally:
        channel.publish(context)


def tracing_channel(
    name_or_channels: str | Mapping[str, Channel] | TracingChannel,
) -> TracingChannel:
    """A :class:`TracingChannel` for a name, or for five given channels.

    A ``str`` gives the channels ``tracing:<name>:start``, ``:end``, ``:asyncStart``,
    ``:asyncEnd`` and ``:error``. A mapping gives them directly (keys as for
    :meth:`TracingChannel.subscribe`, each value a :class:`Channel`); so does another
    TracingChannel. Anything else is ``ERR_INVALID_ARG_TYPE``.
    """
    return TracingChannel(name_or_channels)
