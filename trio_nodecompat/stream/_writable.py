"""``Writable``: Node's writable state machine (``internal/streams/writable``).

``write`` hands one chunk at a time to ``_write``; while one is in flight (or the stream is
corked, or still constructing) later chunks wait in a buffer. ``write`` returns ``False`` once
the buffered length reaches the high-water mark, and ``'drain'`` is emitted when it has
emptied again. ``end`` waits for the buffer to flush, runs ``_final``, then emits
``'prefinish'`` and ``'finish'``; every write callback is called exactly once, with an error
if the stream failed before the write was done.

The conditions are Node's, bit for bit, so the order of callbacks and events matches Node's:
a ``_write`` that calls back synchronously gets its user callback (and ``'drain'``) on the next
tick, one that calls back later gets them at once; consecutive synchronous completions with
the same callback share one tick.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Final, Self

from .._buffer import Buffer
from .._internal.encodings import is_encoding
from ..errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_MULTIPLE_CALLBACK,
    ERR_STREAM_ALREADY_FINISHED,
    ERR_STREAM_CANNOT_PIPE,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES,
    ERR_STREAM_WRITE_AFTER_END,
    ERR_UNKNOWN_ENCODING,
)
from ._async_methods import COROUTINE_TYPE, bind_implementation, run_returned
from ._destroy import construct, destroy, error_or_destroy, undestroy
from ._legacy import Stream
from ._methods import WritableMethods
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
    nop,
    require_loop,
)

__all__ = ["WritableState", "Writable", "WriteRequest"]

SYNC: Final = 1 << 9
FINAL_CALLED: Final = 1 << 10
NEED_DRAIN: Final = 1 << 11
ENDING: Final = 1 << 12
FINISHED: Final = 1 << 13
DECODE_STRINGS: Final = 1 << 14
WRITING: Final = 1 << 15
BUFFER_PROCESSING: Final = 1 << 16
PREFINISHED: Final = 1 << 17
ALL_BUFFERS: Final = 1 << 18
ALL_NOOP: Final = 1 << 19
ON_FINISHED: Final = 1 << 20
CORKED: Final = 1 << 23
EXPECT_WRITE_CB: Final = 1 << 26
AFTER_WRITE_PENDING: Final = 1 << 28
BUFFERED: Final = 1 << 29
ENDED: Final = 1 << 30

_CHUNK_TYPES: Final = ["string", "Buffer", "TypedArray", "DataView"]


class WriteRequest:
    """One buffered write: Node's ``{ chunk, encoding, callback }`` entry, as ``_writev`` sees it."""

    __slots__ = ("chunk", "encoding", "callback")

    def __init__(self, chunk: Any, encoding: str | None, callback: Callable[..., Any]) -> None:
        self.chunk = chunk
        self.encoding = encoding
        self.callback = callback

    def __repr__(self) -> str:
        return f"WriteRequest(chunk={self.chunk!r}, encoding={self.encoding!r})"


class WriteRequests(list[WriteRequest]):
    """The list ``_writev`` receives; ``all_buffers`` says whether every chunk is a Buffer."""

    all_buffers: bool = True


class _AfterWriteTick:
    __slots__ = ("count", "cb", "stream", "state")

    def __init__(self, cb: Callable[..., Any], stream: Any, state: WritableState) -> None:
        self.count = 1
        self.cb = cb
        self.stream = stream
        self.state = state


