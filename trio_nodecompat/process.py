"""``node:process``'s scheduling half: :func:`next_tick`, Node's nextTick queue on the loop.

Node has two queues ahead of its timers: the nextTick queue, drained first, then the promise
microtask queue (:func:`trio_nodecompat.timers.queue_microtask`). After every callback the
loop runs (a timer, an immediate, a tick, a microtask) it drains them: every queued tick, then
every queued microtask, again until both are empty. Streams schedule their events on the
nextTick queue, which is why their events come in the order they do.

Here the queue belongs to the loop (:func:`trio_nodecompat.open_loop`): the loop's runner
drains it when it next runs (once the current Trio task reaches a checkpoint) and between
the timers and immediates it fires, in Node's order. Each callback runs in the frame that was
current when it was queued, so AsyncLocalStorage stores follow it. The rest of Node's
``process`` (``'uncaughtException'``, ``'unhandledRejection'``) is the loop itself: listen on
:func:`trio_nodecompat.current_loop`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._internal.current_loop import current_host
from ._loop import Loop
from .errors import ERR_INVALID_ARG_TYPE, NoLoopError

__all__ = ["next_tick"]

_HOST = current_host()


def next_tick(callback: Callable[..., Any], *args: Any) -> None:
    """Queue ``callback(*args)`` on the current loop's nextTick queue, as ``process.nextTick``.

    It runs before anything on the microtask queue and before any timer or immediate, in a
    copy of the caller's frame. An exception it raises is an uncaught exception of the loop
    (and ends that drain of the queue, as in Node: the ticks queued after it run after the
    next callback). An ``async def`` callback's coroutine is started on the loop as async
    work, its failure an unhandled rejection.

    Callable only from the loop's Trio thread (from a worker thread, hand the call over with
    ``trio.from_thread.run_sync``); outside a loop it raises :class:`~trio_nodecompat.errors.NoLoopError`.
    A ``callback`` that is not callable raises ``ERR_INVALID_ARG_TYPE``.
    """
    if not callable(callback):
        raise ERR_INVALID_ARG_TYPE("callback", "function", callback)
    host = _HOST.get()
    if type(host) is not Loop:
        if not isinstance(host, Loop):
            raise NoLoopError("process.next_tick()")
    host._queue_tick(callback, args)
