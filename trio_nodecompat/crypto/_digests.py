"""Digest names as Node's signing and RSA-OAEP APIs take them, mapped to ``cryptography``.

OpenSSL looks digests up without regard to case and knows the ``RSA-`` prefixed aliases
(``RSA-SHA256``) and the ``SHA2-256``/``SHA3-256`` spellings; so does this table. Only the
digests ``cryptography`` can sign with are here; any other name is ``None`` (the caller raises
Node's ``ERR_CRYPTO_INVALID_DIGEST``).
"""

from __future__ import annotations

from typing import Final

from cryptography.hazmat.primitives import hashes

__all__ = ["digest_by_name"]

_DIGESTS: Final[dict[str, type[hashes.HashAlgorithm]]] = {
    "md5": hashes.MD5,
    "sha1": hashes.SHA1,
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
    "sha512-224": hashes.SHA512_224,
    "sha512-256": hashes.SHA512_256,
    "sha3-224": hashes.SHA3_224,
    "sha3-256": hashes.SHA3_256,
    "sha3-384": hashes.SHA3_384,
    "sha3-512": hashes.SHA3_512,
}

_ALIASES: Final[dict[str, str]] = {
    "sha-1": "sha1",
    "sha2-224": "sha224",
    "sha2-256": "sha256",
    "sha2-384": "sha384",
    "sha2-512": "sha512",
    "sha2-512/224": "sha512-224",
    "sha2-512/256": "sha512-256",
    "sha512/224": "sha512-224",
    "sha512/256": "sha512-256",
}


def digest_by_name(name: object) -> hashes.HashAlgorithm | None:
    """The ``cryptography`` hash for a Node digest name, or ``None`` if there is none here."""
    if not isinstance(name, str):
        return None
    key = name.lower()
    if key.startswith("rsa-"):
        key = key[4:]
    key = _ALIASES.get(key, key)
    found = _DIGESTS.get(key)
    return found() if found is not None else None
