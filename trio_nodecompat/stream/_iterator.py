"""``async for chunk in readable``: Node's ``createAsyncIterator``, as a Trio-friendly object.

Each step reads what is buffered; with nothing buffered it waits for ``'readable'`` or the end
of the stream (through ``eos``). The end raises ``StopAsyncIteration``, a stream error is
raised from the step that meets it.

A step that finds a chunk returns it without a schedule point: it is a cancellation point
(``checkpoint_if_cancelled``), but it lets no other task run. That is what keeps the chunk
boundaries Node's: Node's consumer of ``for await`` runs as microtasks, so from one
``read()`` to the next no nextTick runs, and the stream's own ticks (``maybe_read_more``,
``'readable'``) find the buffer already drained. Had the loop's runner a turn between two
reads, those ticks would refill the buffer and the next ``read()`` in byte or string mode
would return two chunks joined (Node does the same when its consumer awaits something
slower than a microtask). Trio runs ready tasks in a random order, so with a schedule point
per step the boundaries would also change from run to run. Fairness comes from the waits (a
step that finds nothing blocks) and, for a source that is always ready, from one schedule
point every ``READY_RUN`` steps in a row; only there may bytes join where Node's would not.

Leaving early destroys the stream (unless ``destroy_on_return=False``), as Node's
``iterator.return()`` does. Python's ``async for`` tells the iterator nothing on ``break``, so
the iterator notices it is no longer used: its listeners hold it weakly, and when the loop
drops it (at once, by reference counting, when the ``async for`` ends) it closes itself. For a
guaranteed point of closing, use it as an async context manager
(``async with readable.iterator() as chunks:``) or call :meth:`ReadableIterator.aclose`. A
cancelled step closes the iterator the same way before the cancellation propagates, so no
listener stays behind on a stream that is not destroyed.
"""

from __future__ import annotations

import weakref
from typing import Any, Self

import trio

from .._event_emitter import EventEmitter
from ._destroy import aggregate_two_errors, destroyer
from ._end_of_stream import eos
from ._utils import AUTO_DESTROY, require_loop

__all__ = ["READY_RUN", "ReadableIterator"]

#: How many steps in a row may return a buffered chunk without a schedule point. Node's
#: iterator would never yield here (its consumer runs as microtasks, and a stream that always
#: has data starves Node's loop); a Trio task must let the others run now and then.
READY_RUN = 64


class _Unset:
    __slots__ = ()


_UNSET: Any = _Unset()


class _Wake:
    """The 'readable' listener: wakes the iterator's pending step, holding it weakly."""

    __slots__ = ("ref",)

    def __init__(self, ref: weakref.ref[ReadableIterator]) -> None:
        self.ref = ref

    def __call__(self, *_args: Any) -> None:
        it = self.ref()
        if it is not None and it._waiter is not None:
            it._waiter.set()


class _Ended:
    """The end-of-stream callback: records the outcome, wakes the step, then tidies up."""

    __slots__ = ("ref", "stream", "wake", "cleanup")

    def __init__(self, ref: weakref.ref[ReadableIterator], stream: Any, wake: _Wake) -> None:
        self.ref = ref
        self.stream = stream
        self.wake = wake
        self.cleanup: Any = None

    def __call__(self, err: BaseException | None = None) -> None:
        it = self.ref()
        if it is not None:
            it._error = aggregate_two_errors(it._error_or_none(), err) if err is not None else None
            if it._waiter is not None:
                it._waiter.set()
        if it is None or it._finished:
            self.release()

    def release(self) -> None:
        """Remove every listener the iterator added."""
        if self.cleanup is not None:
            self.cleanup()
            self.cleanup = None
            self.stream.remove_listener("readable", self.wake)


def _wrap_old_style(source: Any) -> Any:
    """An object-mode Readable over an old-style ``'data'``/``'end'`` emitter (Node's
    ``Readable.wrap(src, { objectMode: true })``); destroying it destroys the source."""
    from ._readable import Readable

    def destroy(self: Any, err: BaseException | None, callback: Any) -> None:
        destroyer(source, err)
        callback(err)

    object_mode = getattr(source, "readable_object_mode", None)
    if object_mode is None:
        object_mode = getattr(source, "object_mode", True)
    return Readable(object_mode=bool(object_mode), destroy=destroy).wrap(source)


