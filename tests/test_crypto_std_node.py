"""Node's own crypto tests for hashes, HMAC, randomness and KDFs, ported case by case.

Sources (Node v20.11.1, ``/work/node_test/test``): parallel/test-crypto-hash.js,
test-crypto-hmac.js, test-crypto-random.js, test-crypto-randomuuid.js,
test-crypto-randomfillsync-regression.js, test-crypto-pbkdf2.js, test-crypto-scrypt.js,
test-crypto-hkdf.js, test-crypto-update-encoding.js, test-webcrypto-getRandomValues.js and
sequential/test-crypto-timing-safe-equal.js. Node's vector tables (RFC 2202/4231 HMACs, RFC
7914 scrypt) are read from ``fixtures/crypto_std/node_test_vectors.json``, which
``oracles/node_crypto_test_vectors.mjs`` cuts out of those files. The callback forms are
checked in test_crypto_std_loop.py; what is left out is listed in tests/NODE_PORTS.md.

JS -> Python: ``undefined``/``null`` are ``None``; ``Uint8Array`` is a Buffer or
``array.array('B')``, ``Uint16Array``/``Uint32Array``/``Float32Array``/``Float64Array`` are
``array.array('H'/'I'/'f'/'d')``, ``DataView`` is a ``memoryview``, ``ArrayBuffer`` a
``bytearray``, ``SharedArrayBuffer`` an anonymous ``mmap``.
"""

from __future__ import annotations

import array
import json
import mmap
import re
from pathlib import Path
from typing import Any

import pytest

from trio_nodecompat import crypto, errors
from trio_nodecompat.buffer import Buffer

VECTORS = json.loads(
    (Path(__file__).parent / "fixtures" / "crypto_std" / "node_test_vectors.json").read_text()
)
C: Any = crypto  # calls below are deliberately ill-typed


def value(spec: Any) -> Any:
    """A vector field: ``{"hex": ...}`` is Node's Buffer, anything else a string as it is."""
    if isinstance(spec, dict) and "hex" in spec:
        return Buffer.from_(spec["hex"], "hex")
    return spec


def raw(buf: Any) -> bytes:
    """The bytes under any buffer (Buffer has no buffer protocol before Python 3.12)."""
    return bytes(buf) if isinstance(buf, Buffer) else bytes(memoryview(buf).cast("B"))


def raises(code: str, call: Any, message: str | None = None) -> errors.NodeError:
    with pytest.raises(errors.NodeError) as info:
        call()
    assert info.value.code == code, info.value
    if message is not None:
        assert re.search(message, info.value.message), info.value.message
    return info.value


# --------------------------------------------------------------------------------------------
# test-crypto-hash.js


