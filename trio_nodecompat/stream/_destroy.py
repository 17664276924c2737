"""Destroying and constructing streams: Node's ``internal/streams/destroy``.

Both sides of a stream share this machinery. ``destroy`` marks the state(s) destroyed at once
(so re-entrant calls are no-ops), runs the user's ``_destroy`` (deferred until ``_construct``
has called back, if it has not yet), and then emits ``'error'`` (once per stream) and
``'close'`` on a later tick. ``error_or_destroy`` is how the state machines report a failure:
auto-destroying streams are destroyed with it, others only get ``'error'``.
"""

from __future__ import annotations

from typing import Any

from ..errors import ERR_MULTIPLE_CALLBACK
from ._async_methods import COROUTINE_TYPE, run_returned
from ._utils import (
    AUTO_DESTROY,
    CLOSE_EMITTED,
    CLOSED,
    CONSTRUCTED,
    DESTROYED,
    EMIT_CLOSE,
    ERROR_EMITTED,
    ERRORED,
    AbortError,
    is_destroyed,
    is_finished,
    next_tick,
    require_loop,
)

__all__ = [
    "CONSTRUCT_EVENT",
    "DESTROY_EVENT",
    "construct",
    "destroy",
    "destroyer",
    "error_or_destroy",
    "undestroy",
]


class _InternalEvent:
    """An event key no user code can emit by name (Node's private symbols)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<stream internal event {self.name}>"


#: Emitted when a deferred ``_destroy`` may run (construction finished while destroyed).
DESTROY_EVENT: Any = _InternalEvent("destroy")
#: Emitted when ``_construct`` called back without error.
CONSTRUCT_EVENT: Any = _InternalEvent("construct")


def _record_error(err: BaseException | None, w: Any, r: Any) -> None:
    if err is not None:
        if w is not None and not w.bits & ERRORED:
            w.errored = err
        if r is not None and not r.bits & ERRORED:
            r.errored = err


def aggregate_two_errors(inner: BaseException | None, outer: BaseException | None) -> Any:
    """Node's ``aggregateTwoErrors``: both as an ExceptionGroup when both exist and differ."""
    if inner is not None and outer is not None and inner is not outer:
        if isinstance(outer, BaseExceptionGroup) and isinstance(outer.exceptions, tuple):
            return BaseExceptionGroup(str(outer), [*outer.exceptions, inner])
        if isinstance(inner, Exception) and isinstance(outer, Exception):
            return ExceptionGroup(str(outer), [outer, inner])
        return BaseExceptionGroup(str(outer), [outer, inner])
    return inner if inner is not None else outer


def destroy(stream: Any, err: BaseException | None = None, cb: Any = None) -> Any:
    """Destroy ``stream`` (a no-op if already destroyed, calling ``cb`` if given)."""
    r = stream._readable_state
    w = stream._writable_state
    s = w if w is not None else r
    if (w is not None and w.bits & DESTROYED) or (r is not None and r.bits & DESTROYED):
        if callable(cb):
            cb()
        return stream
    require_loop("destroy()")
    # Destroyed before any error callback runs, so a re-entrant destroy() returns early.
    _record_error(err, w, r)
    if w is not None:
        w.bits |= DESTROYED
    if r is not None:
        r.bits |= DESTROYED
        if r.read_scopes and not r.ended:
            for scope in r.read_scopes:
                scope.cancel()  # an async _read still waiting (see _async_methods)
    if not s.bits & CONSTRUCTED:
        stream.once(DESTROY_EVENT, _DeferredDestroy(stream, err, cb))
    else:
        _run_destroy(stream, err, cb)
    return stream


class _DeferredDestroy:
    __slots__ = ("stream", "err", "cb")

    def __init__(self, stream: Any, err: BaseException | None, cb: Any) -> None:
        self.stream = stream
        self.err = err
        self.cb = cb

    def __call__(self, er: BaseException | None = None) -> None:
        _run_destroy(self.stream, aggregate_two_errors(er, self.err), self.cb)


class _OnDestroy:
    """The callback handed to ``_destroy``: runs once, then schedules 'error'/'close'."""

    __slots__ = ("stream", "cb", "called")

    def __init__(self, stream: Any, cb: Any) -> None:
        self.stream = stream
        self.cb = cb
        self.called = False

    def __call__(self, err: BaseException | None = None) -> None:
        if self.called:
            return
        self.called = True
        stream = self.stream
        r = stream._readable_state
        w = stream._writable_state
        _record_error(err, w, r)
        if w is not None:
            w.bits |= CLOSED
        if r is not None:
            r.bits |= CLOSED
        if callable(self.cb):
            self.cb(err)
        if err is not None:
            next_tick(_emit_error_close_nt, stream, err)
        else:
            next_tick(_emit_close_nt, stream)


def _run_destroy(stream: Any, err: BaseException | None, cb: Any) -> None:
    on_destroy = _OnDestroy(stream, cb)
    try:
        result = stream._destroy(err, on_destroy)
        if type(result) is COROUTINE_TYPE:
            run_returned(result, stream, "_destroy")
    except Exception as exc:
        on_destroy(exc)


def _emit_error_close_nt(stream: Any, err: BaseException) -> None:
    _emit_error_nt(stream, err)
    _emit_close_nt(stream)


