"""``Readable``: Node's readable state machine (``internal/streams/readable``).

A Readable is in one of three modes, as in Node: not yet flowing (``readable_flowing`` is
None), flowing (``'data'`` events drain the buffer as chunks arrive), or paused (chunks wait
in the buffer; ``'readable'`` says when ``read()`` has something). ``_read`` is called to fill
the buffer up to the high-water mark, never while a previous ``_read`` has not pushed yet,
and never while the buffer is full. ``push(None)`` ends the stream; ``'end'`` follows once the
buffer is empty.

Every condition is Node's, on the same bit layout (:mod:`._utils`), and every deferred step
goes through ``next_tick``, so events come in Node's order.
"""

from __future__ import annotations

import math
import operator
import re
from collections import deque
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, Final, Self

from .._buffer import Buffer
from .._event_emitter import _MISSING
from .._internal.encodings import is_encoding, js_length
from .._string_decoder import StringDecoder
from ..errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
    ERR_STREAM_PUSH_AFTER_EOF,
    ERR_STREAM_UNSHIFT_AFTER_END_EVENT,
    ERR_UNKNOWN_ENCODING,
)
from ._async_methods import COROUTINE_TYPE, bind_implementation, run_returned
from ._destroy import destroy, error_or_destroy, undestroy
from ._legacy import Stream
from ._methods import ReadableMethods
from ._state import high_water_mark_from
from ._utils import (
    AUTO_DESTROY,
    CLOSE_EMITTED,
    CLOSED,
    CONSTRUCTED,
    DESTROYED,
    EMIT_CLOSE,
    ERROR_EMITTED,
    ERRORED,
    OBJECT_MODE,
    as_buffer,
    errored_property,
    flag,
    next_tick,
    prepend_listener,
    require_loop,
)
from ._writable import construct_stream

if TYPE_CHECKING:
    from ._iterator import ReadableIterator

__all__ = ["Readable", "ReadableState"]

ENDED: Final = 1 << 9
END_EMITTED: Final = 1 << 10
READING: Final = 1 << 11
SYNC: Final = 1 << 12
NEED_READABLE: Final = 1 << 13
EMITTED_READABLE: Final = 1 << 14
READABLE_LISTENING: Final = 1 << 15
RESUME_SCHEDULED: Final = 1 << 16
MULTI_AWAIT_DRAIN: Final = 1 << 17
READING_MORE: Final = 1 << 18
DATA_EMITTED: Final = 1 << 19
HAS_FLOWING: Final = 1 << 23
FLOWING: Final = 1 << 24
HAS_PAUSED: Final = 1 << 25
PAUSED: Final = 1 << 26
DATA_LISTENING: Final = 1 << 27
#: The last read() handed out JS's ``undefined`` (see ``_UNDEFINED``): the flow goes on.
READ_UNDEFINED: Final = 1 << 28

_CHUNK_TYPES: Final = ["string", "Buffer", "TypedArray", "DataView"]


class _Undefined:
    __slots__ = ()


#: What Node's ``fromList`` returns when the length says an object is buffered but none is
#: (``set_encoding`` on an object-mode stream counts decoded characters): JS's ``undefined``,
#: which is not ``null``, so Node counts it as data. ``read()`` hands it out as ``None``.
_UNDEFINED: Any = _Undefined()
#: read(n) never raises the high-water mark past 1 GiB.
_MAX_HWM: Final = 0x40000000


