"""crypto's standard-library half against Node 20, byte for byte and error for error.

The fixture is written by ``tests/oracles/oracle_crypto_std.mjs`` (see its header). Values
must be equal (a Buffer where Node returns a Buffer, a ``bytearray`` where Node returns an
ArrayBuffer); errors must have Node's code (``''`` here where Node's is ``undefined``), the
matching Python class, and Node's message -- word for word, or up to ``. Received`` where
Node describes the received value in JS terms (``type number (1)`` is ``type int (1)`` here).
"""

from __future__ import annotations

import array
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from trio_nodecompat import crypto
from trio_nodecompat.buffer import Buffer
from trio_nodecompat.errors import NodeError

FIXTURE = json.loads(
    (Path(__file__).parent / "fixtures" / "crypto_std" / "oracle.json").read_text("utf-8")
)


def pattern(length: int) -> bytes:
    return bytes((i * 31 + 7) & 0xFF for i in range(length))


_PATTERNS: dict[int, bytes] = {}


def materialize(spec: dict[str, Any]) -> str | bytes:
    if spec["kind"] == "utf8":
        return str(spec["value"])
    if spec["kind"] == "hex":
        return bytes.fromhex(spec["value"])
    length = spec["length"]
    if length not in _PATTERNS:
        _PATTERNS[length] = pattern(length)
    return _PATTERNS[length]


INPUTS = {spec["name"]: spec for spec in FIXTURE["inputs"]}
KEYS = {spec["name"]: spec for spec in FIXTURE["hmac_keys"]}


def same_value(ours: object, node: object) -> bool:
    if isinstance(node, dict) and "buffer" in node:
        return isinstance(ours, Buffer) and bytes(ours).hex() == node["buffer"]
    if isinstance(node, dict) and "array_buffer" in node:
        return type(ours) is bytearray and ours.hex() == node["array_buffer"]
    return type(ours) is type(node) and ours == node


_PY_CLASS = {"TypeError": TypeError, "RangeError": ValueError, "Error": Exception}


def error_mismatch(err: BaseException, node: dict[str, Any]) -> str | None:
    """Why ``err`` is not Node's error ``node`` (``None`` when it is)."""
    if not isinstance(err, NodeError):
        return f"raised {type(err).__name__}: {err}, not a NodeError"
    if node["name"] in ("TypeMismatchError", "QuotaExceededError"):
        if err.name != node["name"] or getattr(err, "legacy_code", None) != node["code"]:
            return f"DOMException {err.name}/{getattr(err, 'legacy_code', None)} != {node}"
    else:
        if (err.code or None) != node["code"]:
            return f"code {err.code!r} != Node's {node['code']!r}"
        if err.name != node["name"] or not isinstance(err, _PY_CLASS[node["name"]]):
            return f"class {type(err).__mro__} does not play {node['name']}"
    message = node["message"]
    if ". Received " in message:
        if err.message.split(". Received ")[0] != message.split(". Received ")[0]:
            return f"message {err.message!r} != Node's {message!r}"
    elif err.message != message:
        return f"message {err.message!r} != Node's {message!r}"
    return None


def check_outcome(call: Callable[[], object], node: dict[str, Any]) -> None:
    try:
        ours = call()
    except Exception as err:
        assert "error" in node, f"raised {err!r}, Node returned {node['value']!r}"
        problem = error_mismatch(err, node["error"])
        assert problem is None, problem
        return
    assert "value" in node, f"returned {ours!r}, Node raised {node['error']}"
    assert same_value(ours, node["value"]), f"{ours!r} != Node's {node['value']!r}"


# --------------------------------------------------------------------------------------------
# Digests


def test_get_hashes_is_nodes_list() -> None:
    assert crypto.get_hashes() == FIXTURE["get_hashes"]


@pytest.mark.parametrize("algorithm", FIXTURE["get_hashes"])
def test_every_digest_over_every_input_and_encoding(algorithm: str) -> None:
    rows = [row for row in FIXTURE["digests"] if row["algorithm"] == algorithm]
    assert len(rows) == len(INPUTS)
    for row in rows:
        data = materialize(INPUTS[row["input"]])
        for encoding, expected in row["out"].items():
            h = crypto.create_hash(algorithm).update(data)
            ours = h.digest() if encoding == "buffer" else h.digest(encoding)
            assert same_value(ours, expected), (row["input"], encoding, ours, expected)
        # The same digest fed in two pieces, and through the one-shot hash().
        half = len(data) // 2
        h = crypto.create_hash(algorithm).update(data[:half]).update(data[half:])
        assert h.digest("hex") == row["out"]["hex"]
        assert crypto.hash(algorithm, data) == row["out"]["hex"]


