"""``crypto.createHmac`` and ``Hmac``, on :mod:`hmac` (OpenSSL's HMAC through hashlib).

``update`` is :class:`~trio_nodecompat.crypto._hash.HashBase`'s, shared with Hash. Unlike a
Hash, an Hmac's second ``digest()`` is not an error in Node: it returns an empty result.
Like Hash, an Hmac is a lazily built Transform stream (``_lazy_transform``).
"""

from __future__ import annotations

import hmac as _hmac
from typing import Any, Final

from .._buffer import Buffer
from .._internal.validators import validate_string
from ..errors import ERR_CRYPTO_INVALID_DIGEST, CryptoError
from ._convert import encode_output, prepare_secret_key
from ._digests import lookup
from ._hash import HashBase, unsupported_digest

__all__ = ["Hmac", "create_hmac"]

_new_object: Final = object.__new__


def _new_hmac(secret: object, hashlib_name: str) -> Any:
    """A keyed HMAC object: OpenSSL's own (``_hashlib.HMAC``, what :func:`hmac.new` wraps),
    whose ``update``/``digest`` are C calls; :func:`hmac.new` for a digest OpenSSL's HMAC does
    not take (hashlib's own BLAKE2), as :mod:`hmac` itself falls back."""
    key = secret if type(secret) is bytes else bytes(secret)  # type: ignore[call-overload]
    if _openssl_hmac is not None:
        try:
            return _openssl_hmac(key, digestmod=hashlib_name)
        except _unsupported_digest:
            pass
    return _hmac.new(key, digestmod=hashlib_name)


_openssl_hmac: Any
_unsupported_digest: Any
try:
    from _hashlib import UnsupportedDigestmodError as _unsupported_digest
    from _hashlib import hmac_new as _openssl_hmac
except ImportError:  # a Python built without OpenSSL's hashlib: hmac's pure-Python HMAC
    _openssl_hmac = None
    _unsupported_digest = ValueError


class Hmac(HashBase):
    """Node's ``Hmac``: build one with :func:`create_hmac`."""

    __slots__ = ("_algorithm",)

    def __init__(
        self, hmac: str, key: object, *, encoding: str | None = None, **options: Any
    ) -> None:
        """``crypto.Hmac(hmac, key, options)``; prefer :func:`create_hmac`, as Node does."""
        self._setup(hmac, key, encoding, options)

    def _setup(self, hmac: str, key: object, encoding: str | None, options: dict[str, Any]) -> None:
        """Validate, key the HMAC and keep the stream options (the constructor's work)."""
        if type(hmac) is not str:
            validate_string(hmac, "hmac")
        if encoding is not None:
            validate_string(encoding, "options.encoding")
        secret = prepare_secret_key(key, encoding)
        digest = lookup(hmac)
        if digest is None:
            raise unsupported_digest(hmac, ERR_CRYPTO_INVALID_DIGEST(hmac))
        if digest.xof:
            # OpenSSL cannot key an HMAC with an extendable-output function; Node passes on
            # OpenSSL's empty error, message and all.
            raise CryptoError("error:00000000:lib(0)::reason(0)")
        self._handle = _new_hmac(secret, digest.hashlib_name)
        self._finalized = False
        self._algorithm = digest.name
        if encoding is not None:
            options["encoding"] = encoding  # Node's one options object: the stream's too
        self._keep_stream_options(options)

    def digest(self, encoding: str | None = None) -> Any:
        """The HMAC: a :class:`~trio_nodecompat.buffer.Buffer`, or with ``encoding`` a string.

        Encodings as :meth:`Hash.digest <trio_nodecompat.crypto.Hash.digest>`. A second call
        returns an empty result (``''``, or an empty Buffer for no encoding or ``'buffer'``),
        as Node does; ``update`` after it is ``ERR_CRYPTO_HASH_FINALIZED``.
        """
        if self._finalized:
            if encoding and encoding != "buffer":
                return ""
            return Buffer.alloc(0)
        self._finalized = True
        if encoding == "hex":
            return self._handle.hexdigest()
        return encode_output(self._handle.digest(), encoding)

    def __repr__(self) -> str:
        state = " finalized" if self._finalized else ""
        return f"<Hmac {self._algorithm}{state}>"


def create_hmac(
    algorithm: str, key: object, *, encoding: str | None = None, **options: Any
) -> Hmac:
    """Node's ``crypto.createHmac(algorithm, key[, options])``.

    ``algorithm`` is a digest name as for :func:`~trio_nodecompat.crypto.create_hash` (an
    unknown one is ``ERR_CRYPTO_INVALID_DIGEST``; SHAKE cannot key an HMAC). ``key`` is a
    string (in ``encoding``, default UTF-8), any bytes-like object, or a secret ``KeyObject``
    of the ``crypto`` extra. ``encoding`` also sets the stream's output encoding, and other
    keyword ``options`` are the Transform stream's, as Node passes its options object on.

    After the stream has pushed the HMAC (its ``end``), ``update`` is
    ``ERR_CRYPTO_HASH_UPDATE_FAILED`` and ``digest`` is empty, as in Node.
    """
    made = _new_object(Hmac)  # as create_hash: without the class's __new__/__init__ frames
    made._setup(algorithm, key, encoding, options)
    return made
