"""The ``signal=`` option: destroy the stream with an AbortError when the signal aborts."""

from __future__ import annotations

from typing import Any

from ._end_of_stream import eos
from ._utils import AbortError

__all__ = ["add_abort_signal_no_validate"]


def add_abort_signal_no_validate(signal: Any, stream: Any) -> Any:
    """Destroy ``stream`` with ``AbortError(cause=signal.reason)`` when ``signal`` aborts.

    ``signal`` is an :class:`~trio_nodecompat.abort.AbortSignal` (any object with
    ``aborted``, ``reason`` and ``add_event_listener``/``remove_event_listener``). Already
    aborted: the stream is destroyed at once. The listener is removed when the stream ends.
    """

    def on_abort(*_args: Any) -> None:
        stream.destroy(AbortError(cause=getattr(signal, "reason", None)))

    if getattr(signal, "aborted", False):
        on_abort()
        return stream
    signal.add_event_listener("abort", on_abort, once=True)

    def remove(*_args: Any) -> None:
        signal.remove_event_listener("abort", on_abort)

    eos(stream, remove)
    return stream
