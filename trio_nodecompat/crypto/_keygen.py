"""``generate_key_pair(_sync)`` and ``generate_key(_sync)``: Node's key generation.

Key pairs come from ``cryptography``: RSA, RSA-PSS (an RSA key carrying the PSS identity and,
if any of ``hash_algorithm``/``mgf1_hash_algorithm``/``salt_length`` is given, parameters
completed as Node completes them: SHA-1, MGF1 with the same digest, a salt as long as the
digest), EC on a named curve, Ed25519, Ed448, X25519, X448, DSA. ``cryptography`` sets two
limits Node does not: RSA moduli of at least 1024 bits and public exponents 3 or 65537, and
DSA moduli of 1024/2048/3072/4096 bits; outside them the error says so
(``ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED``). Finite-field DH pairs are not offered (the docs
page says why).

Node's ``publicKeyEncoding``/``privateKeyEncoding`` option objects are the keyword arguments
``public_key_encoding``/``private_key_encoding`` (dicts with Node's members ``type``, ``format``,
``cipher``, ``passphrase``); with one, that half is returned exported instead of as a KeyObject.
The result is a ``(public_key, private_key)`` tuple.

The callback forms check their arguments at once (a bad option raises synchronously, as in
Node), then run the generation off the Trio thread (it blocks for a while) through
``crypto._offload``, the mechanism every callback form of the package shares, and call
``callback(err, public_key, private_key)`` from the loop in the caller's context;
``util.promisify`` of either gives an async function that returns the tuple and can be
cancelled (the worker thread's result is then dropped).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa, x448, x25519

from .._buffer import Buffer
from .._internal.validators import (
    validate_function,
    validate_integer,
    validate_string,
    validate_uint32,
)
from ..errors import (
    ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS,
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_CRYPTO_UNKNOWN_CIPHER,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED,
)
from ._cipher_table import cipher_spec
from ._curves import curve_by_name
from ._der import PSS_HASH_OIDS, PssParams
from ._keys import KeyObject
from ._offload import Job, promisified_by, run, start
from ._signing_digests import digest_by_name

__all__ = ["generate_key", "generate_key_pair", "generate_key_pair_sync", "generate_key_sync"]

_PAIR_TYPES = ("rsa", "rsa-pss", "dsa", "ec", "ed25519", "ed448", "x25519", "x448", "dh")

Exported = KeyObject | Buffer | str | dict[str, str]


def _pss_params(
    hash_algorithm: object, mgf1_hash_algorithm: object, salt_length: object
) -> PssParams | None:
    if hash_algorithm is None and mgf1_hash_algorithm is None and salt_length is None:
        return None
    hash_name = "sha1"
    if hash_algorithm is not None:
        hash_name = validate_string(hash_algorithm, "options.hashAlgorithm")
    mgf1_name = hash_name
    if mgf1_hash_algorithm is not None:
        mgf1_name = validate_string(mgf1_hash_algorithm, "options.mgf1HashAlgorithm")
    for name in (hash_name, mgf1_name):
        digest = digest_by_name(name)
        if digest is None or digest.name.replace("sha512/", "sha512-") not in PSS_HASH_OIDS:
            raise ERR_CRYPTO_INVALID_DIGEST(name)
    canonical = [
        digest.name.replace("sha512/", "sha512-")
        for digest in (digest_by_name(hash_name), digest_by_name(mgf1_name))
        if digest is not None
    ]
    digest = digest_by_name(hash_name)
    assert isinstance(digest, hashes.HashAlgorithm)
    salt = digest.digest_size
    if salt_length is not None:
        salt = validate_integer(salt_length, "options.saltLength", 0, 2**31 - 1)
    return PssParams(canonical[0], canonical[1], salt)


def _rsa_key(modulus_length: object, public_exponent: object) -> Callable[[], rsa.RSAPrivateKey]:
    """Check the RSA options now; the returned function makes the key (the slow part)."""
    if modulus_length is None:
        raise ERR_INVALID_ARG_TYPE("options.modulusLength", "number", None)
    bits = validate_uint32(modulus_length, "options.modulusLength")
    exponent = 0x10001
    if public_exponent is not None:
        exponent = validate_uint32(public_exponent, "options.publicExponent")
    if bits < 1024 or exponent not in (3, 65537):
        raise ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED(
            "cryptography generates RSA keys of at least 1024 bits with public exponent "
            f"3 or 65537 (asked: {bits} bits, exponent {exponent})"
        )
    return partial(rsa.generate_private_key, public_exponent=exponent, key_size=bits)


def _check_encoding(encoding: object, which: str, type: str) -> Mapping[str, Any] | None:
    """Validate ``publicKeyEncoding``/``privateKeyEncoding`` up front, with Node's names.

    Node checks these before generating anything (so a bad option on a 4096-bit RSA request
    fails at once), and names the offending member (``options.privateKeyEncoding.cipher``).
    """
    if encoding is None:
        return None
    if not isinstance(encoding, Mapping):
        raise ERR_INVALID_ARG_VALUE(f"options.{which}", encoding)
    private = which == "privateKeyEncoding"
    format = encoding.get("format")
    if format not in ("pem", "der", "jwk"):
        raise ERR_INVALID_ARG_VALUE(f"options.{which}.format", format)
    if format == "jwk":
        return encoding
    kind = encoding.get("type")
    allowed = ("pkcs1", "pkcs8", "sec1") if private else ("pkcs1", "spki")
    if kind not in allowed:
        raise ERR_INVALID_ARG_VALUE(f"options.{which}.type", kind)
    if kind == "pkcs1" and type != "rsa":
        raise ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS("pkcs1", "can only be used for RSA keys")
    if kind == "sec1" and type != "ec":
        raise ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS("sec1", "can only be used for EC keys")
    cipher = encoding.get("cipher")
    passphrase = encoding.get("passphrase")
    if private and cipher is None and passphrase is not None:
        # Node's parseKeyEncoding: a passphrase without a cipher is refused, never ignored
        raise ERR_INVALID_ARG_VALUE(f"options.{which}.cipher", cipher)
    if private and cipher is not None:
        if not isinstance(cipher, str):
            raise ERR_INVALID_ARG_VALUE(f"options.{which}.cipher", cipher)
        if format == "der" and kind != "pkcs8":
            raise ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(str(kind), "does not support encryption")
        if not isinstance(passphrase, str | bytes | bytearray | memoryview | Buffer):
            raise ERR_INVALID_ARG_VALUE(f"options.{which}.passphrase", passphrase)
        if cipher_spec(cipher) is None:  # (OpenSSL's check comes after Node's own)
            raise ERR_CRYPTO_UNKNOWN_CIPHER()
    return encoding


def _export(key: KeyObject, encoding: Mapping[str, Any] | None) -> Exported:
    return key if encoding is None else key.export(encoding)


def _dsa_key(bits: int, divisor_length: int | None) -> dsa.DSAPrivateKey:
    private = dsa.generate_private_key(bits)
    if divisor_length is not None:
        got = private.parameters().parameter_numbers().q.bit_length()
        if divisor_length != got:
            raise ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED(
                f"cryptography chooses the DSA divisor length itself ({got} bits here)"
            )
    return private


Pair = tuple[Exported, Exported]


def _key_pair_job(
    type: str,
    *,
    modulus_length: int | None = None,
    public_exponent: int | None = None,
    hash_algorithm: str | None = None,
    mgf1_hash_algorithm: str | None = None,
    salt_length: int | None = None,
    divisor_length: int | None = None,
    named_curve: str | None = None,
    param_encoding: str | None = None,
    public_key_encoding: Mapping[str, Any] | None = None,
    private_key_encoding: Mapping[str, Any] | None = None,
) -> Job[Pair, Pair]:
    """Check every argument of a key-pair request now, as Node does before it queues the job;
    the job generates (in a worker thread for the callback and promisified forms) and
    exports."""
    validate_string(type, "type")
    if type not in _PAIR_TYPES:
        raise ERR_INVALID_ARG_VALUE("type", type, "must be a supported key type")
    public_encoding = _check_encoding(public_key_encoding, "publicKeyEncoding", type)
    private_encoding = _check_encoding(private_key_encoding, "privateKeyEncoding", type)
    pss = False
    params: PssParams | None = None
    make: Callable[[], Any]
    if type == "rsa":
        make = _rsa_key(modulus_length, public_exponent)
    elif type == "rsa-pss":
        if modulus_length is None:
            raise ERR_INVALID_ARG_TYPE("options.modulusLength", "number", None)
        params = _pss_params(hash_algorithm, mgf1_hash_algorithm, salt_length)
        make = _rsa_key(modulus_length, public_exponent)
        pss = True
    elif type == "ec":
        if named_curve is None:
            raise ERR_INVALID_ARG_TYPE("options.namedCurve", "string", None)
        curve = curve_by_name(validate_string(named_curve, "options.namedCurve"))
        if param_encoding not in (None, "named"):
            if param_encoding == "explicit":
                raise ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED(
                    "cryptography writes EC keys with named curves only (paramEncoding 'named')"
                )
            raise ERR_INVALID_ARG_VALUE("options.paramEncoding", param_encoding)
        make = partial(ec.generate_private_key, curve)
    elif type == "dsa":
        if modulus_length is None:
            raise ERR_INVALID_ARG_TYPE("options.modulusLength", "number", None)
        bits = validate_uint32(modulus_length, "options.modulusLength")
        if bits not in (1024, 2048, 3072, 4096):
            raise ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED(
                f"cryptography generates DSA keys of 1024, 2048, 3072 or 4096 bits, not {bits}"
            )
        want = None
        if divisor_length is not None:
            want = validate_uint32(divisor_length, "options.divisorLength")
        make = partial(_dsa_key, bits, want)
    elif type == "ed25519":
        make = ed25519.Ed25519PrivateKey.generate
    elif type == "ed448":
        make = ed448.Ed448PrivateKey.generate
    elif type == "x25519":
        make = x25519.X25519PrivateKey.generate
    elif type == "x448":
        make = x448.X448PrivateKey.generate
    else:
        raise ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED(
            "finite-field Diffie-Hellman key pairs are not offered: cryptography deprecates "
            "its dh module; use 'x25519' or 'ec'"
        )

    def work() -> Pair:
        private_key = KeyObject._make("private", key=make(), pss=pss, pss_params=params)
        public_key = private_key._public()
        return _export(public_key, public_encoding), _export(private_key, private_encoding)

    return Job(work)


def generate_key_pair_sync(
    type: str,
    *,
    modulus_length: int | None = None,
    public_exponent: int | None = None,
    hash_algorithm: str | None = None,
    mgf1_hash_algorithm: str | None = None,
    salt_length: int | None = None,
    divisor_length: int | None = None,
    named_curve: str | None = None,
    param_encoding: str | None = None,
    public_key_encoding: Mapping[str, Any] | None = None,
    private_key_encoding: Mapping[str, Any] | None = None,
) -> Pair:
    """Node's ``crypto.generateKeyPairSync(type, options)``: ``(public_key, private_key)``.

    ``type`` is ``'rsa'``, ``'rsa-pss'``, ``'ec'``, ``'ed25519'``, ``'ed448'``, ``'x25519'``,
    ``'x448'`` or ``'dsa'``; the options are Node's, in snake case.
    """
    job = _key_pair_job(
        type,
        modulus_length=modulus_length,
        public_exponent=public_exponent,
        hash_algorithm=hash_algorithm,
        mgf1_hash_algorithm=mgf1_hash_algorithm,
        salt_length=salt_length,
        divisor_length=divisor_length,
        named_curve=named_curve,
        param_encoding=param_encoding,
        public_key_encoding=public_key_encoding,
        private_key_encoding=private_key_encoding,
    )
    return job.finish(job.work())


async def _generate_key_pair_async(type: str, /, **options: Any) -> tuple[Exported, Exported]:
    """``util.promisify(generate_key_pair)``: the ``(public, private)`` tuple, cancellable."""
    return await run(_key_pair_job(type, **options))


@promisified_by(_generate_key_pair_async)
def generate_key_pair(type: str, callback: object, /, **options: Any) -> None:
    """Node's ``crypto.generateKeyPair(type, options, callback)``; options as keywords.

    Bad options raise at once, as in Node; ``callback(err, public_key, private_key)`` is called
    from the loop, in the caller's context, once the pair is made on a worker thread. Needs a
    running loop.
    """
    fn = validate_function(callback, "callback")
    start("crypto.generate_key_pair", _key_pair_job(type, **options), fn, spread=True)


def _key_job(type: str, length: int | None) -> Job[KeyObject, KeyObject]:
    validate_string(type, "type")
    if type == "hmac":
        bits = validate_integer(length, "options.length", 8, 2**31 - 1)
    elif type == "aes":
        if length is None or not isinstance(length, int) or isinstance(length, bool):
            raise ERR_INVALID_ARG_TYPE("options.length", "number", length)
        if length not in (128, 192, 256):
            raise ERR_INVALID_ARG_VALUE("options.length", length, "must be one of: 128, 192, 256")
        bits = length
    else:
        raise ERR_INVALID_ARG_VALUE("type", type, "must be a supported key type")
    return Job(lambda: KeyObject._make("secret", secret=os.urandom(bits // 8)))


def generate_key_sync(type: str, *, length: int | None = None) -> KeyObject:
    """Node's ``crypto.generateKeySync(type, { length })``: a secret KeyObject.

    ``'hmac'``: ``length`` in bits, 8 to 2**31 - 1 (cut down to whole bytes, as Node does);
    ``'aes'``: 128, 192 or 256. The bytes come from ``os.urandom``.
    """
    job = _key_job(type, length)
    return job.finish(job.work())


async def _generate_key_async(type: str, /, *, length: int | None = None) -> KeyObject:
    """``util.promisify(generate_key)``: the secret KeyObject, cancellable."""
    return await run(_key_job(type, length))


@promisified_by(_generate_key_async)
def generate_key(type: str, callback: object, /, *, length: int | None = None) -> None:
    """Node's ``crypto.generateKey(type, { length }, callback)``: ``callback(err, key)``."""
    fn = validate_function(callback, "callback")
    start("crypto.generate_key", _key_job(type, length), fn)
