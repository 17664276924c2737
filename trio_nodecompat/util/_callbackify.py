"""``util.callbackify``: run an async function on the loop and report to a Node-style callback.

``original`` is called at once, in the caller's thread and frame (as Node calls it
synchronously; for an ``async def`` that only creates the coroutine); the awaiting happens on
the current loop (``trio_nodecompat.open_loop``) in a copy of the caller's context, and the
callback is called there, so AsyncLocalStorage stores of the caller are visible to it. The
callback's own exception escapes the work, which the loop reports as ``'uncaughtException'``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from .._internal.current_loop import require_host
from ..errors import ERR_FALSY_VALUE_REJECTION, ERR_INVALID_ARG_TYPE, ERR_NON_EXCEPTION_REJECTION

__all__ = ["callbackify"]


def _rejection_reason(err: Exception) -> object:
    """What Node passes to the callback for a rejection.

    A non-exception value carried by ``ERR_NON_EXCEPTION_REJECTION`` (how Python rejects with
    a plain value, e.g. through ``promisify``) is passed as it is, as Node passes the rejected
    value; a falsy one is wrapped in ``ERR_FALSY_VALUE_REJECTION`` with ``.reason``, as Node
    does, so the callback can tell a failure from success.
    """
    if isinstance(err, ERR_NON_EXCEPTION_REJECTION):
        reason = err.reason
        return reason if reason else ERR_FALSY_VALUE_REJECTION(reason)
    if not err:
        return ERR_FALSY_VALUE_REJECTION(err)
    return err


async def _settle(result: object, callback: Callable[..., object]) -> None:
    try:
        value = await result if inspect.isawaitable(result) else result
    except Exception as err:
        reason = _rejection_reason(err)
        # Run the callback outside the except block, so its own failure is not chained
        # to (and reported as) the rejection.
    else:
        callback(None, value)
        return
    callback(reason)


def _with_callback(original: Callable[..., Any]) -> inspect.Signature | None:
    """``original``'s signature plus a trailing positional ``callback``, when expressible."""
    try:
        sig = inspect.signature(original)
    except (TypeError, ValueError):
        return None
    params = list(sig.parameters.values())
    kinds = [p.kind for p in params]
    if inspect.Parameter.VAR_POSITIONAL in kinds:
        return None
    positional = [
        p.replace(kind=inspect.Parameter.POSITIONAL_ONLY, default=inspect.Parameter.empty)
        for p in params
        if p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    ]
    rest = [p for p in params if p.kind in (inspect.Parameter.KEYWORD_ONLY,)]
    var_kw = [p for p in params if p.kind is inspect.Parameter.VAR_KEYWORD]
    callback = inspect.Parameter("callback", inspect.Parameter.POSITIONAL_ONLY)
    try:
        return sig.replace(
            parameters=[*positional, callback, *rest, *var_kw],
            return_annotation=None,
        )
    except ValueError:
        return None


def callbackify(original: Callable[..., Any]) -> Callable[..., None]:
    """Node's ``util.callbackify(original)``: ``f(*args, callback)`` for an async ``original``.

    Calling ``f(*args, callback)`` calls ``original(*args)`` now and awaits its result on the
    current loop; then ``callback(None, value)``, or ``callback(err)`` if it raised. A raise
    of ``ERR_NON_EXCEPTION_REJECTION(value)`` passes ``value`` itself (Node's rejection with a
    non-Error), and a falsy one becomes ``ERR_FALSY_VALUE_REJECTION`` with ``.reason``. The
    callback runs on the loop, in a copy of the caller's context; an exception it raises is
    the loop's ``'uncaughtException'``. ``f`` may be called from the Trio thread or from a
    ``trio.to_thread`` worker. The last argument must be callable
    (``ERR_INVALID_ARG_TYPE``); outside a loop ``f`` raises ``NoLoopError``.
    The result is named ``<name>Callbackified``; ``original``'s attributes are copied.
    """
    if not callable(original):
        raise ERR_INVALID_ARG_TYPE("original", "function", original)
    name = getattr(original, "__name__", None)
    what = f"{name}Callbackified" if isinstance(name, str) else "callbackify()"

    def callbackified(*args: Any, **kwargs: Any) -> None:
        if not args or not callable(args[-1]):
            raise ERR_INVALID_ARG_TYPE("last argument", "function", args[-1] if args else None)
        callback = args[-1]
        host = require_host(what)
        result = original(*args[:-1], **kwargs)
        try:
            host.spawn(_settle, result, callback, failure="exception")
        except BaseException:
            close = getattr(result, "close", None)
            if inspect.iscoroutine(result) and close is not None:
                close()
            raise

    callbackified.__dict__.update(getattr(original, "__dict__", {}))
    if isinstance(name, str):
        callbackified.__name__ = what
        qualname = getattr(original, "__qualname__", name)
        callbackified.__qualname__ = f"{qualname}Callbackified"
    callbackified.__doc__ = getattr(original, "__doc__", None)
    callbackified.__module__ = getattr(original, "__module__", __name__)
    signature = _with_callback(original)
    if signature is not None:
        callbackified.__signature__ = signature  # type: ignore[attr-defined]
    return callbackified
