"""The entropy cache behind the small synchronous random draws (``crypto._entropy``).

Its promise is that of ``os.urandom``: every byte comes from the OS and is handed out once, by
any thread, and a forked child never hands out its parent's bytes. The deterministic tests
replace ``os.urandom`` by a counter, so a byte served twice (or lost inside a draw) shows.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from trio_nodecompat import crypto
from trio_nodecompat.crypto import _entropy, _random


@pytest.fixture
def counting_urandom(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """``os.urandom`` replaced by 4-byte big-endian words 0, 1, 2, ... (sizes: multiples of 4),
    with an empty cache to start from; yields the list of sizes requested."""
    counter = itertools.count()
    lock = threading.Lock()
    requested: list[int] = []

    def fake(size: int) -> bytes:
        assert size % 4 == 0
        with lock:
            requested.append(size)
            return b"".join(next(counter).to_bytes(4, "big") for _ in range(size // 4))

    monkeypatch.setattr(_entropy, "_urandom", fake)
    monkeypatch.setattr(_random, "_urandom", fake)
    monkeypatch.setattr(_entropy, "_cache", _entropy.io.BytesIO())
    yield requested


def words(data: Any) -> list[int]:
    return [int.from_bytes(data[i : i + 4], "big") for i in range(0, len(data), 4)]


def test_draws_come_from_one_refill_in_order(counting_urandom: list[int]) -> None:
    first = crypto.random_bytes(8)
    second = crypto.random_bytes(12)
    assert words(first) == [0, 1] and words(second) == [2, 3, 4]
    assert counting_urandom == [_entropy.CACHE_SIZE]


def test_a_draw_across_the_end_of_the_cache_takes_the_next_cache(
    counting_urandom: list[int],
) -> None:
    per_cache = _entropy.CACHE_SIZE // 4
    served: list[int] = []
    while len(served) < per_cache - 2:
        served += words(crypto.random_bytes(8))
    # Two words left in the first cache: a 16-byte draw takes them and two of the next.
    straddling = words(crypto.random_bytes(16))
    assert straddling == [per_cache - 2, per_cache - 1, per_cache, per_cache + 1]
    assert words(crypto.random_bytes(4)) == [per_cache + 2]
    assert counting_urandom == [_entropy.CACHE_SIZE, _entropy.CACHE_SIZE]


def test_larger_draws_go_to_the_os(counting_urandom: list[int]) -> None:
    crypto.random_bytes(_entropy.MAX_CACHED)
    crypto.random_bytes(_entropy.MAX_CACHED + 4)
    assert counting_urandom == [_entropy.CACHE_SIZE, _entropy.MAX_CACHED + 4]


def test_threads_never_get_the_same_bytes(counting_urandom: list[int]) -> None:
    # Eight threads draw at once, across many refills; every word served is distinct.
    results: list[list[int]] = [[] for _ in range(8)]
    start = threading.Barrier(8)

    def worker(out: list[int]) -> None:
        start.wait()
        for _ in range(2000):
            out.extend(words(crypto.random_bytes(12)))

    threads = [threading.Thread(target=worker, args=(out,)) for out in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    served = [w for out in results for w in out]
    assert len(served) == 8 * 2000 * 3
    assert len(set(served)) == len(served)


def test_random_uuid_draws_from_the_same_cache(counting_urandom: list[int]) -> None:
    head = crypto.random_bytes(4)
    uuid = crypto.random_uuid()
    assert words(head) == [0]
    # Words 1..4 with the version and variant bits set.
    raw = bytes.fromhex(uuid.replace("-", ""))
    assert words(raw[:4]) == [1] and raw[6] >> 4 == 4 and raw[8] >> 6 == 2
    assert crypto.random_uuid(disable_entropy_cache=True) != uuid
    assert counting_urandom == [_entropy.CACHE_SIZE, 16]


def test_real_draws_differ() -> None:
    drawn = {bytes(crypto.random_bytes(16)) for _ in range(1000)}
    assert len(drawn) == 1000


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_does_not_replay_the_parents_cache() -> None:
    crypto.random_bytes(16)  # the parent's cache now holds unserved bytes
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.write(write_end, bytes(crypto.random_bytes(32)))
        finally:
            os._exit(0)
    os.close(write_end)
    os.waitpid(pid, 0)
    with os.fdopen(read_end, "rb") as pipe:
        child = pipe.read()
    parent = bytes(crypto.random_bytes(32))
    assert len(child) == 32
    assert child != parent
