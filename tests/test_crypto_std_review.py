"""Edge cases of the crypto stdlib half found in review, each checked against node 20.

Every expected value here is what ``node`` printed for the same call (the script lines are in
the comments). Stream-side cases live in ``test_crypto_std_stream.py``.
"""

from __future__ import annotations

import array
import hashlib
import os
import threading
from typing import Any

import pytest

import trio_nodecompat
from trio_nodecompat import crypto
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.errors import (
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_CRYPTO_INVALID_KEYLEN,
    CryptoError,
    QuotaExceededError,
    TypeMismatchError,
)
from trio_nodecompat.stream import Stream


@pytest.mark.parametrize(
    ("digest", "size"),
    [
        ("md4", 16),
        ("RSA-MD4", 16),
        ("mdc2", 16),
        ("whirlpool", 64),
        ("shake128", 16),
        ("shake256", 32),
    ],
)
def test_hkdf_keylen_limit_holds_for_digests_that_cannot_run(digest: str, size: int) -> None:
    # node: hkdfSync('md4', 'k', 's', 'i', 255 * 16 + 1) -> ERR_CRYPTO_INVALID_KEYLEN (Node's
    # native check uses the digest's size before the job runs); at 255 * size the job itself
    # fails ('...unsupported' for legacy digests, 'Deriving bits failed' for SHAKE).
    with pytest.raises(ERR_CRYPTO_INVALID_KEYLEN):
        crypto.hkdf_sync(digest, "k", "s", "i", 255 * size + 1)
    with pytest.raises(ERR_CRYPTO_INVALID_KEYLEN):
        crypto.hkdf(digest, "k", "s", "i", 255 * size + 1, lambda *args: None)
    with pytest.raises(CryptoError):
        crypto.hkdf_sync(digest, "k", "s", "i", 255 * size)


async def test_random_bytes_of_zero_calls_back_synchronously() -> None:
    # node: randomBytes(0, cb) calls cb(null, <Buffer >) before returning (it is randomFill of
    # nothing, which calls back at once), while randomInt/pbkdf2/hkdf/scrypt of nothing call
    # back later.
    calls: list[tuple[object, ...]] = []
    async with trio_nodecompat.open_loop():
        assert crypto.random_bytes(0, lambda *args: calls.append(args)) is None
        assert len(calls) == 1
        crypto.random_bytes(0.5, lambda *args: calls.append(args))  # node: sync too
        assert len(calls) == 2
        for err, buf in calls:
            assert err is None and isinstance(buf, Buffer) and len(buf) == 0
        later: list[object] = []
        crypto.pbkdf2("p", "s", 1, 0, "sha1", lambda *args: later.append(args))
        crypto.hkdf("sha256", "k", "s", "i", 0, lambda *args: later.append(args))
        assert later == []
    assert len(later) == 2


# --------------------------------------------------------------------------------------------
# test-crypto-lazy-transform-writable.js: a legacy Stream piped into a Hash (the lazily built
# stream state must come up through pipe's listeners alone)


async def test_legacy_stream_piped_into_a_hash() -> None:
    hasher1 = crypto.create_hash("sha256")
    hasher2 = crypto.create_hash("sha256")
    finished: list[str] = []
    async with trio_nodecompat.open_loop():
        hasher1.write(Buffer.from_("hello world"))
        hasher1.end()
        expected = hasher1.read().to_string("hex")

        class OldStream(Stream):
            def __init__(self) -> None:
                super().__init__()
                self.readable = True

        stream = OldStream()
        stream.pipe(hasher2).on("finish", lambda: finished.append(hasher2.read().to_string("hex")))
        stream.emit("data", Buffer.from_("hello"))
        stream.emit("data", Buffer.from_(" world"))
        stream.emit("end")
    assert finished == [expected]


# --------------------------------------------------------------------------------------------
# test-webcrypto-random.js (globalThis.crypto.getRandomValues is crypto.get_random_values)


