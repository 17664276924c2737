"""``node:diagnostics_channel`` on Trio: named channels, TracingChannel, and store binding.

Libraries publish messages on named channels; observability tools (tracers, APMs, loggers)
subscribe to them without patching the library. A channel nobody listens to costs almost
nothing, so publishing can stay in hot code:

- :func:`channel` gives the :class:`Channel` of a name (the same object while it lives);
  :func:`subscribe`, :func:`unsubscribe` and :func:`has_subscribers` work by name.
- ``channel.bind_store(als, transform)`` binds an :class:`~trio_nodecompat.async_hooks.AsyncLocalStorage`:
  ``channel.run_stores(data, fn)`` runs ``fn`` with the store set from ``data``, and the
  store follows everything ``fn`` starts (Trio tasks, threads, loop callbacks).
- :func:`tracing_channel` gives a :class:`TracingChannel`, whose ``trace_sync``,
  ``trace_promise`` (Trio coroutines) and ``trace_callback`` publish Node's ``start``,
  ``end``, ``asyncStart``, ``asyncEnd`` and ``error`` events around a unit of work.

A subscriber that raises does not stop the others: its exception becomes an uncaught
exception of the loop on the next tick (outside a loop, ``publish`` raises it after calling
the rest).
"""

from __future__ import annotations

from ._diagnostics_channel import Channel, channel, has_subscribers, subscribe, unsubscribe
from ._tracing_channel import TracingChannel, tracing_channel

__all__ = [
    "Channel",
    "TracingChannel",
    "channel",
    "has_subscribers",
    "subscribe",
    "tracing_channel",
    "unsubscribe",
]
