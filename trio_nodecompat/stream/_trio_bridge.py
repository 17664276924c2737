"""Node streams and Trio streams, both ways, with backpressure kept across the bridge.

Into Node: :func:`readable_from_receive_stream` reads a ``trio.abc.ReceiveStream`` only while
the Readable wants data (its ``_read`` asks, ``push`` returning False stops it), so a slow
Node consumer stops the Trio peer; :func:`writable_from_send_stream` sends each chunk with
``send_all`` and calls the write back only when it returns, so a slow Trio peer makes
``write`` return False in turn. :func:`duplex_from_stream` is both over one ``trio.abc.Stream``
(a ``trio.SocketStream`` or ``trio.SSLStream`` becomes what ``net.Socket`` is): ``end()``
sends EOF when the Trio stream is half-closeable. The reading and sending tasks live in the
loop's nursery and are cancelled when the stream is destroyed, which then closes the Trio
stream (``aclose``) before ``'close'``.

Out of Node: :class:`ReadableReceiveStream`, :class:`WritableSendStream` and
:class:`DuplexStream` are ``trio.abc`` streams over a Readable, Writable or Duplex, held to
Trio's conformance checks (``trio.testing.check_one_way_stream``,
``check_half_closeable_stream``): ``receive_some`` reads what the Readable has (waiting for
``'readable'``), ``send_all`` writes and waits for ``'drain'`` when ``write`` returns False,
``send_eof`` ends the writable side (``end()``, then waits for ``'finish'``; sending is then
closed, a second ``send_eof`` is fine), and one sending call runs at a time
(``BusyResourceError``). Closing is graceful, as Trio's ``aclose`` is: a send stream's
``aclose`` ends its Writable; a duplex's waits until what ``send_all`` accepted was taken by
``_write``, then destroys; a receive stream's destroys; a cancelled ``aclose`` destroys at
once and cancels what the stream still runs in async methods. A wrapper owns its stream's
errors (it listens for ``'error'``): a stream error surfaces from the next call as
``trio.BrokenResourceError`` whose ``__cause__`` is the Node error, as Trio's own streams
report a broken transport, not as the loop's uncaught exception.
:class:`ReadableReceiveChannel` and :class:`WritableSendChannel` are the object-mode bridge
(``trio.abc`` channels, one chunk per ``receive``/``send``); ``Writable.from_send_channel``
writes into a Trio channel.
"""

from __future__ import annotations

import operator
from collections.abc import Awaitable, Callable
from typing import Any

import trio

from .._buffer import Buffer
from .._internal.current_loop import require_host
from ._async_methods import cancel_running_methods
from ._tasks import OwnedTask, spawn_owned

__all__ = [
    "DuplexStream",
    "ReadableReceiveChannel",
    "ReadableReceiveStream",
    "WritableSendChannel",
    "WritableSendStream",
    "duplex_from_stream",
    "readable_from_receive_stream",
    "writable_from_send_channel",
    "writable_from_send_stream",
]


# --------------------------------------------------------------------------------------------
# Into Node


class _Receiver:
    """The Readable's side of a Trio receive stream: one task receiving while data is wanted."""

    __slots__ = ("stream", "source", "max_bytes", "wanted", "wake", "task")

    def __init__(self, stream: Any, source: trio.abc.ReceiveStream, max_bytes: int | None) -> None:
        self.stream = stream
        self.source = source
        self.max_bytes = max_bytes
        self.wanted = False
        self.wake: trio.Event | None = None
        self.task: OwnedTask | None = None

    def read(self, _size: int = 0) -> None:
        self.wanted = True
        if self.task is None:
            self.task = spawn_owned("reading a Trio stream into a Readable", self._run)
        elif self.wake is not None:
            self.wake.set()

    async def _run(self) -> None:
        stream = self.stream
        receive_some = self.source.receive_some
        max_bytes = self.max_bytes or max(stream._readable_state.high_water_mark, 1024)
        try:
            while True:
                if not self.wanted:
                    self.wake = trio.Event()
                    await self.wake.wait()
                    self.wake = None
                    continue
                data = await receive_some(max_bytes)
                if not data:
                    stream.push(None)
                    return
                self.wanted = stream.push(data)
        except trio.ClosedResourceError:
            if not stream.destroyed:
                stream.destroy()
        except Exception as err:
            stream.destroy(err)


