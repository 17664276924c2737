"""``node:crypto``: keys, signatures and ciphers (this branch's half; the lead merges the two)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._constants import constants
from ._optional import HAVE_CRYPTOGRAPHY

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
    "Cipheriv",
    "Decipheriv",
    "ECDH",
    "KeyObject",
    "Sign",
    "Verify",
    "X509Certificate",
    "constants",
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
