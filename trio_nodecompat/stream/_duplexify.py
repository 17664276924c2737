"""``Duplex.from_``: anything stream-like as a Duplex (Node's ``internal/streams/duplexify``).

A Duplex is returned as it is; a Readable or Writable becomes the matching half of a new
Duplex that forwards to it (reads through ``read()``/``'readable'``, writes with their
``'drain'``); an iterable becomes a readable-only Duplex (``Readable.from_``); a function is
called with the chunks written to the Duplex as an async iterable (and ``signal=`` when it
takes one): if it returns an async iterable (an async generator function), that is the
readable side; if it returns an awaitable (an ``async def``), the Duplex is writable only
and finishes when the awaitable does. A dict ``{'readable': r, 'writable': w}`` joins two
streams. An awaitable is a readable-only Duplex of its value.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import trio

from .._abort_signal import AbortController
from ..errors import ERR_INVALID_ARG_TYPE, ERR_INVALID_RETURN_VALUE, AbortError
from ._destroy import destroyer
from ._end_of_stream import eos
from ._from import from_iterable
from ._pipeline import call_with_signal, is_async_iterable, is_iterable
from ._tasks import OwnedTask, spawn_owned
from ._utils import (
    is_node_stream,
    is_readable,
    is_readable_node_stream,
    is_writable,
    is_writable_node_stream,
    next_tick,
)

__all__ = ["duplexify", "join_halves"]

_BODY_TYPES = [
    "Blob",
    "ReadableStream",
    "WritableStream",
    "Stream",
    "Iterable",
    "AsyncIterable",
    "Function",
    "{ readable, writable } pair",
    "Promise",
]


_UNSET: Any = object()


def _duplex() -> Any:
    from ._duplex import Duplex

    return Duplex


def is_duplex_node_stream(obj: Any) -> bool:
    """Both halves of a Node stream (a Duplex or Transform)."""
    return (
        obj is not None
        and callable(getattr(obj, "pipe", None))
        and getattr(obj, "_readable_state", None) is not None
        and callable(getattr(obj, "on", None))
        and callable(getattr(obj, "write", None))
    )


def forward_reads(d: Any, source: Any, hooks: dict[str, Any], take: Callable[[str], Any]) -> None:
    """Make ``d``'s readable side read ``source`` (Node's duplexify/compose read pump).

    ``d._read`` pulls from ``source`` until it runs dry (then waits for its ``'readable'``,
    through ``hooks['onreadable']``) or ``d`` pushes back; ``source``'s ``'end'`` ends ``d``.
    """
    source.on("readable", lambda *_: take("onreadable"))
    source.on("end", lambda *_: d.push(None))

    def _read(_size: int = 0) -> None:
        while True:
            buf = source.read()
            if buf is None:
                hooks["onreadable"] = _read
                return
            if not d.push(buf):
                return

    d._read = _read


def duplexify(body: Any, name: str = "body") -> Any:
    """``Duplex.from_(body)``: see the module docstring."""
    if is_duplex_node_stream(body):
        return body
    if is_readable_node_stream(body):
        return join_halves(readable=body)
    if is_writable_node_stream(body):
        return join_halves(writable=body)
    if is_node_stream(body):
        return join_halves()
    if callable(body):
        return _from_function(body, name)
    # Before the iterables: a dict is iterable (over its keys) in Python, a JS object is not.
    if isinstance(body, dict) and ("readable" in body or "writable" in body):
        r = body.get("readable")
        w = body.get("writable")
        if r is not None and not is_readable_node_stream(r):
            r = duplexify(r)
        if w is not None and not is_writable_node_stream(w):
            w = duplexify(w)
        return join_halves(readable=r, writable=w)
    if is_iterable(body):
        return from_iterable(_duplex(), body, object_mode=True, writable=False)
    if inspect.isawaitable(body):
        return _from_awaitable(body)
    raise ERR_INVALID_ARG_TYPE(name, _BODY_TYPES, body)


def join_halves(*, readable: Any = None, writable: Any = None) -> Any:
    """One Duplex whose writable side writes to ``writable`` and readable side reads ``readable``.

    Node's ``_duplexify({ readable, writable })``: errors of either half destroy the Duplex,
    destroying the Duplex destroys both halves.
    """
    r = readable
    w = writable
    has_r = bool(is_readable(r))
    has_w = bool(is_writable(w))
    hooks: dict[str, Any] = {"ondrain": None, "onfinish": None, "onreadable": None}
    # Node's ``onclose``: unset until destroy, then destroy's callback, None once used.
    onclose: list[Any] = [_UNSET]
    d = _duplex()(
        readable_object_mode=bool(getattr(r, "readable_object_mode", False)),
        writable_object_mode=bool(getattr(w, "writable_object_mode", False)),
        readable=has_r,
        writable=has_w,
    )

    def onfinished(err: BaseException | None = None) -> None:
        cb = onclose[0]
        onclose[0] = None
        if cb is not None and cb is not _UNSET:
            cb(err)
        elif err is not None:
            d.destroy(err)

    def take(name: str) -> Any:
        cb = hooks[name]
        hooks[name] = None
        if cb is not None:
            cb()

    if has_w:

        def w_done(err: BaseException | None = None) -> None:
            if err is not None:
                destroyer(r, err)
            onfinished(err)

        eos(w, w_done)

        def _write(_self: Any, chunk: Any, encoding: Any, callback: Callable[..., Any]) -> None:
            if w.write(chunk, encoding):
                callback()
            else:
                hooks["ondrain"] = callback

        def _final(_self: Any, callback: Callable[..., Any]) -> None:
            w.end()
            hooks["onfinish"] = callback

        d._write = _write.__get__(d)
        d._final = _final.__get__(d)
        w.on("drain", lambda *_: take("ondrain"))
        w.on("finish", lambda *_: take("onfinish"))

    if has_r:

        def r_done(err: BaseException | None = None) -> None:
            if err is not None:
                destroyer(r, err)
            onfinished(err)

        eos(r, r_done)
        forward_reads(d, r, hooks, take)

    def _destroy(err: BaseException | None, callback: Callable[..., Any]) -> None:
        if err is None and onclose[0] is not None:
            err = AbortError()
        hooks["onreadable"] = hooks["ondrain"] = hooks["onfinish"] = None
        if onclose[0] is None:
            callback(err)
        else:
            onclose[0] = callback
            destroyer(w, err)
            destroyer(r, err)

    d._destroy = _destroy
    return d


class _WrittenChunks:
    """The async iterable a function stage of ``Duplex.from_`` reads: the chunks written."""

    __slots__ = ("item", "event", "signal")

    def __init__(self, signal: Any) -> None:
        self.item: tuple[Any, bool, Callable[..., Any]] | None = None
        self.event = trio.Event()
        self.signal = signal

    def deliver(self, chunk: Any, done: bool, callback: Callable[..., Any]) -> None:
        self.item = (chunk, done, callback)
        self.event.set()

    def __aiter__(self) -> _WrittenChunks:
        return self

    async def __anext__(self) -> Any:
        await self.event.wait()
        assert self.item is not None
        chunk, done, callback = self.item
        self.item = None
        self.event = trio.Event()
        next_tick(callback)
        if done:
            raise StopAsyncIteration
        if self.signal.aborted:
            raise AbortError(cause=self.signal.reason)
        return chunk


def _from_function(fn: Callable[..., Any], name: str) -> Any:
    controller = AbortController()
    source = _WrittenChunks(controller.signal)
    value = call_with_signal(fn, source, signal=controller.signal)
    task: list[OwnedTask | None] = [None]

    def write(_self: Any, chunk: Any, _encoding: Any, callback: Callable[..., Any]) -> None:
        source.deliver(chunk, False, callback)

    def destroy(_self: Any, err: BaseException | None, callback: Callable[..., Any]) -> None:
        controller.abort()
        if task[0] is not None:
            task[0].cancel()
        callback(err)

    if is_async_iterable(value):

        def final(_self: Any, callback: Callable[..., Any]) -> None:
            source.deliver(None, True, callback)

        return from_iterable(
            _duplex(), value, object_mode=True, write=write, final=final, destroy=destroy
        )
    if inspect.isawaitable(value):
        outcome: dict[str, Any] = {"done": trio.Event(), "error": None}
        d: Any = None

        async def settle() -> None:
            try:
                result = await value
                if result is not None:
                    raise ERR_INVALID_RETURN_VALUE("nully", "body", result)
            except Exception as err:
                outcome["error"] = err
                destroyer(d, err)
            finally:
                outcome["done"].set()

        def final_awaitable(_self: Any, callback: Callable[..., Any]) -> None:
            async def after() -> None:
                await outcome["done"].wait()
                next_tick(callback, outcome["error"])

            def released() -> None:
                spawn_owned("Duplex.from_() final", after)

            source.deliver(None, True, released)

        d = _duplex()(
            object_mode=True, readable=False, write=write, final=final_awaitable, destroy=destroy
        )
        task[0] = spawn_owned("Duplex.from_() running its function", settle)
        return d
    raise ERR_INVALID_RETURN_VALUE("Iterable, AsyncIterable or AsyncFunction", name, value)


def _from_awaitable(body: Any) -> Any:
    d = _duplex()(object_mode=True, writable=False, read=lambda *_: None)

    async def settle() -> None:
        try:
            value = await body
        except Exception as err:
            destroyer(d, err)
            return
        if value is not None:
            d.push(value)
        d.push(None)

    spawn_owned("Duplex.from_() awaiting its value", settle)
    return d