class _Sender:
    """The Writable's side of a Trio send stream: one task sending, one chunk at a time.

    A Writable hands ``_write`` one chunk at a time (the next only after the callback), so
    one long-lived task takes each request in turn: cheaper per chunk than a task per write.
    """

    __slots__ = ("send", "eof", "task", "pending", "wake")

    def __init__(
        self,
        send: Callable[[Any], Awaitable[object]],
        eof: Callable[[], Awaitable[object]] | None,
    ) -> None:
        self.send = send
        self.eof = eof
        self.task: OwnedTask | None = None
        self.pending: tuple[Callable[..., Awaitable[object]], Any, Any] | None = None
        self.wake: trio.Event | None = None

    def _submit(self, fn: Callable[..., Awaitable[object]], arg: Any, callback: Any) -> None:
        self.pending = (fn, arg, callback)
        if self.task is None:
            self.task = spawn_owned("sending a Writable's chunks to a Trio stream", self._run)
        elif self.wake is not None:
            self.wake.set()

    def write(self, chunk: Any, _encoding: Any, callback: Callable[..., Any]) -> None:
        self._submit(self.send, _sendable(chunk), callback)

    def write_object(self, chunk: Any, _encoding: Any, callback: Callable[..., Any]) -> None:
        self._submit(self.send, chunk, callback)

    def writev(self, requests: Any, callback: Callable[..., Any]) -> None:
        self._submit(self.send, b"".join([_sendable(r.chunk) for r in requests]), callback)

    def send_objects(self, requests: Any, callback: Callable[..., Any]) -> None:
        async def send_each(chunks: list[Any]) -> None:
            for chunk in chunks:
                await self.send(chunk)

        self._submit(send_each, [request.chunk for request in requests], callback)

    def final(self, callback: Callable[..., Any]) -> None:
        if self.eof is None:
            callback()
            return
        self._submit(self._send_eof, None, callback)

    async def _send_eof(self, _arg: Any) -> None:
        assert self.eof is not None
        await self.eof()

    async def _run(self) -> None:
        host = require_host("a Writable over a Trio stream")
        while True:
            request = self.pending
            if request is None:
                self.wake = trio.Event()
                await self.wake.wait()
                self.wake = None
                continue
            self.pending = None
            fn, arg, callback = request
            try:
                await fn(arg)
            except Exception as err:
                host.call_soon(callback, err)
            else:
                # Called from this task, at once: the next write (from the callback's flow)
                # is taken without a hop through the loop's queue. A listener's exception is
                # the loop's uncaught exception, as from a microtask.
                try:
                    callback()
                except Exception as exc:
                    host.call_soon(_reraise, exc)

    def cancel(self) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()


def _reraise(exc: BaseException) -> None:
    raise exc


def _sendable(chunk: Any) -> Any:
    """What ``send_all`` gets for a chunk: a Buffer's own memory (no copy), or bytes."""
    if type(chunk) is Buffer:
        return chunk._mem
    if isinstance(chunk, str):
        return chunk.encode()
    return chunk


class _Closer:
    """``_destroy``: stop the tasks, close the Trio resource once, then call back."""

    __slots__ = ("resource", "receiver", "sender", "closed")

    def __init__(self, resource: Any, receiver: _Receiver | None, sender: _Sender | None) -> None:
        self.resource = resource
        self.receiver = receiver
        self.sender = sender
        self.closed = False

    def __call__(self, err: BaseException | None, callback: Callable[..., Any]) -> None:
        if self.receiver is not None and self.receiver.task is not None:
            self.receiver.task.cancel()
        if self.sender is not None:
            self.sender.cancel()
        if self.closed:
            callback(err)
            return
        self.closed = True
        spawn_owned("closing a Trio stream", self._close, err, callback)

    async def _close(self, err: BaseException | None, callback: Callable[..., Any]) -> None:
        host = require_host("closing a Trio stream")
        try:
            await self.resource.aclose()
        except Exception as exc:
            if err is None:
                err = exc
        host.call_soon(callback, err)


