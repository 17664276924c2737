"""``Transform`` and ``PassThrough`` (Node's ``internal/streams/transform``/``passthrough``).

A Transform is a Duplex whose ``_write`` hands each chunk to ``_transform``; what that pushes
(or passes to its callback) comes out of the readable side. Backpressure goes through both
sides: while the readable buffer is at its mark, the write callback is held back until the
consumer reads (``_read`` releases it), so the writable side buffers and ``write`` returns
False in turn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import ERR_METHOD_NOT_IMPLEMENTED
from ._async_methods import COROUTINE_TYPE, bind_implementation, run_returned
from ._duplex import Duplex
from ._state import high_water_mark_from
from ._utils import next_tick

__all__ = ["PassThrough", "Transform"]


class Transform(Duplex):
    """Node's ``stream.Transform``: ``_transform(chunk, encoding, callback)`` maps input to output.

    The callback is ``callback(err=None, data=None)``; ``data`` (if not None) is pushed.
    ``_flush(callback)`` runs when the writable side ends, before the readable side does.
    Pass them as ``transform=``/``flush=`` (bound like methods), or as ``async def`` methods
    whose non-None return value is pushed. Takes every :class:`Duplex` option.
    """

    def __init__(
        self,
        *,
        transform: Callable[..., Any] | None = None,
        flush: Callable[..., Any] | None = None,
        **options: Any,
    ) -> None:
        readable_hwm = options.get("high_water_mark")
        if readable_hwm is None:
            readable_hwm = options.get("readable_high_water_mark")
        if readable_hwm is not None:
            readable_hwm = high_water_mark_from(readable_hwm, "readable_high_water_mark", False)
        if readable_hwm == 0:
            # Buffer on one side only: a readable mark of 0 makes the writable side's 0 too.
            options = {
                **options,
                "high_water_mark": None,
                "readable_high_water_mark": 0,
                "writable_high_water_mark": options.get("writable_high_water_mark") or 0,
            }
        super().__init__(**options)
        # _read is ready before the first read, so the readable side needs no sync guard.
        self._readable_state.sync = False
        self._held_callback: Callable[..., Any] | None = None
        self._write_callback: Callable[..., Any] | None = None
        self._length_at_write = 0
        self._on_transformed = self._transformed
        bind_implementation(self, "_transform", transform)
        bind_implementation(self, "_flush", flush)
        # Some Transforms implement _final instead of _flush: run the flush on 'prefinish'
        # (which comes after any _final) rather than as _final.
        self.on("prefinish", self._prefinish)

    def _final(self, callback: Callable[..., Any] | None = None) -> None:
        """Flush (``_flush``), push the end of the readable side, then ``callback()``."""
        flush = getattr(self, "_flush", None)
        if callable(flush) and not self.destroyed:

            def flushed(er: BaseException | None = None, data: Any = None) -> None:
                if er is not None:
                    if callback is not None:
                        callback(er)
                    else:
                        self.destroy(er)
                    return
                if data is not None:
                    self.push(data)
                self.push(None)
                if callback is not None:
                    callback()

            result = flush(flushed)
            if type(result) is COROUTINE_TYPE:
                run_returned(result, self, "_flush")
        else:
            self.push(None)
            if callback is not None:
                callback()

    def _prefinish(self) -> None:
        if type(self)._final is not Transform._final or "_final" in vars(self):
            Transform._final(self)

    def _transform(self, chunk: Any, encoding: str | None, callback: Callable[..., Any]) -> None:
        """Turn ``chunk`` into output (:meth:`push`, or ``callback(None, data)``); override it."""
        raise ERR_METHOD_NOT_IMPLEMENTED("_transform()")

    def _write(self, chunk: Any, encoding: str | None, callback: Callable[..., Any]) -> None:
        self._write_callback = callback
        self._length_at_write = self._readable_state.length
        transform: Callable[..., object] = self._transform  # may return a coroutine
        result = transform(chunk, encoding, self._on_transformed)
        if type(result) is COROUTINE_TYPE:
            run_returned(result, self, "_transform")

    def _transformed(self, err: BaseException | None = None, val: Any = None, *_rest: Any) -> None:
        callback = self._write_callback
        assert callback is not None
        if err is not None:
            callback(err)
            return
        r = self._readable_state
        if val is not None:
            self.push(val)
        if r.ended:
            # push(None) was called: the callback waits a tick for the end to propagate.
            next_tick(callback)
        elif (
            self._writable_state.ended
            or self._length_at_write == r.length
            or r.length < r.high_water_mark
        ):
            callback()
        else:
            # The readable side is full: hold the write back until the consumer reads.
            self._held_callback = callback

    def _read(self, size: int) -> None:
        callback = self._held_callback
        if callback is not None:
            self._held_callback = None
            callback()


class PassThrough(Transform):
    """Node's ``stream.PassThrough``: a Transform whose output is its input."""

    def _transform(self, chunk: Any, encoding: str | None, callback: Callable[..., Any]) -> None:
        callback(None, chunk)
