"""Run crypto work off the Trio thread: Node's libuv thread-pool jobs, structured.

Node runs ``pbkdf2``, ``scrypt``, ``hkdf``, the random-number calls, ``generateKeyPair``,
``generateKey`` and the callback forms of ``sign``/``verify`` on its thread pool and calls back
on the event loop. Here one mechanism serves every such function, in both halves of the
package:

- The public function validates its arguments at once (bad input raises synchronously, as in
  Node) and describes the rest as a :class:`Job`: ``work`` runs in a worker thread, and
  ``finish`` turns the worker's result into the callback's value on the Trio thread.
- :func:`start` (the callback form) schedules the job on the current loop
  (``require_host``): a loop task awaits the worker with :func:`trio.to_thread.run_sync` and
  calls ``callback(None, value)`` (``callback(None, *value)`` for a job whose value is the
  callback's several arguments, as ``generateKeyPair``'s ``(publicKey, privateKey)``) or
  ``callback(err)`` in a copy of the caller's context, so its AsyncLocalStorage stores are
  current. A callback that raises is an uncaught exception of the loop. Outside a loop it
  raises :class:`~trio_nodecompat.errors.NoLoopError` before any work starts.
- :func:`run` (the promisified form) awaits the same job in the calling task. Each callback
  function carries it as its ``util.promisify.custom`` attribute (:func:`promisified_by`), so
  ``await promisify(pbkdf2)(...)`` is cancellable: the wait ends at once on cancellation and
  the worker thread is abandoned (its result is dropped; no task is left behind).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

import trio

from .._internal.current_loop import require_host
from ..util._promisify import CUSTOM_PROMISIFY

__all__ = ["Job", "promisified_by", "run", "start"]

R = TypeVar("R")
T = TypeVar("T")


class Job(Generic[R, T]):
    """One unit of crypto work: ``work()`` in a worker thread, ``finish(raw)`` on the Trio thread.

    ``finish`` defaults to returning the worker's result. Keeping it on the Trio thread means
    anything that touches the caller's objects (writing random bytes into their buffer) happens
    only if the job was not cancelled.
    """

    __slots__ = ("work", "finish")

    def __init__(self, work: Callable[[], R], finish: Callable[[R], T] | None = None) -> None:
        self.work = work
        self.finish: Callable[[R], T] = finish if finish is not None else _identity

    def __repr__(self) -> str:
        return f"<Job {getattr(self.work, '__qualname__', self.work)!r}>"


def _identity(value: Any) -> Any:
    return value


async def run(job: Job[Any, T]) -> T:
    """Run ``job`` from the calling task; cancelling the wait abandons the worker thread."""
    raw = await trio.to_thread.run_sync(job.work, abandon_on_cancel=True)
    return job.finish(raw)


async def _settle(job: Job[Any, Any], callback: Callable[..., object], spread: bool) -> None:
    try:
        value = await run(job)
    except Exception as err:
        failure: Exception = err
    else:
        if spread:
            callback(None, *value)
        else:
            callback(None, value)
        return
    # Called outside the except block, so a callback that raises is reported as its own
    # failure, not chained to the job's.
    callback(failure)


def start(
    what: str, job: Job[Any, Any], callback: Callable[..., object], *, spread: bool = False
) -> None:
    """Node's async job: run ``job`` on the current loop, then ``callback(err, value)``.

    ``what`` names the function for the error raised outside a loop. With ``spread`` the
    job's value is a tuple of the callback's values: ``callback(None, *value)``. The callback
    runs in a copy of the caller's context; if it raises, the loop reports an uncaught
    exception.
    """
    host = require_host(what)
    host.spawn(_settle, job, callback, spread, failure="exception")


def promisified_by(
    async_fn: Callable[..., Awaitable[Any]],
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: give a callback function ``async_fn`` as its ``util.promisify.custom`` form."""

    def attach(fn: Callable[..., Any]) -> Callable[..., Any]:
        setattr(fn, CUSTOM_PROMISIFY, async_fn)
        return fn

    return attach
