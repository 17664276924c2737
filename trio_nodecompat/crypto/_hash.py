"""``crypto.createHash``, ``Hash`` and the one-shot ``crypto.hash``, on :mod:`hashlib`.

A :class:`Hash` holds one hashlib object and a finalized flag, in slots: the per-call work of
``update``/``digest`` is a type check and the hashlib call, so a short hash costs little more
than hashlib's own. The digest engine is OpenSSL through hashlib, so every digest is the one
Node's OpenSSL computes.

Hash and Hmac are also Transform streams, as in Node (write data, read the digest): they are
:class:`~trio_nodecompat.crypto._lazy_transform.LazyTransform` subclasses, so the stream state
is built only when a stream member is first used, and ``update``/``digest`` never pay for it.
"""

from __future__ import annotations

from typing import Any, Final

from .._buffer import Buffer
from .._internal import encodings as _enc
from .._internal.validators import validate_string, validate_uint32
from ..errors import (
    ERR_CRYPTO_HASH_FINALIZED,
    ERR_CRYPTO_HASH_UPDATE_FAILED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH,
    ERR_OSSL_EVP_UNSUPPORTED,
    CryptoError,
    NodeError,
)
from ._convert import as_view, data_bytes, encode_output
from ._digests import LEGACY_NAMES, Digest, cached, lookup
from ._lazy_transform import LazyTransform

__all__ = ["Hash", "HashBase", "create_hash", "hash", "unsupported_digest"]

_INPUT_TYPES: Final = ["Buffer", "TypedArray", "DataView", "string"]
_utf8_encode: Final = _enc.ENCODERS["utf8"]
_new_object: Final = object.__new__


def unsupported_digest(name: str, fallback: NodeError) -> NodeError:
    """The error for a digest name nothing here can build: OpenSSL's legacy-provider names get
    ``ERR_OSSL_EVP_UNSUPPORTED`` (as Node reports them), the rest ``fallback``."""
    if name.lower() in LEGACY_NAMES:
        return ERR_OSSL_EVP_UNSUPPORTED()
    return fallback


class HashBase(LazyTransform):
    """What :class:`Hash` and :class:`~trio_nodecompat.crypto.Hmac` share: ``update``, and the
    Transform face (``_transform`` feeds the handle, ``_flush`` pushes the digest)."""

    __slots__ = ("_handle", "_finalized")

    _handle: Any
    _finalized: bool

    def update(self, data: object, input_encoding: str | None = None) -> Any:
        """Feed ``data`` (a string in ``input_encoding``, default UTF-8, or any bytes-like
        object); returns the object itself, so calls chain as in Node.

        After :meth:`digest` this raises ``ERR_CRYPTO_HASH_FINALIZED``; a value that is not a
        string or bytes-like is ``ERR_INVALID_ARG_TYPE``; an odd-length ``'hex'`` string is
        ``ERR_INVALID_ARG_VALUE``. An encoding name Node does not know reads the string as
        UTF-8, as Node's native layer does.
        """
        if self._finalized:
            raise ERR_CRYPTO_HASH_FINALIZED()
        try:
            self._handle.update(data if type(data) is bytes else data_bytes(data, input_encoding))
        except ValueError as exc:
            if isinstance(exc, NodeError):
                raise
            raise ERR_CRYPTO_HASH_UPDATE_FAILED() from exc
        return self

    def _transform(self, chunk: Any, encoding: str | None, callback: Any) -> None:
        """The stream's write side: feed the chunk to the digest (Node's ``_transform``).

        After :meth:`digest` the chunk is dropped: Node's native handle is final by then and
        its ``_transform`` ignores the refused update.
        """
        data = data_bytes(chunk, encoding)
        if not self._finalized:
            self._handle.update(data)
        callback()

    def _flush(self, callback: Any) -> None:
        """The end of the writes: push the digest as a Buffer (Node's ``_flush``).

        As in Node, this does not set the finalized flag, but it finalizes the native state:
        the handle is replaced by :meth:`_spent_handle`, which answers later calls as Node's
        finalized native handle does (see Hash and Hmac).
        """
        raw = self._final_bytes()
        self._handle = self._spent_handle(raw)
        if raw:
            self.push(Buffer._own(raw))
        callback()

    def _final_bytes(self) -> bytes:
        """What the flush pushes: the digest; nothing if ``digest()`` consumed an Hmac."""
        if self._finalized:
            return b""
        return bytes(self._handle.digest())

    def _spent_handle(self, raw: bytes) -> Any:
        """The handle once the stream has pushed ``raw``: an Hmac's native context is gone."""
        return _SpentHmac()


