"""crypto's callback forms on the loop, and their cancellable promisified forms.

Node runs pbkdf2, scrypt, hkdf, randomBytes, randomFill and randomInt on its thread pool and
calls back on the event loop (test-crypto-random.js, -pbkdf2.js, -scrypt.js, -hkdf.js check
the callback forms with common.mustSucceed; those cases are here). Here the work runs in a
worker thread; the callback runs on the loop, later than the call, in the caller's
AsyncLocalStorage frame; a callback that raises is an uncaught exception of the loop;
``util.promisify`` of each is an ``async`` function whose cancellation returns at once.
"""

from __future__ import annotations

import array
import time
from collections.abc import Callable
from typing import Any

import pytest
import trio

import trio_nodecompat
from trio_nodecompat import crypto, errors
from trio_nodecompat.async_hooks import AsyncLocalStorage
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.util import promisify

C: Any = crypto


class Recorder:
    """A Node-style callback that records its calls and the ALS store current in each."""

    def __init__(self, als: AsyncLocalStorage[str] | None = None) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.stores: list[object] = []
        self.als = als

    def __call__(self, *args: Any) -> None:
        self.calls.append(args)
        if self.als is not None:
            self.stores.append(self.als.get_store())


def _start_all(cb: Callable[..., None]) -> None:
    """One call of every callback form, all reporting to ``cb``."""
    crypto.random_bytes(8, cb)
    crypto.random_fill(Buffer.alloc(8), cb)
    crypto.random_int(5, 9, cb)
    crypto.pbkdf2("password", "salt", 1, 20, "sha1", cb)
    crypto.scrypt("", "", 64, cb, N=16, r=1, p=1)
    crypto.hkdf("sha256", "secret", "salt", "info", 10, cb)


async def test_callback_forms_call_back_later_with_values() -> None:
    cb = Recorder()
    async with trio_nodecompat.open_loop():
        _start_all(cb)
        assert cb.calls == []  # never synchronously
    assert len(cb.calls) == 6
    assert all(call[0] is None for call in cb.calls)
    values = [call[1] for call in cb.calls]
    assert sum(isinstance(v, Buffer) and len(v) == 8 for v in values) == 2
    assert sum(type(v) is int and 5 <= v < 9 for v in values) == 1
    assert any(
        isinstance(v, Buffer) and v.to_string("hex") == ("0c60c80f961f0e71f3a9b524af6012062fe037a6")
        for v in values
    )
    assert any(
        isinstance(v, Buffer) and v.to_string("hex").startswith("77d6576238657b20") for v in values
    )
    assert any(
        type(v) is bytearray and v == crypto.hkdf_sync("sha256", "secret", "salt", "info", 10)
        for v in values
    )


async def test_callbacks_run_in_the_callers_frame() -> None:
    als: AsyncLocalStorage[str] = AsyncLocalStorage()
    first, second = Recorder(als), Recorder(als)
    async with trio_nodecompat.open_loop():
        als.run("first", _start_all, first)
        als.run("second", _start_all, second)
        _start_all(Recorder())  # and one from outside every frame
    assert first.stores == ["first"] * 6
    assert second.stores == ["second"] * 6


async def test_job_failure_reaches_the_callback() -> None:
    cb = Recorder()
    async with trio_nodecompat.open_loop():
        crypto.pbkdf2("p", "s", 1, 4, "shake128", cb)
        crypto.hkdf("shake256", "k", "s", "i", 4, cb)
    assert len(cb.calls) == 2
    for (err,) in cb.calls:
        assert isinstance(err, errors.CryptoError)
        assert err.message == "Deriving bits failed"


