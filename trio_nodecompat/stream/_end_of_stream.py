"""End of stream: Node's ``internal/streams/end-of-stream`` (``eos``).

``eos(stream, callback)`` calls ``callback(err)`` exactly once, when the stream is done: ended
(readable side) and finished (writable side), failed (``'error'``), or closed — a close before
the end is ``ERR_STREAM_PREMATURE_CLOSE``. It returns the function that removes its
listeners. The public ``stream.finished`` is built on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._internal.validators import validate_function
from ..errors import ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE
from ._utils import (
    ERROR_EMITTED,
    is_closed,
    is_node_stream,
    is_readable,
    is_readable_errored,
    is_readable_finished,
    is_readable_node_stream,
    is_writable,
    is_writable_errored,
    is_writable_finished,
    is_writable_node_stream,
    next_tick,
    will_emit_close,
)

__all__ = ["eos"]


def eos(
    stream: Any,
    callback: Callable[..., Any],
    *,
    readable: bool | None = None,
    writable: bool | None = None,
    error: bool = True,
) -> Callable[[], None]:
    """Call ``callback(err=None)`` once ``stream`` is done; returns the cleanup function."""
    validate_function(callback, "callback")
    if not is_node_stream(stream):
        raise ERR_INVALID_ARG_TYPE("stream", ["ReadableStream", "WritableStream", "Stream"], stream)
    done = False
    user_callback = callback

    def call(*args: Any) -> None:
        nonlocal done
        if not done:
            done = True
            user_callback(*args)

    want_readable = is_readable_node_stream(stream) if readable is None else readable
    want_writable = is_writable_node_stream(stream) if writable is None else writable
    w = stream._writable_state
    r = stream._readable_state

    emits_close = bool(
        will_emit_close(stream)
        and is_readable_node_stream(stream) == want_readable
        and is_writable_node_stream(stream) == want_writable
    )
    writable_finished = bool(is_writable_finished(stream, False))
    readable_finished = bool(is_readable_finished(stream, False))

    def onfinish() -> None:
        nonlocal writable_finished, emits_close
        writable_finished = True
        # Destroyed here means user code drives the stream differently: do not wait for close.
        # (A legacy stream may have no ``destroyed`` at all.)
        if getattr(stream, "destroyed", False):
            emits_close = False
        if emits_close and (not getattr(stream, "readable", False) or want_readable):
            return
        if not want_readable or readable_finished:
            call()

    def onend() -> None:
        nonlocal readable_finished, emits_close
        readable_finished = True
        if getattr(stream, "destroyed", False):
            emits_close = False
        if emits_close and (not getattr(stream, "writable", False) or want_writable):
            return
        if not want_writable or writable_finished:
            call()

    def onerror(err: BaseException) -> None:
        call(err)

    def onclose() -> None:
        errored = is_writable_errored(stream) or is_readable_errored(stream)
        if errored is not None:
            call(errored)
            return
        if want_readable and not readable_finished and is_readable_node_stream(stream, True):
            if not is_readable_finished(stream, False):
                call(ERR_STREAM_PREMATURE_CLOSE())
                return
        if want_writable and not writable_finished:
            if not is_writable_finished(stream, False):
                call(ERR_STREAM_PREMATURE_CLOSE())
                return
        call()

    def onclosed() -> None:
        errored = is_writable_errored(stream) or is_readable_errored(stream)
        if errored is not None:
            call(errored)
            return
        call()

    def onlegacyfinish(*_args: Any) -> None:
        if not getattr(stream, "writable", False):
            onfinish()

    # A legacy writable (no writable state) never emits 'finish': its 'end' or 'close' counts
    # once it says it is no longer writable.
    legacy = bool(want_writable and w is None)
    if legacy:
        stream.on("end", onlegacyfinish)
        stream.on("close", onlegacyfinish)
    stream.on("end", onend)
    stream.on("finish", onfinish)
    if error is not False:
        stream.on("error", onerror)
    stream.on("close", onclose)

    if is_closed(stream):
        next_tick(onclose)
    elif (w is not None and w.bits & ERROR_EMITTED) or (r is not None and r.bits & ERROR_EMITTED):
        if not emits_close:
            next_tick(onclosed)
    elif (
        not want_readable
        and (not emits_close or is_readable(stream))
        and (writable_finished or is_writable(stream) is False)
        and (w is None or w.pendingcb == 0)
    ):
        next_tick(onclosed)
    elif (
        not want_writable
        and (not emits_close or is_writable(stream))
        and (readable_finished or is_readable(stream) is False)
    ):
        next_tick(onclosed)

    def cleanup() -> None:
        nonlocal done
        done = True
        if legacy:
            stream.remove_listener("end", onlegacyfinish)
            stream.remove_listener("close", onlegacyfinish)
        stream.remove_listener("finish", onfinish)
        stream.remove_listener("end", onend)
        stream.remove_listener("error", onerror)
        stream.remove_listener("close", onclose)

    return cleanup