def readable_from_receive_stream(
    cls: Any, source: trio.abc.ReceiveStream, *, max_bytes: int | None = None, **options: Any
) -> Any:
    """A Readable (``cls``) whose data comes from ``source.receive_some``."""
    stream = cls(**options)
    receiver = _Receiver(stream, source, max_bytes)
    stream._read = receiver.read
    stream._destroy = _Closer(source, receiver, None)
    return stream


def writable_from_send_stream(cls: Any, sink: trio.abc.SendStream, **options: Any) -> Any:
    """A Writable (``cls``) that sends its chunks with ``sink.send_all``; ``end()`` sends EOF
    on a half-closeable stream."""
    eof = sink.send_eof if isinstance(sink, trio.abc.HalfCloseableStream) else None
    sender = _Sender(sink.send_all, eof)
    stream = cls(write=_method(sender.write), writev=_method(sender.writev), **options)
    stream._final = sender.final
    stream._destroy = _Closer(sink, None, sender)
    return stream


def writable_from_send_channel(cls: Any, channel: trio.abc.SendChannel[Any], **options: Any) -> Any:
    """An object-mode Writable (``cls``) that sends each chunk into a Trio channel."""
    sender = _Sender(channel.send, None)
    stream = cls(
        **{"object_mode": True, **options},
        write=_method(sender.write_object),
        writev=_method(sender.send_objects),
    )
    stream._final = sender.final
    stream._destroy = _Closer(channel, None, sender)
    return stream


def duplex_from_stream(
    cls: Any, transport: trio.abc.Stream, *, max_bytes: int | None = None, **options: Any
) -> Any:
    """A Duplex (``cls``) over a Trio stream: reads ``receive_some``, writes ``send_all``."""
    eof = transport.send_eof if isinstance(transport, trio.abc.HalfCloseableStream) else None
    sender = _Sender(transport.send_all, eof)
    stream = cls(write=_method(sender.write), writev=_method(sender.writev), **options)
    receiver = _Receiver(stream, transport, max_bytes)
    stream._read = receiver.read
    stream._final = sender.final
    stream._destroy = _Closer(transport, receiver, sender)
    return stream


def _method(fn: Callable[..., Any]) -> Callable[..., Any]:
    """A constructor option function (it receives the stream first) calling ``fn``."""

    def method(_stream: Any, *args: Any) -> Any:
        return fn(*args)

    return method


# --------------------------------------------------------------------------------------------
# Out of Node


class _Watch:
    """Wakes a waiting Trio task on any of a stream's events; listeners only while waiting."""

    __slots__ = ("emitter", "names", "event")

    def __init__(self, emitter: Any, *names: str) -> None:
        self.emitter = emitter
        self.names = names
        self.event = trio.Event()

    def __call__(self, *_args: Any) -> None:
        self.event.set()

    async def wait(self) -> None:
        emitter = self.emitter
        for name in self.names:
            emitter.on(name, self)
        try:
            await self.event.wait()
        finally:
            for name in self.names:
                emitter.remove_listener(name, self)


def _surfaced_later(_err: BaseException) -> None:
    """The wrappers' ``'error'`` listener: the error stays in the stream's state and the next
    Trio call raises it (``trio.BrokenResourceError``), as a Trio stream reports a broken
    transport, instead of it being the loop's uncaught exception meanwhile."""


def _take_errors(stream: Any) -> None:
    if _surfaced_later not in stream.listeners("error"):
        stream.on("error", _surfaced_later)


def _broken(err: BaseException) -> trio.BrokenResourceError:
    broken = trio.BrokenResourceError(f"the Node stream failed: {err!r}")
    broken.__cause__ = err
    return broken


