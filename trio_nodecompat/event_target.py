"""Node's ``EventTarget``, ``Event`` and ``CustomEvent`` (web events, as Node has them).

Listeners are called in the order they were added, each listener (with its ``capture`` flag)
at most once per target. A listener's exception never reaches ``dispatch_event``'s caller: it
is an uncaught exception of the current :func:`trio_nodecompat.open_loop` loop, and an async
listener's failure too, as in Node. Outside every loop, ``dispatch_event`` raises it after all
listeners have run, so it is never lost.
"""

from __future__ import annotations

from ._event_target import (
    AddEventListenerArgumentTypeWarning,
    CustomEvent,
    Event,
    EventListener,
    EventTarget,
)

__all__ = [
    "AddEventListenerArgumentTypeWarning",
    "CustomEvent",
    "Event",
    "EventListener",
    "EventTarget",
]
