"""``util.promisify``: turn a Node-style callback function into an ``async def`` function.

The callback ``callback(err, value)`` may fire synchronously (inside ``fn``), later from any
Trio task, or from any other thread. All bookkeeping of one call happens on the Trio thread
that waits: a callback from a foreign thread is handed over with
:meth:`trio.lowlevel.TrioToken.run_sync_soon`, so the state of a call is only ever touched by
one thread and needs no lock. A callback that already fired when ``fn`` returns costs one
(cancel-shielded) checkpoint; otherwise the task parks with
:func:`trio.lowlevel.wait_task_rescheduled` and cancellation unparks it, after which a late
callback finds the call abandoned and is ignored.
"""

from __future__ import annotations

import functools
import inspect
import threading
import warnings
from collections.abc import Awaitable, Callable
from typing import Any, Final

import outcome
import trio

from ..errors import ERR_INVALID_ARG_TYPE, ERR_NON_EXCEPTION_REJECTION

__all__ = ["CUSTOM_PROMISIFY", "promisify"]

#: The attribute name that plays Node's ``Symbol.for('nodejs.util.promisify.custom')``.
CUSTOM_PROMISIFY: Final = "nodejs_util_promisify_custom"

# The states of one call. Only the Trio thread that waits moves between them.
_PENDING = 0  # fn is running and the callback has not fired
_SETTLED = 1  # the callback fired before the task started waiting; ``result`` holds it
_WAITING = 2  # the task is parked in wait_task_rescheduled
_DONE = 3  # the result was handed over, or the wait was cancelled: later callbacks are ignored


def _as_outcome(err: object, values: tuple[object, ...]) -> outcome.Outcome[object]:
    """Node's rule: a truthy ``err`` rejects, else the first value (if any) resolves.

    Truthiness is Python's (as ``assert_.ok``). An exception is raised as it is; any other
    truthy error value is wrapped so it can be raised and still reached through ``.reason``.
    """
    if err:
        if isinstance(err, BaseException):
            return outcome.Error(err)
        return outcome.Error(ERR_NON_EXCEPTION_REJECTION(err))
    return outcome.Value(values[0] if values else None)


class _Call:
    """The hand-off between one promisified call and its callback."""

    __slots__ = ("state", "result", "task", "token", "thread")

    def __init__(self) -> None:
        self.state = _PENDING
        self.result: outcome.Outcome[object] | None = None
        self.task: trio.lowlevel.Task | None = None
        self.token = trio.lowlevel.current_trio_token()
        self.thread = threading.get_ident()

    def callback(self, err: object = None, *values: object) -> None:
        """The Node-style callback given to ``fn``: ``callback(err, value, ...)``."""
        if threading.get_ident() == self.thread:
            self.settle(err, values)
            return
        try:
            self.token.run_sync_soon(self.settle, err, values)
        except trio.RunFinishedError:
            # The run that waited is over, so nobody waits any more: a late callback.
            pass

    def settle(self, err: object, values: tuple[object, ...]) -> None:
        """Record the result on the Trio thread; only the first callback counts."""
        state = self.state
        if state == _PENDING:
            self.result = _as_outcome(err, values)
            self.state = _SETTLED
        elif state == _WAITING:
            self.state = _DONE
            task = self.task
            self.task = None
            assert task is not None
            trio.lowlevel.reschedule(task, _as_outcome(err, values))
        # _SETTLED or _DONE: a second call, or a call after cancellation; Node ignores both.

    def abort(self, raise_cancel: object) -> trio.lowlevel.Abort:
        self.state = _DONE
        self.task = None
        return trio.lowlevel.Abort.SUCCEEDED


def _without_callback(fn: Callable[..., object]) -> inspect.Signature | None:
    """``fn``'s signature without its last positional parameter (the callback), if known."""
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    params = list(sig.parameters.values())
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    for i in range(len(params) - 1, -1, -1):
        if params[i].kind in positional:
            del params[i]
            return sig.replace(parameters=params)
        if params[i].kind is inspect.Parameter.VAR_POSITIONAL:
            return sig
    return sig


