"""Running a callable in a frame: one mechanism for AsyncLocalStorage, AsyncResource and the loop.

A *frame* (Node's AsyncContextFrame) is a :class:`contextvars.Context`. Calling a sync callable
in a frame is ``context.run(fn, ...)``. An async callable is harder: calling it only creates a
coroutine, and the coroutine's body runs later, one step per ``send``, in whatever context is
current at each step. :class:`FramedCoroutine` wraps such a coroutine and enters the frame
around *every* step (``send``, ``throw``, ``close``), so the whole body, across every
checkpoint, cancellation and exception, sees the frame, and the code awaiting it never does.

It is a real :class:`collections.abc.Coroutine`, so both ``await als.run(store, fn)`` and
``nursery.start_soon(als.run, store, fn)`` accept it (Trio insists on a coroutine object).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Generator
from contextvars import Context
from types import CoroutineType
from typing import Any, TypeVar

__all__ = ["FramedCoroutine", "call_in_frame"]

T = TypeVar("T")

#: The type of a native coroutine object; checked with ``is`` on hot paths.
_COROUTINE_TYPE: type[Any] = CoroutineType


class FramedCoroutine(Coroutine[Any, Any, T]):
    """A coroutine whose every step runs inside ``context``.

    Awaiting it (or letting Trio run it as a task) drives the wrapped coroutine; each step is
    ``context.run(coro.send, value)``, so context variables the body reads or sets live in
    ``context`` alone. A context can be entered by one step at a time, which holds because the
    wrapper owns its context (each caller makes a fresh copy).
    """

    __slots__ = ("_coro", "_context")

    def __init__(self, coro: Coroutine[Any, Any, T], context: Context) -> None:
        self._coro = coro
        self._context = context

    def send(self, value: Any) -> Any:
        """Resume the coroutine with ``value``, inside the frame."""
        return self._context.run(self._coro.send, value)

    def throw(self, typ: Any, val: Any = None, tb: Any = None) -> Any:
        """Raise an exception inside the coroutine, inside the frame."""
        if val is None and tb is None:
            return self._context.run(self._coro.throw, typ)
        return self._context.run(self._coro.throw, typ, val, tb)  # pragma: no cover - legacy form

    def close(self) -> None:
        """Close the coroutine (its ``finally`` blocks run inside the frame)."""
        self._context.run(self._coro.close)

    def __await__(self) -> Generator[Any, None, T]:
        return self

    def __iter__(self) -> FramedCoroutine[T]:
        return self

    def __next__(self) -> Any:
        return self._context.run(self._coro.send, None)

    # The native coroutine's introspection attributes, delegated, so that Trio (which wraps
    # any coroutine without ``cr_frame`` in one more coroutine) and debuggers walking
    # ``cr_await`` chains see through the wrapper.

    @property
    def cr_frame(self) -> Any:
        """The wrapped coroutine's frame (``None`` once it has finished)."""
        return getattr(self._coro, "cr_frame", None)

    @property
    def cr_await(self) -> Any:
        """What the wrapped coroutine is awaiting now."""
        return getattr(self._coro, "cr_await", None)

    @property
    def cr_running(self) -> bool:
        """Whether the wrapped coroutine is running a step."""
        return bool(getattr(self._coro, "cr_running", False))

    @property
    def cr_code(self) -> Any:
        """The wrapped coroutine's code object."""
        return getattr(self._coro, "cr_code", None)

    @property
    def context(self) -> Context:
        """The frame the coroutine runs in."""
        return self._context

    def __repr__(self) -> str:
        return f"<FramedCoroutine {self._coro!r}>"


def call_in_frame(
    context: Context, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> Any:
    """``fn(*args, **kwargs)`` inside ``context``; a coroutine result keeps running inside it.

    ``context`` must be fresh (a copy nobody else enters), since a coroutine result keeps it.
    """
    # By arity: a star-call of ``context.run`` costs more than the rest of this function.
    if kwargs:
        result = context.run(fn, *args, **kwargs)
    elif not args:
        result = context.run(fn)
    elif len(args) == 1:
        result = context.run(fn, args[0])
    else:
        result = context.run(fn, *args)
    if type(result) is _COROUTINE_TYPE:
        return FramedCoroutine(result, context)
    return result
