"""Node's ``AbortController``, ``AbortSignal`` and ``DOMException``, and the Trio bridge.

An :class:`AbortController` owns an :class:`AbortSignal`; ``controller.abort(reason)`` aborts
it once, dispatching its ``'abort'`` event. Every API of this package with a Node ``signal``
option takes ``signal=`` and raises :class:`~trio_nodecompat.errors.AbortError` (its
``cause`` the signal's reason) when it aborts. :func:`abort_scope` is the bridge to Trio: a
``trio.CancelScope`` cancelled by the signal, so any Trio code can honour one.
"""

from __future__ import annotations

from ._abort_scope import abort_scope
from ._abort_signal import AbortController, AbortSignal
from ._dom_exception import DOMException
from .errors import AbortError

__all__ = ["AbortController", "AbortError", "AbortSignal", "DOMException", "abort_scope"]