class _SpentHmac:
    """An Hmac's handle after the stream pushed the HMAC: Node's native context is freed, so
    ``update`` fails (``ERR_CRYPTO_HASH_UPDATE_FAILED``) and ``digest`` is empty."""

    __slots__ = ()

    def update(self, data: object) -> None:
        raise ValueError("the HMAC context was finalized by the stream")

    def digest(self) -> bytes:
        return b""

    def hexdigest(self) -> str:
        return ""


class _PushedDigest:
    """A Hash's handle after the stream pushed the digest: Node's native Hash keeps the
    digest it computed and returns it from then on; updates are accepted and dropped.

    ``copy`` copies the state the digest was computed from (Node copies a finalized OpenSSL
    context, whose later output is not meaningful).
    """

    __slots__ = ("raw", "handle")

    def __init__(self, raw: bytes, handle: Any) -> None:
        self.raw = raw
        self.handle = handle

    def update(self, data: object) -> None:
        pass

    def digest(self, length: int | None = None) -> bytes:
        return self.raw

    def hexdigest(self, length: int | None = None) -> str:
        return self.raw.hex()

    def copy(self) -> Any:
        return self.handle.copy()


class _CopyOf:
    """The state a :meth:`Hash.copy` hands to the new Hash (Node passes its native handle)."""

    __slots__ = ("digest", "handle")

    def __init__(self, digest: Digest, handle: Any) -> None:
        self.digest = digest
        self.handle = handle


class Hash(HashBase):
    """Node's ``Hash``: build one with :func:`create_hash`.

    ``update(data, input_encoding=None)`` any number of times, then ``digest(encoding=None)``
    once; ``copy()`` clones the running state.
    """

    __slots__ = ("_digest", "_output_length")

    _digest: Digest
    #: The output length of an XOF (SHAKE); ``None`` for a fixed-size digest.
    _output_length: int | None

    def __init__(self, algorithm: str | _CopyOf, *, output_length: int | None = None) -> None:
        """``crypto.Hash(algorithm, options)``; prefer :func:`create_hash`, as Node does (it
        also takes the Transform stream's options, and has the fast path for a known name)."""
        self._setup(algorithm, output_length)

    def _setup(self, algorithm: object, output_length: object) -> None:
        """Everything :meth:`__init__`'s hot path skips: validation, lookup, copies, XOF length."""
        if type(algorithm) is not _CopyOf and type(algorithm) is not str:
            validate_string(algorithm, "algorithm")
        length = None
        if output_length is not None:
            length = validate_uint32(output_length, "options.outputLength")
        if type(algorithm) is _CopyOf:
            digest = algorithm.digest
            handle = algorithm.handle.copy()
        else:
            assert isinstance(algorithm, str)
            found = lookup(algorithm)
            if found is None:
                raise unsupported_digest(algorithm, CryptoError("Digest method not supported"))
            digest = found
            handle = digest.new()
        if digest.xof:
            self._output_length = digest.size if length is None else length
        else:
            if length is not None and length != digest.size:
                raise ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH()
            self._output_length = None
        self._digest = digest
        self._handle = handle
        self._finalized = False

    def digest(self, encoding: str | None = None) -> Any:
        """The digest: a :class:`~trio_nodecompat.buffer.Buffer`, or with ``encoding`` a string.

        ``encoding`` is any Buffer encoding in any letter case; ``'buffer'``, ``None``, ``''``
        and names Node does not know give a Buffer (Node's native rule). Once only: a second
        call (or ``update``/``copy`` after it) is ``ERR_CRYPTO_HASH_FINALIZED``. The return
        type is ``Buffer | str`` (``Any`` so callers need no cast).
        """
        if self._finalized:
            raise ERR_CRYPTO_HASH_FINALIZED()
        self._finalized = True
        length = self._output_length
        if encoding == "hex":
            return self._handle.hexdigest() if length is None else self._handle.hexdigest(length)
        raw = self._handle.digest() if length is None else self._handle.digest(length)
        return encode_output(raw, encoding)

    def _final_bytes(self) -> bytes:
        # After digest() the handle saw no more data (writes are dropped): the same digest.
        length = self._output_length
        return bytes(self._handle.digest() if length is None else self._handle.digest(length))

    def _spent_handle(self, raw: bytes) -> Any:
        return _PushedDigest(raw, self._handle)

    def copy(self, *, output_length: int | None = None) -> Hash:
        """A new Hash with this one's state (Node's ``hash.copy(options)``).

        ``output_length`` sets the copy's XOF output length; without it the copy has the
        algorithm's default length (Node does not carry the original's over). After
        :meth:`digest` this is ``ERR_CRYPTO_HASH_FINALIZED``.
        """
        if self._finalized:
            raise ERR_CRYPTO_HASH_FINALIZED()
        return type(self)(_CopyOf(self._digest, self._handle), output_length=output_length)

    def __repr__(self) -> str:
        state = " finalized" if self._finalized else ""
        return f"<Hash {self._digest.name}{state}>"