class TestHash:
    def test_digests_in_several_encodings(self) -> None:
        a0 = crypto.create_hash("md5").update("Test123").digest("latin1")
        assert a0 == "h\u00ea\u00cb\u0097\u00d8o\fF!\u00fa+\u000e\u0017\u00ca\u00bd\u008c"
        a1 = crypto.create_hash("sha1").update("Test123").digest("hex")
        assert a1 == "8308651804facb7b9af8ffc53a33a22d6a1c8ac2"
        a2 = crypto.create_hash("sha256").update("Test123").digest("base64")
        assert a2 == "2bX1jws4GYKTlxhloUB09Z66PoJZW+y+hq5R8dnx9l4="
        a3 = crypto.create_hash("sha512").update("Test123").digest()
        assert a3 == Buffer.from_(
            "\u00c1(4\u00f1\u0003\u001fd\u0097!O'\u00d4C/&Qz\u00d4"
            "\u0094\u0015l\u00b8\u008dQ+\u00db\u001d\u00c4\u00b5}\u00b2"
            "\u00d6\u0092\u00a3\u00df\u00a2i\u00a1\u009b\n\n*\u000f"
            "\u00d7\u00d6\u00a2\u00a8\u0085\u00e3<\u0083\u009c\u0093"
            "\u00c2\u0006\u00da0\u00a1\u00879(G\u00ed'",
            "latin1",
        )
        a4 = crypto.create_hash("sha1").update("Test123").digest("buffer")
        assert a4 == Buffer.from_("8308651804facb7b9af8ffc53a33a22d6a1c8ac2", "hex")

    def test_multiple_updates(self) -> None:
        h1 = crypto.create_hash("sha1").update("Test123").digest("hex")
        h2 = crypto.create_hash("sha1").update("Test").update("123").digest("hex")
        assert h1 == h2

    def test_unknown_digest(self) -> None:
        with pytest.raises(errors.CryptoError, match="Digest method not supported"):
            crypto.create_hash("xyzzy")

    def test_update_without_data(self) -> None:
        raises("ERR_INVALID_ARG_TYPE", lambda: C.create_hash("sha256").update(None))

    def test_default_utf8(self) -> None:
        hutf8 = crypto.create_hash("sha512").update("УТФ-8 text").digest("hex")
        assert hutf8 == (
            "4b21bbd1a68e690a730ddcb5a8bc94ead9879ffe82580767ad7ec6fa8ba2dea6"
            "43a821af66afa9a45b6a78c712fecf0e56dc7f43aef4bcfc8eb5b4d8dca6ea5b"
        )
        latin1 = crypto.create_hash("sha512").update("УТФ-8 text", "latin1").digest("hex")
        assert hutf8 != latin1

    def test_finalized(self) -> None:
        h3 = crypto.create_hash("sha256")
        h3.digest()
        err = raises("ERR_CRYPTO_HASH_FINALIZED", h3.digest)
        assert err.name == "Error"
        raises("ERR_CRYPTO_HASH_FINALIZED", lambda: h3.update("foo"))

    def test_ucs2_digest_is_buffer_to_string(self) -> None:
        assert crypto.create_hash("sha256").update("test").digest("ucs2") == crypto.create_hash(
            "sha256"
        ).update("test").digest().to_string("ucs2")

    def test_missing_algorithm(self) -> None:
        err = raises("ERR_INVALID_ARG_TYPE", lambda: C.create_hash(None))
        assert err.name == "TypeError"
        assert err.message.startswith('The "algorithm" argument must be of type string.')

    def test_hash_class(self) -> None:
        assert isinstance(crypto.Hash("sha256"), crypto.Hash)

    def test_xof_default_output_lengths(self) -> None:
        assert crypto.create_hash("shake128").digest("hex") == "7f9c2ba4e88f827d616045507605853e"
        assert crypto.create_hash("shake256").digest("hex") == (
            "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f"
        )
        copied = crypto.create_hash("shake256", output_length=0).copy().digest("hex")
        assert copied == "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f"

    def test_xof_short_output_lengths(self) -> None:
        assert crypto.create_hash("shake128", output_length=0).digest("hex") == ""
        assert (
            crypto.create_hash("shake128", output_length=5).copy(output_length=0).digest("hex")
            == ""
        )
        assert crypto.create_hash("shake128", output_length=5).digest("hex") == "7f9c2ba4e8"
        assert (
            crypto.create_hash("shake128", output_length=0).copy(output_length=5).digest("hex")
            == "7f9c2ba4e8"
        )
        assert (
            crypto.create_hash("shake128", output_length=15).digest("hex")
            == "7f9c2ba4e88f827d61604550760585"
        )
        assert (
            crypto.create_hash("shake256", output_length=16).digest("hex")
            == "46b9dd2b0ba88d13233b3feb743eeb24"
        )

    def test_xof_large_output_lengths(self) -> None:
        assert crypto.create_hash("shake128", output_length=128).digest("hex") == (
            "7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26"
            "3cb1eea988004b93103cfb0aeefd2a686e01fa4a58e8a3639ca8a1e3f9ae57e2"
            "35b8cc873c23dc62b8d260169afa2f75ab916a58d974918835d25e6a435085b2"
            "badfd6dfaac359a5efbb7bcc4b59d538df9a04302e10c8bc1cbf1a0b3a5120ea"
        )
        long = (
            crypto.create_hash("shake256", output_length=1024 * 1024)
            .update("The message is shorter than the hash!")
            .digest("hex")
        )
        assert len(long) == 2 * 1024 * 1024
        assert long.endswith("193414035ddba77bf7bba97981e656ec")
        assert long.startswith("a2a28dbc49cfd6e5d6ceea3d03e77748")

    def test_output_length_of_fixed_digests(self) -> None:
        assert crypto.create_hash("sha224", output_length=28).digest("hex") == (
            "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f"
        )
        raises(
            "ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH",
            lambda: crypto.create_hash("sha256", output_length=28),
        )
        # Node's null is "no option" here (None is undefined); the rest are bad types.
        for bad in ({}, "foo", False):
            raises("ERR_INVALID_ARG_TYPE", lambda b=bad: C.create_hash("sha256", output_length=b))
        for bad in (-1, 0.5, float("inf"), 2**90):
            raises("ERR_OUT_OF_RANGE", lambda b=bad: C.create_hash("sha256", output_length=b))

    def test_finalized_copy_and_digest(self) -> None:
        h = crypto.create_hash("sha512")
        h.digest()
        raises("ERR_CRYPTO_HASH_FINALIZED", h.copy)
        raises("ERR_CRYPTO_HASH_FINALIZED", h.digest)

    def test_copy(self) -> None:
        a = crypto.create_hash("sha512").update("abc")
        b = a.copy()
        c = b.copy().update("def")
        d = crypto.create_hash("sha512").update("abcdef")
        assert a.digest("hex") == b.digest("hex")
        assert c.digest("hex") == d.digest("hex")


# --------------------------------------------------------------------------------------------
# test-crypto-hmac.js


