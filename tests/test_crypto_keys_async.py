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


async def test_generate_key_pair_encodings_and_errors() -> None:
    results: list[Any] = []
    async with open_loop():
        crypto.generate_key_pair(
            "ed25519",
            lambda *a: results.append(a),
            public_key_encoding={"type": "spki", "format": "pem"},
            private_key_encoding={"type": "pkcs8", "format": "der"},
        )
        # A bad option raises at once and starts nothing, as in Node.
        with pytest.raises(errors.ERR_CRYPTO_INVALID_CURVE):
            crypto.generate_key_pair("ec", lambda *a: results.append(a), named_curve="nope")
        # A failure of the generation itself reaches the callback.
        crypto.generate_key_pair(
            "dsa", lambda *a: results.append(a), modulus_length=1024, divisor_length=100
        )
    assert len(results) == 2
    ok = next(r for r in results if r[0] is None)
    assert ok[1].startswith("-----BEGIN PUBLIC KEY-----")
    assert (
        crypto.create_private_key(ok[2], format="der", type="pkcs8").asymmetric_key_type
        == "ed25519"
    )
    failed = next(r for r in results if r[0] is not None)
    assert failed[0].code == "ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED" and len(failed) == 1


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


# --------------------------------------------------------------------------------------------
# The same guarantees as the standard-library half's callback forms (tests/test_crypto_std_loop.py):
# all of them run through one mechanism, ``crypto._offload``.


def _descendant_tasks() -> set[trio.lowlevel.Task]:
    """Every task below the current one (the loop's tasks included)."""
    found: set[trio.lowlevel.Task] = set()
    pending = [trio.lowlevel.current_task()]
    while pending:
        for nursery in pending.pop().child_nurseries:
            found.update(nursery.child_tasks)
            pending.extend(nursery.child_tasks)
    return found


async def test_sign_and_verify_call_back_in_the_callers_frame() -> None:
    als: AsyncLocalStorage[str] = AsyncLocalStorage()
    public, private = crypto.generate_key_pair_sync("ed25519")
    sig = crypto.sign(None, b"data", private)
    seen: list[Any] = []

    def record(err: object, value: object) -> None:
        seen.append((err, value, als.get_store()))

    async with open_loop():
        als.run("signing", crypto.sign, None, b"data", private, record)
        als.run("verifying", crypto.verify, None, b"data", public, sig, record)
        als.run("key", crypto.generate_key, "hmac", record, length=64)
        assert seen == []  # never synchronously
    stores = sorted(store for _, _, store in seen)
    assert stores == ["key", "signing", "verifying"]
    assert all(err is None for err, _, _ in seen)


async def test_a_raising_sign_or_verify_callback_is_an_uncaught_exception() -> None:
    public, private = crypto.generate_key_pair_sync("ed25519")
    sig = crypto.sign(None, b"data", private)
    reported: list[tuple[str, str]] = []

    def boom(err: object, *values: object) -> None:
        raise RuntimeError("from the callback")

    async with open_loop() as loop:
        loop.on("uncaughtException", lambda err, origin: reported.append((str(err), origin)))
        crypto.sign(None, b"data", private, boom)
        crypto.verify(None, b"data", public, sig, boom)
        crypto.generate_key_pair("x25519", boom)
    assert reported == [("from the callback", "uncaughtException")] * 3


def test_sign_and_verify_callback_forms_need_a_loop_and_start_nothing() -> None:
    public, private = crypto.generate_key_pair_sync("ed25519")
    sig = crypto.sign(None, b"data", private)
    calls: list[Any] = []
    with pytest.raises(NoLoopError):
        crypto.sign(None, b"data", private, lambda *a: calls.append(a))
    with pytest.raises(NoLoopError):
        crypto.verify(None, b"data", public, sig, lambda *a: calls.append(a))
    assert calls == []


