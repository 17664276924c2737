"""An unhandled rejection is reported in the frame of the work that failed.

Port of the article's ``04-unhandled-rejection.mjs``. Node's ``process.on('unhandledRejection')``
is ``loop.on('unhandledRejection')``: the loop hosts fire-and-forget work, and when a piece of
it fails with nobody to handle the failure, the listener runs in that work's frame, so it sees
the store of the request that failed. The listener receives ``(reason, promise)``: the
exception, and the Trio task that ran the work.

JS can reject a promise with any value (``Promise.reject('boom')``); a Python coroutine can
only raise an exception, so the work raises ``Exception('boom')``, whose ``str`` is ``boom``.
"""

from __future__ import annotations

import trio

import trio_nodecompat
from trio_nodecompat.async_hooks import AsyncLocalStorage

async_local_storage: AsyncLocalStorage[int] = AsyncLocalStorage()


def on_unhandled_rejection(reason: BaseException, promise: trio.lowlevel.Task) -> None:
    print("unhandled", reason, async_local_storage.get_store())


async def reject(reason: str) -> None:
    raise Exception(reason)


async def main() -> None:
    loop = trio_nodecompat.current_loop()
    loop.on("unhandledRejection", on_unhandled_rejection)

    async_local_storage.run(123, loop.spawn, reject, "boom")
    # Trio starts ready tasks in no fixed order; let the first failure be reported before
    # starting the second, so the output order is stable.
    await trio.sleep(0)
    async_local_storage.run(321, loop.spawn, reject, "boom2")


if __name__ == "__main__":
    trio_nodecompat.run(main)
