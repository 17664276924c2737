"""``Duplex``: both a Readable and a Writable (Node's ``internal/streams/duplex``).

Python has multiple inheritance, so ``Duplex(Readable, Writable)`` takes the Readable's
methods first and the Writable's for the rest, which is the precedence Node builds by hand;
``destroy`` is the Writable's (it also fails pending writes), and ``destroyed`` is true only
when both sides are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._event_emitter import EventEmitter
from ._async_methods import bind_implementation
from ._methods import DuplexMethods
from ._readable import Readable, ReadableState
from ._state import high_water_mark_from
from ._utils import DESTROYED
from ._writable import ENDED, ENDING, FINISHED, Writable, WritableState, construct_stream

__all__ = ["Duplex"]


class Duplex(DuplexMethods, Readable, Writable):
    """Node's ``stream.Duplex``: independent readable and writable sides in one object.

    Options apply to both sides unless given per side (``readable_object_mode``,
    ``writable_object_mode``, ``readable_high_water_mark``, ``writable_high_water_mark``;
    ``high_water_mark`` wins over both, as in Node). With ``allow_half_open=False`` the
    writable side ends when the readable side does. ``readable=False``/``writable=False``
    start with that side already ended.
    """

    def __init__(
        self,
        *,
        high_water_mark: int | None = None,
        readable_high_water_mark: int | None = None,
        writable_high_water_mark: int | None = None,
        object_mode: bool = False,
        readable_object_mode: bool = False,
        writable_object_mode: bool = False,
        encoding: str | None = None,
        default_encoding: str | None = None,
        decode_strings: bool = True,
        emit_close: bool = True,
        auto_destroy: bool = True,
        allow_half_open: bool = True,
        readable: bool = True,
        writable: bool = True,
        signal: Any = None,
        read: Callable[..., Any] | None = None,
        write: Callable[..., Any] | None = None,
        writev: Callable[..., Any] | None = None,
        final: Callable[..., Any] | None = None,
        destroy: Callable[..., Any] | None = None,
        construct: Callable[..., Any] | None = None,
        capture_rejections: bool | None = None,
    ) -> None:
        r_object = bool(object_mode or readable_object_mode)
        w_object = bool(object_mode or writable_object_mode)
        if high_water_mark is not None:
            r_hwm = w_hwm = high_water_mark_from(high_water_mark, "high_water_mark", False)
        else:
            r_hwm = high_water_mark_from(
                readable_high_water_mark, "readable_high_water_mark", r_object
            )
            w_hwm = high_water_mark_from(
                writable_high_water_mark, "writable_high_water_mark", w_object
            )
        self._readable_state = ReadableState(
            object_mode=r_object,
            high_water_mark=r_hwm,
            encoding=encoding,
            emit_close=emit_close is not False,
            auto_destroy=auto_destroy is not False,
            default_encoding=default_encoding,
        )
        self._writable_state = WritableState(
            self,
            object_mode=w_object,
            high_water_mark=w_hwm,
            decode_strings=decode_strings is not False,
            emit_close=emit_close is not False,
            auto_destroy=auto_destroy is not False,
            default_encoding=default_encoding,
        )
        #: False: the writable side ends as soon as the readable side has ended.
        self.allow_half_open = allow_half_open is not False
        if readable is False:
            r = self._readable_state
            r.readable = False
            r.ended = True
            r.end_emitted = True
        if writable is False:
            w = self._writable_state
            w.writable = False
            w.bits |= ENDING | ENDED | FINISHED
        bind_implementation(self, "_read", read)
        bind_implementation(self, "_write", write)
        bind_implementation(self, "_writev", writev)
        bind_implementation(self, "_destroy", destroy)
        bind_implementation(self, "_final", final)
        bind_implementation(self, "_construct", construct)
        EventEmitter.__init__(self, capture_rejections=capture_rejections)
        if signal is not None:
            from ._add_abort_signal import add_abort_signal_no_validate

            add_abort_signal_no_validate(signal, self)
        if getattr(self, "_construct", None) is not None:
            construct_stream(self)

    destroy = Writable.destroy

    @property
    def destroyed(self) -> bool:
        """Both sides are destroyed."""
        return bool(self._readable_state.bits & DESTROYED and self._writable_state.bits & DESTROYED)

    @destroyed.setter
    def destroyed(self, value: bool) -> None:
        self._readable_state.destroyed = value
        self._writable_state.destroyed = value
