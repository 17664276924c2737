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
- comparison (``_timing``): :func:`timing_safe_equal`.

The callback forms run their work in a worker thread through the loop and call back in the
caller's context; ``util.promisify`` of each is a cancellable ``async`` function
(``_offload``).
"""

from __future__ import annotations

# -- hashes and HMAC
from ._digests import get_hashes
from ._hash import Hash, create_hash, hash
from ._hmac import Hmac, create_hmac

# -- key derivation
from ._kdf import hkdf, hkdf_sync, pbkdf2, pbkdf2_sync, scrypt, scrypt_sync

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
]