@pytest.mark.parametrize(
    "value",
    [None, "", 1, {}, [], array.array("f", [0]), array.array("d", [0]), memoryview(bytearray(1))],
)
def test_get_random_values_refuses_non_integer_arrays(value: object) -> None:
    with pytest.raises(TypeMismatchError) as info:
        crypto.get_random_values(value)
    assert info.value.name == "TypeMismatchError" and info.value.legacy_code == 17


def test_get_random_values_fills_every_integer_array() -> None:
    crypto.get_random_values(Buffer.alloc(0))
    for code in "bhiBHIqQ":  # Int8/16/32, Uint8/16/32, BigInt64, BigUint64
        buf = array.array(code, [0] * 10)
        crypto.get_random_values(buf)
        assert bytes(buf) != bytes(len(buf) * buf.itemsize)
    filled = Buffer.alloc(10)
    crypto.get_random_values(filled)
    assert bytes(filled) != bytes(10)
    with pytest.raises(QuotaExceededError) as info:
        crypto.get_random_values(Buffer.alloc(65536 + 1))
    assert info.value.name == "QuotaExceededError" and info.value.legacy_code == 22
    typed = array.array("B", bytes(32))
    assert crypto.get_random_values(typed) is typed


# --------------------------------------------------------------------------------------------
# random_uuid's entropy cache across os.fork (Node never forks; Python programs do)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_random_uuid_cache_is_not_shared_with_a_forked_child() -> None:
    # The cache holds entropy for 128 UUIDs. A child made by fork must not replay the
    # parent's remaining entropy: parent and child would hand out the same UUIDs.
    crypto.random_uuid()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.write(write_end, crypto.random_uuid().encode())
        finally:
            os._exit(0)
    os.close(write_end)
    os.waitpid(pid, 0)
    with os.fdopen(read_end) as pipe:
        child = pipe.read()
    parent = crypto.random_uuid()
    assert len(child) == 36
    assert child != parent


# --------------------------------------------------------------------------------------------
# The callback forms: the derivation runs in a worker thread, the callback on the Trio thread


async def test_callback_form_work_runs_off_the_trio_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workers: list[threading.Thread] = []
    real = hashlib.pbkdf2_hmac

    def spy(*args: Any) -> bytes:
        workers.append(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(hashlib, "pbkdf2_hmac", spy)
    called_on: list[threading.Thread] = []
    async with trio_nodecompat.open_loop():
        crypto.pbkdf2(
            "p", "s", 1, 8, "sha1", lambda *args: called_on.append(threading.current_thread())
        )
    trio_thread = threading.current_thread()
    assert len(workers) == 1 and workers[0] is not trio_thread
    assert called_on == [trio_thread]


# --------------------------------------------------------------------------------------------
# OpenSSL names that build a hashlib object but no digest Node can use


@pytest.mark.parametrize("name", ["null", "NULL", "KECCAK-KMAC-128", "KECCAK-KMAC-256"])
def test_digests_with_no_output_are_unknown(name: str) -> None:
    # node: createHash('null') -> Error 'Digest method not supported' (no code);
    # crypto.hash('null', 'x') -> 'Digest method null is not supported'; createHmac, pbkdf2Sync
    # and hkdfSync -> ERR_CRYPTO_INVALID_DIGEST. hashlib builds these (a zero-size digest,
    # KMAC's cSHAKE as an XOF) under OpenSSL's name 'undefined'.
    with pytest.raises(CryptoError, match="^Digest method not supported$"):
        crypto.create_hash(name)
    with pytest.raises(CryptoError, match=f"^Digest method {name} is not supported$"):
        crypto.hash(name, "x")
    with pytest.raises(ERR_CRYPTO_INVALID_DIGEST):
        crypto.create_hmac(name, "k")
    with pytest.raises(ERR_CRYPTO_INVALID_DIGEST):
        crypto.pbkdf2_sync("p", "s", 1, 4, name)
    with pytest.raises(ERR_CRYPTO_INVALID_DIGEST):
        crypto.hkdf_sync(name, "k", "s", "i", 4)
    assert name not in crypto.get_hashes()
