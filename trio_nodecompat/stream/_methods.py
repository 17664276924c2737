"""The composition methods of the stream classes, as mixins the core classes inherit.

``Readable.from_``, the Readable operators (``map``, ``filter``, ...), and the Trio bridges
(``from_receive_stream``, ``as_receive_stream``, ...) live in their own modules; these thin
mixins are how the classes expose them, so the state machines' modules stay about state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import trio

    from ._duplex import Duplex
    from ._readable import Readable
    from ._trio_bridge import (
        DuplexStream,
        ReadableReceiveChannel,
        ReadableReceiveStream,
        WritableSendChannel,
        WritableSendStream,
    )

__all__ = ["DuplexMethods", "ReadableMethods", "WritableMethods"]


class ReadableMethods:
    """``Readable.from_``, the operators, and the Trio bridges of the readable side."""

    __slots__ = ()

    @classmethod
    def from_(cls, iterable: Any, **options: Any) -> Any:
        """Node's ``Readable.from(iterable, options)``: a Readable over an iterable or async
        iterable (a Trio memory channel, a generator, another stream); object mode and a
        high-water mark of 1 unless ``options`` say otherwise. A ``str`` or bytes is one chunk.
        """
        from ._from import from_iterable

        return from_iterable(cls, iterable, **options)

    @classmethod
    def from_receive_stream(
        cls, stream: trio.abc.ReceiveStream, *, max_bytes: int | None = None, **options: Any
    ) -> Any:
        """A Readable reading a ``trio.abc.ReceiveStream`` only while it wants data (its
        ``_read``); ``max_bytes`` per ``receive_some`` (default: the high-water mark).
        Destroying it cancels the reading task and closes ``stream``."""
        from ._trio_bridge import readable_from_receive_stream

        return readable_from_receive_stream(cls, stream, max_bytes=max_bytes, **options)

    def as_receive_stream(self) -> ReadableReceiveStream:
        """This Readable as a ``trio.abc.ReceiveStream`` (``aclose`` destroys it)."""
        from ._trio_bridge import ReadableReceiveStream

        return ReadableReceiveStream(self)

    def as_receive_channel(self) -> ReadableReceiveChannel:
        """This Readable as a ``trio.abc.ReceiveChannel`` of its chunks (the object-mode
        bridge); ``trio.EndOfChannel`` at its end."""
        from ._trio_bridge import ReadableReceiveChannel

        return ReadableReceiveChannel(self)

    # ----------------------------------------------------------------------------------------
    # Operators

    def map(
        self,
        fn: Callable[..., Any],
        *,
        concurrency: int | None = None,
        high_water_mark: int | None = None,
        signal: Any = None,
    ) -> Readable:
        """``fn`` of each chunk, in order; up to ``concurrency`` async calls at once."""
        from ._operators import map_

        result: Readable = map_(
            self, fn, concurrency=concurrency, high_water_mark=high_water_mark, signal=signal
        )
        return result

    def filter(
        self, fn: Callable[..., Any], *, concurrency: int | None = None, signal: Any = None
    ) -> Readable:
        """The chunks for which ``fn`` (sync or async) is true, in order."""
        from ._operators import filter_

        result: Readable = filter_(self, fn, concurrency=concurrency, signal=signal)
        return result

    async def for_each(
        self, fn: Callable[..., Any], *, concurrency: int | None = None, signal: Any = None
    ) -> None:
        """Call ``fn`` on every chunk; returns once all calls are done."""
        from ._operators import for_each

        await for_each(self, fn, concurrency=concurrency, signal=signal)

    async def to_array(self, *, signal: Any = None) -> list[Any]:
        """Every chunk, in a list."""
        from ._operators import to_array

        return await to_array(self, signal=signal)

    async def some(
        self, fn: Callable[..., Any], *, concurrency: int | None = None, signal: Any = None
    ) -> bool:
        """True as soon as ``fn`` is true for a chunk (the stream is then destroyed)."""
        from ._operators import some

        return await some(self, fn, concurrency=concurrency, signal=signal)

    async def every(
        self, fn: Callable[..., Any], *, concurrency: int | None = None, signal: Any = None
    ) -> bool:
        """False as soon as ``fn`` is false for a chunk; True if it never is."""
        from ._operators import every

        return await every(self, fn, concurrency=concurrency, signal=signal)

    async def find(
        self, fn: Callable[..., Any], *, concurrency: int | None = None, signal: Any = None
    ) -> Any:
        """The first chunk for which ``fn`` is true, else None."""
        from ._operators import find

        return await find(self, fn, concurrency=concurrency, signal=signal)

    async def reduce(self, reducer: Callable[..., Any], *initial: Any, signal: Any = None) -> Any:
        """Fold the chunks: ``reducer(acc, chunk)`` (sync or async), from ``initial`` if given,
        else from the first chunk (an empty stream then raises ``ERR_MISSING_ARGS``)."""
        from ._operators import _NO_INITIAL, reduce

        start = initial[0] if initial else _NO_INITIAL
        return await reduce(self, reducer, start, signal=signal)

    def flat_map(
        self, fn: Callable[..., Any], *, concurrency: int | None = None, signal: Any = None
    ) -> Readable:
        """``fn``'s results (iterables, async iterables, streams), flattened, in order."""
        from ._operators import flat_map

        result: Readable = flat_map(self, fn, concurrency=concurrency, signal=signal)
        return result

    def drop(self, limit: Any, *, signal: Any = None) -> Readable:
        """Every chunk after the first ``limit``."""
        from ._operators import drop

        result: Readable = drop(self, limit, signal=signal)
        return result

    def take(self, limit: Any, *, signal: Any = None) -> Readable:
        """The first ``limit`` chunks; the stream is destroyed after them."""
        from ._operators import take

        result: Readable = take(self, limit, signal=signal)
        return result

    def as_indexed_pairs(self, *, signal: Any = None) -> Readable:
        """``[index, chunk]`` pairs (deprecated in Node, kept for ports)."""
        from ._operators import as_indexed_pairs

        result: Readable = as_indexed_pairs(self, signal=signal)
        return result

    def compose(self, stream: Any, *, signal: Any = None) -> Duplex:
        """Node's ``readable.compose(stream)``: this Readable piped into ``stream``, as one
        Duplex (``signal`` destroys it).

        ``signal`` and ``stream`` are checked before anything is joined, as Node's are: a bad
        one leaves this Readable untouched.
        """
        from .._internal.validators import validate_abort_signal
        from ..errors import ERR_INVALID_ARG_VALUE
        from ._add_abort_signal import add_abort_signal_no_validate
        from ._compose import compose
        from ._utils import is_node_stream, is_writable

        if signal is not None:
            validate_abort_signal(signal, "options.signal")
        if is_node_stream(stream) and not is_writable(stream):
            raise ERR_INVALID_ARG_VALUE("stream", stream, "must be writable")
        composed = compose(self, stream)
        if signal is not None:
            add_abort_signal_no_validate(signal, composed)
        result: Duplex = composed
        return result


