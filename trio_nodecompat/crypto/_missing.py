"""Stand-ins for the names built on ``cryptography``, used when it is not installed.

Each raises :class:`~trio_nodecompat.errors.MissingCryptoExtraError` (an ``ImportError`` that
says ``pip install 'trio_nodecompat[crypto]'``) when called or constructed; see
:mod:`._optional`.
"""

from __future__ import annotations

from ._optional import missing_class, missing_function

__all__ = [
    "ECDH",
    "Cipheriv",
    "Decipheriv",
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

Cipheriv = missing_class("Cipheriv")
Decipheriv = missing_class("Decipheriv")
ECDH = missing_class("ECDH")
KeyObject = missing_class("KeyObject")
Sign = missing_class("Sign")
Verify = missing_class("Verify")
X509Certificate = missing_class("X509Certificate")

create_cipheriv = missing_function("create_cipheriv")
create_decipheriv = missing_function("create_decipheriv")
create_ecdh = missing_function("create_ecdh")
create_private_key = missing_function("create_private_key")
create_public_key = missing_function("create_public_key")
create_secret_key = missing_function("create_secret_key")
create_sign = missing_function("create_sign")
create_verify = missing_function("create_verify")
diffie_hellman = missing_function("diffie_hellman")
generate_key = missing_function("generate_key")
generate_key_pair = missing_function("generate_key_pair")
generate_key_pair_sync = missing_function("generate_key_pair_sync")
generate_key_sync = missing_function("generate_key_sync")
get_ciphers = missing_function("get_ciphers")
get_curves = missing_function("get_curves")
private_decrypt = missing_function("private_decrypt")
private_encrypt = missing_function("private_encrypt")
public_decrypt = missing_function("public_decrypt")
public_encrypt = missing_function("public_encrypt")
sign = missing_function("sign")
verify = missing_function("verify")
