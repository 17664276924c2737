"""A pytest plugin with fixtures for testing code that uses trio_nodecompat.

It is registered as the ``trio_nodecompat`` pytest plugin (entry point ``pytest11``), so the
fixtures are available to any project that has this package installed. The fixture is async,
so the tests run under pytest-trio in trio mode (``trio_mode = true`` in the pytest
configuration):

.. code-block:: python

    import trio
    from trio_nodecompat.timers import set_timeout

    async def test_timer_fires(nodecompat_loop, autojump_clock):
        fired = []
        set_timeout(fired.append, 1000, "done")
        await trio.sleep(2)
        assert fired == ["done"]

The loop lives for the test: leaving the test waits for its referenced work, and a failure of
background work that no listener handled fails the test (pytest-trio reports the exception).
A test that leaves a referenced interval running therefore never ends, as a Node process with
one never exits: clear it, or ``unref()`` it. That holds for a test that *fails* too:
pytest-trio tears fixtures down normally after a failed test, so the loop still waits, and
the failure is never reported. Set intervals as context managers (``with set_interval(cb,
100):``), which clear them however the block is left.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from ._loop import Loop, open_loop

__all__ = ["nodecompat_loop"]


@pytest.fixture
async def nodecompat_loop() -> AsyncIterator[Loop]:
    """A :class:`~trio_nodecompat.Loop` open for the whole test (``async with open_loop()``).

    Inside the test, :func:`~trio_nodecompat.current_loop` is this loop, so timers, async
    listeners and ``callbackify`` work without an ``async with`` block. Needs pytest-trio
    (the test must be a Trio test); combine it with ``autojump_clock`` for timers.
    """
    async with open_loop() as loop:
        yield loop