def create_hash(algorithm: str, *, output_length: int | None = None, **options: Any) -> Hash:
    """Node's ``crypto.createHash(algorithm[, options])``.

    ``algorithm`` is any name Node accepts, in any letter case (see
    :func:`~trio_nodecompat.crypto.get_hashes`; OpenSSL's own names such as ``'SHA2-256'``
    work too). ``output_length`` sets the output length of ``shake128``/``shake256`` (Node's
    defaults: 16 and 32 bytes); for a fixed-size digest it must equal the size
    (``ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH``). An unknown name is a :class:`CryptoError`
    ``Digest method not supported`` (Node's plain Error with no code); a name OpenSSL keeps in
    its legacy provider (``md4``) is ``ERR_OSSL_EVP_UNSUPPORTED``. Other keyword ``options``
    are the Transform stream's (``encoding``, ``high_water_mark``, ...), as Node passes its
    options object on: they take effect (and are checked) when the stream face is first used.
    """
    if output_length is None and not options and type(algorithm) is str:
        digest = cached(algorithm)
        if digest is not None:
            # The hot path: a name seen before, no options. The Hash is made without calling
            # the class, whose __new__ and __init__ would cost two more Python frames; these
            # are the slots _setup writes (the stream and emitter state come on first use).
            made = _new_object(Hash)
            made._handle = digest.new()
            made._digest = digest
            made._output_length = digest.default_length
            made._finalized = False
            return made
    made = Hash(algorithm, output_length=output_length)
    made._keep_stream_options(options)
    return made


def hash(algorithm: str, data: object, output_encoding: str = "hex") -> Any:
    """Node's one-shot ``crypto.hash(algorithm, data[, outputEncoding])`` (Node 20.12+, 21.7+).

    ``data`` is a string (hashed as UTF-8) or bytes-like; ``output_encoding`` is any Buffer
    encoding or ``'buffer'`` (a Buffer); an unknown one is ``ERR_INVALID_ARG_VALUE``. SHAKE
    gives Node's default lengths. Returns ``str | Buffer``.
    """
    if type(algorithm) is not str:
        validate_string(algorithm, "algorithm")
    if type(data) is str:
        raw: Any = _utf8_encode(data)
    elif type(data) is bytes:
        raw = data
    else:
        raw = None if isinstance(data, str) else as_view(data)
        if raw is None:
            if not isinstance(data, str):
                raise ERR_INVALID_ARG_TYPE("input", _INPUT_TYPES, data)
            raw = _utf8_encode(str(data))
    encoding: str | None = output_encoding
    if output_encoding != "hex":
        validate_string(output_encoding, "outputEncoding")
        encoding = _enc.normalize_encoding(output_encoding)
        if encoding is None:
            if output_encoding.lower() != "buffer":
                raise ERR_INVALID_ARG_VALUE("outputEncoding", output_encoding)
            encoding = None
    digest = lookup(algorithm)
    if digest is None:
        raise unsupported_digest(
            algorithm, CryptoError(f"Digest method {algorithm} is not supported")
        )
    handle = digest.new(raw)
    if digest.xof:
        if encoding == "hex":
            return handle.hexdigest(digest.size)
        return encode_output(handle.digest(digest.size), encoding)
    if encoding == "hex":
        return handle.hexdigest()
    return encode_output(handle.digest(), encoding)
