"""``KeyObject`` and the ``create_*_key`` functions: one key type for every API here.

Node wraps every key (a secret, or an OpenSSL ``EVP_PKEY``) in a ``KeyObject`` and accepts,
wherever a key is wanted, a KeyObject, PEM text, DER bytes with ``format``/``type``, or a JWK.
Here a KeyObject wraps bytes (``'secret'``) or a ``cryptography`` key object. Parsing and
serialising are ``cryptography``'s; this module adds Node's rules on top (which encodings fit
which key, the JWK member order, Node's error codes) and the one thing ``cryptography`` drops:
an ``rsa-pss`` key's identity and parameters (see :mod:`._der`).

Node's options objects are keyword arguments (``create_private_key(der, format='der',
type='pkcs8')``); Node's form, one dict with a ``key`` entry, is accepted as well, with either
Node's or the snake_case member names (``{'key': pem, 'passphrase': 'top secret'}``).
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from typing import Any, Final, Literal, TypeAlias

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization as ser
from cryptography.hazmat.primitives.asymmetric import (
    dsa,
    ec,
    ed448,
    ed25519,
    rsa,
    x448,
    x25519,
)

from .._buffer import Buffer
from .._internal import encodings as _enc
from ..errors import (
    ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS,
    ERR_CRYPTO_INVALID_JWK,
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_CRYPTO_JWK_UNSUPPORTED_CURVE,
    ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE,
    ERR_CRYPTO_UNKNOWN_CIPHER,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_PASSPHRASE,
    ERR_OSSL_ASN1_HEADER_TOO_LONG,
    ERR_OSSL_BAD_DECRYPT,
    ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED,
    ERR_OSSL_PEM_BAD_PASSWORD_READ,
    ERR_OSSL_UNSUPPORTED,
    ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED,
    OpenSSLError,
)
from . import _der
from ._convert import DATA_TYPES, as_view, owned_bytes
from ._curves import JWK_CURVES, curve_by_name, curve_size, node_curve_name

__all__ = [
    "AsymmetricKey",
    "KeyObject",
    "PrivateKey",
    "PublicKey",
    "create_private_key",
    "create_public_key",
    "create_secret_key",
    "option",
    "prepare_private_key",
    "prepare_public_key",
]

PrivateKey: TypeAlias = (
    rsa.RSAPrivateKey
    | ec.EllipticCurvePrivateKey
    | ed25519.Ed25519PrivateKey
    | ed448.Ed448PrivateKey
    | x25519.X25519PrivateKey
    | x448.X448PrivateKey
    | dsa.DSAPrivateKey
)
PublicKey: TypeAlias = (
    rsa.RSAPublicKey
    | ec.EllipticCurvePublicKey
    | ed25519.Ed25519PublicKey
    | ed448.Ed448PublicKey
    | x25519.X25519PublicKey
    | x448.X448PublicKey
    | dsa.DSAPublicKey
)
AsymmetricKey: TypeAlias = PrivateKey | PublicKey
# Finite-field DH keys are left out of these unions: ``cryptography`` deprecates its ``dh``
# module (touching it warns), and this port does not offer classic DH (see the docs page).
KeyType: TypeAlias = Literal["secret", "public", "private"]

_KEY_INPUT = ["string", "ArrayBuffer", "Buffer", "TypedArray", "DataView"]

# Node's option names in camelCase, for the Node-style ``{'key': ..., ...}`` dict.
_CAMEL: Final = {
    "salt_length": "saltLength",
    "dsa_encoding": "dsaEncoding",
    "oaep_hash": "oaepHash",
    "oaep_label": "oaepLabel",
}


def option(options: Mapping[str, Any], name: str, default: Any = None) -> Any:
    """Member ``name`` of a Node-style options dict, under its snake_case or camelCase name."""
    if name in options:
        return options[name]
    return options.get(_CAMEL.get(name, name), default)


def _b64url(data: bytes) -> str:
    return _enc.decode(data, "base64url")


def _unb64url(text: object, name: str) -> bytes:
    if not isinstance(text, str):
        raise ERR_INVALID_ARG_TYPE(name, "string", text)
    return _enc.encode(text, "base64url")


def _uint(value: int, size: int | None = None) -> bytes:
    return value.to_bytes(size if size is not None else max(1, (value.bit_length() + 7) // 8))


def _pem(label: str, der: bytes) -> str:
    body = _enc.decode(der, "base64")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----\n"


def _pem_start(text: bytes) -> int:
    """Where the first ``-----BEGIN`` line starts; -1 if none.

    OpenSSL's PEM reader skips any text before it (``Bag Attributes`` lines that
    ``openssl pkcs12`` writes, a ``subject=`` line...), and so does Node.
    """
    if text.lstrip().startswith(b"-----BEGIN "):
        return len(text) - len(text.lstrip())
    at = text.find(b"\n-----BEGIN ")
    return at + 1 if at >= 0 else -1


def _pem_label(text: bytes) -> str | None:
    start = _pem_start(text)
    if start < 0:
        return None
    head = text[start + len(b"-----BEGIN ") :]
    end = head.find(b"-----")
    return head[:end].decode("ascii", "replace") if end >= 0 else None


def _pem_body(text: bytes) -> bytes:
    """The DER inside the first PEM block of ``text`` (a block without headers)."""
    lines = text[max(_pem_start(text), 0) :].decode("ascii", "replace").strip().splitlines()
    body = [line for line in lines[1:] if not line.startswith("-----") and ":" not in line]
    return _enc.encode("".join(body), "base64")


def _hash_name_ok(name: str) -> bool:
    return name in _der.PSS_HASH_OIDS


class KeyObject:
    """Node's ``KeyObject``: a secret, public or private key.

    Made by :func:`create_secret_key`, :func:`create_public_key`, :func:`create_private_key`,
    :func:`generate_key_pair_sync` and :func:`generate_key_sync`, never directly (as in Node,
    where ``new KeyObject()`` is not how keys are made). ``==`` is :meth:`equals`.
    """

    __slots__ = ("_type", "_secret", "_key", "_pss", "_pss_params")

    _type: KeyType
    _secret: bytes
    _key: AsymmetricKey | None
    _pss: bool
    _pss_params: _der.PssParams | None

    def __init__(self, *args: object, **kwargs: object) -> None:
        # Node's constructor checks its arguments first; with a native handle it would then
        # wrap it, which has no analogue here.
        kind = args[0] if args else kwargs.get("type")
        if kind not in ("secret", "public", "private"):
            raise ERR_INVALID_ARG_VALUE("type", kind)
        handle = args[1] if len(args) > 1 else kwargs.get("handle")
        if handle is None or isinstance(handle, str | bytes | int | float):
            raise ERR_INVALID_ARG_TYPE("handle", "object", handle)
        raise TypeError(
            "KeyObject cannot be constructed directly: use create_secret_key, "
            "create_public_key, create_private_key or generate_key_pair_sync"
        )

    @classmethod
    def _make(
        cls,
        type: KeyType,
        *,
        secret: bytes = b"",
        key: AsymmetricKey | None = None,
        pss: bool = False,
        pss_params: _der.PssParams | None = None,
    ) -> KeyObject:
        new = object.__new__(cls)
        new._type = type
        new._secret = secret
        new._key = key
        new._pss = pss
        new._pss_params = pss_params
        return new

    def _secret_key_material(self) -> bytes:
        """The hook of :func:`~trio_nodecompat.crypto._convert.prepare_secret_key` (Node's
        ``prepareSecretKey``): a secret key's bytes, so ``create_hmac``, ``hkdf`` and the
        ciphers take a KeyObject; any other type is ``ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE``."""
        if self._type != "secret":
            raise ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(self._type, "secret")
        return self._secret

    # ----------------------------------------------------------------------------------------
    # What the key is

    @property
    def type(self) -> KeyType:
        """``'secret'``, ``'public'`` or ``'private'``."""
        return self._type

    @property
    def asymmetric_key_type(self) -> str | None:
        """``'rsa'``, ``'rsa-pss'``, ``'ec'``, ``'ed25519'``, ``'ed448'``, ``'x25519'``,
        ``'x448'``, ``'dsa'`` or ``'dh'``; ``None`` for a secret key (Node's ``undefined``)."""
        key = self._key
        if key is None:
            return None
        if isinstance(key, rsa.RSAPrivateKey | rsa.RSAPublicKey):
            return "rsa-pss" if self._pss else "rsa"
        if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
            return "ec"
        if isinstance(key, ed25519.Ed25519PrivateKey | ed25519.Ed25519PublicKey):
            return "ed25519"
        if isinstance(key, ed448.Ed448PrivateKey | ed448.Ed448PublicKey):
            return "ed448"
        if isinstance(key, x25519.X25519PrivateKey | x25519.X25519PublicKey):
            return "x25519"
        if isinstance(key, x448.X448PrivateKey | x448.X448PublicKey):
            return "x448"
        if isinstance(key, dsa.DSAPrivateKey | dsa.DSAPublicKey):
            return "dsa"
        raise AssertionError(f"unexpected key class {type(key).__name__}")  # pragma: no cover

    @property
    def asymmetric_key_details(self) -> dict[str, object] | None:
        """Node's ``asymmetricKeyDetails``, with snake_case keys.

        RSA: ``modulus_length``, ``public_exponent`` (Node's BigInt is an ``int``); RSA-PSS
        with parameters adds ``hash_algorithm``, ``mgf1_hash_algorithm``, ``salt_length``;
        EC: ``named_curve`` (Node's OpenSSL name, ``'prime256v1'``); DSA: ``modulus_length``,
        ``divisor_length``; others: ``{}``. ``None`` for a secret key.
        """
        key = self._key
        if key is None:
            return None
        if isinstance(key, rsa.RSAPrivateKey | rsa.RSAPublicKey):
            public = key.public_key() if isinstance(key, rsa.RSAPrivateKey) else key
            details: dict[str, object] = {
                "modulus_length": key.key_size,
                "public_exponent": public.public_numbers().e,
            }
            if self._pss_params is not None:
                details["hash_algorithm"] = self._pss_params.hash_algorithm
                details["mgf1_hash_algorithm"] = self._pss_params.mgf1_hash_algorithm
                details["salt_length"] = self._pss_params.salt_length
            return details
        if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
            return {"named_curve": node_curve_name(key.curve)}
        if isinstance(key, dsa.DSAPrivateKey | dsa.DSAPublicKey):
            q = key.parameters().parameter_numbers().q
            return {"modulus_length": key.key_size, "divisor_length": q.bit_length()}
        return {}

    @property
    def symmetric_key_size(self) -> int | None:
        """The length in bytes of a secret key; ``None`` for an asymmetric key."""
        return len(self._secret) if self._type == "secret" else None

    # ----------------------------------------------------------------------------------------
    # Comparing

    def equals(self, other_key_object: KeyObject) -> bool:
        """Whether both keys are of the same type and hold the same key material."""
        if not isinstance(other_key_object, KeyObject):
            raise ERR_INVALID_ARG_TYPE("otherKeyObject", "KeyObject", other_key_object)
        if self._type != other_key_object._type:
            return False
        if self._type == "secret":
            return len(self._secret) == len(other_key_object._secret) and hmac.compare_digest(
                self._secret, other_key_object._secret
            )
        if self.asymmetric_key_type != other_key_object.asymmetric_key_type:
            return False
        return hmac.compare_digest(self._canonical_der(), other_key_object._canonical_der())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KeyObject):
            return NotImplemented
        return self.equals(other)

    __hash__ = None  # type: ignore[assignment]  # mutable-looking, compared by content

    def _canonical_der(self) -> bytes:
        key = self._key
        assert key is not None
        if self._type == "private":
            return key.private_bytes(  # type: ignore[union-attr]
                ser.Encoding.DER, ser.PrivateFormat.PKCS8, ser.NoEncryption()
            )
        return key.public_bytes(  # type: ignore[union-attr]
            ser.Encoding.DER, ser.PublicFormat.SubjectPublicKeyInfo
        )

    def __repr__(self) -> str:
        kind = {"secret": "Secret", "public": "Public", "private": "Private"}[self._type]
        if self._type == "secret":
            return f"{kind}KeyObject(type='secret', symmetric_key_size={len(self._secret)})"
        return f"{kind}KeyObject(type={self._type!r}, asymmetric_key_type={self.asymmetric_key_type!r})"

    # ----------------------------------------------------------------------------------------
    # Internal accessors used by sign/cipher/ecdh

    def _public(self) -> KeyObject:
        """The public half (itself for a public key)."""
        if self._type == "public":
            return self
        key = self._key
        assert key is not None and self._type == "private"
        return KeyObject._make(
            "public",
            key=key.public_key(),  # type: ignore[union-attr]
            pss=self._pss,
            pss_params=self._pss_params,
        )

    # ----------------------------------------------------------------------------------------
    # Export

    def export(
        self,
        options: Mapping[str, Any] | None = None,
        *,
        format: str | None = None,
        type: str | None = None,
        cipher: str | None = None,
        passphrase: object = None,
    ) -> Buffer | str | dict[str, str]:
        """Node's ``keyObject.export(options)``: PEM text, DER bytes, or a JWK dict.

        Secret keys: ``format='buffer'`` (the default, a Buffer) or ``'jwk'``. Public keys:
        ``format='pem'|'der'`` with ``type='spki'`` (or ``'pkcs1'`` for RSA), or ``'jwk'``.
        Private keys: ``type='pkcs8'`` (any key), ``'pkcs1'`` (RSA) or ``'sec1'`` (EC), and
        optionally ``cipher`` and ``passphrase`` to encrypt it. The only cipher
        ``cryptography`` can write is ``'aes-256-cbc'`` (PKCS#8: PBES2 with PBKDF2-SHA256;
        PKCS#1/SEC1: OpenSSL's ``DEK-Info`` PEM), so other ciphers Node knows raise
        ``ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED``. ``options`` may be Node's dict instead.

        A public or private key needs options (``export()`` alone is Node's
        ``ERR_INVALID_ARG_TYPE``, as is an ``options`` that is not a dict).
        """
        if options is not None and not isinstance(options, Mapping):
            raise ERR_INVALID_ARG_TYPE("options", "object", options)
        if options is None and self._type != "secret":
            if format is None and type is None and cipher is None and passphrase is None:
                raise ERR_INVALID_ARG_TYPE("options", "object", options)
        if options is not None:
            format = options.get("format", format)
            type = options.get("type", type)
            cipher = options.get("cipher", cipher)
            passphrase = options.get("passphrase", passphrase)
        if self._type == "secret":
            if format is None or format == "buffer":
                return Buffer._own(self._secret)
            if format == "jwk":
                return {"kty": "oct", "k": _b64url(self._secret)}
            raise ERR_INVALID_ARG_VALUE(
                "options.format", format, "must be one of: undefined, 'buffer', 'jwk'"
            )
        if format == "jwk":
            if self._type == "private" and passphrase is not None:
                raise ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS("jwk", "does not support encryption")
            return self._export_jwk()
        if format not in ("pem", "der"):
            raise ERR_INVALID_ARG_VALUE("options.format", format)
        if self._type == "public":
            return self._export_public(format, type)
        return self._export_private(format, type, cipher, passphrase)

    def _export_public(self, format: str, type: str | None) -> Buffer | str:
        key = self._key
        assert key is not None
        if type == "pkcs1":
            if self.asymmetric_key_type != "rsa":
                raise ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS("pkcs1", "can only be used for RSA keys")
            der = key.public_bytes(ser.Encoding.DER, ser.PublicFormat.PKCS1)  # type: ignore[union-attr]
            label = "RSA PUBLIC KEY"
        elif type == "spki":
            if self._pss:
                pkcs1 = key.public_bytes(ser.Encoding.DER, ser.PublicFormat.PKCS1)  # type: ignore[union-attr]
                der = _der.wrap_pss_spki(pkcs1, self._pss_params)
            else:
                der = key.public_bytes(  # type: ignore[union-attr]
                    ser.Encoding.DER, ser.PublicFormat.SubjectPublicKeyInfo
                )
            label = "PUBLIC KEY"
        else:
            raise ERR_INVALID_ARG_VALUE("options.type", type)
        return _pem(label, der) if format == "pem" else Buffer._own(der)

    def _export_private(
        self, format: str, type: str | None, cipher: str | None, passphrase: object
    ) -> Buffer | str:
        key = self._key
        assert key is not None
        kind = self.asymmetric_key_type
        if type == "pkcs1":
            if kind != "rsa":
                raise ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS("pkcs1", "can only be used for RSA keys")
            private_format = ser.PrivateFormat.TraditionalOpenSSL
            label = "RSA PRIVATE KEY"
        elif type == "sec1":
            if kind != "ec":
                raise ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS("sec1", "can only be used for EC keys")
            private_format = ser.PrivateFormat.TraditionalOpenSSL
            label = "EC PRIVATE KEY"
        elif type == "pkcs8":
            private_format = ser.PrivateFormat.PKCS8
            label = "PRIVATE KEY"
        else:
            raise ERR_INVALID_ARG_VALUE("options.type", type)
        encryption: ser.KeySerializationEncryption = ser.NoEncryption()
        if cipher is None and passphrase is not None:
            # Node's parseKeyEncoding: a passphrase needs a cipher (never export in the clear)
            raise ERR_INVALID_ARG_VALUE("options.cipher", cipher)
        if cipher is not None:
            if not isinstance(cipher, str):
                raise ERR_INVALID_ARG_VALUE("options.cipher", cipher)
            if format == "der" and type != "pkcs8":
                raise ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, "does not support encryption")
            if not isinstance(passphrase, str | bytes | bytearray | memoryview | Buffer):
                raise ERR_INVALID_ARG_VALUE("options.passphrase", passphrase)
            encryption = _encryption(cipher, passphrase)
            if type == "pkcs8":
                label = "ENCRYPTED PRIVATE KEY"
        if self._pss:
            if cipher is not None:
                raise ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED(
                    "cryptography cannot encrypt an rsa-pss private key (it writes only "
                    "rsaEncryption keys); export it unencrypted"
                )
            pkcs1 = key.private_bytes(  # type: ignore[union-attr]
                ser.Encoding.DER, ser.PrivateFormat.TraditionalOpenSSL, ser.NoEncryption()
            )
            der = _der.wrap_pss_pkcs8(pkcs1, self._pss_params)
            return _pem(label, der) if format == "pem" else Buffer._own(der)
        if format == "pem":
            text = key.private_bytes(ser.Encoding.PEM, private_format, encryption)  # type: ignore[union-attr]
            return text.decode("ascii")
        der = key.private_bytes(ser.Encoding.DER, private_format, encryption)  # type: ignore[union-attr]
        return Buffer._own(der)

    def _export_jwk(self) -> dict[str, str]:
        key = self._key
        if isinstance(key, rsa.RSAPrivateKey | rsa.RSAPublicKey) and not self._pss:
            if isinstance(key, rsa.RSAPrivateKey):
                priv = key.private_numbers()
                pub = priv.public_numbers
                return {
                    "kty": "RSA",
                    "n": _b64url(_uint(pub.n)),
                    "e": _b64url(_uint(pub.e)),
                    "d": _b64url(_uint(priv.d)),
                    "p": _b64url(_uint(priv.p)),
                    "q": _b64url(_uint(priv.q)),
                    "dp": _b64url(_uint(priv.dmp1)),
                    "dq": _b64url(_uint(priv.dmq1)),
                    "qi": _b64url(_uint(priv.iqmp)),
                }
            pub = key.public_numbers()
            return {"kty": "RSA", "n": _b64url(_uint(pub.n)), "e": _b64url(_uint(pub.e))}
        if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
            name = node_curve_name(key.curve)
            crv = JWK_CURVES.get(name)
            if crv is None:
                raise ERR_CRYPTO_JWK_UNSUPPORTED_CURVE(name)
            size = curve_size(key.curve)
            public = key.public_key() if isinstance(key, ec.EllipticCurvePrivateKey) else key
            numbers = public.public_numbers()
            jwk = {
                "kty": "EC",
                "x": _b64url(_uint(numbers.x, size)),
                "y": _b64url(_uint(numbers.y, size)),
                "crv": crv,
            }
            if isinstance(key, ec.EllipticCurvePrivateKey):
                jwk["d"] = _b64url(_uint(key.private_numbers().private_value, size))
            return jwk
        okp = _OKP_NAMES.get(self.asymmetric_key_type or "")
        if okp is not None and key is not None:
            raw = ser.Encoding.Raw
            if self._type == "private":
                public_raw = key.public_key().public_bytes(raw, ser.PublicFormat.Raw)  # type: ignore[union-attr]
                private_raw = key.private_bytes(raw, ser.PrivateFormat.Raw, ser.NoEncryption())  # type: ignore[union-attr]
                return {
                    "crv": okp,
                    "d": _b64url(private_raw),
                    "x": _b64url(public_raw),
                    "kty": "OKP",
                }
            public_raw = key.public_bytes(raw, ser.PublicFormat.Raw)  # type: ignore[union-attr]
            return {"crv": okp, "x": _b64url(public_raw), "kty": "OKP"}
        raise ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE()


