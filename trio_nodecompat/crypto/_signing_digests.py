"""Digest names as Node's signing, key generation and RSA-OAEP APIs take them, for ``cryptography``.

A name is resolved once, by the one resolver of Node's digest names (``_digests.lookup``: any
letter case, the ``RSA-SHA256`` and ``sha256WithRSAEncryption`` aliases, OpenSSL 3's
``SHA2-256`` spellings), and the digest it names is mapped to ``cryptography``'s hash class.
Only the digests ``cryptography`` can sign with are here; any other name is ``None`` (the
caller raises Node's ``ERR_CRYPTO_INVALID_DIGEST``).
"""

from __future__ import annotations

from typing import Final

from cryptography.hazmat.primitives import hashes

from ._digests import lookup

__all__ = ["digest_by_name"]

#: hashlib's name of a digest (``Digest.hashlib_name``) -> ``cryptography``'s class.
_BY_HASHLIB_NAME: Final[dict[str, type[hashes.HashAlgorithm]]] = {
    "md5": hashes.MD5,
    "sha1": hashes.SHA1,
    "sha224": hashes.SHA224,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
    "sha512_224": hashes.SHA512_224,
    "sha512_256": hashes.SHA512_256,
    "sha3_224": hashes.SHA3_224,
    "sha3_256": hashes.SHA3_256,
    "sha3_384": hashes.SHA3_384,
    "sha3_512": hashes.SHA3_512,
}


def digest_by_name(name: object) -> hashes.HashAlgorithm | None:
    """The ``cryptography`` hash for a Node digest name, or ``None`` if there is none here."""
    if not isinstance(name, str):
        return None
    digest = lookup(name)
    if digest is None:
        return None
    found = _BY_HASHLIB_NAME.get(digest.hashlib_name)
    return found() if found is not None else None
