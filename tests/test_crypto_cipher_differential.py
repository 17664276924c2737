"""Cipheriv/Decipheriv against Node 20, operation by operation.

``ciphers.json`` holds scripts (create a cipher, then ``update``/``final``/``setAAD``/
``setAuthTag``/``getAuthTag``/``setAutoPadding`` calls) and what Node returned or raised at
each step: every AES mode and ChaCha20-Poly1305 over assorted lengths in uneven chunks (so the
bytes each ``update`` returns are checked, not only the total), decryption of Node's output,
output encodings, and every error with the state it leaves behind.
"""

from __future__ import annotations

from typing import Any

import pytest
from crypto_oracle_support import comparable, error_record, expect, load

from trio_nodecompat import crypto
from trio_nodecompat.errors import NodeError

SCRIPTS = load("ciphers.json")["scripts"]


def _run_op(c: Any, op: list[Any]) -> Any:
    name, *args = op
    if name == "update":
        data, in_enc, *rest = [*args, None]
        out_enc = rest[0] if rest else None
        if in_enc == "hexbuf":
            out = c.update(bytes.fromhex(data), None, out_enc)
        else:
            out = c.update(data, in_enc, out_enc)
        return {"str": out} if isinstance(out, str) else bytes(out).hex()
    if name == "final":
        out = c.final(args[0] if args else None)
        return {"str": out} if isinstance(out, str) else bytes(out).hex()
    if name == "setAAD":
        c.set_aad(bytes.fromhex(args[0]), plaintext_length=args[1] if len(args) > 1 else None)
        return None
    if name == "setAuthTag":
        c.set_auth_tag(bytes.fromhex(args[0]))
        return None
    if name == "setAADRaw":  # the value as given, and Node's options as keywords
        options = args[1] if len(args) > 1 else {}
        keywords = {"encoding": "encoding", "plaintextLength": "plaintext_length"}
        c.set_aad(args[0], **{keywords[k]: v for k, v in options.items()})
        return None
    if name == "setAuthTagRaw":
        c.set_auth_tag(*args)
        return None
    if name == "getAuthTag":
        return bytes(c.get_auth_tag()).hex()
    if name == "setAutoPadding":
        c.set_auto_padding(args[0])
        return None
    raise AssertionError(name)


def _script_id(s: dict[str, Any]) -> str:
    ops = ",".join(op[0] for op in s["ops"])
    return f"{s['cipher']}-{'dec' if s.get('decipher') else 'enc'}-{len(s['key']) // 2}-{ops}"


@pytest.mark.parametrize("script", SCRIPTS, ids=[_script_id(s) for s in SCRIPTS])
def test_cipher_script_matches_node(script: dict[str, Any]) -> None:
    make = crypto.create_decipheriv if script.get("decipher") else crypto.create_cipheriv
    iv = None if script["iv"] is None else bytes.fromhex(script["iv"])
    try:
        c = make(
            script["cipher"],
            bytes.fromhex(script["key"]),
            iv,
            auth_tag_length=script.get("authTagLength"),
        )
    except NodeError as exc:
        assert {"error": comparable(error_record(exc))} == expect(script["create"])
        return
    assert script["create"] == {"ok": True}
    for op, want in zip(script["ops"], script["results"], strict=True):
        try:
            got: dict[str, Any] = {"ok": _run_op(c, op)}
        except NodeError as exc:
            got = {"error": comparable(error_record(exc))}
        assert got == expect(want), op


def test_every_cipher_of_get_ciphers_is_exercised() -> None:
    used = {s["cipher"].lower() for s in SCRIPTS}
    assert {"aes-128-cbc", "aes-256-ecb", "aes-192-ctr", "aes-256-gcm", "chacha20-poly1305"} <= used
    for name in crypto.get_ciphers():
        assert crypto.create_cipheriv  # every listed name can be created with the right sizes
        spec_key = {"128": 16, "192": 24, "256": 32}
        size = next((v for k, v in spec_key.items() if k in name), 32)
        iv_len = 0 if "ecb" in name else 12 if ("gcm" in name.lower() or "poly" in name) else 16
        c = crypto.create_cipheriv(name, bytes(size), bytes(iv_len) if iv_len else None)
        c.update(b"x" * 20)
        c.final()
