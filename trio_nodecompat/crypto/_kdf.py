"""Key derivation: ``pbkdf2``, ``scrypt`` (both :mod:`hashlib`) and ``hkdf`` (:mod:`hmac`).

Each function checks its arguments at once, with Node's rules, order and errors, and builds a
:class:`~trio_nodecompat.crypto._offload.Job`; the sync form runs it in place, the callback
form in a worker thread through the loop, the promisified form in the awaiting task. As in
Node, a bad argument raises synchronously even from the callback form, while a failure of
the derivation itself (an extendable-output digest, a digest OpenSSL keeps in its legacy
provider) reaches the callback.

HKDF is RFC 5869's extract-then-expand composed from :func:`hmac.digest` (OpenSSL's HMAC);
no primitive is written here. Node returns its result as an ``ArrayBuffer``; here that is a
``bytearray``, the type that plays ``ArrayBuffer`` throughout this package.
"""

from __future__ import annotations

import hashlib
import hmac as _hmac
from collections.abc import Callable
from typing import Any, Final

from .._buffer import Buffer
from .._internal.validators import (
    MAX_SAFE_INTEGER,
    validate_function,
    validate_int32,
    validate_integer,
    validate_string,
    validate_uint32,
)
from ..errors import (
    ERR_CRYPTO_INVALID_DIGEST,
    ERR_CRYPTO_INVALID_KEYLEN,
    ERR_CRYPTO_INVALID_SCRYPT_PARAMS,
    ERR_CRYPTO_SCRYPT_INVALID_PARAMETER,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    CryptoError,
)
from ._convert import array_buffer_or_view, as_view, byte_source
from ._digests import LEGACY_NAMES, Digest, lookup
from ._offload import Job, promisified_by, run, start

__all__ = ["hkdf", "hkdf_sync", "pbkdf2", "pbkdf2_sync", "scrypt", "scrypt_sync"]

_own: Final = Buffer._own
_DERIVING_FAILED: Final = "Deriving bits failed"
_LEGACY_FAILED: Final = "error:0308010C:digital envelope routines::unsupported"


def _kdf_digest(name: str) -> Digest | str:
    """The digest for a KDF, or the message of the job failure Node reports for it.

    An unknown name is ``ERR_CRYPTO_INVALID_DIGEST`` at once. A legacy-provider name (OpenSSL
    knows it, cannot run it) and an XOF fail later, in the job, with Node's code-less errors.
    """
    digest = lookup(name)
    if digest is None:
        if name.lower() in LEGACY_NAMES:
            return _LEGACY_FAILED
        raise ERR_CRYPTO_INVALID_DIGEST(name)
    if digest.xof:
        return _DERIVING_FAILED
    return digest


def _failing_digest_size(name: str) -> int:
    """The size OpenSSL reports for a digest :func:`_kdf_digest` answered with a failure."""
    legacy = LEGACY_NAMES.get(name.lower())
    if legacy is not None:
        return legacy
    found = lookup(name)  # an extendable-output digest: its default (Node's) size
    assert found is not None
    return found.size


#: "No callback form": the sync and promisified forms pass this instead of a callback.
_SYNC: Final[Any] = object()


def _check_callback(callback: object) -> None:
    """Node validates the callback after the arguments and before the job's own checks."""
    if callback is not _SYNC:
        validate_function(callback, "callback")


def _fail(message: str) -> Callable[[], bytes]:
    def work() -> bytes:
        raise CryptoError(message)

    return work


# --------------------------------------------------------------------------------------------
# pbkdf2


def _prepare_pbkdf2(
    password: object,
    salt: object,
    iterations: object,
    keylen: object,
    digest: object,
    callback: object = _SYNC,
) -> Job[bytes, Buffer]:
    validate_string(digest, "digest")
    assert isinstance(digest, str)
    secret = array_buffer_or_view(password, "password")
    salt_bytes = array_buffer_or_view(salt, "salt")
    rounds = validate_int32(iterations, "iterations", 1)
    length = validate_int32(keylen, "keylen", 0)
    _check_callback(callback)
    found = _kdf_digest(digest)
    if isinstance(found, str):
        return Job(_fail(found), _own)
    name = found.hashlib_name

    def work() -> bytes:
        if not length:
            return b""
        return hashlib.pbkdf2_hmac(name, secret, salt_bytes, rounds, length)

    return Job(work, _own)


