"""``AsyncLocalStorage``: Node's async context stores, riding Python's contextvars.

Each instance owns one :class:`contextvars.ContextVar`; a *frame* is a
:class:`contextvars.Context`. ``run(store, fn)`` copies the caller's context, sets the variable
in the copy and calls ``fn`` there, so the caller's frame is never touched and nothing set
inside leaks out. Trio copies the current context into every task it starts and every thread
``trio.to_thread.run_sync`` starts, so stores follow the work the way Node's frames follow
promises and callbacks.

The hot paths are kept to what Python allows: ``get_store`` *is* the variable's ``get``
(bound per instance), and a sync ``run`` is ``copy_context()`` plus two ``Context.run`` calls.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from contextvars import Context, ContextVar, Token, copy_context
from typing import Any, Generic, NoReturn, TypeVar, overload

from ._frame import _COROUTINE_TYPE, FramedCoroutine, call_in_frame
from .errors import ERR_INVALID_ARG_TYPE, ERR_METHOD_NOT_IMPLEMENTED

__all__ = ["AsyncLocalStorage", "Snapshot"]

T = TypeVar("T")
R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., Any])

_RUN_HINT = (
    "Use AsyncLocalStorage.run(store, fn) instead: it scopes the store to fn, so it cannot "
    "leak into code that did not ask for it"
)


class Snapshot:
    """A captured frame, callable as Node's ``runInAsyncScope(fn, ...args)``.

    Returned by :meth:`AsyncLocalStorage.snapshot`. Each call runs ``fn`` in a fresh copy of
    the captured frame, so calls may nest and run concurrently without seeing each other's
    changes. An async ``fn`` gives an awaitable that runs the whole coroutine in that copy.
    """

    __slots__ = ("_context",)

    def __init__(self, context: Context) -> None:
        self._context = context

    def __call__(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        if not callable(fn):
            raise ERR_INVALID_ARG_TYPE("fn", "function", fn)
        return call_in_frame(self._context.copy(), fn, args, kwargs)

    @property
    def context(self) -> Context:
        """The captured frame itself (do not enter it directly: call the snapshot)."""
        return self._context

    def __repr__(self) -> str:
        return f"<AsyncLocalStorage.snapshot of {len(self._context)} context variables>"


def bind_to_context(fn: F, context: Context) -> F:
    """``fn`` wrapped to run, on each call, in a fresh copy of ``context``."""

    def bound(*args: Any, **kwargs: Any) -> Any:
        return call_in_frame(context.copy(), fn, args, kwargs)

    for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
        try:
            setattr(bound, attr, getattr(fn, attr))
        except AttributeError:
            pass
    bound.__wrapped__ = fn  # type: ignore[attr-defined]
    return bound  # type: ignore[return-value]


class AsyncLocalStorage(Generic[T]):
    """Node's ``AsyncLocalStorage``: a value that follows the async work started under it.

    ``als.run(store, fn, *args)`` calls ``fn`` in a new frame where ``als.get_store()`` is
    ``store``; everything ``fn`` starts from there (tasks, threads, timers, async listeners)
    sees ``store`` too, and nothing else does. Outside every ``run``, ``get_store()`` is
    ``default_value``.

    ``fn`` may be sync or async. For an async ``fn``, ``run`` returns an awaitable that runs
    the whole coroutine in the frame: ``await als.run(store, handler, request)``, or
    ``nursery.start_soon(als.run, store, handler)``.
    """

    __slots__ = {
        "_name": None,
        "_default_value": None,
        "_var": None,
        "_set": None,
        # The hot path: ``als.get_store()`` reads this slot, which holds the variable's own
        # bound ``get``, and calls it: no Python frame. The slot is the public method.
        "get_store": (
            "get_store() -> the store of the current frame: set by the innermost enclosing "
            "run(). Outside every run() it is default_value; inside exit() it is None."
        ),
        "__weakref__": None,
    }

    _name: str
    _default_value: T | None
    _var: ContextVar[T | None]
    _set: Callable[[T | None], Token[T | None]]
    get_store: Callable[[], T | None]

    def __init__(self, *, default_value: T | None = None, name: str = "") -> None:
        if not isinstance(name, str):
            raise ERR_INVALID_ARG_TYPE("options.name", "string", name)
        self._name = name
        self._default_value = default_value
        var: ContextVar[T | None] = ContextVar(
            f"AsyncLocalStorage({name!r})" if name else "AsyncLocalStorage",
            default=default_value,
        )
        self._var = var
        self._set = var.set
        self.get_store = var.get

    @property
    def name(self) -> str:
        """The name given at construction (Node's ``asyncLocalStorage.name``)."""
        return self._name

    @property
    def default_value(self) -> T | None:
        """What :meth:`get_store` returns outside every :meth:`run` of this instance."""
        return self._default_value

    @overload
    def run(
        self,
        store: T | None,
        callback: Callable[..., Coroutine[Any, Any, R]],
        /,
        *args: Any,
        **kwargs: Any,
    ) -> FramedCoroutine[R]: ...
    @overload
    def run(
        self, store: T | None, callback: Callable[..., R], /, *args: Any, **kwargs: Any
    ) -> R: ...
    def run(
        self, store: T | None, callback: Callable[..., Any], /, *args: Any, **kwargs: Any
    ) -> Any:
        """Call ``callback(*args, **kwargs)`` in a new frame holding ``store``; return its result.

        The new frame is a copy of the caller's with this instance's store replaced, so other
        instances' stores carry through. When ``callback`` returns (or raises), the caller is
        still in its own frame, untouched. If ``callback`` is async, the result is an awaitable
        running the whole coroutine in the new frame.
        """
        context = copy_context()
        context.run(self._set, store)
        try:
            # Spelled out by arity: ``context.run(callback, *args)`` builds a bound method
            # and an argument tuple, which costs more than the rest of ``run`` together.
            if kwargs:
                result = context.run(callback, *args, **kwargs)
            elif not args:
                result = context.run(callback)
            elif len(args) == 1:
                result = context.run(callback, args[0])
            elif len(args) == 2:
                result = context.run(callback, args[0], args[1])
            else:
                result = context.run(callback, *args)
        except TypeError:
            # Checked here rather than up front, to keep the hot path short: calling a
            # non-callable fails before anything runs, and the new frame is simply dropped.
            if not callable(callback):
                raise ERR_INVALID_ARG_TYPE("callback", "function", callback) from None
            raise
        if type(result) is _COROUTINE_TYPE:
            return FramedCoroutine(result, context)
        return result

    @overload
    def exit(
        self, callback: Callable[..., Coroutine[Any, Any, R]], /, *args: Any, **kwargs: Any
    ) -> FramedCoroutine[R]: ...
    @overload
    def exit(self, callback: Callable[..., R], /, *args: Any, **kwargs: Any) -> R: ...
    def exit(self, callback: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        """Call ``callback`` outside this instance's store: ``get_store()`` is ``None`` there.

        Like :meth:`run` with ``None``: other instances' stores are untouched.
        """
        return self.run(None, callback, *args, **kwargs)

    def enter_with(self, store: T | None) -> NoReturn:
        """Not provided: raises ``ERR_METHOD_NOT_IMPLEMENTED`` pointing to :meth:`run`.

        Node's ``enterWith`` changes the store for the rest of the current synchronous
        execution and everything it starts, with no scope to end it; workerd leaves it out for
        that reason, and so do we.
        """
        raise ERR_METHOD_NOT_IMPLEMENTED("AsyncLocalStorage.enter_with()", _RUN_HINT)

    def disable(self) -> NoReturn:
        """Not provided: raises ``ERR_METHOD_NOT_IMPLEMENTED`` pointing to :meth:`run`.

        A store is visible only inside the :meth:`run` that set it, so there is nothing to
        disable: leave the ``run`` (or use :meth:`exit`).
        """
        raise ERR_METHOD_NOT_IMPLEMENTED("AsyncLocalStorage.disable()", _RUN_HINT)

    @staticmethod
    def snapshot() -> Snapshot:
        """Capture the current frame; the result runs functions in it later.

        ``runner = AsyncLocalStorage.snapshot()`` then ``runner(fn, *args)`` calls ``fn`` in a
        fresh copy of the frame that was current at the snapshot, whatever is current at the
        call (Node's ``runInAsyncScope``).
        """
        return Snapshot(copy_context())

    @staticmethod
    def bind(fn: F) -> F:
        """``fn`` bound to the current frame: each call runs in a fresh copy of it."""
        if not callable(fn):
            raise ERR_INVALID_ARG_TYPE("fn", "function", fn)
        return bind_to_context(fn, copy_context())

    def __repr__(self) -> str:
        shown = f" name={self._name!r}" if self._name else ""
        return f"<AsyncLocalStorage{shown}>"