class TestHmac:
    def test_hmac_class(self) -> None:
        assert isinstance(crypto.Hmac("sha256", "Node"), crypto.Hmac)

    def test_bad_algorithm_and_key(self) -> None:
        err = raises("ERR_INVALID_ARG_TYPE", lambda: C.create_hmac(None, "k"))
        assert err.message == 'The "hmac" argument must be of type string. Received None'
        raises("ERR_INVALID_ARG_TYPE", lambda: C.create_hmac("sha1", None))

    def test_multiple_updates(self) -> None:
        h = crypto.create_hmac("sha1", "Node")
        for chunk in ("some data", "to hmac"):
            h.update(chunk)
        assert h.digest("hex") == "19fd6e1ba73d9ed2224dd5094a71babe85d9a892"

    @pytest.mark.parametrize("table", ["wikipedia", "rfc2202_md5", "rfc2202_sha1"])
    def test_vector_tables(self, table: str) -> None:
        default = {"rfc2202_md5": "md5", "rfc2202_sha1": "sha1"}.get(table)
        for case in VECTORS["hmac"][table]:
            expected = case["hmac"] if default is None else {default: case["hmac"]}
            for algorithm, want in expected.items():
                got = crypto.create_hmac(algorithm, value(case["key"]))
                got.update(value(case["data"]))
                assert got.digest("hex") == want, (table, case, algorithm)

    def test_rfc4231(self) -> None:
        for i, case in enumerate(VECTORS["hmac"]["rfc4231"]):
            for algorithm, want in case["hmac"].items():
                actual = (
                    crypto.create_hmac(algorithm, value(case["key"]))
                    .update(value(case["data"]))
                    .digest("hex")
                )
                if case.get("truncate"):
                    actual = actual[:32]
                assert actual == want, f"HMAC-{algorithm} rfc 4231 case {i + 1}"

    @pytest.mark.parametrize("table", ["rfc2202_md5", "rfc2202_sha1", "rfc4231"])  # Buffer keys
    def test_vector_tables_with_secret_key_objects(self, table: str) -> None:
        # testHmac's keyWrappers: a Buffer key is also given as createSecretKey(key) (the
        # extra's KeyObject); a string key is not wrapped, as in Node.
        pytest.importorskip("cryptography")
        default = {"rfc2202_md5": "md5", "rfc2202_sha1": "sha1"}.get(table)
        checked = 0
        for case in VECTORS["hmac"][table]:
            key = value(case["key"])
            if isinstance(key, str):
                continue
            expected = case["hmac"] if default is None else {default: case["hmac"]}
            for algorithm, want in expected.items():
                got = crypto.create_hmac(algorithm, crypto.create_secret_key(key))
                got.update(value(case["data"]))
                digest = got.digest("hex")
                if case.get("truncate"):
                    digest = digest[:32]
                assert digest == want, (table, case, algorithm)
                checked += 1
        assert checked > 0

    def test_empty_secret_key_object(self) -> None:
        pytest.importorskip("cryptography")
        key_object = crypto.create_secret_key(Buffer.alloc(0))
        assert (
            crypto.create_hmac("sha256", Buffer.alloc(0)).update("foo").digest()
            == crypto.create_hmac("sha256", key_object).update("foo").digest()
        )

    def test_ucs2_digest(self) -> None:
        assert crypto.create_hmac("sha256", "w00t").digest("ucs2") == (
            crypto.create_hmac("sha256", "w00t").digest().to_string("ucs2")
        )

    def test_second_digest_is_empty(self) -> None:
        expected = (
            "\u0010\u0041\u0052\u00c5\u00bf\u00dc\u00a0\u007b\u00c6\u0033"
            "\u00ee\u00bd\u0046\u0019\u009f\u0002\u0055\u00c9\u00f4\u009d"
        )
        h = crypto.create_hmac("sha1", "key").update("data")
        assert h.digest("buffer") == Buffer.from_(expected, "latin1")
        assert h.digest("buffer") == Buffer.from_("")
        h = crypto.create_hmac("sha1", "key").update("data")
        assert h.digest("latin1") == expected
        assert h.digest("latin1") == ""

    def test_second_digest_without_update(self) -> None:
        expected = (
            "\u00f4\u002b\u00b0\u00ee\u00b0\u0018\u00eb\u00bd\u0045\u0097"
            "\u00ae\u0072\u0013\u0071\u001e\u00c6\u0007\u0060\u0084\u003f"
        )
        h = crypto.create_hmac("sha1", "key")
        assert h.digest("buffer") == Buffer.from_(expected, "latin1")
        assert h.digest("buffer") == Buffer.from_("")
        h = crypto.create_hmac("sha1", "key")
        assert h.digest("latin1") == expected
        assert h.digest("latin1") == ""

    def test_invalid_digest(self) -> None:
        raises("ERR_CRYPTO_INVALID_DIGEST", lambda: crypto.create_hmac("sha7", "key"))

    def test_empty_key(self) -> None:
        assert crypto.create_hmac("sha256", Buffer.alloc(0)).update("foo").digest() == (
            crypto.create_hmac("sha256", b"").update("foo").digest()
        )


# --------------------------------------------------------------------------------------------
# test-crypto-update-encoding.js


def test_update_ignores_encoding_for_bytes() -> None:
    for n in (15, 16):
        crypto.create_hash("sha256").update(Buffer.alloc(n), "hex")
        crypto.create_hmac("sha256", Buffer.alloc(16)).update(Buffer.alloc(n), "hex")


