"""Where an ``AbortSignal`` meets waiting code: ``abort_scope`` and ``add_abort_listener``.

:func:`abort_scope` is the one mechanism every ``signal=`` of this package uses: a Trio cancel
scope that the signal's ``'abort'`` event cancels, turned into Node's ``AbortError`` when it
did. Its listener is the library's own (``stop_immediate_propagation`` cannot skip it) and is
removed when the block is left, however it is left.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any

import trio

from ._abort_signal import AbortSignal
from ._event_target import Event, _Listener
from ._internal.current_loop import require_host
from ._internal.validators import validate_abort_signal, validate_function
from .errors import AbortError

__all__ = ["AbortListenerDisposable", "abort_scope", "add_abort_listener", "aborted_error"]


def aborted_error(signal: AbortSignal) -> AbortError:
    """The ``AbortError`` a Node API raises for ``signal``: its reason as ``cause``."""
    return AbortError(cause=signal._reason)


class abort_scope:  # noqa: N801 - used as a function, like trio.move_on_after
    """``with abort_scope(signal) as cancel_scope:``: the body is cancelled when ``signal`` aborts.

    The block runs in a new :class:`trio.CancelScope`, cancelled when ``signal`` aborts (at
    once, if it already has). When that cancellation ended the block, leaving it raises
    :class:`~trio_nodecompat.errors.AbortError` with the signal's reason as ``cause`` (and
    ``__cause__`` when the reason is an exception), as a Node API given that signal rejects.
    If the block finishes, or an outer cancel scope (a ``trio.move_on_after``) cancelled it,
    nothing is raised here: the outer scope's cancellation goes on as usual. Leaving the
    block removes the listener it added to the signal.
    """

    __slots__ = ("_signal", "_scope", "_hook")

    def __init__(self, signal: AbortSignal) -> None:
        self._signal: AbortSignal = validate_abort_signal(signal, "signal")
        self._scope = trio.CancelScope()
        self._hook: _Listener | None = None

    def __enter__(self) -> trio.CancelScope:
        signal = self._signal
        scope = self._scope
        if signal._aborted:
            scope.cancel()
        else:
            self._hook = signal._add("abort", self._on_abort, True, False, False, True, 2)
        scope.__enter__()
        return scope

    def _on_abort(self, event: Event) -> None:
        self._scope.cancel()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        hook, self._hook = self._hook, None
        if hook is not None:
            self._signal._remove_record("abort", hook)
        scope = self._scope
        handled = scope.__exit__(exc_type, exc, tb)
        if scope.cancelled_caught and self._signal._aborted:
            raise aborted_error(self._signal) from (
                self._signal._reason if isinstance(self._signal._reason, BaseException) else None
            )
        return bool(handled)


class AbortListenerDisposable:
    """What :func:`add_abort_listener` returns: ``dispose()`` removes the listener.

    It is a context manager too (Node's ``Symbol.dispose``): leaving ``with`` disposes it.
    Disposing twice, or after the listener ran, does nothing.
    """

    __slots__ = ("_signal", "_hook")

    def __init__(self, signal: AbortSignal, hook: _Listener | None) -> None:
        self._signal = signal
        self._hook = hook

    def dispose(self) -> None:
        """Remove the listener if it is still there."""
        hook, self._hook = self._hook, None
        if hook is not None:
            self._signal._remove_record("abort", hook)

    def __enter__(self) -> AbortListenerDisposable:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.dispose()


def add_abort_listener(
    signal: AbortSignal, listener: Callable[..., Any]
) -> AbortListenerDisposable:
    """Call ``listener`` once when ``signal`` aborts, even if another listener stops propagation.

    Node's ``events.addAbortListener``: ``listener(event)`` runs as an ``'abort'`` listener
    that ``stop_immediate_propagation`` cannot skip. If the signal has already aborted,
    ``listener()`` (no argument, as in Node) is queued on the current loop's microtask queue
    (outside a loop: :class:`~trio_nodecompat.errors.NoLoopError`). Returns a disposable that
    removes the listener (``dispose()`` or ``with``).
    """
    validate_abort_signal(signal, "signal")
    validate_function(listener, "listener")
    if signal._aborted:
        require_host("add_abort_listener() on an aborted signal").call_soon(listener)
        return AbortListenerDisposable(signal, None)
    hook = signal._add("abort", listener, True, False, False, True, 2)
    return AbortListenerDisposable(signal, hook)