class ReadableIterator:
    """The async iterator of a :class:`Readable` (``readable.iterator()``, ``async for``)."""

    def __init__(self, stream: Any, *, destroy_on_return: bool = True) -> None:
        if not callable(getattr(stream, "read", None)):
            stream = _wrap_old_style(stream)
        #: The stream being iterated (an old-style emitter is wrapped in an object-mode
        #: Readable first, as Node does).
        self.stream = stream
        self._destroy_on_return = destroy_on_return
        self._error: Any = _UNSET
        self._waiter: trio.Event | None = None
        self._finished = False
        #: Steps in a row that found a chunk without waiting (see ``READY_RUN``).
        self._run = 0
        #: Whether a step was ever taken (a pipeline closes an iterator its function stage
        #: left early at once, one never stepped only when the pipeline settles).
        self.stepped = False
        ref = weakref.ref(self)
        self._wake = _Wake(ref)
        stream.on("readable", self._wake)
        self._ended = _Ended(ref, stream, self._wake)
        self._ended.cleanup = eos(stream, self._ended, writable=False)

    def _error_or_none(self) -> BaseException | None:
        error = self._error
        return error if isinstance(error, BaseException) else None

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> Any:
        if self._finished:
            raise StopAsyncIteration
        if self._waiter is not None:
            raise trio.BusyResourceError("another task is already waiting on this stream iterator")
        self.stepped = True
        stream = self.stream
        try:
            # Cancelled before a chunk is taken, never after: a stream that outlives its
            # iterator (destroy_on_return=False) keeps the chunk for its next reader.
            await trio.lowlevel.checkpoint_if_cancelled()
            while True:
                chunk = None if stream.destroyed else stream.read()
                if chunk is not None:
                    # No schedule point between one read and the next (see the module's
                    # docstring), except once in a long run, so other tasks get their turn.
                    self._run += 1
                    if self._run >= READY_RUN:
                        self._run = 0
                        await trio.lowlevel.cancel_shielded_checkpoint()
                    return chunk
                self._run = 0
                error = self._error
                if error is None:
                    self._close()
                    raise StopAsyncIteration
                if error is not _UNSET:
                    self._close()
                    raise error
                self._waiter = trio.Event()
                try:
                    await self._waiter.wait()
                finally:
                    self._waiter = None
        except BaseException as exc:
            if not self._finished and not isinstance(exc, StopAsyncIteration):
                self._close()  # cancelled while waiting: leave as a `break` would
            raise

    def _close(self) -> None:
        """Node's ``finally``: destroy the stream, or just remove the listeners."""
        if self._finished:
            return
        self._finished = True
        stream = self.stream
        error = self._error
        failed = isinstance(error, BaseException)
        if (failed or self._destroy_on_return) and (
            error is _UNSET or stream._readable_state.bits & AUTO_DESTROY
        ):
            destroyer(stream, None)
            if stream._readable_state.close_emitted:
                self._ended.release()
            # Otherwise the listeners go when 'close' (or the AbortError) arrives: until then
            # the end-of-stream listener is what receives that error.
        else:
            self._ended.release()

    async def aclose(self) -> None:
        """Stop iterating: destroys the stream unless it was made with
        ``destroy_on_return=False``."""
        self._close()
        await trio.lowlevel.checkpoint()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def __del__(self) -> None:
        # Dropped before the end: the `async for` was left (break, return, an exception).
        if self._finished:
            return
        try:
            require_loop("a dropped stream iterator")
        except RuntimeError:
            # No loop (or a closed one) to destroy on: let go of the listeners, through the
            # plain emitter for 'readable' (Readable's own would schedule a mode update).
            self._finished = True
            ended = self._ended
            if ended.cleanup is not None:
                ended.cleanup()
                ended.cleanup = None
                EventEmitter.remove_listener(self.stream, "readable", self._wake)
            return
        self._close()