# --------------------------------------------------------------------------------------------
# test-crypto-random.js (sync forms), -randomuuid.js, -randomfillsync-regression.js,
# test-webcrypto-getRandomValues.js

MAX_POSSIBLE_LENGTH = 2**31 - 1


def _fillables() -> list[Any]:
    shared = mmap.mmap(-1, 10)
    return [
        Buffer.alloc(10),
        array.array("B", bytes(10)),
        array.array("H", [0] * 10),
        array.array("I", [0] * 10),
        array.array("f", [0] * 10),
        array.array("d", [0] * 10),
        memoryview(bytearray(10)),
        bytearray(10),
        shared,
    ]


class TestRandom:
    def test_random_bytes_bad_size(self) -> None:
        for bad in (None, False, True, {}, []):
            err = raises("ERR_INVALID_ARG_TYPE", lambda b=bad: C.random_bytes(b))
            assert err.message.startswith('The "size" argument must be of type number.')
        for bad in (-1, float("nan"), 2**32, 2**31):
            shown = "NaN" if bad != bad else str(bad)
            raises(
                "ERR_OUT_OF_RANGE",
                lambda b=bad: C.random_bytes(b),
                re.escape(
                    f'The value of "size" is out of range. It must be >= 0 && <= '
                    f"{MAX_POSSIBLE_LENGTH}. Received {shown}"
                ),
            )

    def test_random_bytes_sizes(self) -> None:
        for size in (0, 1, 2, 4, 16, 256, 1024, 101.2):
            buf = C.random_bytes(size)
            assert isinstance(buf, Buffer)
            assert len(buf) == int(size)

    def test_random_fill_sync_changes_every_kind_of_buffer(self) -> None:
        for buf in _fillables():
            before = raw(buf)
            assert crypto.random_fill_sync(buf) is buf
            assert raw(buf) != before, type(buf)

    def test_random_fill_sync_offset_and_size(self) -> None:
        for make in (lambda: Buffer.alloc(10), lambda: array.array("B", bytes(10))):
            buf = make()
            crypto.random_fill_sync(buf, 5, 5)
            assert bytes(buf)[:5] == bytes(5) and bytes(buf)[5:] != bytes(5)
        buf = Buffer.alloc(10)
        crypto.random_fill_sync(buf, 5)
        assert bytes(buf)[:5] == bytes(5) and bytes(buf)[5:] != bytes(5)

    def test_random_fill_sync_bad_offsets_and_sizes(self) -> None:
        for make in (lambda: Buffer.alloc(10), lambda: array.array("B", bytes(10))):
            buf = make()
            raises(
                "ERR_INVALID_ARG_TYPE",
                lambda b=buf: C.random_fill_sync(b, "test"),
                re.escape('The "offset" argument must be of type number. Received type str'),
            )
            raises(
                "ERR_INVALID_ARG_TYPE",
                lambda b=buf: C.random_fill_sync(b, 0, "test"),
                re.escape('The "size" argument must be of type number. Received type str'),
            )
            for bad in (float("nan"), MAX_POSSIBLE_LENGTH + 1, -10, 2**32):
                shown = "NaN" if bad != bad else str(bad)
                raises(
                    "ERR_OUT_OF_RANGE",
                    lambda b=buf, o=bad: C.random_fill_sync(b, o),
                    re.escape(
                        f'The value of "offset" is out of range. It must be >= 0 && <= 10. '
                        f"Received {shown}"
                    ),
                )
                raises(
                    "ERR_OUT_OF_RANGE",
                    lambda b=buf, o=bad: C.random_fill_sync(b, 1, o),
                    re.escape(
                        f'The value of "size" is out of range. It must be >= 0 && <= '
                        f"{MAX_POSSIBLE_LENGTH}. Received {shown}"
                    ),
                )
            raises(
                "ERR_OUT_OF_RANGE",
                lambda b=buf: C.random_fill_sync(b, 1, 10),
                re.escape(
                    'The value of "size + offset" is out of range. It must be <= 10. Received 11'
                ),
            )

    def test_random_bytes_of_four_gib(self) -> None:
        raises(
            "ERR_OUT_OF_RANGE",
            lambda: C.random_bytes(2**32),
            re.escape(f"<= {MAX_POSSIBLE_LENGTH}. Received 4294967296"),
        )

    def test_bad_buffers_and_callbacks(self) -> None:
        for bad in (1, True, float("nan"), None, {}, [], b"immutable"):
            raises("ERR_INVALID_ARG_TYPE", lambda b=bad: C.random_fill_sync(b))
            raises("ERR_INVALID_ARG_TYPE", lambda b=bad: C.random_fill(b, lambda *a: None))
            raises("ERR_INVALID_ARG_TYPE", lambda b=bad: C.random_fill(Buffer.alloc(10), 0, 10, b))
        for bad in (1, True, float("nan"), {}, []):
            raises("ERR_INVALID_ARG_TYPE", lambda b=bad: C.random_bytes(1, b))

    def test_random_int_sync(self) -> None:
        seen = {crypto.random_int(3) for _ in range(200)}
        assert seen == {0, 1, 2}
        seen = {crypto.random_int(-10, -8) for _ in range(200)}
        assert seen == {-10, -9}

    def test_random_int_bounds(self) -> None:
        max_int, min_int = 2**53 - 1, -(2**53 - 1)
        assert min_int <= crypto.random_int(min_int, min_int + 5) < min_int + 5
        assert max_int - 5 <= crypto.random_int(max_int - 5, max_int) < max_int
        raises(
            "ERR_INVALID_ARG_TYPE",
            lambda: crypto.random_int(min_int - 1, min_int + 5),
            'The "min" argument must be a safe integer',
        )
        raises(
            "ERR_INVALID_ARG_TYPE",
            lambda: crypto.random_int(max_int + 1),
            'The "max" argument must be a safe integer',
        )
        # Node's list is ['10', true, NaN, null, {}, []]; None is undefined here, so a
        # missing max (random_int(0) -> ERR_OUT_OF_RANGE) and not a bad one.
        for bad in ("10", True, float("nan"), {}, [], 1.5, float("inf")):
            raises("ERR_INVALID_ARG_TYPE", lambda b=bad: C.random_int(b, 1))
            raises("ERR_INVALID_ARG_TYPE", lambda b=bad: C.random_int(0, b))
        raises("ERR_INVALID_ARG_TYPE", lambda: C.random_int(None, 1))
        assert crypto.random_int(1) == 0
        assert crypto.random_int(0, 1) == 0
        for args in ([0], [1, 1], [3, 2], [-5, -5], [11, -10]):
            low = args[-2] if len(args) == 2 else 0
            raises(
                "ERR_OUT_OF_RANGE",
                lambda a=args: C.random_int(*a),
                re.escape(
                    f'The value of "max" is out of range. It must be greater than the value '
                    f'of "min" ({low}). Received {args[-1]}'
                ),
            )
        max_range = 0xFFFF_FFFF_FFFF
        assert 0 <= crypto.random_int(max_range) < max_range
        assert 1 <= crypto.random_int(1, max_range + 1) <= max_range
        raises(
            "ERR_OUT_OF_RANGE",
            lambda: crypto.random_int(1, max_range + 2),
            re.escape(
                f'The value of "max - min" is out of range. It must be <= {max_range}. '
                "Received 281_474_976_710_656"
            ),
        )
        raises(
            "ERR_OUT_OF_RANGE",
            lambda: crypto.random_int(max_range + 1),
            re.escape(
                f'The value of "max" is out of range. It must be <= {max_range}. '
                "Received 281_474_976_710_656"
            ),
        )
        for bad in (True, float("nan"), {}, [], 10):
            raises("ERR_INVALID_ARG_TYPE", lambda b=bad: C.random_int(0, 1, b))

    def test_random_uuid(self) -> None:
        shape = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        seen = {"00000000-0000-0000-0000-000000000000"}
        for _ in range(130):  # past one batch of 128, so a refill happens
            uuid = crypto.random_uuid()
            assert uuid not in seen
            seen.add(uuid)
            assert len(uuid) == 36 and shape.match(uuid)
            assert int(uuid[14:16], 16) & 0x40 == 0x40
            assert int(uuid[19:21], 16) & 0b1100_0000 == 0b1000_0000
        for _ in range(4):
            assert shape.match(crypto.random_uuid(disable_entropy_cache=True))
        raises("ERR_INVALID_ARG_TYPE", lambda: C.random_uuid(disable_entropy_cache=""))

    def test_random_fill_sync_of_a_view_into_a_store(self) -> None:
        store = bytearray(20)
        buf = Buffer.from_(store, 10)
        before = buf.to_string("hex")
        crypto.random_fill_sync(buf)
        assert buf.to_string("hex") != before
        assert store[:10] == bytes(10)

    def test_get_random_values(self) -> None:
        for arr in (array.array("H", [0] * 10), array.array("I", [0] * 10)):
            assert crypto.get_random_values(arr) is arr
            assert any(arr)
        with pytest.raises(errors.TypeMismatchError):
            crypto.get_random_values(array.array("f", [0]))
        with pytest.raises(errors.QuotaExceededError):
            crypto.get_random_values(Buffer.alloc(65537))
        assert len(crypto.get_random_values(Buffer.alloc(65536))) == 65536


