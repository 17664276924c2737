"""``stream.duplex_pair``: two Duplexes whose writes come out of each other (Node 22's
``duplexPair``), an in-memory socket pair.

A chunk written to one side is pushed to the other; its write callback waits until the other
side's consumer reads (``_read``), so backpressure crosses the pair. ``end()`` on one side
ends the other's readable side.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._duplex import Duplex
from ._utils import next_tick

__all__ = ["DuplexSide", "duplex_pair"]


class DuplexSide(Duplex):
    """One end of a :func:`duplex_pair`."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._other_side: DuplexSide | None = None
        self._pending_callback: Callable[..., Any] | None = None

    def _read(self, size: int) -> None:
        callback = self._pending_callback
        if callback is not None:
            self._pending_callback = None
            callback()

    def _write(self, chunk: Any, encoding: str | None, callback: Callable[..., Any]) -> None:
        other = self._other_side
        assert other is not None and other._pending_callback is None
        if not self._writable_state.object_mode and len(chunk) == 0:
            next_tick(callback)
        else:
            other.push(chunk)
            other._pending_callback = callback

    def _final(self, callback: Callable[..., Any]) -> None:
        other = self._other_side
        assert other is not None
        other.on("end", callback)
        other.push(None)


def duplex_pair(**options: Any) -> tuple[DuplexSide, DuplexSide]:
    """Two connected Duplexes (``options`` go to both): what one writes, the other reads."""
    side0 = DuplexSide(**options)
    side1 = DuplexSide(**options)
    side0._other_side = side1
    side1._other_side = side0
    return side0, side1
