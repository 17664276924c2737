"""``AsyncLocalStorage.snapshot()`` captures the current frame for later use.

Port of the article's ``05-snapshot.mjs``. Each resource snapshots the frame it was made in;
``do_something`` runs its callback in that frame, whatever frame the caller is in.
"""

from __future__ import annotations

from trio_nodecompat.async_hooks import AsyncLocalStorage

async_local_storage: AsyncLocalStorage[int] = AsyncLocalStorage()


class MyResource:
    def __init__(self) -> None:
        self._run_in_async_frame = AsyncLocalStorage.snapshot()

    def do_something(self, *args: str) -> None:
        def report(*args: str) -> None:
            print(async_local_storage.get_store(), *args)

        self._run_in_async_frame(report, *args)


def main() -> None:
    resource1 = async_local_storage.run(123, MyResource)
    resource2 = async_local_storage.run(321, MyResource)

    resource1.do_something("a")
    resource2.do_something("b")
    async_local_storage.run(999, resource1.do_something, "c")


if __name__ == "__main__":
    main()
