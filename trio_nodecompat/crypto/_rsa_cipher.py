"""``public_encrypt``/``private_decrypt`` and ``private_encrypt``/``public_decrypt``.

Node's RSA encryption on ``cryptography``: OAEP (Node's default padding; ``oaep_hash`` names
both the OAEP digest and MGF1's, default SHA-1, and ``oaep_label`` the label) and PKCS#1 v1.5.
As Node 20.11.1 and later, ``private_decrypt`` refuses PKCS#1 v1.5 padding
(CVE-2023-46809, the Marvin timing attack), with Node's message.

``public_decrypt`` undoes PKCS#1 type-1 padding with ``cryptography``'s
``recover_data_from_signature(..., algorithm=None)``. Its mirror ``private_encrypt`` needs a raw
RSA private-key operation, which ``cryptography`` deliberately does not expose (it only signs
DigestInfo structures), and writing one by hand is what this package does not do: it raises
``ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED`` saying so. ``RSA_NO_PADDING`` is refused for the
same reason.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import padding as _pad
from cryptography.hazmat.primitives.asymmetric import rsa

from .._buffer import Buffer
from ..errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OSSL_EVP_INVALID_DIGEST,
    ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE,
    ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE,
    ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE,
    ERR_OSSL_RSA_INVALID_PADDING,
    ERR_OSSL_RSA_OAEP_DECODING_ERROR,
    ERR_OSSL_RSA_UNKNOWN_PADDING_TYPE,
    ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED,
)
from ._constants import constants
from ._convert import DATA_TYPES, as_view, owned_bytes
from ._keys import KeyObject, option, prepare_private_key, prepare_public_key
from ._signing_digests import digest_by_name

__all__ = ["private_decrypt", "private_encrypt", "public_decrypt", "public_encrypt"]


_LABEL_TYPES = ["string", "ArrayBuffer", "Buffer", "TypedArray", "DataView"]


def _oaep(options: Mapping[str, Any], oaep_hash: str | None, oaep_label: object) -> _pad.OAEP:
    """The OAEP padding; the hash and label are checked as Node checks them (before the data)."""
    name = oaep_hash if oaep_hash is not None else option(options, "oaep_hash")
    if name is not None and not isinstance(name, str):
        raise ERR_INVALID_ARG_TYPE("key.oaepHash", "string", name)
    label = oaep_label if oaep_label is not None else option(options, "oaep_label")
    if label is not None and not isinstance(label, str) and as_view(label) is None:
        raise ERR_INVALID_ARG_TYPE("key.oaepLabel", _LABEL_TYPES, label)
    digest = digest_by_name("sha1" if name is None else name)
    if digest is None:
        raise ERR_OSSL_EVP_INVALID_DIGEST()
    label_bytes = (
        None if label is None else owned_bytes(label, "key.oaepLabel", expected=_LABEL_TYPES)
    )
    return _pad.OAEP(mgf=_pad.MGF1(digest), algorithm=digest, label=label_bytes or None)


def _padding(options: Mapping[str, Any], value: object, default: int) -> int:
    """Node's ``options.padding || default``, made an unsigned 32-bit integer by its C++."""
    chosen = value if value is not None else option(options, "padding")
    if not chosen:
        return default
    if isinstance(chosen, bool | int):
        return int(chosen) % 2**32
    if isinstance(chosen, float):
        return int(chosen) % 2**32 if math.isfinite(chosen) else 0
    if isinstance(chosen, str):
        try:
            number = float(chosen)
        except ValueError:
            return 0
        return int(number) % 2**32 if math.isfinite(number) else 0
    return 0


def _rsa_public(key: KeyObject) -> rsa.RSAPublicKey:
    raw = key._key
    if key._pss:  # an rsa-pss key only signs, as in OpenSSL
        raise ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE()
    if isinstance(raw, rsa.RSAPrivateKey):
        return raw.public_key()
    if isinstance(raw, rsa.RSAPublicKey):
        return raw
    raise ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE()