_OKP_NAMES: Final = {"ed25519": "Ed25519", "ed448": "Ed448", "x25519": "X25519", "x448": "X448"}


def _encryption(cipher: object, passphrase: object) -> ser.KeySerializationEncryption:
    if not isinstance(cipher, str):
        raise ERR_INVALID_ARG_VALUE("options.cipher", cipher)
    from ._cipher_table import cipher_spec

    if cipher_spec(cipher) is None:
        raise ERR_CRYPTO_UNKNOWN_CIPHER()
    if cipher.lower() not in ("aes-256-cbc", "aes256"):
        raise ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED(
            f"cryptography encrypts private keys only with aes-256-cbc, not {cipher}"
        )
    if passphrase is None:
        raise ERR_INVALID_ARG_VALUE("options.passphrase", passphrase)
    secret = owned_bytes(passphrase, "options.passphrase", expected=DATA_TYPES)
    if not secret:
        raise ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED(
            "cryptography cannot encrypt a private key with an empty passphrase"
        )
    return ser.BestAvailableEncryption(secret)


# --------------------------------------------------------------------------------------------
# Reading keys


def _key_options(
    key: object, format: object, type: object, passphrase: object, encoding: object
) -> tuple[object, object, object, object, object]:
    # Typed ``object``: the members of a user's dict are whatever they are, checked later.
    """Unfold Node's ``{key, format, type, passphrase, encoding}`` dict if ``key`` is one."""
    if isinstance(key, Mapping) and not ("key" not in key and format == "jwk"):
        # (a JWK dict itself may be given with format='jwk' as a keyword)
        if key.get("key") is None:
            if key.get("format", format) == "jwk":  # Node: validateObject(key.key)
                raise ERR_INVALID_ARG_TYPE("key.key", "object", None)
            raise ERR_INVALID_ARG_TYPE("key.key", _KEY_INPUT, None)
        return (
            key["key"],
            key.get("format", format),
            key.get("type", type),
            key.get("passphrase", passphrase),
            key.get("encoding", encoding),
        )
    return key, format, type, passphrase, encoding


