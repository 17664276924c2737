"""Bytes in, bytes out: how the key, signature and cipher APIs take data and give results.

Node accepts a string (in an input encoding) or any ``ArrayBufferView`` wherever it takes
data, and returns a Buffer, or a string when an output encoding is named. Every public
function of this part of the package goes through these two helpers, and they go through the
package's one codec (:mod:`trio_nodecompat._internal.encodings`).
"""

from __future__ import annotations

from .._buffer import Buffer
from .._internal import encodings as _enc
from ..errors import ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE

__all__ = ["BYTES_LIKE", "as_bytes", "as_bytes_or_none", "check_hex_length", "output"]

#: Node's words for what a data argument may be.
BYTES_LIKE = ["string", "Buffer", "TypedArray", "DataView"]


def check_hex_length(data: str, encoding: object) -> None:
    """Node's ``validateEncoding`` for ``update``: hex input must have an even length."""
    if _enc.normalize_encoding(encoding) == "hex" and _enc.js_length(data) % 2:
        raise ERR_INVALID_ARG_VALUE(
            "encoding", encoding, f"is invalid for data of length {_enc.js_length(data)}"
        )


def as_bytes(
    data: object,
    encoding: object = None,
    name: str = "data",
    *,
    allow_string: bool = True,
    lenient_encoding: bool = False,
) -> bytes:
    """The bytes of ``data``: a string in ``encoding`` (default UTF-8), or a bytes-like value.

    ``lenient_encoding`` is Node's quirk of ``Cipher.update``/``Sign.update``: an input
    encoding Node does not know is read as UTF-8 instead of raising.
    """
    if isinstance(data, str):
        if not allow_string:
            raise ERR_INVALID_ARG_TYPE(name, ["Buffer", "TypedArray", "DataView"], data)
        if encoding is None or encoding == "buffer":
            return _enc.encode(data, "utf8")
        if lenient_encoding:
            check_hex_length(data, encoding)
            if not _enc.is_encoding(encoding):
                return _enc.encode(data, "utf8")
        return _enc.encode(data, str(encoding))
    if isinstance(data, bytes):
        return data
    if isinstance(data, Buffer):
        return bytes(data)
    if isinstance(data, bytearray | memoryview):
        return bytes(data)
    expected = BYTES_LIKE if allow_string else ["Buffer", "TypedArray", "DataView"]
    raise ERR_INVALID_ARG_TYPE(name, expected, data)


def as_bytes_or_none(data: object, encoding: object = None, name: str = "data") -> bytes | None:
    """:func:`as_bytes`, with ``None`` passed through (an optional argument left out)."""
    return None if data is None else as_bytes(data, encoding, name)


def output(data: bytes, encoding: object = None) -> Buffer | str:
    """A result as Node gives it: a Buffer, or a string when ``encoding`` names one.

    ``None`` and ``'buffer'`` mean a Buffer; an unknown encoding is ``ERR_UNKNOWN_ENCODING``.
    """
    if encoding is None or encoding == "buffer":
        return Buffer._own(data)
    return _enc.decode(data, _enc.resolve_encoding(encoding))
