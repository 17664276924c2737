"""Key inputs and export options against Node 20 (``key_inputs.json``).

``tests/oracles/oracle_crypto_key_inputs.mjs`` records what Node does with passphrases (wrong,
empty, of the wrong type), PEM text with other lines around it, DER read as the type given,
private DER handed to ``createPublicKey``, malformed arguments and JWKs, and
``KeyObject.export``'s option pairs (a passphrase without a cipher must not export the key
in the clear). Each case's arguments may hold placeholders the generator documents.
"""

from __future__ import annotations

from typing import Any

import pytest
from crypto_oracle_support import FIXTURES, expect, load, outcome

from trio_nodecompat import Buffer, crypto

KEYS = FIXTURES / "node_keys"  # copies of Node's test/fixtures/keys
CASES = load("key_inputs.json")["cases"]


def _resolve(value: Any) -> Any:
    if isinstance(value, list):
        return [_resolve(v) for v in value]
    if isinstance(value, dict):
        if "$file" in value:
            return (KEYS / value["$file"]).read_text(encoding="utf-8")
        if "$hex" in value:
            return bytes.fromhex(value["$hex"])
        if "$text" in value:
            return "".join(_resolve(v) for v in value["$text"])
        if "$jwkWith" in value:
            name, members = value["$jwkWith"]
            pem = (KEYS / name).read_text(encoding="utf-8")
            jwk = crypto.create_private_key(pem).export(format="jwk")
            return {**jwk, **members}  # type: ignore[dict-item]
        if "$der" in value:
            name, kind = value["$der"]
            pem = (KEYS / name).read_text(encoding="utf-8")
            make = crypto.create_private_key if "PRIVATE" in pem else crypto.create_public_key
            return bytes(make(pem).export(format="der", type=kind))  # type: ignore[arg-type]
        return {k: _resolve(v) for k, v in value.items()}
    return value


def _summary(result: Any) -> dict[str, Any]:
    if isinstance(result, crypto.KeyObject):
        return {"key": [result.type, result.asymmetric_key_type]}
    if isinstance(result, str):
        return {"text": result.split("\n")[0]}
    if isinstance(result, Buffer):
        return {"bytes": len(result)}
    return {"members": sorted(result)}


def _snake(name: str) -> str:
    return "".join(f"_{ch.lower()}" if ch.isupper() else ch for ch in name)


def _call(case: dict[str, Any]) -> Any:
    args = _resolve(case["args"])
    if case["op"] == "export":
        source, options = args
        if case["of"] == "secret":
            key = crypto.create_secret_key(source.encode())
        elif case["of"] == "public":
            key = crypto.create_public_key(source)
        else:
            key = crypto.create_private_key(source)
        return _summary(key.export(options))
    if case["op"] == "createECDH":
        crypto.create_ecdh(*args)
        return {"ecdh": True}
    if case["op"] == "generateKeyPairSync":
        kind, options = args
        keywords = {_snake(k): v for k, v in options.items()}
        public, private = crypto.generate_key_pair_sync(kind, **keywords)
        return {"pair": [_summary(public), _summary(private)]}
    if case["op"] == "publicEncrypt":
        return _summary(crypto.public_encrypt(*args))
    name = {
        "createPrivateKey": "create_private_key",
        "createPublicKey": "create_public_key",
        "createSecretKey": "create_secret_key",
    }[case["op"]]
    return _summary(getattr(crypto, name)(*args))


def _id(case: dict[str, Any]) -> str:
    text = str(case["args"]).replace(" ", "")
    return f"{case['op']}-{text[:60]}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_key_input_matches_node(case: dict[str, Any]) -> None:
    assert outcome(lambda: _call(case)) == expect(case["result"])


def test_convert_key_takes_openssl_curve_names_only() -> None:
    # node -e "crypto.ECDH.convertKey(crypto.createECDH('prime256v1').generateKeys(), 'P-256')"
    # -> TypeError [ERR_CRYPTO_INVALID_CURVE]: Invalid EC curve name (as createECDH('P-256'))
    point = crypto.create_ecdh("prime256v1").generate_keys()
    assert outcome(lambda: crypto.ECDH.convert_key(point, "P-256")) == {
        "error": {
            "name": "TypeError",
            "code": "ERR_CRYPTO_INVALID_CURVE",
            "message": "Invalid EC curve name",
        }
    }
    assert len(crypto.ECDH.convert_key(point, "prime256v1")) == 65


def test_ecdh_setters_return_the_object() -> None:
    # node -e "a = crypto.createECDH('prime256v1'); a.setPrivateKey(Buffer.alloc(32, 1)) === a"
    # -> true; setPublicKey(other.getPublicKey()) === a -> true (methods returning this)
    a = crypto.create_ecdh("prime256v1")
    assert a.set_private_key(bytes([1] * 32)) is a
    other = crypto.create_ecdh("prime256v1")
    assert a.set_public_key(other.generate_keys()) is a