class WritableState:
    """The writable side's state (Node's ``WritableState``); ``stream._writable_state``.

    Booleans live as bits of ``bits``; the properties read and write them by Node's names in
    snake_case (``ending``, ``ended``, ``finished``, ``need_drain``, ...).
    """

    __slots__ = (
        "bits",
        "high_water_mark",
        "length",
        "corked",
        "onwrite",
        "writelen",
        "writecb",
        "buffered",
        "buffered_index",
        "pendingcb",
        "after_write_tick_info",
        "on_finished",
        "writable",
        "_errored",
        "_default_encoding",
    )

    def __init__(
        self,
        stream: Any,
        *,
        object_mode: bool = False,
        high_water_mark: int,
        decode_strings: bool = True,
        emit_close: bool = True,
        auto_destroy: bool = True,
        default_encoding: str | None = None,
    ) -> None:
        bits = SYNC | CONSTRUCTED | EMIT_CLOSE | AUTO_DESTROY | ALL_BUFFERS | ALL_NOOP
        if object_mode:
            bits |= OBJECT_MODE
        if decode_strings:
            bits |= DECODE_STRINGS
        if not emit_close:
            bits &= ~EMIT_CLOSE
        if not auto_destroy:
            bits &= ~AUTO_DESTROY
        self.bits = bits
        self.high_water_mark = high_water_mark
        if default_encoding is None or default_encoding in ("utf8", "utf-8"):
            self._default_encoding = "utf8"
        elif is_encoding(default_encoding):
            self._default_encoding = default_encoding
        else:
            raise ERR_UNKNOWN_ENCODING(default_encoding)
        #: Bytes (or objects) written and not yet called back.
        self.length = 0
        self.corked = 0
        #: The one callback every ``_write`` gets, made once per stream.
        self.onwrite: Callable[..., None] = partial(_onwrite, stream)
        self.writelen = 0
        self.writecb: Callable[..., Any] | None = None
        self.buffered: list[WriteRequest | None] | None = None
        self.buffered_index = 0
        #: Callbacks (user write callbacks, ``_final``) still to run before 'finish'.
        self.pendingcb = 0
        self.after_write_tick_info: _AfterWriteTick | None = None
        self.on_finished: list[Callable[..., Any]] | None = None
        #: ``False`` when this is the disabled side of a Duplex (``writable=False``).
        self.writable: bool | None = None
        self._errored: BaseException | None = None

    object_mode = flag(OBJECT_MODE, "Chunks are any objects, each counting 1.")
    final_called = flag(FINAL_CALLED, "``_final`` was called.")
    need_drain = flag(NEED_DRAIN, "A ``write`` returned False; 'drain' is owed.")
    ending = flag(ENDING, "``end()`` has been called.")
    ended = flag(ENDED, "``end()`` has returned.")
    finished = flag(FINISHED, "'finish' was emitted.")
    destroyed = flag(DESTROYED, "``destroy()`` was called.")
    decode_strings = flag(DECODE_STRINGS, "Strings are encoded to Buffers before ``_write``.")
    writing = flag(WRITING, "A ``_write`` is in flight.")
    sync = flag(SYNC, "Inside the ``_write`` call (its callback would be synchronous).")
    buffer_processing = flag(BUFFER_PROCESSING, "Flushing buffered writes.")
    constructed = flag(CONSTRUCTED, "``_construct`` has called back (or there is none).")
    prefinished = flag(PREFINISHED, "'prefinish' was emitted.")
    error_emitted = flag(ERROR_EMITTED, "'error' was emitted.")
    emit_close = flag(EMIT_CLOSE, "'close' is emitted after destroy.")
    auto_destroy = flag(AUTO_DESTROY, "Destroyed automatically after 'finish'.")
    closed = flag(CLOSED, "The destroy callback ran.")
    close_emitted = flag(CLOSE_EMITTED, "'close' was emitted (or would have been).")
    all_buffers = flag(ALL_BUFFERS, "Every buffered chunk is a Buffer.")
    all_noop = flag(ALL_NOOP, "No buffered write has a callback.")

    errored = errored_property

    @property
    def default_encoding(self) -> str:
        """The encoding of string chunks written without one."""
        return self._default_encoding

    @default_encoding.setter
    def default_encoding(self, value: str) -> None:
        self._default_encoding = "utf8" if value in ("utf8", "utf-8") else value

    @property
    def buffered_request_count(self) -> int:
        """How many writes wait in the buffer."""
        return 0 if self.buffered is None else len(self.buffered) - self.buffered_index

    def get_buffer(self) -> list[WriteRequest]:
        """The writes waiting in the buffer, oldest first."""
        if self.buffered is None:
            return []
        return [req for req in self.buffered[self.buffered_index :] if req is not None]

    def _on_constructed(self, stream: Any) -> None:
        if not self.bits & WRITING:
            _clear_buffer(stream, self)
        if self.bits & ENDING:
            _finish_maybe(stream, self, False)


def _reset_buffer(state: WritableState) -> None:
    state.buffered = None
    state.buffered_index = 0
    state.bits = (state.bits | ALL_BUFFERS | ALL_NOOP) & ~BUFFERED


