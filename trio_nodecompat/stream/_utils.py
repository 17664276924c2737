"""What every stream module shares: the nextTick hook, the state bits, chunk conversion, probes.

Node keeps each stream's boolean state in one integer of bit flags (``internal/streams/utils``
defines the bits both sides share; ``readable``/``writable`` add their own from bit 9 up), so a
state test such as "constructed, and neither reading, ended, destroyed nor errored" is a single
mask comparison. The Python port keeps that layout: it is what lets the per-chunk path stay a
handful of integer operations, and it keeps the conditions line for line comparable with
Node's.

``next_tick`` is imported here once, so every stream module schedules through the same queue.
"""

from __future__ import annotations

from threading import get_ident
from typing import TYPE_CHECKING, Any, Final

from .._buffer import Buffer
from .._event_emitter import EventEmitter
from .._internal.current_loop import current_host
from .._loop import Loop, LoopClosedError
from ..errors import AbortError, NoLoopError
from ..process import next_tick

if TYPE_CHECKING:
    from ._readable import Readable

__all__ = [
    "AbortError",
    "AUTO_DESTROY",
    "CLOSED",
    "CLOSE_EMITTED",
    "CONSTRUCTED",
    "DESTROYED",
    "EMIT_CLOSE",
    "ERRORED",
    "ERROR_EMITTED",
    "OBJECT_MODE",
    "as_buffer",
    "error_emitted",
    "errored_error",
    "errored_property",
    "flag",
    "is_closed",
    "is_destroyed",
    "is_finished",
    "is_node_stream",
    "is_readable",
    "is_readable_errored",
    "is_readable_finished",
    "is_readable_node_stream",
    "is_writable",
    "is_writable_ended",
    "is_writable_errored",
    "is_writable_finished",
    "is_writable_node_stream",
    "listener_count",
    "next_tick",
    "nop",
    "prepend_listener",
    "require_loop",
    "will_emit_close",
]

# The bits both states share (Node's kObjectMode ... kConstructed).
OBJECT_MODE: Final = 1 << 0
ERROR_EMITTED: Final = 1 << 1
AUTO_DESTROY: Final = 1 << 2
EMIT_CLOSE: Final = 1 << 3
DESTROYED: Final = 1 << 4
CLOSED: Final = 1 << 5
CLOSE_EMITTED: Final = 1 << 6
ERRORED: Final = 1 << 7
CONSTRUCTED: Final = 1 << 8


def flag(bit: int, doc: str) -> Any:
    """A state property reading and writing one bit of ``self.bits`` (Node's state getters)."""

    def get(self: Any) -> bool:
        return bool(self.bits & bit)

    def set_(self: Any, value: bool) -> None:
        if value:
            self.bits |= bit
        else:
            self.bits &= ~bit

    return property(get, set_, doc=doc)


class ErroredProperty:
    """Both states' ``errored``: the error the stream failed with, or None.

    The ERRORED bit says whether ``_errored`` holds one, so clearing it needs no second store.
    """

    __slots__ = ()

    def __get__(self, obj: Any, objtype: Any = None) -> BaseException | None:
        if obj is None:
            return None
        error: BaseException | None = obj._errored if obj.bits & ERRORED else None
        return error

    def __set__(self, obj: Any, value: BaseException | None) -> None:
        if value is not None:
            obj._errored = value
            obj.bits |= ERRORED
        else:
            obj.bits &= ~ERRORED


errored_property: Final = ErroredProperty()


_HOST = current_host()


def require_loop(what: str) -> None:
    """Refuse a step that will schedule on the loop, before it changes any state.

    Without this check the step would fail only at its first ``next_tick``, half done (a
    chunk buffered, the flow switched on, a destroyed stream that never closes). Outside a
    loop: :class:`NoLoopError`; after the loop's block ended: ``LoopClosedError``; from
    another thread: the loop's ``RuntimeError``.
    """
    host = _HOST.get()
    if type(host) is not Loop or host._closed or host._thread_id != get_ident():
        if not isinstance(host, Loop):
            raise NoLoopError(what)
        if host._closed:
            raise LoopClosedError(what)
        host._check_thread(what)


def nop(*_args: object) -> None:
    """The callback of a write that was given none (compared by identity, as Node's ``nop``)."""


def prepend_listener(emitter: Any, event: str, fn: Any) -> None:
    """Put ``fn`` first among ``emitter``'s ``event`` listeners (before any user listener).

    Through the emitter's own ``prepend_listener`` when it has one, else through the base
    implementation, as Node's helper copes with emitters whose ``prependListener`` is not a
    function.
    """
    method = getattr(emitter, "prepend_listener", None)
    if callable(method):
        method(event, fn)
    else:
        EventEmitter.prepend_listener(emitter, event, fn)