# --------------------------------------------------------------------------------------------
# test-crypto-pbkdf2.js (sync forms)


class TestPbkdf2:
    @pytest.mark.parametrize(
        ("password", "salt", "iterations", "keylen", "expected", "encoding"),
        [
            ("password", "salt", 1, 20, "120fb6cffcf8b32c43e7225256c4f837a86548c9", "hex"),
            ("password", "salt", 2, 20, "ae4d0c95af6b46d32d0adff928f06dd02a303f8e", "hex"),
            ("password", "salt", 4096, 20, "c5e478d59288c841aa530db6845c4c8d962893a0", "hex"),
            (
                "passwordPASSWORDpassword",
                "saltSALTsaltSALTsaltSALTsaltSALTsalt",
                4096,
                25,
                "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c",
                "hex",
            ),
            ("pass\0word", "sa\0lt", 4096, 16, "89b69d0516f829893c696226650a8687", "hex"),
            (
                "password",
                "salt",
                32,
                32,
                "64c486c55d30d4c5a079b8823b7d7cb37ff0556f537da8410233bcec330ed956",
                "hex",
            ),
        ],
    )
    def test_rfc6070_sha256(
        self,
        password: str,
        salt: str,
        iterations: int,
        keylen: int,
        expected: str,
        encoding: str,
    ) -> None:
        key = crypto.pbkdf2_sync(password, salt, iterations, keylen, "sha256")
        assert key.to_string(encoding) == expected

    def test_bad_arguments(self) -> None:
        raises("ERR_INVALID_ARG_TYPE", lambda: crypto.pbkdf2("password", "salt", 1, 20, "sha1"))
        for iterations in (-1, 0, 2147483648):
            raises(
                "ERR_OUT_OF_RANGE",
                lambda i=iterations: crypto.pbkdf2_sync("password", "salt", i, 20, "sha1"),
            )
        for bad in ("str", None, [], {}):
            raises(
                "ERR_INVALID_ARG_TYPE",
                lambda b=bad: C.pbkdf2_sync("password", "salt", 1, b, "sha256"),
                'The "keylen" argument must be of type number.',
            )
        for bad in (float("inf"), float("-inf"), float("nan")):
            shown = {"inf": "Infinity", "-inf": "-Infinity", "nan": "NaN"}[repr(bad)]
            raises(
                "ERR_OUT_OF_RANGE",
                lambda b=bad: C.pbkdf2("password", "salt", 1, b, "sha256", lambda *a: None),
                re.escape(
                    f'The value of "keylen" is out of range. It must be an integer. '
                    f"Received {shown}"
                ),
            )
        for bad in (-1, 2147483648, 4294967296):
            raises(
                "ERR_OUT_OF_RANGE",
                lambda b=bad: C.pbkdf2("password", "salt", 1, b, "sha256", lambda *a: None),
            )
        raises(
            "ERR_INVALID_ARG_TYPE",
            lambda: C.pbkdf2("password", "salt", 8, 8, lambda *a: None),
            re.escape('The "digest" argument must be of type string. Received None'),
        )
        raises(
            "ERR_INVALID_ARG_TYPE",
            lambda: C.pbkdf2_sync("password", "salt", 8, 8, None),
            re.escape('The "digest" argument must be of type string. Received None'),
        )
        for bad in (1, {}, [], True, None):
            raises("ERR_INVALID_ARG_TYPE", lambda b=bad: C.pbkdf2_sync(b, "salt", 8, 8, "sha256"))
            raises("ERR_INVALID_ARG_TYPE", lambda b=bad: C.pbkdf2_sync("pass", b, 8, 8, "sha256"))
        for bad in ("test", {}, [], True, None):
            raises(
                "ERR_INVALID_ARG_TYPE",
                lambda b=bad: C.pbkdf2_sync("pass", "salt", b, 8, "sha256"),
                'The "iterations" argument must be of type number.',
            )
        for digest in ("md55", "%"):
            raises(
                "ERR_CRYPTO_INVALID_DIGEST",
                lambda d=digest: crypto.pbkdf2_sync("pass", "salt", 8, 8, d),
                re.escape(f"Invalid digest: {digest}"),
            )

    def test_any_typed_array_works(self) -> None:
        for source in (
            array.array("B", bytes(10)),
            array.array("H", [0] * 10),
            array.array("I", [0] * 10),
            array.array("f", [0] * 10),
            array.array("d", [0] * 10),
            bytearray(10),
            mmap.mmap(-1, 10),
        ):
            nbytes = len(memoryview(source).cast("B"))
            zeros = bytes(nbytes)
            assert crypto.pbkdf2_sync(source, "salt", 8, 8, "sha256") == crypto.pbkdf2_sync(
                zeros, "salt", 8, 8, "sha256"
            )
            assert crypto.pbkdf2_sync("pass", source, 8, 8, "sha256") == crypto.pbkdf2_sync(
                "pass", zeros, 8, 8, "sha256"
            )

    def test_every_hash_but_shake(self) -> None:
        for name in crypto.get_hashes():
            if name.startswith("shake"):
                continue
            assert len(crypto.pbkdf2_sync(bytes(10), "salt", 8, 8, name)) == 8