def _do_write(stream: Any, chunk: Any, encoding: str | None, cb: Callable[..., Any] | None) -> Any:
    """``write``'s body: returns True/False, or the error it reported (for ``end``)."""
    state: WritableState = stream._writable_state
    if cb is None or not callable(cb):
        cb = nop
    if chunk is None:
        raise ERR_STREAM_NULL_VALUES()
    bits = state.bits
    length = 1
    if not bits & OBJECT_MODE:
        if not encoding:
            encoding = state._default_encoding
        elif encoding != "buffer" and not is_encoding(encoding):
            raise ERR_UNKNOWN_ENCODING(encoding)
        kind = type(chunk)
        if kind is Buffer:
            encoding = "buffer"
            length = len(chunk._mem)  # not len(chunk): skips Buffer.__len__ per chunk
        elif kind is str:
            if bits & DECODE_STRINGS:
                chunk = Buffer.from_(chunk, encoding)
                encoding = "buffer"
        else:
            converted = as_buffer(chunk)
            if converted is None:
                if isinstance(chunk, str):
                    if bits & DECODE_STRINGS:
                        converted = Buffer.from_(chunk, encoding)
                    else:
                        converted = chunk  # type: ignore[assignment]
                else:
                    raise ERR_INVALID_ARG_TYPE("chunk", _CHUNK_TYPES, chunk)
            else:
                encoding = "buffer"
            chunk = converted
        if kind is not Buffer:
            length = len(chunk)
    require_loop("Writable.write()")  # after the chunk's checks: bad input gets Node's error
    err: BaseException | None = None
    if bits & ENDING:
        err = ERR_STREAM_WRITE_AFTER_END()
    elif bits & DESTROYED:
        err = ERR_STREAM_DESTROYED("write")
    if err is not None:
        next_tick(cb, err)
        error_or_destroy(stream, err, True)
        return err
    state.pendingcb += 1
    # writeOrBuffer: run _write now, or queue behind the one in flight.
    state.length += length
    if bits & (WRITING | ERRORED | CORKED | CONSTRUCTED) != CONSTRUCTED:
        if state.buffered is None:
            state.buffered = []
            state.bits |= BUFFERED
        state.buffered.append(WriteRequest(chunk, encoding, cb))
        if encoding != "buffer":
            state.bits &= ~ALL_BUFFERS
        if cb is not nop:
            state.bits &= ~ALL_NOOP
    else:
        state.writelen = length
        if cb is not nop:
            state.writecb = cb
        state.bits |= WRITING | SYNC | EXPECT_WRITE_CB
        result = stream._write(chunk, encoding, state.onwrite)
        if type(result) is COROUTINE_TYPE:
            run_returned(result, stream, "_write")
        state.bits &= ~SYNC
    ret = state.length < state.high_water_mark or state.length == 0
    if not ret:
        state.bits |= NEED_DRAIN
    # False once errored or destroyed, so a synchronous `while w.write(x)` loop stops.
    return ret and not state.bits & (DESTROYED | ERRORED)


def _write_now(
    stream: Any,
    state: WritableState,
    writev: bool,
    length: int,
    chunk: Any,
    encoding: str | None,
    cb: Callable[..., Any],
) -> None:
    state.writelen = length
    if cb is not nop:
        state.writecb = cb
    state.bits |= WRITING | SYNC | EXPECT_WRITE_CB
    if state.bits & DESTROYED:
        state.onwrite(ERR_STREAM_DESTROYED("write"))
    elif writev:
        result = stream._writev(chunk, state.onwrite)
        if type(result) is COROUTINE_TYPE:
            run_returned(result, stream, "_writev")
    else:
        result = stream._write(chunk, encoding, state.onwrite)
        if type(result) is COROUTINE_TYPE:
            run_returned(result, stream, "_write")
    state.bits &= ~SYNC


def _onwrite_error(
    stream: Any, state: WritableState, er: BaseException, cb: Callable[..., Any]
) -> None:
    state.pendingcb -= 1
    cb(er)
    # The buffered writes fail too (even without auto-destroy); 'error' always follows cb.
    _error_buffer(state)
    error_or_destroy(stream, er)


