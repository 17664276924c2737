"""Request-id logging: every log line knows which request it belongs to.

Port of the article's ``01-request-id.mjs``. A tiny stand-in for the Workers ``fetch()`` entry
point serves three requests concurrently. Each request runs in its own
``AsyncLocalStorage.run`` frame, so ``log_with_id`` finds the request id without it being
passed around, even in the timer callback that fires 10 ms later: the timer carries the frame
it was set in.
"""

from __future__ import annotations

import itertools

import trio

import trio_nodecompat
from trio_nodecompat.async_hooks import AsyncLocalStorage
from trio_nodecompat.timers import set_timeout

request_id: AsyncLocalStorage[int] = AsyncLocalStorage()


def log_with_id(state: str) -> None:
    print(f"{request_id.get_store()} - {state}")


def do_something() -> None:
    log_with_id("doing something")
    set_timeout(do_something_else, 10)


def do_something_else() -> None:
    log_with_id("doing something else")


id_seq = itertools.count()


class Worker:
    async def fetch(self, req: str) -> str:
        def handle() -> str:
            do_something()
            log_with_id("complete")
            return "ok"

        return request_id.run(next(id_seq), handle)


async def main() -> None:
    worker = Worker()
    # Promise.all([...]): serve the three requests concurrently.
    async with trio.open_nursery() as nursery:
        for req in ("a", "b", "c"):
            nursery.start_soon(worker.fetch, req)


if __name__ == "__main__":
    # trio_nodecompat.run is trio.run inside a loop: the loop hosts the timers and keeps the
    # program alive until they have fired, as Node's event loop does.
    trio_nodecompat.run(main)
