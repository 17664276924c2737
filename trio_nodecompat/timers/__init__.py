"""``node:timers`` on Trio: callbacks after a delay, every interval, or right after the timers.

The callback forms run on the current :func:`trio_nodecompat.open_loop` loop, in a copy of the
caller's context (so AsyncLocalStorage stores follow them), in Node's order. Delays are in
milliseconds, on Trio's clock. :mod:`trio_nodecompat.timers.promises` has the awaitable forms,
which wait in the calling task and need no loop.
"""

from __future__ import annotations

from .._timers import (
    TIMEOUT_MAX,
    Immediate,
    Timeout,
    TimeoutOverflowWarning,
    clear_immediate,
    clear_interval,
    clear_timeout,
    queue_microtask,
    set_immediate,
    set_interval,
    set_timeout,
)
from . import promises

__all__ = [
    "TIMEOUT_MAX",
    "Immediate",
    "Timeout",
    "TimeoutOverflowWarning",
    "clear_immediate",
    "clear_interval",
    "clear_timeout",
    "promises",
    "queue_microtask",
    "set_immediate",
    "set_interval",
    "set_timeout",
]
