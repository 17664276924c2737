"""``node:events``: :class:`EventEmitter` and the module functions around it.

Listeners run synchronously, in order, as in Node. An ``async def`` listener is scheduled on the
current :func:`trio_nodecompat.open_loop` loop (``emit``) or awaited in a nursery of the call
(``await emitter.emit_async(...)``). :func:`once` and :func:`on` wait for events from a Trio task
and take Node's ``signal=`` (an ``AbortSignal``); Trio cancel scopes cancel them too. The module
functions accept an :class:`~trio_nodecompat.EventTarget` wherever Node's accept one.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from ._abort_scope import AbortListenerDisposable, add_abort_listener
from ._event_emitter import (
    EventEmitter,
    MaxListenersExceededWarning,
    _check_max,
    capture_rejection_symbol,
    error_monitor,
)
from ._event_emitter_async_resource import EventEmitterAsyncResource
from ._event_target import EventTarget
from ._events_iter import EventIterator, on, once
from .errors import ERR_INVALID_ARG_TYPE

__all__ = [
    "AbortListenerDisposable",
    "EventEmitter",
    "EventEmitterAsyncResource",
    "EventIterator",
    "MaxListenersExceededWarning",
    "add_abort_listener",
    "capture_rejection_symbol",
    "default_max_listeners",
    "error_monitor",
    "get_event_listeners",
    "get_max_listeners",
    "listener_count",
    "on",
    "once",
    "set_max_listeners",
]


def _check_emitter(emitter: object, name: str = "emitter") -> EventEmitter | EventTarget:
    if not isinstance(emitter, EventEmitter | EventTarget):
        raise ERR_INVALID_ARG_TYPE(name, ["EventEmitter", "EventTarget"], emitter)
    return emitter


def _check_type(event: object) -> str:
    if not isinstance(event, str):
        raise ERR_INVALID_ARG_TYPE("type", "string", event)
    return event


def get_event_listeners(emitter: EventEmitter | EventTarget, event: Hashable) -> list[Any]:
    """A copy of ``emitter``'s listeners for ``event`` (Node's ``events.getEventListeners``).

    For an :class:`EventTarget`, the listeners as they were added (functions or
    ``handle_event`` objects), the library's own ones included, as Node lists its own.
    """
    checked = _check_emitter(emitter)
    if isinstance(checked, EventTarget):
        records = checked._events.get(_check_type(event), ())
        return [record.listener for record in records]
    return checked.listeners(event)


def get_max_listeners(emitter: EventEmitter | EventTarget) -> float:
    """``emitter``'s listener limit (Node's ``events.getMaxListeners``)."""
    checked = _check_emitter(emitter)
    if isinstance(checked, EventTarget):
        return checked._max_listeners
    return checked.get_max_listeners()


def set_max_listeners(n: float | None = None, *event_targets: EventEmitter | EventTarget) -> None:
    """Set the listener limit of each of ``event_targets``, or the default for every emitter.

    With no targets it sets :attr:`EventEmitter.default_max_listeners`, as Node's
    ``events.setMaxListeners(n)`` does (an :class:`EventTarget` reads it when created).
    ``n`` defaults to the current default. Every argument is checked before anything changes.
    """
    value = EventEmitter.default_max_listeners if n is None else n
    value = _check_max(value, "set_max_listeners")
    targets = [_check_emitter(t, "event_targets") for t in event_targets]
    if not targets:
        EventEmitter.default_max_listeners = value
    for target in targets:
        if isinstance(target, EventTarget):
            target._max_listeners = value
        else:
            target.set_max_listeners(value)


def listener_count(emitter: EventEmitter | EventTarget, event: Hashable) -> int:
    """How many listeners ``emitter`` has for ``event`` (Node's ``events.listenerCount``)."""
    checked = _check_emitter(emitter)
    if isinstance(checked, EventTarget):
        return len(checked._events.get(_check_type(event), ()))
    return checked.listener_count(event)


if TYPE_CHECKING:
    #: Read-only mirror of :attr:`EventEmitter.default_max_listeners` (Node's
    #: ``events.defaultMaxListeners``); set it with :func:`set_max_listeners`.
    default_max_listeners: float
else:

    def __getattr__(name: str) -> Any:
        if name == "default_max_listeners":
            return EventEmitter.default_max_listeners
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