class ReadableState:
    """The readable side's state (Node's ``ReadableState``); ``stream._readable_state``.

    Booleans live as bits of ``bits``; the properties read and write them by Node's names in
    snake_case (``ended``, ``end_emitted``, ``reading``, ``need_readable``, ``flowing``, ...).
    """

    __slots__ = (
        "bits",
        "high_water_mark",
        "buffer",
        "length",
        "pipes",
        "await_drain_writers",
        "decoder",
        "encoding",
        "readable",
        "_errored",
        "_default_encoding",
        "read_scopes",
    )

    def __init__(
        self,
        *,
        object_mode: bool = False,
        high_water_mark: int,
        encoding: str | None = None,
        emit_close: bool = True,
        auto_destroy: bool = True,
        default_encoding: str | None = None,
    ) -> None:
        bits = EMIT_CLOSE | AUTO_DESTROY | CONSTRUCTED | SYNC
        if object_mode:
            bits |= OBJECT_MODE
        if not emit_close:
            bits &= ~EMIT_CLOSE
        if not auto_destroy:
            bits &= ~AUTO_DESTROY
        self.bits = bits
        #: Where ``_read`` stops being called (0: only when read() asks).
        self.high_water_mark = high_water_mark
        #: The chunks waiting to be read, oldest first.
        self.buffer: deque[Any] = deque()
        #: Bytes (characters with an encoding; chunks in object mode) in the buffer.
        self.length = 0
        #: The destinations of :meth:`Readable.pipe`.
        self.pipes: list[Any] = []
        #: The destination(s) whose 'drain' the flow waits for: None, one stream, or a set.
        self.await_drain_writers: Any = None
        if default_encoding is None or default_encoding in ("utf8", "utf-8"):
            self._default_encoding = "utf8"
        elif is_encoding(default_encoding):
            self._default_encoding = default_encoding
        else:
            raise ERR_UNKNOWN_ENCODING(default_encoding)
        self.decoder: StringDecoder | None = None
        self.encoding: str | None = None
        if encoding:
            self.decoder = StringDecoder(encoding)
            self.encoding = encoding
        #: ``False`` when this is the disabled side of a Duplex (``readable=False``).
        self.readable: bool | None = None
        self._errored: BaseException | None = None
        #: The cancel scopes of the async ``_read`` calls running now (destroy cancels them).
        self.read_scopes: set[Any] | None = None

    object_mode = flag(OBJECT_MODE, "Chunks are any objects, each counting 1.")
    ended = flag(ENDED, "``push(None)`` was called.")
    end_emitted = flag(END_EMITTED, "'end' was emitted.")
    reading = flag(READING, "``_read`` was called and has not pushed yet.")
    constructed = flag(CONSTRUCTED, "``_construct`` has called back (or there is none).")
    sync = flag(SYNC, "Inside ``_read`` (a push now is synchronous).")
    need_readable = flag(NEED_READABLE, "A 'readable' event is owed once data comes.")
    emitted_readable = flag(EMITTED_READABLE, "A 'readable' event is scheduled.")
    readable_listening = flag(READABLE_LISTENING, "A 'readable' listener is attached.")
    resume_scheduled = flag(RESUME_SCHEDULED, "A resume is scheduled for the next tick.")
    error_emitted = flag(ERROR_EMITTED, "'error' was emitted.")
    emit_close = flag(EMIT_CLOSE, "'close' is emitted after destroy.")
    auto_destroy = flag(AUTO_DESTROY, "Destroyed automatically after 'end'.")
    destroyed = flag(DESTROYED, "``destroy()`` was called.")
    closed = flag(CLOSED, "The destroy callback ran.")
    close_emitted = flag(CLOSE_EMITTED, "'close' was emitted (or would have been).")
    multi_await_drain = flag(MULTI_AWAIT_DRAIN, "Piped to more than one destination.")
    reading_more = flag(READING_MORE, "A read-ahead is scheduled.")
    data_emitted = flag(DATA_EMITTED, "'data' was emitted at least once.")

    errored = errored_property

    @property
    def flowing(self) -> bool | None:
        """None (no consumer yet), True (flowing) or False (paused)."""
        bits = self.bits
        return bool(bits & FLOWING) if bits & HAS_FLOWING else None

    @flowing.setter
    def flowing(self, value: bool | None) -> None:
        if value is None:
            self.bits &= ~(HAS_FLOWING | FLOWING)
        elif value:
            self.bits |= HAS_FLOWING | FLOWING
        else:
            self.bits = (self.bits | HAS_FLOWING) & ~FLOWING

    @property
    def paused(self) -> bool:
        """:meth:`Readable.pause` was called last (and not :meth:`Readable.resume`)."""
        return bool(self.bits & PAUSED)

    @paused.setter
    def paused(self, value: bool) -> None:
        self.bits |= HAS_PAUSED
        if value:
            self.bits |= PAUSED
        else:
            self.bits &= ~PAUSED

    @property
    def default_encoding(self) -> str:
        """The encoding of string chunks pushed without one."""
        return self._default_encoding

    @property
    def pipes_count(self) -> int:
        """How many destinations this stream is piped to."""
        return len(self.pipes)

    def _on_constructed(self, stream: Any) -> None:
        if self.bits & NEED_READABLE:
            _maybe_read_more(stream, self)


def _can_push_more(state: ReadableState) -> bool:
    # Below the mark, or empty (so a high-water mark of 0 still lets one chunk in).
    return not state.bits & ENDED and (state.length < state.high_water_mark or state.length == 0)


def _push(stream: Any, state: ReadableState, chunk: Any, encoding: str | None) -> bool:
    """``push`` in byte mode."""
    if chunk is None:
        state.bits &= ~READING
        _on_eof_chunk(stream, state)
        return False
    kind = type(chunk)
    # ``len(buffer._mem)``, not ``len(buffer)``: the per-chunk path skips Buffer.__len__.
    if kind is Buffer:
        encoding = ""
        size = len(chunk._mem)
    elif kind is str:
        encoding = encoding or state._default_encoding
        if state.encoding != encoding:
            chunk = Buffer.from_(chunk, encoding)
            encoding = ""
        size = len(chunk)
    else:
        converted = as_buffer(chunk)
        if converted is None:
            if isinstance(chunk, str):
                return _push(stream, state, str(chunk), encoding)
            error_or_destroy(stream, ERR_INVALID_ARG_TYPE("chunk", _CHUNK_TYPES, chunk))
            return False
        chunk = converted
        encoding = ""
        size = len(chunk)
    if not size:
        state.bits &= ~READING
        _maybe_read_more(stream, state)
        return _can_push_more(state)
    bits = state.bits
    if bits & ENDED:
        error_or_destroy(stream, ERR_STREAM_PUSH_AFTER_EOF())
        return False
    if bits & (DESTROYED | ERRORED):
        return False
    state.bits = bits & ~READING
    decoder = state.decoder
    if decoder is not None and not encoding:
        chunk = decoder.write(chunk)
        if not chunk:
            _maybe_read_more(stream, state)
            return _can_push_more(state)
    _add_chunk(stream, state, chunk, False)
    return _can_push_more(state)


def _push_object(stream: Any, state: ReadableState, chunk: Any, encoding: str | None) -> bool:
    """``push`` in object mode."""
    if chunk is None:
        state.bits &= ~READING
        _on_eof_chunk(stream, state)
        return False
    bits = state.bits
    if bits & ENDED:
        error_or_destroy(stream, ERR_STREAM_PUSH_AFTER_EOF())
        return False
    if bits & (DESTROYED | ERRORED):
        return False
    state.bits = bits & ~READING
    if state.decoder is not None and not encoding:
        chunk = state.decoder.write(chunk)
    _add_chunk(stream, state, chunk, False)
    return _can_push_more(state)


