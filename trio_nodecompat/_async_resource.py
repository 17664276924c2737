"""``AsyncResource``: a frame captured when an object is made, to run its callbacks in later.

Node's ``AsyncResource`` exists for the async_hooks machinery (``init``/``before``/``after``/
``destroy`` hooks) and for carrying the async context into callbacks that some library calls
from elsewhere (a connection pool, a queue). Only the second job exists here, as in workerd:
the resource snapshots the frame at construction, and :meth:`AsyncResource.run_in_async_scope`
and :meth:`AsyncResource.bind` run code in a fresh copy of it.

``async_id()`` and ``trigger_async_id()`` keep Node's shape: ids are unique positive integers
(``1`` is the root, as Node's top-level ``executionAsyncId()``), and the trigger of a resource
is the resource whose scope was current when it was made (``1`` outside any scope).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from contextvars import ContextVar, copy_context
from typing import Any, Generic, TypeVar, overload

from ._async_local_storage import bind_to_context
from ._frame import call_in_frame
from .errors import ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE

__all__ = ["AsyncResource"]

F = TypeVar("F", bound=Callable[..., Any])
Owner = TypeVar("Owner")

#: The async id of the resource whose scope is running (Node's ``executionAsyncId()``);
#: ``1`` is the root.
_execution_async_id: ContextVar[int] = ContextVar("trio_nodecompat.execution_async_id", default=1)
_ids = itertools.count(2)


class _StaticOrBound(Generic[Owner]):
    """A method that is Node's static ``AsyncResource.bind`` on the class and the instance
    ``asyncResource.bind`` on an instance (JS has two namespaces; Python has one)."""

    def __init__(self, static: Callable[..., Any], method: Callable[..., Any]) -> None:
        self._static = static
        self._method = method
        self.__doc__ = method.__doc__

    @overload
    def __get__(self, obj: None, owner: type[Owner]) -> Callable[..., Any]: ...
    @overload
    def __get__(self, obj: Owner, owner: type[Owner] | None = None) -> Callable[..., Any]: ...
    def __get__(self, obj: Owner | None, owner: type[Owner] | None = None) -> Callable[..., Any]:
        if obj is None:
            return self._static
        bound: Callable[..., Any] = self._method.__get__(obj, owner)
        return bound


class AsyncResource:
    """Run callbacks later in the frame that was current when the resource was made.

    Subclass it (calling ``super().__init__(type)``) for an object whose callbacks run from
    elsewhere, or use :meth:`bind` on a single function. ``type`` names the kind of resource;
    Node uses it for async_hooks, which do not exist here, so it is only kept (``.type``).
    ``trigger_async_id`` is refused: there are no hooks to tell, and the trigger is taken
    from the frame.
    """

    def __init__(self, type: str = "", *, trigger_async_id: int | None = None) -> None:
        if not isinstance(type, str):
            raise ERR_INVALID_ARG_TYPE("type", "string", type)
        if trigger_async_id is not None:
            raise ERR_INVALID_ARG_VALUE(
                "options.trigger_async_id",
                trigger_async_id,
                "is not supported: the trigger is the resource whose scope is current",
            )
        self._type = type
        self._context = copy_context()
        self._async_id = next(_ids)
        self._trigger_async_id = _execution_async_id.get()
        self._destroyed = False

    @property
    def type(self) -> str:
        """The ``type`` given at construction."""
        return self._type

    def run_in_async_scope(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        """Call ``fn(*args, **kwargs)`` in a fresh copy of the resource's frame.

        An async ``fn`` gives an awaitable that runs the whole coroutine in that copy. Node's
        ``thisArg`` has no Python counterpart: pass a bound method.
        """
        if not callable(fn):
            raise ERR_INVALID_ARG_TYPE("fn", "function", fn)
        context = self._context.copy()
        context.run(_execution_async_id.set, self._async_id)
        return call_in_frame(context, fn, args, kwargs)

    def _bind(self, fn: F) -> F:
        """``fn`` bound to this resource: each call runs through :meth:`run_in_async_scope`.

        The result keeps ``fn``'s name and docstring and has ``.async_resource`` (this
        resource), as in Node.
        """
        if not callable(fn):
            raise ERR_INVALID_ARG_TYPE("fn", "function", fn)
        context = self._context.copy()
        context.run(_execution_async_id.set, self._async_id)
        bound = bind_to_context(fn, context)
        bound.async_resource = self  # type: ignore[attr-defined]
        return bound

    @staticmethod
    def _bind_static(fn: F, type: str | None = None) -> F:
        """``fn`` bound to a new resource made now (Node's static ``AsyncResource.bind``).

        ``type`` defaults to ``fn``'s name, else ``'bound-anonymous-fn'``, as in Node.
        """
        if not callable(fn):
            raise ERR_INVALID_ARG_TYPE("fn", "function", fn)
        if type is None:
            name = getattr(fn, "__name__", "")
            type = name if isinstance(name, str) and name and name != "<lambda>" else None
        return AsyncResource(type or "bound-anonymous-fn")._bind(fn)

    #: On an instance, ``resource.bind(fn)``; on the class, ``AsyncResource.bind(fn, type)``.
    bind = _StaticOrBound["AsyncResource"](_bind_static, _bind)

    def emit_destroy(self) -> AsyncResource:
        """Mark the resource destroyed; returns it (Node calls the ``destroy`` hooks here).

        There are no hooks, so this changes nothing observable but :attr:`destroyed`; it exists
        so code written for Node runs unchanged.
        """
        self._destroyed = True
        return self

    @property
    def destroyed(self) -> bool:
        """Whether :meth:`emit_destroy` was called."""
        return self._destroyed

    def async_id(self) -> int:
        """The resource's unique id (Node's ``asyncResource.asyncId()``)."""
        return self._async_id

    def trigger_async_id(self) -> int:
        """The id of the resource whose scope was current when this one was made (``1``: none)."""
        return self._trigger_async_id

    def __repr__(self) -> str:
        return f"<AsyncResource type={self._type!r} async_id={self._async_id}>"