def listener_count(emitter: Any, event: str) -> int:
    """Node's static ``EventEmitter.listenerCount(emitter, event)``: immune to shadowing."""
    if isinstance(emitter, EventEmitter):
        return EventEmitter.listener_count(emitter, event)
    count: int = emitter.listener_count(event)
    return count


def as_buffer(chunk: object) -> Buffer | None:
    """A bytes-like chunk as a Buffer, the way Node turns a TypedArray into one; else None.

    A Buffer is kept as it is; a ``bytearray`` or writable byte ``memoryview`` is shared, not
    copied (Node's ``_uint8ArrayToBuffer`` shares the TypedArray's memory); ``bytes`` are
    immutable, so they are copied once into the Buffer's own store. Other buffer-protocol
    objects (``array.array``, ...) are shared as bytes when writable, copied otherwise.
    """
    kind = type(chunk)
    if kind is Buffer:
        return chunk  # type: ignore[return-value]
    if kind is bytes:
        return Buffer._own(chunk)  # type: ignore[arg-type]
    if kind is bytearray:
        return Buffer._wrap(memoryview(chunk), chunk, 0)  # type: ignore[arg-type]
    if isinstance(chunk, Buffer):
        return chunk
    if isinstance(chunk, str) or chunk is None:
        return None
    try:
        view = memoryview(chunk)  # type: ignore[arg-type]
    except TypeError:
        return None
    if view.readonly or not view.c_contiguous:
        return Buffer._own(view.tobytes())
    if view.format != "B" or view.ndim != 1:
        view = view.cast("B")
    return Buffer._wrap(view, view, 0)


# --------------------------------------------------------------------------------------------
# Probes (Node's internal/streams/utils): what end-of-stream and destroyer ask of any stream.


def is_readable_node_stream(obj: Any, strict: bool = False) -> bool:
    """Has the readable interface (a Readable, or a Duplex whose readable side is enabled)."""
    if (
        obj is None
        or not callable(getattr(obj, "pipe", None))
        or not callable(getattr(obj, "on", None))
    ):
        return False
    if strict and not (
        callable(getattr(obj, "pause", None)) and callable(getattr(obj, "resume", None))
    ):
        return False
    w = getattr(obj, "_writable_state", None)
    r = getattr(obj, "_readable_state", None)
    if w is not None and (r is None or r.readable is False):
        return False
    return True


def is_writable_node_stream(obj: Any) -> bool:
    """Has the writable interface (a Writable, or a Duplex whose writable side is enabled)."""
    if (
        obj is None
        or not callable(getattr(obj, "write", None))
        or not callable(getattr(obj, "on", None))
    ):
        return False
    if getattr(obj, "_readable_state", None) is not None:
        w = getattr(obj, "_writable_state", None)
        if w is None or w.writable is False:
            return False
    return True


def is_node_stream(obj: Any) -> bool:
    """Looks like a Node stream (has a state, or write/pipe and on)."""
    if obj is None:
        return False
    if getattr(obj, "_readable_state", None) is not None:
        return True
    if getattr(obj, "_writable_state", None) is not None:
        return True
    on = callable(getattr(obj, "on", None))
    return on and (callable(getattr(obj, "write", None)) or callable(getattr(obj, "pipe", None)))


def is_destroyed(stream: Any) -> bool | None:
    """Destroyed (None when ``stream`` is not a stream)."""
    if not is_node_stream(stream):
        return None
    state = getattr(stream, "_writable_state", None) or getattr(stream, "_readable_state", None)
    return bool(
        getattr(stream, "destroyed", False)
        or getattr(stream, "_is_destroyed", False)
        or (state is not None and state.bits & DESTROYED)
    )


def is_writable_ended(stream: Any) -> bool | None:
    """``end()`` was called."""
    if not is_writable_node_stream(stream):
        return None
    if getattr(stream, "writable_ended", None) is True:
        return True
    w = getattr(stream, "_writable_state", None)
    if _truthy(getattr(w, "errored", None)):
        return False
    ended = getattr(w, "ended", None)
    return ended if isinstance(ended, bool) else None


def is_writable_finished(stream: Any, strict: bool = True) -> bool | None:
    """'finish' was emitted (or, not strict, everything written was flushed after end())."""
    if not is_writable_node_stream(stream):
        return None
    if getattr(stream, "writable_finished", None) is True:
        return True
    w = getattr(stream, "_writable_state", None)
    if _truthy(getattr(w, "errored", None)):
        return False
    finished = getattr(w, "finished", None)
    if not isinstance(finished, bool):
        return None
    return finished or (
        not strict and getattr(w, "ended", None) is True and getattr(w, "length", None) == 0
    )