class _ReadSide:
    """Reading a Readable from Trio: paused mode, ``read()`` when ``'readable'`` says so.

    A step is atomic with respect to cancellation, as Trio's own ``receive_some`` and
    ``MemoryReceiveChannel.receive`` are: it checks for a cancel before taking a chunk and
    takes no cancellable schedule point after, so a cancelled call took nothing.

    For the byte wrappers (``as_bytes``) a chunk becomes bytes and is cut to ``max_bytes``,
    the rest kept for the next call: an object-mode chunk (or a decoded string, whose length
    counts characters) can be longer than asked for, and an empty chunk is skipped, since
    ``b""`` must mean the end.
    """

    def __init__(self, readable: Any, *, as_bytes: bool = False) -> None:
        self.readable = readable
        self.closed = False
        self.conflict = False
        self.started = False
        self.as_bytes = as_bytes
        #: What is left of a chunk longer than the ``max_bytes`` of the call that took it.
        self.leftover = b""
        _take_errors(readable)

    async def next_bytes(self, max_bytes: int | None) -> bytes:
        """``receive_some``: at most ``max_bytes`` bytes, never empty before the end."""
        while True:
            chunk: bytes | None = await self.next_chunk(max_bytes)
            if chunk is None:
                return b""
            if chunk:
                return chunk

    async def next_chunk(self, max_bytes: int | None) -> Any:
        if max_bytes is not None:
            max_bytes = operator.index(max_bytes)  # TypeError for 1.5, as Trio's streams
            if max_bytes < 1:
                raise ValueError("max_bytes must be >= 1")
        if self.closed:
            raise trio.ClosedResourceError("this receive stream was closed")
        if self.conflict:
            raise trio.BusyResourceError("another task is already receiving from this stream")
        self.conflict = True
        try:
            await trio.lowlevel.checkpoint_if_cancelled()
            if self.leftover:
                return self._cut(self.leftover, max_bytes)
            r = self.readable
            state = r._readable_state
            while True:
                if self.closed:
                    raise trio.ClosedResourceError("this receive stream was closed")
                if state.errored is not None:
                    raise _broken(state.errored)
                if state.length and not r.destroyed:
                    n = (
                        None
                        if max_bytes is None or state.object_mode or state.decoder is not None
                        else min(max_bytes, state.length)
                    )
                    chunk = r.read(n)
                    if chunk is not None:
                        await trio.lowlevel.cancel_shielded_checkpoint()
                        if self.as_bytes:
                            return self._cut(_as_bytes(chunk), max_bytes)
                        return chunk
                if state.ended and state.length == 0:
                    if not state.end_emitted:
                        r.read(0)
                    await trio.lowlevel.cancel_shielded_checkpoint()
                    return None
                if r.destroyed:
                    raise trio.BrokenResourceError("the Node stream was destroyed before its end")
                watch = _Watch(r, "readable", "end", "error", "close")
                if not self.started:
                    self.started = True
                    r.read(0)  # ask _read for data (paused mode, as a 'readable' listener does)
                await watch.wait()
                if state.length == 0 and not state.ended:
                    r.read(0)
        finally:
            self.conflict = False

    def _cut(self, data: bytes, max_bytes: int | None) -> bytes:
        if max_bytes is not None and len(data) > max_bytes:
            self.leftover = data[max_bytes:]
            return data[:max_bytes]
        self.leftover = b""
        return data

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.leftover = b""
            self.readable.destroy()


