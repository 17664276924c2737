"""Keys, signatures, RSA encryption, ECDH and X.509 against Node 20's recorded behaviour.

Fixtures from ``tests/oracles/oracle_crypto_keys.mjs``: Node's own test keys exported in every
format (PEM/DER/JWK, byte for byte), deterministic signatures (PKCS#1 v1.5, EdDSA) byte for
byte, randomized ones (ECDSA, DSA, PSS) made by Node verified here and ours verified here,
OAEP ciphertexts made by Node decrypted here, ECDH points and secrets, certificates' fields
and checks, and Node's error for each bad input.
"""

from __future__ import annotations

from typing import Any

import pytest
from crypto_oracle_support import expect, load, outcome

from trio_nodecompat import crypto

KEYS = load("keys.json")
SIGS = load("signatures.json")
RSA = load("rsa_encryption.json")
ECDH = load("ecdh.json")
X509 = load("x509.json")
MISC = load("misc.json")
PEMS = KEYS["keys"]

_DETAIL_NAMES = {
    "modulusLength": "modulus_length",
    "publicExponent": "public_exponent",
    "namedCurve": "named_curve",
    "hashAlgorithm": "hash_algorithm",
    "mgf1HashAlgorithm": "mgf1_hash_algorithm",
    "saltLength": "salt_length",
    "divisorLength": "divisor_length",
}


def _plain(value: object) -> object:
    if isinstance(value, str | dict) or value is None:
        return value
    return bytes(value).hex()  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------
# Keys


@pytest.mark.parametrize("name", sorted(PEMS))
def test_key_identity_and_details(name: str) -> None:
    entry = PEMS[name]
    private = crypto.create_private_key(entry["privatePem"])
    public = crypto.create_public_key(entry["publicPem"])
    assert private.type == "private" and public.type == "public"
    assert private.asymmetric_key_type == entry["asymmetricKeyType"]
    assert public.asymmetric_key_type == entry["asymmetricKeyType"]
    details = {_DETAIL_NAMES[k]: v for k, v in entry["details"].items()}
    assert private.asymmetric_key_details == details
    assert public.asymmetric_key_details == details
    assert crypto.create_public_key(private).equals(public) is entry["publicEqualsDerived"]
    assert private.symmetric_key_size is None


@pytest.mark.parametrize(
    "name,label",
    [(name, label) for name in sorted(PEMS) for label in PEMS[name]["exports"]],
)
def test_key_export_matches_node(name: str, label: str) -> None:
    entry = PEMS[name]
    side, fmt, kind = label.split(" ")
    key = (
        crypto.create_private_key(entry["privatePem"])
        if side == "private"
        else crypto.create_public_key(entry["publicPem"])
    )
    got = outcome(
        lambda: _plain(key.export(format=fmt, type=None if kind == "undefined" else kind))
    )
    assert got == expect(entry["exports"][label])


@pytest.mark.parametrize("name", sorted(PEMS))
def test_exports_read_back(name: str) -> None:
    """Every export Node could make is read back here to the same key."""
    entry = PEMS[name]
    private = crypto.create_private_key(entry["privatePem"])
    for label, result in entry["exports"].items():
        if "ok" not in result:
            continue
        side, fmt, kind = label.split(" ")
        value = result["ok"]
        data: Any = bytes.fromhex(value) if fmt == "der" else value
        options: dict[str, Any] = {"format": fmt}
        if fmt == "der":
            options["type"] = kind
        if side == "private":
            again = crypto.create_private_key(data, **options)
            assert again.equals(private), label
        else:
            again = crypto.create_public_key(data, **options)
            assert again.equals(crypto.create_public_key(private)), label


@pytest.mark.parametrize("name", sorted(KEYS["encrypted"]))
def test_encrypted_private_keys(name: str) -> None:
    entry = KEYS["encrypted"][name]
    key = crypto.create_private_key(entry["pem"], passphrase=entry["passphrase"])
    assert key.export(format="pem", type="pkcs8") == entry["pkcs8"]
    assert outcome(lambda: crypto.create_private_key(entry["pem"])) == expect(entry["noPassphrase"])
    wrong = outcome(lambda: crypto.create_private_key({"key": entry["pem"], "passphrase": "wrong"}))
    assert wrong == expect(entry["wrongPassphrase"])