class WritableMethods:
    """The Trio bridges of the writable side."""

    __slots__ = ()

    @classmethod
    def from_send_stream(cls, stream: trio.abc.SendStream, **options: Any) -> Any:
        """A Writable that sends its chunks with ``stream.send_all`` (a write is called back
        when ``send_all`` returns, so a slow peer makes ``write`` return False); ``end()``
        sends EOF on a half-closeable stream; destroying it closes ``stream``."""
        from ._trio_bridge import writable_from_send_stream

        return writable_from_send_stream(cls, stream, **options)

    @classmethod
    def from_send_channel(cls, channel: trio.abc.SendChannel[Any], **options: Any) -> Any:
        """An object-mode Writable that sends each chunk into a Trio channel."""
        from ._trio_bridge import writable_from_send_channel

        return writable_from_send_channel(cls, channel, **options)

    def as_send_stream(self) -> WritableSendStream:
        """This Writable as a ``trio.abc.SendStream`` (``send_all`` waits for ``'drain'``,
        ``send_eof`` ends it, ``aclose`` destroys it)."""
        from ._trio_bridge import WritableSendStream

        return WritableSendStream(self)

    def as_send_channel(self) -> WritableSendChannel:
        """This Writable as a ``trio.abc.SendChannel`` (the object-mode bridge; ``aclose``
        ends it)."""
        from ._trio_bridge import WritableSendChannel

        return WritableSendChannel(self)


class DuplexMethods:
    """``Duplex.from_`` and the Trio bridges of a Duplex."""

    __slots__ = ()

    @classmethod
    def from_(cls, iterable: Any, **_options: Any) -> Any:
        """Node's ``Duplex.from(body)``: a Duplex from a stream, an iterable, an async
        generator function (reading what is written), an ``async def`` (writable only), a
        ``{'readable': r, 'writable': w}`` dict, or an awaitable."""
        from ._duplexify import duplexify

        return duplexify(iterable)

    @classmethod
    def from_stream(
        cls, stream: trio.abc.Stream, *, max_bytes: int | None = None, **options: Any
    ) -> Any:
        """A Duplex over a Trio stream (``trio.SocketStream``, ``trio.SSLStream``, ...), as
        ``net.Socket`` is over a socket: ``end()`` sends EOF when the stream is half-closeable;
        destroying it closes the stream."""
        from ._trio_bridge import duplex_from_stream

        return duplex_from_stream(cls, stream, max_bytes=max_bytes, **options)

    def as_stream(self) -> DuplexStream:
        """This Duplex as a ``trio.abc.HalfCloseableStream`` (``send_eof`` ends the writable
        side, ``aclose`` destroys)."""
        from ._trio_bridge import DuplexStream

        return DuplexStream(self)
