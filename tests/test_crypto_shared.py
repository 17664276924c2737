"""Where the two halves of ``crypto`` meet: one converter, one off-thread mechanism.

The standard-library half (hashes, HMAC, KDFs, randomness) and the ``cryptography`` half
(keys, signatures, ciphers) convert user data through ``crypto._convert`` and take a
``KeyObject`` through its ``prepareSecretKey`` hook. These cases are Node's (checked with
``node`` 20): a secret KeyObject works as an HMAC, HKDF or cipher key, an asymmetric one is
``ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE``, and every ``update`` takes any TypedArray, as Node's
``isArrayBufferView`` does.
"""

from __future__ import annotations

import array
from collections.abc import Callable
from typing import Any

import pytest

from trio_nodecompat import crypto, errors

C: Any = crypto

pytest.importorskip("cryptography")

RAW = b"0123456789abcdef"
IV = bytes(16)


def _encrypt(key: object, data: object) -> bytes:
    cipher = crypto.create_cipheriv("aes-128-cbc", key, IV)
    out: Any = cipher.update(data)
    end: Any = cipher.final()
    return bytes(out) + bytes(end)


def test_a_secret_key_object_is_a_key_for_hmac_hkdf_and_ciphers() -> None:
    key = crypto.create_secret_key(RAW)
    assert crypto.create_hmac("sha256", key).update("x").digest("hex") == crypto.create_hmac(
        "sha256", RAW
    ).update("x").digest("hex")
    assert crypto.hkdf_sync("sha256", key, "s", "i", 8) == crypto.hkdf_sync(
        "sha256", RAW, "s", "i", 8
    )
    assert _encrypt(key, "hello") == _encrypt(RAW, "hello")


@pytest.mark.parametrize("kind", ["public", "private"])
def test_an_asymmetric_key_object_is_the_wrong_type(kind: str) -> None:
    public, private = crypto.generate_key_pair_sync("ed25519")
    key = public if kind == "public" else private
    message = f"Invalid key object type {kind}, expected secret."
    with pytest.raises(errors.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE, match=message):
        crypto.create_hmac("sha256", key)
    with pytest.raises(errors.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE, match=message):
        crypto.create_cipheriv("aes-128-cbc", key, IV)
    with pytest.raises(errors.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE, match=message):
        crypto.hkdf_sync("sha256", key, "s", "i", 8)


def test_a_key_object_keeps_its_own_copy() -> None:
    raw = bytearray(RAW)
    key = C.create_secret_key(raw)
    raw[0] ^= 1
    assert bytes(C.create_secret_key(raw).export()) != bytes(key.export()) == RAW


def test_every_update_takes_a_typed_array() -> None:
    words = array.array("H", [0x6968, 0x6968])
    data = words.tobytes()
    assert (
        crypto.create_hash("sha256").update(words).digest()
        == crypto.create_hash("sha256").update(data).digest()
    )
    public, private = crypto.generate_key_pair_sync("rsa", modulus_length=1024)
    sig = crypto.create_sign("sha256").update(words).sign(private)
    assert sig == crypto.create_sign("sha256").update(data).sign(private)  # PKCS#1 v1.5
    assert crypto.create_verify("sha256").update(words).verify(public, sig)
    assert _encrypt(RAW, words) == _encrypt(RAW, data)
    assert C.create_secret_key(array.array("H", [1, 2])).export().to_string("hex") == ("01000200")


@pytest.mark.parametrize(
    "update",
    [
        lambda d, e: crypto.create_hash("sha1").update(d, e),
        lambda d, e: crypto.create_hmac("sha1", "k").update(d, e),
        lambda d, e: crypto.create_sign("sha1").update(d, e),
        lambda d, e: crypto.create_verify("sha1").update(d, e),
        lambda d, e: crypto.create_cipheriv("aes-128-cbc", RAW, IV).update(d, e),
    ],
    ids=["hash", "hmac", "sign", "verify", "cipher"],
)
def test_every_update_reads_data_by_one_rule(update: Callable[[object, object], object]) -> None:
    """Node's update: odd hex is refused, an unknown input encoding is read as UTF-8, and a
    non-buffer names ``data`` with Node's four type words."""
    call = update
    with pytest.raises(errors.ERR_INVALID_ARG_VALUE) as odd:
        call("abc", "hex")
    assert odd.value.message == (
        "The argument 'encoding' is invalid for data of length 3. Received 'hex'"
    )
    call("abc", "no-such-encoding")  # read as UTF-8, no error
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as bad:
        call(5, None)
    assert bad.value.message.startswith(
        'The "data" argument must be of type string or an instance of Buffer, TypedArray, '
        "or DataView."
    )


def test_set_auth_tag_reads_its_argument_as_node_does() -> None:
    # Node's setAuthTag is getArrayBufferOrView(tag, 'buffer', encoding), not update's rule:
    # no odd-hex check (the short tag is refused by length), an unknown encoding is refused.
    def decipher() -> Any:
        return crypto.create_decipheriv("aes-256-gcm", bytes(32), bytes(12))

    with pytest.raises(errors.ERR_CRYPTO_INVALID_AUTH_TAG, match="tag length: 1$"):
        decipher().set_auth_tag("abc", "hex")
    with pytest.raises(errors.ERR_UNKNOWN_ENCODING, match="Unknown encoding: nope"):
        decipher().set_auth_tag("abcdabcdabcdabcd", "nope")
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        decipher().set_auth_tag(5)
    assert info.value.message.startswith(
        'The "buffer" argument must be of type string or an instance of ArrayBuffer, Buffer, '
        "TypedArray, or DataView."
    )
    decipher().set_auth_tag(array.array("H", [0] * 8))
