"""Which Trio entry points carry the AsyncLocalStorage frame, and the way around the others.

Carried (a copy of the frame current at the call): ``nursery.start_soon``, ``nursery.start``,
``trio.to_thread.run_sync`` (and ``trio.from_thread`` back from such a thread).
Not carried: ``TrioToken.run_sync_soon`` and system tasks (they run in Trio's system
context), and ``trio.from_thread`` from a thread Trio did not start (it runs in that thread's
own context). For each, ``AsyncLocalStorage.bind`` or ``AsyncLocalStorage.snapshot`` brings
the frame along. The docs page (``docs/modules/async_hooks.rst``) shows the same recipes.
"""

from __future__ import annotations

import threading

import trio

from trio_nodecompat.async_hooks import AsyncLocalStorage

als: AsyncLocalStorage[str] = AsyncLocalStorage(name="propagation")


async def test_start_soon_carries_the_frame_current_at_the_call() -> None:
    seen = []

    async def child() -> None:
        await trio.sleep(0)
        seen.append(als.get_store())

    async with trio.open_nursery() as nursery:
        als.run("at start_soon", nursery.start_soon, child)
        nursery.start_soon(child)
    assert len(seen) == 2
    assert set(seen) == {None, "at start_soon"}


async def test_start_carries_the_frame_before_and_after_started() -> None:
    seen = []

    async def child(*, task_status: trio.TaskStatus[str | None]) -> None:
        seen.append(als.get_store())
        task_status.started(als.get_store())
        await trio.sleep(0)
        seen.append(als.get_store())

    async with trio.open_nursery() as nursery:
        value = await als.run("at start", nursery.start, child)
    assert value == "at start"
    assert seen == ["at start", "at start"]
    assert als.get_store() is None


async def test_to_thread_run_sync_carries_the_frame_and_from_thread_brings_it_back() -> None:
    def in_thread() -> tuple[str | None, str | None]:
        return als.get_store(), trio.from_thread.run_sync(als.get_store)

    result = await als.run("in thread", trio.to_thread.run_sync, in_thread)
    assert result == ("in thread", "in thread")


async def test_run_sync_soon_does_not_carry_it_but_a_bound_function_does() -> None:
    token = trio.lowlevel.current_trio_token()
    seen = []
    done = trio.Event()

    def record() -> None:
        seen.append(als.get_store())
        if len(seen) == 2:
            done.set()

    def schedule() -> None:
        token.run_sync_soon(record)
        token.run_sync_soon(AsyncLocalStorage.bind(record))

    als.run("scheduled", schedule)
    await done.wait()
    assert seen == [None, "scheduled"]


async def test_system_tasks_do_not_carry_it_but_a_snapshot_does() -> None:
    seen = []
    done = trio.Event()

    async def record() -> None:
        seen.append(als.get_store())
        if len(seen) == 2:
            done.set()

    def schedule() -> None:
        trio.lowlevel.spawn_system_task(record)
        trio.lowlevel.spawn_system_task(AsyncLocalStorage.snapshot(), record)

    als.run("scheduled", schedule)
    await done.wait()
    assert len(seen) == 2
    assert set(seen) == {None, "scheduled"}


async def test_from_thread_in_a_foreign_thread_uses_that_threads_context() -> None:
    token = trio.lowlevel.current_trio_token()
    results: dict[str, str | None] = {}

    def foreign(snapshot: object) -> None:
        results["plain"] = trio.from_thread.run_sync(als.get_store, trio_token=token)
        results["snapshot"] = trio.from_thread.run_sync(snapshot, als.get_store, trio_token=token)

    def start_foreign() -> None:
        snapshot = AsyncLocalStorage.snapshot()
        thread = threading.Thread(target=foreign, args=(snapshot,))
        thread.start()
        thread.join()

    # Start and join the foreign thread from a worker so the Trio thread stays free.
    await als.run("caller", trio.to_thread.run_sync, start_foreign)
    assert results == {"plain": None, "snapshot": "caller"}