async def test_bad_arguments_raise_synchronously_and_start_nothing() -> None:
    cb = Recorder()
    async with trio_nodecompat.open_loop():
        with pytest.raises(errors.ERR_CRYPTO_INVALID_DIGEST):
            crypto.pbkdf2("p", "s", 1, 4, "md55", cb)
        with pytest.raises(errors.ERR_CRYPTO_INVALID_SCRYPT_PARAMS):
            crypto.scrypt("p", "s", 4, cb, N=3)
        with pytest.raises(errors.ERR_CRYPTO_INVALID_KEYLEN):
            crypto.hkdf("sha512", "a", "", "", 64 * 255 + 1, cb)
        with pytest.raises(errors.ERR_OUT_OF_RANGE):
            crypto.random_fill(Buffer.alloc(10), 1, 10, cb)
        with pytest.raises(errors.ERR_OUT_OF_RANGE):
            crypto.random_int(1, 1, cb)
    assert cb.calls == []


async def test_a_callback_that_raises_is_an_uncaught_exception() -> None:
    seen: list[tuple[BaseException, str]] = []

    def boom(err: object, value: object = None) -> None:
        raise RuntimeError("from the callback")

    async with trio_nodecompat.open_loop() as loop:
        loop.on("uncaughtException", lambda err, origin: seen.append((err, origin)))
        crypto.random_bytes(4, boom)
        crypto.pbkdf2("p", "s", 1, 4, "sha1", boom)
    assert [(str(e), o) for e, o in seen] == [("from the callback", "uncaughtException")] * 2


async def test_an_unhandled_callback_failure_leaves_the_loop() -> None:
    def boom(err: object, value: object = None) -> None:
        raise RuntimeError("nobody listens")

    with pytest.RaisesGroup(pytest.RaisesExc(RuntimeError, match="nobody listens")):
        async with trio_nodecompat.open_loop():
            crypto.hkdf("sha256", "k", "s", "i", 4, boom)


def test_outside_a_loop_the_callback_forms_refuse() -> None:
    cb = Recorder()
    for call in (
        lambda: crypto.random_bytes(4, cb),
        lambda: crypto.random_fill(Buffer.alloc(4), cb),
        lambda: crypto.random_int(4, cb),
        lambda: crypto.pbkdf2("p", "s", 1, 4, "sha1", cb),
        lambda: crypto.scrypt("p", "s", 4, cb, N=16),
        lambda: crypto.hkdf("sha256", "k", "s", "i", 4, cb),
    ):
        with pytest.raises(errors.NoLoopError):
            call()
    assert cb.calls == []


async def test_random_fill_variants_and_zero_size() -> None:
    cb = Recorder()
    buf = Buffer.alloc(10)
    arr = array.array("I", [0] * 4)
    async with trio_nodecompat.open_loop():
        crypto.random_fill(buf, 5, 5, cb)
        crypto.random_fill(arr, 2, cb)
        empty = Buffer.alloc(0)
        crypto.random_fill(empty, cb)
        # A fill of nothing calls back at once, as Node does.
        assert cb.calls == [(None, empty)]
    assert bytes(buf)[:5] == bytes(5) and bytes(buf)[5:] != bytes(5)
    assert list(arr[:2]) == [0, 0] and any(arr[2:])
    # The two worker threads finish in either order.
    assert sorted(id(c[1]) for c in cb.calls) == sorted(map(id, (empty, buf, arr)))


async def test_random_int_callbacks_cover_the_range() -> None:
    # test-crypto-random.js: 100 async draws of randomInt(3) / (1, 3) / (-10, -8).
    results: dict[tuple[int, int], set[int]] = {(0, 3): set(), (1, 3): set(), (-10, -8): set()}

    async with trio_nodecompat.open_loop():
        for _ in range(100):
            crypto.random_int(3, lambda err, n: results[(0, 3)].add(n))
            crypto.random_int(1, 3, lambda err, n: results[(1, 3)].add(n))
            crypto.random_int(-10, -8, lambda err, n: results[(-10, -8)].add(n))
    assert results == {(0, 3): {0, 1, 2}, (1, 3): {1, 2}, (-10, -8): {-10, -9}}