async def test_a_bad_callback_is_refused_before_the_data_is_read() -> None:
    # Node's signOneShot/verifyOneShot validate the callback first.
    public, private = crypto.generate_key_pair_sync("ed25519")
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match='"callback"'):
        crypto.sign(None, 5, private, 5)
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match='"callback"'):
        crypto.verify(None, 5, public, 5, 5)
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match='"callback"'):
        crypto.generate_key("aes", 5, length=128)


async def test_promisified_sign_and_verify() -> None:
    public, private = crypto.generate_key_pair_sync("ec", named_curve="P-256")
    for fn in (crypto.sign, crypto.verify, crypto.generate_key, crypto.generate_key_pair):
        assert promisify(fn) is getattr(fn, promisify.custom)
    sig = await promisify(crypto.sign)("sha256", b"data", private, dsa_encoding="ieee-p1363")
    assert len(sig) == 64
    assert await promisify(crypto.verify)("sha256", b"data", public, sig, dsa_encoding="ieee-p1363")
    assert not await promisify(crypto.verify)("sha256", b"datb", {"key": public}, sig)
    with pytest.raises(errors.ERR_CRYPTO_INVALID_DIGEST):
        await promisify(crypto.sign)("nope", b"data", private)


async def test_cancelled_promisified_forms_leave_no_task_behind() -> None:
    _, private = crypto.generate_key_pair_sync("rsa", modulus_length=1024)
    async with open_loop():
        before = _descendant_tasks()
        for call in (
            lambda: promisify(crypto.generate_key_pair)("rsa", modulus_length=4096),
            lambda: promisify(crypto.sign)("sha256", bytes(1 << 26), private),
            lambda: promisify(crypto.verify)("sha256", bytes(1 << 26), private, b"x" * 128),
        ):
            with trio.move_on_after(0.001) as scope:
                await call()
            assert scope.cancelled_caught
            assert _descendant_tasks() == before


async def test_bad_arguments_raise_synchronously_and_start_nothing() -> None:
    # Node checks the options of generateKeyPair/generateKey (and the key and digest of the
    # one-shot sign/verify) before it queues the job: each of these throws in Node 20.
    public, private = crypto.generate_key_pair_sync("ed25519")
    calls: list[Any] = []

    def cb(*args: Any) -> None:
        calls.append(args)

    async with open_loop():
        before = _descendant_tasks()
        with pytest.raises(errors.ERR_INVALID_ARG_VALUE):
            crypto.generate_key_pair("nope", cb)
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match="options.modulusLength"):
            crypto.generate_key_pair("rsa", cb, modulus_length="x")
        with pytest.raises(errors.ERR_INVALID_ARG_VALUE, match="options.privateKeyEncoding"):
            crypto.generate_key_pair("ed25519", cb, private_key_encoding={"format": "x"})
        with pytest.raises(errors.ERR_INVALID_ARG_VALUE, match="options.length"):
            crypto.generate_key("aes", cb, length=100)
        with pytest.raises(errors.ERR_CRYPTO_INVALID_DIGEST):
            crypto.sign(
                "nope", b"x", crypto.generate_key_pair_sync("ec", named_curve="P-256")[1], cb
            )
        with pytest.raises(errors.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE):
            crypto.sign(None, b"x", public, cb)
        with pytest.raises(errors.ERR_INVALID_ARG_VALUE, match="dsaEncoding"):
            crypto.verify(None, b"x", public, b"s", cb, dsa_encoding="nope")
        assert _descendant_tasks() == before
    assert calls == []


async def test_a_digest_for_an_eddsa_key_reaches_the_callback() -> None:
    # Node: sign('sha256', data, ed25519Key, cb) calls back with OpenSSL's "invalid digest".
    public, private = crypto.generate_key_pair_sync("ed25519")
    calls: list[Any] = []
    async with open_loop():
        crypto.sign("sha256", b"x", private, lambda *a: calls.append(a))
        crypto.verify("sha256", b"x", public, bytes(64), lambda *a: calls.append(a))
    assert [type(c[0]) for c in calls] == [errors.ERR_OSSL_INVALID_DIGEST] * 2
    with pytest.raises(errors.ERR_OSSL_INVALID_DIGEST):
        crypto.sign("sha256", b"x", private)


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
