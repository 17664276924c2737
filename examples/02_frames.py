"""Frames: nested ``run`` calls create frames; leaving ``run`` restores the outer frame.

Port of the article's ``02-frames.mjs``. Each ``AsyncLocalStorage`` instance has its own
store in the frame; ``run`` makes a new frame holding a store for one instance and
inheriting the others, and the caller's frame comes back unchanged when ``run`` returns.
"""

from __future__ import annotations

from trio_nodecompat.async_hooks import AsyncLocalStorage

als1: AsyncLocalStorage[int] = AsyncLocalStorage()
als2: AsyncLocalStorage[int] = AsyncLocalStorage()


def main() -> None:
    print("root", als1.get_store(), als2.get_store())

    def frame1() -> None:
        print("frame 1", als1.get_store(), als2.get_store())

        def frame2() -> None:
            print("frame 2", als1.get_store(), als2.get_store())

        als2.run(321, frame2)
        print("back in frame 1", als1.get_store(), als2.get_store())

    als1.run(123, frame1)
    print("back in root", als1.get_store(), als2.get_store())


if __name__ == "__main__":
    main()