async def _pbkdf2_async(
    password: object, salt: object, iterations: int, keylen: int, digest: str
) -> Buffer:
    """``await util.promisify(pbkdf2)(password, salt, iterations, keylen, digest)``: cancellable."""
    return await run(_prepare_pbkdf2(password, salt, iterations, keylen, digest))


def pbkdf2_sync(
    password: object, salt: object, iterations: int, keylen: int, digest: str
) -> Buffer:
    """Node's ``crypto.pbkdf2Sync(password, salt, iterations, keylen, digest)``: a Buffer.

    ``password`` and ``salt`` are strings (UTF-8) or bytes-like; ``iterations`` in
    ``[1, 2**31 - 1]``; ``keylen`` in ``[0, 2**31 - 1]``; ``digest`` any HMAC digest name
    (``ERR_CRYPTO_INVALID_DIGEST`` if unknown).
    """
    job = _prepare_pbkdf2(password, salt, iterations, keylen, digest)
    return job.finish(job.work())


@promisified_by(_pbkdf2_async)
def pbkdf2(
    password: object,
    salt: object,
    iterations: int,
    keylen: int,
    digest: str | Callable[..., object],
    callback: Callable[..., object] | None = None,
) -> None:
    """Node's ``crypto.pbkdf2(password, salt, iterations, keylen, digest, callback)``.

    As :func:`pbkdf2_sync`, derived in a worker thread; ``callback(None, key)`` (or
    ``callback(err)``) runs on the current loop in the caller's context.
    """
    if callable(digest):
        callback = digest
        digest = None  # type: ignore[assignment]
    job = _prepare_pbkdf2(password, salt, iterations, keylen, digest, callback)
    assert callback is not None
    start("crypto.pbkdf2()", job, callback)


# --------------------------------------------------------------------------------------------
# scrypt

#: Node's defaults (``maxmem`` 32 MiB matches OpenSSL's ``SCRYPT_MAX_MEM``).
SCRYPT_DEFAULTS: Final = {"N": 16384, "r": 8, "p": 1, "maxmem": 32 << 20}
_SCRYPT_PR_MAX: Final = (1 << 30) - 1
_UINT64_MAX: Final = (1 << 64) - 1
_INT_MAX: Final = (1 << 31) - 1
_MEMORY_LIMIT: Final = "error:030000AC:digital envelope routines::memory limit exceeded"


def _scrypt_option(
    primary: object, alias: object, primary_name: str, alias_name: str, default: int
) -> int:
    value = default
    if primary is not None:
        value = validate_uint32(primary, primary_name)
    if alias is not None:
        if primary is not None:
            raise ERR_CRYPTO_SCRYPT_INVALID_PARAMETER()
        value = validate_uint32(alias, alias_name)
    return value


