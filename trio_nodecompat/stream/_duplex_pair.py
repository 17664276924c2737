"""``stream.duplex_pair``: two Duplexes whose writes come out of each other (Node 22's
``duplexPair``), an in-memory socket pair.

A chunk written to one side is pushed to the other; its write callback waits until the other
side's consumer reads (``_read``), so backpressure crosses the pair. ``end()`` on one side
ends the other's readable side.

Destroying one side reaches the other, as in Node's later ``duplexPair`` (its ``_destroy``,
added after v20): a plain ``destroy()`` ends the other side's readable side (what it already
received can still be read, then ``'end'``), ``destroy(err)`` destroys the other side
without the error (so it closes without an unhandled ``'error'``); both a tick later, and
not at all if the other side is already destroyed. Beyond Node, nothing written toward a
destroyed side is lost silently: a chunk it had not read yet, and every later write, fails
its write with ``ERR_STREAM_DESTROYED``, as a write to a closed socket fails (Node leaves
such a write's callback uncalled, so the writer waits forever). This is what lets a Trio
program see ``trio.BrokenResourceError`` from ``as_stream().send_all`` once the other end
is closed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import ERR_STREAM_DESTROYED
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
        if other.destroyed:
            next_tick(callback, ERR_STREAM_DESTROYED("write"))
        elif not self._writable_state.object_mode and len(chunk) == 0:
            next_tick(callback)
        else:
            other.push(chunk)
            other._pending_callback = callback

    def _final(self, callback: Callable[..., Any]) -> None:
        other = self._other_side
        assert other is not None
        other.on("end", callback)
        other.push(None)

    def _destroy(self, err: BaseException | None, callback: Callable[..., Any]) -> None:
        # The other side's write whose chunk this side had not read: it is lost, say so.
        pending = self._pending_callback
        if pending is not None:
            self._pending_callback = None
            next_tick(pending, ERR_STREAM_DESTROYED("write"))
        other = self._other_side
        if other is not None and not other.destroyed:
            next_tick(_reach_other_side, other, err is not None)
        callback(err)


def _reach_other_side(other: DuplexSide, failed: bool) -> None:
    if other.destroyed:
        return
    if failed:
        other.destroy()
    else:
        other.push(None)


def duplex_pair(**options: Any) -> tuple[DuplexSide, DuplexSide]:
    """Two connected Duplexes (``options`` go to both): what one writes, the other reads."""
    side0 = DuplexSide(**options)
    side1 = DuplexSide(**options)
    side0._other_side = side1
    side1._other_side = side0
    return side0, side1
