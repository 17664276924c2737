"""``stream.compose``: several stages as one Duplex (Node's ``internal/streams/compose``).

The stages are joined with :func:`~._pipeline.pipeline_impl`; writing to the Duplex writes
to the first stage, reading from it reads the last. A function at either end becomes a
Duplex first (``Duplex.from_``). Every stage but the last must be readable, every stage but
the first writable (``ERR_INVALID_ARG_VALUE``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS, AbortError
from ._destroy import destroyer
from ._duplexify import duplexify, forward_reads
from ._end_of_stream import eos
from ._pipeline import pipeline_impl
from ._utils import is_node_stream, is_readable, is_writable

__all__ = ["compose"]

_UNSET: Any = object()


def compose(*streams: Any) -> Any:
    """Node's ``stream.compose(...streams)``: one Duplex over a pipeline of ``streams``."""
    from ._duplex import Duplex

    if not streams:
        raise ERR_MISSING_ARGS("streams")
    if len(streams) == 1:
        return duplexify(streams[0])
    original = list(streams)
    stages = list(streams)
    if callable(stages[0]) and not is_node_stream(stages[0]):
        stages[0] = duplexify(stages[0])
    if callable(stages[-1]) and not is_node_stream(stages[-1]):
        stages[-1] = duplexify(stages[-1])
    for n, stage in enumerate(stages):
        if not is_node_stream(stage):
            continue
        if n < len(stages) - 1 and not is_readable(stage):
            raise ERR_INVALID_ARG_VALUE(f"streams[{n}]", original[n], "must be readable")
        if n > 0 and not is_writable(stage):
            raise ERR_INVALID_ARG_VALUE(f"streams[{n}]", original[n], "must be writable")

    hooks: dict[str, Any] = {"ondrain": None, "onfinish": None, "onreadable": None}
    onclose: list[Any] = [_UNSET]
    sides = {"readable": False, "writable": False}
    d: Any = None

    def onfinished(err: BaseException | None = None, *_value: Any) -> None:
        cb = onclose[0]
        onclose[0] = None
        if cb is not None and cb is not _UNSET:
            cb(err)
        elif err is not None:
            d.destroy(err)
        elif not sides["readable"] and not sides["writable"]:
            d.destroy()

    def take(name: str) -> None:
        cb = hooks[name]
        hooks[name] = None
        if cb is not None:
            cb()

    head = stages[0]
    tail, _abort = pipeline_impl(stages, onfinished)
    sides["writable"] = bool(is_writable(head))
    sides["readable"] = bool(is_readable(tail))
    d = Duplex(
        writable_object_mode=bool(getattr(head, "writable_object_mode", False)),
        readable_object_mode=bool(getattr(tail, "readable_object_mode", False)),
        writable=sides["writable"],
        readable=sides["readable"],
    )
    if sides["writable"]:

        def _write(chunk: Any, encoding: Any, callback: Callable[..., Any]) -> None:
            if head.write(chunk, encoding):
                callback()
            else:
                hooks["ondrain"] = callback

        def _final(callback: Callable[..., Any]) -> None:
            head.end()
            hooks["onfinish"] = callback

        d._write = _write
        d._final = _final
        head.on("drain", lambda *_: take("ondrain"))
        eos(tail, lambda *_: take("onfinish"))
    if sides["readable"]:
        forward_reads(d, tail, hooks, take)

    def _destroy(err: BaseException | None, callback: Callable[..., Any]) -> None:
        if err is None and onclose[0] is not None:
            err = AbortError()
        hooks["onreadable"] = hooks["ondrain"] = hooks["onfinish"] = None
        if onclose[0] is None:
            callback(err)
        else:
            onclose[0] = callback
            if is_node_stream(tail):
                destroyer(tail, err)

    d._destroy = _destroy
    return d