def _passphrase(value: object) -> bytes | None:
    if value is None:
        return None
    if not isinstance(value, str) and as_view(value) is None:
        raise ERR_INVALID_ARG_VALUE("options.passphrase", value)  # Node's isStringOrBuffer
    return owned_bytes(value, "options.passphrase", expected=DATA_TYPES)


_PRIVATE_CLASSES: Final = (
    rsa.RSAPrivateKey,
    ec.EllipticCurvePrivateKey,
    ed25519.Ed25519PrivateKey,
    ed448.Ed448PrivateKey,
    x25519.X25519PrivateKey,
    x448.X448PrivateKey,
    dsa.DSAPrivateKey,
)
_PUBLIC_CLASSES: Final = (
    rsa.RSAPublicKey,
    ec.EllipticCurvePublicKey,
    ed25519.Ed25519PublicKey,
    ed448.Ed448PublicKey,
    x25519.X25519PublicKey,
    x448.X448PublicKey,
    dsa.DSAPublicKey,
)


def _private(key: object) -> PrivateKey:
    """A loaded private key of a type this port handles; ``ERR_OSSL_UNSUPPORTED`` otherwise.

    ``cryptography`` also loads finite-field DH and post-quantum keys; Node 20 knows no
    post-quantum keys, and DH keys are left out (see the docs page).
    """
    if not isinstance(key, _PRIVATE_CLASSES):
        raise ERR_OSSL_UNSUPPORTED()
    return key