class _Promisify:
    """The type of :func:`promisify`: a function that also carries ``promisify.custom``."""

    #: The attribute name a function sets to provide its own promisified form, as Node's
    #: ``util.promisify.custom`` symbol: ``setattr(fn, promisify.custom, async_version)``.
    custom: Final = CUSTOM_PROMISIFY

    __name__ = "promisify"
    __qualname__ = "promisify"

    def __call__(self, original: Callable[..., Any]) -> Callable[..., Awaitable[Any]]:
        """Return an ``async def`` function that calls ``original(*args, callback)``.

        ``await promisified(*args, **kwargs)`` calls ``original(*args, callback, **kwargs)``
        and returns the value ``callback(None, value)`` passed (extra values are dropped, as
        Node does; no value gives ``None``). A truthy error ``callback(err)`` is raised: an
        exception as it is, any other value wrapped in ``ERR_NON_EXCEPTION_REJECTION`` whose
        ``.reason`` holds it (Python can only raise exceptions). An exception raised by
        ``original`` itself propagates. The callback may be called synchronously, from
        another task, or from any thread; only its first call counts. Cancelling the wait
        raises :class:`trio.Cancelled` and a callback that comes later is ignored.

        If ``original`` has the attribute named :attr:`promisify.custom <custom>`, that
        value is returned instead (it must be callable), so ``promisify`` of a promisified
        function is that same function.
        """
        if not callable(original):
            raise ERR_INVALID_ARG_TYPE("original", "function", original)
        custom = getattr(original, CUSTOM_PROMISIFY, None)
        if custom is not None:
            if not callable(custom):
                raise ERR_INVALID_ARG_TYPE("util.promisify.custom", "function", custom)
            # Mark it as its own promisified form, so promisify(custom) is custom (as Node).
            try:
                setattr(custom, CUSTOM_PROMISIFY, custom)
            except (AttributeError, TypeError):
                pass
            return custom  # type: ignore[no-any-return]

        async def promisified(*args: Any, **kwargs: Any) -> Any:
            # A cancelled caller must not start the operation at all.
            await trio.lowlevel.checkpoint_if_cancelled()
            call = _Call()
            returned = original(*args, call.callback, **kwargs)
            if inspect.isawaitable(returned):
                await _await_mistake(returned)
            if call.state == _SETTLED:
                call.state = _DONE
                result = call.result
                call.result = None
                assert result is not None
                # The operation happened: report it, but still let other tasks run.
                await trio.lowlevel.cancel_shielded_checkpoint()
                return result.unwrap()
            if call.state == _PENDING:
                call.task = trio.lowlevel.current_task()
                call.state = _WAITING
                return await trio.lowlevel.wait_task_rescheduled(call.abort)
            # _DONE cannot happen here: only this task's abort moves a wait to _DONE.
            raise AssertionError("promisify: inconsistent call state")  # pragma: no cover

        functools.update_wrapper(promisified, original)
        del promisified.__wrapped__  # type: ignore[attr-defined]
        signature = _without_callback(original)
        if signature is not None:
            promisified.__signature__ = signature  # type: ignore[attr-defined]
        # promisify(promisify(fn)) is promisify(fn), as in Node.
        setattr(promisified, CUSTOM_PROMISIFY, promisified)
        return promisified

    def __repr__(self) -> str:
        return "<function promisify>"


async def _await_mistake(returned: Awaitable[object]) -> None:
    """``original`` returned an awaitable (it is an ``async def``): Node's DEP0174.

    Node warns and lets the promise run; the Python equivalent is to warn and await it here,
    so its body runs (and may call the callback) and nothing is left un-awaited. Its failure
    propagates: in Node it would be an unhandled rejection.
    """
    try:
        warnings.warn(
            "Calling promisify on a function that returns a Promise is likely a mistake. (DEP0174)",
            DeprecationWarning,
            stacklevel=4,
        )
    except BaseException:
        close = getattr(returned, "close", None)
        if close is not None:
            close()
        raise
    await returned


#: ``util.promisify(original)``; see :meth:`_Promisify.__call__`.
promisify: Final = _Promisify()
