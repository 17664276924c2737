"""``create_ecdh`` (Node's ``ECDH`` class) and the stateless ``diffie_hellman``.

ECDH on ``cryptography``'s ``ec`` keys: points travel as X9.62 bytes, in Node's three formats
(``'uncompressed'`` ``04 || x || y``, ``'compressed'`` ``02/03 || x``, and ``'hybrid'``
``06/07 || x || y``, whose first byte carries the parity of y as the compressed form does;
``cryptography`` writes the first two, the hybrid form is the uncompressed bytes with that
first byte). Private keys are big-endian scalars as long as the curve's order.

Finite-field Diffie-Hellman (``create_diffie_hellman``, ``get_diffie_hellman``) is not offered:
``cryptography`` deprecates its ``dh`` module and plans to remove it; see the docs page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from cryptography.hazmat.primitives import serialization as ser
from cryptography.hazmat.primitives.asymmetric import ec, x448, x25519

from .._buffer import Buffer
from ..errors import (
    ERR_CRYPTO_ECDH_INVALID_FORMAT,
    ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY,
    ERR_CRYPTO_INCOMPATIBLE_KEY,
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_CRYPTO_INVALID_KEYPAIR,
    ERR_CRYPTO_INVALID_KEYTYPE,
    ERR_CRYPTO_OPERATION_FAILED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS,
)
from ._convert import DATA_TYPES, encode_output, owned_bytes
from ._curves import curve_by_name
from ._keys import KeyObject

__all__ = ["ECDH", "create_ecdh", "diffie_hellman"]

_FORMATS: Final = ("uncompressed", "compressed", "hybrid")


def _order_size(curve: ec.EllipticCurve) -> int:
    # The order of every curve offered here has the bit length of the field.
    return (curve.key_size + 7) // 8


def _encode_point(key: ec.EllipticCurvePublicKey, format: object) -> bytes:
    if format is None:
        format = "uncompressed"
    if format not in _FORMATS:
        raise ERR_CRYPTO_ECDH_INVALID_FORMAT(format)
    if format == "compressed":
        return key.public_bytes(ser.Encoding.X962, ser.PublicFormat.CompressedPoint)
    point = key.public_bytes(ser.Encoding.X962, ser.PublicFormat.UncompressedPoint)
    if format == "hybrid":
        return bytes([6 | (point[-1] & 1)]) + point[1:]
    return point


def _decode_point(curve: ec.EllipticCurve, data: bytes) -> ec.EllipticCurvePublicKey:
    """A point in any of the three formats; ``ValueError`` if it is not on ``curve``."""
    if data[:1] in (b"\x06", b"\x07"):
        if (data[0] & 1) != (data[-1] & 1):
            raise ValueError("hybrid point with the wrong parity byte")
        data = b"\x04" + data[1:]
    if not data:
        raise ValueError("empty point")
    return ec.EllipticCurvePublicKey.from_encoded_point(curve, data)


class ECDH:
    """Node's ``ECDH``: an elliptic-curve key pair for Diffie-Hellman key agreement."""

    __slots__ = ("_curve", "_private", "_public")

    def __init__(self, curve_name: str) -> None:
        if not isinstance(curve_name, str):
            raise ERR_INVALID_ARG_TYPE("curve", "string", curve_name)
        self._curve = curve_by_name(curve_name, nist_names=False)
        self._private: ec.EllipticCurvePrivateKey | None = None
        self._public: ec.EllipticCurvePublicKey | None = None

    def generate_keys(self, encoding: str | None = None, format: str | None = None) -> Buffer | str:
        """Make a new key pair; return the public key (Buffer, or string in ``encoding``)."""
        self._private = ec.generate_private_key(self._curve)
        self._public = self._private.public_key()
        return self.get_public_key(encoding, format)

    def compute_secret(
        self,
        other_public_key: object,
        input_encoding: str | None = None,
        output_encoding: str | None = None,
    ) -> Buffer | str:
        """The shared secret with the peer's public key (any of the three point formats)."""
        data = owned_bytes(other_public_key, "otherPublicKey", input_encoding, expected=DATA_TYPES)
        if self._private is None:
            raise ERR_CRYPTO_INVALID_KEYPAIR()
        try:
            peer = _decode_point(self._curve, data)
        except ValueError:
            raise ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY() from None
        return encode_output(self._private.exchange(ec.ECDH(), peer), output_encoding, strict=True)

    def get_public_key(
        self, encoding: str | None = None, format: str | None = None
    ) -> Buffer | str:
        """The public key as a point in ``format`` (default ``'uncompressed'``)."""
        if self._public is None:
            raise ERR_CRYPTO_OPERATION_FAILED("Failed to get ECDH public key")
        return encode_output(_encode_point(self._public, format), encoding, strict=True)

    def get_private_key(self, encoding: str | None = None) -> Buffer | str:
        """The private scalar, big-endian, as long as the curve's order."""
        if self._private is None:
            raise ERR_CRYPTO_OPERATION_FAILED("Failed to get ECDH private key")
        value = self._private.private_numbers().private_value
        return encode_output(value.to_bytes(_order_size(self._curve), "big"), encoding, strict=True)

    def set_private_key(self, private_key: object, encoding: str | None = None) -> ECDH:
        """Use this scalar as the private key (and derive the public key from it); ``self``."""
        data = owned_bytes(private_key, "privateKey", encoding, expected=DATA_TYPES)
        try:
            self._private = ec.derive_private_key(int.from_bytes(data, "big"), self._curve)
        except ValueError:
            raise ERR_CRYPTO_INVALID_KEYTYPE(
                "Private key is not valid for specified curve."
            ) from None
        self._public = self._private.public_key()
        return self

    def set_public_key(self, public_key: object, encoding: str | None = None) -> ECDH:
        """Node's deprecated ``setPublicKey``: replace the public key only; ``self``."""
        data = owned_bytes(public_key, "publicKey", encoding, expected=DATA_TYPES)
        try:
            self._public = _decode_point(self._curve, data)
        except ValueError:
            raise ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY() from None
        return self

    @staticmethod
    def convert_key(
        key: object,
        curve: str,
        input_encoding: str | None = None,
        output_encoding: str | None = None,
        format: str | None = None,
    ) -> Buffer | str:
        """Node's ``ECDH.convertKey``: re-encode a public point in another ``format``."""
        if not isinstance(curve, str):
            raise ERR_INVALID_ARG_TYPE("curve", "string", curve)
        data = owned_bytes(key, "key", input_encoding, expected=DATA_TYPES)
        chosen = curve_by_name(curve, nist_names=False)
        try:
            point = _decode_point(chosen, data)
        except ValueError:
            raise ERR_CRYPTO_OPERATION_FAILED("Failed to convert Buffer to EC_POINT") from None
        return encode_output(_encode_point(point, format), output_encoding, strict=True)


