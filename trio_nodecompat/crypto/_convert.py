"""Node's crypto argument shapes, to bytes and back: the conversions every crypto module shares.

Node's crypto takes data as a string (with an encoding) or as an ``ArrayBuffer``/view; in this
package those are a ``str`` and any object with the buffer protocol (``Buffer``, ``bytes``,
``bytearray`` -- the package's ``ArrayBuffer`` -- ``memoryview``, ``array.array``, ``mmap``).
Strings go through the package's one codec (``trio_nodecompat._internal.encodings``).
Results that Node returns as a ``Buffer`` are a :class:`~trio_nodecompat.buffer.Buffer`, or a
string in any Buffer encoding.
"""

from __future__ import annotations

from typing import Any, Final, TypeAlias

from .._buffer import Buffer
from .._internal import encodings as _enc
from ..errors import ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE

__all__ = [
    "ByteView",
    "array_buffer_or_view",
    "as_view",
    "byte_source",
    "data_bytes",
    "encode_output",
    "prepare_secret_key",
]

#: What the converters hand to hashlib/hmac: a C-contiguous byte buffer.
ByteView: TypeAlias = bytes | bytearray | memoryview

_ENCODERS: Final = _enc._ENCODER_BY_ALIAS
_DECODERS: Final = _enc._DECODER_BY_ALIAS
_utf8_encode: Final = _enc.ENCODERS["utf8"]

_DATA_TYPES: Final = ["string", "Buffer", "TypedArray", "DataView"]
_BUFFER_SOURCE_TYPES: Final = ["string", "ArrayBuffer", "Buffer", "TypedArray", "DataView"]
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


def data_bytes(data: object, encoding: object) -> ByteView:
    """Node's rule for the ``data`` of ``hash.update(data, encoding)`` and ``crypto.hash``.

    A string is encoded (an odd-length hex string is ``ERR_INVALID_ARG_VALUE``, as Node's
    ``validateEncoding``); buffer-like data is used as it is; anything else is
    ``ERR_INVALID_ARG_TYPE``.
    """
    if type(data) is str:
        if encoding is not None and _is_hex(encoding):
            length = _enc.js_length(data)  # JS counts UTF-16 code units
            if length & 1:
                raise ERR_INVALID_ARG_VALUE(
                    "encoding", encoding, f"is invalid for data of length {length}"
                )
        return _string_bytes(data, encoding)
    view = as_view(data)
    if view is None:
        if isinstance(data, str):
            return data_bytes(str(data), encoding)
        raise ERR_INVALID_ARG_TYPE("data", _DATA_TYPES, data)
    return view


def _is_hex(encoding: object) -> bool:
    return encoding == "hex" or (
        isinstance(encoding, str) and _enc.normalize_encoding(encoding) == "hex"
    )


def array_buffer_or_view(value: object, name: str, encoding: object = None) -> ByteView:
    """Node's ``getArrayBufferOrView``: a string in ``encoding`` (``'buffer'`` is UTF-8; an
    unknown name is ``ERR_UNKNOWN_ENCODING``), or buffer-like bytes; else
    ``ERR_INVALID_ARG_TYPE`` naming ``name``."""
    if isinstance(value, str):
        if encoding is None or encoding == "buffer":
            return _utf8_encode(value)
        return _enc.encoder(encoding)(value)
    view = as_view(value)
    if view is None:
        raise ERR_INVALID_ARG_TYPE(name, _BUFFER_SOURCE_TYPES, value)
    return view


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


def encode_output(raw: bytes, encoding: object) -> Buffer | str:
    """A digest as Node's native ``digest(encoding)`` returns it.

    No encoding (``None``, ``''``) gives a Buffer; so does ``'buffer'`` and any name Node does
    not know (its native layer falls back to a Buffer rather than refusing); a known encoding,
    in any letter case, gives the string.
    """
    if encoding:
        if type(encoding) is str:
            decode = _DECODERS.get(encoding)
            if decode is None:
                canonical = _enc.normalize_encoding(encoding)
                if canonical is None:
                    return Buffer._own(raw)
                decode = _enc.DECODERS[canonical]
            return decode(raw)
    return Buffer._own(raw)
