"""util.promisify: the Node v20.11.1 test files beyond test-util-promisify.js.

``test-util-promisify-custom-names.mjs``: Node's timers carry ``util.promisify.custom``, so
promisifying them gives the ``timers/promises`` functions (``promisify(setTimeout) ===
timersPromises.setTimeout`` in Node 20, checked with ``node``), whose names are the timers'.
Its fs/readline/stream cases have no module here yet.
"""

from __future__ import annotations

import trio
from trio.testing import MockClock

from trio_nodecompat import timers
from trio_nodecompat.util import promisify


def test_promisify_of_set_timeout_is_timers_promises_set_timeout() -> None:
    assert promisify(timers.set_timeout) is timers.promises.set_timeout
    assert promisify(timers.set_timeout).__name__ == "set_timeout"


def test_promisify_of_set_immediate_is_timers_promises_set_immediate() -> None:
    assert promisify(timers.set_immediate) is timers.promises.set_immediate
    assert promisify(timers.set_immediate).__name__ == "set_immediate"


def test_set_interval_has_no_custom_form() -> None:
    # Node: promisify(setInterval) !== timersPromises.setInterval (an ordinary wrapper).
    assert promisify(timers.set_interval) is not timers.promises.set_interval


async def test_the_promisified_timer_waits_and_returns_the_value(autojump_clock: MockClock) -> None:
    sleep = promisify(timers.set_timeout)
    start = trio.current_time()
    assert await sleep(40, "value") == "value"
    assert trio.current_time() - start == 0.04
    assert await promisify(timers.set_immediate)("now") == "now"