def _public(key: object) -> PublicKey:
    """A loaded public key of a type this port handles; ``ERR_OSSL_UNSUPPORTED`` otherwise."""
    if not isinstance(key, _PUBLIC_CLASSES):
        raise ERR_OSSL_UNSUPPORTED()
    return key


#: The room OpenSSL's password callback has (``PEM_BUFSIZE``): Node's callback refuses a
#: longer passphrase, so OpenSSL reads the key as if none had been given.
_PASSPHRASE_ROOM: Final = 1024


def _load_with_passphrase(load: Any, data: bytes, passphrase: bytes | None) -> Any:
    """``cryptography``'s loader, ignoring a passphrase given for an unencrypted key (OpenSSL
    never asks for it there; cryptography refuses it)."""
    try:
        return load(data, password=passphrase, unsafe_skip_rsa_key_validation=True)
    except TypeError as exc:
        if passphrase is None or "not encrypted" not in str(exc):
            raise
    return load(data, password=None, unsafe_skip_rsa_key_validation=True)


def _load_private_pem(data: bytes, passphrase: bytes | None) -> KeyObject:
    label = _pem_label(data)
    if label is None:
        raise ERR_OSSL_UNSUPPORTED()
    if label == "PRIVATE KEY":
        pss = _der.unwrap_pss_pkcs8(_pem_body(data))
        if pss is not None:
            return _pss_private(*pss)
    if passphrase is not None and len(passphrase) > _PASSPHRASE_ROOM:
        passphrase = None
    try:
        key = _load_with_passphrase(ser.load_pem_private_key, data, passphrase)
    except TypeError as exc:
        if "not given" in str(exc) or "encrypted" in str(exc):
            if passphrase is not None:  # an empty passphrase is a wrong one, as in Node
                raise ERR_OSSL_BAD_DECRYPT() from None
            raise ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED() from None
        raise ERR_OSSL_UNSUPPORTED() from None
    except ValueError as exc:
        if "decrypt" in str(exc).lower() or "password" in str(exc).lower():
            raise ERR_OSSL_BAD_DECRYPT() from None
        raise ERR_OSSL_UNSUPPORTED() from None
    except UnsupportedAlgorithm:
        raise ERR_OSSL_UNSUPPORTED() from None
    return KeyObject._make("private", key=_private(key))