@pytest.mark.parametrize("case", FIXTURE["names"], ids=lambda c: repr(c["name"]))
def test_algorithm_names(case: dict[str, Any]) -> None:
    name = case["name"]
    check_outcome(lambda: crypto.create_hash(name).update("x").digest("hex"), case["hash"])
    check_outcome(lambda: crypto.create_hmac(name, "key").update("x").digest("hex"), case["hmac"])
    check_outcome(lambda: crypto.hash(name, "x"), case["one_shot"])
    check_outcome(lambda: crypto.pbkdf2_sync("p", "s", 1, 8, name), case["pbkdf2"])
    check_outcome(lambda: crypto.hkdf_sync(name, "k", "s", "i", 8), case["hkdf"])


def test_xof_output_lengths() -> None:
    for case in FIXTURE["xof"]:
        h = crypto.create_hash(case["algorithm"], output_length=case["output_length"])
        assert h.update("abc").digest("hex") == case["hex"], case


def test_copy() -> None:
    for case in FIXTURE["copies"]:
        h = crypto.create_hash(case["algorithm"], output_length=case["output_length"])
        h.update(case["first"])
        c = h.copy(output_length=case["copy_output_length"])
        c.update(case["second"])
        assert c.digest("hex") == case["copy_hex"], case
        assert h.digest("hex") == case["original_hex"], case


def test_output_length_of_fixed_size_digests() -> None:
    for case in FIXTURE["non_xof_output_length"]:
        check_outcome(
            lambda c=case: (
                crypto.create_hash(c["algorithm"], output_length=c["output_length"])
                .update("x")
                .digest("hex")
            ),
            case["result"],
        )


def test_update_input_encodings() -> None:
    for case in FIXTURE["update_encodings"]:
        check_outcome(
            lambda c=case: (
                crypto.create_hash("sha256").update(c["data"], c["encoding"]).digest("hex")
            ),
            case["result"],
        )


def test_digest_output_encodings() -> None:
    for case in FIXTURE["digest_encodings"]:
        check_outcome(
            lambda c=case: crypto.create_hash("sha1").update(c["data"]).digest(c["encoding"]),
            case["result"],
        )


def test_one_shot_hash_output_encodings() -> None:
    for case in FIXTURE["hash_one_shot"]:
        if case["encoding"] == "<default>":
            check_outcome(lambda: crypto.hash("sha256", "abc"), case["result"])
        else:
            check_outcome(
                lambda c=case: crypto.hash("sha256", "abc", c["encoding"]), case["result"]
            )


def test_hmac_second_digest_is_empty() -> None:
    for case in FIXTURE["hmac_redigest"]:
        h = crypto.create_hmac("sha256", "k")
        h.digest()
        check_outcome(lambda c=case, h=h: h.digest(c["encoding"]), case["result"])


# --------------------------------------------------------------------------------------------
# HMAC


@pytest.mark.parametrize(
    "algorithm", sorted({row["algorithm"] for row in FIXTURE["hmacs"]}, key=str.lower)
)
def test_hmacs(algorithm: str) -> None:
    rows = [row for row in FIXTURE["hmacs"] if row["algorithm"] == algorithm]
    for row in rows:
        key = materialize(KEYS[row["key"]])
        data = materialize(INPUTS[row["input"]])
        ours = crypto.create_hmac(algorithm, key).update(data).digest("hex")
        assert ours == row["hex"], row


def test_hmac_key_encodings() -> None:
    for case in FIXTURE["hmac_key_encodings"]:
        check_outcome(
            lambda c=case: (
                crypto.create_hmac("sha256", c["key"], encoding=c["encoding"])
                .update("m")
                .digest("hex")
            ),
            case["result"],
        )


# --------------------------------------------------------------------------------------------
# KDFs


def test_pbkdf2_vectors() -> None:
    for case in FIXTURE["pbkdf2"]:
        key = crypto.pbkdf2_sync(
            case["password"], case["salt"], case["iterations"], case["keylen"], case["digest"]
        )
        assert isinstance(key, Buffer)
        assert bytes(key).hex() == case["hex"], case


_SCRYPT_OPTION_NAMES = {"blockSize": "block_size"}


def test_scrypt_vectors() -> None:
    for case in FIXTURE["scrypt"]:
        options = {_SCRYPT_OPTION_NAMES.get(k, k): v for k, v in (case["options"] or {}).items()}
        key = crypto.scrypt_sync(case["password"], case["salt"], case["keylen"], **options)
        assert isinstance(key, Buffer)
        assert bytes(key).hex() == case["hex"], case


