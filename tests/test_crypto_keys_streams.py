"""Sign/Verify are Writables and Cipheriv/Decipheriv Transforms, as in Node.

Node's ``test-crypto-stream.js`` pipes a Readable through a Cipher/Decipher and into a
Writable; ``test-crypto-authenticated-stream.js`` does the same with AEAD tags and expects
a wrong tag as the stream's ``'error'``. The stream side goes through the package's ``stream``
core (events on the loop's nextTick queue), so these tests run in a loop.
"""

from __future__ import annotations

from typing import Any

import pytest
import trio

from trio_nodecompat import crypto, errors, open_loop
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.stream import Readable, Transform, Writable

KEY, IV = bytes(range(32)), bytes(range(12))
PLAIN = bytes(range(256)) * 50


def chunks_readable(chunks: list[bytes]) -> Readable:
    """A Readable that pushes ``chunks`` one per read, then ends."""
    pending = list(chunks)

    def read(self: Readable, size: int) -> None:
        self.push(pending.pop(0) if pending else None)

    return Readable(read=read)


def collector(into: list[bytes]) -> Writable:
    def write(self: Writable, chunk: Any, encoding: str, callback: Any) -> None:
        into.append(bytes(chunk))
        callback()

    return Writable(write=write)


async def finished(stream: Any, event: str = "finish") -> None:
    done = trio.Event()
    stream.once(event, lambda *args: done.set())
    with trio.fail_after(5):
        await done.wait()


def one_shot(algorithm: str) -> tuple[bytes, bytes]:
    c = crypto.create_cipheriv(algorithm, KEY, IV)
    out = bytes(c.update(PLAIN)) + bytes(c.final())  # type: ignore[arg-type]
    return out, bytes(c.get_auth_tag())


def test_the_classes_are_streams() -> None:
    assert isinstance(crypto.create_cipheriv("aes-256-gcm", KEY, IV), Transform)
    assert isinstance(crypto.create_decipheriv("aes-256-gcm", KEY, IV), Transform)
    assert isinstance(crypto.create_sign("sha256"), Writable)
    assert isinstance(crypto.create_verify("sha256"), Writable)


@pytest.mark.parametrize("algorithm", ["aes-256-gcm", "chacha20-poly1305"])
async def test_pipe_through_cipher_and_decipher(algorithm: str) -> None:
    expected, tag = one_shot(algorithm)
    pieces = [PLAIN[i : i + 1000] for i in range(0, len(PLAIN), 1000)]
    encrypted: list[bytes] = []
    async with open_loop():
        cipher = crypto.create_cipheriv(algorithm, KEY, IV)
        sink = collector(encrypted)
        chunks_readable(pieces).pipe(cipher).pipe(sink)
        await finished(sink)
        assert b"".join(encrypted) == expected
        assert bytes(cipher.get_auth_tag()) == tag

        decrypted: list[bytes] = []
        decipher = crypto.create_decipheriv(algorithm, KEY, IV)
        decipher.set_auth_tag(tag)
        out = collector(decrypted)
        chunks_readable([expected[:777], expected[777:]]).pipe(decipher).pipe(out)
        await finished(out)
        assert b"".join(decrypted) == PLAIN


async def test_cbc_write_and_end_gives_what_update_and_final_give() -> None:
    c = crypto.create_cipheriv("aes-128-cbc", KEY[:16], IV + IV[:4])
    want = bytes(c.update(b"x" * 40)) + bytes(c.final())  # type: ignore[arg-type]
    got: list[bytes] = []
    async with open_loop():
        stream = crypto.create_cipheriv("aes-128-cbc", KEY[:16], IV + IV[:4])
        stream.on("data", lambda chunk: got.append(bytes(chunk)))
        stream.write(b"x" * 25)
        stream.write("x" * 15)
        stream.end()
        await finished(stream, "end")
    assert b"".join(got) == want


async def test_a_wrong_tag_is_the_streams_error() -> None:
    """test-crypto-authenticated-stream.js: authentication failure surfaces as 'error'."""
    ciphertext, _ = one_shot("aes-256-gcm")
    seen: list[BaseException] = []
    async with open_loop():
        decipher = crypto.create_decipheriv("aes-256-gcm", KEY, IV)
        decipher.set_auth_tag(bytes(16))
        decipher.on("error", seen.append)
        decipher.on("data", lambda chunk: None)
        decipher.write(ciphertext)
        decipher.end()
        await finished(decipher, "error")
    assert isinstance(seen[0], errors.CryptoOperationError)
    assert seen[0].message == "Unsupported state or unable to authenticate data"


async def test_sign_and_verify_as_writables() -> None:
    public, private = crypto.generate_key_pair_sync("ec", named_curve="P-256")
    async with open_loop():
        signer = crypto.create_sign("sha256")
        chunks_readable([b"hello ", b"stream ", b"world"]).pipe(signer)
        await finished(signer)
        signature = signer.sign(private)
        verifier = crypto.create_verify("sha256")
        verifier.write(b"hello stream ")
        verifier.end("world")
        await finished(verifier)
        assert verifier.verify(public, signature)
    assert crypto.verify("sha256", b"hello stream world", public, signature)


async def test_writing_after_sign_is_the_writables_error() -> None:
    """After ``sign()`` the hash is gone: a later write fails as Node's does (``Not initialised``)."""
    ec_private = crypto.generate_key_pair_sync("ec", named_curve="P-256")[1]
    seen: list[BaseException] = []
    async with open_loop():
        signer = crypto.create_sign("sha256")
        signer.on("error", seen.append)
        signer.update("x")
        signer.sign(ec_private)
        signer.write(Buffer.from_("more"))
        await finished(signer, "error")
    assert isinstance(seen[0], errors.ERR_CRYPTO_INVALID_STATE)
    assert seen[0].message == "Not initialised"