def _pss_private(pkcs1: bytes, params: _der.PssParams | None) -> KeyObject:
    try:
        key = ser.load_der_private_key(pkcs1, password=None, unsafe_skip_rsa_key_validation=True)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise ERR_OSSL_UNSUPPORTED() from None
    return KeyObject._make("private", key=_private(key), pss=True, pss_params=params)


def _pss_public(pkcs1: bytes, params: _der.PssParams | None) -> KeyObject:
    try:
        key = ser.load_der_public_key(pkcs1)
    except (ValueError, UnsupportedAlgorithm):
        raise ERR_OSSL_UNSUPPORTED() from None
    return KeyObject._make("public", key=_public(key), pss=True, pss_params=params)


def _der_failure(data: bytes) -> Exception:
    try:
        _der.read_tlv(data)
    except ValueError:
        return ERR_OSSL_ASN1_HEADER_TOO_LONG()
    return ERR_OSSL_UNSUPPORTED()


def _load_private_der(data: bytes, type: object, passphrase: bytes | None) -> KeyObject:
    if type not in ("pkcs1", "pkcs8", "sec1"):
        raise ERR_INVALID_ARG_VALUE("options.type", type)
    if type == "pkcs8":
        pss = _der.unwrap_pss_pkcs8(data)
        if pss is not None:
            return _pss_private(*pss)
    if passphrase is not None and len(passphrase) > _PASSPHRASE_ROOM:
        try:
            ser.load_der_private_key(data, password=None, unsafe_skip_rsa_key_validation=True)
        except TypeError:  # encrypted: Node's callback refuses the passphrase
            raise ERR_OSSL_PEM_BAD_PASSWORD_READ() from None
        except (ValueError, UnsupportedAlgorithm):
            pass
        passphrase = None
    try:
        key = _load_with_passphrase(ser.load_der_private_key, data, passphrase)
    except TypeError:
        if passphrase is not None:  # an empty passphrase is a wrong one, as in Node
            raise ERR_OSSL_BAD_DECRYPT() from None
        # Node asks for the passphrase itself for DER (PEM goes to OpenSSL's prompt).
        raise ERR_MISSING_PASSPHRASE("encrypted key") from None
    except ValueError as exc:
        if passphrase is not None and "decrypt" in str(exc).lower():
            raise ERR_OSSL_BAD_DECRYPT() from None
        raise _der_failure(data) from None
    except UnsupportedAlgorithm:
        raise ERR_OSSL_UNSUPPORTED() from None
    return KeyObject._make("private", key=_private(key))


