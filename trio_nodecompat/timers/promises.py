"""``node:timers/promises`` on Trio: timers you await, in the calling task.

These need no loop: ``await set_timeout(100, 'value')`` sleeps in the task that awaits it,
and Trio's cancel scopes cancel it (the role of Node's ``signal`` option; ``ref`` has no
meaning without a loop). Delays follow Node's rules (``timers.clamp_delay``).
"""

from __future__ import annotations

from .._timer_promises import (
    Interval,
    Scheduler,
    scheduler,
    set_immediate,
    set_interval,
    set_timeout,
)

__all__ = ["Interval", "Scheduler", "scheduler", "set_immediate", "set_interval", "set_timeout"]
