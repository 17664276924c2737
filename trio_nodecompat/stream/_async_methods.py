"""The async-method form: ``async def _write(self, chunk, encoding)`` instead of a callback.

Node's implementation methods report completion through a callback. Here any of them may
instead be an ``async def`` without the callback parameter. It runs on the loop, as a task
spawned in the frame of the call (so AsyncLocalStorage stores current at the call are current
in it), and when it settles, the callback is called from the loop's microtask queue, as
Node calls a promise's continuation: its return plays ``callback(None)`` (for ``_transform``
and ``_flush`` a value other than ``None`` is pushed, ``callback(None, value)``; for
``_destroy``, ``callback(err)`` with the error the stream is destroyed with), and its
exception ``callback(exc)``. ``_read`` has no callback: it pushes, and its exception destroys
the stream; ``destroy()`` before the end (``push(None)``) cancels it. The other methods run
to their end after ``destroy()``, since their outcome still reaches callbacks Node calls (a
write's callback gets its result), unless whoever destroyed the stream is being cancelled
itself: a cancelled ``stream.promises.pipeline`` cancels its stages' running ``_write``,
``_writev``, ``_transform``, ``_final`` and ``_flush`` (:func:`cancel_running_methods`), whose
outcome is then dropped, so no task outlives the pipeline. (``_construct`` and ``_destroy``
are never cancelled: ``'close'`` waits for them.)

The check is made once: when a class is defined (:func:`adapt_class`) or when a function is
given to a constructor (:func:`bind_implementation`), never per call. A method assigned to an
instance afterwards is called as it is; a coroutine it returns is started on the loop as Node
treats a promise an implementation method returns (:func:`run_returned`), not dropped.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Callable
from typing import Any

import trio

from .._internal.current_loop import require_host
from ._utils import DESTROYED

__all__ = [
    "IMPLEMENTATION_METHODS",
    "adapt",
    "adapt_class",
    "COROUTINE_TYPE",
    "bind_implementation",
    "cancel_running_methods",
    "run_returned",
]

#: What an ``async def`` returns: the call sites test ``type(result) is COROUTINE_TYPE``.
COROUTINE_TYPE = types.CoroutineType

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


#: The attribute holding the cancel scopes of a stream's running work methods.
_RUNNING = "_running_method_scopes"


def cancel_running_methods(stream: Any) -> None:
    """Cancel the async ``_write``/``_writev``/``_transform``/``_final``/``_flush`` of
    ``stream`` running now; their outcome (the callback) is dropped. For a destroyed stream
    whose destroyer is being cancelled, so that its work does not outlive it."""
    for scope in list(getattr(stream, _RUNNING, ())):
        scope.cancel()


async def _settle_cancellable(fn: Any, args: tuple[Any, ...], callback: Any, how: str) -> None:
    """:func:`_settle` under a cancel scope that :func:`cancel_running_methods` can reach."""
    stream = args[0]
    scopes: set[trio.CancelScope] | None = getattr(stream, _RUNNING, None)
    if scopes is None:
        scopes = set()
        setattr(stream, _RUNNING, scopes)
    with trio.CancelScope() as scope:
        scopes.add(scope)
        try:
            await _settle(fn, args, callback, how)
        finally:
            scopes.discard(scope)


async def _settle_read(fn: Any, stream: Any, size: int) -> None:
    host = require_host("an async _read")
    # destroy() before the end cancels it: its pushes and its error are ignored once
    # destroyed, and a _read still waiting for its source would keep the loop open for ever.
    # Once the stream has ended (push(None)), a _read still running is tidying up: it runs on.
    state = stream._readable_state
    with trio.CancelScope() as scope:
        if state.bits & DESTROYED and not state.ended:
            scope.cancel()
        scopes = state.read_scopes
        if scopes is None:
            scopes = state.read_scopes = set()
        scopes.add(scope)
        try:
            await fn(stream, size)
        except Exception as exc:
            from ._destroy import error_or_destroy

            host.call_soon(error_or_destroy, stream, exc)
        finally:
            scopes.discard(scope)


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
                _settle_cancellable, fn, (self, chunk, encoding), callback, how
            )

        method = _write
    elif name == "_destroy":

        def _destroy(self: Any, err: BaseException | None, callback: Any) -> None:
            require_host("an async _destroy").spawn(_settle, fn, (self, err), callback, "error")

        method = _destroy
    elif name == "_writev":

        def _writev(self: Any, chunks: Any, callback: Any) -> None:
            require_host("an async _writev").spawn(
                _settle_cancellable, fn, (self, chunks), callback, "none"
            )

        method = _writev
    else:  # _final, _construct, _flush: (callback) only
        how = "value" if name == "_flush" else "none"

        # _construct is never cancelled: destroy() waits for it before _destroy.
        settle = _settle if name == "_construct" else _settle_cancellable

        def _one(self: Any, callback: Any) -> None:
            require_host(f"an async {name}").spawn(settle, fn, (self,), callback, how)

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


def run_returned(result: types.CoroutineType[Any, Any, Any], stream: Any, name: str) -> None:
    """Start the coroutine an implementation method returned, as the loop starts any callback's.

    A class body's or a constructor's ``async def`` is adapted (above). One assigned to the
    instance later (``stream._read = fetch``, as JavaScript code does) is called as it is, and
    Node ignores the promise it returns except for its rejection: here its coroutine runs on
    the loop, in the caller's context, and its failure is the loop's
    ``'unhandledRejection'``. The call sites check ``type(result) is CoroutineType`` first, so
    a plain method pays one comparison.
    """
    require_host(f"{type(stream).__name__}.{name}() returning a coroutine").spawn(result)