def _onwrite(stream: Any, er: BaseException | None = None) -> None:
    state: WritableState = stream._writable_state
    bits = state.bits
    if not bits & EXPECT_WRITE_CB:
        error_or_destroy(stream, ERR_MULTIPLE_CALLBACK())
        return
    sync = bits & SYNC
    cb = state.writecb or nop
    state.writecb = None
    state.bits = bits & ~(WRITING | EXPECT_WRITE_CB)
    state.length -= state.writelen
    state.writelen = 0
    if er is not None:
        if not state.bits & ERRORED:
            state.errored = er
        # A Duplex: the readable side learns of the error too.
        r = stream._readable_state
        if r is not None and r.errored is None:
            r.errored = er
        if sync:
            next_tick(_onwrite_error, stream, state, er, cb)
        else:
            _onwrite_error(stream, state, er, cb)
        return
    if state.bits & BUFFERED:
        _clear_buffer(stream, state)
    if sync:
        bits = state.bits
        need_drain = bits & NEED_DRAIN and state.length == 0
        # Node 20.20's test reads `state & kDestroyed !== 0`, which JS parses as
        # `state & true`, the object-mode bit: kept, as it decides when 'finish' comes.
        need_tick = need_drain or bits & OBJECT_MODE or cb is not nop
        if cb is nop:
            if not bits & AFTER_WRITE_PENDING and need_tick:
                next_tick(_after_write, stream, state, 1, cb)
                state.bits |= AFTER_WRITE_PENDING
            else:
                state.pendingcb -= 1
                if bits & ENDING:
                    _finish_maybe(stream, state, True)
        else:
            info = state.after_write_tick_info
            if info is not None and info.cb is cb:
                info.count += 1
            elif need_tick:
                info = state.after_write_tick_info = _AfterWriteTick(cb, stream, state)
                next_tick(_after_write_tick, info)
                state.bits |= AFTER_WRITE_PENDING
            else:
                state.pendingcb -= 1
                if bits & ENDING:
                    _finish_maybe(stream, state, True)
    else:
        _after_write(stream, state, 1, cb)


def _after_write_tick(info: _AfterWriteTick) -> None:
    info.state.after_write_tick_info = None
    _after_write(info.stream, info.state, info.count, info.cb)


def _after_write(stream: Any, state: WritableState, count: int, cb: Callable[..., Any]) -> None:
    state.bits &= ~AFTER_WRITE_PENDING
    if state.bits & (ENDING | NEED_DRAIN | DESTROYED) == NEED_DRAIN and state.length == 0:
        state.bits &= ~NEED_DRAIN
        stream.emit("drain")
    while count > 0:
        count -= 1
        state.pendingcb -= 1
        cb(None)
    if state.bits & DESTROYED:
        _error_buffer(state)
    if state.bits & ENDING:
        _finish_maybe(stream, state, True)


def _error_buffer(state: WritableState) -> None:
    """Fail every buffered write (and the ``end`` callbacks) of a destroyed or failed stream."""
    if state.bits & WRITING:
        return
    if state.bits & BUFFERED and state.buffered is not None:
        buffered = state.buffered
        object_mode = state.bits & OBJECT_MODE
        for n in range(state.buffered_index, len(buffered)):
            req = buffered[n]
            if req is None:
                continue
            state.length -= 1 if object_mode else len(req.chunk)
            errored = state.errored
            req.callback(errored if errored is not None else ERR_STREAM_DESTROYED("write"))
    errored = state.errored
    _call_finished_callbacks(state, errored if errored is not None else ERR_STREAM_DESTROYED("end"))
    _reset_buffer(state)


def _clear_buffer(stream: Any, state: WritableState) -> None:
    """Hand the buffered writes to ``_writev`` (all at once) or ``_write`` (one by one)."""
    mask = DESTROYED | BUFFER_PROCESSING | CORKED | BUFFERED | CONSTRUCTED
    if state.bits & mask != BUFFERED | CONSTRUCTED:
        return
    buffered = state.buffered
    assert buffered is not None
    object_mode = state.bits & OBJECT_MODE
    i = state.buffered_index
    count = len(buffered) - i
    if not count:
        return
    state.bits |= BUFFER_PROCESSING
    if count > 1 and stream._writev is not None:
        state.pendingcb -= count - 1
        pending = buffered[i:]
        if state.bits & ALL_NOOP:
            callback: Callable[..., Any] = nop
        else:

            def callback(err: BaseException | None = None) -> None:
                for req in pending:
                    if req is not None:
                        req.callback(err)

        chunks = WriteRequests(req for req in pending if req is not None)
        chunks.all_buffers = bool(state.bits & ALL_BUFFERS)
        _write_now(stream, state, True, state.length, chunks, "", callback)
        _reset_buffer(state)
    else:
        while True:
            req = buffered[i]
            buffered[i] = None
            i += 1
            assert req is not None
            length = 1 if object_mode else len(req.chunk)
            _write_now(stream, state, False, length, req.chunk, req.encoding, req.callback)
            if i >= len(buffered) or state.bits & WRITING:
                break
        if state.buffered is not buffered:
            pass  # a callback reset (or replaced) the buffer meanwhile: nothing left here
        elif i == len(buffered):
            _reset_buffer(state)
        elif i > 256:
            del buffered[:i]
            state.buffered_index = 0
        else:
            state.buffered_index = i
    state.bits &= ~BUFFER_PROCESSING