# --------------------------------------------------------------------------------------------
# test-crypto-scrypt.js (sync forms)

_OPTION = {"blockSize": "block_size"}


def _scrypt_options(case: dict[str, Any]) -> dict[str, Any]:
    keys = {"N", "r", "p", "cost", "blockSize", "parallelization", "maxmem"}
    return {_OPTION.get(k, k): v for k, v in case.items() if k in keys}


class TestScrypt:
    def test_good(self) -> None:
        for case in VECTORS["scrypt"]["good"]:
            key = crypto.scrypt_sync(
                case["pass"], case["salt"], case["keylen"], **_scrypt_options(case)
            )
            assert key.to_string("hex") == case["expected"]

    @pytest.mark.parametrize("table", ["bad", "toobig"])
    def test_invalid_params(self, table: str) -> None:
        for case in VECTORS["scrypt"][table]:
            with pytest.raises(errors.NodeError, match="Invalid scrypt param"):
                crypto.scrypt_sync("pass", "salt", 1, **_scrypt_options(case))
            with pytest.raises(errors.NodeError, match="Invalid scrypt param"):
                crypto.scrypt("pass", "salt", 1, lambda *a: None, **_scrypt_options(case))

    def test_defaults(self) -> None:
        expected = crypto.scrypt_sync("pass", "salt", 1, N=16384, p=1, r=8)
        assert crypto.scrypt_sync("pass", "salt", 1) == expected

    @pytest.mark.parametrize(
        ("args", "code", "name"),
        [
            ((None,), "ERR_INVALID_ARG_TYPE", "password"),
            (("",), "ERR_INVALID_ARG_TYPE", "salt"),  # salt missing: None
            (("", None), "ERR_INVALID_ARG_TYPE", "salt"),
            (("", ""), "ERR_INVALID_ARG_TYPE", "keylen"),  # keylen missing: None
            (("", "", None), "ERR_INVALID_ARG_TYPE", "keylen"),
            (("", "", 0.42), "ERR_OUT_OF_RANGE", "keylen"),
            (("", "", -42), "ERR_OUT_OF_RANGE", "keylen"),
            (("", "", 2**31), "ERR_OUT_OF_RANGE", "keylen"),
            (("", "", 2147485780), "ERR_OUT_OF_RANGE", "keylen"),
            (("", "", 2**32), "ERR_OUT_OF_RANGE", "keylen"),
        ],
    )
    def test_bad_arguments(self, args: tuple[Any, ...], code: str, name: str) -> None:
        full = (*args, None, None, None)[:3]
        raises(code, lambda: C.scrypt_sync(*full), f'"{name}"')
        raises(code, lambda: C.scrypt(*full, lambda *a: None), f'"{name}"')

    def test_missing_callback(self) -> None:
        raises("ERR_INVALID_ARG_TYPE", lambda: C.scrypt("", "", 42, None))
        raises("ERR_INVALID_ARG_TYPE", lambda: C.scrypt("", "", 42))
        raises("ERR_INVALID_ARG_TYPE", lambda: C.scrypt("", "", 42, {}))

    def test_maxmem_beyond_32_bits(self) -> None:
        assert crypto.scrypt_sync("", "", 4, maxmem=2**52).to_string("hex") == "d72c87d0"
        raises("ERR_OUT_OF_RANGE", lambda: crypto.scrypt_sync("", "", 0, maxmem=2**53))

    def test_bad_option_types(self) -> None:
        for name in ("N", "cost", "r", "block_size", "p", "parallelization"):
            raises("ERR_INVALID_ARG_TYPE", lambda n=name: C.scrypt_sync("", "", 1, **{n: ""}))


