"""The callback forms of key generation and signing, and their promisified forms.

Node runs ``generateKeyPair``/``generateKey`` and callback ``sign``/``verify`` on its thread
pool and calls back from the event loop. Here: the work runs off the Trio thread, the
callback runs on the Trio thread in the caller's AsyncLocalStorage frame, the loop stays open
until it has run, ``util.promisify`` gives an awaitable that can be cancelled, and a callback
that raises is the loop's uncaught exception.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
import trio

from trio_nodecompat import crypto, errors, open_loop
from trio_nodecompat.async_hooks import AsyncLocalStorage
from trio_nodecompat.errors import NoLoopError
from trio_nodecompat.util import promisify


async def test_generate_key_pair_calls_back_in_the_callers_frame() -> None:
    als: AsyncLocalStorage[str] = AsyncLocalStorage()
    seen: list[Any] = []
    trio_thread = threading.get_ident()

    def callback(err: object, public: object, private: object) -> None:
        seen.append((err, public, private, als.get_store(), threading.get_ident()))

    async with open_loop():
        als.run("request-7", crypto.generate_key_pair, "ec", callback, named_curve="P-256")
        assert seen == []  # not synchronous, as in Node
    (err, public, private, store, thread) = seen[0]
    assert err is None and store == "request-7" and thread == trio_thread
    assert isinstance(public, crypto.KeyObject) and public.type == "public"
    assert isinstance(private, crypto.KeyObject) and private.asymmetric_key_type == "ec"
    assert crypto.create_public_key(private).equals(public)


async def test_generate_key_pair_encodings_and_errors_through_the_callback() -> None:
    results: list[Any] = []
    async with open_loop():
        crypto.generate_key_pair(
            "ed25519",
            lambda *a: results.append(a),
            public_key_encoding={"type": "spki", "format": "pem"},
            private_key_encoding={"type": "pkcs8", "format": "der"},
        )
        # Node throws bad options from the call itself; the callback never sees them
        with pytest.raises(errors.ERR_CRYPTO_INVALID_CURVE):
            crypto.generate_key_pair("ec", lambda *a: results.append(a), named_curve="nope")
        crypto.generate_key_pair("x25519", lambda *a: results.append(a))
    assert len(results) == 2 and all(r[0] is None for r in results)
    ok = results[0] if isinstance(results[0][1], str) else results[1]
    assert ok[1].startswith("-----BEGIN PUBLIC KEY-----")
    assert (
        crypto.create_private_key(ok[2], format="der", type="pkcs8").asymmetric_key_type
        == "ed25519"
    )


async def test_generate_key_and_promisify() -> None:
    async with open_loop():
        public, private = await promisify(crypto.generate_key_pair)("x25519")
        assert public.asymmetric_key_type == private.asymmetric_key_type == "x25519"
        key = await promisify(crypto.generate_key)("aes", length=256)
        assert key.symmetric_key_size == 32
        got: list[Any] = []
        crypto.generate_key("hmac", lambda err, k: got.append((err, k)), length=64)
    assert got[0][0] is None and got[0][1].symmetric_key_size == 8
    with pytest.raises(errors.ERR_INVALID_ARG_VALUE):
        async with open_loop():
            await promisify(crypto.generate_key)("aes", length=100)


async def test_promisified_key_generation_can_be_cancelled() -> None:
    async with open_loop():
        with trio.move_on_after(0.001) as scope:
            await promisify(crypto.generate_key_pair)("rsa", modulus_length=4096)
        assert scope.cancelled_caught


async def test_sign_and_verify_callback_forms() -> None:
    public, private = crypto.generate_key_pair_sync("ed25519")
    got: list[Any] = []
    async with open_loop():
        crypto.sign(None, b"data", private, lambda err, sig: got.append(("sign", err, sig)))
    sig = got[0][2]
    async with open_loop():
        crypto.verify(None, b"data", public, sig, lambda err, ok: got.append(("verify", err, ok)))
        crypto.verify(None, b"datb", public, sig, lambda err, ok: got.append(("verify", err, ok)))
    assert [g[1] for g in got] == [None, None, None]
    assert sorted(g[2] for g in got[1:]) == [False, True]
    assert crypto.verify(None, b"data", public, sig) is True


async def test_a_raising_callback_is_an_uncaught_exception() -> None:
    def callback(err: object, *values: object) -> None:
        raise KeyError("from the callback")

    with pytest.raises(BaseExceptionGroup) as info:
        async with open_loop():
            crypto.generate_key("aes", callback, length=128)
    assert info.group_contains(KeyError, match="from the callback")


def test_callback_forms_need_a_loop() -> None:
    with pytest.raises(NoLoopError):
        crypto.generate_key("aes", lambda *a: None, length=128)
    with pytest.raises(NoLoopError):
        crypto.generate_key_pair("ed25519", lambda *a: None)


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (
            lambda cb: crypto.generate_key_pair("rsa", cb, modulus_length="x"),
            "ERR_INVALID_ARG_TYPE",
        ),
        (
            lambda cb: crypto.generate_key_pair(
                "rsa",
                cb,
                modulus_length=1024,
                private_key_encoding={"type": "pkcs8", "format": "pem", "passphrase": "x"},
            ),
            "ERR_INVALID_ARG_VALUE",
        ),
        (
            lambda cb: crypto.generate_key_pair("ec", cb, named_curve="bogus"),
            "ERR_CRYPTO_INVALID_CURVE",
        ),
        (lambda cb: crypto.generate_key_pair("foo", cb), "ERR_INVALID_ARG_VALUE"),
        (lambda cb: crypto.generate_key("aes", cb, length=100), "ERR_INVALID_ARG_VALUE"),
    ],
)
async def test_bad_options_raise_before_the_callback(call: Any, code: str) -> None:
    # Node validates generateKeyPair/generateKey options synchronously: the call throws and
    # the callback never runs (node -e "crypto.generateKeyPair('ec', {namedCurve: 'bogus'},
    # cb)" throws ERR_CRYPTO_INVALID_CURVE from the call itself).
    called: list[object] = []
    async with open_loop():
        with pytest.raises(errors.NodeError) as info:
            call(lambda *args: called.append(args))
    assert info.value.code == code
    assert called == []


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda cb: crypto.sign("sha256", b"a", "garbage", cb), "ERR_OSSL_UNSUPPORTED"),
        (lambda cb: crypto.sign("bogus", b"a", _P256, cb), "ERR_CRYPTO_INVALID_DIGEST"),
        (
            lambda cb: crypto.sign("sha256", b"a", {"key": _P256, "dsaEncoding": "x"}, cb),
            "ERR_INVALID_ARG_VALUE",
        ),
        (lambda cb: crypto.verify("sha256", b"a", "garbage", bytes(3), cb), "ERR_OSSL_UNSUPPORTED"),
    ],
)
async def test_one_shot_sign_verify_check_arguments_in_the_call(call: Any, code: str) -> None:
    # Node 20: crypto.sign/verify with a callback throw a bad key, digest or option from the
    # call (node -e "crypto.sign('sha256', Buffer.from('a'), 'garbage', cb)" throws
    # ERR_OSSL_UNSUPPORTED); only the signing itself runs on the thread pool.
    called: list[object] = []
    async with open_loop():
        with pytest.raises(errors.NodeError) as info:
            call(lambda *args: called.append(args))
    assert info.value.code == code
    assert called == []


_P256 = crypto.generate_key_pair_sync("ec", named_curve="P-256")[1]