def _need_finish(state: WritableState) -> bool:
    mask = (
        ENDING
        | DESTROYED
        | CONSTRUCTED
        | FINISHED
        | WRITING
        | ERROR_EMITTED
        | CLOSE_EMITTED
        | ERRORED
        | BUFFERED
    )
    return state.bits & mask == ENDING | CONSTRUCTED and state.length == 0


class _OnFinal:
    """The callback ``_final`` gets: prefinish, then 'finish' a tick later (or fail)."""

    __slots__ = ("stream", "state")

    def __init__(self, stream: Any, state: WritableState) -> None:
        self.stream = stream
        self.state = state

    def __call__(self, err: BaseException | None = None) -> None:
        stream = self.stream
        state = self.state
        if state.bits & PREFINISHED:
            error_or_destroy(stream, err if err is not None else ERR_MULTIPLE_CALLBACK())
            return
        state.pendingcb -= 1
        if err is not None:
            _call_finished_callbacks(state, err)
            error_or_destroy(stream, err, bool(state.bits & SYNC))
        elif _need_finish(state):
            state.bits |= PREFINISHED
            stream.emit("prefinish")
            # 'finish' is always a tick after _final's callback, even a synchronous one.
            state.pendingcb += 1
            next_tick(_finish, stream, state)


def _prefinish(stream: Any, state: WritableState) -> None:
    if state.bits & (PREFINISHED | FINAL_CALLED):
        return
    final = getattr(stream, "_final", None)
    if callable(final) and not state.bits & DESTROYED:
        state.bits |= FINAL_CALLED | SYNC
        state.pendingcb += 1
        on_final = _OnFinal(stream, state)
        try:
            result = final(on_final)
            if type(result) is COROUTINE_TYPE:
                run_returned(result, stream, "_final")
        except Exception as exc:
            on_final(exc)
        state.bits &= ~SYNC
    else:
        state.bits |= FINAL_CALLED | PREFINISHED
        stream.emit("prefinish")


def _finish_maybe(stream: Any, state: WritableState, sync: bool) -> None:
    if _need_finish(state):
        _prefinish(stream, state)
        if state.pendingcb == 0:
            if sync:
                state.pendingcb += 1
                next_tick(_finish_if_still_needed, stream, state)
            elif _need_finish(state):
                state.pendingcb += 1
                _finish(stream, state)


def _finish_if_still_needed(stream: Any, state: WritableState) -> None:
    if _need_finish(state):
        _finish(stream, state)
    else:
        state.pendingcb -= 1


def _finish(stream: Any, state: WritableState) -> None:
    state.pendingcb -= 1
    state.bits |= FINISHED
    _call_finished_callbacks(state, None)
    stream.emit("finish")
    if state.bits & AUTO_DESTROY:
        # A Duplex is destroyed once both sides are done (or its readable side is disabled).
        r = stream._readable_state
        if r is None or (r.bits & AUTO_DESTROY and (r.end_emitted or r.readable is False)):
            stream.destroy()


def _call_finished_callbacks(state: WritableState, err: BaseException | None) -> None:
    if not state.bits & ON_FINISHED:
        return
    callbacks = state.on_finished or []
    state.on_finished = None
    state.bits &= ~ON_FINISHED
    for callback in callbacks:
        callback(err)


