"""Node's ``node:crypto``, on Python's standard library (and, for keys, ``cryptography``).

Names are Node's in snake_case; options objects are keyword arguments. Organised by area,
each implemented once in a private module of this package:

- hashes and HMAC (``_hash``, ``_hmac``, names resolved by ``_digests``): :func:`create_hash`,
  :func:`create_hmac`, :func:`hash`, :func:`get_hashes`, :class:`Hash`, :class:`Hmac`;
- randomness (``_random``): :func:`random_bytes`, :func:`random_fill`,
  :func:`random_fill_sync`, :func:`random_int`, :func:`random_uuid`,
  :func:`get_random_values`;
- key derivation (``_kdf``): :func:`pbkdf2`, :func:`pbkdf2_sync`, :func:`scrypt`,
  :func:`scrypt_sync`, :func:`hkdf`, :func:`hkdf_sync`;
- comparison (``_timing``): :func:`timing_safe_equal`;
- on the optional ``cryptography`` package (the ``crypto`` extra): keys (``_keys``,
  ``_keygen``), signatures (``_sign``), ciphers (``_cipher``, ``_rsa_cipher``), ECDH
  (``_ecdh``), certificates (``_x509``). Without the extra those names are stand-ins that raise
  :class:`~trio_nodecompat.errors.MissingCryptoExtraError` (``_missing``); :data:`constants`
  is always there.

The callback forms run their work in a worker thread through the loop and call back in the
caller's context; ``util.promisify`` of each is a cancellable ``async`` function
(``_offload``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# -- constants, and whether the extra is installed
from ._constants import constants

# -- hashes and HMAC
from ._digests import get_hashes
from ._hash import Hash, create_hash, hash
from ._hmac import Hmac, create_hmac

# -- key derivation
from ._kdf import hkdf, hkdf_sync, pbkdf2, pbkdf2_sync, scrypt, scrypt_sync
from ._optional import HAVE_CRYPTOGRAPHY

# -- randomness
from ._random import (
    get_random_values,
    random_bytes,
    random_fill,
    random_fill_sync,
    random_int,
    random_uuid,
)

# -- comparison
from ._timing import timing_safe_equal

# -- keys, signatures, ciphers (the ``crypto`` extra)
if TYPE_CHECKING or HAVE_CRYPTOGRAPHY:
    from ._cipher import Cipheriv, Decipheriv, create_cipheriv, create_decipheriv
    from ._cipher_table import get_ciphers
    from ._curves import get_curves
    from ._ecdh import ECDH, create_ecdh, diffie_hellman
    from ._keygen import generate_key, generate_key_pair, generate_key_pair_sync, generate_key_sync
    from ._keys import KeyObject, create_private_key, create_public_key, create_secret_key
    from ._rsa_cipher import private_decrypt, private_encrypt, public_decrypt, public_encrypt
    from ._sign import Sign, Verify, create_sign, create_verify, sign, verify
    from ._x509 import X509Certificate
else:  # pragma: no cover - exercised by the missing-extra test in a subprocess
    from ._missing import *  # noqa: F403

__all__ = [
    # hashes and HMAC
    "Hash",
    "Hmac",
    "create_hash",
    "create_hmac",
    "get_hashes",
    "hash",
    # randomness
    "get_random_values",
    "random_bytes",
    "random_fill",
    "random_fill_sync",
    "random_int",
    "random_uuid",
    # key derivation
    "hkdf",
    "hkdf_sync",
    "pbkdf2",
    "pbkdf2_sync",
    "scrypt",
    "scrypt_sync",
    # comparison
    "timing_safe_equal",
    # constants
    "constants",
    # keys, signatures, ciphers (the crypto extra)
    "Cipheriv",
    "Decipheriv",
    "ECDH",
    "KeyObject",
    "Sign",
    "Verify",
    "X509Certificate",
    "create_cipheriv",
    "create_decipheriv",
    "create_ecdh",
    "create_private_key",
    "create_public_key",
    "create_secret_key",
    "create_sign",
    "create_verify",
    "diffie_hellman",
    "generate_key",
    "generate_key_pair",
    "generate_key_pair_sync",
    "generate_key_sync",
    "get_ciphers",
    "get_curves",
    "private_decrypt",
    "private_encrypt",
    "public_decrypt",
    "public_encrypt",
    "sign",
    "verify",
]