def _check_scrypt_params(n: int, r: int, p: int, maxmem: int) -> int:
    """OpenSSL's parameter check for scrypt, with Node's errors; returns the memory needed.

    The rules are OpenSSL's (``crypto/evp/pbe_scrypt.c``): ``N`` a power of two above 1,
    ``r`` and ``p`` non-zero (else no detail), then the memory bounds (``memory limit
    exceeded``): ``p * r < 2**30``, ``N < 2**(16 r)``, and ``128 r (N + 2 + p) <= maxmem``.
    """
    if r == 0 or p == 0 or n < 2 or n & (n - 1):
        raise ERR_CRYPTO_INVALID_SCRYPT_PARAMS()
    if p > _SCRYPT_PR_MAX // r:
        raise ERR_CRYPTO_INVALID_SCRYPT_PARAMS(_MEMORY_LIMIT)
    if 16 * r <= 63 and n >= 1 << (16 * r):
        raise ERR_CRYPTO_INVALID_SCRYPT_PARAMS(_MEMORY_LIMIT)
    block_bytes = p * 128 * r
    if block_bytes > _INT_MAX or n + 2 > (_UINT64_MAX // 128) // r:
        raise ERR_CRYPTO_INVALID_SCRYPT_PARAMS(_MEMORY_LIMIT)
    needed = block_bytes + 128 * r * (n + 2)
    if needed > maxmem:
        raise ERR_CRYPTO_INVALID_SCRYPT_PARAMS(_MEMORY_LIMIT)
    if needed > _INT_MAX:
        # Node would go ahead; Python's hashlib.scrypt caps maxmem at INT_MAX.
        raise ERR_CRYPTO_INVALID_SCRYPT_PARAMS(
            f"Python's hashlib.scrypt cannot use more than {_INT_MAX} bytes of memory "
            f"({needed} needed)"
        )
    return needed


def _prepare_scrypt(
    password: object,
    salt: object,
    keylen: object,
    N: object,
    cost: object,
    r: object,
    block_size: object,
    p: object,
    parallelization: object,
    maxmem: object,
    callback: object = _SYNC,
) -> Job[bytes, Buffer]:
    secret = array_buffer_or_view(password, "password")
    salt_bytes = array_buffer_or_view(salt, "salt")
    length = validate_int32(keylen, "keylen", 0)
    n = _scrypt_option(N, cost, "N", "cost", SCRYPT_DEFAULTS["N"])
    r_ = _scrypt_option(r, block_size, "r", "blockSize", SCRYPT_DEFAULTS["r"])
    p_ = _scrypt_option(p, parallelization, "p", "parallelization", SCRYPT_DEFAULTS["p"])
    limit = SCRYPT_DEFAULTS["maxmem"]
    if maxmem is not None:
        limit = validate_integer(maxmem, "maxmem", 0, MAX_SAFE_INTEGER)
    n = n or SCRYPT_DEFAULTS["N"]
    r_ = r_ or SCRYPT_DEFAULTS["r"]
    p_ = p_ or SCRYPT_DEFAULTS["p"]
    limit = limit or SCRYPT_DEFAULTS["maxmem"]
    _check_callback(callback)
    _check_scrypt_params(n, r_, p_, limit)

    def work() -> bytes:
        if not length:
            return b""
        return hashlib.scrypt(
            secret, salt=salt_bytes, n=n, r=r_, p=p_, maxmem=_INT_MAX, dklen=length
        )

    return Job(work, _own)


async def _scrypt_async(
    password: object,
    salt: object,
    keylen: int,
    *,
    N: int | None = None,
    cost: int | None = None,
    r: int | None = None,
    block_size: int | None = None,
    p: int | None = None,
    parallelization: int | None = None,
    maxmem: int | None = None,
) -> Buffer:
    """``await util.promisify(scrypt)(password, salt, keylen, **options)``: cancellable."""
    job = _prepare_scrypt(
        password, salt, keylen, N, cost, r, block_size, p, parallelization, maxmem
    )
    return await run(job)


def scrypt_sync(
    password: object,
    salt: object,
    keylen: int,
    *,
    N: int | None = None,
    cost: int | None = None,
    r: int | None = None,
    block_size: int | None = None,
    p: int | None = None,
    parallelization: int | None = None,
    maxmem: int | None = None,
) -> Buffer:
    """Node's ``crypto.scryptSync(password, salt, keylen[, options])``: a Buffer.

    Node's options are keyword arguments: ``N`` (alias ``cost``, default 16384), ``r``
    (``block_size``, 8), ``p`` (``parallelization``, 1), ``maxmem`` (32 MiB); giving both
    names of one is ``ERR_CRYPTO_SCRYPT_INVALID_PARAMETER``; 0 means the default. ``N`` must
    be a power of two and ``128 * r * (N + 2 + p)`` bytes must fit in ``maxmem``, else
    ``ERR_CRYPTO_INVALID_SCRYPT_PARAMS`` (OpenSSL's rule, as Node applies it).
    """
    job = _prepare_scrypt(
        password, salt, keylen, N, cost, r, block_size, p, parallelization, maxmem
    )
    return job.finish(job.work())


@promisified_by(_scrypt_async)
def scrypt(
    password: object,
    salt: object,
    keylen: int,
    callback: Callable[..., object] | None = None,
    *,
    N: int | None = None,
    cost: int | None = None,
    r: int | None = None,
    block_size: int | None = None,
    p: int | None = None,
    parallelization: int | None = None,
    maxmem: int | None = None,
) -> None:
    """Node's ``crypto.scrypt(password, salt, keylen[, options], callback)``.

    The options are keyword arguments, as for :func:`scrypt_sync`; the key is derived in a
    worker thread and ``callback(None, key)`` runs on the current loop in the caller's context.
    """
    job = _prepare_scrypt(
        password, salt, keylen, N, cost, r, block_size, p, parallelization, maxmem, callback
    )
    assert callback is not None
    start("crypto.scrypt()", job, callback)


# --------------------------------------------------------------------------------------------
# hkdf

#: Node's ``kMaxLength`` bound on ``keylen`` (the final check is 255 digests).
_HKDF_MAX_LENGTH: Final = 2**32
_HKDF_IKM_TYPES: Final = [
    "string",
    "SecretKeyObject",
    "ArrayBuffer",
    "TypedArray",
    "DataView",
    "Buffer",
]


def _hkdf_key(ikm: object) -> bytes | bytearray | memoryview:
    material = getattr(type(ikm), "_secret_key_material", None)
    if material is not None:  # a secret KeyObject of the crypto extra (see _convert)
        return bytes(material(ikm))
    if isinstance(ikm, str):
        return byte_source(ikm, "ikm")
    view = as_view(ikm)
    if view is None:
        raise ERR_INVALID_ARG_TYPE("ikm", _HKDF_IKM_TYPES, ikm)
    return view


def _hkdf_derive(name: str, size: int, ikm: Any, salt: Any, info: bytes, length: int) -> bytes:
    """RFC 5869: PRK = HMAC(salt, IKM); T(i) = HMAC(PRK, T(i-1) | info | i); OKM = T(1)...

    An empty salt is HMAC's zero key, which RFC 5869's default salt (``size`` zero bytes)
    equals, since HMAC pads every key with zeros to its block size.
    """
    if not length:
        return b""
    prk = _hmac.digest(bytes(salt), bytes(ikm), name)
    blocks = []
    block = b""
    for counter in range(1, -(-length // size) + 1):
        block = _hmac.digest(prk, block + info + bytes((counter,)), name)
        blocks.append(block)
    return b"".join(blocks)[:length]


def _prepare_hkdf(
    digest: object,
    ikm: object,
    salt: object,
    info: object,
    keylen: object,
    callback: object = _SYNC,
) -> Job[bytes, bytearray]:
    validate_string(digest, "digest")
    assert isinstance(digest, str)
    key = _hkdf_key(ikm)
    salt_bytes = byte_source(salt, "salt")
    info_bytes = bytes(byte_source(info, "info"))
    length = validate_integer(keylen, "length", 0, _HKDF_MAX_LENGTH)
    if len(info_bytes) > 1024:
        raise ERR_OUT_OF_RANGE("info", "must not contain more than 1024 bytes", len(info_bytes))
    _check_callback(callback)
    found = _kdf_digest(digest)
    # Node checks the length against the digest's size before the job runs, even for a
    # digest the job cannot use (a legacy one, SHAKE at its default size).
    size = found.size if isinstance(found, Digest) else _failing_digest_size(digest)
    if length > 255 * size:
        raise ERR_CRYPTO_INVALID_KEYLEN()
    if isinstance(found, str):
        return Job(_fail(found), bytearray)
    name = found.hashlib_name
    return Job(lambda: _hkdf_derive(name, size, key, salt_bytes, info_bytes, length), bytearray)


async def _hkdf_async(
    digest: str, ikm: object, salt: object, info: object, keylen: int
) -> bytearray:
    """``await util.promisify(hkdf)(digest, ikm, salt, info, keylen)``: cancellable."""
    return await run(_prepare_hkdf(digest, ikm, salt, info, keylen))


def hkdf_sync(digest: str, ikm: object, salt: object, info: object, keylen: int) -> bytearray:
    """Node's ``crypto.hkdfSync(digest, ikm, salt, info, keylen)``: the key as a ``bytearray``.

    Node returns an ``ArrayBuffer``; ``bytearray`` plays that role in this package
    (``Buffer.from_(result)`` views it without a copy). ``ikm``, ``salt`` and ``info`` are
    strings (UTF-8) or bytes-like (``ikm`` also a secret ``KeyObject``); ``info`` at most
    1024 bytes; ``keylen`` at most 255 digests (``ERR_CRYPTO_INVALID_KEYLEN``).
    """
    job = _prepare_hkdf(digest, ikm, salt, info, keylen)
    return job.finish(job.work())


@promisified_by(_hkdf_async)
def hkdf(
    digest: str,
    ikm: object,
    salt: object,
    info: object,
    keylen: int,
    callback: Callable[..., object] | None = None,
) -> None:
    """Node's ``crypto.hkdf(digest, ikm, salt, info, keylen, callback)``.

    As :func:`hkdf_sync`, derived in a worker thread; ``callback(None, key)`` runs on the
    current loop in the caller's context.
    """
    job = _prepare_hkdf(digest, ikm, salt, info, keylen, callback)
    assert callback is not None
    start("crypto.hkdf()", job, callback)
