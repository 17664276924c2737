"""Hash and Hmac as Transform streams (Node's LazyTransform): write data, read the digest.

Ports test-crypto-hash-stream-pipe.js, test-crypto-stream.js (both halves), the stream half of
test-crypto-hash.js (``a5``-``a8``) and of test-crypto-hmac.js's RFC 4231 loop, and pipes a
Readable into ``create_hash``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import trio

import trio_nodecompat
from trio_nodecompat import crypto
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.errors import (
    ERR_CRYPTO_HASH_FINALIZED,
    ERR_CRYPTO_HASH_UPDATE_FAILED,
    ERR_UNKNOWN_ENCODING,
)
from trio_nodecompat.stream import PassThrough, Readable, Transform

VECTORS = json.loads(
    (Path(__file__).parent / "fixtures" / "crypto_std" / "node_test_vectors.json").read_text()
)
SHA512_TEST123 = crypto.create_hash("sha512").update("Test123").digest()


def test_update_and_digest_build_no_stream() -> None:
    h = crypto.create_hash("sha256")
    assert isinstance(h, Transform)
    assert h.update(b"abc").digest("hex").startswith("ba7816bf")
    # No stream state was built, not even the emitter's listener tables (create_hash's fast
    # path makes the object without EventEmitter.__new__), and no loop was needed.
    assert vars(h) == {}
    # Hash(...) called as a class is as lazy (LazyTransform.__new__ skips the emitter's).
    c = crypto.Hash("sha256")
    assert vars(c) == {}
    assert c.update(b"abc").digest("hex") == crypto.create_hash("sha256").update("abc").digest(
        "hex"
    )
    m = crypto.create_hmac("sha256", "k")
    m.update("x").digest()
    assert "_readable_state" not in vars(m) and "_writable_state" not in vars(m)


async def test_stream_interface() -> None:
    # test-crypto-hash.js: a5 (end with data), a6 (three writes), a7 (end alone), a8 ('' then end)
    async with trio_nodecompat.open_loop():
        a5 = crypto.create_hash("sha512")
        a5.end("Test123")
        assert a5.read() == SHA512_TEST123  # synchronously, as in Node
        a6 = crypto.create_hash("sha512")
        a6.write("Te")
        a6.write("st")
        a6.write("123")
        a6.end()
        assert a6.read() == SHA512_TEST123
        a7 = crypto.create_hash("sha512")
        a7.end()
        assert a7.read() == crypto.create_hash("sha512").digest()
        a8 = crypto.create_hash("sha512")
        a8.write("")
        a8.end()
        assert a8.read() is not None


async def test_hash_stream_pipe() -> None:
    # test-crypto-hash-stream-pipe.js
    expect = (
        "36a38a2a35e698974d4e5791a3f05b05198235381e864f91a0e8cd6a26b677ec"
        "dcde8e2b069bd7355fabd68abd6fc80119659f25e92f8efc961ee3a7c815c758"
    )
    seen: list[str] = []
    async with trio_nodecompat.open_loop():
        s = PassThrough()
        h = crypto.create_hash("sha3-512")

        def on_data(chunk: str) -> None:
            assert chunk == expect
            # digest() after the stream pushed its digest still works (nodejs/node#28245).
            assert h.digest("hex") == expect
            seen.append(chunk)

        s.pipe(h).on("data", on_data).set_encoding("hex")
        s.end("aoeu")
    assert seen == [expect]


async def test_pipe_a_readable_into_create_hash() -> None:
    chunks = [Buffer.from_(bytes(range(i, i + 100))) for i in range(0, 150, 10)]
    expected = crypto.create_hash("sha256")
    for chunk in chunks:
        expected.update(chunk)
    want = expected.digest()
    pending = list(chunks)

    def read(stream: Readable, size: int) -> None:
        stream.push(pending.pop(0) if pending else None)

    got: list[object] = []
    async with trio_nodecompat.open_loop():
        source = Readable(read=read, high_water_mark=64)
        source.pipe(crypto.create_hash("sha256")).on("data", got.append)
        await trio.sleep(0)
    assert got == [want]


async def test_xof_stream_pushes_its_output_length() -> None:
    async with trio_nodecompat.open_loop():
        h = crypto.create_hash("shake256", output_length=5)
        h.end("abc")
        assert h.read() == crypto.create_hash("shake256", output_length=5).update("abc").digest()


async def test_hmac_rfc4231_through_the_stream() -> None:
    async with trio_nodecompat.open_loop():
        for case in VECTORS["hmac"]["rfc4231"]:
            for algorithm, want in case["hmac"].items():
                key = Buffer.from_(case["key"]["hex"], "hex")
                h = crypto.create_hmac(algorithm, key)
                h.end(Buffer.from_(case["data"]["hex"], "hex"))
                got = h.read().to_string("hex")
                if case.get("truncate"):
                    got = got[:32]
                assert got == want


# -- The stream after digest(), and digest() after the stream (checked against node 20.11):
# Node's native handle finalizes once. After digest(), writes to the stream are dropped and
# the flush pushes the digest already computed (a Hash) or nothing (an Hmac, whose native
# context is gone). After the flush pushed the digest, a Hash's update() is accepted and
# dropped (digest() returns the pushed digest), while an Hmac's update() is
# ERR_CRYPTO_HASH_UPDATE_FAILED and its digest() is empty.


def sha256(data: str) -> Buffer:
    return crypto.create_hash("sha256").update(data).digest()


async def test_hash_writes_after_digest_are_dropped() -> None:
    async with trio_nodecompat.open_loop():
        h = crypto.create_hash("sha256")
        h.write("a")
        assert h.digest() == sha256("a")
        h.end("x")  # no error, as in Node
        assert h.read() == sha256("a")
        x = crypto.create_hash("shake256", output_length=4)
        x.write("a")
        assert x.digest("hex") == "867e2cb0"  # node: createHash('shake256', {outputLength: 4})
        x.end("x")
        assert x.read().to_string("hex") == "867e2cb0"


async def test_hmac_writes_after_digest_push_nothing() -> None:
    async with trio_nodecompat.open_loop():
        h = crypto.create_hmac("sha256", "k")
        h.write("a")
        assert h.digest("hex") == crypto.create_hmac("sha256", "k").update("a").digest("hex")
        seen: list[object] = []
        h.on("data", seen.append)
        h.end("x")
        await trio.sleep(0.01)
        assert seen == []
        assert h.readable_ended and h.writable_finished


async def test_hash_update_after_the_stream_pushed_its_digest_is_dropped() -> None:
    async with trio_nodecompat.open_loop():
        h = crypto.create_hash("sha256")
        h.end("x")
        assert h.read() == sha256("x")
        assert h.update("q") is h
        assert h.digest("hex") == sha256("x").to_string("hex")


async def test_hmac_update_after_the_stream_pushed_its_digest_fails() -> None:
    async with trio_nodecompat.open_loop():
        h = crypto.create_hmac("sha256", "k")
        h.end("x")
        assert h.read() == crypto.create_hmac("sha256", "k").update("x").digest()
        with pytest.raises(ERR_CRYPTO_HASH_UPDATE_FAILED):
            h.update("q")
        assert h.digest("hex") == ""
        with pytest.raises(ERR_CRYPTO_HASH_FINALIZED):
            h.update("q")
        h2 = crypto.create_hmac("sha256", "k")
        h2.end("x")
        h2.read()
        empty = h2.digest()
        assert isinstance(empty, Buffer) and len(empty) == 0


async def test_stream_options_reach_the_transform() -> None:
    # createHash(alg, {encoding}) / createHmac(alg, key, {encoding}): Node hands the options to
    # the Transform, so the readable side gives strings; an Hmac's encoding also reads the key.
    async with trio_nodecompat.open_loop():
        h = crypto.create_hash("sha256", encoding="hex")
        assert h.readable_encoding == "hex"
        h.end("abc")
        assert h.read() == sha256("abc").to_string("hex")
        assert h.digest("hex") == sha256("abc").to_string("hex")
        m = crypto.create_hmac("sha256", "6b6b", encoding="hex")
        m.end("abc")
        want = crypto.create_hmac("sha256", "kk").update("abc").digest("hex")
        assert want == "1ebd7a22a26f51fbaa2db8136c107a8f5cefb4866006f2d414480a069f838b23"
        assert m.read() == want
        s = crypto.create_hash("shake128", output_length=5, high_water_mark=1, encoding="base64")
        s.end("abc")
        assert s.read() == Buffer.from_("5881092dd8", "hex").to_string("base64")
        # Node checks the encoding when the stream is built, at the first write.
        bad = crypto.create_hash("sha256", encoding="bogus")
        assert bad.update("a").digest("hex") == sha256("a").to_string("hex")
        with pytest.raises(ERR_UNKNOWN_ENCODING):
            crypto.create_hash("sha256", encoding="bogus").write("a")
    # A misspelt option name is refused at once, as a Python keyword is.
    with pytest.raises(TypeError, match="outputLength"):
        crypto.create_hash("shake128", outputLength=5)
    with pytest.raises(TypeError, match="bogus_option"):
        crypto.create_hmac("sha256", "k", bogus_option=1)


@pytest.mark.parametrize(
    "first",
    ["event_names", "listener_count", "set_max_listeners", "remove_all_listeners", "emit"],
)
async def test_any_emitter_call_first_builds_the_emitter_state(first: str) -> None:
    # A fast-path Hash has no listener tables until an emitter method touches them; each
    # method then sees an empty emitter, what it set survives the stream's build, and the
    # hash still digests.
    async with trio_nodecompat.open_loop():
        h = crypto.create_hash("sha256")
        method = getattr(h, first)
        if first == "set_max_listeners":
            assert method(3) is h
        elif first == "remove_all_listeners":
            assert method() is h
        elif first == "emit":
            assert method("x") is False
        elif first == "listener_count":
            assert method("data") == 0
        else:
            # The read built the stream: its own 'prefinish' listener shows, as in Node once a
            # Hash's stream exists (Node's eventNames() on an unbuilt Hash throws a TypeError
            # from its legacy-stream code).
            assert method() == ["prefinish"]
        h.on("data", lambda chunk: None)  # builds the stream state if nothing did yet
        assert "_events" in vars(h) and "_readable_state" in vars(h)
        assert h.get_max_listeners() == (3 if first == "set_max_listeners" else 10)
        assert h.update("abc").digest() == sha256("abc")


async def test_a_listener_added_first_builds_the_stream_and_stays() -> None:
    # h.on('data', ...) as the very first call on a Hash: building the stream state must not
    # reset the listener table the listener went into (the lazy EventEmitter state and the
    # lazy Transform state are one build).
    got: list[object] = []
    async with trio_nodecompat.open_loop():
        h = crypto.create_hash("sha256")
        h.on("data", got.append)
        h.end("abc")
        m = crypto.create_hmac("sha256", "k")
        m.once("finish", lambda: got.append("finish"))
        m.end("abc")
        await trio.sleep(0.01)
    assert got == [sha256("abc"), "finish"]


async def test_hash_piped_into_a_writable() -> None:
    # test-crypto-stream.js, its Hash half: an md5 Hash piped into a Writable that concatenates
    # what it gets, then the simpler stream calls on fresh hashes.
    from trio_nodecompat.stream import Writable

    got: list[str] = []
    async with trio_nodecompat.open_loop():
        buffers: list[Buffer] = []

        def on_finish() -> None:
            got.append(Buffer.concat(buffers).to_string("hex"))

        sink = Writable(write=lambda self, data, encoding, done: (buffers.append(data), done()))
        sink.once("finish", on_finish)
        hasher = crypto.create_hash("md5")
        hasher.pipe(sink)
        hasher.end("Hallo world")

        assert isinstance(crypto.create_hash("md5").unpipe(object()), crypto.Hash)
        assert isinstance(crypto.create_hash("md5").set_encoding("utf8"), crypto.Hash)
        assert isinstance(crypto.create_hash("md5").pause(), crypto.Hash)
        assert isinstance(crypto.create_hash("md5").resume(), crypto.Hash)
    assert got == ["06460dadb35d3d503047ce750ceb2d07"]


async def test_decipher_flush_failure_is_an_error_event() -> None:
    # test-crypto-stream.js: Decipher._flush() emits 'error' (bad decrypt), not an exception.
    pytest.importorskip("cryptography")
    from trio_nodecompat import errors

    key = Buffer.from_("48fb56eb10ffeb13fc0ef551bbca3b1b", "hex")
    badkey = Buffer.from_("12341234123412341234123412341234", "hex")
    iv = Buffer.from_("6d358219d1f488f5f4eb12820a66d146", "hex")
    seen: list[BaseException] = []
    async with trio_nodecompat.open_loop():
        cipher = crypto.create_cipheriv("aes-128-cbc", key, iv)
        decipher = crypto.create_decipheriv("aes-128-cbc", badkey, iv)
        cipher.pipe(decipher).on("error", seen.append)
        cipher.end("Papaya!")  # must not be an unhandled exception
        await trio.sleep(0.01)
    assert len(seen) == 1 and isinstance(seen[0], errors.ERR_OSSL_BAD_DECRYPT)
    assert "bad decrypt" in seen[0].message
    assert seen[0].library == "Provider routines" and seen[0].reason == "bad decrypt"


@pytest.mark.parametrize("how", ["create_hmac", "Hmac"])
async def test_stream_options_act_however_the_hmac_is_made(how: str) -> None:
    # Node (new crypto.Hmac(alg, key, {signal}) or createHmac): a listener added first builds
    # the stream, which sees the signal already aborted and is destroyed with ABORT_ERR; with
    # captureRejections an async listener's failure becomes 'error'. The class call must build
    # the stream on first use exactly as create_hmac does.
    make = getattr(crypto, how)
    seen: list[object] = []
    async with trio_nodecompat.open_loop():
        controller = trio_nodecompat.abort.AbortController()
        aborted = make("sha256", "k", signal=controller.signal)
        controller.abort()
        aborted.on("error", lambda err: seen.append(err.code))

        async def fails() -> None:
            raise ValueError("boom")

        captured = make("sha256", "k", capture_rejections=True)
        captured.on("error", lambda err: seen.append(str(err)))
        captured.on("x", fails)
        captured.emit("x")
        await trio.sleep(0.02)
    assert seen == ["ABORT_ERR", "boom"] or seen == ["boom", "ABORT_ERR"]
    assert aborted.destroyed


def test_a_hash_made_by_the_class_or_copy_is_as_lazy_as_create_hash() -> None:
    # No listener tables and no stream state until first use, however the Hash is made.
    assert vars(crypto.Hash("sha256")) == {}
    assert vars(crypto.create_hash("sha256").copy()) == {}
    assert vars(crypto.Hmac("sha256", "k")) == {}


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ({"encoding": "bogus"}, "ERR_UNKNOWN_ENCODING"),
        ({"high_water_mark": -1}, "ERR_INVALID_ARG_VALUE"),
    ],
)
async def test_a_failed_stream_build_is_retried_and_leaves_the_emitter_usable(
    options: dict[str, object], code: str
) -> None:
    # Node (createHash('sha256', {encoding: 'bogus'})): every write throws the option's error
    # again (the lazy getters retry the Transform build), while listenerCount and emit still
    # work on the emitter and update/digest on the hash.
    async with trio_nodecompat.open_loop():
        for h in (crypto.create_hash("sha256", **options), crypto.Hmac("sha256", b"k", **options)):
            for _ in range(2):
                with pytest.raises(Exception) as caught:
                    h.write("a")
                assert getattr(caught.value, "code", None) == code
            assert h.listener_count("x") == 0
            seen: list[object] = []
            h.on("x", seen.append)
            assert h.emit("x", 1) is True and seen == [1]
            assert h.update("a").digest()