class _WriteSide:
    """Writing a Writable from Trio: ``write``, then wait for ``'drain'`` when it says so."""

    def __init__(self, writable: Any) -> None:
        self.writable = writable
        self.closed = False
        self.conflict = False
        #: ``send_eof`` ended the Writable: sending is closed, a second ``send_eof`` is fine.
        self.eof_sent = False
        #: Writes made by ``send`` whose callback has not come yet (see :meth:`flush`).
        self.unsettled = 0
        self.settled: trio.Event | None = None
        _take_errors(writable)

    def _settle_one(self, _err: BaseException | None = None) -> None:
        self.unsettled -= 1
        if self.unsettled == 0 and self.settled is not None:
            self.settled.set()

    def _check(self) -> None:
        if self.closed:
            raise trio.ClosedResourceError("this send stream was closed")
        if self.eof_sent:
            raise trio.ClosedResourceError("this stream's sending side was closed by send_eof")
        w = self.writable
        state = w._writable_state
        if state.errored is not None:
            raise _broken(state.errored)
        if w.destroyed or state.ending:
            raise trio.BrokenResourceError("the Node stream is ended or destroyed")

    def _claim(self) -> None:
        """One sending call at a time (``send_all``, ``wait_send_all_might_not_block``,
        ``send_eof``), as Trio's streams require."""
        if self.conflict:
            raise trio.BusyResourceError("another task is already sending on this stream")
        self.conflict = True

    async def send(self, chunk: Any) -> None:
        self._claim()
        try:
            self._check()
            self.unsettled += 1
            if self.writable.write(chunk, self._settle_one):
                await trio.lowlevel.checkpoint()
            else:
                await self._drained()
        finally:
            self.conflict = False

    async def _drained(self) -> None:
        w = self.writable
        while w._writable_state.need_drain and not w.destroyed:
            await _Watch(w, "drain", "error", "close").wait()
        self._check()

    async def wait_writable(self) -> None:
        self._claim()
        try:
            self._check()
            await self._drained()
            await trio.lowlevel.checkpoint()
        finally:
            self.conflict = False

    async def end(self) -> None:
        """``send_eof``: ``end()`` once, then wait for ``'finish'``; called again, it only
        waits."""
        self._claim()
        try:
            await self.finish()
        finally:
            self.conflict = False

    async def finish(self) -> None:
        """``end()`` (once) and wait for ``'finish'``, whoever else is sending."""
        w = self.writable
        if not self.eof_sent:
            self._check()
            self.eof_sent = True
            w.end()
        elif self.closed:
            raise trio.ClosedResourceError("this send stream was closed")
        state = w._writable_state
        while not state.finished and not w.destroyed and state.errored is None:
            await _Watch(w, "finish", "error", "close").wait()
        if state.errored is not None:
            raise _broken(state.errored)
        await trio.lowlevel.checkpoint()

    async def flush(self) -> None:
        """Wait until every chunk ``send`` gave the Writable was taken by its ``_write`` (its
        callback came), or the stream closed: what ``send_all`` accepted is then on its way."""
        w = self.writable
        while self.unsettled and not w._writable_state.close_emitted:
            self.settled = trio.Event()
            watch = _Watch(w, "close")
            watch.event = self.settled
            try:
                await watch.wait()
            finally:
                self.settled = None

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.writable.destroy()

    def close_gracefully(self) -> None:
        if not self.closed:
            self.closed = True
            w = self.writable
            if not w.destroyed and not w._writable_state.ending:
                w.end()


def _as_bytes(chunk: Any) -> bytes:
    """A chunk as the bytes ``receive_some`` returns: a string as UTF-8, anything with the
    buffer protocol as its bytes. Anything else (an object-mode stream's ints, dicts, ...)
    is a ``TypeError``: ``bytes(5)`` would be five zero bytes, not data."""
    if isinstance(chunk, str):
        return chunk.encode()
    if isinstance(chunk, Buffer | bytes | bytearray):
        return bytes(chunk)
    try:
        return bytes(memoryview(chunk))
    except TypeError:
        raise TypeError(
            f"as_receive_stream() reads bytes, and the stream gave a {type(chunk).__name__} "
            "object: use as_receive_channel() for an object-mode stream"
        ) from None


class ReadableReceiveStream(trio.abc.ReceiveStream):
    """``readable.as_receive_stream()``: a Readable as a ``trio.abc.ReceiveStream``."""

    def __init__(self, readable: Any) -> None:
        self._side = _ReadSide(readable, as_bytes=True)

    async def receive_some(self, max_bytes: int | None = None) -> bytes:
        """The next bytes the Readable has (at most ``max_bytes``); ``b""`` at its end."""
        return await self._side.next_bytes(max_bytes)

    async def aclose(self) -> None:
        """Destroy the Readable."""
        self._side.close()
        await trio.lowlevel.checkpoint()


class ReadableReceiveChannel(trio.abc.ReceiveChannel[Any]):
    """``readable.as_receive_channel()``: each chunk (object mode: each object), in order."""

    def __init__(self, readable: Any) -> None:
        self._side = _ReadSide(readable)

    async def receive(self) -> Any:
        """The next chunk; ``trio.EndOfChannel`` at the Readable's end."""
        chunk = await self._side.next_chunk(None)
        if chunk is None:
            raise trio.EndOfChannel
        return chunk

    async def aclose(self) -> None:
        """Destroy the Readable."""
        self._side.close()
        await trio.lowlevel.checkpoint()


