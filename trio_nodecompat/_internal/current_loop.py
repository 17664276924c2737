"""Where background work finds the loop that hosts it, without importing the loop itself.

The loop (``trio_nodecompat._loop``) is an EventEmitter, and the EventEmitter schedules async
listeners on the loop; this module breaks that cycle. It holds the context variable that
``open_loop`` sets and the :class:`BackgroundHost` protocol that everything scheduling
fire-and-forget work (``emit``, timers, ``callbackify``) programs against.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextvars import Context, ContextVar
from typing import Literal, Protocol

from ..errors import NoLoopError

__all__ = ["BackgroundHost", "FailureKind", "current_host", "find_host", "require_host"]

#: How an unhandled failure of a piece of background work is reported: as Node reports a
#: rejected promise nobody handled (``'unhandledRejection'``) or an exception thrown from a
#: callback (``'uncaughtException'``).
FailureKind = Literal["rejection", "exception"]


class BackgroundHost(Protocol):
    """What scheduling code needs from the loop. Every method may be called from any thread."""

    def spawn(
        self,
        work: Callable[..., Awaitable[object]] | Awaitable[object],
        *args: object,
        context: Context | None = None,
        on_error: Callable[[BaseException], object] | None = None,
        failure: FailureKind = "rejection",
    ) -> None:
        """Run ``await work(*args)`` (or ``await work``) in the loop's nursery.

        It runs in a copy of ``context`` (default: the caller's context, copied now). If it
        raises, ``on_error(exc)`` is called in that same context; with no ``on_error`` the
        failure is reported as ``failure`` says, and an exception raised by ``on_error`` is
        reported as an uncaught exception.
        """
        ...

    def call_soon(
        self, fn: Callable[..., object], *args: object, context: Context | None = None
    ) -> None:
        """Call ``fn(*args)`` soon, from the loop, in a copy of ``context``.

        An exception it raises is an uncaught exception of the loop.
        """
        ...


_current: ContextVar[BackgroundHost | None] = ContextVar(
    "trio_nodecompat.current_loop", default=None
)


def current_host() -> ContextVar[BackgroundHost | None]:
    """The context variable holding the innermost loop (set by ``open_loop``)."""
    return _current


def find_host() -> BackgroundHost | None:
    """The innermost loop, or ``None`` outside every loop."""
    return _current.get()


def require_host(what: str) -> BackgroundHost:
    """The innermost loop; outside every loop, :class:`NoLoopError` naming ``what`` needed it."""
    host = _current.get()
    if host is None:
        raise NoLoopError(what)
    return host