def _unshift(stream: Any, state: ReadableState, chunk: Any, encoding: str | None) -> bool:
    if chunk is None:
        state.bits &= ~READING
        _on_eof_chunk(stream, state)
        return False
    if not state.bits & OBJECT_MODE:
        if isinstance(chunk, str):
            encoding = encoding or state._default_encoding
            if state.encoding != encoding:
                if state.encoding:
                    # The buffer holds strings in the stream's encoding: re-encode to it.
                    chunk = Buffer.from_(chunk, encoding).to_string(state.encoding)
                else:
                    chunk = Buffer.from_(chunk, encoding)
        else:
            converted = as_buffer(chunk)
            if converted is None:
                error_or_destroy(stream, ERR_INVALID_ARG_TYPE("chunk", _CHUNK_TYPES, chunk))
                return False
            chunk = converted
        if not len(chunk):
            return _can_push_more(state)
    if state.bits & END_EMITTED:
        error_or_destroy(stream, ERR_STREAM_UNSHIFT_AFTER_END_EVENT())
    elif state.bits & (DESTROYED | ERRORED):
        return False
    else:
        _add_chunk(stream, state, chunk, True)
    return _can_push_more(state)


def _add_chunk(stream: Any, state: ReadableState, chunk: Any, to_front: bool) -> None:
    bits = state.bits
    if bits & (FLOWING | SYNC | DATA_LISTENING) == FLOWING | DATA_LISTENING and not state.length:
        # Flowing with nothing buffered: hand the chunk straight to 'data'.
        if bits & MULTI_AWAIT_DRAIN:
            state.await_drain_writers.clear()
        else:
            state.await_drain_writers = None
        state.bits = bits | DATA_EMITTED
        stream.emit("data", chunk)
    else:
        if bits & OBJECT_MODE:
            state.length += 1
        elif type(chunk) is Buffer:
            state.length += len(chunk._mem)
        else:
            state.length += js_length(chunk) if type(chunk) is str else len(chunk)
        if to_front:
            state.buffer.appendleft(chunk)
        else:
            state.buffer.append(chunk)
        if bits & NEED_READABLE:
            _emit_readable(stream, state)
    _maybe_read_more(stream, state)


_LEADING_INT: Final = re.compile(r"\s*([+-]?\d+)")


def _size_from(value: Any) -> int | None:
    """A ``read(size)`` that is not an int, as Node's ``NumberParseInt(size, 10)`` reads it.

    A finite float truncates, a string gives its leading integer, an index-like object its
    index; anything else (``True``, ``nan``, ``inf``, other objects) is NaN in Node, which
    ``read()`` takes as no size at all: None.
    """
    if isinstance(value, float):
        return int(value) if math.isfinite(value) else None
    if isinstance(value, str):
        match = _LEADING_INT.match(value)
        return int(match.group(1)) if match else None
    if isinstance(value, bool):
        return None
    try:
        return operator.index(value)
    except TypeError:
        return None


def _compute_new_high_water_mark(n: int) -> int:
    if n > _MAX_HWM:
        raise ERR_OUT_OF_RANGE("size", "<= 1GiB", n)
    # The next power of two, so the mark does not creep up by tiny steps.
    return 1 << (n - 1).bit_length() if n > 0 else n


def _how_much_to_read(n: int | None, state: ReadableState) -> int:
    bits = state.bits
    if n is not None and n <= 0:
        return 0
    if state.length == 0 and bits & ENDED:
        return 0
    if bits & OBJECT_MODE:
        return 1
    if n is None:
        # Flowing: one chunk at a time; paused: everything buffered.
        if bits & FLOWING and state.length:
            first = state.buffer[0]
            return len(first._mem) if type(first) is Buffer else _units(first)
        return state.length
    if n <= state.length:
        return n
    return state.length if bits & ENDED else 0


def _on_eof_chunk(stream: Any, state: ReadableState) -> None:
    if state.bits & ENDED:
        return
    decoder = state.decoder
    if decoder is not None:
        chunk = decoder.end()
        if chunk:
            state.buffer.append(chunk)
            state.length += 1 if state.bits & OBJECT_MODE else js_length(chunk)
    state.bits |= ENDED
    if state.bits & SYNC:
        # Inside _read: 'readable' on the next tick, not from within the read() call.
        _emit_readable(stream, state)
    else:
        # Emitted now (the ecosystem relies on a synchronous 'readable' at EOF).
        state.bits = (state.bits & ~NEED_READABLE) | EMITTED_READABLE
        _emit_readable_now(stream)


def _emit_readable(stream: Any, state: ReadableState) -> None:
    state.bits &= ~NEED_READABLE
    if not state.bits & EMITTED_READABLE:
        state.bits |= EMITTED_READABLE
        next_tick(_emit_readable_now, stream)


def _emit_readable_now(stream: Any) -> None:
    state: ReadableState = stream._readable_state
    if not state.bits & (DESTROYED | ERRORED) and (state.length or state.bits & ENDED):
        stream.emit("readable")
        state.bits &= ~EMITTED_READABLE
    # Another 'readable' is owed if not flowing, not ended, and at or below the mark.
    if not state.bits & (FLOWING | ENDED) and state.length <= state.high_water_mark:
        state.bits |= NEED_READABLE
    _flow(stream, state)


