"""The reverse direction of the crypto oracle: things made here, for Node to check.

Run from the repository root: ``python tests/oracles/python_crypto_outputs.py`` writes
``tests/fixtures/crypto_keys/python_outputs.json``; then ``node
tests/oracles/check_python_crypto_outputs.mjs`` has Node verify every item (signatures made
here verify in Node, ciphertexts made here decrypt in Node, keys written here load in Node
with the same details) and writes ``node_verdicts.json``. ``tests/test_crypto_keys_reverse.py``
checks that every item has Node's verdict and that it is a pass.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from trio_nodecompat import crypto

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "crypto_keys"


def main() -> None:
    items: list[dict[str, Any]] = []
    message = b"made by trio_nodecompat"
    pairs = {
        "rsa": crypto.generate_key_pair_sync("rsa", modulus_length=2048),
        "rsa-pss": crypto.generate_key_pair_sync(
            "rsa-pss", modulus_length=2048, hash_algorithm="sha256", salt_length=32
        ),
        "p256": crypto.generate_key_pair_sync("ec", named_curve="P-256"),
        "p521": crypto.generate_key_pair_sync("ec", named_curve="P-521"),
        "secp256k1": crypto.generate_key_pair_sync("ec", named_curve="secp256k1"),
        "ed25519": crypto.generate_key_pair_sync("ed25519"),
        "ed448": crypto.generate_key_pair_sync("ed448"),
        "dsa": crypto.generate_key_pair_sync("dsa", modulus_length=2048),
        "x25519": crypto.generate_key_pair_sync("x25519"),
    }
    keys: dict[str, dict[str, Any]] = {}
    for name, (public, private) in pairs.items():
        assert isinstance(public, crypto.KeyObject) and isinstance(private, crypto.KeyObject)
        keys[name] = {
            "spki": public.export(format="pem", type="spki"),
            "pkcs8": private.export(format="pem", type="pkcs8"),
            "details": private.asymmetric_key_details,
            "type": private.asymmetric_key_type,
        }
        items.append({"kind": "key", "name": name})
    signatures = [
        ("rsa", "sha256", {}),
        ("rsa", "sha512", {"padding": 6, "saltLength": 32}),
        ("rsa", "sha256", {"padding": 6}),
        ("rsa-pss", "sha256", {}),
        ("p256", "sha256", {}),
        ("p256", "sha256", {"dsaEncoding": "ieee-p1363"}),
        ("p521", "sha512", {"dsaEncoding": "ieee-p1363"}),
        ("secp256k1", "sha256", {}),
        ("ed25519", None, {}),
        ("ed448", None, {}),
        ("dsa", "sha256", {}),
    ]
    for name, algorithm, options in signatures:
        private = pairs[name][1]
        signature = crypto.sign(algorithm, message, {"key": private, **options})
        assert signature is not None
        items.append(
            {
                "kind": "signature",
                "name": name,
                "algorithm": algorithm,
                "options": options,
                "signature": bytes(signature).hex(),
            }
        )
    for oaep_hash in ("sha1", "sha256"):
        ciphertext = crypto.public_encrypt(
            {"key": pairs["rsa"][0], "oaepHash": oaep_hash, "oaepLabel": b"label"}, message
        )
        items.append(
            {
                "kind": "oaep",
                "oaepHash": oaep_hash,
                "label": "label",
                "ciphertext": bytes(ciphertext).hex(),
            }
        )
    for key_type, private_encoding in (
        ("pkcs8", {"type": "pkcs8", "format": "pem"}),
        ("pkcs1", {"type": "pkcs1", "format": "pem"}),
    ):
        encrypted = pairs["rsa"][1].export(
            **private_encoding, cipher="aes-256-cbc", passphrase="top secret"
        )
        items.append({"kind": "encrypted-key", "name": "rsa", "type": key_type, "pem": encrypted})
    sec1 = pairs["p256"][1].export(
        format="pem", type="sec1", cipher="aes-256-cbc", passphrase="top secret"
    )
    items.append({"kind": "encrypted-key", "name": "p256", "type": "sec1", "pem": sec1})
    der = pairs["p256"][1].export(
        format="der", type="pkcs8", cipher="aes-256-cbc", passphrase="top secret"
    )
    items.append({"kind": "encrypted-key-der", "name": "p256", "der": bytes(der).hex()})
    for algorithm, key_size, iv_size in (
        ("aes-256-gcm", 32, 12),
        ("aes-128-gcm", 16, 12),
        ("chacha20-poly1305", 32, 12),
        ("aes-256-cbc", 32, 16),
        ("aes-192-ctr", 24, 16),
    ):
        key, iv, aad = os.urandom(key_size), os.urandom(iv_size), os.urandom(20)
        plain = os.urandom(1000)
        cipher = crypto.create_cipheriv(algorithm, key, iv)
        if "gcm" in algorithm or "poly" in algorithm:
            cipher.set_aad(aad)
        out = bytes(cipher.update(plain)) + bytes(cipher.final())  # type: ignore[arg-type]
        tag = (
            bytes(cipher.get_auth_tag()).hex()
            if ("gcm" in algorithm or "poly" in algorithm)
            else None
        )
        items.append(
            {
                "kind": "cipher",
                "algorithm": algorithm,
                "key": key.hex(),
                "iv": iv.hex(),
                "aad": aad.hex(),
                "plain": plain.hex(),
                "ciphertext": out.hex(),
                "tag": tag,
            }
        )
    ecdh = crypto.create_ecdh("prime256v1")
    ecdh.generate_keys()
    items.append(
        {
            "kind": "ecdh",
            "curve": "prime256v1",
            "private": ecdh.get_private_key("hex"),
            "public": ecdh.get_public_key("hex", "compressed"),
        }
    )
    with open(OUT / "python_outputs.json", "w", encoding="utf-8") as f:
        json.dump({"keys": keys, "message": message.decode(), "items": items}, f, indent=1)
        f.write("\n")
    print(f"wrote {len(items)} items")


if __name__ == "__main__":
    main()