class WritableSendStream(trio.abc.SendStream):
    """``writable.as_send_stream()``: a Writable as a ``trio.abc.SendStream``.

    ``send_all`` returns once the Writable took the data, waiting for ``'drain'`` when its
    buffer is at the mark; ``send_eof`` ends it (and waits for ``'finish'``).
    """

    def __init__(self, writable: Any) -> None:
        self._side = _WriteSide(writable)

    async def send_all(self, data: bytes | bytearray | memoryview) -> None:
        """Write ``data`` (copied), waiting for ``'drain'`` if the Writable asks to."""
        if not data:
            self._side._check()
            await trio.lowlevel.checkpoint()
            return
        await self._side.send(Buffer._own(bytes(data)))

    async def wait_send_all_might_not_block(self) -> None:
        """Wait until the Writable does not need to drain."""
        await self._side.wait_writable()

    async def send_eof(self) -> None:
        """End the Writable (``end()``) and wait for ``'finish'``."""
        await self._side.end()

    async def aclose(self) -> None:
        """Close gracefully, as a Trio send stream closes: ``end()`` the Writable (what it
        buffered is still delivered; it is then destroyed by auto-destroy). A cancelled
        ``aclose`` destroys it at once."""
        self._side.close_gracefully()
        await _checkpoint_or_destroy(self._side)


async def _checkpoint_or_destroy(side: _WriteSide) -> None:
    try:
        await trio.lowlevel.checkpoint()
    except trio.Cancelled:
        _close_forcefully(side.writable)
        raise


def _close_forcefully(stream: Any) -> None:
    """A cancelled ``aclose``: destroy the stream, and cancel what it still runs in async
    ``_write``/``_final``/... methods, so nothing outlives the closed resource (Trio's
    ``aclose`` must close before it returns, even when cancelled)."""
    stream.destroy()
    cancel_running_methods(stream)


class WritableSendChannel(trio.abc.SendChannel[Any]):
    """``writable.as_send_channel()``: ``send(value)`` writes one chunk, with backpressure."""

    def __init__(self, writable: Any) -> None:
        self._side = _WriteSide(writable)

    async def send(self, value: Any) -> None:
        """Write ``value``, waiting for ``'drain'`` if the Writable asks to."""
        await self._side.send(value)

    async def aclose(self) -> None:
        """End the Writable (as closing a channel tells its reader it is done) and wait for
        ``'finish'``; cancelled, it destroys the Writable at once."""
        side = self._side
        if not side.closed:
            try:
                await side.finish()
            except trio.BrokenResourceError:
                pass
            except BaseException:
                side.closed = True
                _close_forcefully(side.writable)
                raise
            side.closed = True
        await _checkpoint_or_destroy(side)


class DuplexStream(trio.abc.HalfCloseableStream):
    """``duplex.as_stream()``: a Duplex as a ``trio.abc.HalfCloseableStream``."""

    def __init__(self, duplex: Any) -> None:
        self._read_side = _ReadSide(duplex, as_bytes=True)
        self._write_side = _WriteSide(duplex)
        self._duplex = duplex

    async def receive_some(self, max_bytes: int | None = None) -> bytes:
        """The next bytes of the readable side; ``b""`` at its end."""
        return await self._read_side.next_bytes(max_bytes)

    async def send_all(self, data: bytes | bytearray | memoryview) -> None:
        """Write ``data`` to the writable side, waiting for ``'drain'`` when asked to."""
        if not data:
            self._write_side._check()
            await trio.lowlevel.checkpoint()
            return
        await self._write_side.send(Buffer._own(bytes(data)))

    async def wait_send_all_might_not_block(self) -> None:
        """Wait until the writable side does not need to drain."""
        await self._write_side.wait_writable()

    async def send_eof(self) -> None:
        """End the writable side (``end()``), keeping the readable side open."""
        await self._write_side.end()

    async def aclose(self) -> None:
        """Close both directions: wait until what ``send_all`` accepted was taken by the
        Duplex's ``_write``, then destroy it (a :func:`duplex_pair` side then ends its peer's
        readable side; a ``Duplex.from_stream`` closes its Trio stream). Cancelled, or called
        again, it destroys at once."""
        read_side, write_side = self._read_side, self._write_side
        if read_side.closed and write_side.closed:
            self._duplex.destroy()
            await trio.lowlevel.checkpoint()
            return
        read_side.closed = write_side.closed = True
        try:
            await write_side.flush()
            await trio.lowlevel.checkpoint()
        except BaseException:
            _close_forcefully(self._duplex)
            raise
        self._duplex.destroy()