def _load_public_der(data: bytes, type: object) -> KeyObject:
    if type not in ("pkcs1", "spki"):
        raise ERR_INVALID_ARG_VALUE("options.type", type)
    if type == "spki":
        pss = _der.unwrap_pss_spki(data)
        if pss is not None:
            return _pss_public(*pss)
    try:
        key = ser.load_der_public_key(data)
    except (ValueError, UnsupportedAlgorithm):
        raise _der_failure(data) from None
    return KeyObject._make("public", key=_public(key))


def _load_public_pem(data: bytes, passphrase: bytes | None) -> KeyObject:
    label = _pem_label(data)
    if label is None:
        raise ERR_OSSL_UNSUPPORTED()
    if label in ("PUBLIC KEY", "RSA PUBLIC KEY"):
        if label == "PUBLIC KEY":
            pss = _der.unwrap_pss_spki(_pem_body(data))
            if pss is not None:
                return _pss_public(*pss)
        try:
            return KeyObject._make("public", key=_public(ser.load_pem_public_key(data)))
        except (ValueError, UnsupportedAlgorithm):
            raise ERR_OSSL_UNSUPPORTED() from None
    if label in ("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"):
        try:
            cert = x509.load_pem_x509_certificate(data)
            return KeyObject._make("public", key=_public(cert.public_key()))
        except (ValueError, UnsupportedAlgorithm):
            raise ERR_OSSL_UNSUPPORTED() from None
    return _load_private_pem(data, passphrase)._public()


