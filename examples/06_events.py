"""EventEmitter basics, and capture_rejections routing an async listener's failure to 'error'.

Port of the article's ``06-events.mjs``. Listeners run synchronously and ``emit`` says whether
anyone listened. An ``async def`` listener is scheduled on the loop that
``trio_nodecompat.run`` opens, so its failure is reported after ``main`` has moved on: with
``capture_rejections=True`` it arrives as an ``'error'`` event, the way Node orders it.
"""

from __future__ import annotations

import trio_nodecompat
from trio_nodecompat.events import EventEmitter


async def main() -> None:
    emitter = EventEmitter()

    @emitter.on("hello")
    def hello(*args: object) -> None:
        print("hello", *args)

    print("emit returned", emitter.emit("hello", 1, 2, 3))
    print("no listeners:", emitter.emit("nobody"))

    capturing = EventEmitter(capture_rejections=True)

    @capturing.on("hello")
    async def fails(*args: object) -> None:
        raise Exception("boom")

    @capturing.on("error")
    def on_error(err: Exception) -> None:
        print("error listener got:", err)

    capturing.emit("hello", 1, 2, 3)

    try:
        EventEmitter().emit("error", Exception("nobody listens"))
    except Exception as err:
        print("thrown:", err)


if __name__ == "__main__":
    trio_nodecompat.run(main)