def _emit_close_nt(stream: Any) -> None:
    r = stream._readable_state
    w = stream._writable_state
    if w is not None:
        w.bits |= CLOSE_EMITTED
    if r is not None:
        r.bits |= CLOSE_EMITTED
    if (w is not None and w.bits & EMIT_CLOSE) or (r is not None and r.bits & EMIT_CLOSE):
        stream.emit("close")


def _emit_error_nt(stream: Any, err: BaseException) -> None:
    r = stream._readable_state
    w = stream._writable_state
    if (w is not None and w.bits & ERROR_EMITTED) or (r is not None and r.bits & ERROR_EMITTED):
        return
    if w is not None:
        w.bits |= ERROR_EMITTED
    if r is not None:
        r.bits |= ERROR_EMITTED
    stream.emit("error", err)


def undestroy(stream: Any) -> None:
    """Reset a destroyed stream to a fresh one (Node's ``_undestroy``, for reuse by subclasses)."""
    r = stream._readable_state
    w = stream._writable_state
    if r is not None:
        r.bits |= CONSTRUCTED
        r.bits &= ~(CLOSED | CLOSE_EMITTED | DESTROYED | ERROR_EMITTED)
        r.errored = None
        r.reading = False
        r.ended = r.readable is False
        r.end_emitted = r.readable is False
    if w is not None:
        w.bits |= CONSTRUCTED
        w.bits &= ~(CLOSED | CLOSE_EMITTED | DESTROYED | ERROR_EMITTED)
        w.errored = None
        w.final_called = False
        w.prefinished = False
        w.ended = w.writable is False
        w.ending = w.writable is False
        w.finished = w.writable is False


def error_or_destroy(stream: Any, err: BaseException | None, sync: bool = False) -> None:
    """Report ``err``: destroy an auto-destroying stream with it, else emit 'error'.

    ``sync`` defers the 'error' event to the next tick (the caller is inside a method the
    user called, and Node never emits 'error' from inside it in that case).
    """
    r = stream._readable_state
    w = stream._writable_state
    if (w is not None and w.bits & DESTROYED) or (r is not None and r.bits & DESTROYED):
        return
    if (r is not None and r.bits & AUTO_DESTROY) or (w is not None and w.bits & AUTO_DESTROY):
        stream.destroy(err)
    elif err is not None:
        if w is not None and not w.bits & ERRORED:
            w.errored = err
        if r is not None and not r.bits & ERRORED:
            r.errored = err
        if sync:
            next_tick(_emit_error_nt, stream, err)
        else:
            _emit_error_nt(stream, err)


def construct(stream: Any, on_constructed: Any) -> None:
    """Run ``stream._construct`` on the next tick; until it calls back, nothing is read/written.

    ``on_constructed`` runs once construction succeeded. A Duplex calls this once per side;
    only the first call schedules ``_construct``.
    """
    r = stream._readable_state
    w = stream._writable_state
    if r is not None:
        r.bits &= ~CONSTRUCTED
    if w is not None:
        w.bits &= ~CONSTRUCTED
    stream.once(CONSTRUCT_EVENT, on_constructed)
    if stream.listener_count(CONSTRUCT_EVENT) > 1:
        return  # the other side of a Duplex already scheduled it
    next_tick(_construct_nt, stream)


class _OnConstruct:
    __slots__ = ("stream", "called")

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.called = False

    def __call__(self, err: BaseException | None = None) -> None:
        stream = self.stream
        if self.called:
            error_or_destroy(stream, err if err is not None else ERR_MULTIPLE_CALLBACK())
            return
        self.called = True
        r = stream._readable_state
        w = stream._writable_state
        s = w if w is not None else r
        if r is not None:
            r.bits |= CONSTRUCTED
        if w is not None:
            w.bits |= CONSTRUCTED
        if s.bits & DESTROYED:
            stream.emit(DESTROY_EVENT, err)
        elif err is not None:
            error_or_destroy(stream, err, True)
        else:
            stream.emit(CONSTRUCT_EVENT)


def _construct_nt(stream: Any) -> None:
    on_construct = _OnConstruct(stream)

    def callback(err: BaseException | None = None) -> None:
        next_tick(on_construct, err)

    try:
        result = stream._construct(callback)
        if type(result) is COROUTINE_TYPE:
            run_returned(result, stream, "_construct")
    except Exception as exc:
        next_tick(on_construct, exc)


def _emit_close_legacy(stream: Any) -> None:
    stream.emit("close")


def _emit_error_close_legacy(stream: Any, err: BaseException) -> None:
    stream.emit("error", err)
    next_tick(_emit_close_legacy, stream)


def destroyer(stream: Any, err: BaseException | None) -> None:
    """Destroy ``stream`` as a consumer that stopped early does: with an AbortError if unfinished."""
    if stream is None or is_destroyed(stream):
        return
    if err is None and not is_finished(stream):
        err = AbortError()
    if callable(getattr(stream, "destroy", None)):
        stream.destroy(err)
    elif callable(getattr(stream, "close", None)):
        stream.close()
    elif err is not None:
        # A legacy stream with neither: it is told as its own events would tell it.
        next_tick(_emit_error_close_legacy, stream, err)
    else:
        next_tick(_emit_close_legacy, stream)
    if not getattr(stream, "destroyed", False):
        stream._is_destroyed = True
