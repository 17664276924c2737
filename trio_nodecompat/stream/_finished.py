"""``stream.finished``: the public face of end-of-stream (``eos``), with ``signal=``.

The core's :func:`~._end_of_stream.eos` decides when a stream is done; this adds Node's
validation and the ``signal`` option: when the signal aborts first, the listeners go and the
callback gets an ``AbortError`` whose ``cause`` is the signal's reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._internal.validators import validate_abort_signal, validate_function
from ..errors import AbortError
from ._end_of_stream import eos
from ._utils import is_closed, next_tick

__all__ = ["finished"]


def finished(
    stream: Any,
    callback: Callable[..., Any],
    *,
    readable: bool | None = None,
    writable: bool | None = None,
    error: bool = True,
    signal: Any = None,
) -> Callable[[], None]:
    """Call ``callback(err=None)`` once ``stream`` has ended, finished, failed or closed.

    Node's ``stream.finished(stream, options, callback)``. ``readable``/``writable`` say which
    sides to wait for (None, the default: the sides the stream has); ``error=False`` does not
    treat ``'error'`` as the end. A ``'close'`` before the end calls back with
    ``ERR_STREAM_PREMATURE_CLOSE``. The callback is called exactly once. Returns the function
    that removes every listener this added (call it once the callback has run, or to stop
    waiting).
    """
    validate_function(callback, "callback")
    if signal is not None:
        validate_abort_signal(signal, "options.signal")
    if signal is None or is_closed(stream):
        return eos(stream, callback, readable=readable, writable=writable, error=error)

    state: dict[str, Any] = {"callback": callback, "listener": None}

    def settle(*args: Any) -> None:
        listener = state["listener"]
        state["listener"] = None
        if listener is not None:
            signal.remove_event_listener("abort", listener)
        done = state["callback"]
        state["callback"] = None
        if done is not None:
            done(*args)

    cleanup = eos(stream, settle, readable=readable, writable=writable, error=error)

    def abort(*_args: Any) -> None:
        cleanup()
        settle(AbortError(cause=signal.reason))

    if signal.aborted:
        next_tick(abort)
    else:
        state["listener"] = abort
        signal.add_event_listener("abort", abort, once=True)

    def remove() -> None:
        cleanup()
        listener = state["listener"]
        state["listener"] = None
        if listener is not None:
            signal.remove_event_listener("abort", listener)

    return remove