def public_encrypt(
    key: object,
    buffer: object,
    *,
    padding: int | None = None,
    oaep_hash: str | None = None,
    oaep_label: object = None,
) -> Buffer:
    """Node's ``crypto.publicEncrypt(key, buffer)``: OAEP (default) or PKCS#1 v1.5.

    ``key`` is a public or private key in any form :func:`create_public_key` takes, or Node's
    dict with ``padding``/``oaepHash``/``oaepLabel`` (also accepted as keywords).
    """
    prepared, options = prepare_public_key(key)
    data = owned_bytes(buffer, "buffer", expected=DATA_TYPES)
    public = _rsa_public(prepared)
    mode = _padding(options, padding, constants.RSA_PKCS1_OAEP_PADDING)
    pad: Any
    if mode == constants.RSA_PKCS1_OAEP_PADDING:
        pad = _oaep(options, oaep_hash, oaep_label)
    elif mode == constants.RSA_PKCS1_PADDING:
        pad = _pad.PKCS1v15()
    else:
        raise _unsupported_padding(mode)
    try:
        return Buffer._own(public.encrypt(data, pad))
    except ValueError:
        raise ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE() from None


def private_decrypt(
    private_key: object,
    buffer: object,
    *,
    padding: int | None = None,
    oaep_hash: str | None = None,
    oaep_label: object = None,
) -> Buffer:
    """Node's ``crypto.privateDecrypt(privateKey, buffer)``: OAEP only, as Node 20.11.1+."""
    prepared, options = prepare_private_key(private_key)
    data = owned_bytes(buffer, "buffer", expected=DATA_TYPES)
    raw = prepared._key
    if not isinstance(raw, rsa.RSAPrivateKey) or prepared._pss:
        raise ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE()
    mode = _padding(options, padding, constants.RSA_PKCS1_OAEP_PADDING)
    if mode == constants.RSA_PKCS1_PADDING:
        refused = ERR_INVALID_ARG_VALUE("padding", mode)
        refused.args = (
            "RSA_PKCS1_PADDING is no longer supported for private decryption, this can be "
            "reverted with --security-revert=CVE-2023-46809",
        )
        raise refused
    if mode != constants.RSA_PKCS1_OAEP_PADDING:
        raise _unsupported_padding(mode)
    try:
        return Buffer._own(raw.decrypt(data, _oaep(options, oaep_hash, oaep_label)))
    except ValueError:
        raise ERR_OSSL_RSA_OAEP_DECODING_ERROR() from None


def private_encrypt(private_key: object, buffer: object, *, padding: int | None = None) -> Buffer:
    """Node's ``crypto.privateEncrypt``: not available here (see the module docs).

    The key and data are validated as Node does, then ``ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED``
    is raised: ``cryptography`` has no raw RSA private-key operation. To make something
    ``public_decrypt`` (or Node's ``publicDecrypt``) can check, sign instead.
    """
    prepared, _ = prepare_private_key(private_key)
    owned_bytes(buffer, "buffer", expected=DATA_TYPES)
    if not isinstance(prepared._key, rsa.RSAPrivateKey):
        raise ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE()
    raise ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED(
        "crypto.private_encrypt needs a raw RSA private-key operation, which the "
        "'cryptography' package does not offer; use crypto.sign for signatures"
    )


def public_decrypt(key: object, buffer: object, *, padding: int | None = None) -> Buffer:
    """Node's ``crypto.publicDecrypt(key, buffer)``: recover what ``privateEncrypt`` padded.

    PKCS#1 v1.5 type-1 padding only (Node's default); ``RSA_NO_PADDING`` is refused.
    """
    prepared, options = prepare_public_key(key)
    data = owned_bytes(buffer, "buffer", expected=DATA_TYPES)
    public = _rsa_public(prepared)
    mode = _padding(options, padding, constants.RSA_PKCS1_PADDING)
    if mode != constants.RSA_PKCS1_PADDING:
        raise _unsupported_padding(mode)
    try:
        recovered = public.recover_data_from_signature(data, _pad.PKCS1v15(), None)
    except (InvalidSignature, ValueError):
        raise ERR_OSSL_RSA_INVALID_PADDING() from None
    return Buffer._own(recovered)


def _unsupported_padding(mode: int) -> Exception:
    if mode == constants.RSA_NO_PADDING:
        return ERR_TRIO_NODECOMPAT_CRYPTO_UNSUPPORTED(
            "RSA_NO_PADDING needs a raw RSA operation, which the 'cryptography' package "
            "does not offer"
        )
    if mode in (constants.RSA_PKCS1_PADDING, constants.RSA_PKCS1_OAEP_PADDING, 5, 6):
        return ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE()
    return ERR_OSSL_RSA_UNKNOWN_PADDING_TYPE()