class Writable(WritableMethods, Stream):
    """Node's ``stream.Writable``: a destination with backpressure.

    Implement ``_write(chunk, encoding, callback)`` (and optionally ``_writev(chunks,
    callback)``, ``_final(callback)``, ``_destroy(err, callback)``, ``_construct(callback)``)
    in a subclass, or pass them as ``write=``, ``writev=``, ``final=``, ``destroy=``,
    ``construct=`` (bound like methods: they receive the stream first). Any of them may be an
    ``async def`` without the callback parameter (see the module docs).

    Chunks are :class:`~trio_nodecompat.buffer.Buffer` (bytes-likes and strings are
    converted, strings with ``encoding`` or ``default_encoding`` unless
    ``decode_strings=False``), or any object but ``None`` in ``object_mode``.
    """

    _writev: Any = None
    _writable_state: WritableState

    def __init__(
        self,
        *,
        high_water_mark: int | None = None,
        decode_strings: bool = True,
        default_encoding: str | None = None,
        object_mode: bool = False,
        emit_close: bool = True,
        auto_destroy: bool = True,
        signal: Any = None,
        write: Callable[..., Any] | None = None,
        writev: Callable[..., Any] | None = None,
        destroy: Callable[..., Any] | None = None,
        final: Callable[..., Any] | None = None,
        construct: Callable[..., Any] | None = None,
        capture_rejections: bool | None = None,
    ) -> None:
        self._writable_state = WritableState(
            self,
            object_mode=bool(object_mode),
            high_water_mark=high_water_mark_from(
                high_water_mark, "high_water_mark", bool(object_mode)
            ),
            decode_strings=decode_strings is not False,
            emit_close=emit_close is not False,
            auto_destroy=auto_destroy is not False,
            default_encoding=default_encoding,
        )
        bind_implementation(self, "_write", write)
        bind_implementation(self, "_writev", writev)
        bind_implementation(self, "_destroy", destroy)
        bind_implementation(self, "_final", final)
        bind_implementation(self, "_construct", construct)
        super().__init__(capture_rejections=capture_rejections)
        if signal is not None:
            from ._add_abort_signal import add_abort_signal_no_validate

            add_abort_signal_no_validate(signal, self)
        if getattr(self, "_construct", None) is not None:
            construct_stream(self)

    # ----------------------------------------------------------------------------------------
    # Writing

    def write(
        self,
        chunk: Any,
        encoding: str | Callable[..., Any] | None = None,
        callback: Callable[..., Any] | None = None,
    ) -> bool:
        """Write ``chunk``; False once the buffer reached the high-water mark (wait for 'drain').

        ``callback(err)`` is called once the chunk was handled (``err`` is None) or failed.
        ``write(chunk, callback)`` works as in Node.
        """
        if callable(encoding):
            callback = encoding
            encoding = None
        return _do_write(self, chunk, encoding, callback) is True

    def cork(self) -> None:
        """Buffer every write until :meth:`uncork` (or :meth:`end`), then flush them together."""
        state: WritableState = self._writable_state
        state.bits |= CORKED
        state.corked += 1

    def uncork(self) -> None:
        """Undo one :meth:`cork`; the last one flushes the buffer (through ``_writev``)."""
        state: WritableState = self._writable_state
        if state.corked:
            state.corked -= 1
            if not state.corked:
                state.bits &= ~CORKED
            if not state.bits & WRITING:
                _clear_buffer(self, state)

    def set_default_encoding(self, encoding: str) -> Self:
        """The encoding of string chunks written without one (``ERR_UNKNOWN_ENCODING`` if bad)."""
        if isinstance(encoding, str):
            encoding = encoding.lower()
        if not is_encoding(encoding):
            raise ERR_UNKNOWN_ENCODING(encoding)
        self._writable_state.default_encoding = encoding
        return self

    def end(
        self,
        chunk: Any = None,
        encoding: str | Callable[..., Any] | None = None,
        callback: Callable[..., Any] | None = None,
    ) -> Self:
        """Write ``chunk`` (if given), then finish: 'prefinish', 'finish' once all is flushed.

        ``callback(err)`` runs on 'finish' (``err`` None) or with the error that prevented it.
        ``end(callback)`` and ``end(chunk, callback)`` work as in Node.
        """
        state: WritableState = self._writable_state
        if callable(chunk):
            callback = chunk
            chunk = None
            encoding = None
        elif callable(encoding):
            callback = encoding
            encoding = None
        err: BaseException | None = None
        if chunk is not None:
            ret = _do_write(self, chunk, encoding, None)
            if isinstance(ret, BaseException):
                err = ret
        require_loop("Writable.end()")
        # end() uncorks completely.
        if state.bits & CORKED:
            state.corked = 1
            self.uncork()
        if err is not None:
            pass
        elif not state.bits & (ENDING | ERRORED):
            state.bits |= ENDING
            _finish_maybe(self, state, True)
            state.bits |= ENDED
        elif state.bits & FINISHED:
            err = ERR_STREAM_ALREADY_FINISHED("end")
        elif state.bits & DESTROYED:
            err = ERR_STREAM_DESTROYED("end")
        if callable(callback):
            if err is not None:
                next_tick(callback, err)
            elif state.bits & ERRORED:
                next_tick(callback, state._errored)
            elif state.bits & FINISHED:
                next_tick(callback, None)
            else:
                state.bits |= ON_FINISHED
                if state.on_finished is None:
                    state.on_finished = []
                state.on_finished.append(callback)
        return self

    def _write(self, chunk: Any, encoding: str | None, callback: Callable[..., Any]) -> None:
        """Write one chunk, then call ``callback(err=None)``; override it (Node's ``_write``)."""
        if self._writev is not None:
            self._writev(WriteRequests([WriteRequest(chunk, encoding, nop)]), callback)
        else:
            raise ERR_METHOD_NOT_IMPLEMENTED("_write()")

    def pipe(self, dest: Any, *, end: bool = True) -> Any:
        """A Writable cannot be piped from: fails the stream with ``ERR_STREAM_CANNOT_PIPE``."""
        error_or_destroy(self, ERR_STREAM_CANNOT_PIPE())
        return None

    # ----------------------------------------------------------------------------------------
    # Destroying

    def destroy(self, err: BaseException | None = None, callback: Any = None) -> Self:
        """Destroy the stream: pending writes fail, then 'error' (if ``err``) and 'close'."""
        state: WritableState = self._writable_state
        if state.bits & (BUFFERED | ON_FINISHED) and not state.bits & DESTROYED:
            next_tick(_error_buffer, state)
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
    def closed(self) -> bool:
        """'close' is due: the destroy callback ran."""
        return bool(self._writable_state.bits & CLOSED)

    @property
    def destroyed(self) -> bool:
        """:meth:`destroy` was called."""
        return bool(self._writable_state.bits & DESTROYED)

    @destroyed.setter
    def destroyed(self, value: bool) -> None:
        self._writable_state.destroyed = value

    @property
    def writable(self) -> bool:
        """True while ``write`` is safe: not ended, destroyed or errored."""
        w: WritableState = self._writable_state
        return w.writable is not False and not w.bits & (ENDING | ENDED | DESTROYED | ERRORED)

    @writable.setter
    def writable(self, value: bool) -> None:
        self._writable_state.writable = bool(value)

    @property
    def writable_finished(self) -> bool:
        """'finish' was emitted."""
        return bool(self._writable_state.bits & FINISHED)

    @property
    def writable_object_mode(self) -> bool:
        """The writable side is in object mode."""
        return bool(self._writable_state.bits & OBJECT_MODE)

    @property
    def writable_buffer(self) -> list[WriteRequest]:
        """The writes waiting to be handed to ``_write``."""
        return self._writable_state.get_buffer()

    @property
    def writable_ended(self) -> bool:
        """:meth:`end` was called."""
        return bool(self._writable_state.bits & ENDING)

    @property
    def writable_need_drain(self) -> bool:
        """A ``write`` returned False and 'drain' has not come yet."""
        return self._writable_state.bits & (DESTROYED | ENDING | NEED_DRAIN) == NEED_DRAIN

    @property
    def writable_high_water_mark(self) -> int:
        """The writable side's high-water mark (bytes, or objects)."""
        return self._writable_state.high_water_mark

    @property
    def writable_corked(self) -> int:
        """How many :meth:`uncork` calls it takes to uncork."""
        return self._writable_state.corked

    @property
    def writable_length(self) -> int:
        """Bytes (or objects) written and not yet handled."""
        return self._writable_state.length

    @property
    def errored(self) -> BaseException | None:
        """The error the stream failed with, or None."""
        return self._writable_state.errored

    @property
    def writable_aborted(self) -> bool:
        """Destroyed or errored before 'finish'."""
        w: WritableState = self._writable_state
        return (
            w.writable is not False
            and bool(w.bits & (DESTROYED | ERRORED))
            and not w.bits & FINISHED
        )


def construct_stream(stream: Any) -> None:
    """Schedule ``_construct``; once it calls back, each side resumes its pending work."""
    construct(stream, _Constructed(stream))


class _Constructed:
    __slots__ = ("stream",)

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def __call__(self) -> None:
        stream = self.stream
        r = stream._readable_state
        if r is not None:
            r._on_constructed(stream)
        w = stream._writable_state
        if w is not None:
            w._on_constructed(stream)