@pytest.mark.parametrize("entry", KEYS["pssGenerated"], ids=lambda e: str(e["options"]))
def test_rsa_pss_keys_made_by_node_round_trip(entry: dict[str, Any]) -> None:
    private = crypto.create_private_key(bytes.fromhex(entry["pkcs8"]), format="der", type="pkcs8")
    public = crypto.create_public_key(bytes.fromhex(entry["spki"]), format="der", type="spki")
    details = {_DETAIL_NAMES[k]: v for k, v in entry["details"].items()}
    assert private.asymmetric_key_type == public.asymmetric_key_type == "rsa-pss"
    assert private.asymmetric_key_details == details == public.asymmetric_key_details
    assert bytes(private.export(format="der", type="pkcs8")).hex() == entry["pkcs8"]
    assert bytes(public.export(format="der", type="spki")).hex() == entry["spki"]


@pytest.mark.parametrize("entry", KEYS["pssGenerated"], ids=lambda e: str(e["options"]))
def test_rsa_pss_keys_made_here_have_nodes_layout(entry: dict[str, Any]) -> None:
    options = {_DETAIL_NAMES[k]: v for k, v in entry["options"].items()}
    public, private = crypto.generate_key_pair_sync("rsa-pss", modulus_length=1024, **options)
    assert isinstance(private, crypto.KeyObject) and isinstance(public, crypto.KeyObject)
    want = {_DETAIL_NAMES[k]: v for k, v in entry["details"].items()}
    want.pop("public_exponent")
    got = private.asymmetric_key_details
    assert got is not None
    got.pop("public_exponent")
    assert got == want
    # The algorithm identifier (everything before the key itself) is Node's, byte for byte.
    node_head = bytes.fromhex(entry["spki"])[:-143]
    mine = bytes(public.export(format="der", type="spki"))
    assert mine[4 : 4 + len(node_head) - 4] == node_head[4:]


def test_secret_key() -> None:
    secret = KEYS["secret"]
    key = crypto.create_secret_key(bytes.fromhex(secret["hex"]))
    assert key.type == "secret" and key.symmetric_key_size == secret["size"]
    assert key.asymmetric_key_type is None and key.asymmetric_key_details is None
    assert bytes(key.export()).hex() == secret["hex"]
    assert key.export(format="jwk") == secret["jwk"]
    assert key == crypto.create_secret_key("a secret key of some length")
    assert key != crypto.create_secret_key(b"another")


def test_public_key_from_certificate() -> None:
    entry = KEYS["certPublicKey"]
    key = crypto.create_public_key(entry["cert"])
    assert key.export(format="pem", type="spki") == entry["spki"]


def _key_error_cases() -> dict[str, Any]:
    rsa = PEMS["rsa"]["privatePem"]
    return {
        "garbagePem": lambda: crypto.create_private_key("garbage"),
        "truncatedDer": lambda: crypto.create_private_key(
            {"key": bytes.fromhex("30"), "format": "der", "type": "pkcs8"}
        ),
        "derWithoutType": lambda: crypto.create_private_key(bytes.fromhex("30"), format="der"),
        "jwkMissingN": lambda: crypto.create_private_key({"key": {"kty": "RSA"}, "format": "jwk"}),
        "jwkBadKty": lambda: crypto.create_private_key({"key": {"kty": "XX"}, "format": "jwk"}),
        "jwkBadCrv": lambda: crypto.create_private_key(
            {"key": {"kty": "EC", "crv": "P-1"}, "format": "jwk"}
        ),
        "publicFromPublicObject": lambda: crypto.create_public_key(
            crypto.create_public_key(PEMS["rsa"]["publicPem"])
        ),
        "secretFromNumber": lambda: crypto.create_secret_key(5),
        "exportSec1Rsa": lambda: crypto.create_private_key(rsa).export(format="pem", type="sec1"),
        "exportPkcs1Ec": lambda: crypto.create_private_key(PEMS["p256"]["privatePem"]).export(
            format="pem", type="pkcs1"
        ),
        "exportCipherNoPassphrase": lambda: crypto.create_private_key(rsa).export(
            format="pem", type="pkcs1", cipher="aes-256-cbc"
        ),
        "exportDerPkcs1Cipher": lambda: crypto.create_private_key(rsa).export(
            format="der", type="pkcs1", cipher="aes-256-cbc", passphrase="a"
        ),
        "exportUnknownCipher": lambda: crypto.create_private_key(rsa).export(
            format="pem", type="pkcs8", cipher="nope", passphrase="a"
        ),
        "exportBadFormat": lambda: crypto.create_private_key(rsa).export(format="xx", type="pkcs8"),
        "exportPemNoType": lambda: crypto.create_private_key(rsa).export(format="pem"),
        "exportPssJwk": lambda: crypto.create_private_key(PEMS["rsa_pss"]["privatePem"]).export(
            format="jwk"
        ),
        "exportPssPkcs1": lambda: crypto.create_private_key(PEMS["rsa_pss"]["privatePem"]).export(
            format="pem", type="pkcs1"
        ),
        "exportDsaJwk": lambda: crypto.create_private_key(PEMS["dsa"]["privatePem"]).export(
            format="jwk"
        ),
        "exportPublicPkcs1Ec": lambda: crypto.create_public_key(PEMS["p256"]["publicPem"]).export(
            format="pem", type="pkcs1"
        ),
    }


