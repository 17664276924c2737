"""Node's ``node:buffer`` module: :class:`Buffer` and the module functions.

A :class:`Buffer` is a fixed-length, mutable window on bytes with Node's whole Buffer API and
Node's encodings byte for byte; ``subarray``/``slice`` and ``Buffer.from_(bytearray, ...)``
share memory as Node's do. On Python 3.12+ a Buffer is a real bytes-like object (PEP 688), so
``memoryview``, ``hashlib``, sockets and Trio streams take it without a copy.

``INSPECT_MAX_BYTES`` is a live module attribute, as in Node: assigning it (a number >= 0,
validated as Node does) changes how many bytes ``repr(buf)`` shows.
"""

from __future__ import annotations

import sys
import types

from . import _buffer
from ._buffer import (
    K_MAX_LENGTH,
    K_STRING_MAX_LENGTH,
    Buffer,
    atob,
    btoa,
    constants,
    is_ascii,
    is_utf8,
    transcode,
)

__all__ = [
    "INSPECT_MAX_BYTES",
    "K_MAX_LENGTH",
    "K_STRING_MAX_LENGTH",
    "Buffer",
    "atob",
    "btoa",
    "constants",
    "is_ascii",
    "is_utf8",
    "transcode",
]

#: How many bytes ``repr(buf)`` shows before ``... N more bytes`` (Node's default, 50).
#: Assigning ``trio_nodecompat.buffer.INSPECT_MAX_BYTES = n`` is validated like Node's setter.
INSPECT_MAX_BYTES: int | float = _buffer.INSPECT_MAX_BYTES_DEFAULT


class _BufferModule(types.ModuleType):
    """Makes ``INSPECT_MAX_BYTES`` a validated, live module attribute, as Node's is."""

    @property
    def INSPECT_MAX_BYTES(self) -> int | float:  # noqa: N802 - Node's name
        return _buffer.get_inspect_max_bytes()

    @INSPECT_MAX_BYTES.setter
    def INSPECT_MAX_BYTES(self, value: object) -> None:  # noqa: N802 - Node's name
        _buffer.set_inspect_max_bytes(value)


sys.modules[__name__].__class__ = _BufferModule
