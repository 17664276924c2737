"""Run a blocking crypto job off the Trio thread, then call a Node-style callback.

Node runs ``generateKeyPair``, ``generateKey`` and the callback forms of ``sign``/``verify``
on its thread pool and calls the callback later from the event loop. Here the job runs in
``trio.to_thread.run_sync`` inside a task of the loop's nursery (so the loop stays open until
it is done, and cancelling the loop abandons it), and the callback runs on the Trio thread in
the context that was current at the call, so AsyncLocalStorage stores follow it. An exception
the callback raises is the loop's uncaught exception, as in Node.

(The standard-library half of ``crypto`` has the same need for ``pbkdf2``/``scrypt``; when the
two halves merge, one of the two helpers should call the other.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import trio

from .._internal.current_loop import require_host
from .._internal.validators import validate_function

__all__ = ["call_back_from_thread", "in_thread"]


def call_back_from_thread(what: str, work: Callable[[], tuple[Any, ...]], callback: object) -> None:
    """Schedule ``work()`` on a worker thread; then ``callback(None, *result)`` or ``callback(err)``."""
    fn = validate_function(callback, "callback")
    host = require_host(what)

    async def job() -> None:
        try:
            result = await trio.to_thread.run_sync(work, abandon_on_cancel=True)
        except Exception as exc:
            fn(exc)
            return
        fn(None, *result)

    host.spawn(job, failure="exception")


async def in_thread(work: Callable[[], Any]) -> Any:
    """``await`` ``work()`` on a worker thread; cancelling abandons the thread's result."""
    return await trio.to_thread.run_sync(work, abandon_on_cancel=True)