# --------------------------------------------------------------------------------------------
# test-crypto-hkdf.js (sync forms)


class TestHkdf:
    def test_bad_arguments(self) -> None:
        for bad in (1, {}, [], False, float("inf")):
            raises(
                "ERR_INVALID_ARG_TYPE",
                lambda b=bad: C.hkdf_sync(b, "a", "", "", 1),
                '^The "digest" argument must be of type string',
            )
            raises(
                "ERR_INVALID_ARG_TYPE",
                lambda b=bad: C.hkdf_sync("sha256", b, "", "", 1),
                '^The "ikm" argument must be ',
            )
            raises(
                "ERR_INVALID_ARG_TYPE",
                lambda b=bad: C.hkdf_sync("sha256", "secret", b, "", 1),
                '^The "salt" argument must be ',
            )
            raises(
                "ERR_INVALID_ARG_TYPE",
                lambda b=bad: C.hkdf_sync("sha256", "secret", "salt", b, 1),
                '^The "info" argument must be ',
            )
        for bad in ("test", {}, [], False):
            raises(
                "ERR_INVALID_ARG_TYPE",
                lambda b=bad: C.hkdf_sync("sha256", "secret", "salt", "info", b),
                '^The "length" argument must be of type number',
            )
        raises("ERR_OUT_OF_RANGE", lambda: crypto.hkdf_sync("sha256", "secret", "salt", "info", -1))
        raises(
            "ERR_OUT_OF_RANGE",
            lambda: crypto.hkdf_sync("sha256", "secret", "salt", "info", 2**32 + 1),
        )
        raises("ERR_CRYPTO_INVALID_DIGEST", lambda: crypto.hkdf_sync("unknown", "a", "", "", 10))
        raises(
            "ERR_OUT_OF_RANGE",
            lambda: crypto.hkdf_sync("unknown", "a", "", Buffer.alloc(1025), 10),
        )
        raises(
            "ERR_CRYPTO_INVALID_KEYLEN",
            lambda: crypto.hkdf_sync("sha512", "a", "", "", 64 * 255 + 1),
        )

    def test_algorithms_over_every_input_kind(self) -> None:
        for digest, secret, salt, info, length in VECTORS["hkdf"]["algorithms"]:
            expected = crypto.hkdf_sync(digest, secret, salt, info, length)
            assert type(expected) is bytearray and len(expected) == length
            parts = [s.encode() for s in (secret, salt, info)]
            forms = [
                [Buffer.from_(p) for p in parts],
                [
                    array.array("B", parts[0]),
                    array.array("H", parts[1] + b"\0" * (len(parts[1]) % 2)),
                    array.array("I", parts[2] + b"\0" * (-len(parts[2]) % 4)),
                ],
                [bytearray(p) for p in parts],
            ]
            # Node's Uint16Array/Uint32Array of the bytes widen each byte; here the views
            # carry the same bytes (padded to whole items), so compare with those bytes.
            for form in forms:
                got = crypto.hkdf_sync(digest, form[0], form[1], form[2], length)
                want = crypto.hkdf_sync(digest, *(raw(f) for f in form), length)
                assert got == want
            assert crypto.hkdf_sync(digest, Buffer.from_(secret), salt, info, length) == expected

    def test_every_hash_but_shake(self) -> None:
        for name in crypto.get_hashes():
            if not name.startswith("shake"):
                assert crypto.hkdf_sync(name, "key", "salt", "info", 5)


