"""The public stream probes and ``add_abort_signal`` (Node's ``stream.isReadable`` & co)."""

from __future__ import annotations

from typing import Any

from .._internal.validators import validate_abort_signal
from ..errors import ERR_INVALID_ARG_TYPE
from ._add_abort_signal import add_abort_signal_no_validate
from ._utils import is_node_stream
from ._utils import is_readable as _is_readable

__all__ = ["add_abort_signal", "is_disturbed", "is_errored", "is_readable"]


def add_abort_signal(signal: Any, stream: Any) -> Any:
    """Destroy ``stream`` with an ``AbortError`` when ``signal`` aborts; returns ``stream``.

    Node's ``stream.addAbortSignal(signal, stream)``: ``signal`` must be an AbortSignal and
    ``stream`` a stream (``ERR_INVALID_ARG_TYPE`` otherwise). An already aborted signal
    destroys the stream at once.
    """
    validate_abort_signal(signal, "signal")
    if not is_node_stream(stream):
        raise ERR_INVALID_ARG_TYPE("stream", ["ReadableStream", "WritableStream", "Stream"], stream)
    return add_abort_signal_no_validate(signal, stream)


def is_readable(stream: Any) -> bool | None:
    """Still readable: a readable stream, not destroyed, not ended (None if not a stream)."""
    return _is_readable(stream)


def is_errored(stream: Any) -> bool:
    """The stream failed (it has an error, or emitted 'error')."""
    if stream is None:
        return False
    for name in ("readable_errored", "writable_errored"):
        value = getattr(stream, name, None)
        if value is not None:
            return bool(value)
    for state in (
        getattr(stream, "_readable_state", None),
        getattr(stream, "_writable_state", None),
    ):
        if state is not None and (state.error_emitted or state.errored is not None):
            return True
    return False


def is_disturbed(stream: Any) -> bool:
    """Something read from the stream, or it was aborted (destroyed before its end)."""
    if stream is None:
        return False
    return bool(
        getattr(stream, "readable_did_read", False) or getattr(stream, "readable_aborted", False)
    )