@pytest.mark.parametrize("case", sorted(KEYS["keyErrors"]))
def test_key_errors_match_node(case: str) -> None:
    assert outcome(_key_error_cases()[case]) == expect(KEYS["keyErrors"][case])


# ------------------------------------------------------------------------------------------
# Signatures


def _sig_options(entry: dict[str, Any]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if "padding" in entry:
        options["padding"] = entry["padding"]
    if entry.get("saltLength") is not None:
        options["salt_length"] = entry["saltLength"]
    if "dsaEncoding" in entry:
        options["dsa_encoding"] = entry["dsaEncoding"]
    return options


@pytest.mark.parametrize(
    "entry",
    SIGS["signatures"],
    ids=lambda e: (
        f"{e['key']}-{e['algorithm']}-{len(e['message'])}-{e.get('saltLength')}-{e.get('dsaEncoding')}"
    ),
)
def test_signature_matches_node(entry: dict[str, Any]) -> None:
    key = PEMS[entry["key"]]
    message = entry["message"].encode()
    options = _sig_options(entry)
    node_signature = bytes.fromhex(entry["signature"])
    assert crypto.verify(entry["algorithm"], message, key["publicPem"], node_signature, **options)
    assert not crypto.verify(
        entry["algorithm"], message + b"!", key["publicPem"], node_signature, **options
    )
    mine = crypto.sign(entry["algorithm"], message, key["privatePem"], **options)
    assert mine is not None
    if entry.get("deterministic"):
        assert bytes(mine) == node_signature
    assert crypto.verify(entry["algorithm"], message, key["publicPem"], mine, **options)
    if entry["algorithm"] is not None:
        streaming = crypto.create_verify(entry["algorithm"]).update(message)
        assert streaming.verify({"key": key["publicPem"], **options}, node_signature)


def test_streamed_sign_with_encodings() -> None:
    entry = SIGS["streamed"]
    signer = crypto.create_sign(entry["algorithm"])
    for data, encoding in entry["updates"]:
        assert signer.update(data, encoding) is signer
    assert signer.sign(PEMS[entry["key"]]["privatePem"], "base64") == entry["base64"]
    verifier = crypto.create_verify(entry["algorithm"])
    for data, encoding in entry["updates"]:
        verifier.update(data, encoding)
    assert verifier.verify(PEMS[entry["key"]]["publicPem"], entry["base64"], "base64")


def _sign_error_cases() -> dict[str, Any]:
    rsa = PEMS["rsa"]["privatePem"]
    ed = crypto.create_private_key(PEMS["ed25519"]["privatePem"])

    def twice() -> list[dict[str, Any]]:
        s = crypto.create_sign("sha256")
        s.update("x")
        s.sign(rsa)
        return [outcome(lambda: s.sign(rsa)), outcome(lambda: s.update("y"))]

    return {
        "unknownDigest": lambda: crypto.create_sign("nope"),
        "unknownDigestOneShot": lambda: crypto.sign("nope", b"x", rsa),
        "digestWithEd25519Stream": lambda: crypto.create_sign("sha256").update("x").sign(ed),
        "digestWithEd25519OneShot": lambda: crypto.sign("sha256", b"x", ed),
        "secretKey": lambda: crypto.sign("sha256", b"x", crypto.create_secret_key(bytes(3))),
        "signTwice": twice,
        "badPadding": lambda: crypto.sign("sha256", b"x", {"key": rsa, "padding": 99}),
        "badDsaEncoding": lambda: crypto.sign(
            "sha256", b"x", {"key": PEMS["p256"]["privatePem"], "dsaEncoding": "xx"}
        ),
        "saltTooLong": lambda: crypto.sign("sha256", b"x", rsa, padding=6, salt_length=1000),
        "verifyShortSignature": lambda: crypto.verify(
            "sha256", b"x", PEMS["rsa"]["publicPem"], bytes(3)
        ),
        "verifyWrongMessage": lambda: crypto.verify(
            "sha256", b"y", PEMS["rsa"]["publicPem"], crypto.sign("sha256", b"x", rsa)
        ),
        "verifyWithPrivate": lambda: crypto.verify(
            "sha256", b"x", rsa, crypto.sign("sha256", b"x", rsa)
        ),
        "x25519Sign": lambda: crypto.sign(None, b"x", PEMS["x25519"]["privatePem"]),
        "signNoKey": lambda: crypto.create_sign("sha256").update("x").sign(),
    }


@pytest.mark.parametrize("case", sorted(SIGS["signErrors"]))
def test_sign_errors_match_node(case: str) -> None:
    want = SIGS["signErrors"][case]
    got = outcome(_sign_error_cases()[case])
    if isinstance(want, list):
        assert got == {"ok": [expect(w) for w in want]}
    else:
        assert got == expect(want)


# ------------------------------------------------------------------------------------------
# RSA encryption


@pytest.mark.parametrize(
    "entry", RSA["oaep"], ids=lambda e: f"{e['key']}-{e['oaepHash']}-{e['label']}"
)
def test_oaep_made_by_node_decrypts(entry: dict[str, Any]) -> None:
    key = PEMS[entry["key"]]
    options = {
        "key": key["privatePem"],
        "oaepHash": entry["oaepHash"],
        "oaepLabel": entry["label"].encode() if entry["label"] else None,
    }
    plain = crypto.private_decrypt(options, bytes.fromhex(entry["ciphertext"]))
    assert bytes(plain) == entry["message"].encode()
    # And ours round-trips with the same options (OAEP is randomized: no byte comparison).
    mine = crypto.public_encrypt(
        key["publicPem"],
        entry["message"].encode(),
        oaep_hash=entry["oaepHash"],
        oaep_label=entry["label"].encode() if entry["label"] else None,
    )
    again = crypto.private_decrypt(options, mine)
    assert bytes(again) == entry["message"].encode()


@pytest.mark.parametrize("entry", RSA["privateEncrypted"], ids=lambda e: str(len(e["message"])))
def test_public_decrypt_of_nodes_private_encrypt(entry: dict[str, Any]) -> None:
    plain = crypto.public_decrypt(PEMS["rsa"]["publicPem"], bytes.fromhex(entry["pkcs1"]))
    assert bytes(plain) == entry["message"].encode()


def _rsa_error_cases() -> dict[str, Any]:
    return {
        "tooLarge": lambda: crypto.public_encrypt(PEMS["rsa"]["publicPem"], bytes(300)),
        "oaepGarbage": lambda: crypto.private_decrypt(PEMS["rsa"]["privatePem"], bytes(128)),
        "pkcs1PrivateDecrypt": lambda: crypto.private_decrypt(
            {"key": PEMS["rsa"]["privatePem"], "padding": 1}, bytes(128)
        ),
        "publicDecryptGarbage": lambda: crypto.public_decrypt(
            PEMS["rsa"]["publicPem"], b"\x01" * 128
        ),
    }


@pytest.mark.parametrize("case", sorted(RSA["rsaErrors"]))
def test_rsa_errors_match_node(case: str) -> None:
    assert outcome(_rsa_error_cases()[case]) == expect(RSA["rsaErrors"][case])


# ------------------------------------------------------------------------------------------
# ECDH


@pytest.mark.parametrize("entry", ECDH["ecdh"], ids=lambda e: e["curve"])
def test_ecdh_matches_node(entry: dict[str, Any]) -> None:
    a = crypto.create_ecdh(entry["curve"])
    a.set_private_key(entry["a"], "hex")
    b = crypto.create_ecdh(entry["curve"])
    b.set_private_key(entry["b"], "hex")
    assert a.get_private_key("base64") == entry["privateBase64"]
    for fmt, point in entry["public"].items():
        assert a.get_public_key("hex", fmt) == point
        assert b.compute_secret(point, "hex", "hex") == entry["secret"]
        converted = crypto.ECDH.convert_key(
            entry["public"]["compressed"], entry["curve"], "hex", "hex", fmt
        )
        assert converted == entry["convert"][fmt]


@pytest.mark.parametrize("entry", ECDH["dhStateless"], ids=lambda e: e["key"])
def test_diffie_hellman_matches_node(entry: dict[str, Any]) -> None:
    secret = crypto.diffie_hellman(
        {
            "privateKey": crypto.create_private_key(PEMS[entry["key"]]["privatePem"]),
            "publicKey": crypto.create_public_key(PEMS[entry["key"]]["publicPem"]),
        }
    )
    assert bytes(secret).hex() == entry["secret"]


def _ecdh_error_cases() -> dict[str, Any]:
    def with_keys() -> crypto.ECDH:
        e = crypto.create_ecdh("prime256v1")
        e.generate_keys()
        return e

    return {
        "badCurve": lambda: crypto.create_ecdh("nope"),
        "publicBeforeKeys": lambda: crypto.create_ecdh("prime256v1").get_public_key(),
        "secretBeforeKeys": lambda: crypto.create_ecdh("prime256v1").compute_secret(bytes(65)),
        "badPeer": lambda: with_keys().compute_secret(bytes(65)),
        "badFormat": lambda: with_keys().get_public_key("hex", "nope"),
        "zeroPrivate": lambda: crypto.create_ecdh("prime256v1").set_private_key(bytes(32)),
        "convertBadCurve": lambda: crypto.ECDH.convert_key("02" + "1" * 64, "nope", "hex"),
        "convertBadPoint": lambda: crypto.ECDH.convert_key("05" + "1" * 64, "prime256v1", "hex"),
    }


@pytest.mark.parametrize("case", sorted(ECDH["ecdhErrors"]))
def test_ecdh_errors_match_node(case: str) -> None:
    assert outcome(_ecdh_error_cases()[case]) == expect(ECDH["ecdhErrors"][case])


def test_diffie_hellman_errors_match_node() -> None:
    rsa_private = crypto.create_private_key(PEMS["rsa"]["privatePem"])
    rsa_public = crypto.create_public_key(PEMS["rsa"]["publicPem"])
    got = outcome(lambda: crypto.diffie_hellman(private_key=rsa_private, public_key=rsa_public))
    assert got == expect(ECDH["dhErrors"]["rsa"])
    mixed = outcome(
        lambda: crypto.diffie_hellman(
            private_key=crypto.create_private_key(PEMS["x25519"]["privatePem"]),
            public_key=crypto.create_public_key(PEMS["p256"]["publicPem"]),
        )
    )
    assert mixed == expect(ECDH["dhErrors"]["mixed"])


# ------------------------------------------------------------------------------------------
# X509Certificate

_FIELDS = [
    ("subject", "subject"),
    ("issuer", "issuer"),
    ("subject_alt_name", "subjectAltName"),
    ("info_access", "infoAccess"),
    ("valid_from", "validFrom"),
    ("valid_to", "validTo"),
    ("fingerprint", "fingerprint"),
    ("fingerprint256", "fingerprint256"),
    ("fingerprint512", "fingerprint512"),
    ("serial_number", "serialNumber"),
    ("ca", "ca"),
    ("key_usage", "keyUsage"),
]
CERTS = X509["certs"]
CA1 = crypto.X509Certificate(CERTS["ca1-cert.pem"]["pem"])


@pytest.mark.parametrize("name", sorted(CERTS))
def test_certificate_fields_match_node(name: str) -> None:
    entry = CERTS[name]
    cert = crypto.X509Certificate(entry["pem"])
    for attribute, node_name in _FIELDS:
        assert getattr(cert, attribute) == entry[node_name], attribute
    assert bytes(cert.raw).hex() == entry["raw"]
    assert cert.to_string() == entry["toString"] == cert.to_json() == str(cert)
    assert cert.public_key.export(format="pem", type="spki") == entry["publicKeySpki"]
    assert crypto.X509Certificate(bytes(cert.raw)) == cert


@pytest.mark.parametrize("name", sorted(CERTS))
def test_certificate_checks_match_node(name: str) -> None:
    entry = CERTS[name]
    cert = crypto.X509Certificate(entry["pem"])
    for host, options, want in entry["hostChecks"]:
        assert cert.check_host(host, options) == want, (host, options)
    for email, want in entry["emailChecks"]:
        assert cert.check_email(email) == want, email
    assert cert.check_email("ry@tinyclouds.org", subject="never") == entry["emailNever"]
    for ip, want in entry["ipChecks"]:
        assert cert.check_ip(ip) == want, ip
    assert cert.verify(CA1.public_key) is entry["verifiedByCa1"]
    assert cert.verify(cert.public_key) is entry["verifiedBySelf"]
    assert cert.check_issued(CA1) is entry["checkIssuedByCa1"]
    assert cert.check_issued(cert) is entry["checkIssuedBySelf"]
    wrong = crypto.create_private_key(PEMS["rsa"]["privatePem"])
    assert cert.check_private_key(wrong) is entry["checkPrivateKeyWrong"]
    if entry["checkPrivateKey"] is not None:
        own = crypto.create_private_key(X509["agent1Key"])
        assert cert.check_private_key(own) is entry["checkPrivateKey"]


@pytest.mark.parametrize("name", sorted(CERTS))
def test_certificate_legacy_object_matches_node(name: str) -> None:
    entry = CERTS[name]
    legacy = crypto.X509Certificate(entry["pem"]).to_legacy_object()
    for key, want in entry["legacy"].items():
        got = legacy.get(key)
        if key == "pubkey" and got is not None:
            got = bytes(got).hex()
        assert got == want, key


def test_certificate_errors_match_node() -> None:
    assert outcome(lambda: crypto.X509Certificate(b"xx")) == expect(X509["x509Errors"]["garbage"])
    garbage = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
    assert outcome(lambda: crypto.X509Certificate(garbage)) == expect(
        X509["x509Errors"]["garbageString"]
    )


# ------------------------------------------------------------------------------------------
# Constants, lists, key generation errors


def test_constants_are_nodes() -> None:
    for name, value in MISC["constants"].items():
        if name == "OPENSSL_VERSION_NUMBER":
            assert not hasattr(crypto.constants, name)
            continue
        assert getattr(crypto.constants, name) == value, name
    with pytest.raises(AttributeError):
        crypto.constants.RSA_PKCS1_PADDING = 2  # type: ignore[misc]


def test_get_ciphers_and_curves_are_nodes_names() -> None:
    ciphers = crypto.get_ciphers()
    assert ciphers == sorted(ciphers)
    assert set(ciphers) <= set(MISC["ciphers"])
    assert {"aes-256-gcm", "aes-128-cbc", "aes-192-ctr", "aes-256-ecb", "chacha20-poly1305"} <= set(
        ciphers
    )
    curves = crypto.get_curves()
    assert set(curves) <= set(MISC["curves"])
    assert {"prime256v1", "secp384r1", "secp521r1", "secp256k1"} <= set(curves)


def _keygen_error_cases() -> dict[str, Any]:
    return {
        "unknownType": lambda: crypto.generate_key_pair_sync("nope"),
        "rsaNoModulus": lambda: crypto.generate_key_pair_sync("rsa"),
        "ecBadCurve": lambda: crypto.generate_key_pair_sync("ec", named_curve="nope"),
        "ecNoCurve": lambda: crypto.generate_key_pair_sync("ec"),
        "aesBadLength": lambda: crypto.generate_key_sync("aes", length=100),
        "hmacShort": lambda: crypto.generate_key_sync("hmac", length=7),
        "unknownSecretType": lambda: crypto.generate_key_sync("nope", length=128),
        "pssBadHash": lambda: crypto.generate_key_pair_sync(
            "rsa-pss", modulus_length=1024, hash_algorithm="nope"
        ),
    }


@pytest.mark.parametrize("case", sorted(MISC["keygenErrors"]))
def test_keygen_errors_match_node(case: str) -> None:
    assert outcome(_keygen_error_cases()[case]) == expect(MISC["keygenErrors"][case])