def test_hkdf_vectors() -> None:
    for case in FIXTURE["hkdf"]:
        key = crypto.hkdf_sync(
            case["digest"],
            bytes.fromhex(case["ikm"]),
            bytes.fromhex(case["salt"]),
            bytes.fromhex(case["info"]),
            case["length"],
        )
        assert type(key) is bytearray
        assert key.hex() == case["hex"], case
    check_outcome(
        lambda: crypto.hkdf_sync("sha256", "secret", "salt", "info", 16), FIXTURE["hkdf_strings"]
    )


# --------------------------------------------------------------------------------------------
# Errors of bad calls: the same calls as the oracle's ERROR_CASES, under the same ids.


def _digested(make: Callable[[], Any], then: Callable[[Any], object]) -> Callable[[], object]:
    def call() -> object:
        h = make()
        h.digest()
        return then(h)

    return call


def _buf4() -> Buffer:
    return Buffer.alloc(4)


def _noop(*args: object) -> None:
    pass


C: Any = crypto  # the calls below are deliberately ill-typed

ERROR_CASES: dict[str, Callable[[], object]] = {
    "create_hash_num": lambda: C.create_hash(1),
    "create_hash_none": lambda: C.create_hash(None),
    "create_hash_unknown": lambda: C.create_hash("nope"),
    "create_hash_legacy": lambda: C.create_hash("md4"),
    "output_length_negative": lambda: C.create_hash("shake128", output_length=-1),
    "output_length_fraction": lambda: C.create_hash("shake128", output_length=1.5),
    "output_length_string": lambda: C.create_hash("shake128", output_length="1"),
    "output_length_too_big": lambda: C.create_hash("shake128", output_length=2**32),
    "output_length_not_xof": lambda: C.create_hash("sha256", output_length=16),
    "update_num": lambda: C.create_hash("sha1").update(1),
    "update_none": lambda: C.create_hash("sha1").update(None),
    "update_list": lambda: C.create_hash("sha1").update([1]),
    "update_odd_hex": lambda: C.create_hash("sha1").update("abc", "hex"),
    "update_odd_hex_upper": lambda: C.create_hash("sha1").update("abc", "HEX"),
    "update_after_digest": _digested(lambda: C.create_hash("sha1"), lambda h: h.update("x")),
    "update_after_digest_bad_data": _digested(lambda: C.create_hash("sha1"), lambda h: h.update(1)),
    "digest_twice": _digested(lambda: C.create_hash("sha1"), lambda h: h.digest()),
    "copy_after_digest": _digested(lambda: C.create_hash("sha1"), lambda h: h.copy()),
    "copy_not_xof": lambda: C.create_hash("sha1").copy(output_length=5),
    "hmac_alg_num": lambda: C.create_hmac(1, "k"),
    "hmac_unknown": lambda: C.create_hmac("nope", "k"),
    "hmac_xof": lambda: C.create_hmac("shake128", "k"),
    "hmac_key_none": lambda: C.create_hmac("sha256", None),
    "hmac_key_num": lambda: C.create_hmac("sha256", 1),
    "hmac_key_null": lambda: C.create_hmac("sha256", None),
    "hmac_key_bad_encoding": lambda: C.create_hmac("sha256", "k", encoding="nope"),
    "hmac_key_encoding_num": lambda: C.create_hmac("sha256", "k", encoding=1),
    "hmac_update_after_digest": _digested(
        lambda: C.create_hmac("sha1", "k"), lambda h: h.update("x")
    ),
    "hmac_update_num": lambda: C.create_hmac("sha1", "k").update(1),
    "hash_alg_num": lambda: C.hash(1, "x"),
    "hash_unknown": lambda: C.hash("nope", "x"),
    "hash_data_num": lambda: C.hash("sha1", 1),
    "hash_enc_bad": lambda: C.hash("sha1", "x", "nope"),
    "hash_enc_null": lambda: C.hash("sha1", "x", None),
    "hash_enc_num": lambda: C.hash("sha1", "x", 1),
    "random_bytes_negative": lambda: C.random_bytes(-1),
    "random_bytes_too_big": lambda: C.random_bytes(2**31),
    "random_bytes_string": lambda: C.random_bytes("1"),
    "random_bytes_nan": lambda: C.random_bytes(float("nan")),
    "random_bytes_callback_num": lambda: C.random_bytes(1, 1),
    "random_fill_sync_string": lambda: C.random_fill_sync("x"),
    "random_fill_sync_offset_past_end": lambda: C.random_fill_sync(_buf4(), 5),
    "random_fill_sync_size_past_end": lambda: C.random_fill_sync(_buf4(), 1, 4),
    "random_fill_sync_offset_negative": lambda: C.random_fill_sync(_buf4(), -1),
    "random_fill_sync_size_negative": lambda: C.random_fill_sync(_buf4(), 0, -1),
    "random_fill_sync_offset_string": lambda: C.random_fill_sync(_buf4(), "0"),
    "random_fill_sync_offset_nan": lambda: C.random_fill_sync(_buf4(), float("nan")),
    "random_fill_sync_u32_offset": lambda: C.random_fill_sync(array.array("I", [0] * 4), 5),
    "random_fill_sync_u32_size": lambda: C.random_fill_sync(array.array("I", [0] * 4), 1, 4),
    "random_fill_no_callback": lambda: C.random_fill(_buf4(), 0, 1),
    "random_fill_string": lambda: C.random_fill("x", _noop),
    "random_int_fraction": lambda: C.random_int(1.5),
    "random_int_string": lambda: C.random_int("1"),
    "random_int_unsafe": lambda: C.random_int(2**53),
    "random_int_min_unsafe": lambda: C.random_int(-(2**53), 0),
    "random_int_equal": lambda: C.random_int(1, 1),
    "random_int_zero": lambda: C.random_int(0),
    "random_int_negative_max": lambda: C.random_int(-5),
    "random_int_range_max": lambda: C.random_int(2**48 + 1),
    "random_int_range_min_max": lambda: C.random_int(-1, 2**48),
    "random_int_range_limit": lambda: C.random_int(-1, 2**48 - 1),
    "random_int_callback_num": lambda: C.random_int(1, 2, 3),
    "random_uuid_option_num": lambda: C.random_uuid(disable_entropy_cache=1),
    "get_random_values_float": lambda: C.get_random_values(array.array("f", [0])),
    "get_random_values_float64": lambda: C.get_random_values(array.array("d", [0])),
    "get_random_values_data_view": lambda: C.get_random_values(memoryview(bytearray(1))),
    "get_random_values_array_buffer": lambda: C.get_random_values(bytearray(1)),
    "get_random_values_too_big": lambda: C.get_random_values(Buffer.alloc(65537)),
    "get_random_values_too_big_u32": lambda: C.get_random_values(array.array("I", [0] * 16385)),
    "timing_safe_equal_length": lambda: C.timing_safe_equal(Buffer.alloc(1), Buffer.alloc(2)),
    "timing_safe_equal_buf1": lambda: C.timing_safe_equal("a", Buffer.alloc(1)),
    "timing_safe_equal_buf2": lambda: C.timing_safe_equal(Buffer.alloc(1), "a"),
    "pbkdf2_digest_missing": lambda: C.pbkdf2_sync("p", "s", 1, 4, None),
    "pbkdf2_digest_unknown": lambda: C.pbkdf2_sync("p", "s", 1, 4, "nope"),
    "pbkdf2_digest_xof": lambda: C.pbkdf2_sync("p", "s", 1, 4, "shake128"),
    "pbkdf2_iterations_zero": lambda: C.pbkdf2_sync("p", "s", 0, 4, "sha1"),
    "pbkdf2_iterations_fraction": lambda: C.pbkdf2_sync("p", "s", 1.5, 4, "sha1"),
    "pbkdf2_iterations_too_big": lambda: C.pbkdf2_sync("p", "s", 2**31, 4, "sha1"),
    "pbkdf2_keylen_negative": lambda: C.pbkdf2_sync("p", "s", 1, -1, "sha1"),
    "pbkdf2_keylen_string": lambda: C.pbkdf2_sync("p", "s", 1, "4", "sha1"),
    "pbkdf2_password_num": lambda: C.pbkdf2_sync(1, "s", 1, 4, "sha1"),
    "pbkdf2_salt_num": lambda: C.pbkdf2_sync("p", 1, 1, 4, "sha1"),
    "pbkdf2_no_callback": lambda: C.pbkdf2("p", "s", 1, 4, "sha1"),
    "pbkdf2_callback_num": lambda: C.pbkdf2("p", "s", 1, 4, "sha1", 1),
    "scrypt_keylen_negative": lambda: C.scrypt_sync("p", "s", -1),
    "scrypt_keylen_fraction": lambda: C.scrypt_sync("p", "s", 1.5),
    "scrypt_maxmem_negative": lambda: C.scrypt_sync("p", "s", 1, maxmem=-1),
    "scrypt_n_string": lambda: C.scrypt_sync("p", "s", 1, N="1"),
    "scrypt_cost_negative": lambda: C.scrypt_sync("p", "s", 1, cost=-1),
    "scrypt_n_and_cost": lambda: C.scrypt_sync("p", "s", 1, N=16, cost=16),
    "scrypt_r_and_block_size": lambda: C.scrypt_sync("p", "s", 1, r=1, block_size=1),
    "scrypt_p_and_parallelization": lambda: C.scrypt_sync("p", "s", 1, p=1, parallelization=1),
    "scrypt_password_num": lambda: C.scrypt_sync(1, "s", 1),
    "scrypt_no_callback": lambda: C.scrypt("p", "s", 1),
    "hkdf_digest_unknown": lambda: C.hkdf_sync("nope", "k", "s", "i", 1),
    "hkdf_digest_num": lambda: C.hkdf_sync(1, "k", "s", "i", 1),
    "hkdf_digest_xof": lambda: C.hkdf_sync("shake256", "k", "s", "i", 1),
    "hkdf_length_too_big": lambda: C.hkdf_sync("sha256", "k", "s", "i", 255 * 32 + 1),
    "hkdf_length_negative": lambda: C.hkdf_sync("sha256", "k", "s", "i", -1),
    "hkdf_length_fraction": lambda: C.hkdf_sync("sha256", "k", "s", "i", 1.5),
    "hkdf_info_too_long": lambda: C.hkdf_sync("sha256", "k", "s", Buffer.alloc(1025), 1),
    "hkdf_key_num": lambda: C.hkdf_sync("sha256", 1, "s", "i", 1),
    "hkdf_salt_num": lambda: C.hkdf_sync("sha256", "k", 1, "i", 1),
    "hkdf_info_num": lambda: C.hkdf_sync("sha256", "k", "s", 1, 1),
    "hkdf_no_callback": lambda: C.hkdf("sha256", "k", "s", "i", 1),
    "hkdf_length_too_big_legacy": lambda: C.hkdf_sync("md4", "k", "s", "i", 255 * 16 + 1),
    "hkdf_length_too_big_xof": lambda: C.hkdf_sync("shake128", "k", "s", "i", 255 * 16 + 1),
    "hkdf_length_limit_legacy": lambda: C.hkdf_sync("md4", "k", "s", "i", 255 * 16),
    "create_hash_null": lambda: C.create_hash("null"),
    "create_hash_kmac": lambda: C.create_hash("KECCAK-KMAC-128"),
    "hash_null": lambda: C.hash("null", "x"),
    "hmac_null": lambda: C.create_hmac("null", "k"),
    "pbkdf2_kmac": lambda: C.pbkdf2_sync("p", "s", 1, 4, "KECCAK-KMAC-256"),
    "hkdf_null": lambda: C.hkdf_sync("NULL", "k", "s", "i", 4),
    "scrypt_n_not_power_of_two": lambda: C.scrypt_sync("p", "s", 4, N=3),
    "scrypt_n_one": lambda: C.scrypt_sync("p", "s", 4, N=1),
    "scrypt_memory_default": lambda: C.scrypt_sync("p", "s", 4, N=2**16, r=8),
    "scrypt_n_too_big_for_r": lambda: C.scrypt_sync("p", "s", 4, N=2**16, r=1, maxmem=2**40),
    "scrypt_pr_too_big": lambda: C.scrypt_sync(
        "p", "s", 4, N=2, r=2**20, p=2**11, maxmem=2**53 - 1
    ),
    "scrypt_memory_boundary": lambda: C.scrypt_sync(
        "p", "s", 4, N=1024, r=8, p=1, maxmem=128 * 1026 * 8 + 128 * 8 - 1
    ),
}

#: Node cases with no Python counterpart, and why.
NOT_APPLICABLE = {
    # random_uuid takes its one option as a keyword; there is no options object to mistype.
    "random_uuid_options_num",
}


def test_every_node_error_case_is_checked() -> None:
    assert set(FIXTURE["errors"]) == set(ERROR_CASES) | NOT_APPLICABLE


@pytest.mark.parametrize("case_id", sorted(ERROR_CASES))
def test_errors(case_id: str) -> None:
    node = FIXTURE["errors"][case_id]
    with pytest.raises(Exception) as info:
        ERROR_CASES[case_id]()
    problem = error_mismatch(info.value, node)
    assert problem is None, problem
