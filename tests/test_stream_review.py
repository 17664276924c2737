"""Adversarial review of the stream core: what the differential oracle cannot see.

Cancellation of async iteration, streams used outside (or after) a loop, and the other
Python-only paths. Each test states a behaviour that failed before its fix.
"""

from __future__ import annotations

import trio

from trio_nodecompat import open_loop
from trio_nodecompat.stream import Readable


async def test_cancelled_step_keeps_its_chunk_when_not_destroying() -> None:
    # With destroy_on_return=False the stream outlives the iterator, so a step cancelled
    # before it returned must not have taken a chunk out of the buffer: the next reader gets it.
    async with open_loop():
        r = Readable(object_mode=True, read=lambda self, n: None)
        for i in range(3):
            r.push(i)
        got: list[int] = []
        with trio.CancelScope() as scope:
            scope.cancel()
            async for x in r.iterator(destroy_on_return=False):
                got.append(x)
        assert got == []
        assert not r.destroyed
        assert r.listener_count("readable") == 0
        r.push(None)
        assert [x async for x in r] == [0, 1, 2]
