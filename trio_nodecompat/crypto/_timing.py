"""``crypto.timingSafeEqual``, on :func:`hmac.compare_digest`."""

from __future__ import annotations

import hmac as _hmac

from ..errors import ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH, ERR_INVALID_ARG_TYPE, NodeError
from ._convert import ByteView, as_view

__all__ = ["timing_safe_equal"]


class _NativeArgTypeError(ERR_INVALID_ARG_TYPE):
    """``ERR_INVALID_ARG_TYPE`` as Node's native layer words it: no ``Received ...`` part."""

    def __init__(self, name: str, actual: object) -> None:
        NodeError.__init__(
            self,
            f'The "{name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, '
            "or DataView.",
        )
        self.actual = actual


def _operand(value: object, name: str) -> ByteView:
    view = as_view(value)
    if view is None:
        raise _NativeArgTypeError(name, value)
    return view


def timing_safe_equal(buf1: object, buf2: object) -> bool:
    """Node's ``crypto.timingSafeEqual(a, b)``: compare bytes in constant time.

    Both are bytes-like (Buffer, ``bytes``, ``bytearray``, ``memoryview``, ``array.array``,
    compared as their raw bytes); anything else is ``ERR_INVALID_ARG_TYPE``. Different byte
    lengths are ``ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH``, as in Node.
    """
    first = _operand(buf1, "buf1")
    second = _operand(buf2, "buf2")
    if len(first) != len(second):
        raise ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH()
    return _hmac.compare_digest(first, second)
