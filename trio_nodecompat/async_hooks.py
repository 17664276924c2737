"""``node:async_hooks`` on Trio: :class:`AsyncLocalStorage` and :class:`AsyncResource`.

A store set with ``als.run(store, fn)`` follows the work ``fn`` starts: Trio tasks
(``nursery.start_soon``, ``nursery.start``), threads (``trio.to_thread.run_sync``), and
everything this package schedules on its loop (async listeners, timers, ``callbackify``).
Frames are :class:`contextvars.Context` objects; see the module documentation page for how
they ride Trio's context inheritance, and which Trio entry points do not carry them.

Only the context-tracking half of Node's module exists, as in workerd: no ``createHook``,
``executionAsyncId`` or ``executionAsyncResource``.
"""

from __future__ import annotations

from ._async_local_storage import AsyncLocalStorage, Snapshot
from ._async_resource import AsyncResource

__all__ = ["AsyncLocalStorage", "AsyncResource", "Snapshot"]