# --------------------------------------------------------------------------------------------
# util.promisify


async def test_promisify_uses_each_custom_form() -> None:
    key = await promisify(crypto.pbkdf2)("password", "salt", 1, 20, "sha1")
    assert key.to_string("hex") == "0c60c80f961f0e71f3a9b524af6012062fe037a6"
    derived = await promisify(crypto.scrypt)("", "", 64, N=16, r=1, p=1)
    assert derived.to_string("hex").startswith("77d6576238657b20")
    bits = await promisify(crypto.hkdf)("sha256", "secret", "salt", "info", 10)
    assert bits == crypto.hkdf_sync("sha256", "secret", "salt", "info", 10)
    assert len(await promisify(crypto.random_bytes)(7)) == 7
    buf = Buffer.alloc(6)
    assert await promisify(crypto.random_fill)(buf, 2) is buf and bytes(buf)[:2] == b"\0\0"
    assert 3 <= await promisify(crypto.random_int)(3, 4) < 4
    assert 0 <= await promisify(crypto.random_int)(4) < 4
    for fn in (
        crypto.pbkdf2,
        crypto.scrypt,
        crypto.hkdf,
        crypto.random_bytes,
        crypto.random_fill,
        crypto.random_int,
    ):
        assert promisify(fn) is getattr(fn, promisify.custom)
        assert promisify(promisify(fn)) is promisify(fn)


async def test_promisified_errors() -> None:
    with pytest.raises(errors.ERR_CRYPTO_INVALID_DIGEST):
        await promisify(crypto.pbkdf2)("p", "s", 1, 4, "md55")
    with pytest.raises(errors.CryptoError, match="Deriving bits failed"):
        await promisify(crypto.hkdf)("shake128", "k", "s", "i", 4)
    with pytest.raises(errors.ERR_OUT_OF_RANGE):
        await promisify(crypto.random_int)(0)


async def _slow_scrypt() -> object:
    # 128 * 8 * 2**17 bytes = 128 MiB of memory-hard work: far longer than the test waits.
    return await promisify(crypto.scrypt)("p", "s", 16, N=2**17, r=8, maxmem=2**28)


async def test_cancelling_a_promisified_call_returns_at_once() -> None:
    def tasks() -> list[trio.lowlevel.Task]:
        me = trio.lowlevel.current_task()
        return [t for n in me.child_nurseries for t in n.child_tasks]

    before = tasks()
    started = time.perf_counter()
    with trio.move_on_after(0.05) as scope:
        await _slow_scrypt()
    assert scope.cancelled_caught
    assert time.perf_counter() - started < 0.5
    # Nothing of the call is left among this task's children.
    assert tasks() == before


async def test_cancelled_random_fill_leaves_the_buffer_alone() -> None:
    buf = Buffer.alloc(64)
    with trio.CancelScope() as scope:
        scope.cancel()
        await promisify(crypto.random_fill)(buf)
    assert bytes(buf) == bytes(64)


async def test_loop_teardown_does_not_wait_for_a_worker() -> None:
    cb = Recorder()
    started = time.perf_counter()
    with pytest.raises(KeyError):
        async with trio_nodecompat.open_loop():
            crypto.scrypt("p", "s", 16, cb, N=2**17, r=8, maxmem=2**28)
            await trio.sleep(0.01)
            raise KeyError("the body fails")
    assert time.perf_counter() - started < 0.5
    assert cb.calls == []


def test_sync_forms_match_promisified_forms() -> None:
    async def main() -> tuple[object, object]:
        a = await promisify(crypto.pbkdf2)("p", "s", 3, 16, "sha512")
        b = await promisify(crypto.scrypt)("p", "s", 16, cost=32)
        return a, b

    a, b = trio.run(main)
    assert a == crypto.pbkdf2_sync("p", "s", 3, 16, "sha512")
    assert b == crypto.scrypt_sync("p", "s", 16, cost=32)
