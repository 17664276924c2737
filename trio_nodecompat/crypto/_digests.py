"""Digest algorithm names: Node's spellings resolved to :mod:`hashlib` constructors, once.

Node resolves a name with OpenSSL (``EVP_get_digestbyname``, then ``EVP_MD_fetch``), so it
accepts, in any letter case, the names ``crypto.getHashes()`` lists (``sha256``,
``RSA-SHA256``, ``sha256WithRSAEncryption``, ``blake2b512``, ``shake128``, ...) and OpenSSL 3's
own names and aliases (``SHA2-256``, ``sha-256``, ``SHA512-224``, ``2.16.840.1.101.3.4.2.1``).
Python's :func:`hashlib.new` reaches the same OpenSSL fetch, so the rule here is:

1. a name from Node's list maps, through :data:`_NODE_NAMES`, to the OpenSSL digest it names;
2. any other name goes to OpenSSL through :func:`hashlib.new`, except the spellings that only
   Python understands (``sha3_256``, ``shake_128``, ``blake2b``, ...), which Node refuses;
3. what Python's OpenSSL cannot build does not exist here, whatever Node's OpenSSL has.

A resolved name is cached. The constructor kept is hashlib's named one where there is one
(``hashlib.sha256`` is faster to call than ``hashlib.new('sha256')``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, Final

__all__ = ["Digest", "LEGACY_NAMES", "cached", "get_hashes", "lookup"]


class Digest:
    """One digest algorithm as this package uses it.

    ``new`` builds a fresh hashlib object; ``hashlib_name`` is the name :mod:`hmac` and
    :func:`hashlib.pbkdf2_hmac` take; ``size`` is the digest size in bytes (for an XOF, Node's
    default output length); ``block_size`` is the HMAC block size; ``xof`` says whether the
    output length is free (SHAKE).
    """

    __slots__ = ("name", "hashlib_name", "new", "size", "block_size", "xof", "default_length")

    def __init__(
        self, name: str, hashlib_name: str, new: Callable[..., Any], probe: Any, xof: bool
    ) -> None:
        self.name = name
        self.hashlib_name = hashlib_name
        self.new = new
        self.xof = xof
        #: Node's default output length of SHAKE is its security strength (16 / 32 bytes),
        #: not Python's digest_size (0 for an XOF).
        self.size: int = _XOF_DEFAULT_LENGTH[hashlib_name] if xof else probe.digest_size
        self.block_size: int = probe.block_size
        #: What a Hash passes to ``digest()``: the length for an XOF, ``None`` otherwise.
        self.default_length: int | None = self.size if xof else None

    def __repr__(self) -> str:
        return f"<Digest {self.name} ({self.hashlib_name})>"


_XOF_DEFAULT_LENGTH: Final = {"shake_128": 16, "shake_256": 32}

#: Node's ``crypto.getHashes()`` (OpenSSL 3's legacy names), lower-cased -> the hashlib name
#: of the digest it means.
_NODE_NAMES: Final[dict[str, str]] = {
    "rsa-md5": "md5",
    "md5": "md5",
    "md5withrsaencryption": "md5",
    "ssl3-md5": "md5",
    "md5-sha1": "md5-sha1",
    "rsa-ripemd160": "ripemd160",
    "ripemd": "ripemd160",
    "ripemd160": "ripemd160",
    "ripemd160withrsa": "ripemd160",
    "rmd160": "ripemd160",
    "rsa-sha1": "sha1",
    "rsa-sha1-2": "sha1",
    "sha1": "sha1",
    "sha1withrsaencryption": "sha1",
    "ssl3-sha1": "sha1",
    "rsa-sha224": "sha224",
    "sha224": "sha224",
    "sha224withrsaencryption": "sha224",
    "rsa-sha256": "sha256",
    "sha256": "sha256",
    "sha256withrsaencryption": "sha256",
    "rsa-sha384": "sha384",
    "sha384": "sha384",
    "sha384withrsaencryption": "sha384",
    "rsa-sha512": "sha512",
    "sha512": "sha512",
    "sha512withrsaencryption": "sha512",
    "rsa-sha512/224": "sha512_224",
    "sha512-224": "sha512_224",
    "sha512-224withrsaencryption": "sha512_224",
    "rsa-sha512/256": "sha512_256",
    "sha512-256": "sha512_256",
    "sha512-256withrsaencryption": "sha512_256",
    "rsa-sha3-224": "sha3_224",
    "sha3-224": "sha3_224",
    "id-rsassa-pkcs1-v1_5-with-sha3-224": "sha3_224",
    "rsa-sha3-256": "sha3_256",
    "sha3-256": "sha3_256",
    "id-rsassa-pkcs1-v1_5-with-sha3-256": "sha3_256",
    "rsa-sha3-384": "sha3_384",
    "sha3-384": "sha3_384",
    "id-rsassa-pkcs1-v1_5-with-sha3-384": "sha3_384",
    "rsa-sha3-512": "sha3_512",
    "sha3-512": "sha3_512",
    "id-rsassa-pkcs1-v1_5-with-sha3-512": "sha3_512",
    "shake128": "shake_128",
    "shake256": "shake_256",
    "blake2b512": "blake2b",
    "blake2s256": "blake2s",
    "rsa-sm3": "sm3",
    "sm3": "sm3",
    "sm3withrsaencryption": "sm3",
}

#: Node's own spelling of every name in :data:`_NODE_NAMES` (``getHashes`` keeps the case).
_NODE_SPELLINGS: Final = (
    "RSA-MD5 RSA-RIPEMD160 RSA-SHA1 RSA-SHA1-2 RSA-SHA224 RSA-SHA256 RSA-SHA3-224 RSA-SHA3-256 "
    "RSA-SHA3-384 RSA-SHA3-512 RSA-SHA384 RSA-SHA512 RSA-SHA512/224 RSA-SHA512/256 RSA-SM3 "
    "blake2b512 blake2s256 id-rsassa-pkcs1-v1_5-with-sha3-224 id-rsassa-pkcs1-v1_5-with-sha3-256 "
    "id-rsassa-pkcs1-v1_5-with-sha3-384 id-rsassa-pkcs1-v1_5-with-sha3-512 md5 md5-sha1 "
    "md5WithRSAEncryption ripemd ripemd160 ripemd160WithRSA rmd160 sha1 sha1WithRSAEncryption "
    "sha224 sha224WithRSAEncryption sha256 sha256WithRSAEncryption sha3-224 sha3-256 sha3-384 "
    "sha3-512 sha384 sha384WithRSAEncryption sha512 sha512-224 sha512-224WithRSAEncryption "
    "sha512-256 sha512-256WithRSAEncryption sha512WithRSAEncryption shake128 shake256 sm3 "
    "sm3WithRSAEncryption ssl3-md5 ssl3-sha1"
).split()

#: Spellings only Python's hashlib understands (its own names for OpenSSL's digests): Node's
#: OpenSSL refuses them, so they must not reach :func:`hashlib.new` by rule 2.
_PYTHON_ONLY: Final = frozenset(
    {
        "blake2b",
        "blake2s",
        "sha3_224",
        "sha3_256",
        "sha3_384",
        "sha3_512",
        "sha512_224",
        "sha512_256",
        "shake_128",
        "shake_256",
    }
)

#: Names OpenSSL 3 knows but keeps in its legacy provider, which Node does not load: Node
#: reports ``ERR_OSSL_EVP_UNSUPPORTED`` for them rather than "not supported". Each maps to its
#: digest size, which Node still reads (``EVP_MD_size``) for hkdf's key-length limit.
LEGACY_NAMES: Final[dict[str, int]] = {
    "md4": 16,
    "rsa-md4": 16,
    "md4withrsaencryption": 16,
    "mdc2": 16,
    "rsa-mdc2": 16,
    "mdc2withrsa": 16,
    "whirlpool": 64,
}

#: hashlib's named constructors: faster to call than ``hashlib.new(name)``.
_NAMED: Final[dict[str, Callable[..., Any]]] = {
    name: getattr(hashlib, name)
    for name in (
        "md5",
        "sha1",
        "sha224",
        "sha256",
        "sha384",
        "sha512",
        "sha3_224",
        "sha3_256",
        "sha3_384",
        "sha3_512",
        "shake_128",
        "shake_256",
        "blake2b",
        "blake2s",
    )
    if hasattr(hashlib, name)
}

#: Resolved names, exactly as given (a hit costs one dict lookup): ``None`` = unknown here.
_cache: dict[str, Digest | None] = {}
_CACHE_LIMIT: Final = 4096


def _build(hashlib_name: str) -> Digest | None:
    """The :class:`Digest` for a hashlib/OpenSSL name, or ``None`` if Python cannot build it."""
    named = _NAMED.get(hashlib_name)
    try:
        probe = named() if named is not None else hashlib.new(hashlib_name)
    except (ValueError, TypeError):
        return None
    canonical = probe.name  # OpenSSL's own name, so aliases share one Digest
    xof = canonical in _XOF_DEFAULT_LENGTH
    if not xof and probe.digest_size == 0:
        # OpenSSL's NULL digest and KMAC's cSHAKE ('KECCAK-KMAC-128'): hashlib builds them
        # (named 'undefined'), Node refuses them as unknown digests.
        return None
    if named is None:
        named = _NAMED.get(canonical)
    if named is not None:
        return Digest(canonical, canonical, named, probe, xof)

    def new(data: Any = b"", *, _name: str = hashlib_name) -> Any:
        return hashlib.new(_name, data)

    return Digest(canonical, hashlib_name, new, probe, xof)


_by_canonical: dict[str, Digest] = {}


def _resolve(name: str) -> Digest | None:
    lowered = name.lower()
    target = _NODE_NAMES.get(lowered)
    if target is None:
        if lowered in _PYTHON_ONLY or not name or name != name.strip():
            return None
        target = name
    digest = _build(target)
    if digest is None:
        return None
    # One Digest per algorithm, whatever name reached it.
    return _by_canonical.setdefault(digest.name, digest)


def lookup(name: str) -> Digest | None:
    """The digest Node's ``name`` means, or ``None`` if it is unknown or unusable here."""
    try:
        return _cache[name]
    except KeyError:
        pass
    digest = _resolve(name)
    if len(_cache) < _CACHE_LIMIT:
        _cache[name] = digest
    return digest


#: The hot path's lookup: ``cached(name)`` is the Digest of a name already resolved, else
#: ``None`` (not resolved yet, or unknown: call :func:`lookup`). A bound ``dict.get``.
cached: Final = _cache.get


def get_hashes() -> list[str]:
    """Node's ``crypto.getHashes()`` names that Python's OpenSSL can build, sorted as Node does."""
    return sorted(name for name in _NODE_SPELLINGS if lookup(name) is not None)