def _maybe_read_more(stream: Any, state: ReadableState) -> None:
    if state.bits & (READING_MORE | CONSTRUCTED) == CONSTRUCTED:
        state.bits |= READING_MORE
        next_tick(_maybe_read_more_now, stream, state)


def _maybe_read_more_now(stream: Any, state: ReadableState) -> None:
    # Read ahead while below the mark (or flowing with nothing buffered), unless a _read is
    # pending or the stream ended; stop as soon as a read(0) brings nothing.
    while not state.bits & (READING | ENDED) and (
        state.length < state.high_water_mark or (state.bits & FLOWING and not state.length)
    ):
        length = state.length
        stream.read(0)
        if length == state.length:
            break
    state.bits &= ~READING_MORE


def _flow(stream: Any, state: ReadableState) -> None:
    read = stream.read
    while state.bits & FLOWING:
        if read() is None:
            if not state.bits & READ_UNDEFINED:
                break
            state.bits &= ~READ_UNDEFINED  # JS's undefined is not null: keep flowing


def _from_list(n: int, state: ReadableState) -> Any:
    """Take ``n`` bytes (characters; one object) off the front of the buffer."""
    if not state.length:
        return None
    buffer = state.buffer
    if state.bits & OBJECT_MODE:
        return buffer.popleft() if buffer else _UNDEFINED
    if not n or n >= state.length:
        if state.decoder is not None:
            ret: Any = "".join([_as_text(chunk) for chunk in buffer])
        elif len(buffer) == 1:
            ret = buffer[0]
        elif not buffer:
            ret = Buffer.alloc(0)
        else:
            ret = Buffer._own(bytearray().join([chunk._mem for chunk in buffer]))
        buffer.clear()
        return ret
    first = buffer[0]
    size = len(first._mem) if type(first) is Buffer else _units(first)
    if n < size:
        head, tail = _split(first, n)
        buffer[0] = tail
        return head
    if n == size:
        return buffer.popleft()
    if state.decoder is not None:
        parts = []
        while buffer:
            text = _as_text(buffer[0])
            size = js_length(text)
            if n > size:
                parts.append(text)
                n -= size
                buffer.popleft()
            else:
                if n == size:
                    parts.append(text)
                    buffer.popleft()
                else:
                    head, tail = _split(text, n)
                    parts.append(head)
                    buffer[0] = tail
                break
        return "".join(parts)
    out = bytearray()
    while buffer:
        data = buffer[0]
        if n > len(data):
            out += data._mem
            n -= len(data)
            buffer.popleft()
        else:
            if n == len(data):
                out += data._mem
                buffer.popleft()
            else:
                head, tail = _split(data, n)
                out += head._mem
                buffer[0] = tail
            break
    return Buffer._own(out)


def _as_text(chunk: Any) -> str:
    # A decoding stream's buffer holds strings; a Buffer unshifted into it joins as its UTF-8
    # text, as JS string concatenation turns it into one.
    return chunk if type(chunk) is str else chunk.to_string()


def _units(chunk: Any) -> int:
    """A chunk's JS ``length``: bytes of a Buffer, UTF-16 code units of a string."""
    return js_length(chunk) if type(chunk) is str else len(chunk)


def _split(chunk: Any, n: int) -> tuple[Any, Any]:
    """The first ``n`` bytes (UTF-16 code units of a string, as JS slices) and the rest."""
    if type(chunk) is str:
        if chunk.isascii():
            return chunk[:n], chunk[n:]
        # Slice by code units, as JS does: a cut inside a surrogate pair leaves lone halves.
        units = chunk.encode("utf-16-le", "surrogatepass")
        return (
            units[: 2 * n].decode("utf-16-le", "surrogatepass"),
            units[2 * n :].decode("utf-16-le", "surrogatepass"),
        )
    mem = chunk._mem
    return (
        Buffer._wrap(mem[:n], chunk._owner, chunk._offset),
        Buffer._wrap(mem[n:], chunk._owner, chunk._offset + n),
    )


def _end_readable(stream: Any) -> None:
    state: ReadableState = stream._readable_state
    if not state.bits & END_EMITTED:
        state.bits |= ENDED
        next_tick(_end_readable_now, state, stream)


def _end_readable_now(state: ReadableState, stream: Any) -> None:
    # Unless one last unshift came in, or the stream failed or closed meanwhile.
    if not state.bits & (ERRORED | CLOSE_EMITTED | END_EMITTED) and state.length == 0:
        state.bits |= END_EMITTED
        stream.emit("end")
        if getattr(stream, "writable", False) and getattr(stream, "allow_half_open", True) is False:
            next_tick(_end_writable_now, stream)
        elif state.bits & AUTO_DESTROY:
            # A Duplex is destroyed once its writable side is done too (or disabled).
            w = stream._writable_state
            if w is None or (w.bits & AUTO_DESTROY and (w.finished or w.writable is False)):
                stream.destroy()


def _end_writable_now(stream: Any) -> None:
    if stream.writable and not stream.writable_ended and not stream.destroyed:
        stream.end()


def _update_readable_listening(stream: Any) -> None:
    state: ReadableState = stream._readable_state
    if stream.listener_count("readable") > 0:
        state.bits |= READABLE_LISTENING
    else:
        state.bits &= ~READABLE_LISTENING
    bits = state.bits
    if bits & (HAS_PAUSED | PAUSED | RESUME_SCHEDULED) == HAS_PAUSED | RESUME_SCHEDULED:
        # Flowing must be set now, or the scheduled resume would not flow.
        state.bits |= HAS_FLOWING | FLOWING
    elif bits & DATA_LISTENING:
        stream.resume()
    elif not bits & READABLE_LISTENING:
        state.bits &= ~(HAS_FLOWING | FLOWING)


