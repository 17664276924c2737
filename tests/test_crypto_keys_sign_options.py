"""Signing options and inputs against Node 20 (``sign_options.json``).

``tests/oracles/oracle_crypto_sign_options.mjs`` records, for one-shot ``sign``/``verify`` and
``createSign``/``createVerify``: ``padding``/``saltLength`` validation (a 32-bit integer, else
``ERR_INVALID_ARG_VALUE`` and the Sign/Verify stays usable), OpenSSL's salt-length sentinels
(-1 digest, -2 auto/max, -3 max, lower ``ERR_OSSL_INVALID_SALT_LENGTH``), the padding codes
OpenSSL reports, ieee-p1363 signatures of the wrong length (``createVerify`` raises
``Malformed signature`` and stays usable, one-shot ``verify`` answers false) and string data
for the one-shot forms. Each Sign/Verify case calls ``sign``/``verify`` twice, so the state an
error leaves behind is checked too. PSS and ECDSA are randomized: a signature is compared by
length.
"""

from __future__ import annotations

from typing import Any

import pytest
from crypto_oracle_support import FIXTURES, expect, load, outcome

from trio_nodecompat import crypto
from trio_nodecompat.errors import NodeError

KEYS = FIXTURES / "node_keys"  # copies of Node's test/fixtures/keys
CASES = load("sign_options.json")["cases"]


def _read(name: str) -> str:
    with open(KEYS / name, encoding="utf-8") as f:
        return f.read()


def _signature(case: dict[str, Any]) -> bytes | None:
    sig = case.get("sig")
    if sig is None:
        return None
    return bytes(sig["zeros"]) if "zeros" in sig else bytes.fromhex(sig["hex"])


def _run(case: dict[str, Any]) -> list[dict[str, Any]]:
    pem = _read(case["key"])
    key: Any = pem if case["opts"] is None else {"key": pem, **case["opts"]}
    data: Any = "data" if case["dataAs"] == "string" else b"data"
    api, alg, sig = case["api"], case["alg"], _signature(case)
    if api == "sign":
        return [outcome(lambda: len(crypto.sign(alg, data, key)))]
    if api == "verify":
        return [outcome(lambda: crypto.verify(alg, data, key, sig))]
    if api == "Sign":
        s = crypto.create_sign(alg)
        s.update("data")
        return [outcome(lambda: len(s.sign(key))), outcome(lambda: len(s.sign(pem)))]
    v = crypto.create_verify(alg)
    v.update("data")
    return [outcome(lambda: v.verify(key, sig)), outcome(lambda: v.verify(key, sig))]


def _python_values(record: dict[str, Any]) -> dict[str, Any]:
    """JS ``true`` in a message reads Python's ``True`` (the received value as given)."""
    error = record.get("error")
    if error and error["message"].endswith("Received true"):
        error = {**error, "message": error["message"][: -len("true")] + "True"}
        return {"error": error}
    return record


def _id(case: dict[str, Any]) -> str:
    sig = case.get("sig") or {}
    size = f"-sig{sig['zeros']}" if "zeros" in sig else ""
    return f"{case['api']}-{case['key'][:6]}-{case['opts']}{size}-{case['dataAs']}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_signing_option_matches_node(case: dict[str, Any]) -> None:
    got = _run(case)
    want = [_python_values(expect(r)) for r in case["results"]]
    if case["api"] in ("sign", "Sign") and case["key"].startswith("ec_"):
        # ECDSA DER signatures vary in length (70-72 bytes): compare the kind of outcome
        got = [{"ok": "ecdsa"} if "ok" in g and 68 <= g["ok"] <= 72 else g for g in got]
        want = [{"ok": "ecdsa"} if "ok" in w and 68 <= w["ok"] <= 72 else w for w in want]
    assert got == want


@pytest.mark.parametrize("make", [crypto.create_sign, crypto.create_verify])
def test_algorithm_must_be_a_string(make: Any) -> None:
    # node -e "crypto.createSign(null)": TypeError [ERR_INVALID_ARG_TYPE]: The "algorithm"
    # argument must be of type string. Received null
    with pytest.raises(NodeError) as info:
        make(None)
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert info.value.message == 'The "algorithm" argument must be of type string. Received None'