_JWK_CRV: Final = {
    "EC": ("P-256", "secp256k1", "P-384", "P-521"),
    "OKP": ("Ed25519", "Ed448", "X25519", "X448"),
}


def _jwk_key(jwk: object, want_private: bool) -> KeyObject:
    """A key from a JSON Web Key dict (Node's ``{key: jwk, format: 'jwk'}``)."""
    if not isinstance(jwk, Mapping):
        raise ERR_INVALID_ARG_TYPE("key.key", "object", jwk)
    kty = jwk.get("kty")
    if kty not in ("RSA", "EC", "OKP"):
        raise ERR_INVALID_ARG_VALUE("key.kty", kty, "must be one of: 'RSA', 'EC', 'OKP'")
    private = want_private or "d" in jwk
    required = {"RSA": ("n", "e"), "EC": ("crv",), "OKP": ("crv",)}[kty]
    for member in required:
        if not isinstance(jwk.get(member), str):
            raise ERR_INVALID_ARG_TYPE(f"key.{member}", "string", jwk.get(member))
    curves = _JWK_CRV.get(kty)
    if curves is not None and jwk["crv"] not in curves:
        allowed = ", ".join(repr(c) for c in curves)
        raise ERR_INVALID_ARG_VALUE("key.crv", jwk["crv"], f"must be one of: {allowed}")
    if want_private and "d" not in jwk:
        raise ERR_INVALID_ARG_TYPE("key.d", "string", None)
    try:
        if kty == "RSA":
            n = int.from_bytes(_unb64url(jwk.get("n"), "key.n"))
            e = int.from_bytes(_unb64url(jwk.get("e"), "key.e"))
            public_numbers = rsa.RSAPublicNumbers(e, n)
            if not private:
                return KeyObject._make("public", key=public_numbers.public_key())
            fields = {
                name: int.from_bytes(_unb64url(jwk.get(name), f"key.{name}"))
                for name in ("d", "p", "q", "dp", "dq", "qi")
            }
            numbers = rsa.RSAPrivateNumbers(
                fields["p"],
                fields["q"],
                fields["d"],
                fields["dp"],
                fields["dq"],
                fields["qi"],
                public_numbers,
            )
            key: AsymmetricKey = numbers.private_key(unsafe_skip_rsa_key_validation=True)
        elif kty == "EC":
            curve = curve_by_name(jwk["crv"])
            x = int.from_bytes(_unb64url(jwk.get("x"), "key.x"))
            y = int.from_bytes(_unb64url(jwk.get("y"), "key.y"))
            point = ec.EllipticCurvePublicNumbers(x, y, curve)
            try:
                public_key = point.public_key()
            except ValueError:
                raise ERR_CRYPTO_INVALID_JWK("Invalid JWK EC key") from None
            if not private:
                return KeyObject._make("public", key=public_key)
            d = int.from_bytes(_unb64url(jwk.get("d"), "key.d"))
            key = ec.EllipticCurvePrivateNumbers(d, point).private_key()
        else:
            crv = jwk.get("crv")
            classes: dict[object, tuple[Any, Any]] = {
                "Ed25519": (ed25519.Ed25519PrivateKey, ed25519.Ed25519PublicKey),
                "Ed448": (ed448.Ed448PrivateKey, ed448.Ed448PublicKey),
                "X25519": (x25519.X25519PrivateKey, x25519.X25519PublicKey),
                "X448": (x448.X448PrivateKey, x448.X448PublicKey),
            }
            private_cls, public_cls = classes[crv]
            x_raw = _unb64url(jwk.get("x"), "key.x")
            if not private:
                return KeyObject._make("public", key=public_cls.from_public_bytes(x_raw))
            # Node reads only d for a private OKP key (x must be a string, and is not compared)
            key = private_cls.from_private_bytes(_unb64url(jwk.get("d"), "key.d"))
    except ValueError as exc:
        if hasattr(exc, "code"):
            raise
        raise ERR_CRYPTO_INVALID_JWK() from None
    made = KeyObject._make("private", key=key)
    return made if want_private else made._public()


def _key_bytes(key: object, encoding: object) -> bytes:
    if isinstance(key, KeyObject) or key is None or isinstance(key, int | float | bool):
        raise ERR_INVALID_ARG_TYPE("key", _KEY_INPUT, key)
    try:
        return owned_bytes(
            key, "key", encoding if isinstance(encoding, str) else None, expected=DATA_TYPES
        )
    except ERR_INVALID_ARG_TYPE:
        raise ERR_INVALID_ARG_TYPE("key", _KEY_INPUT, key) from None


