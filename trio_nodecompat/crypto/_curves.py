"""Elliptic curves: Node's (OpenSSL's) names for the curves ``cryptography`` offers.

Node names curves as OpenSSL does (``prime256v1``, ``secp384r1``) and also accepts the NIST
names (``P-256``) where it takes a ``named_curve``. ``cryptography`` calls P-256 ``secp256r1``.
The curves are the ones ``cryptography`` can use: ``get_curves()`` lists exactly those, so a
name Node knows but OpenSSL-through-``cryptography`` does not (``sect*``, ``c2pnb*``) is
``ERR_CRYPTO_INVALID_CURVE`` here.
"""

from __future__ import annotations

from typing import Final

from cryptography.hazmat.primitives.asymmetric import ec

from ..errors import ERR_CRYPTO_INVALID_CURVE

__all__ = ["JWK_CURVES", "curve_by_name", "curve_size", "get_curves", "node_curve_name"]

_BY_NODE_NAME: Final[dict[str, type[ec.EllipticCurve]]] = {
    "prime192v1": ec.SECP192R1,
    "secp224r1": ec.SECP224R1,
    "prime256v1": ec.SECP256R1,
    "secp256k1": ec.SECP256K1,
    "secp384r1": ec.SECP384R1,
    "secp521r1": ec.SECP521R1,
    "brainpoolP256r1": ec.BrainpoolP256R1,
    "brainpoolP384r1": ec.BrainpoolP384R1,
    "brainpoolP512r1": ec.BrainpoolP512R1,
}

#: The NIST names key generation and JWK also accept (OpenSSL's EC_curve_nist2nid); ECDH
#: does not, and neither takes ``secp256r1``/``secp192r1`` (Node 20: Invalid EC curve name).
_ALIASES: Final[dict[str, str]] = {
    "P-192": "prime192v1",
    "P-224": "secp224r1",
    "P-256": "prime256v1",
    "P-384": "secp384r1",
    "P-521": "secp521r1",
}

#: JWK ``crv`` names, by Node curve name (RFC 7518 and RFC 8812).
JWK_CURVES: Final[dict[str, str]] = {
    "prime256v1": "P-256",
    "secp256k1": "secp256k1",
    "secp384r1": "P-384",
    "secp521r1": "P-521",
}


def curve_by_name(name: object, *, nist_names: bool = True) -> ec.EllipticCurve:
    """The curve Node calls ``name``; ``ERR_CRYPTO_INVALID_CURVE`` if there is none here.

    ``nist_names=False`` is ECDH's rule: only OpenSSL's own names (``prime256v1``).
    """
    if isinstance(name, str):
        found = _BY_NODE_NAME.get(_ALIASES.get(name, name) if nist_names else name)
        if found is not None:
            return found()
    raise ERR_CRYPTO_INVALID_CURVE()


def node_curve_name(curve: ec.EllipticCurve) -> str:
    """Node's name of a ``cryptography`` curve (``secp256r1`` -> ``prime256v1``)."""
    for name, cls in _BY_NODE_NAME.items():
        if isinstance(curve, cls):
            return name
    return curve.name


def curve_size(curve: ec.EllipticCurve) -> int:
    """The byte length of a coordinate (and of a private scalar) on ``curve``."""
    return (curve.key_size + 7) // 8


def get_curves() -> list[str]:
    """Node's ``crypto.getCurves()``: the curve names usable here, sorted as Node sorts them."""
    return sorted(_BY_NODE_NAME)
