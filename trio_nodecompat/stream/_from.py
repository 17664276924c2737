"""``Readable.from_``: a Readable over an iterable or async iterable (Node's ``streams/from``).

A ``str`` or a bytes-like value is one chunk. Anything else is iterated lazily: each ``_read``
pulls values until ``push`` says the buffer is full, so an infinite generator is fine. A sync
iterator is pulled inside ``_read`` itself, synchronously, as Node's ``next()`` runs when no
value is a promise; an async iterator (an async generator, a Trio memory channel, another
stream) is pulled by a task of the loop, which ``destroy`` cancels. A value that is awaitable
is awaited first (Node awaits a thenable). ``None`` is refused (``ERR_STREAM_NULL_VALUES``):
it is the end-of-stream marker.

``destroy`` closes the iterator: a pending pull is cancelled (and no value is pulled once the
stream is destroyed), then the error (if any) is thrown into a generator that has
``throw``/``athrow`` and ``close``/``aclose`` is called, as Node calls ``iterator.throw`` and
``iterator.return``; ``'close'`` follows once it is closed. As Node's, the throw into a sync
generator happens inside ``destroy``, and what ``throw`` or ``close`` gives back is awaited
when it is awaitable (a generator's return value, which ``close()`` drops before Python 3.13,
is read from its ``StopIteration``); a generator that yields again after the throw is closed
a step later, as Node's ``return()`` comes after an ``await``.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Any

import trio

from .._buffer import Buffer
from .._internal.current_loop import require_host
from ..errors import ERR_INVALID_ARG_TYPE, ERR_STREAM_NULL_VALUES
from ._tasks import OwnedTask, spawn_owned
from ._utils import next_tick

__all__ = ["from_iterable", "is_bytes_like"]


def is_bytes_like(value: object) -> bool:
    """A Buffer, ``bytes``, ``bytearray`` or ``memoryview``: one chunk, as Node's Buffer is."""
    return isinstance(value, Buffer | bytes | bytearray | memoryview)


def from_iterable(cls: Any, iterable: Any, **options: Any) -> Any:
    """Build a ``cls`` (a Readable, or a Duplex for ``Duplex.from_``) reading ``iterable``."""
    if isinstance(iterable, str) or is_bytes_like(iterable):
        whole = iterable

        def read_all(self: Any, _size: int) -> None:
            self.push(whole)
            self.push(None)

        return cls(**{"object_mode": True, **options, "read": read_all})
    if iterable is not None and callable(getattr(iterable, "__aiter__", None)):
        iterator: Any = iterable.__aiter__()
        is_async = True
    elif iterable is not None and callable(getattr(iterable, "__iter__", None)):
        iterator = iter(iterable)
        is_async = False
    else:
        raise ERR_INVALID_ARG_TYPE("iterable", ["Iterable"], iterable)
    readable = cls(**{"object_mode": True, "high_water_mark": 1, **options})
    puller = _Puller(readable, iterator, is_async)
    readable._read = puller.read
    readable._destroy = puller.destroy
    return readable