def create_private_key(
    key: object,
    *,
    format: str | None = None,
    type: str | None = None,
    passphrase: object = None,
    encoding: str | None = None,
) -> KeyObject:
    """Node's ``crypto.createPrivateKey(key)``: a private KeyObject.

    ``key`` is PEM (``str`` or bytes; PKCS#8, encrypted PKCS#8, PKCS#1, SEC1, encrypted
    traditional PEM), DER bytes with ``format='der'`` and ``type='pkcs1'|'pkcs8'|'sec1'``, or a
    JWK dict with ``format='jwk'``. ``passphrase`` decrypts an encrypted key. Node's single
    options dict (``{'key': ..., 'format': ..., 'passphrase': ...}``) is accepted too.
    """
    source, fmt, kind, phrase, enc = _key_options(key, format, type, passphrase, encoding)
    if fmt == "jwk":
        return _jwk_key(source, True)
    secret = _passphrase(phrase)
    if fmt is None or fmt == "pem":
        return _load_private_pem(_key_bytes(source, enc), secret)
    if fmt == "der":
        return _load_private_der(_key_bytes(source, enc), kind, secret)
    raise ERR_INVALID_ARG_VALUE("options.format", fmt)


def create_public_key(
    key: object,
    *,
    format: str | None = None,
    type: str | None = None,
    passphrase: object = None,
    encoding: str | None = None,
) -> KeyObject:
    """Node's ``crypto.createPublicKey(key)``: a public KeyObject.

    ``key`` is a public PEM (SPKI or PKCS#1), an X.509 certificate PEM, a *private* key (PEM,
    DER or a private KeyObject: its public half, as in Node), DER with ``format='der'`` and
    ``type='spki'|'pkcs1'``, or a JWK dict with ``format='jwk'``.
    """
    if isinstance(key, KeyObject):
        if key._type == "private":
            return key._public()
        raise ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key._type, "private")
    if (
        isinstance(key, Mapping)
        and key.get("key") is None
        and (format or key.get("format")) != "jwk"
    ):
        raise ERR_INVALID_ARG_TYPE("key.key", [*_KEY_INPUT, "KeyObject", "CryptoKey"], None)
    source, fmt, kind, phrase, enc = _key_options(key, format, type, passphrase, encoding)
    if isinstance(source, KeyObject):
        return create_public_key(source)
    if fmt == "jwk":
        return _jwk_key(source, False)
    if fmt is None or fmt == "pem":
        return _load_public_pem(_key_bytes(source, enc), _passphrase(phrase))
    if fmt == "der":
        data = _key_bytes(source, enc)
        if kind in ("pkcs8", "sec1"):
            return _load_private_der(data, kind, _passphrase(phrase))._public()
        try:
            return _load_public_der(data, kind)
        except OpenSSLError:
            if kind != "pkcs1":
                raise
            try:  # Node reads a PKCS#1 RSAPrivateKey here too, and takes its public half
                return _load_private_der(data, kind, None)._public()
            except OpenSSLError:
                pass
            raise
    raise ERR_INVALID_ARG_VALUE("options.format", fmt)


def create_secret_key(key: object, encoding: str | None = None) -> KeyObject:
    """Node's ``crypto.createSecretKey(key, encoding)``: a secret KeyObject holding a copy."""
    if isinstance(key, str):
        return KeyObject._make(
            "secret", secret=owned_bytes(key, "key", encoding, expected=DATA_TYPES)
        )
    view = as_view(key)
    if view is None:
        raise ERR_INVALID_ARG_TYPE("key", ["ArrayBuffer", "Buffer", "TypedArray", "DataView"], key)
    return KeyObject._make("secret", secret=bytes(view))


# --------------------------------------------------------------------------------------------
# Keys as arguments of other operations


def prepare_private_key(key: object, what: str = "private") -> tuple[KeyObject, Mapping[str, Any]]:
    """A private KeyObject from anything Node's ``preparePrivateKey`` takes, plus the dict.

    A KeyObject must be private (``ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE`` otherwise). The
    returned mapping holds the remaining options of a Node-style dict (``padding``...).
    """
    options: Mapping[str, Any] = key if isinstance(key, Mapping) else {}
    inner = options.get("key", key) if options else key
    if isinstance(inner, KeyObject):
        if inner._type != "private":
            raise ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(inner._type, what)
        return inner, options
    if options.get("format") == "jwk":
        return _jwk_key(inner, True), options
    return create_private_key(key), options


def prepare_public_key(key: object) -> tuple[KeyObject, Mapping[str, Any]]:
    """A public (or private) KeyObject from what Node's ``preparePublicOrPrivateKey`` takes.

    PEM text may hold a public key, a certificate or a private key; DER needs ``type``. A
    private KeyObject is used as it is (its operations use the public half).
    """
    options: Mapping[str, Any] = key if isinstance(key, Mapping) else {}
    inner = options.get("key", key) if options else key
    if isinstance(inner, KeyObject):
        if inner._type == "secret":
            raise ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE("secret", "private or public")
        return inner, options
    if options.get("format") == "jwk":
        return _jwk_key(inner, False), options
    if options.get("format") == "der" and options.get("type") in ("pkcs8", "sec1"):
        return create_private_key(key), options
    if options.get("format", "pem") == "pem":
        data = _key_bytes(inner, options.get("encoding"))
        label = _pem_label(data)
        if label is not None and "PRIVATE KEY" in label:
            return _load_private_pem(data, _passphrase(options.get("passphrase"))), options
    return create_public_key(key), options
