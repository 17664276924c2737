"""Node's crypto argument shapes, to bytes and back: the conversions every crypto module shares.

Node's crypto takes data as a string (with an encoding) or as an ``ArrayBuffer``/view; in this
package those are a ``str`` and any object with the buffer protocol (``Buffer``, ``bytes``,
``bytearray`` -- the package's ``ArrayBuffer`` -- ``memoryview``, ``array.array``, ``mmap``).
Strings go through the package's one codec (``trio_nodecompat._internal.encodings``).
Results that Node returns as a ``Buffer`` are a :class:`~trio_nodecompat.buffer.Buffer`, or a
string in any Buffer encoding.

Both halves of the package (the standard-library one and the ``cryptography`` one) convert
through this module. Node's own checks differ by API -- which type words its
``ERR_INVALID_ARG_TYPE`` lists, whether a string is accepted, whether an unknown encoding is
an error or read as UTF-8 -- so the functions take the caller's variant as arguments rather
than each caller keeping a converter of its own.
"""

from __future__ import annotations

from typing import Any, Final, TypeAlias

from .._buffer import Buffer
from .._internal import encodings as _enc
from ..errors import ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE

__all__ = [
    "BUFFER_SOURCE_TYPES",
    "ByteView",
    "DATA_TYPES",
    "VIEW_TYPES",
    "array_buffer_or_view",
    "as_view",
    "byte_source",
    "check_hex_length",
    "data_bytes",
    "encode_output",
    "owned_bytes",
    "prepare_secret_key",
]

#: What the converters hand to hashlib/hmac: a C-contiguous byte buffer.
ByteView: TypeAlias = bytes | bytearray | memoryview

_ENCODERS: Final = _enc._ENCODER_BY_ALIAS
_DECODERS: Final = _enc._DECODER_BY_ALIAS
_utf8_encode: Final = _enc.ENCODERS["utf8"]

#: Node's words for data checked with ``isArrayBufferView`` (``update``'s ``data``).
DATA_TYPES: Final = ["string", "Buffer", "TypedArray", "DataView"]
#: The same, where a string is refused.
VIEW_TYPES: Final = ["Buffer", "TypedArray", "DataView"]
#: Node's words for ``getArrayBufferOrView``'s argument.
BUFFER_SOURCE_TYPES: Final = ["string", "ArrayBuffer", "Buffer", "TypedArray", "DataView"]
_BYTE_SOURCE_TYPES: Final = ["string", "ArrayBuffer", "TypedArray", "DataView", "Buffer"]
_SECRET_KEY_TYPES: Final = [
    "string",
    "ArrayBuffer",
    "Buffer",
    "TypedArray",
    "DataView",
    "KeyObject",
    "CryptoKey",
]


def as_view(value: object) -> ByteView | None:
    """The bytes of a buffer-protocol object, as a flat byte view; ``None`` for anything else.

    ``bytes`` and ``bytearray`` come back as they are, a Buffer as its view; other exporters
    (``memoryview``, ``array.array``, ``mmap``) as a ``'B'`` view, copied only when they are
    not contiguous. A ``str`` is not bytes here (it has no buffer protocol anyway).
    """
    tp = type(value)
    if tp is bytes or tp is bytearray:
        return value  # type: ignore[return-value]
    if isinstance(value, Buffer):
        return value._mem
    try:
        mem = memoryview(value)  # type: ignore[arg-type]
    except TypeError:
        return None
    if mem.c_contiguous:
        return mem if mem.format == "B" and mem.ndim == 1 else mem.cast("B")
    return mem.tobytes()


def _string_bytes(data: str, encoding: object) -> bytes | bytearray:
    """A string's bytes in ``encoding``, the way a hash's ``update`` reads them.

    Node's native layer takes any encoding it does not know (or ``'buffer'``, or none) as
    UTF-8 here rather than refusing it, so unknown names fall back to UTF-8.
    """
    if encoding is None:
        return _utf8_encode(data)
    if type(encoding) is str:
        found = _ENCODERS.get(encoding)
        if found is None:
            canonical = _enc.normalize_encoding(encoding)
            found = _enc.ENCODERS[canonical] if canonical is not None else _utf8_encode
        return found(data)
    return _utf8_encode(data)


def _is_hex(encoding: object) -> bool:
    return encoding == "hex" or (
        isinstance(encoding, str) and _enc.normalize_encoding(encoding) == "hex"
    )


def check_hex_length(data: str, encoding: object) -> None:
    """Node's ``validateEncoding``: a string read as hex must have an even length
    (``ERR_INVALID_ARG_VALUE``; JS counts UTF-16 code units)."""
    if encoding is not None and _is_hex(encoding):
        length = _enc.js_length(data)
        if length & 1:
            raise ERR_INVALID_ARG_VALUE(
                "encoding", encoding, f"is invalid for data of length {length}"
            )