class _Puller:
    """Pulls values from the iterator into the stream; closes the iterator on destroy."""

    __slots__ = ("stream", "iterator", "is_async", "reading", "task", "closing")

    def __init__(self, stream: Any, iterator: Any, is_async: bool) -> None:
        self.stream = stream
        self.iterator = iterator
        self.is_async = is_async
        self.reading = False
        self.task: OwnedTask | None = None
        self.closing: tuple[BaseException | None, Any] | None = None

    def read(self, _size: int = 0) -> None:
        if self.reading:
            return
        self.reading = True
        if self.is_async:
            self.task = spawn_owned("Readable.from_() over an async iterable", self.pull_async)
        else:
            self.pull_sync()

    def pull_sync(self) -> None:
        stream = self.stream
        iterator: Iterator[Any] = self.iterator
        while True:
            try:
                value = next(iterator)
            except StopIteration:
                stream.push(None)
                return
            except Exception as err:
                stream.destroy(err)
                return
            if inspect.isawaitable(value):
                # Node awaits a promise value: go on asynchronously from here.
                self.task = spawn_owned(
                    "Readable.from_() with an awaitable value", self.pull_async, value
                )
                return
            if not self._deliver(value):
                return

    def _deliver(self, value: Any) -> bool:
        """Push one value; whether to pull the next one now."""
        if value is None:
            self.reading = False
            self.stream.destroy(ERR_STREAM_NULL_VALUES())
            return False
        if self.stream.push(value):
            return True
        self.reading = False
        return False

    async def pull_async(self, pending: Any = None) -> None:
        stream = self.stream
        iterator = self.iterator
        while True:
            if pending is None and stream.destroyed:
                return  # Node's throw()/return() reach the iterator before any further next()
            try:
                if pending is not None:
                    value, pending = await pending, None
                elif self.is_async:
                    value = await iterator.__anext__()
                else:
                    value = next(iterator)
                if inspect.isawaitable(value):
                    value = await value
            except (StopAsyncIteration, StopIteration):
                stream.push(None)
                return
            except Exception as err:
                stream.destroy(err)
                return
            if not self._deliver(value):
                return

    # ----------------------------------------------------------------------------------------
    # Closing

    def destroy(self, error: BaseException | None, callback: Any) -> None:
        task = self.task
        self.task = None
        self.closing = (error, callback)
        if self.is_async or task is not None:
            # Close from a task: after the pull (if any) was cancelled and has unwound.
            spawn_owned("closing a Readable.from_() iterator", self._close_async, task)
            return
        # A sync iterator: Node's close() runs up to its first await inside destroy(): the
        # throw, or (nothing to throw) the return.
        try:
            thrown = _throw_sync(self.iterator, error)
            if thrown is None:
                thrown = (True, _return_sync(self.iterator))
        except Exception as exc:
            require_host("Readable.from_() destroy").call_soon(next_tick, callback, exc)
            return
        if thrown[0] and not inspect.isawaitable(thrown[1]):
            require_host("Readable.from_() destroy").call_soon(next_tick, callback, error)
            return
        spawn_owned("closing a Readable.from_() iterator", self._close_async, None, thrown)

    async def _close_async(
        self, task: OwnedTask | None, thrown: tuple[bool, Any] | None = None
    ) -> None:
        assert self.closing is not None
        error, callback = self.closing
        if task is not None and not task.done:
            task.cancel()
            while not task.done:
                await trio.sleep(0)
        try:
            if self.is_async:
                await _close_async_iterator(self.iterator, error)
            else:
                if thrown is None:
                    thrown = _throw_sync(self.iterator, error)
                await _finish_sync_close(self.iterator, thrown)
        except Exception as exc:
            error = exc
        next_tick(callback, error)


def _throw_sync(iterator: Any, error: BaseException | None) -> tuple[bool, Any] | None:
    """Node's ``iterator.throw(error)``: ``(done, value)``, or None when nothing was thrown."""
    throw = getattr(iterator, "throw", None)
    if error is None or not callable(throw):
        return None
    try:
        value = throw(error)
    except StopIteration as stop:
        return True, stop.value
    except BaseException as exc:
        if exc is error:
            return True, None
        raise
    return False, value  # it caught the error and yielded again


def _return_sync(iterator: Any) -> Any:
    """Node's ``iterator.return()``: the generator's return value (what Python 3.13's
    ``close()`` returns)."""
    if inspect.isgenerator(iterator):
        try:
            iterator.throw(GeneratorExit)
        except StopIteration as stop:
            return stop.value
        except GeneratorExit:
            return None
        iterator.close()  # it yielded again: close() raises the RuntimeError Python gives
        return None
    close = getattr(iterator, "close", None)
    return close() if callable(close) else None


async def _finish_sync_close(iterator: Any, thrown: tuple[bool, Any] | None) -> None:
    """The rest of Node's ``close()``: await what ``throw`` gave, then ``return()`` and await
    what it gives."""
    if thrown is not None:
        done, value = thrown
        if inspect.isawaitable(value):
            await value
        if done:
            return
    value = _return_sync(iterator)
    if inspect.isawaitable(value):
        await value


async def _close_async_iterator(iterator: AsyncIterator[Any], error: BaseException | None) -> None:
    athrow = getattr(iterator, "athrow", None)
    if error is not None and callable(athrow):
        try:
            await athrow(error)
        except StopAsyncIteration:
            return
        except BaseException as exc:
            if exc is error:
                return
            raise
    aclose = getattr(iterator, "aclose", None)
    if callable(aclose):
        await aclose()