def _read_zero(stream: Any) -> None:
    stream.read(0)


def _resume_now(stream: Any, state: ReadableState) -> None:
    if not state.bits & READING:
        stream.read(0)
    state.bits &= ~RESUME_SCHEDULED
    stream.emit("resume")
    _flow(stream, state)
    if state.bits & (FLOWING | READING) == FLOWING:
        stream.read(0)


class _PipeDrain:
    """The 'drain' listener of one pipe destination: resume once every destination drained."""

    __slots__ = ("src", "dest")

    def __init__(self, src: Any, dest: Any) -> None:
        self.src = src
        self.dest = dest

    def __call__(self, *_args: Any) -> None:
        state: ReadableState = self.src._readable_state
        writers = state.await_drain_writers
        if writers is self.dest:
            state.await_drain_writers = writers = None
        elif state.bits & MULTI_AWAIT_DRAIN:
            writers.discard(self.dest)
        if (writers is None or (type(writers) is set and not writers)) and (
            state.bits & DATA_LISTENING
        ):
            self.src.resume()


class Readable(ReadableMethods, Stream):
    """Node's ``stream.Readable``: a source with backpressure.

    Implement ``_read(size)`` (calling :meth:`push`; ``push(None)`` ends the stream) in a
    subclass, or pass it as ``read=`` (bound like a method: it receives the stream first).
    ``_read``, ``_destroy`` and ``_construct`` may be ``async def`` (see the module docs).

    Consume it with ``'data'`` listeners (flowing), ``'readable'`` + :meth:`read` (paused),
    :meth:`pipe`, or ``async for chunk in readable``. Byte streams deliver
    :class:`~trio_nodecompat.buffer.Buffer` chunks (``str`` after :meth:`set_encoding`);
    object-mode streams deliver any object but ``None``.
    """

    _readable_state: ReadableState

    def __init__(
        self,
        *,
        high_water_mark: int | None = None,
        encoding: str | None = None,
        object_mode: bool = False,
        emit_close: bool = True,
        auto_destroy: bool = True,
        default_encoding: str | None = None,
        signal: Any = None,
        read: Callable[..., Any] | None = None,
        destroy: Callable[..., Any] | None = None,
        construct: Callable[..., Any] | None = None,
        capture_rejections: bool | None = None,
    ) -> None:
        self._readable_state = ReadableState(
            object_mode=bool(object_mode),
            high_water_mark=high_water_mark_from(
                high_water_mark, "high_water_mark", bool(object_mode)
            ),
            encoding=encoding,
            emit_close=emit_close is not False,
            auto_destroy=auto_destroy is not False,
            default_encoding=default_encoding,
        )
        bind_implementation(self, "_read", read)
        bind_implementation(self, "_destroy", destroy)
        bind_implementation(self, "_construct", construct)
        super().__init__(capture_rejections=capture_rejections)
        if signal is not None:
            from ._add_abort_signal import add_abort_signal_no_validate

            add_abort_signal_no_validate(signal, self)
        if getattr(self, "_construct", None) is not None:
            construct_stream(self)

    # ----------------------------------------------------------------------------------------
    # Producing

    def push(self, chunk: Any, encoding: str | None = None) -> bool:
        """Add ``chunk`` to the buffer (``None``: end of stream); False once at the mark.

        A ``str`` is encoded with ``encoding`` (default: the stream's default encoding)
        unless the stream decodes to that same encoding; bytes-likes become Buffers.
        """
        require_loop("Readable.push()")
        state: ReadableState = self._readable_state
        if state.bits & OBJECT_MODE:
            return _push_object(self, state, chunk, encoding)
        return _push(self, state, chunk, encoding)

    def unshift(self, chunk: Any, encoding: str | None = None) -> bool:
        """Put ``chunk`` back at the front of the buffer (data read too eagerly)."""
        require_loop("Readable.unshift()")
        return _unshift(self, self._readable_state, chunk, encoding)

    def _read(self, size: int) -> None:
        """Fetch data and :meth:`push` it; override it (Node's ``_read``)."""
        raise ERR_METHOD_NOT_IMPLEMENTED("_read()")

    # ----------------------------------------------------------------------------------------
    # Consuming

    def read(self, size: int | None = None) -> Any:
        """Take ``size`` bytes (all that is buffered when None; one object in object mode).

        Returns None when that much is not buffered yet (a later ``'readable'`` says when to
        try again), or at the end. Asking for more than the high-water mark raises the mark
        to the next power of two (at most 1 GiB), as in Node. A ``size`` that is not an int
        is read as Node's ``parseInt`` reads it (``"2"`` is 2; ``nan`` or ``"a"`` is no size).
        """
        n = size
        if n is not None and type(n) is not int:
            n = _size_from(n)
        state: ReadableState = self._readable_state
        n_orig = n
        if n is not None and n > state.high_water_mark:
            mark = _compute_new_high_water_mark(n)
            require_loop("Readable.read()")
            state.high_water_mark = mark
        else:
            require_loop("Readable.read()")
        if n != 0:
            state.bits &= ~(EMITTED_READABLE | READ_UNDEFINED)
        bits = state.bits
        # read(0) while a 'readable' is owed and enough is buffered (or the end came):
        # just emit 'readable'.
        if (
            n == 0
            and bits & NEED_READABLE
            and (
                (
                    state.length >= state.high_water_mark
                    if state.high_water_mark
                    else state.length > 0
                )
                or bits & ENDED
            )
        ):
            if state.length == 0 and bits & ENDED:
                _end_readable(self)
            else:
                _emit_readable(self, state)
            return None
        n = _how_much_to_read(n, state)
        if n == 0 and bits & ENDED:
            if state.length == 0:
                _end_readable(self)
            return None
        # Call _read if a 'readable' is owed or the buffer would drop below the mark; not
        # while a _read is pending, after the end, while constructing, or once failed.
        do_read = bool(bits & NEED_READABLE)
        if state.length == 0 or state.length - n < state.high_water_mark:
            do_read = True
        if bits & (READING | ENDED | DESTROYED | ERRORED | CONSTRUCTED) != CONSTRUCTED:
            do_read = False
        elif do_read:
            state.bits |= READING | SYNC
            if state.length == 0:
                state.bits |= NEED_READABLE
            try:
                read: Callable[[int], object] = self._read  # may return a coroutine
                result = read(state.high_water_mark)
                if type(result) is COROUTINE_TYPE:
                    run_returned(result, self, "_read")
            except Exception as exc:
                error_or_destroy(self, exc)
            state.bits &= ~SYNC
            # A synchronous push changed what there is to return.
            if not state.bits & READING:
                n = _how_much_to_read(n_orig, state)
        ret = _from_list(n, state) if n > 0 else None
        if ret is None:
            if state.length <= state.high_water_mark:
                state.bits |= NEED_READABLE
            n = 0
        else:
            state.length -= n
            if state.bits & MULTI_AWAIT_DRAIN:
                state.await_drain_writers.clear()
            else:
                state.await_drain_writers = None
        if state.length == 0:
            # Nothing buffered: a 'readable' is owed as soon as something comes.
            if not state.bits & ENDED:
                state.bits |= NEED_READABLE
            # Read past the end: 'end' on the next tick.
            if n_orig != n and state.bits & ENDED:
                _end_readable(self)
        if ret is _UNDEFINED:
            ret = None
            state.bits |= READ_UNDEFINED
            if not state.bits & (ERROR_EMITTED | CLOSE_EMITTED):
                state.bits |= DATA_EMITTED
                self.emit("data", None)
        elif ret is not None and not state.bits & (ERROR_EMITTED | CLOSE_EMITTED):
            state.bits |= DATA_EMITTED
            self.emit("data", ret)
        return ret

    def set_encoding(self, encoding: str | None) -> Self:
        """Decode chunks to ``str`` (through the one StringDecoder); buffered data too."""
        state: ReadableState = self._readable_state
        decoder = StringDecoder(encoding)
        state.decoder = decoder
        state.encoding = decoder.encoding
        content = "".join([decoder.write(chunk) for chunk in state.buffer])
        state.buffer.clear()
        if content:
            state.buffer.append(content)
        state.length = js_length(content)
        return self

    def is_paused(self) -> bool:
        """True after :meth:`pause` (or once piping paused it), until :meth:`resume`."""
        bits = self._readable_state.bits
        return bool(bits & PAUSED) or bits & (HAS_FLOWING | FLOWING) == HAS_FLOWING

    def resume(self) -> Self:
        """Switch to flowing mode: 'data' events drain the buffer (not while 'readable' is
        listened to)."""
        require_loop("Readable.resume()")
        state: ReadableState = self._readable_state
        if not state.bits & FLOWING:
            state.bits |= HAS_FLOWING
            if not state.bits & READABLE_LISTENING:
                state.bits |= FLOWING
            else:
                state.bits &= ~FLOWING
            if not state.bits & RESUME_SCHEDULED:
                state.bits |= RESUME_SCHEDULED
                next_tick(_resume_now, self, state)
        state.bits = (state.bits | HAS_PAUSED) & ~PAUSED
        return self

    def pause(self) -> Self:
        """Stop flowing: chunks wait in the buffer; emits 'pause' if it was flowing."""
        state: ReadableState = self._readable_state
        if state.bits & (HAS_FLOWING | FLOWING) != HAS_FLOWING:
            state.bits = (state.bits | HAS_FLOWING) & ~FLOWING
            self.emit("pause")
        state.bits |= HAS_PAUSED | PAUSED
        return self

    # ----------------------------------------------------------------------------------------
    # Listeners: 'data' starts the flow, 'readable' switches to paused reading.

    def on(self, event: Hashable, listener: Any = _MISSING) -> Any:
        """Add a listener (see :meth:`EventEmitter.on`); 'data' starts flowing, 'readable'
        switches to paused reading, as in Node."""
        if listener is _MISSING:
            return self._decorator_through(event, self.on)
        if event == "data" or event == "readable":
            require_loop(f"Readable.on({event!r})")
        self._add(event, listener, False, 2)
        if event == "data" or event == "readable":
            _on_listener_added(self, event)
        return self

    add_listener = on

    def once(self, event: Hashable, listener: Any = _MISSING) -> Any:
        """Add a one-time listener; like :meth:`on` for 'data' and 'readable'."""
        if listener is _MISSING:
            return self._decorator_through(event, self.once)
        if event == "data" or event == "readable":
            require_loop(f"Readable.once({event!r})")
        super().once(event, listener)
        if event == "data" or event == "readable":
            _on_listener_added(self, event)
        return self

    @staticmethod
    def _decorator_through(event: Hashable, add: Callable[..., Any]) -> Callable[[Any], Any]:
        def decorate(listener: Any) -> Any:
            add(event, listener)
            return listener

        return decorate

    def remove_listener(self, event: Hashable, listener: Any) -> Self:
        """Remove a listener (see :meth:`EventEmitter.remove_listener`), updating the mode."""
        super().remove_listener(event, listener)
        if event == "readable":
            # After this tick's 'readable' (for once('readable') cycles), before I/O.
            next_tick(_update_readable_listening, self)
        elif event == "data" and self.listener_count("data") == 0:
            self._readable_state.bits &= ~DATA_LISTENING
        return self

    off = remove_listener

    def remove_all_listeners(self, event: Hashable = _MISSING) -> Self:
        """Remove listeners (see :meth:`EventEmitter.remove_all_listeners`), updating the mode."""
        super().remove_all_listeners(event)
        if event == "readable" or event is _MISSING:
            next_tick(_update_readable_listening, self)
        return self

    # ----------------------------------------------------------------------------------------
    # Piping

    def pipe(self, dest: Any, *, end: bool = True) -> Any:
        """Send every chunk to ``dest`` (a Writable), pausing while it needs to drain.

        With several destinations the source waits until every one of them drained.
        ``dest.end()`` is called at the end unless ``end=False``. Returns ``dest``.
        """
        require_loop("Readable.pipe()")
        src = self
        state: ReadableState = self._readable_state
        if len(state.pipes) == 1 and not state.bits & MULTI_AWAIT_DRAIN:
            state.bits |= MULTI_AWAIT_DRAIN
            previous = state.await_drain_writers
            state.await_drain_writers = {previous} if previous is not None else set()
        state.pipes.append(dest)
        ondrain: _PipeDrain | None = None
        cleaned_up = False

        def onend() -> None:
            dest.end()

        def unpipe(*_args: Any) -> None:
            src.unpipe(dest)

        end_fn = onend if end else unpipe
        if state.bits & END_EMITTED:
            next_tick(end_fn)
        else:
            src.once("end", end_fn)

        def onunpipe(readable: Any, unpipe_info: Any = None) -> None:
            if readable is src and unpipe_info is not None and not unpipe_info.has_unpiped:
                unpipe_info.has_unpiped = True
                cleanup()

        def cleanup() -> None:
            nonlocal cleaned_up
            dest.remove_listener("close", onclose)
            dest.remove_listener("finish", onfinish)
            if ondrain is not None:
                dest.remove_listener("drain", ondrain)
            dest.remove_listener("error", onerror)
            dest.remove_listener("unpipe", onunpipe)
            src.remove_listener("end", onend)
            src.remove_listener("end", unpipe)
            src.remove_listener("data", ondata)
            cleaned_up = True
            # If the flow waits for this destination's drain, it would wait forever.
            w = getattr(dest, "_writable_state", None)
            if (
                ondrain is not None
                and state.await_drain_writers is not None
                and (w is None or w.need_drain)
            ):
                ondrain()

        def pause() -> None:
            nonlocal ondrain
            # Unpiped inside dest.write(): not a destination any more, do not stall on it.
            if not cleaned_up:
                if len(state.pipes) == 1 and state.pipes[0] is dest:
                    state.await_drain_writers = dest
                    state.bits &= ~MULTI_AWAIT_DRAIN
                elif len(state.pipes) > 1 and dest in state.pipes:
                    state.await_drain_writers.add(dest)
                src.pause()
            if ondrain is None:
                ondrain = _PipeDrain(src, dest)
                dest.on("drain", ondrain)

        write = dest.write

        def ondata(chunk: Any) -> None:
            if write(chunk) is False:
                pause()

        src.on("data", ondata)

        def onerror(er: BaseException) -> None:
            unpipe()
            dest.remove_listener("error", onerror)
            if dest.listener_count("error") == 0:
                s = getattr(dest, "_writable_state", None) or getattr(dest, "_readable_state", None)
                if s is not None and not s.error_emitted:
                    # The user emitted 'error' on the stream directly.
                    error_or_destroy(dest, er)
                else:
                    dest.emit("error", er)

        # Before any user 'error' listener.
        prepend_listener(dest, "error", onerror)

        def onclose() -> None:
            dest.remove_listener("finish", onfinish)
            unpipe()

        def onfinish() -> None:
            dest.remove_listener("close", onclose)
            unpipe()

        dest.once("close", onclose)
        dest.once("finish", onfinish)
        dest.on("unpipe", onunpipe)
        dest.emit("pipe", src)
        if getattr(dest, "writable_need_drain", None) is True:
            pause()
        elif not state.bits & FLOWING:
            src.resume()
        return dest

    def unpipe(self, dest: Any = None) -> Self:
        """Stop piping to ``dest`` (to every destination when None); pauses if none is left."""
        state: ReadableState = self._readable_state
        if not state.pipes:
            return self
        if dest is None:
            dests = state.pipes
            state.pipes = []
            self.pause()
            for each in dests:
                each.emit("unpipe", self, _UnpipeInfo())
            return self
        try:
            index = next(i for i, each in enumerate(state.pipes) if each is dest)
        except StopIteration:
            return self
        del state.pipes[index]
        if not state.pipes:
            self.pause()
        dest.emit("unpipe", self, _UnpipeInfo())
        return self

    def wrap(self, stream: Any) -> Self:
        """Read from an old-style emitter of ``'data'``/``'end'`` (Node's ``readable.wrap``).

        Its chunks are pushed here (pausing it while this stream's buffer is full, resuming it
        on the next ``_read``); its ``'end'`` ends this stream, its ``'error'`` fails it, its
        ``'close'``/``'destroy'`` destroy it. Returns this stream.
        """
        paused = False

        def ondata(chunk: Any) -> None:
            nonlocal paused
            if not self.push(chunk) and callable(getattr(stream, "pause", None)):
                paused = True
                stream.pause()

        def read(_size: int) -> None:
            nonlocal paused
            if paused and callable(getattr(stream, "resume", None)):
                paused = False
                stream.resume()

        stream.on("data", ondata)
        stream.on("end", lambda *_a: self.push(None))
        stream.on("error", lambda err: error_or_destroy(self, err))
        stream.on("close", lambda *_a: self.destroy())
        stream.on("destroy", lambda *_a: self.destroy())
        self._read = read  # type: ignore[method-assign,assignment]
        return self

    # ----------------------------------------------------------------------------------------
    # Async iteration

    def __aiter__(self) -> ReadableIterator:
        from ._iterator import ReadableIterator

        return ReadableIterator(self, destroy_on_return=True)

    def iterator(self, *, destroy_on_return: bool = True) -> ReadableIterator:
        """An async iterator over the chunks; leaving it early destroys the stream unless
        ``destroy_on_return=False``. Also an async context manager that closes it."""
        from ._iterator import ReadableIterator

        return ReadableIterator(self, destroy_on_return=destroy_on_return is not False)

    # ----------------------------------------------------------------------------------------
    # Destroying

    def destroy(self, err: BaseException | None = None, callback: Any = None) -> Self:
        """Destroy the stream: 'error' (if ``err``) then 'close', on later ticks."""
        destroy(self, err, callback)
        return self

    def _destroy(self, err: BaseException | None, callback: Callable[..., Any]) -> None:
        """Release resources, then ``callback(err)``; override it (Node's ``_destroy``)."""
        callback(err)

    def _undestroy(self) -> None:
        undestroy(self)

    def nodejs_rejection(self, err: BaseException, *_args: Any) -> None:
        """With ``capture_rejections``, an async listener's failure destroys the stream."""
        self.destroy(err)

    # ----------------------------------------------------------------------------------------
    # State

    @property
    def readable(self) -> bool:
        """True while reading makes sense: not destroyed, errored or ended."""
        r: ReadableState = self._readable_state
        return r.readable is not False and not r.bits & (DESTROYED | ERROR_EMITTED | END_EMITTED)

    @readable.setter
    def readable(self, value: bool) -> None:
        self._readable_state.readable = bool(value)

    @property
    def readable_did_read(self) -> bool:
        """'data' was emitted at least once."""
        return bool(self._readable_state.bits & DATA_EMITTED)

    @property
    def readable_aborted(self) -> bool:
        """Destroyed or errored before 'end'."""
        r: ReadableState = self._readable_state
        return (
            r.readable is not False
            and bool(r.bits & (DESTROYED | ERRORED))
            and not r.bits & END_EMITTED
        )

    @property
    def readable_high_water_mark(self) -> int:
        """The readable side's high-water mark (bytes, characters, or objects)."""
        return self._readable_state.high_water_mark

    @property
    def readable_buffer(self) -> deque[Any]:
        """The buffered chunks (the live deque)."""
        return self._readable_state.buffer

    @property
    def readable_flowing(self) -> bool | None:
        """None (no consumer yet), True (flowing) or False (paused)."""
        return self._readable_state.flowing

    @readable_flowing.setter
    def readable_flowing(self, value: bool | None) -> None:
        self._readable_state.flowing = value

    @property
    def readable_length(self) -> int:
        """Bytes (characters; objects) in the buffer."""
        return self._readable_state.length

    @property
    def readable_object_mode(self) -> bool:
        """The readable side is in object mode."""
        return bool(self._readable_state.bits & OBJECT_MODE)

    @property
    def readable_encoding(self) -> str | None:
        """The encoding chunks are decoded with (:meth:`set_encoding`), or None."""
        return self._readable_state.encoding

    @property
    def errored(self) -> BaseException | None:
        """The error the stream failed with, or None."""
        return self._readable_state.errored

    @property
    def closed(self) -> bool:
        """'close' is due: the destroy callback ran."""
        return bool(self._readable_state.bits & CLOSED)

    @property
    def destroyed(self) -> bool:
        """:meth:`destroy` was called."""
        return bool(self._readable_state.bits & DESTROYED)

    @destroyed.setter
    def destroyed(self, value: bool) -> None:
        self._readable_state.destroyed = value

    @property
    def readable_ended(self) -> bool:
        """'end' was emitted."""
        return bool(self._readable_state.bits & END_EMITTED)


class _UnpipeInfo:
    __slots__ = ("has_unpiped",)

    def __init__(self) -> None:
        self.has_unpiped = False


def _on_listener_added(stream: Readable, event: Hashable) -> None:
    state: ReadableState = stream._readable_state
    if event == "data":
        state.bits |= DATA_LISTENING
        # readable_listening is refreshed so that resume() below may be a no-op (once('readable')).
        if stream.listener_count("readable") > 0:
            state.bits |= READABLE_LISTENING
        # Start flowing on the next tick unless explicitly paused.
        if state.bits & (HAS_FLOWING | FLOWING) != HAS_FLOWING:
            stream.resume()
    elif not state.bits & (END_EMITTED | READABLE_LISTENING):
        state.bits = (state.bits | READABLE_LISTENING | NEED_READABLE | HAS_FLOWING) & ~(
            FLOWING | EMITTED_READABLE
        )
        if state.length:
            _emit_readable(stream, state)
        elif not state.bits & READING:
            next_tick(_read_zero, stream)