def data_bytes(data: object, encoding: object, name: str = "data") -> ByteView:
    """Node's rule for the ``data`` of ``update(data, encoding)`` (Hash, Hmac, Sign, Verify,
    Cipher, Decipher) and ``crypto.hash``.

    A string is encoded (an odd-length hex string is ``ERR_INVALID_ARG_VALUE``, as Node's
    ``validateEncoding``; an encoding Node does not know is read as UTF-8); buffer-like data
    is used as it is; anything else is ``ERR_INVALID_ARG_TYPE`` naming ``name``.
    """
    if type(data) is str:
        check_hex_length(data, encoding)
        return _string_bytes(data, encoding)
    view = as_view(data)
    if view is None:
        if isinstance(data, str):
            return data_bytes(str(data), encoding, name)
        raise ERR_INVALID_ARG_TYPE(name, DATA_TYPES, data)
    return view


def array_buffer_or_view(
    value: object,
    name: str,
    encoding: object = None,
    *,
    expected: list[str] = BUFFER_SOURCE_TYPES,
    strings: bool = True,
) -> ByteView:
    """Node's ``getArrayBufferOrView``: a string in ``encoding`` (``'buffer'`` is UTF-8; an
    unknown name is ``ERR_UNKNOWN_ENCODING``), or buffer-like bytes, not copied; anything else
    is ``ERR_INVALID_ARG_TYPE`` naming ``name`` and listing ``expected`` (the API's own words).

    ``strings=False`` refuses a string too (the APIs that take only an ``ArrayBufferView``).
    """
    if isinstance(value, str) and strings:
        if encoding is None or encoding == "buffer":
            return _utf8_encode(value)
        return _enc.encoder(encoding)(value)
    view = as_view(value)
    if view is None:
        raise ERR_INVALID_ARG_TYPE(name, expected, value)
    return view


def owned_bytes(
    value: object,
    name: str,
    encoding: object = None,
    *,
    expected: list[str] = BUFFER_SOURCE_TYPES,
    strings: bool = True,
) -> bytes:
    """:func:`array_buffer_or_view` as immutable ``bytes``: for data that is kept (a key, a
    passphrase, a label) or handed to an API that takes only ``bytes``. Node copies such data
    too, so a later change to the caller's buffer does not reach it."""
    return bytes(array_buffer_or_view(value, name, encoding, expected=expected, strings=strings))


def byte_source(value: object, name: str) -> ByteView:
    """Node's ``validateByteSource`` (hkdf's ``salt`` and ``info``): UTF-8 string or bytes."""
    if isinstance(value, str):
        return _utf8_encode(value)
    view = as_view(value)
    if view is None:
        raise ERR_INVALID_ARG_TYPE(name, _BYTE_SOURCE_TYPES, value)
    return view


def prepare_secret_key(key: object, encoding: object = None, name: str = "key") -> ByteView:
    """Node's ``prepareSecretKey``: the secret bytes of an HMAC key (or a KDF's secret).

    A string (in ``encoding``) or buffer-like bytes is the key itself. A ``KeyObject`` (built by
    the ``cryptography`` half of this package) plugs in through one duck-typed hook: its class
    defines ``_secret_key_material(self) -> bytes``, returning the key bytes of a ``'secret'``
    key and raising ``ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE`` for any other type, as Node does.
    No import of that half is needed here, so this module works without ``cryptography``.
    """
    material = getattr(type(key), "_secret_key_material", None)
    if material is not None:
        secret: Any = material(key)
        return bytes(secret)
    if isinstance(key, str):
        return array_buffer_or_view(key, name, encoding)
    view = as_view(key)
    if view is None:
        raise ERR_INVALID_ARG_TYPE(name, _SECRET_KEY_TYPES, key)
    return view


def encode_output(raw: bytes, encoding: object, *, strict: bool = False) -> Buffer | str:
    """A result as Node returns it: a Buffer, or a string in ``encoding``.

    ``None`` and ``'buffer'`` give a Buffer; a known encoding, in any letter case, gives the
    string. The rest depends on the API, as in Node:

    - default, the native ``digest(encoding)`` rule (Hash, Hmac): any other name, ``''`` or a
      non-string gives a Buffer, since the native layer falls back rather than refusing;
    - ``strict=True``, the ``buf.toString(encoding)`` rule of the key APIs (``encode()`` in
      Node's ``lib/internal/crypto/util``): an unknown name is ``ERR_UNKNOWN_ENCODING``.
    """
    if encoding:
        if type(encoding) is str:
            decode = _DECODERS.get(encoding)
            if decode is not None:
                return decode(raw)
        if encoding == "buffer":
            return Buffer._own(raw)
        if strict:
            return _enc.DECODERS[_enc.resolve_encoding(encoding)](raw)
        if type(encoding) is str:
            canonical = _enc.normalize_encoding(encoding)
            if canonical is not None:
                return _enc.DECODERS[canonical](raw)
        return Buffer._own(raw)
    if strict and encoding is not None:
        return _enc.DECODERS[_enc.resolve_encoding(encoding)](raw)
    return Buffer._own(raw)
