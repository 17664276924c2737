"""Background tasks a stream owns: spawned in the loop's nursery, cancelled with the stream.

The loop's ``spawn`` hands back nothing to cancel by, and a stream's helper tasks (the task
that reads a Trio stream for a Readable, the pump of a pipeline stage, the workers of
``map(concurrency=n)``) must end when the stream is destroyed, not when the loop closes. A
:class:`OwnedTask` is a ``trio.CancelScope`` made before the task starts and entered by it,
so ``cancel()`` works whether the task has started yet or not.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import trio

from .._internal.current_loop import require_host

__all__ = ["OwnedTask", "spawn_owned"]


class OwnedTask:
    """A task of the loop's nursery that its owner can cancel (:meth:`cancel`)."""

    __slots__ = ("scope", "done")

    def __init__(self) -> None:
        self.scope = trio.CancelScope()
        #: Set once the task has returned (or was cancelled before it began).
        self.done = False

    def cancel(self) -> None:
        """Cancel the task (before it starts, it never runs its body)."""
        self.scope.cancel()

    async def _run(
        self,
        fn: Callable[..., Awaitable[object]],
        args: tuple[Any, ...],
        on_exit: Callable[[], object] | None,
    ) -> None:
        try:
            with self.scope:
                await fn(*args)
        finally:
            self.done = True
            if on_exit is not None:
                on_exit()


def spawn_owned(
    what: str,
    fn: Callable[..., Awaitable[object]],
    *args: Any,
    on_exit: Callable[[], object] | None = None,
    on_error: Callable[[BaseException], object] | None = None,
) -> OwnedTask:
    """Run ``await fn(*args)`` in the loop's nursery under a scope the caller can cancel.

    ``on_exit()`` runs when the task ends, however it ends (after a cancel too). An exception
    of ``fn`` goes to ``on_error`` (the loop's unhandled-rejection path without one).
    """
    task = OwnedTask()
    require_host(what).spawn(task._run, fn, args, on_exit, on_error=on_error)
    return task