# --------------------------------------------------------------------------------------------
# sequential/test-crypto-timing-safe-equal.js


class TestTimingSafeEqual:
    def test_equal_and_unequal(self) -> None:
        assert crypto.timing_safe_equal(Buffer.from_("foo"), Buffer.from_("foo")) is True
        assert crypto.timing_safe_equal(Buffer.from_("foo"), Buffer.from_("bar")) is False

    def test_views_of_different_item_sizes(self) -> None:
        store = crypto.random_bytes(16).buffer
        views = [memoryview(store).cast(fmt) for fmt in ("B", "H", "I")]
        views += [array.array(fmt, bytes(store)) for fmt in ("B", "H", "I")]
        for left in views:
            for right in views:
                assert crypto.timing_safe_equal(left, right) is True

    def test_floats_compare_as_bytes(self) -> None:
        nan = array.array("f", [float("nan")])
        assert crypto.timing_safe_equal(nan, array.array("f", [float("nan")])) is True
        zero, minus_zero = array.array("d", [0.0]), array.array("d", [-0.0])
        assert zero == minus_zero  # equal as numbers...
        assert crypto.timing_safe_equal(zero, minus_zero) is False  # ...not as bytes
        two_nans = array.array("q", [0x7FF0000000000001, -0x000FFFFFFFFFFFFF])
        as_floats = array.array("d", bytes(two_nans))
        assert crypto.timing_safe_equal(as_floats, array.array("d", [float("nan")] * 2)) is False

    def test_errors(self) -> None:
        err = raises(
            "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH",
            lambda: crypto.timing_safe_equal(Buffer.from_([1, 2, 3]), Buffer.from_([1, 2])),
        )
        assert err.name == "RangeError"
        assert err.message == "Input buffers must have the same byte length"
        raises("ERR_INVALID_ARG_TYPE", lambda: crypto.timing_safe_equal("not a buffer", b"\1\2"))
        raises("ERR_INVALID_ARG_TYPE", lambda: crypto.timing_safe_equal(b"\1\2", "not a buffer"))


# --------------------------------------------------------------------------------------------
# The hook the crypto extra's KeyObject plugs into (createSecretKey keys in the Node tests)


class _FakeSecretKey:
    """Stands in for the extra's KeyObject: the hook is ``_secret_key_material``."""

    def __init__(self, material: bytes, kind: str = "secret") -> None:
        self.material = material
        self.type = kind

    def _secret_key_material(self) -> bytes:
        if self.type != "secret":
            raise TypeError(f"Invalid key object type {self.type}, expected secret.")
        return self.material


class TestKeyObjectHook:
    def test_hmac_and_hkdf_take_a_secret_key_object(self) -> None:
        key = _FakeSecretKey(b"Node")
        assert crypto.create_hmac("sha256", key).update("x").digest() == (
            crypto.create_hmac("sha256", b"Node").update("x").digest()
        )
        assert crypto.hkdf_sync("sha256", key, "salt", "info", 10) == crypto.hkdf_sync(
            "sha256", b"Node", "salt", "info", 10
        )

    def test_a_key_object_of_another_type_is_refused_by_its_hook(self) -> None:
        with pytest.raises(TypeError, match="expected secret"):
            crypto.create_hmac("sha256", _FakeSecretKey(b"k", "private"))


def test_an_engine_refusing_update_is_err_crypto_hash_update_failed() -> None:
    # Node's ERR_CRYPTO_HASH_UPDATE_FAILED is its native update returning false; here, the
    # hashlib object raising ValueError (OpenSSL's EVP_DigestUpdate failing). Simulated.
    class Refusing:
        def update(self, data: object) -> None:
            raise ValueError("EVP_DigestUpdate failed")

    h = crypto.create_hash("sha256")
    h._handle = Refusing()
    err = raises("ERR_CRYPTO_HASH_UPDATE_FAILED", lambda: h.update(b"x"))
    assert err.message == "Hash update failed"
    assert isinstance(err.__cause__, ValueError)
