"""The async-method form: ``async def _write(self, chunk, encoding)`` instead of a callback.

Node's implementation methods report completion through a callback. Here any of them may
instead be an ``async def`` without the callback parameter. It runs on the loop, as a task
spawned in the frame of the call (so AsyncLocalStorage stores current at the call are current
in it), and when it settles, the callback is called from the loop's microtask queue, as
Node calls a promise's continuation: its return plays ``callback(None)`` (for ``_transform``
and ``_flush`` a value other than ``None`` is pushed, ``callback(None, value)``; for
``_destroy``, ``callback(err)`` with the error the stream is destroyed with), and its
exception ``callback(exc)``. ``_read`` has no callback: it pushes, and its exception destroys
the stream.

The check is made once: when a class is defined (:func:`adapt_class`) or when a function is
given to a constructor (:func:`bind_implementation`), never per call.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Callable
from typing import Any

from .._internal.current_loop import require_host

__all__ = ["IMPLEMENTATION_METHODS", "adapt", "adapt_class", "bind_implementation"]

#: The methods a subclass implements, with the number of arguments before the callback.
IMPLEMENTATION_METHODS = (
    "_read",
    "_write",
    "_writev",
    "_final",
    "_destroy",
    "_construct",
    "_transform",
    "_flush",
)


async def _settle(fn: Any, args: tuple[Any, ...], callback: Any, how: str) -> None:
    host = require_host("an async stream method")
    try:
        value = await fn(*args)
    except Exception as exc:
        host.call_soon(callback, exc)
        return
    if how == "value":
        if value is None:
            host.call_soon(callback, None)
        else:
            host.call_soon(callback, None, value)
    elif how == "error":
        host.call_soon(callback, args[1])
    else:
        host.call_soon(callback, None)


async def _settle_read(fn: Any, stream: Any, size: int) -> None:
    host = require_host("an async _read")
    try:
        await fn(stream, size)
    except Exception as exc:
        from ._destroy import error_or_destroy

        host.call_soon(error_or_destroy, stream, exc)


def adapt(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """The callback-style method that runs the coroutine function ``fn`` on the loop."""
    if name == "_read":

        def _read(self: Any, size: int) -> None:
            require_host("an async _read").spawn(_settle_read, fn, self, size)

        method: Callable[..., Any] = _read
    elif name in ("_write", "_transform"):
        how = "value" if name == "_transform" else "none"

        def _write(self: Any, chunk: Any, encoding: str, callback: Any) -> None:
            require_host(f"an async {name}").spawn(
                _settle, fn, (self, chunk, encoding), callback, how
            )

        method = _write
    elif name == "_destroy":

        def _destroy(self: Any, err: BaseException | None, callback: Any) -> None:
            require_host("an async _destroy").spawn(_settle, fn, (self, err), callback, "error")

        method = _destroy
    elif name == "_writev":

        def _writev(self: Any, chunks: Any, callback: Any) -> None:
            require_host("an async _writev").spawn(_settle, fn, (self, chunks), callback, "none")

        method = _writev
    else:  # _final, _construct, _flush: (callback) only
        how = "value" if name == "_flush" else "none"

        def _one(self: Any, callback: Any) -> None:
            require_host(f"an async {name}").spawn(_settle, fn, (self,), callback, how)

        method = _one
    method.__name__ = name
    method.__qualname__ = getattr(fn, "__qualname__", name)
    method.__doc__ = fn.__doc__
    method.__wrapped__ = fn  # type: ignore[attr-defined]
    return method


def adapt_class(cls: type) -> None:
    """Replace each ``async def`` implementation method ``cls`` itself defines by its adapter."""
    namespace = vars(cls)
    for name in IMPLEMENTATION_METHODS:
        fn = namespace.get(name)
        if fn is not None and inspect.iscoroutinefunction(fn):
            setattr(cls, name, adapt(name, fn))


def bind_implementation(stream: Any, name: str, fn: object) -> None:
    """Install a constructor's ``read=``/``write=``/... function as the stream's ``name`` method.

    The function is bound like a method: it receives the stream first, as Node's option
    functions receive it as ``this``. An ``async def`` gets the adapter.
    """
    if not callable(fn):
        return
    if inspect.iscoroutinefunction(fn):
        fn = adapt(name, fn)
    setattr(stream, name, types.MethodType(fn, stream))
