"""trio_nodecompat: the Node.js core APIs of Cloudflare Workers' ``nodejs_compat``, on Trio.

One public module per Node module: :mod:`~trio_nodecompat.async_hooks`,
:mod:`~trio_nodecompat.events`, :mod:`~trio_nodecompat.buffer`,
:mod:`~trio_nodecompat.assert_`, :mod:`~trio_nodecompat.util`,
:mod:`~trio_nodecompat.string_decoder`, :mod:`~trio_nodecompat.timers`,
:mod:`~trio_nodecompat.abort`, :mod:`~trio_nodecompat.event_target`, and
:mod:`~trio_nodecompat.errors` for Node's error codes.

The loop that hosts Node-style background work (:func:`open_loop`, :func:`run`,
:func:`current_loop`) lives here, and the main classes are re-exported for convenience:
``from trio_nodecompat import AsyncLocalStorage, Buffer, EventEmitter``; Node's web globals
(``AbortController``, ``AbortSignal``, ``EventTarget``, ``Event``, ``CustomEvent``,
``DOMException``) are there too.
"""

from __future__ import annotations

from ._loop import Loop, current_loop, open_loop, run
from .abort import AbortController, AbortSignal, DOMException
from .async_hooks import AsyncLocalStorage, AsyncResource
from .buffer import Buffer
from .event_target import CustomEvent, Event, EventTarget
from .events import EventEmitter
from .string_decoder import StringDecoder

__version__ = "0.1.0"

__all__ = [
    "AbortController",
    "AbortSignal",
    "AsyncLocalStorage",
    "AsyncResource",
    "Buffer",
    "CustomEvent",
    "DOMException",
    "Event",
    "EventEmitter",
    "EventTarget",
    "Loop",
    "StringDecoder",
    "__version__",
    "current_loop",
    "open_loop",
    "run",
]
