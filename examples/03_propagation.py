"""Propagation: the frame current when async work starts is the one it sees when it runs.

Port of the article's ``03-propagation.mjs``. In Python the continuation of a promise is a
coroutine: created inside ``run``, it runs in that frame whenever and wherever it is awaited.
A microtask and an interval scheduled inside ``run`` carry their frame to the loop too.
"""

from __future__ import annotations

import trio_nodecompat
from trio_nodecompat.async_hooks import AsyncLocalStorage
from trio_nodecompat.timers import clear_interval, queue_microtask, set_interval

als: AsyncLocalStorage[object] = AsyncLocalStorage()


async def report(label: str) -> None:
    print(label, als.get_store())


async def main() -> None:
    # p1 = als.run(123, () => Promise.resolve(1).then(...)): the continuation starts in 123.
    p1 = als.run(123, report, "p1")
    # p3 = als.run(321, () => p2.then(...)): a continuation attached inside 321 sees 321.
    p3 = als.run(321, report, "p3")

    ticks = 0

    def start_interval() -> None:
        def tick() -> None:
            nonlocal ticks
            print("interval", als.get_store())
            ticks += 1
            if ticks == 3:
                clear_interval(timer)

        timer = set_interval(tick, 20)

    als.run("ABC", start_interval)
    als.run("XYZ", queue_microtask, lambda: print("microtask", als.get_store()))
    # await Promise.all([p1, p3])
    await p1
    await p3


if __name__ == "__main__":
    trio_nodecompat.run(main)