def is_readable_finished(stream: Any, strict: bool = True) -> bool | None:
    """'end' was emitted (or, not strict, push(None) was called and the buffer is empty)."""
    if not is_readable_node_stream(stream):
        return None
    r = getattr(stream, "_readable_state", None)
    if _truthy(getattr(r, "errored", None)):
        return False
    end_emitted = getattr(r, "end_emitted", None)
    if not isinstance(end_emitted, bool):
        return None
    return end_emitted or (
        not strict and getattr(r, "ended", None) is True and getattr(r, "length", None) == 0
    )


def is_readable(stream: Any) -> bool | None:
    """Still readable: not destroyed, and not yet ended."""
    readable = getattr(stream, "readable", None)
    if not isinstance(readable, bool):
        return None
    if is_destroyed(stream):
        return False
    return bool(is_readable_node_stream(stream) and readable and not is_readable_finished(stream))


def is_writable(stream: Any) -> bool | None:
    """Still writable: not destroyed, and not yet ended."""
    writable = getattr(stream, "writable", None)
    if not isinstance(writable, bool):
        return None
    if is_destroyed(stream):
        return False
    return bool(is_writable_node_stream(stream) and writable and not is_writable_ended(stream))


def is_finished(stream: Any, *, readable: bool = True, writable: bool = True) -> bool | None:
    """Destroyed, or neither side (of those asked about) still readable/writable."""
    if not is_node_stream(stream):
        return None
    if is_destroyed(stream):
        return True
    if readable and is_readable(stream):
        return False
    if writable and is_writable(stream):
        return False
    return True


def _truthy(value: Any) -> bool:
    """JS truthiness of a state field: an error object, or a foreign state's True flag."""
    return value is not None and value is not False


def is_writable_errored(stream: Any) -> Any:
    """The writable side's error, if any (None when there is none).

    Our states hold an exception or None; a duck-typed stream's state may hold a flag
    (``errored = True``), which is returned as it is: :func:`errored_error` tells them apart.
    """
    w = getattr(stream, "_writable_state", None)
    return getattr(w, "errored", None)


def is_readable_errored(stream: Any) -> Any:
    """The readable side's error, if any (see :func:`is_writable_errored`)."""
    r = getattr(stream, "_readable_state", None)
    return getattr(r, "errored", None)


def errored_error(stream: Any) -> BaseException | None:
    """The error ``stream`` failed with (writable side first), for end-of-stream to report.

    Node's ``errored && typeof errored !== 'boolean'``: a state that only flags "errored"
    (a duck-typed stream's ``errored = True``) has no error to report.
    """
    errored = is_writable_errored(stream)
    if not _truthy(errored):
        errored = is_readable_errored(stream)
    return errored if isinstance(errored, BaseException) else None


def is_closed(stream: Any) -> bool | None:
    """'close' is due or done (the destroy callback ran).

    The stream's own ``closed`` when it is a bool, else its states' ``closed`` flags.
    """
    if not is_node_stream(stream):
        return None
    closed = getattr(stream, "closed", None)
    if isinstance(closed, bool):
        return closed
    w_closed = getattr(getattr(stream, "_writable_state", None), "closed", None)
    r_closed = getattr(getattr(stream, "_readable_state", None), "closed", None)
    if isinstance(w_closed, bool) or isinstance(r_closed, bool):
        return bool(w_closed or r_closed)
    return None


def will_emit_close(stream: Any) -> bool | None:
    """The stream will emit 'close' by itself (auto-destroying, emitting close, not closed)."""
    if not is_node_stream(stream):
        return None
    state = getattr(stream, "_writable_state", None) or getattr(stream, "_readable_state", None)
    if state is None:
        return False
    bits = getattr(state, "bits", None)
    if isinstance(bits, int):
        return bool(bits & AUTO_DESTROY and bits & EMIT_CLOSE and not bits & CLOSED)
    return bool(
        getattr(state, "auto_destroy", False)
        and getattr(state, "emit_close", False)
        and getattr(state, "closed", None) is False
    )


def error_emitted(state: Any) -> bool:
    """The state's 'error' was emitted (our bit, or a duck-typed state's ``error_emitted``)."""
    bits = getattr(state, "bits", None)
    if isinstance(bits, int):
        return bool(bits & ERROR_EMITTED)
    return bool(getattr(state, "error_emitted", False))


def readable_of(stream: Any) -> Readable | None:
    """``stream`` if it has a readable state, else None (a typed narrowing helper)."""
    return stream if getattr(stream, "_readable_state", None) is not None else None