def create_ecdh(curve_name: str) -> ECDH:
    """Node's ``crypto.createECDH(curveName)``: ``'prime256v1'``, ``'secp384r1'``, ..."""
    return ECDH(curve_name)


def diffie_hellman(
    options: Mapping[str, Any] | None = None,
    *,
    private_key: KeyObject | None = None,
    public_key: KeyObject | None = None,
) -> Buffer:
    """Node's ``crypto.diffieHellman({privateKey, publicKey})``: the shared secret.

    Both keys are KeyObjects of the same type: ``ec`` (same curve), ``x25519`` or ``x448``.
    """
    if options is not None:
        if not isinstance(options, Mapping):
            raise ERR_INVALID_ARG_TYPE("options", "object", options)
        private_key = options.get("privateKey", options.get("private_key", private_key))
        public_key = options.get("publicKey", options.get("public_key", public_key))
    elif private_key is None and public_key is None:
        raise ERR_INVALID_ARG_TYPE("options", "object", None)
    if not isinstance(private_key, KeyObject):
        raise ERR_INVALID_ARG_VALUE("options.privateKey", private_key)
    if not isinstance(public_key, KeyObject):
        raise ERR_INVALID_ARG_VALUE("options.publicKey", public_key)
    if private_key.type != "private":
        raise ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(private_key.type, "private")
    if public_key.type == "secret":
        raise ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(public_key.type, "private or public")
    mine, theirs = private_key.asymmetric_key_type, public_key.asymmetric_key_type
    if mine != theirs or mine not in ("ec", "x25519", "x448"):
        raise ERR_CRYPTO_INCOMPATIBLE_KEY("Diffie-Hellman", f"{mine} and {theirs}")
    peer: Any = public_key._public()._key
    raw: Any = private_key._key
    if isinstance(raw, ec.EllipticCurvePrivateKey):
        if raw.curve.name != peer.curve.name:
            raise ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS()
        return Buffer._own(raw.exchange(ec.ECDH(), peer))
    assert isinstance(raw, x25519.X25519PrivateKey | x448.X448PrivateKey)
    return Buffer._own(raw.exchange(peer))
