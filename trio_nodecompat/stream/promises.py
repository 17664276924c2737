"""``stream.promises``: ``pipeline`` and ``finished`` as Trio awaitables.

``await pipeline(source, transform, destination)`` returns when the pipeline is done (with
the value of a last stage that is an ``async def``), and raises the error that failed it:
the stream's own exception, never an ExceptionGroup. It is cancellable both ways Trio code
expects: a cancel scope around the ``await`` (``trio.move_on_after``, a nursery being
cancelled) destroys every stream of the pipeline and stops its tasks before the cancellation
goes on (and the async ``_write``, ``_final``, ... those streams are still running); ``signal=``
aborts it as in Node, raising ``AbortError``.

Called where no loop is open (plain Trio code), they open one for their own duration, so
``trio.run(main)`` can use Node streams without setting up anything first.
"""

from __future__ import annotations

from typing import Any

import trio

from .._internal.current_loop import find_host
from .._internal.validators import validate_abort_signal, validate_boolean
from ._end_of_stream import eos
from ._finished import finished as _finished_callback
from ._pipeline import pipeline_impl

__all__ = ["finished", "pipeline"]


class _Outcome:
    __slots__ = ("event", "error", "value")

    def __init__(self) -> None:
        self.event = trio.Event()
        self.error: BaseException | None = None
        self.value: Any = None

    def __call__(self, err: BaseException | None = None, value: Any = None) -> None:
        self.error = err
        self.value = value
        self.event.set()

    def result(self) -> Any:
        if self.error is not None:
            error, self.error = self.error, None
            raise error
        return self.value


async def pipeline(*streams: Any, signal: Any = None, end: bool = True) -> Any:
    """Node's ``stream.promises.pipeline(...streams, { signal, end })``, awaited.

    Returns the value of a last stage that is an ``async def`` (else None); raises the first
    real error. ``end=False`` leaves the destination open. Cancelling the ``await`` destroys
    every stream and leaves no task behind.
    """
    if signal is not None:
        validate_abort_signal(signal, "options.signal")
    if find_host() is None:
        from .._loop import open_loop

        async with open_loop():
            return await _run_pipeline(list(streams), signal, end)
    return await _run_pipeline(list(streams), signal, end)


async def _run_pipeline(streams: list[Any], signal: Any, end: bool) -> Any:
    outcome = _Outcome()
    _ret, cancel = pipeline_impl(streams, outcome, signal=signal, end=end)
    try:
        await outcome.event.wait()
    except trio.Cancelled:
        # Destroys every unfinished stream, cancels the pipeline's tasks and what its
        # destroyed stages still run in async methods (a _write, a _final, ...).
        cancel()
        raise
    return outcome.result()


async def finished(
    stream: Any,
    *,
    readable: bool | None = None,
    writable: bool | None = None,
    error: bool = True,
    signal: Any = None,
    cleanup: bool = False,
) -> None:
    """Node's ``stream.promises.finished(stream, options)``: wait until ``stream`` is done.

    Raises the stream's error (``ERR_STREAM_PREMATURE_CLOSE`` for a close before the end,
    ``AbortError`` if ``signal`` aborts first). ``cleanup=True`` removes the listeners once it
    is done (Node's ``cleanup`` option); a cancelled wait always removes them.
    """
    validate_boolean(cleanup, "cleanup")
    if find_host() is None:
        from .._loop import open_loop

        async with open_loop():
            await _wait_finished(stream, readable, writable, error, signal, cleanup)
        return
    await _wait_finished(stream, readable, writable, error, signal, cleanup)


async def _wait_finished(
    stream: Any,
    readable: bool | None,
    writable: bool | None,
    error: bool,
    signal: Any,
    cleanup: bool,
) -> None:
    outcome = _Outcome()
    if signal is None:
        remove = eos(stream, outcome, readable=readable, writable=writable, error=error)
    else:
        remove = _finished_callback(
            stream, outcome, readable=readable, writable=writable, error=error, signal=signal
        )
    try:
        await outcome.event.wait()
    except trio.Cancelled:
        remove()
        raise
    if cleanup:
        remove()
    outcome.result()
