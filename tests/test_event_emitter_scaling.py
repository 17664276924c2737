"""Adding and removing many listeners on one event stays linear, checked by counting work.

No timings: each listener counts how often it is compared (``__eq__``) and hashed, and the
emitter's storage is measured. A last-occurrence search by scanning compares each removed
listener with every listener after it (about n*n/2 comparisons for n removed oldest-first); the
emitter must do a bounded amount of work per listener instead, at every size.
"""

from __future__ import annotations

from typing import Any

import pytest

from trio_nodecompat.events import EventEmitter


class CountingListener:
    comparisons = 0
    hashes = 0

    def __init__(self, n: int) -> None:
        self.n = n

    def __call__(self, *args: Any) -> None:
        pass

    def __eq__(self, other: object) -> bool:
        CountingListener.comparisons += 1
        return isinstance(other, CountingListener) and other.n == self.n

    def __hash__(self) -> int:
        CountingListener.hashes += 1
        return hash(self.n)


def work_for(n: int, order: str, prepend: bool = False) -> tuple[int, int]:
    CountingListener.comparisons = CountingListener.hashes = 0
    ee = EventEmitter().set_max_listeners(0)
    fns = [CountingListener(i) for i in range(n)]
    add = ee.prepend_listener if prepend else ee.on
    for fn in fns:
        add("data", fn)
    ee.emit("data")
    for i, fn in enumerate(fns if order == "fifo" else reversed(fns)):
        ee.off("data", fn)
        if i % 997 == 0:
            ee.emit("data")  # emits in between rebuild the snapshot of what is left
    assert ee.listener_count("data") == 0
    assert ee.event_names() == []
    return CountingListener.comparisons, CountingListener.hashes


@pytest.mark.parametrize("order", ["fifo", "lifo"])
@pytest.mark.parametrize("prepend", [False, True])
def test_add_and_remove_10000_listeners_is_linear(order: str, prepend: bool) -> None:
    for n in (1_000, 10_000):
        comparisons, hashes = work_for(n, order, prepend)
        # A constant amount per listener: a scan would need ~n*n/2 comparisons.
        assert comparisons <= 2 * n, (n, comparisons)
        assert hashes <= 10 * n, (n, hashes)


def test_listener_count_with_listener_does_not_scan() -> None:
    ee = EventEmitter().set_max_listeners(0)
    fns = [CountingListener(i) for i in range(5_000)]
    for fn in fns:
        ee.on("data", fn)
    CountingListener.comparisons = 0
    for fn in fns:
        assert ee.listener_count("data", fn) == 1
    assert CountingListener.comparisons <= len(fns)


def test_storage_stays_proportional_to_live_listeners() -> None:
    ee = EventEmitter().set_max_listeners(0)
    fns = [(lambda: None) for _ in range(10_000)]
    for fn in fns:
        ee.on("data", fn)
    for fn in fns[:9_990]:
        ee.off("data", fn)
    entries = ee._events["data"]
    assert entries.live == 10
    # Dead entries are swept once they outnumber the live ones.
    assert len(entries.front) + len(entries.back) <= 2 * entries.live + 17
    assert ee.listeners("data") == fns[9_990:]


def test_remove_all_listeners_announced_is_linear() -> None:
    ee = EventEmitter().set_max_listeners(0)
    removed: list[Any] = []
    ee.on("removeListener", lambda event, fn: removed.append(fn))
    fns = [CountingListener(i) for i in range(10_000)]
    for fn in fns:
        ee.on("data", fn)
    CountingListener.comparisons = 0
    ee.remove_all_listeners("data")
    assert removed == fns[::-1]
    assert CountingListener.comparisons <= len(fns)


def test_many_duplicates_of_one_listener() -> None:
    ee = EventEmitter().set_max_listeners(0)

    def fn() -> None: ...

    for _ in range(10_000):
        ee.on("data", fn)
    assert ee.listener_count("data", fn) == 10_000
    for _ in range(10_000):
        ee.off("data", fn)
    assert ee.event_names() == []


def test_many_once_listeners_of_one_function_fire_in_linear_work() -> None:
    # Each once wrapper knows its own entry: removing itself when it fires needs no search
    # among the other wrappers of the same function.
    ee = EventEmitter().set_max_listeners(0)
    fn = CountingListener(0)
    for _ in range(10_000):
        ee.once("data", fn)
    CountingListener.comparisons = CountingListener.hashes = 0
    ee.emit("data")
    assert ee.event_names() == []
    assert CountingListener.comparisons <= 10_000
    assert CountingListener.hashes <= 4 * 10_000


def test_once_wrappers_re_added_elsewhere_are_still_found() -> None:
    a, b = EventEmitter(), EventEmitter()

    def fn() -> None: ...

    a.once("x", fn)
    wrapper = a.raw_listeners("x")[0]
    b.on("y", wrapper)  # the same wrapper object registered on another emitter
    b.on("y", fn)
    assert b.listener_count("y", wrapper) == 1
    b.off("y", wrapper)
    assert b.raw_listeners("y") == [fn]
    a.off("x", wrapper)
    assert a.event_names() == []
