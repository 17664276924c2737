"""``Stream``: the base of every stream class (Node's ``internal/streams/legacy``).

It is an :class:`~trio_nodecompat.events.EventEmitter` with the old-style ``pipe`` (for
streams that are not Readables), and the hook that turns ``async def`` implementation methods
into callback-style ones once per class (:mod:`._async_methods`).
"""

from __future__ import annotations

from typing import Any

from .._event_emitter import EventEmitter
from ._async_methods import adapt_class
from ._utils import listener_count, prepend_listener

__all__ = ["Stream"]


class Stream(EventEmitter):
    """Node's legacy ``Stream``: an EventEmitter with a minimal ``pipe``.

    Use :class:`Readable`, :class:`Writable`, :class:`Duplex` or :class:`Transform`; this
    class exists so that ``isinstance(x, Stream)`` holds for all of them, as in Node.
    """

    _readable_state: Any = None
    _writable_state: Any = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        adapt_class(cls)

    def pipe(self, dest: Any, *, end: bool = True) -> Any:
        """Old-style pipe: forward 'data' to ``dest.write``, pausing on ``False``; returns dest."""
        source = self
        did_end = False

        def ondata(chunk: Any) -> None:
            if dest.writable and dest.write(chunk) is False and hasattr(source, "pause"):
                source.pause()

        def ondrain() -> None:
            if getattr(source, "readable", False) and hasattr(source, "resume"):
                source.resume()

        def onend() -> None:
            nonlocal did_end
            if not did_end:
                did_end = True
                dest.end()

        def onclose() -> None:
            nonlocal did_end
            if not did_end:
                did_end = True
                if callable(getattr(dest, "destroy", None)):
                    dest.destroy()

        def on_error_of(emitter: Any) -> Any:
            def onerror(er: BaseException) -> None:
                cleanup()
                if listener_count(emitter, "error") == 0:
                    emitter.emit("error", er)

            return onerror

        source_onerror = on_error_of(source)
        dest_onerror = on_error_of(dest)

        def cleanup() -> None:
            source.remove_listener("data", ondata)
            dest.remove_listener("drain", ondrain)
            source.remove_listener("end", onend)
            source.remove_listener("close", onclose)
            source.remove_listener("error", source_onerror)
            dest.remove_listener("error", dest_onerror)
            source.remove_listener("end", cleanup)
            source.remove_listener("close", cleanup)
            dest.remove_listener("close", cleanup)

        source.on("data", ondata)
        dest.on("drain", ondrain)
        if end:
            source.on("end", onend)
            source.on("close", onclose)
        prepend_listener(source, "error", source_onerror)
        prepend_listener(dest, "error", dest_onerror)
        source.on("end", cleanup)
        source.on("close", cleanup)
        dest.on("close", cleanup)
        dest.emit("pipe", source)
        return dest
